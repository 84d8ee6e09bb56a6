/// Persian (Arabic-script) name words to press-style Latin: a lexicon of name parts
/// first, then affixes (-i, -zadeh) and two-part compounds over the lexicon, then
/// letter rules with short-vowel insertion for the rest.
///
/// The output is built only from ASCII pieces, so no Arabic-script letter can survive.
///
/// - Thread safety: `Sendable` (immutable after loading).
struct PersianNameRomanizer: Sendable {
  static let shared = PersianNameRomanizer(
    lexiconLines: PersianLexicon.lines("Names/fa-name-parts.tsv").map(String.init))

  /// FNV-1a key of the folded native form (no ZWNJ, no harakat) → press spelling.
  /// Hashing scalars directly avoids String's normalising hash on every lookup.
  let lexicon: [UInt64: String]

  init(lexiconLines: [String]) {
    var lexicon: [UInt64: String] = [:]
    for line in lexiconLines {
      let fields = line.split(separator: "\t")
      guard fields.count >= 2 else { continue }
      let key = Self.key(Self.fold(Substring(fields[0])).filter { $0 != Self.zwnj })
      if lexicon[key] == nil { lexicon[key] = String(fields[1]) }
    }
    self.lexicon = lexicon
  }

  static let zwnj: Unicode.Scalar = "\u{200C}"

  /// One or more romanised parts for one written word (a compound such as محمدجواد
  /// gives two: "Mohammad", "Javad").
  func romanize(_ word: Substring) -> [String] {
    let scalars = Self.fold(word)
    let bare = scalars.filter { $0 != Self.zwnj }
    guard !bare.isEmpty else { return [] }
    if let parts = lexiconParts(bare) { return parts }
    // Split at ZWNJ: romanise each piece, suffix pieces glued without a space.
    var out = ""
    var piece: [Unicode.Scalar] = []
    func flush() {
      guard !piece.isEmpty else { return }
      if out.isEmpty {
        out = lexiconParts(piece)?.joined(separator: "-") ?? Self.rules(piece)
      } else {
        out += suffix(piece) ?? Self.rules(piece).lowercased()
      }
      piece = []
    }
    for v in scalars {
      if v == Self.zwnj { flush() } else { piece.append(v) }
    }
    flush()
    return out.isEmpty ? [] : [NameIndexer.capitalized(out)]
  }

  @inline(__always)
  static func key(_ s: some Collection<Unicode.Scalar>) -> UInt64 {
    PersianLexicon.key(s.lazy.map(\.value))
  }

  private func key(_ s: some Collection<Unicode.Scalar>) -> UInt64 { Self.key(s) }

  static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

  /// Lexicon hit on the whole word, on a stem plus a name suffix, or on two parts.
  private func lexiconParts(_ s: [Unicode.Scalar]) -> [String]? {
    if let hit = lexicon[key(s)] { return [hit] }
    if let (stem, ending) = splitSuffix(s), let hit = lexicon[key(stem)] {
      return [Self.join(hit, ending)]
    }
    if s.count >= 5 {
      for cut in 2...(s.count - 2) {
        if let a = lexicon[key(s[..<cut])], let b = lexicon[key(s[cut...])] { return [a, b] }
      }
    }
    return nil
  }

  /// A glued suffix piece after ZWNJ: ای / ی → "i", زاده → "zadeh", ها → "ha".
  private func suffix(_ s: [Unicode.Scalar]) -> String? {
    Self.gluedSuffixes.first { $0.0 == s }?.1
  }

  static let gluedSuffixes: [([Unicode.Scalar], String)] = [
    ("ای", "i"), ("ی", "i"), ("یی", "i"), ("زاده", "zadeh"), ("ها", "ha"), ("پور", "pour"),
  ].map { (scalars($0.0), $0.1) }

