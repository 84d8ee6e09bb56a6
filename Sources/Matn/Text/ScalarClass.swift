import MatnICU

/// What the normaliser needs to know about a scalar, looked up in one table.
///
/// The BMP table (64 Ki entries) is built once from ICU and the standard library's
/// Unicode data; supplementary scalars (emoji, rare scripts) are classified on the fly.
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

  static let arabicLetter: ScalarClass = [.letter, .arabicScript]

  /// The class of `value`. On hot paths prefer a stored ``ScalarClasses`` value, which
  /// avoids the lazy-global check on every call.
  static func of(_ value: UInt32) -> ScalarClass { ScalarClasses.shared(value) }

  static func compute(_ value: UInt32) -> ScalarClass {
    guard let scalar = Unicode.Scalar(value) else { return [] }
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
    default: break
    }
    if value == 0x09 { c.insert(.space) }
    let script = Script(of: scalar)
    // Common characters used only with certain scripts (tatweel, Arabic comma,
    // Arabic-Indic digits) count as Arabic through Script_Extensions.
    if script == .arabic || script.isContextual && Script.scalar(scalar, isUsedWith: .arabic) {
      c.insert(.arabicScript)
    } else if script == .latin {
      c.insert(.latin)
    } else if !script.isContextual && script != .unknown {
      c.insert(.otherScript)
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

/// The classification table; stages keep one in a stored property.
struct ScalarClasses: @unchecked Sendable {
  /// 64 Ki entries, allocated once for the life of the process and never written
  /// after initialisation (a plain pointer: no retain, no bounds check per lookup).
  private let bmp: UnsafePointer<UInt16>

  static let shared: ScalarClasses = {
    let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x10000)
    for v in 0..<0x10000 { table[v] = ScalarClass.compute(UInt32(v)).rawValue }
    return ScalarClasses(bmp: UnsafePointer(table))
  }()

  @inline(__always)
  func callAsFunction(_ value: UInt32) -> ScalarClass {
    value < 0x10000 ? ScalarClass(rawValue: bmp[Int(value)]) : ScalarClass.compute(value)
  }
}
