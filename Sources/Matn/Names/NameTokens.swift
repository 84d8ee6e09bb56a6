import MatnICU

/// One word of article text as name extraction sees it: its UTF-8 range in the
/// original text, its script, a folded lookup key, and what separates it from the
/// next word.
struct NameToken {
  enum Script: UInt8 {
    case latin, cyrillic, arabic
    /// Greek words are read (a Greek letter in a Latin or Cyrillic name is a homoglyph
    /// to see) but never extracted.
    case greek
  }

  /// What lies between this word and the next one.
  enum Gap: UInt8 {
    /// Only spaces (no line break): the words may belong to one name.
    case space
    /// A full stop straight after the word, then spaces: "J. Trump", "Mr. Smith".
    case period
    /// Anything else: punctuation, a line break, digits, another script, the end.
    case other
  }

  var start: Int
  var end: Int
  var script: Script
  var gap: Gap = .other
  /// The gap after the word holds a quotation mark and otherwise only spaces
  /// («"X Y" رئیس»): a name in quotes may end there.
  var quoted = false
  /// The gap after the word holds a full stop, a question or exclamation mark or a line
  /// break: the next word starts a sentence.
  var endsSentence = false
  /// The gap after the word holds one of those, a comma, a colon or a semicolon (Latin
  /// or Arabic): the next word starts a clause.
  var endsClause = false
  /// The first thing after the word, past spaces, is a quotation mark: a name in quotes
  /// may end there («مولانا «صوفی محمد»» and a line break).
  var quoteAfter = false
  /// FNV-1a of the folded scalars: lower case for Latin and Cyrillic; for Arabic
  /// script ي/ك and the other variants folded, harakat, tatweel and ZWNJ dropped.
  var key: UInt64 = FNV.basis
  /// The key of the part before the first hyphen ("ali" for "Ali-Akbar").
  var headKey: UInt64 = FNV.basis
  /// Range of the folded lower-case scalars in ``NameTokens/folded``.
  var foldedStart: Int
  var foldedEnd: Int
  var capitalized = false
  var hasLower = false
  var upperCount = 0
  /// Ended in "'s" / "’s" (cut off: `end` covers the name only).
  var possessive = false
  var hyphen = false
  /// The first letter after a hyphen is upper case ("al-Assad").
  var capitalAfterHyphen = false
  /// Letters of two of Latin, Cyrillic and Greek in one word ("Vеlаyаti" with
  /// Cyrillic е and а).
  var mixed = false
  /// A mixed word that looks like a word of one script (``MixedScriptConfusable``):
  /// its key, script and capitals are those of the look-alike.
  var confusable = false

  var letterCount: Int { foldedEnd - foldedStart }
  /// A single capital letter: an initial when a full stop follows.
  var isInitial: Bool { capitalized && letterCount == 1 }
  var isAllCaps: Bool { upperCount >= 2 && !hasLower }
}

/// The words of a text, in one linear pass over its scalars.
struct NameTokens {
  var tokens: [NameToken] = []
  /// Folded scalars of every token, back to back.
  var folded: [UInt32] = []
  /// The first word starts a sentence: the text starts there, or the ASCII gap before
  /// the range (a window of a longer text) holds a full stop, "!", "?" or a line break,
  /// as ``NameToken/endsSentence`` would say of the word before.
  var startsSentence = true
  /// The text starts a clause: a sentence, or after a comma, colon or semicolon (as
  /// ``NameToken/endsClause`` would say of the word before).
  var startsClause = true
  /// The bytes the words were read from, for a look past the window's ends (an occupation
  /// in apposition); valid only while that buffer is, nil for a `String`'s words.
  var source: UnsafeBufferPointer<UInt8>?

  /// Splits `text` into Latin, Cyrillic and Arabic-script words; hyphens and
  /// apostrophes between letters and ZWNJ between Arabic letters stay inside a word.
  /// Latin, Cyrillic and Greek letters run together into one word; when that word is a
  /// mixed-script confusable, it is read as its look-alike (see ``NameToken/confusable``).
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  init(_ text: String) {
    var text = text
    self = text.withUTF8 { NameTokens(utf8: $0, 0..<$0.count) }
    source = nil
  }

