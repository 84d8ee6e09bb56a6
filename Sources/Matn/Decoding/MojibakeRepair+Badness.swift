import MatnICU

/// How implausible a stretch of text looks: the number of places where characters meet
/// that real text does not put side by side, but UTF-8 read as a single-byte charset
/// does (`Ã©`, `â€™`, `Ð±`, `─î`, a C1 control).
///
/// Mojibake is made of the upper halves of single-byte charsets: accented capitals,
/// symbols, box drawing. Real text uses the same characters, but next to letters of its
/// own word, not glued to symbols. Each character is put in a few classes from its
/// Unicode properties (general category, script, decomposition); a score counts the
/// adjacent pairs whose classes do not go together. Repairs are accepted only where
/// they lower the score (see ``MojibakeRepair``).
extension MojibakeRepair {
  /// What a character is, for the score.
  struct Kind: OptionSet {
    let rawValue: UInt16
    /// C1 controls: no text uses them; a Latin-1 decoder leaves them for windows-1252 bytes.
    static let control = Kind(rawValue: 1 << 0)
    /// Symbols that real text all but never uses and mojibake is full of: spacing
    /// accents (¨ ¯ ¸ ˆ ˇ ˘ ˛ ˜), ¤ ¦ ¬ † ‡ ‰ ƒ ◊ ª º, U+FFFD.
    static let odd = Kind(rawValue: 1 << 1)
    /// Latin letters beyond ASCII, by case (not the o/u letters of ``face``).
    static let upper = Kind(rawValue: 1 << 2)
    static let lower = Kind(rawValue: 1 << 3)
    /// O and U with marks, ø, °: emoticons put these next to any symbol (`(ò¬ó)`).
    static let face = Kind(rawValue: 1 << 4)
    /// Greek and Cyrillic letters.
    static let greekCyrillic = Kind(rawValue: 1 << 5)
    /// Punctuation that opens (« “ ‘ „ ¡ ¿ • ©) and that closes (» ” › ® ™).
    static let opening = Kind(rawValue: 1 << 6)
    static let closing = Kind(rawValue: 1 << 7)
    static let currency = Kind(rawValue: 1 << 8)
    /// Superscripts, fractions, mathematical operators, µ.
    static let numeric = Kind(rawValue: 1 << 9)
    static let box = Kind(rawValue: 1 << 10)
    /// What windows-1252 shows for the lead bytes of Latin-1, Greek and Cyrillic in
    /// UTF-8 (C2 C3 CE D0: Â Ã Î Ð), capitals rare in real text before a symbol.
    static let lead = Kind(rawValue: 1 << 11)
    /// What windows-1252 puts at 80–9F among letters (Š š Œ œ Ž ž Ÿ): after ``lead``
    /// they are mojibake (`ÃŸ`, `Ãš`), not a word.
    static let upperHalfLetter = Kind(rawValue: 1 << 12)
    /// ¶ §: after a capital they are the continuation of Ì, Î, Ë… (`Ì¶` is U+0336).
    static let legal = Kind(rawValue: 1 << 13)
  }

