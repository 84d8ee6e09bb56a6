#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Persian (Arabic-script) name words to press-style Latin. In order: the curated
/// lexicon of name parts (`fa-name-parts.tsv`), the lexicon aligned from Wikidata
/// persons (``PersianNameModel``), a decomposition of compounds and suffixed forms into
/// parts of either (محمدرضا, یوسفزمانی, ابراهیمزاده), then the learned graphone model;
/// the letter rules only where the model has no graphone for a letter.
///
/// The output is built only from ASCII pieces, so no Arabic-script letter can survive.
///
/// - Thread safety: `Sendable` (immutable after loading).
struct PersianNameRomanizer: Sendable {
  /// The built-in romanizer: its lexicon read in place from `Tables/name-parts.bin`;
  /// computed from `fa-name-parts.tsv` when the table is missing.
  static let shared =
    PersianNameRomanizer.embedded
    ?? PersianNameRomanizer(lexiconLines: PersianLexicon.lines("Names/fa-name-parts.tsv").map(String.init), model: nil)

  /// The embedded table: the sections of ``computedSections()``.
  static let resourceName = "Tables/name-parts.bin"
  static let sectionCount = 6

  /// The built-in romanizer read in place from ``resourceName``, nil when the table is
  /// missing or malformed.
  static var embedded: PersianNameRomanizer? {
    PackedTable.embedded(resourceName, sections: sectionCount).flatMap { PersianNameRomanizer($0, model: nil) }
  }

  /// FNV-1a key of the folded native form (no ZWNJ, no harakat) → press spelling.
  /// Hashing scalars directly avoids String's normalising hash on every lookup.
  let lexicon: KeyedNames
  /// The same curated parts under the model's fold (آ as ا): for decomposition.
  let curated: KeyedNames
  /// A caller's lexicon and model, or nil for the built-in ones.
  private let customModel: PersianNameModel?
  /// The lexicon and graphone model: the built-in ones are read on the first Persian
  /// word, so a process that meets only Latin, Cyrillic or Han names never pays for them.
  var model: PersianNameModel { customModel ?? .shared }

  /// Rows `native<TAB>press spelling…` of a curated lexicon (as `fa-name-parts.tsv`).
  init(lexiconLines: [String], model: PersianNameModel?) {
    // The sections were just computed in the table format: they always read back.
    self.init(PackedTable(sections: Self.sections(lexiconLines)), model: model)!
  }

  /// The lexicon in `table` (sections as ``computedSections()`` writes them): the
  /// lexicon, then the curated parts, each a ``KeyedNames``.
  init?(_ table: PackedTable, model: PersianNameModel?) {
    guard table.sections.count == Self.sectionCount, let lexicon = KeyedNames(table, first: 0),
      let curated = KeyedNames(table, first: 3)
    else { return nil }
    self.lexicon = lexicon
    self.curated = curated
    self.customModel = model
  }

  /// The source of `Tables/name-parts.bin`: `fa-name-parts.tsv` as two ``KeyedNames``.
  static func computedSections() -> [[UInt64]] {
    sections(PersianLexicon.lines("Names/fa-name-parts.tsv").map(String.init))
  }

  /// The sections of rows `native<TAB>press spelling…`: the native form's key (a form
  /// several rows share belongs to the first), as written and under the model's fold.
  static func sections(_ lines: [String]) -> [[UInt64]] {
    var names: [Substring] = []
    var lexicon: [UInt64: Int] = [:]
    var curated: [UInt64: Int] = [:]
    for line in lines {
      let fields = line.split(separator: "\t")
      guard fields.count >= 2 else { continue }
      let index = names.count
      names.append(fields[1])
      let key = Self.key(Self.fold(Substring(fields[0])).filter { $0 != Self.zwnj })
      if key != 0 && lexicon[key] == nil { lexicon[key] = index }
      let folded = PersianNameModel.key(PersianNameModel.fold(fields[0].unicodeScalars))
      if folded != 0 && curated[folded] == nil { curated[folded] = index }
    }
    return KeyedNames.sections(names: names, entries: lexicon) + KeyedNames.sections(names: names, entries: curated)
  }

  static let zwnj: Unicode.Scalar = "\u{200C}"

  /// Words longer than this are not decomposed (the search is quadratic in length;
  /// name compounds are far shorter).
  static let longestDecomposed = 24

  /// Beam width of the graphone decoder.
  static let beam = 8

