import MatnICU

/// Matn («متن», "text"): turns raw, messy, mixed-script news text into clean,
/// structured text for an article model.
///
/// The module is organised by capability, one folder each (Decoding, Cleanup,
/// Orthography, Scripts, Language, Bidi, Names, Article, Pipeline); Unicode services
/// come from `MatnICU`, which wraps system ICU.
public enum MatnInfo {
  /// The toolkit's version.
  public static let version = "0.1.0"
  /// The version of the system ICU library Matn runs on, such as "72.1".
  public static var icuVersion: String { ICUVersion.library }
  /// The Unicode version that ICU implements, such as "15.0".
  public static var unicodeVersion: String { ICUVersion.unicode }
  /// "0.1.0 (ICU 72.1, Unicode 15.0)": what `matn --version` prints.
  public static var fullVersion: String { "\(version) (ICU \(icuVersion), Unicode \(unicodeVersion))" }
}

// The MatnICU types that Matn's public API takes and returns (`ScriptRun.script`,
// `Clean`'s `Normalizer.Form`…), so that `import Matn` is enough to use it.
@_exported import struct MatnICU.Script
@_exported import struct MatnICU.Normalizer
@_exported import struct MatnICU.CalendarDate