  /// Kinds of U+0080–U+25FF (other characters have none but U+FFFD, which is ``odd``).
  private static let kinds: [Kind] = {
    let windows1252 = charsets.first { $0.name == "windows-1252" }?.bytes ?? [:]
    var leads: Set<UInt32> = []
    var upperHalf: Set<UInt32> = []
    for (scalar, byte) in windows1252 {
      if [0xC2, 0xC3, 0xCE, 0xD0].contains(byte) { leads.insert(scalar) }
      if byte >= 0x80 && byte <= 0x9F && scalar > 0xFF, Unicode.Scalar(scalar)?.properties.isAlphabetic == true {
        upperHalf.insert(scalar)
      }
    }
    let nfd = Normalizer.shared(.nfd)
    return (0..<0x2600).map { v -> Kind in
      guard v >= 0x80, let scalar = Unicode.Scalar(UInt32(v)) else { return [] }
      if v <= 0x9F { return .control }
      var kind: Kind = []
      let properties = scalar.properties
      let script = Script(of: scalar)
      switch v {
      case 0xA4, 0xA6, 0xAC, 0xAA, 0xBA, 0x192, 0x2C6, 0x2C7, 0x2020, 0x2021, 0x2030, 0x25CA: kind.insert(.odd)
      case 0xA1, 0xBF, 0xA9, 0x2022: kind.insert(.opening)
      case 0xAE, 0x2122: kind.insert(.closing)
      case 0xB5, 0x2116: kind.insert(.numeric)
      case 0xA7, 0xB6: kind.insert(.legal)
      case 0xB0, 0xF8: kind.insert(.face)
      default: break
      }
      switch properties.generalCategory {
      // Spacing accents, but not ´ (an apostrophe to many) or the Greek tonos.
      case .modifierSymbol where v != 0xB4 && v != 0x384 && v != 0x385: kind.insert(.odd)
      case .initialPunctuation, .openPunctuation: kind.insert(.opening)
      // ’ is an apostrophe, at home between letters.
      case .finalPunctuation where v != 0x2019, .closePunctuation: kind.insert(.closing)
      case .currencySymbol where v != 0xA4: kind.insert(.currency)
      case .otherNumber: kind.insert(.numeric)
      case .mathSymbol where v != 0xAC: kind.insert(.numeric)
      case .uppercaseLetter, .titlecaseLetter, .lowercaseLetter:
        let upper = properties.generalCategory != .lowercaseLetter
        if script == .latin && v != 0x192 {
          let base = nfd.normalize(String(scalar)).unicodeScalars.first?.value ?? 0
          if [0x4F, 0x6F, 0x55, 0x75].contains(base) {
            kind.insert(.face)
          } else if !kind.contains(.face) {
            kind.insert(upper ? .upper : .lower)
          }
        } else if script == .greek || script == .cyrillic {
          kind.insert(.greekCyrillic)
        }
      default: break
      }
      if (0x2500...0x259F).contains(v) { kind.insert(.box) }
      if leads.contains(UInt32(v)) { kind.insert(.lead) }
      if upperHalf.contains(UInt32(v)) { kind.insert(.upperHalfLetter) }
      return kind
    }
  }()

  static func kind(_ v: UInt32) -> Kind {
    v < 0x2600 ? kinds[Int(v)] : v == 0xFFFD ? .odd : []
  }

  /// The kind for scoring a repair's result: U+FFFD there stands for a byte already
  /// lost, not for implausible text.
  private static func resultKind(_ v: UInt32) -> Kind {
    v == 0xFFFD ? [] : kind(v)
  }