  /// This romaniser's beam width (``beam`` unless a caller trades accuracy for speed:
  /// ``NameIndexer/persianBeam``).
  var beam = PersianNameRomanizer.beam

  /// The romanisation of one written word (a compound such as محمدجواد may give
  /// "Mohammad Javad" or "Mohammadjavad", as the lexicon has it).
  func romanize(_ word: Substring, style: PersianNameStyle = .iran) -> [String] {
    guard let best = candidates(word, k: 1, style: style).first else { return [] }
    return [best.0]
  }

  /// Up to `k` romanisations of one written word with scores (shares of the lexicon
  /// weights, or of the model's probability mass over its beam), best first.
  func candidates(_ word: Substring, k: Int, style: PersianNameStyle = .iran) -> [(String, Double)] {
    let found = spelled(word, k: k, style: style)
    guard style == .afghanistan, !found.isEmpty else { return found }
    let folded = PersianNameModel.fold(Self.fold(word))
    let key = PersianNameModel.key(folded)
    var out: [(String, Double)] = []
    var keys: [String] = []
    for (latin, score) in found {
      let afghan = afghanSpelling(latin, folded: folded, key: key)
      guard found.count > 1 else { return [(afghan, score)] }
      let compare = NameIndexer.compareKey(afghan)
      if let i = keys.firstIndex(of: compare) {
        out[i].1 += score
      } else {
        out.append((afghan, score))
        keys.append(compare)
      }
    }
    return out
  }

  /// The weight of Afghan labels (one label's) from which the aligned lexicon's Afghan
  /// spellings of a part are trusted as they are in Afghan style: before the curated
  /// (Iranian press) spelling, and without ``afghanSpelling(_:folded:key:)``'s rewrites.
  static let afghanEvidence: Float = 1

  /// The Afghan press's spelling of a romanisation that no Afghan label attests (the
  /// curated list, the Iranian labels and the graphone model spell as Iran's press
  /// does): a final ه after a consonant or ی as "a", not "eh" (Hamida, Razia; in the
  /// Wikidata pairs 101 of 108.5 Afghan parts so ending have "a", 1,068.5 of 1,171
  /// Iranian ones "eh"), and و's "v" as "w" (Jawad, Siawash: 80.5 of 101 Afghan parts
  /// with either letter have "w", 1,338 of 1,442 Iranian ones "v"), and a final
  /// consonant + زی as "-zai".
  func afghanSpelling(_ latin: String, folded: [Unicode.Scalar], key: UInt64) -> String {
    if let entries = model.lexicon[key], entries.contains(where: { $0.afghanistan > 0 }) {
      let compare = NameIndexer.compareKey(latin)
      if entries.contains(where: { $0.afghanistan > 0 && NameIndexer.compareKey($0.latin) == compare }) { return latin }
    }
    var out = latin
    if folded.count >= 3, folded.last == "\u{0647}",
      !["\u{0627}", "\u{0648}", "\u{0647}"].contains(folded[folded.count - 2]), out.hasSuffix("eh")
    {
      out.removeLast(2)
      out += "a"
    }
    // The Pashto tribal -zai after a consonant (Ahmadzai, Barakzai: 24.5 of 25.5 Afghan
    // parts ending in a consonant and زی; none of 42.5 Iranian ones).
    if folded.count >= 4, folded.suffix(2).elementsEqual(["\u{0632}", "\u{06CC}"]),
      !["\u{0627}", "\u{0648}", "\u{06CC}"].contains(folded[folded.count - 3]), out.hasSuffix("zi")
    {
      out.removeLast()
      out += "ai"
    }
    guard out.utf8.contains(where: { $0 == UInt8(ascii: "v") || $0 == UInt8(ascii: "V") }) else { return out }
    return String(String.UnicodeScalarView(out.unicodeScalars.map { $0 == "v" ? "w" : $0 == "V" ? "W" : $0 }))
  }

