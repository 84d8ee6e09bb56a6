import MatnICU

/// Stage 2 — segmentation: marks protected spans, cuts each line into Arabic-script
/// spans (between letters of other scripts and quotation marks), decides each span's
/// language, and flags Persian spans so that the orthography stage touches only them.
///
/// Spans with too little evidence (a lone name) take the language most of the
/// document's decided spans have (Persian on a tie); with none decided,
/// ``defaultLanguage``. Counting spans rather than letters keeps the decision the same
/// when the text is normalised again (normalising changes lengths, not spans).
struct Segmentation {
  let classOf = ScalarClasses.shared
  var classifier: any ArabicScriptSpanClassifier
  var defaultLanguage: ArabicScriptLanguage

  /// Marks protected spans and flags each Arabic-script span. `documentPrior` is the
  /// language of undecided spans when the text is one segment of a longer document
  /// (the document's ``votes(_:into:)`` decided it); nil takes it from this text.
  func apply(_ buffer: inout TextBuffer, prior documentPrior: ArabicScriptLanguage? = nil) {
    ProtectedSpans().mark(&buffer)
    let spans = arabicScriptSpans(buffer)
    guard !spans.isEmpty else { return }
    var votes = [Int](repeating: 0, count: ArabicScriptLanguage.allCases.count)
    var decided = decide(buffer, spans, &votes)
    let builtIn = classifier as? LetterStatisticsClassifier
    let prior = documentPrior ?? self.prior(votes)
    // In a Persian document, spans the letter statistics left undecided are kept from
    // Persian rules when the language model finds them far likelier Arabic quotations
    // (``LanguageIdentifierSpanClassifier/classify(_:otherwise:)``). (Never the
    // other way: a span Persianised here could count as Persian when normalised again
    // and change the majority. The answers do not vote either.)
    if let model = builtIn?.model, prior == .persian {
      for (k, span) in spans.enumerated() where decided[k] == nil {
        decided[k] = model.classify(Self.text(buffer, span), otherwise: prior)
      }
    }
    buffer.flags.withUnsafeMutableBufferPointer { flags in
      for (span, language) in zip(spans, decided) {
        let flag: SpanFlags = (language ?? prior) == .persian ? .persian : .otherArabicScript
        for k in span { flags[k].insert(flag) }
      }
    }
  }

  /// Adds the decided spans of `buffer` to `votes` (one count per language, in
  /// `ArabicScriptLanguage.allCases` order): the first pass over a long document.
  func votes(_ buffer: TextBuffer, into votes: inout [Int]) {
    _ = decide(buffer, arabicScriptSpans(buffer), &votes)
  }

  /// The language of undecided spans: the one most decided spans have (Persian, first
  /// in `allCases`, wins a tie); with none decided, ``defaultLanguage``.
  func prior(_ votes: [Int]) -> ArabicScriptLanguage {
    let languages = ArabicScriptLanguage.allCases
    let best = votes.indices.max { a, b in votes[a] < votes[b] || (votes[a] == votes[b] && a > b) }!
    return votes[best] > 0 ? languages[best] : defaultLanguage
  }

  /// Each span's language by the classifier (nil: undecided), counted in `votes`.
  private func decide(_ buffer: TextBuffer, _ spans: [Range<Int>], _ votes: inout [Int]) -> [ArabicScriptLanguage?] {
    var decided: [ArabicScriptLanguage?] = []
    decided.reserveCapacity(spans.count)
    let languages = ArabicScriptLanguage.allCases
    let builtIn = classifier as? LetterStatisticsClassifier
    for span in spans {
      let language: ArabicScriptLanguage?
      if let builtIn {
        language = builtIn.classify(buffer, span)
      } else {
        language = classifier.classify(Self.text(buffer, span))
      }
      decided.append(language)
      if let language { votes[languages.firstIndex(of: language)!] += 1 }
    }
    return decided
  }

  private static func text(_ buffer: TextBuffer, _ span: Range<Int>) -> String {
    var text = String.UnicodeScalarView()
    for v in buffer.scalars[span] { text.append(Unicode.Scalar(v)!) }
    return String(text)
  }

  /// Ranges of scalars, each within one line, that contain Arabic-script letters and
  /// no letters of another script; they extend over the neutrals around them up to
  /// the line edges, other-script letters, or quotation marks.
  func arabicScriptSpans(_ buffer: TextBuffer) -> [Range<Int>] {
    buffer.scalars.withUnsafeBufferPointer { s in
      var spans: [Range<Int>] = []
      let n = s.count
      var start = 0
      var i = 0
      while i <= n {
        // The next place a span may end, then whether the stretch before has an
        // Arabic-script letter (a supplementary scalar stops both scans: check it).
        var end = buffer.next(from: i, Self.boundaries)
        if end < n && s[end] > 0xFFFF && !isBoundary(s[end]) {
          i = end + 1
          continue
        }
        var hasArabic = false
        var k = start
        while k < end {
          k = buffer.next(from: k, upTo: end, Self.arabicLetters)
          if k < end && classOf(s[k]).isSuperset(of: .arabicLetter) {
            hasArabic = true
            break
          }
          k += 1
        }
        if hasArabic && end > start { spans.append(start..<end) }
        guard end < n else { break }
        if classOf(s[end]).contains(.letter) {
          // A letter of another script ends the span; its word starts a new segment.
          end += 1
          while end < n, classOf(s[end]).contains(.letter), !classOf(s[end]).contains(.arabicScript) { end += 1 }
          start = end
          i = end
        } else {
          start = end + 1
          i = end + 1
        }
      }
      return spans
    }
  }

  private static let boundaries = ScalarScan.Stops(stop: StageScan.spanBoundary)
  private static let arabicLetters = ScalarScan.Stops(stop: StageScan.arabicLetter)

  /// Whether `v` ends a span: a line feed, a quotation mark, a letter of another script.
  private func isBoundary(_ v: UInt32) -> Bool {
    if [0x0A, 0x22, 0xAB, 0xBB, 0x201C, 0x201D].contains(v) { return true }
    let c = classOf(v)
    return c.contains(.letter) && !c.contains(.arabicScript)
  }
}
