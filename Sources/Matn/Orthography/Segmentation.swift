import MatnICU

/// Stage 2 — segmentation: marks protected spans, cuts each line into Arabic-script
/// spans (between letters of other scripts and quotation marks), decides each span's
/// language, and flags Persian spans so that the orthography stage touches only them.
///
/// Spans with too little evidence (a lone name) take the language most of the
/// document's decided spans have (Persian on a tie); with none decided,
/// ``defaultLanguage``. Counting spans rather than letters keeps the decision the same
/// when the text is normalised again (normalising changes lengths, not spans).
///
/// A span whose clauses disagree — an Arabic quotation and Persian prose on one line,
/// «…لقد صدق… عليرغم گذشت يك سال…» — is decided clause by clause (``clauses(_:_:)``:
/// cut at sentence and clause punctuation, brackets and the verse marks ﴿ ﴾). A clause
/// without evidence of its own takes the language of the nearest decided clause of its
/// span, unless the language model finds it a quotation in another language.
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
    var (decided, mayDisagree) = decide(buffer, spans, &votes)
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
    var pieces: [(range: Range<Int>, language: ArabicScriptLanguage)] = []
    pieces.reserveCapacity(spans.count)
    for (k, span) in spans.enumerated() {
      let whole = decided[k] ?? prior
      // A span decided Persian on a window showing nothing else is Persian throughout
      // in practice: its clauses are not looked at one by one (that would read every
      // word of the text, not a window per span).
      if whole == .persian && !mayDisagree[k] {
        pieces.append((span, whole))
      } else {
        byClause(buffer, span, whole, model: prior == .persian ? builtIn?.model : nil, into: &pieces)
      }
    }
    buffer.flags.withUnsafeMutableBufferPointer { flags in
      for piece in pieces {
        let flag: SpanFlags = piece.language == .persian ? .persian : .otherArabicScript
        for k in piece.range { flags[k].insert(flag) }
      }
    }
  }

  /// The language of each part of `span` (decided `whole` as one span): the span
  /// itself when its clauses agree with `whole` (or none has evidence), else each clause
  /// with its own decision, or its nearest decided neighbour's (the model may still find
  /// it a quotation in the other language: `model`, in Persian documents).
  private func byClause(
    _ buffer: TextBuffer, _ span: Range<Int>, _ whole: ArabicScriptLanguage, model: LanguageIdentifierSpanClassifier?,
    into pieces: inout [(range: Range<Int>, language: ArabicScriptLanguage)]
  ) {
    let clauses = self.clauses(buffer, span)
    guard clauses.count > 1 else {
      pieces.append((span, whole))
      return
    }
    // A clause of one or two words (a name in a list, «هو من،») is too little to go
    // against its span: it takes its neighbours' language.
    let own: [ArabicScriptLanguage?]
    if let builtIn = classifier as? LetterStatisticsClassifier {
      own = builtIn.classify(buffer, clauses, minimumWords: 3, whole: whole)
    } else {
      own = clauses.map { Self.words(buffer, $0, atLeast: 3) ? classifier.classify(Self.text(buffer, $0)) : nil }
    }
    guard own.contains(where: { $0 != nil && $0 != whole }) else {
      pieces.append((span, whole))
      return
    }
    for (c, clause) in clauses.enumerated() {
      if let language = own[c] {
        pieces.append((clause, language))
        continue
      }
      // The nearest decided clause: before it, else after it (one exists).
      let neighbour = own[..<c].last { $0 != nil } ?? own[(c + 1)...].first { $0 != nil }
      var language = neighbour!!
      if let model { language = model.classify(Self.text(buffer, clause), otherwise: language) }
      pieces.append((clause, language))
    }
  }

  /// Whether `span` has `count` words (runs of Arabic-script letters, marks and ZWNJ).
  private static func words(_ buffer: TextBuffer, _ span: Range<Int>, atLeast count: Int) -> Bool {
    var words = 0
    buffer.bits.withUnsafeBufferPointer { bits in
      ScalarScan.forEachToken(bits: bits, in: span, tokenMask: StageScan.token) { _ in
        words += 1
        return words >= count ? Int.max : nil
      }
    }
    return words >= count
  }

  /// `span` cut after each mark that ends a sentence or a clause (. ! ? ؟ ; ؛ , ، : …
  /// ۔) and around brackets and verse marks (( ) [ ] { } ﴾ ﴿). A `.` `,` `،` between two
  /// digits is a decimal or thousands separator, not a clause mark (the Persian
  /// punctuation stage turns some into ٫ ٬, which never cut: the clauses stay the same
  /// when the text is normalised again).
  func clauses(_ buffer: TextBuffer, _ span: Range<Int>) -> [Range<Int>] {
    let s = buffer.scalars
    var cuts: [Range<Int>] = []
    var start = span.lowerBound
    var k = span.lowerBound - 1
    while true {
      k = buffer.next(from: k + 1, upTo: span.upperBound, Self.clauseMarks)
      guard k < span.upperBound else { break }
      let v = s[k]
      // Supplementary scalars carry every bit: check.
      guard StageScan.isClauseMark(v) else { continue }
      if v == 0x2E || v == 0x2C || v == 0x060C, k > span.lowerBound, k + 1 < span.upperBound,
        classOf(s[k - 1]).contains(.digit), classOf(s[k + 1]).contains(.digit)
      {
        continue
      }
      // An opening bracket starts the next clause; every other mark ends its own.
      let end = Self.opens(v) ? k : k + 1
      if end > start {
        cuts.append(start..<end)
        start = end
      }
    }
    if start < span.upperBound { cuts.append(start..<span.upperBound) }
    return cuts
  }

  private static let clauseMarks = ScalarScan.Stops(stop: StageScan.clauseMark)

  /// An opening bracket: ( [ { and the verse marks (﴿ U+FD3F opens in right-to-left text;
  /// ﴾ U+FD3E is typed as either).
  @inline(__always)
  private static func opens(_ v: UInt32) -> Bool { v == 0x28 || v == 0x5B || v == 0x7B || v == 0xFD3F }

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

  /// Each span's language by the classifier (nil: undecided), counted in `votes`, and
  /// whether the evidence it was decided on shows anything but Persian (always, with a
  /// custom classifier): its clauses may disagree.
  private func decide(
    _ buffer: TextBuffer, _ spans: [Range<Int>], _ votes: inout [Int]
  ) -> (languages: [ArabicScriptLanguage?], mayDisagree: [Bool]) {
    var decided: [ArabicScriptLanguage?] = []
    var mayDisagree: [Bool] = []
    decided.reserveCapacity(spans.count)
    mayDisagree.reserveCapacity(spans.count)
    let languages = ArabicScriptLanguage.allCases
    let builtIn = classifier as? LetterStatisticsClassifier
    for span in spans {
      let language: ArabicScriptLanguage?
      if let builtIn {
        let stats = builtIn.statistics(buffer, span)
        language = stats.decision
        mayDisagree.append(stats.showsOtherThanPersian)
      } else {
        language = classifier.classify(Self.text(buffer, span))
        mayDisagree.append(true)
      }
      decided.append(language)
      if let language { votes[languages.firstIndex(of: language)!] += 1 }
    }
    return (decided, mayDisagree)
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