  /// The words of bytes `range` of `utf8` (valid UTF-8, cut at scalar boundaries),
  /// with offsets in all of `utf8`.
  init(utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    var reader = Reader(utf8: utf8)
    reader.tokens.reserveCapacity(range.count / 5)
    reader.folded.reserveCapacity(range.count)
    var offset = range.lowerBound
    while offset < range.upperBound {
      let (v, length) = ScalarScan.scalar(utf8, at: offset)
      reader.read(v, at: offset)
      offset += length
    }
    reader.end(at: offset)
    tokens = reader.tokens
    folded = reader.folded
    var back = range.lowerBound
    var sawBreak = false, sawClause = false
    while back > 0, utf8[back - 1] < 0x80, NameTokens.classify(UInt32(utf8[back - 1])) != .latin {
      let b = utf8[back - 1]
      if b == 0x0A || b == 0x0D || b == 0x21 || b == 0x3F || b == 0x2E { sawBreak = true }
      if b == 0x2C || b == 0x3A || b == 0x3B { sawClause = true }
      back -= 1
    }
    startsSentence = back == 0 || sawBreak
    startsClause = startsSentence || sawClause
    source = utf8
  }

  /// The state of reading words scalar by scalar: the word being read, a joiner that
  /// the next scalar decides on, and what separates the last word from the next.
  private struct Reader {
    let utf8: UnsafeBufferPointer<UInt8>
    var tokens: [NameToken] = []
    var folded: [UInt32] = []
    /// The word being read, valid while `inWord` (mutated in place: no copies per scalar).
    var t = NameToken(start: 0, end: 0, script: .latin, foldedStart: 0, foldedEnd: 0)
    var inWord = false
    /// A joiner seen inside a word, kept until the next scalar decides.
    var pendingOffset = -1
    var pendingScalar: UInt32 = 0
    var gapPeriod = false, gapOther = false, gapStarted = false
    /// The gap holds quotation marks; `gapOther` then tells whether it holds anything else.
    var gapQuote = false, gapNotQuote = false, gapBreak = false
    /// The gap holds a comma, colon or semicolon; its first mark (past spaces) is a quote.
    var gapClause = false, gapFirstQuote = false, gapMarked = false

    init(utf8: UnsafeBufferPointer<UInt8>) { self.utf8 = utf8 }

    /// Reads scalar `v` at byte `offset`.
    mutating func read(_ v: UInt32, at offset: Int) {
      let kind = NameTokens.classify(v)
      if inWord && pendingOffset >= 0 { decidePending(before: v, kind) }
      if inWord {
        if extend(with: v, kind, at: offset) { return }
        finish(at: offset)
      }
      separateOrStart(v, kind, at: offset)
    }

    /// A pending joiner is inside the word when the next scalar continues it (a hyphen
    /// also marks the word), else it ends the word and is a separator.
    private mutating func decidePending(before v: UInt32, _ kind: NameTokens.Kind) {
      let p = pendingOffset
      pendingOffset = -1
      if NameTokens.continues(t.script, kind) {
        if t.script != .arabic {
          NameTokens.append(pendingScalar, to: &t, folded: &folded)
          if pendingScalar == 0x2D || pendingScalar == 0x2010 || pendingScalar == 0x2011 {
            t.hyphen = true
            t.capitalAfterHyphen = NameTokens.isUpper(v)
          }
        }
      } else {
        finish(at: p)
        gapStarted = true
        if pendingScalar != 0x200C { gapOther = true }
      }
    }

    /// Whether `v` goes on with the word being read (a letter of its script, a joiner
    /// held pending, or a mark).
    private mutating func extend(with v: UInt32, _ kind: NameTokens.Kind, at offset: Int) -> Bool {
      if NameTokens.continues(t.script, kind) {
        NameTokens.append(v, kind: kind, to: &t, folded: &folded)
        return true
      }
      if kind == .joiner && NameTokens.joins(v, t.script) {
        pendingOffset = offset
        pendingScalar = v
        return true
      }
      return kind == .mark
    }

