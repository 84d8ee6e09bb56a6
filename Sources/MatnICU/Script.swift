import CICUShim

/// A Unicode script (the `Script` property, identified by its ISO 15924 code).
///
/// ```swift
/// Script(of: "ب").code                 // "Arab"
/// Script.extensions(of: "\u{064B}")     // [Arab, Syrc] (an Inherited mark used by both)
/// Script.scripts(of: "Hi سلام")          // [Latn, Latn, Zyyy, Arab, Arab, Arab, Arab]
/// ```
///
/// - Thread safety: `Sendable`; the lookups are pure.
public struct Script: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  /// ICU's `UScriptCode` value.
  public let rawValue: Int32

  /// Creates a script from a `UScriptCode` value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// The script with an ISO 15924 code (`"Arab"`) or property value name (`"Arabic"`).
  public init?(code: String) {
    let value = cicu_script_from_name(code)
    guard value >= 0 else { return nil }
    self.rawValue = value
  }

  /// The Script property value of `scalar`.
  ///
  /// The corresponding C function is `uscript_getScript`.
  public init(of scalar: Unicode.Scalar) {
    var status: Int32 = 0
    rawValue = cicu_script_of(scalar.value, &status)
    ICU.expect(status, "uscript_getScript")
  }

  /// The ISO 15924 code, such as `"Arab"`, `"Latn"`, `"Zyyy"` (Common).
  ///
  /// The corresponding C function is `uscript_getShortName`.
  public var code: String {
    cicu_script_code(rawValue).map { String(cString: $0) } ?? "Zzzz"
  }

  /// The property value name, such as `"Arabic"`, `"Common"`.
  ///
  /// The corresponding C function is `uscript_getName`.
  public var name: String {
    cicu_script_name(rawValue).map { String(cString: $0) } ?? "Unknown"
  }

  public var description: String { code }

  /// Whether the script is written right to left: Arabic, Hebrew, Syriac, Thaana,
  /// N'Ko and other historic scripts. False for Common, Inherited and Unknown.
  ///
  /// The corresponding C function is `uscript_isRightToLeft`.
  public var isRightToLeft: Bool { cicu_script_is_right_to_left(rawValue) != 0 }

  /// Whether this is Common (`Zyyy`) or Inherited (`Zinh`): characters such as digits,
  /// punctuation, ZWNJ and combining marks that take their script from context.
  public var isContextual: Bool { self == .common || self == .inherited }

  /// Common (`Zyyy`): shared punctuation, digits, spaces.
  public static let common = Script(rawValue: 0)
  /// Inherited (`Zinh`): marks and joiners that take the script of their base.
  public static let inherited = Script(rawValue: 1)
  /// Arabic (`Arab`), which also covers Persian, Urdu, Pashto, Kurdish.
  public static let arabic = Script(rawValue: 2)
  /// Cyrillic (`Cyrl`).
  public static let cyrillic = Script(rawValue: 8)
  /// Bopomofo (`Bopo`).
  public static let bopomofo = Script(rawValue: 5)
  /// Devanagari (`Deva`).
  public static let devanagari = Script(rawValue: 10)
  /// Greek (`Grek`).
  public static let greek = Script(rawValue: 14)
  /// Han (`Hani`).
  public static let han = Script(rawValue: 17)
  /// Hangul (`Hang`).
  public static let hangul = Script(rawValue: 18)
  /// Hebrew (`Hebr`).
  public static let hebrew = Script(rawValue: 19)
  /// Hiragana (`Hira`).
  public static let hiragana = Script(rawValue: 20)
  /// Katakana (`Kana`).
  public static let katakana = Script(rawValue: 22)
  /// Latin (`Latn`).
  public static let latin = Script(rawValue: 25)
  /// Syriac (`Syrc`).
  public static let syriac = Script(rawValue: 34)
  /// Thaana (`Thaa`).
  public static let thaana = Script(rawValue: 37)
  /// Yi (`Yiii`).
  public static let yi = Script(rawValue: 41)
  /// Japanese (`Jpan`): the ISO 15924 alias for Han + Hiragana + Katakana. No
  /// character has it as its Script value; it names mixed Japanese text.
  public static let japanese = Script(rawValue: 105)
  /// Korean (`Kore`): the ISO 15924 alias for Hangul + Han. No character has it as
  /// its Script value.
  public static let korean = Script(rawValue: 119)
  /// Han with Bopomofo (`Hanb`): the ISO 15924 alias for Han + Bopomofo. No character
  /// has it as its Script value.
  public static let hanWithBopomofo = Script(rawValue: 172)
  /// Unknown (`Zzzz`): unassigned code points.
  public static let unknown = Script(rawValue: 103)

  /// Every script ICU knows.
  public static var allScripts: [Script] {
    (0..<cicu_script_limit()).map(Script.init(rawValue:))
  }

  /// The Script_Extensions of `scalar`: every script it is used with (for most
  /// characters, just its Script value).
  ///
  /// The corresponding C function is `uscript_getScriptExtensions`.
  public static func extensions(of scalar: Unicode.Scalar) -> [Script] {
    var buffer = [Int32](repeating: 0, count: 32)
    var status: Int32 = 0
    var count = cicu_script_extensions(scalar.value, &buffer, Int32(buffer.count), &status)
    if status == ICUError.bufferOverflow.rawValue {
      buffer = [Int32](repeating: 0, count: Int(count))
      status = 0
      count = cicu_script_extensions(scalar.value, &buffer, count, &status)
    }
    ICU.expect(status, "uscript_getScriptExtensions")
    return buffer.prefix(Int(count)).map(Script.init(rawValue:))
  }

  /// Whether `script` is among the Script_Extensions of `scalar`.
  ///
  /// The corresponding C function is `uscript_hasScript`.
  public static func scalar(_ scalar: Unicode.Scalar, isUsedWith script: Script) -> Bool {
    cicu_script_has(scalar.value, script.rawValue) != 0
  }

  /// The Script value of every scalar of `text`, in order (one entry per element of
  /// `text.unicodeScalars`).
  ///
  /// - Complexity: O(*n*); the loop runs in C. `text` must be under 2 GiB.
  public static func scripts(of text: String) -> [Script] {
    var text = text
    return text.withUTF8 { utf8 in
      precondition(utf8.count <= Int32.max, "text longer than 2 GiB: split it first")
      return [Script](unsafeUninitializedCapacity: utf8.count) { out, count in
        count = out.withMemoryRebound(to: Int32.self) { raw in
          ICU.nonNull(utf8) { base in
            Int(cicu_scripts_utf8(base, Int32(utf8.count), raw.baseAddress, Int32(raw.count)))
          }
        }
      }
    }
  }
}

extension Unicode.Scalar {
  /// The scalar's Script property value.
  public var script: Script { Script(of: self) }

  /// The scalar's Script_Extensions.
  public var scriptExtensions: [Script] { Script.extensions(of: self) }
}