  /// ``candidates(_:k:style:)`` before Afghan spellings.
  private func spelled(_ word: Substring, k: Int, style: PersianNameStyle) -> [(String, Double)] {
    let scalars = Self.fold(word)
    let bare = scalars.filter { $0 != Self.zwnj }
    guard !bare.isEmpty else { return [] }
    var out: [(String, Double)] = []
    func add(_ list: [(String, Double)], mass: Double) {
      let total = list.reduce(0) { $0 + $1.1 }
      guard total > 0 else { return }
      for (latin, w) in list where out.count < k {
        let key = NameIndexer.compareKey(latin)
        if out.contains(where: { NameIndexer.compareKey($0.0) == key }) { continue }
        out.append((latin, mass * w / total))
      }
    }
    let folded = PersianNameModel.fold(bare)
    let key = PersianNameModel.key(folded)
    // 1. The curated press spelling (as written, else with آ as ا: ایتالله as
    // آیت‌الله), then the aligned lexicon's spellings.
    let spellings = model.spellings(key, style: style, letters: folded, beam: beam)
    if let hit = lexicon.name(Self.key(bare)) ?? curated.name(key) {
      if style == .afghanistan, model.afghanWeight(key) >= Self.afghanEvidence {
        // The curated spellings are the Iranian press's: Afghan labels' spellings first.
        add(spellings, mass: 0.5)
        add([(hit, 1)], mass: 0.5)
        return out
      }
      out.append((hit, spellings.isEmpty ? 1 : 0.5))
      add(spellings, mass: 0.5)
      return out
    }
    if !spellings.isEmpty {
      add(spellings, mass: 1)
      // A glued compound of curated parts is shown as its parts: Seyyed Hassan, not
      // Seyyedhassan (the same letters).
      if let parts = lexiconParts(bare), parts.count == 2,
        NameIndexer.compareKey(parts.joined()) == NameIndexer.compareKey(out[0].0)
      {
        out[0].0 = parts.joined(separator: " ")
      }
      return out
    }
    // 2. ZWNJ marks the parts: each romanised alone, glued (a name suffix as such).
    if bare.count < scalars.count {
      var text = ""
      for piece in scalars.split(separator: Self.zwnj) {
        let piece = Substring(String(String.UnicodeScalarView(piece)))
        if text.isEmpty {
          text = candidates(piece, k: 1, style: style).first?.0 ?? ""
        } else if let ending = suffix(Array(piece.unicodeScalars)) {
          text += ending
        } else {
          text += (candidates(piece, k: 1, style: style).first?.0 ?? "").lowercased().filter { $0 != " " && $0 != "-" }
        }
      }
      if !text.isEmpty { return [(NameIndexer.capitalized(text), 1)] }
    }
    // 3. Parts of either lexicon, and name suffixes.
    if folded.count <= Self.longestDecomposed, let parts = decompose(folded, style: style) {
      out.append((parts, 0.6))
      if k > 1 { add(modelCandidates(folded, k: k, style: style), mass: 0.4) }
      return out
    }
    // 4. The graphone model; the letter rules where it has no graphone.
    let decoded = modelCandidates(folded, k: k, style: style)
    if !decoded.isEmpty { return decoded }
    if let parts = lexiconParts(bare) { return [(parts.joined(separator: " "), 1)] }
    return [(Self.rules(bare), 1)]
  }

  /// Pieces of one name written as words of their own, which real text often has:
  /// a name suffix after a space («خامنه ای», «حسین زاده»), an Arabic article compound
  /// (سیف الله, شمس الدین, or any ال- word whose compound the lexicons have) and the
  /// particles عبد, ابو, ابی before their word (عبد الباری). Each is joined to its word
  /// (a suffix with ZWNJ, so it is read as a suffix; the others glued, as the lexicons
  /// key them), so every spacing of a name gives the same romanisation.
  func joinPieces(_ words: [Substring]) -> [Substring] {
    guard words.count > 1 else { return words }
    var out: [Substring] = []
    var previousPersian = false
    for word in words {
      let persian = NameScript.of(word) == .persian
      defer { previousPersian = persian }
      guard persian, previousPersian, let last = out.last else {
        out.append(word)
        continue
      }
      let folded = PersianNameModel.fold(word.unicodeScalars)
      let first = PersianNameModel.fold(last.unicodeScalars)
      if Self.boundSuffixes.contains(where: { $0.elementsEqual(folded) }) {
        out[out.count - 1] = Substring(String(last) + "\u{200C}" + String(word))
      } else if Self.leadingParticles.contains(where: { $0.elementsEqual(first) })
        || (folded.starts(with: Self.article)
          && (Self.articleCompounds.contains(where: { $0.elementsEqual(folded) }) || isKnown(first + folded)))
      {
        out[out.count - 1] = Substring(String(last) + String(word))
      } else {
        out.append(word)
      }
    }
    return out
  }

  /// Whether a folded word is a part of either lexicon.
  func isKnown(_ folded: [Unicode.Scalar]) -> Bool {
    let key = PersianNameModel.key(folded)
    return curated.name(key) != nil || model.lexicon[key] != nil
  }