    /// Outside a word: a letter starts one; anything else is part of the gap.
    private mutating func separateOrStart(_ v: UInt32, _ kind: NameTokens.Kind, at offset: Int) {
      switch kind {
      case .latin, .cyrillic, .greek, .arabic:
        closeGap()
        t = NameToken(
          start: offset, end: offset, script: NameTokens.script(kind), foldedStart: folded.count, foldedEnd: folded.count)
        t.capitalized = NameTokens.isUpper(v)
        NameTokens.append(v, kind: kind, to: &t, folded: &folded)
        inWord = true
      case .space, .mark:
        gapStarted = true
      case .period:
        if !gapStarted && !gapOther { gapPeriod = true } else { gapOther = true }
        gapStarted = true
        gapNotQuote = true
        gapBreak = true
        gapMarked = true
      case .joiner, .other:
        gapStarted = true
        if v != 0x200C && v != 0x200E && v != 0x200F {
          gapOther = true
          if NameTokens.isQuote(v) { gapQuote = true } else { gapNotQuote = true }
          if !gapMarked { gapFirstQuote = NameTokens.isQuote(v) }
          gapMarked = true
          if v == 0x2C || v == 0x3A || v == 0x3B || v == 0x060C || v == 0x061B { gapClause = true }
          if v == 0x0A || v == 0x0D || v == 0x21 || v == 0x3F || v == 0x2029 || v == 0x2028 || v == 0x85 { gapBreak = true }
        }
      }
    }

    mutating func finish(at end: Int) {
      t.end = end
      if t.mixed { NameTokens.readAsLookAlike(&t, in: utf8, folded: &folded) }
      // "Jinping’s": the possessive is not part of the name.
      if t.script == .latin, t.foldedEnd - t.foldedStart >= 3, folded[t.foldedEnd - 1] == 0x73,
        NameTokens.isApostrophe(folded[t.foldedEnd - 2])
      {
        t.possessive = true
        t.end -= 1 + NameTokens.utf8Length(folded[t.foldedEnd - 2])
        t.foldedEnd -= 2
        t.key = PersianLexicon.key(folded[t.foldedStart..<t.foldedEnd])
      }
      if !t.hyphen { t.headKey = t.key }
      tokens.append(t)
      inWord = false
      gapPeriod = false
      gapOther = false
      gapStarted = false
      gapQuote = false
      gapNotQuote = false
      gapBreak = false
      gapClause = false
      gapFirstQuote = false
      gapMarked = false
    }

    mutating func closeGap() {
      guard !tokens.isEmpty else { return }
      let last = tokens.count - 1
      tokens[last].quoted = gapQuote && !gapNotQuote
      tokens[last].endsSentence = gapBreak
      tokens[last].endsClause = gapBreak || gapClause
      tokens[last].quoteAfter = gapFirstQuote
      if tokens[last].possessive || gapOther {
        tokens[last].gap = .other
      } else if gapPeriod {
        tokens[last].gap = .period
      } else {
        tokens[last].gap = .space
      }
    }

    /// Ends the text at `offset`.
    mutating func end(at offset: Int) {
      if inWord { finish(at: pendingOffset >= 0 ? pendingOffset : offset) }
      closeGap()
      if !tokens.isEmpty { tokens[tokens.count - 1].gap = .other }
    }
  }

  enum Kind { case latin, cyrillic, greek, arabic, mark, joiner, space, period, other }

  /// The script of a letter kind.
  @inline(__always)
  static func script(_ kind: Kind) -> NameToken.Script {
    switch kind {
    case .cyrillic: .cyrillic
    case .greek: .greek
    case .arabic: .arabic
    default: .latin
    }
  }

  @inline(__always)
  static func classify(_ v: UInt32) -> Kind {
    switch v {
    case 0x41...0x5A, 0x61...0x7A: return .latin
    case 0x20, 0x09, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
    case 0x2E: return .period
    case 0x27, 0x2D, 0x2010, 0x2011, 0x2019, 0x200C: return .joiner
    case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: return .latin
    case 0x400...0x4FF: return .cyrillic
    case 0x370...0x3FF, 0x1F00...0x1FFF: return Unicode.Scalar(v)?.properties.isAlphabetic == true ? .greek : .other
    case 0x621...0x63A, 0x641...0x64A, 0x66E...0x66F, 0x671...0x6D3, 0x6D5, 0x6EE...0x6EF, 0x6FA...0x6FF,
      0x750...0x77F, 0x8A0...0x8C9:
      return .arabic
    case 0x300...0x36F, 0x640, 0x64B...0x65F, 0x670, 0x6D6...0x6ED, 0x200D: return .mark
    default: return .other
    }
  }

  @inline(__always)
  static func continues(_ script: NameToken.Script, _ kind: Kind) -> Bool {
    switch script {
    case .latin, .cyrillic, .greek: return kind == .latin || kind == .cyrillic || kind == .greek
    case .arabic: return kind == .arabic
    }
  }

