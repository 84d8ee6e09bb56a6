import MatnICU

/// A language written in Arabic script, as far as orthography is concerned.
public enum ArabicScriptLanguage: String, Sendable, Hashable, Codable, CaseIterable {
  case persian = "fa"
  case arabic = "ar"
  case urdu = "ur"
  case pashto = "ps"
  case kurdish = "ckb"
}

/// Decides the language of an Arabic-script span so that Persian rules touch Persian
/// text only. The language-identification model can replace this through
/// ``TextNormalizer/Options/spanClassifier``.
public protocol ArabicScriptSpanClassifier: Sendable {
  /// The language of `span` (one Arabic-script span: words, spaces, digits and
  /// punctuation of one line), or nil when there is too little evidence.
  func classify(_ span: String) -> ArabicScriptLanguage?
}
