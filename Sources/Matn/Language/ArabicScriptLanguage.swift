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
/// The normaliser asks in rounds: each span of a text (``decide(_:)``); then, in a span
/// that may hold clauses of another language, its clauses (``classifyClauses(_:whole:)``);
/// then — once the decided spans have given the document's language — each span or
/// clause left undecided (``classifyUndecided(_:context:document:)``). Only
/// ``classify(_:)`` must be written; the others have defaults built on it.
public protocol ArabicScriptSpanClassifier: Sendable {
  /// The language of `span` (one Arabic-script span: words, spaces, digits and
  /// punctuation of one line), or nil when there is too little evidence.
  func classify(_ span: String) -> ArabicScriptLanguage?

  /// The decision about a span of a text being normalised. The default asks
  /// ``classify(_:)`` about the span's text, and says its clauses may disagree.
  func decide(_ span: ArabicScriptSpan) -> ArabicScriptSpanDecision

  /// The language of each clause of a span decided `whole` (consecutive parts of it,
  /// cut at clause punctuation), nil where a clause has too little evidence to go
  /// against it. The default asks ``classify(_:)`` about each clause of three words or
  /// more.
  func classifyClauses(_ clauses: [ArabicScriptSpan], whole: ArabicScriptLanguage) -> [ArabicScriptLanguage?]

  /// The language of a span or clause left undecided, next to text in `context` (the
  /// document's language for a span, the nearest decided clause's for a clause), in a
  /// document whose decided spans are mostly in `document`. The default is `context`.
  func classifyUndecided(
    _ span: ArabicScriptSpan, context: ArabicScriptLanguage, document: ArabicScriptLanguage
  ) -> ArabicScriptLanguage
}

/// What a span classifier found about one span.
public struct ArabicScriptSpanDecision: Sendable, Hashable {
  /// The span's language, nil when there is too little evidence.
  public var language: ArabicScriptLanguage?
  /// Whether the span may hold clauses in another language (an Arabic quotation in
  /// Persian prose), worth deciding clause by clause.
  public var mayHoldOtherClauses: Bool

  public init(language: ArabicScriptLanguage?, mayHoldOtherClauses: Bool = true) {
    self.language = language
    self.mayHoldOtherClauses = mayHoldOtherClauses
  }
}

extension ArabicScriptSpanClassifier {
  public func decide(_ span: ArabicScriptSpan) -> ArabicScriptSpanDecision {
    ArabicScriptSpanDecision(language: classify(span.text))
  }

  public func classifyClauses(_ clauses: [ArabicScriptSpan], whole: ArabicScriptLanguage) -> [ArabicScriptLanguage?] {
    clauses.map { $0.hasWords(atLeast: 3) ? classify($0.text) : nil }
  }

  public func classifyUndecided(
    _ span: ArabicScriptSpan, context: ArabicScriptLanguage, document: ArabicScriptLanguage
  ) -> ArabicScriptLanguage {
    context
  }
}

/// One Arabic-script span (or clause) of a text being normalised, as a span classifier
/// sees it: no `String` is made unless ``text`` is asked for.
public struct ArabicScriptSpan {
  /// The text being normalised (its scalars and per-scalar scan bits).
  let buffer: TextBuffer
  /// The span's scalars in ``buffer``.
  var range: Range<Int>

  init(_ buffer: TextBuffer, _ range: Range<Int>) {
    self.buffer = buffer
    self.range = range
  }

  /// The span's text.
  public var text: String {
    // The buffer's scalars are valid by construction: encoded in one pass.
    buffer.scalars.withUnsafeBufferPointer { TextBuffer.string(of: UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// Whether the span has `count` words or more (runs of Arabic-script letters, marks
  /// and ZWNJ).
  public func hasWords(atLeast count: Int) -> Bool {
    var words = 0
    buffer.bits.withUnsafeBufferPointer { bits in
      ScalarScan.forEachToken(bits: bits, in: range, tokenMask: StageScan.token) { _ in
        words += 1
        return words >= count ? Int.max : nil
      }
    }
    return words >= count
  }
}