  static let boundSuffixes: [[Unicode.Scalar]] = ["ای", "ی", "یی", "ئی", "زاده", "پور", "نژاد"].map(scalars)
  static let leadingParticles: [[Unicode.Scalar]] = ["عبد", "ابو", "ابی"].map(scalars)
  static let article: [Unicode.Scalar] = scalars("ال")
  static let articleCompounds: [[Unicode.Scalar]] = [
    "الله", "اله", "الدین", "الدوله", "الملک", "الملوک", "السلطنه", "الاسلام", "الزمان", "الحق", "الرحمن", "الرحمان",
  ].map(scalars)

  /// The model's romanisations, capitalised, with their shares of the beam's mass.
  func modelCandidates(_ folded: [Unicode.Scalar], k: Int, style: PersianNameStyle) -> [(String, Double)] {
    let decoded = model.decode(folded, beam: beam, k: max(k, 1), style: style)
    guard let top = decoded.first?.1 else { return [] }
    let weights = decoded.map { (NameIndexer.capitalized($0.0), pow(10, Double($0.1 - top))) }
    let total = weights.reduce(0) { $0 + $1.1 }
    return weights.map { ($0.0, $0.1 / total) }
  }

  /// Name suffixes that may end a compound after a part: -zadeh, -pour, -nejad, -far,
  /// -ian, -loo, -i (after a vowel: -ei).
  static let partSuffixes: [([Unicode.Scalar], String)] = [
    ("زاده", "zadeh"), ("پور", "pour"), ("نژاد", "nejad"), ("فر", "far"), ("یان", "ian"), ("لو", "lou"),
    ("یی", "ei"), ("ئی", "ei"), ("ای", "i"), ("ی", "i"),
  ].map { (scalars($0.0), $0.1) }

  /// A word as two or three parts of the lexicons (each of three letters or more) and
  /// optionally a name suffix, fewest parts first, then the heaviest first part:
  /// یوسفزمانی → Yousefzamani, ابراهیمزاده → Ebrahimzadeh, محمدرضا → Mohammadreza.
  func decompose(_ s: [Unicode.Scalar], style: PersianNameStyle) -> String? {
    let n = s.count
    guard n >= 4 else { return nil }
    // A part's weight only while the cuts are compared (its spelling is looked up for
    // the best decomposition alone: spellings of equal weight ask the decoder).
    func part(_ range: Range<Int>) -> Double? {
      guard range.count >= 3 else { return nil }
      let key = PersianNameModel.key(s[range])
      if curated.name(key) != nil { return 1000 }
      // A part needs a label's weight (a lone alias is too weak to split a word on).
      if let top = model.topWeight(key, style: style), top >= 1 { return top }
      return nil
    }
    func spelling(_ range: Range<Int>) -> String {
      let key = PersianNameModel.key(s[range])
      return curated.name(key) ?? model.spellings(key, style: style, letters: Array(s[range]), beam: beam).first?.0 ?? ""
    }
    func suffix(_ range: Range<Int>) -> String? {
      Self.partSuffixes.first { $0.0.elementsEqual(s[range]) }?.1
    }
    var best: (pieces: Int, weight: Double, parts: [Range<Int>], ending: String?)?
    func consider(_ weight: Double, _ parts: [Range<Int>], _ ending: String?) {
      let pieces = parts.count + (ending == nil ? 0 : 1)
      if let b = best, pieces > b.pieces || (pieces == b.pieces && weight <= b.weight) { return }
      best = (pieces, weight, parts, ending)
    }
    for cut in 3..<n {
      guard let a = part(0..<cut) else { continue }
      if let e = suffix(cut..<n) { consider(a, [0..<cut], e) }
      if let b = part(cut..<n) { consider(a + b, [0..<cut, cut..<n], nil) }
      guard cut + 3 < n else { continue }
      for cut2 in (cut + 3)..<n {
        guard let b = part(cut..<cut2) else { continue }
        if let e = suffix(cut2..<n) {
          consider(a + b, [0..<cut, cut..<cut2], e)
        } else if let c = part(cut2..<n) {
          consider(a + b + c, [0..<cut, cut..<cut2, cut2..<n], nil)
        }
      }
    }
    guard let best else { return nil }
    // Parts glued (the first as spelt, the others lower case without spaces or
    // hyphens), a name suffix joined to the last.
    var pieces = best.parts.map(spelling)
    if let ending = best.ending { pieces[pieces.count - 1] = Self.join(pieces[pieces.count - 1], ending) }
    let text = pieces.enumerated().map { i, p in i == 0 ? p : p.lowercased().filter { $0 != " " && $0 != "-" } }.joined()
    return NameIndexer.capitalized(text)
  }