  static let nameSuffixes: [([Unicode.Scalar], String)] = [
    ("زاده", "zadeh"), ("پور", "pour"), ("نژاد", "nejad"), ("یی", "ei"), ("ای", "i"), ("ی", "i"),
  ].map { (scalars($0.0), $0.1) }

  /// Name suffixes written without ZWNJ: -zadeh, -pour, -i (after a vowel: -ei).
  private func splitSuffix(_ s: [Unicode.Scalar]) -> ([Unicode.Scalar], String)? {
    for (ending, latin) in Self.nameSuffixes where s.count > ending.count + 1 && s.suffix(ending.count).elementsEqual(ending) {
      return (Array(s.dropLast(ending.count)), latin)
    }
    return nil
  }

  /// A lexicon spelling plus a suffix: Rezaei = Reza + ei, Hosseini = Hossein + i,
  /// Fatemeh + i → Fatemei.
  private static func join(_ stem: String, _ ending: String) -> String {
    var stem = stem
    if ending == "i" || ending == "ei" {
      if stem.hasSuffix("eh") { stem.removeLast() }
      if let last = stem.last, "aeiou".contains(last) { return stem + (ending == "i" ? "i" : "ei") }
      return stem + "i"
    }
    return stem + ending
  }

  // MARK: Letter rules

