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
///
/// The normaliser asks in two rounds: each span of a text (``classify(_:)-(ArabicScriptSpan)``),
/// then — once the decided spans have given the document's language — each span left
/// undecided (``classifyUndecided(_:document:)``).
public protocol ArabicScriptSpanClassifier: Sendable {
  /// The language of `span` (one Arabic-script span: words, spaces, digits and
  /// punctuation of one line), or nil when there is too little evidence.
  func classify(_ span: String) -> ArabicScriptLanguage?

  /// The same for a span of a text being normalised. The default asks
  /// ``classify(_:)-(String)`` about the span's text.
  func classify(_ span: ArabicScriptSpan) -> ArabicScriptLanguage?

  /// The language of a span ``classify(_:)-(ArabicScriptSpan)`` left undecided, in a
  /// document whose decided spans are mostly in `document`. The default is `document`.
  func classifyUndecided(_ span: ArabicScriptSpan, document: ArabicScriptLanguage) -> ArabicScriptLanguage
}

extension ArabicScriptSpanClassifier {
  public func classify(_ span: ArabicScriptSpan) -> ArabicScriptLanguage? { classify(span.text) }

  public func classifyUndecided(_ span: ArabicScriptSpan, document: ArabicScriptLanguage) -> ArabicScriptLanguage {
    document
  }
}

/// One Arabic-script span of a text being normalised, as a span classifier sees it: no
/// `String` is made unless ``text`` is asked for.
public struct ArabicScriptSpan {
  /// The text being normalised (its scalars and per-scalar scan bits).
  let buffer: TextBuffer
  /// The span's scalars in ``buffer``.
  let range: Range<Int>

  init(_ buffer: TextBuffer, _ range: Range<Int>) {
    self.buffer = buffer
    self.range = range
  }

  /// The span's text.
  public var text: String {
    var text = String.UnicodeScalarView()
    for v in buffer.scalars[range] { text.append(Unicode.Scalar(v)!) }
    return String(text)
  }
}