  /// A word mixing Latin, Cyrillic or Greek letters: when it is a mixed-script confusable,
  /// its script, key and capitals become those of its look-alike; otherwise it stays
  /// a word of its first letter's script whose key matches no list.
  static func readAsLookAlike(_ t: inout NameToken, in utf8: UnsafeBufferPointer<UInt8>, folded: inout [UInt32]) {
    let word = String(decoding: UnsafeBufferPointer(rebasing: utf8[t.start..<t.end]), as: UTF8.self)[...]
    guard let lookAlike = MixedScriptConfusable.analyse(word) else { return }
    switch lookAlike.script {
    case .latin: t.script = .latin
    case .cyrillic: t.script = .cyrillic
    case .greek: t.script = .greek
    default: return
    }
    t.confusable = true
    folded.removeSubrange(t.foldedStart...)
    t.foldedEnd = t.foldedStart
    t.key = FNV.basis
    t.headKey = FNV.basis
    t.upperCount = 0
    t.hasLower = false
    t.hyphen = false
    t.capitalAfterHyphen = false
    var first = true, afterHyphen = false
    for scalar in lookAlike.looksLike.unicodeScalars {
      let v = scalar.value
      switch classify(v) {
      case .latin, .cyrillic, .greek:
        if first { t.capitalized = isUpper(v) }
        if afterHyphen { t.capitalAfterHyphen = isUpper(v) }
        first = false
        afterHyphen = false
        append(v, kind: classify(v), to: &t, folded: &folded)
      case .joiner:
        append(v, to: &t, folded: &folded)
        if v == 0x2D || v == 0x2010 || v == 0x2011 {
          t.hyphen = true
          afterHyphen = true
        }
      default:
        break
      }
    }
  }

  /// Joiners that may sit inside a word of `script`: hyphens and apostrophes in Latin,
  /// hyphens in Cyrillic, ZWNJ in Arabic script.
  @inline(__always)
  static func joins(_ v: UInt32, _ script: NameToken.Script) -> Bool {
    switch script {
    case .latin: return v != 0x200C
    case .cyrillic, .greek: return v == 0x2D || v == 0x2010 || v == 0x2011
    case .arabic: return v == 0x200C
    }
  }

  @inline(__always)
  static func isApostrophe(_ v: UInt32) -> Bool { v == 0x27 || v == 0x2019 }

  /// Quotation marks: " « » “ ” „.
  @inline(__always)
  static func isQuote(_ v: UInt32) -> Bool { v == 0x22 || v == 0xAB || v == 0xBB || (v >= 0x201C && v <= 0x201E) }

  @inline(__always)
  static func isUpper(_ v: UInt32) -> Bool {
    switch v {
    case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x410...0x42F, 0x400...0x40F: return true
    case 0x100...0x24F, 0x1E00...0x1EFF, 0x370...0x3FF, 0x1F00...0x1FFF:
      return Unicode.Scalar(v)?.properties.isUppercase == true
    default: return false
    }
  }

  @inline(__always)
  static func utf8Length(_ v: UInt32) -> Int { v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4 }

  /// Appends a joiner kept inside a word (Latin and Cyrillic keep hyphens and
  /// apostrophes in the key).
  @inline(__always)
  static func append(_ v: UInt32, to t: inout NameToken, folded: inout [UInt32]) {
    let f: UInt32 = v == 0x2010 || v == 0x2011 ? 0x2D : v
    if f == 0x2D && t.headKey == FNV.basis { t.headKey = t.key }
    folded.append(f)
    t.foldedEnd += 1
    t.key = FNV.step(t.key, f)
  }

  /// Appends a letter, folded: lower case for Latin and Cyrillic; Persian letter
  /// variants for Arabic script.
  @inline(__always)
  static func append(_ v: UInt32, kind: Kind, to t: inout NameToken, folded: inout [UInt32]) {
    var f = v
    switch kind {
    case .latin, .cyrillic, .greek:
      if script(kind) != t.script { t.mixed = true }
      if isUpper(v) {
        t.upperCount += 1
        switch v {
        case 0x41...0x5A, 0xC0...0xDE, 0x410...0x42F: f = v + 0x20
        case 0x400...0x40F: f = v + 0x50
        case 0x370...0x3FF, 0x1F00...0x1FFF: f = Unicode.Scalar(v)?.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
        default: f = v + 1
        }
      } else {
        t.hasLower = true
      }
    case .arabic:
      f = PersianFold.nameLetter(v)
    default: break
    }
    folded.append(f)
    t.foldedEnd += 1
    t.key = FNV.step(t.key, f)
  }
}