  /// Arabic variants folded to Persian letters; harakat, tatweel dropped; ZWNJ kept.
  static func fold(_ word: Substring) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    for v in word.unicodeScalars {
      switch v.value {
      case 0x064A, 0x0649, 0x06CC: out.append("\u{06CC}")  // ي ى → ی
      case 0x0643: out.append("\u{06A9}")  // ك → ک
      case 0x06C0, 0x0629, 0x06BE, 0x06D5, 0x06C1: out.append("\u{0647}")  // ۀ ة ھ ە ہ → ه
      case 0x0623, 0x0625, 0x0671: out.append("\u{0627}")  // أ إ ٱ → ا
      case 0x0624: out.append("\u{0648}")  // ؤ → و
      case 0x064B...0x065F, 0x0670, 0x0640, 0x200D, 0x200E, 0x200F: continue
      case 0x200C: out.append(v)
      default: out.append(v)
      }
    }
    return out
  }

  enum Letter {
    case consonant(String)
    case alef, madda, vav, yeh, heh, ain, hamzaYeh, other(String)
  }

  static let consonants: [UInt32: String] = [
    0x0628: "b", 0x067E: "p", 0x062A: "t", 0x062B: "s", 0x062C: "j", 0x0686: "ch", 0x062D: "h", 0x062E: "kh",
    0x062F: "d", 0x0630: "z", 0x0631: "r", 0x0632: "z", 0x0698: "zh", 0x0633: "s", 0x0634: "sh", 0x0635: "s",
    0x0636: "z", 0x0637: "t", 0x0638: "z", 0x063A: "gh", 0x0641: "f", 0x0642: "gh", 0x06A9: "k", 0x06AF: "g",
    0x0644: "l", 0x0645: "m", 0x0646: "n",
  ]

  static func letter(_ v: Unicode.Scalar) -> Letter {
    if let c = consonants[v.value] { return .consonant(c) }
    switch v.value {
    case 0x0627: return .alef
    case 0x0622: return .madda
    case 0x0648: return .vav
    case 0x06CC: return .yeh
    case 0x0647: return .heh
    case 0x0639, 0x0621: return .ain
    case 0x0626: return .hamzaYeh
    case 0x06F0...0x06F9: return .other(String(v.value - 0x06F0))
    case 0x0660...0x0669: return .other(String(v.value - 0x0660))
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D: return .other(String(Character(v)))
    default: return .other("")
    }
  }

  /// One unit of the romanised word: a consonant (its Latin letters, possibly empty for
  /// ع) or a written vowel.
  enum Unit {
    case c(String)
    case v(String)
  }

  /// Letter rules with short-vowel insertion. Written vowels: ا آ, و and ی where they
  /// are not consonants, final ه as "eh". Unwritten short vowels: a consonant run before
  /// a vowel keeps its last consonant as the onset and gets "a" after every other
  /// consonant pair's first (CVC syllables); after a vowel the first consonant closes the
  /// syllable; a word-final run of three or more gets "e" before its last consonant.
  static func rules(_ s: [Unicode.Scalar]) -> String {
    let letters = s.map(letter)
    var units: [Unit] = []
    func isVowelUnit(_ u: Unit?) -> Bool { if case .v = u { return true } else { return false } }
    let n = letters.count
    for (i, l) in letters.enumerated() {
      let next: Letter? = i + 1 < n ? letters[i + 1] : nil
      let nextIsAlef: Bool = { if case .alef? = next { return true }; if case .madda? = next { return true }; return false }()
      let initial = i == 0
      let final = i == n - 1
      switch l {
      case .consonant(let c): units.append(.c(c))
      case .other(let o): if !o.isEmpty { units.append(.c(o)) }
      case .madda: units.append(.v("a"))
      case .alef:
        if initial, case .yeh? = next { continue }  // ای- : the yeh carries the vowel
        if initial, case .vav? = next { continue }  // او- : the vav carries the vowel
        units.append(.v("a"))
      case .ain:
        units.append(.c(""))
      case .hamzaYeh:
        units.append(.v("e"))
      case .heh:
        if final && i > 0 { units.append(.v("eh")) } else { units.append(.c("h")) }
      case .vav:
        let afterVowel = isVowelUnit(units.last)
        if i == 1 && units.isEmpty {
          units.append(.v("ou"))  // او-
        } else if initial || nextIsAlef || (afterVowel && !final) {
          units.append(.c("v"))
        } else {
          units.append(.v(final ? "o" : "ou"))
        }
      case .yeh:
        let afterVowel = isVowelUnit(units.last)
        let nextIsVav: Bool = { if case .vav? = next { return true }; return false }()
        if i == 1 && units.isEmpty {
          units.append(.v("i"))  // ای-
        } else if initial || nextIsAlef || nextIsVav || (afterVowel && !final) {
          units.append(.c("y"))
        } else {
          units.append(.v("i"))
        }
      }
    }
    // Insert short vowels into consonant runs.
    var out = ""
    var run: [String] = []
    var seenVowel = false
    func emitRun(beforeVowel: Bool) {
      defer { run = [] }
      guard !run.isEmpty else { return }
      var k = 0
      if seenVowel {
        // The first consonant closes the previous syllable (unless it is the onset).
        if run.count == 1 && beforeVowel { out += run[0]; return }
        out += run[0]
        k = 1
      }
      let rest = Array(run[k...])
      if beforeVowel {
        // rest.last is the onset; the others pair up into CVC syllables.
        let body = rest.dropLast()
        var j = 0
        let arr = Array(body)
        while j < arr.count {
          if j + 1 < arr.count {
            out += arr[j] + "a" + arr[j + 1]
            j += 2
          } else {
            out += arr[j] + (seenVowel ? "e" : "a")
            j += 1
          }
        }
        if let last = rest.last { out += last }
      } else {
        // Word end: CVC pairs; a lone consonant closes the last syllable.
        if rest.isEmpty { return }
        if seenVowel && rest.count == 1 { out += rest[0]; return }
        var j = 0
        var first = !seenVowel
        while j < rest.count {
          if j + 1 < rest.count {
            out += rest[j] + (first ? "a" : "e") + rest[j + 1]
            j += 2
          } else {
            out += rest[j]
            j += 1
          }
          first = false
        }
      }
    }
    for u in units {
      switch u {
      case .c(let c): run.append(c)
      case .v(let v):
        emitRun(beforeVowel: true)
        out += v
        seenVowel = true
      }
    }
    emitRun(beforeVowel: false)
    return NameIndexer.capitalized(out)
  }
}