  /// Pairs of windows-1252, windows-1251, windows-1253 and windows-1257 characters
  /// that spell bytes E2 80, the start of the UTF-8 of ’ “ ” – — … (`â€`, `вЂ`, `β€`, `ā€`):
  /// the most common mojibake there is, and nothing real text writes.
  private static let punctuationStarts: Set<UInt64> = {
    var pairs: Set<UInt64> = []
    for charset in charsets where ["windows-1252", "windows-1251", "windows-1253", "windows-1257"].contains(charset.name) {
      let inverse = Dictionary(charset.bytes.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
      if let e2 = inverse[0xE2], let x80 = inverse[0x80] { pairs.insert(UInt64(e2) << 32 | UInt64(x80)) }
    }
    return pairs
  }()

  /// The number of implausible places in `s` (0: reads as real text); for a repair's
  /// result (`repaired`), U+FFFD is not held against it.
  ///
  /// - Complexity: O(*n*).
  static func badness(_ s: ArraySlice<UInt32>, repaired: Bool = false) -> Int {
    let kind = repaired ? resultKind : kind
    var score = 0
    var i = s.startIndex
    let letters: Kind = [.upper, .lower]
    let symbols: Kind = [.odd, .upper, .lower, .box, .opening, .closing, .currency, .numeric]
    while i < s.endIndex {
      let a = kind(s[i])
      if a.contains(.control) { score += 1 }
      guard i + 1 < s.endIndex else { break }
      let b = kind(s[i + 1])
      let after = i + 2 < s.endIndex ? s[i + 2] : 0x20
      var bad = false
      // An odd symbol glued to a letter or symbol of the upper half (Ĺ˝, Ã¨, ï¿½).
      if (a.contains(.odd) && !b.isDisjoint(with: symbols)) || (b.contains(.odd) && !a.isDisjoint(with: symbols)) {
        bad = true
      }
      // A capital after a small letter or symbol (ÃƒÂ, Ñ€Ð, ─Ä); a small letter after a
      // symbol (┼í, ®ä).
      if b.contains(.upper) && !a.isDisjoint(with: [.lower, .greekCyrillic, .box, .closing, .currency, .numeric]) { bad = true }
      if b.contains(.lower) && !a.isDisjoint(with: [.box, .closing, .currency, .numeric]) { bad = true }
      // A currency sign after a letter or closing mark (â€, Â£ after a small letter).
      if b.contains(.currency) && !a.isDisjoint(with: [.lower, .box, .closing]) { bad = true }
      // Superscripts and operators after a capital (Î³, Ø±), ¶ § after a capital (Ì¶), °
      // after a capital (Ä°).
      if !b.isDisjoint(with: [.numeric, .legal]) && !a.isDisjoint(with: [.upper, .box]) { bad = true }
      if s[i + 1] == 0xB0 && a.contains(.upper) { bad = true }
      // Opening marks after numbers and currency (×‘), box drawing beside letters or marks.
      if b.contains(.opening) && !a.isDisjoint(with: [.currency, .numeric, .box]) { bad = true }
      if b.contains(.box) && !a.isDisjoint(with: [.upper, .lower, .currency, .numeric]) { bad = true }
      if a.contains(.box) && !b.isDisjoint(with: [.face, .closing]) { bad = true }
      // An accented letter, a mark, then a letter: a word does not continue after ©, ”, «.
      if !a.isDisjoint(with: letters) && !b.isDisjoint(with: [.opening, .closing]) && wordCharacter(after) { bad = true }
      // Â Ã Î Ð before a symbol or punctuation of the upper half (Ã©, Â´, Ã€, Â\u{A0}), or
      // before Š œ Ÿ; quotation marks only when a word goes on (HÃ”TEL, not VOLVO Ã”).
      if a.contains(.lead) && s[i + 1] >= 0xA0 || (a.contains(.lead) && b.contains(.control)) {
        let category = Unicode.Scalar(s[i + 1]).map { $0.properties.generalCategory }
        let quote = category == .initialPunctuation || category == .finalPunctuation
        let letter = b.contains(.upperHalfLetter) || !(b.isDisjoint(with: [.upper, .lower, .face, .greekCyrillic]))
        // (’ is an apostrophe: `Ã’s` is a plural.)
        if s[i + 1] != 0x2019 && (b.contains(.upperHalfLetter) || (!letter && !quote) || (quote && wordCharacter(after))) {
          bad = true
        }
      }
      // Greek or Cyrillic letters around a symbol of the upper half (Г‚В, Р‚Р).
      if a.contains(.greekCyrillic) && !b.isDisjoint(with: [.control, .odd, .opening, .closing, .currency, .numeric, .face])
        && kind(after).contains(.greekCyrillic)
      {
        bad = true
      }
      // An ASCII letter, a Greek or Cyrillic letter, then an odd symbol (signiп¬); a Greek or
      // Cyrillic letter, a symbol, then an ASCII letter (vЙ™r: windows-1251 for və).
      if i > s.startIndex, isASCIILetter(s[i - 1]), a.contains(.greekCyrillic), b.contains(.odd) { bad = true }
      if a.contains(.greekCyrillic) && !b.isDisjoint(with: [.control, .odd, .opening, .closing, .currency, .numeric])
        && isASCIILetter(after)
      {
        bad = true
      }
      // A small ASCII letter, an accented capital, then more of the upper half: a word
      // does not turn capital in its middle (wĂĽnscht, ViÄŤ).
      if i > s.startIndex, s[i - 1] >= 0x61 && s[i - 1] <= 0x7A, a.contains(.upper), s[i + 1] >= 0xA0,
        s[i + 1] != 0xA0, !kind(s[i + 1]).isEmpty || (Unicode.Scalar(s[i + 1])?.properties.isAlphabetic ?? false)
      {
        bad = true
      }
      if punctuationStarts.contains(UInt64(s[i]) << 32 | UInt64(s[i + 1])) { bad = true }
      // Â or Ã alone before a space, after a small letter or at the start (voilÃ le):
      // à and a no-break space whose byte A0 became a space.
      if (s[i] == 0xC2 || s[i] == 0xC3) && s[i + 1] == 0x20 {
        var k = i - 1
        if k >= s.startIndex && s[k] == 0x20 { k -= 1 }
        if k < s.startIndex || (s[k] >= 0x61 && s[k] <= 0x7A) { bad = true }
      }
      if bad { score += 1 }
      i += 1
    }
    return score
  }

  private static func isASCIILetter(_ v: UInt32) -> Bool {
    (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
  }

  /// A letter or digit of any script.
  private static func wordCharacter(_ v: UInt32) -> Bool {
    guard let scalar = Unicode.Scalar(v) else { return false }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter, .decimalNumber: return true
    default: return false
    }
  }
}