  @inline(__always)
  static func key(_ s: some Collection<Unicode.Scalar>) -> UInt64 {
    PersianLexicon.key(s.lazy.map(\.value))
  }

  private func key(_ s: some Collection<Unicode.Scalar>) -> UInt64 { Self.key(s) }

  static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

  /// Lexicon hit on the whole word, on a stem plus a name suffix, or on two parts.
  private func lexiconParts(_ s: [Unicode.Scalar]) -> [String]? {
    if let hit = lexicon.name(key(s)) { return [hit] }
    if let (stem, ending) = splitSuffix(s), let hit = lexicon.name(key(stem)) {
      return [Self.join(hit, ending)]
    }
    if s.count >= 5 {
      // The first part's key grows one letter per cut (FNV-1a reads left to right); the
      // second part is hashed only where the first is a name part, which only a short
      // prefix can be: O(n) for a long word, not O(n²).
      var first = FNV.basis
      for v in s[..<1] { first = FNV.step(first, v.value) }
      for cut in 2...(s.count - 2) {
        first = FNV.step(first, s[cut - 1].value)
        if let a = lexicon.name(first), let b = lexicon.name(key(s[cut...])) { return [a, b] }
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
      case 0x064B...0x065F, 0x0670, 0x0640, 0x200D, 0x200E, 0x200F: continue
      default: out.append(Unicode.Scalar(PersianFold.nameLetter(v.value)) ?? v)
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
  /// ع) or a vowel; `long` for a written long vowel (ا آ و ی), not for final ه "eh".
  enum Unit {
    case c(String)
    case v(String, long: Bool)

    var isVowel: Bool { if case .v = self { return true } else { return false } }
    var isLongVowel: Bool { if case .v(_, true) = self { return true } else { return false } }
  }

  /// Letter rules with short-vowel insertion (see ``units(_:)`` for the written vowels).
  /// Unwritten short vowels: a consonant run before a vowel keeps its last consonant as
  /// the onset and gets "a" after every other consonant pair's first (CVC syllables);
  /// after a vowel the first consonant closes the syllable, except that two consonants
  /// after a long vowel and before the word's end or its final vowel take "e" between
  /// them (the CāCeC names: Kazem, Nasser, Hashemi, Tahereh); a word with no written
  /// vowel and three consonants is CaCaC (Hasan, Jafar); a word-final run of three or
  /// more gets "e" before its last consonant.
  static func rules(_ s: [Unicode.Scalar]) -> String {
    let units = units(s.map(letter))
    var out = ""
    var run: [String] = []
    var previousVowel: Unit?
    func emitRun(before vowel: Unit?, final: Bool) {
      defer { run = [] }
      guard !run.isEmpty else { return }
      if let previousVowel, previousVowel.isLongVowel, run.count == 2, final {
        // CāCeC (Kazem, Hashemi), but -āyat, -iʿat take "a" (Velayati, Shariati).
        out += run[0] + (run[0] == "y" || run[0].isEmpty ? "a" : "e") + run[1]
        return
      }
      // `out` is one character (checked without counting the whole of a long word).
      if previousVowel != nil, !out.isEmpty, out.index(after: out.startIndex) == out.endIndex, run.count == 2, final {
        // After the word's initial vowel: VCaC (Arash, Azar, Asadi).
        out += run[0] + "a" + run[1]
        return
      }
      var k = 0
      if previousVowel != nil {
        // The first consonant closes the previous syllable (unless it is the onset).
        if run.count == 1 && vowel != nil { out += run[0]; return }
        out += run[0]
        k = 1
      }
      let rest = Array(run[k...])
      if vowel != nil {
        // rest.last is the onset; the others pair up into CVC syllables.
        let body = Array(rest.dropLast())
        var j = 0
        while j < body.count {
          if j + 1 < body.count {
            out += body[j] + "a" + body[j + 1]
            j += 2
          } else {
            out += body[j] + (previousVowel != nil ? "e" : "a")
            j += 1
          }
        }
        if let last = rest.last { out += last }
      } else {
        // Word end: CVC pairs; a lone consonant closes the last syllable.
        if rest.isEmpty { return }
        if previousVowel != nil && rest.count == 1 { out += rest[0]; return }
        // No written vowel at all: drop a medial ع, and three consonants are CaCaC.
        let word = previousVowel == nil ? rest.enumerated().filter { $0.offset == 0 || !$0.element.isEmpty }.map(\.element) : rest
        if previousVowel == nil && word.count == 3 {
          out += word[0] + "a" + word[1] + "a" + word[2]
          return
        }
        var j = 0
        var first = previousVowel == nil
        while j < word.count {
          if j + 1 < word.count {
            out += word[j] + (first ? "a" : "e") + word[j + 1]
            j += 2
          } else {
            out += word[j]
            j += 1
          }
          first = false
        }
      }
    }
    for (i, u) in units.enumerated() {
      switch u {
      case .c(let c): run.append(c)
      case .v(let v, _):
        emitRun(before: u, final: i == units.count - 1)
        out += v
        previousVowel = u
      }
    }
    emitRun(before: nil, final: true)
    return NameIndexer.capitalized(out)
  }

  /// The letters as consonants and written vowels: ا آ as "a" (long except
  /// word-initially, where ا only carries a short vowel); و and ی as vowels ("ou"/"o",
  /// "i") except word-initially, before ا, after a vowel (not word-finally), and و
  /// before a word-final ی (with "a" before it: Mousavi, Safavi); ی between a consonant
  /// and ا stays "i" (Pezeshkian, Siamak); initial او- "ou", ای- "i"; -āyi at the end as
  /// "aei" (Rajaei, Parsaei); final ه as "eh" after a consonant or ی, "h" after ا آ و
  /// (Chah, Kuh); ئ as "e"; ع and ء as an empty consonant.
  static func units(_ letters: [Letter]) -> [Unit] {
    var units: [Unit] = []
    let n = letters.count
    for (i, l) in letters.enumerated() {
      let next: Letter? = i + 1 < n ? letters[i + 1] : nil
      let nextIsAlef: Bool = {
        if case .alef? = next { return true }; if case .madda? = next { return true }; return false
      }()
      let nextIsFinalYeh: Bool = {
        if case .yeh? = next, i + 1 == n - 1 { return true }; return false
      }()
      let initial = i == 0
      let final = i == n - 1
      let afterVowel = units.last?.isVowel ?? false
      switch l {
      case .consonant(let c): units.append(.c(c))
      case .other(let o): if !o.isEmpty { units.append(.c(o)) }
      case .madda: units.append(.v("a", long: !initial))
      case .alef:
        if initial, case .yeh? = next { continue }  // ای- : the yeh carries the vowel
        if initial, case .vav? = next { continue }  // او- : the vav carries the vowel
        units.append(.v("a", long: !initial))  // initial ا carries a short vowel
      case .ain:
        units.append(.c(""))
      case .hamzaYeh:
        units.append(.v("e", long: false))
      case .heh:
        let afterAlefOrVav: Bool = {
          if i > 0, case .alef = letters[i - 1] { return true }
          if i > 0, case .madda = letters[i - 1] { return true }
          if i > 0, case .vav = letters[i - 1] { return true }
          return false
        }()
        if final && i > 0 && !afterAlefOrVav { units.append(.v("eh", long: false)) } else { units.append(.c("h")) }
      case .vav:
        if i == 1 && units.isEmpty {
          units.append(.v("ou", long: true))  // او-
        } else if initial || nextIsAlef || nextIsFinalYeh || (afterVowel && !final) {
          // -Cavi: Mousavi, Safavi, Pahlavi.
          if nextIsFinalYeh, case .c? = units.last { units.append(.v("a", long: false)) }
          units.append(.c("v"))
        } else {
          units.append(.v(final ? "o" : "ou", long: true))
        }
      case .yeh:
        let nextIsVav: Bool = {
          if case .vav? = next { return true }; return false
        }()
        let afterAlef: Bool = {
          if i > 0, case .alef = letters[i - 1] { return true }; return false
        }()
        if i == 1 && units.isEmpty {
          units.append(.v("i", long: true))  // ای-
        } else if afterAlef && nextIsFinalYeh {
          units.append(.v("e", long: false))  // -āyi → -aei
        } else if !initial, nextIsAlef, case .c? = units.last {
          units.append(.v("i", long: true))  // -Ciā-: Pezeshkian, Siamak, Kianoush
        } else if initial || nextIsAlef || nextIsVav || (afterVowel && !final) {
          units.append(.c("y"))
        } else {
          units.append(.v("i", long: true))
        }
      }
    }
    return units
  }
}
