import MatnICU

/// What the stages need to know about a scalar, one bit per fact: the first column of
/// ``CharacterTable``.
struct ScalarClass: OptionSet, Sendable {
  let rawValue: UInt16

  /// General category L*.
  static let letter = ScalarClass(rawValue: 1 << 0)
  /// General category M*.
  static let mark = ScalarClass(rawValue: 1 << 1)
  /// General category Nd.
  static let digit = ScalarClass(rawValue: 1 << 2)
  /// Horizontal white space (Zs and tab).
  static let space = ScalarClass(rawValue: 1 << 3)
  /// Script Arabic (letters, marks, Arabic-Indic digits, Arabic punctuation).
  static let arabicScript = ScalarClass(rawValue: 1 << 4)
  /// Script Latin.
  static let latin = ScalarClass(rawValue: 1 << 5)
  /// Joining_Type R or U: a letter that never joins the next one (ا د ذ ر ز ژ و ء…).
  static let nonJoiningNext = ScalarClass(rawValue: 1 << 6)
  /// Extended_Pictographic or an emoji modifier / variation selector 16 / keycap.
  static let emoji = ScalarClass(rawValue: 1 << 7)
  /// General category P*.
  static let punctuation = ScalarClass(rawValue: 1 << 8)
  /// General category S*.
  static let symbol = ScalarClass(rawValue: 1 << 9)
  /// Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFE).
  static let presentationForm = ScalarClass(rawValue: 1 << 10)
  /// Any script other than Latin, Arabic, Common and Inherited.
  static let otherScript = ScalarClass(rawValue: 1 << 11)
  /// General category Cf: an invisible format character (ZWSP, ZWNJ, ZWJ, LRM, RLM,
  /// bidi embeddings and isolates, word joiner, BOM, soft hyphen, ALM…).
  static let format = ScalarClass(rawValue: 1 << 12)
  /// A mandatory line break (UAX #14 classes BK, CR, LF, NL): LF, VT, FF, CR, NEL, LS, PS.
  static let lineBreak = ScalarClass(rawValue: 1 << 13)
  /// A combining mark of the Latin alphabet: Script_Extensions Latin (U+0363–036F), or
  /// Inherited for every script (Script_Extensions Zinh) in the combining diacritical
  /// mark blocks (U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF, U+FE20–FE2F): the accents of
  /// Latin letters, which no Arabic-script orthography uses. (Arabic-script marks carry
  /// ``arabicScript``.)
  static let latinMark = ScalarClass(rawValue: 1 << 14)

  static let arabicLetter: ScalarClass = [.letter, .arabicScript]

  /// The class of `value`. On hot paths prefer a stored ``ScalarClasses`` value, which
  /// avoids the lazy-global check on every call.
  static func of(_ value: UInt32) -> ScalarClass { ScalarClasses.shared(value) }

  /// The class of `value`, asked of ICU and the standard library (``CharacterTable``
  /// keeps it for the BMP).
  static func compute(_ value: UInt32) -> ScalarClass {
    guard let scalar = Unicode.Scalar(value) else { return [] }
    return compute(scalar, script: Script(of: scalar))
  }

  static func compute(_ scalar: Unicode.Scalar, script: Script) -> ScalarClass {
    let value = scalar.value
    var c: ScalarClass = []
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      c.insert(.letter)
    case .nonspacingMark, .spacingMark, .enclosingMark: c.insert(.mark)
    case .decimalNumber: c.insert(.digit)
    case .spaceSeparator: c.insert(.space)
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      c.insert(.punctuation)
    case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: c.insert(.symbol)
    case .format: c.insert(.format)
    default: break
    }
    if value == 0x09 { c.insert(.space) }
    if (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029 { c.insert(.lineBreak) }
    // Common characters used only with certain scripts (tatweel, Arabic comma,
    // Arabic-Indic digits) count as Arabic through Script_Extensions.
    if script == .arabic || script.isContextual && Script.scalar(scalar, isUsedWith: .arabic) {
      c.insert(.arabicScript)
    } else if script == .latin {
      c.insert(.latin)
    } else if !script.isContextual && script != .unknown {
      c.insert(.otherScript)
    }
    if c.contains(.mark) && !c.contains(.arabicScript) {
      let diacriticBlock =
        (0x0300...0x036F).contains(value) || (0x1AB0...0x1AFF).contains(value) || (0x1DC0...0x1DFF).contains(value)
        || (0xFE20...0xFE2F).contains(value)
      if script == .latin || diacriticBlock && script == .inherited && Script.scalar(scalar, isUsedWith: .inherited) {
        c.insert(.latinMark)
      }
    }
    if c.contains(.arabicLetter) {
      let joining = scalar.joiningType
      if joining == .rightJoining || joining == .nonJoining { c.insert(.nonJoiningNext) }
    }
    if scalar.isExtendedPictographic || scalar.isEmojiModifier || value == 0xFE0F || value == 0x20E3 {
      c.insert(.emoji)
    }
    if (0xFB50...0xFDFF).contains(value) || (0xFE70...0xFEFE).contains(value) { c.insert(.presentationForm) }
    return c
  }
}
