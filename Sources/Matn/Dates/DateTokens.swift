/// A token of a line being searched for dates: a run of digits, a word or one
/// punctuation scalar. Spaces and invisible marks are not tokens; `spaced` says whether
/// any came before.
struct DateToken {
  enum Kind: UInt8 { case number, word, punct }

  var kind: Kind
  /// UTF-8 offsets in the searched text.
  var start: Int
  var end: Int
  /// A number's value (capped, see `DateTokenizer.maxDigits`), or a punctuation scalar.
  var value: Int
  /// A number's count of digits.
  var digits: Int
  /// Whether a space or an invisible mark separates this token from the previous one.
  var spaced: Bool
}

/// Splits one line of UTF-8 into ``DateToken``s.
enum DateTokenizer {
  /// Longer digit runs keep their count but not their value.
  static let maxDigits = 9

  /// What a scalar is to the tokenizer: the facts of ``CharacterTable``, with the
  /// tokenizer's own choices — the digits dates are written in, and the marks that join
  /// the parts of a word.
  enum Role {
    case digit(Int)
    case letter, joiner, space, punct

    @inline(__always)
    static func of(_ v: UInt32, _ classes: ScalarClasses) -> Role {
      switch v {
      case 0x30...0x39: return .digit(Int(v - 0x30))
      case 0x6F0...0x6F9: return .digit(Int(v - 0x6F0))
      case 0x660...0x669: return .digit(Int(v - 0x660))
      // Inside a word they join its parts ("al-Thani", "Sha'ban"); elsewhere punctuation.
      case 0x27, 0x2D, 0x2019, 0x2BC, 0x2BE, 0x2BF, 0x200C, 0x200D: return .joiner
      default: break
      }
      let c = classes(v)
      // Spaces, line breaks and invisible format characters (LRM, ZWSP, BOM…) separate.
      if !c.isDisjoint(with: [.space, .lineBreak, .format]) { return .space }
      // Letters, marks and the digits of other scripts make words.
      if !c.isDisjoint(with: [.letter, .mark, .digit]) { return .letter }
      return .punct
    }
  }

  /// Tokenizes `bytes[range]` (a line, no line breaks inside) into `tokens`.
  ///
  /// - Complexity: O(*n*) in the length of the range.
  static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [DateToken]) {
    tokens.removeAll(keepingCapacity: true)
    let classes = ScalarClasses.shared
    var i = range.lowerBound
    var spaced = true
    // The token being built; appended when the next one starts.
    var current = DateToken(kind: .punct, start: i, end: i, value: 0, digits: 0, spaced: true)
    var building = false
    func start(_ kind: DateToken.Kind, _ at: Int, _ end: Int, _ value: Int) {
      if building { tokens.append(current) }
      current = DateToken(kind: kind, start: at, end: end, value: value, digits: 1, spaced: spaced)
      building = true
      spaced = false
    }
    while i < range.upperBound {
      let b = bytes[i]
      // Fast path: a run of ASCII letters extends or starts a word.
      if (b | 0x20) &- 0x61 < 26 {
        var j = i + 1
        while j < range.upperBound, (bytes[j] | 0x20) &- 0x61 < 26 { j += 1 }
        if building && current.kind == .word && current.end == i { current.end = j } else { start(.word, i, j, 0) }
        i = j
        continue
      }
      let (v, length) = ScalarScan.scalar(bytes, at: i)
      let next = i + length
      let extends = building && current.end == i
      switch Role.of(v, classes) {
      case .digit(let d):
        if extends && current.kind == .number {
          current.end = next
          current.digits += 1
          if current.digits <= maxDigits { current.value = current.value * 10 + d }
        } else {
          start(.number, i, next, d)
        }
      case .letter:
        if extends && current.kind == .word { current.end = next } else { start(.word, i, next, 0) }
      case .joiner:
        // Inside a word a joiner joins its parts ("al-Thani", "Sha'ban", «ربیع‌الثانی»);
        // after a word an apostrophe or ZWNJ stays with it ("Rabi'"), a hyphen does not.
        var letterFollows = false
        if next < range.upperBound, case .letter = Role.of(ScalarScan.scalar(bytes, at: next).value, classes) {
          letterFollows = true
        }
        if extends && current.kind == .word && (letterFollows || v != 0x2D) {
          current.end = next
        } else if v == 0x200C || v == 0x200D {
          spaced = true
        } else {
          start(.punct, i, next, Int(v))
        }
      case .space:
        spaced = true
      case .punct:
        start(.punct, i, next, Int(v))
      }
      i = next
    }
    if building { tokens.append(current) }
  }
}

/// An FNV-1a hash of a word's folded letters: the key under which ``DateNames`` are
/// looked up. Keys of consecutive words chain (`adding`), so «ربیع الثانی» in two
/// words and «ربیع‌الثانی» in one have one key.
struct DateWordKey: Hashable {
  private(set) var hash = FNV.basis

  /// Folds one scalar: nil for what keys ignore, else the scalar to hash.
  @inline(__always)
  static func fold(_ v: UInt32) -> UInt32? {
    switch v {
    case 0x41...0x5A: return v + 0x20
    case 0x064A, 0x0649, 0x0643: return PersianFold.yehKaf(v)
    case 0x0629, 0x06C0, 0x06D5: return 0x0647  // teh marbuta, heh with yeh, ae → heh
    case 0x0622, 0x0623, 0x0625, 0x0671: return 0x0627  // alef with madda/hamza/wasla → alef
    case 0x064B...0x065F, 0x0670, 0x0640, 0x06D4: return nil  // harakat, tatweel
    case 0x20, 0x2E, 0x27, 0x2D, 0x2019, 0x2BC, 0x2BE, 0x2BF, 0x200C, 0x200D, 0xA0: return nil
    default: return v
    }
  }

  mutating func add(_ v: UInt32) {
    guard let f = Self.fold(v) else { return }
    var x = f
    for _ in 0..<3 {
      hash = FNV.step(hash, x & 0xFF)
      x >>= 8
    }
  }

  /// The key of `word` (a table entry, any spaces and punctuation in it ignored).
  init(_ word: String) {
    for v in word.unicodeScalars { add(v.value) }
  }

  init() {}

  /// This key with the letters of `bytes[range]` appended.
  func adding(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> DateWordKey {
    var key = self
    var i = range.lowerBound
    while i < range.upperBound {
      let (v, length) = ScalarScan.scalar(bytes, at: i)
      key.add(v)
      i += length
    }
    return key
  }

  /// Whether the key is that of no letters at all.
  var isEmpty: Bool { hash == DateWordKey().hash }
}
