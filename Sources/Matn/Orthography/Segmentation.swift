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

  func apply(_ buffer: inout TextBuffer) {
    ProtectedSpans().mark(&buffer)
    let spans = arabicScriptSpans(buffer.scalars)
    guard !spans.isEmpty else { return }
    var decided: [ArabicScriptLanguage?] = []
    decided.reserveCapacity(spans.count)
    let languages = ArabicScriptLanguage.allCases
    var votes = [Int](repeating: 0, count: languages.count)
    let builtIn = classifier as? LetterStatisticsClassifier
    for span in spans {
      let language: ArabicScriptLanguage?
      if let builtIn {
        language = builtIn.classify(scalars: buffer.scalars[span])
      } else {
        var text = String.UnicodeScalarView()
        for v in buffer.scalars[span] { text.append(Unicode.Scalar(v)!) }
        language = classifier.classify(String(text))
      }
      decided.append(language)
      if let language { votes[languages.firstIndex(of: language)!] += 1 }
    }
    // The most votes wins; Persian (first in allCases) wins a tie.
    let best = votes.indices.max { a, b in votes[a] < votes[b] || (votes[a] == votes[b] && a > b) }!
    let prior = votes[best] > 0 ? languages[best] : defaultLanguage
    buffer.flags.withUnsafeMutableBufferPointer { flags in
      for (span, language) in zip(spans, decided) {
        let flag: SpanFlags = (language ?? prior) == .persian ? .persian : .otherArabicScript
        for k in span { flags[k].insert(flag) }
      }
    }
  }

  /// Ranges of scalars, each within one line, that contain Arabic-script letters and
  /// no letters of another script; they extend over the neutrals around them up to
  /// the line edges, other-script letters, or quotation marks.
  func arabicScriptSpans(_ s: [UInt32]) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var start = 0
    var hasArabic = false
    var i = 0
    let n = s.count
    func close(_ end: Int) {
      if hasArabic && end > start { spans.append(start..<end) }
      hasArabic = false
    }
    while i < n {
      let v = s[i]
      if v >= 0x0621 && v <= 0x064A {  // the common case: an Arabic letter
        hasArabic = true
        i += 1
        continue
      }
      if v == 0x0A || v == 0x22 || v == 0xAB || v == 0xBB || v == 0x201C || v == 0x201D {
        close(i)
        start = i + 1
      } else {
        let c = classOf(v)
        if c.contains(.letter) {
          if c.contains(.arabicScript) {
            hasArabic = true
          } else {
            // A letter of another script ends the span; its word starts a new segment.
            close(i)
            var j = i + 1
            while j < n, classOf(s[j]).contains(.letter), !classOf(s[j]).contains(.arabicScript) { j += 1 }
            start = j
            i = j
            continue
          }
        }
      }
      i += 1
    }
    close(n)
    return spans
  }
}
