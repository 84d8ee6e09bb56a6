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
  /// The words a house style never touches (``ProtectedSpans/words``).
  var protectedWords: WordSet? = nil

  /// Marks protected spans and flags each Arabic-script span. `documentPrior` is the
  /// language of undecided spans when the text is one segment of a longer document
  /// (the document's ``decisions(_:votes:)`` decided it); nil takes it from this text.
  ///
  /// Returns what the spans said: the caller of a document in parts sums it (the
  /// article parser's blocks, see ``SpanVotes``).
  ///
  /// `known`: the spans' decisions as ``decisions(_:votes:)`` made them on this same buffer
  /// (the first pass over a long document), so that the classifier is not asked twice.
  @discardableResult
  func apply(
    _ buffer: inout TextBuffer, prior documentPrior: ArabicScriptLanguage? = nil, known: SpanDecisions? = nil
  ) -> SpanVotes {
    let spans = arabicScriptSpans(buffer)
    // Protected spans matter to the Persian stages, which act on Arabic-script spans, and
    // to ZWNJ hygiene anywhere: a text with neither (English) needs no marking.
    if !spans.isEmpty || buffer.next(from: 0, Self.zwnj) < buffer.count {
      ProtectedSpans(words: protectedWords).mark(&buffer)
    }
    guard !spans.isEmpty else { return SpanVotes() }
    var votes = SpanVotes()
    votes.hasSpans = true
    var decided: [ArabicScriptLanguage?]
    let mayDisagree: [Bool]
    if let known, known.languages.count == spans.count {
      (decided, mayDisagree) = (known.languages, known.mayDisagree)
      let languages = ArabicScriptLanguage.allCases
      for language in decided { if let language { votes.counts[languages.firstIndex(of: language)!] += 1 } }
    } else {
      (decided, mayDisagree) = decide(buffer, spans, &votes.counts)
    }
    votes.tookDefault = documentPrior == nil && votes.isEmpty
    let prior = documentPrior ?? self.prior(votes.counts)
    // The undecided spans, now that the document's language is known.
    // (One span value moved from range to range: each new one would retain the buffer's arrays.)
    var view = ArabicScriptSpan(buffer, 0..<0)
    for (k, span) in spans.enumerated() where decided[k] == nil {
      view.range = span
      decided[k] = classifier.classifyUndecided(view, context: prior, document: prior)
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
        byClause(buffer, span, whole, document: prior, into: &pieces)
      }
    }
    buffer.flags.withUnsafeMutableBufferPointer { flags in
      for piece in pieces {
        let flag: SpanFlags = piece.language == .persian ? .persian : .otherArabicScript
        for k in piece.range { flags[k].insert(flag) }
      }
    }
    return votes
  }

  /// The language of each part of `span` (decided `whole` as one span): the span
  /// itself when its clauses agree with `whole` (or none has evidence), else each clause
  /// with its own decision, or its nearest decided neighbour's (the model may still find
  /// it a quotation in the other language: ``ArabicScriptSpanClassifier/classifyUndecided(_:context:document:)``).
  private func byClause(
    _ buffer: TextBuffer, _ span: Range<Int>, _ whole: ArabicScriptLanguage, document: ArabicScriptLanguage,
    into pieces: inout [(range: Range<Int>, language: ArabicScriptLanguage)]
  ) {
    let clauses = self.clauses(buffer, span)
    guard clauses.count > 1 else {
      pieces.append((span, whole))
      return
    }
    // A clause of one or two words (a name in a list, «هو من،») is too little to go
    // against its span: it takes its neighbours' language.
    let own = classifier.classifyClauses(clauses.map { ArabicScriptSpan(buffer, $0) }, whole: whole)
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
      let language = classifier.classifyUndecided(ArabicScriptSpan(buffer, clause), context: neighbour!!, document: document)
      pieces.append((clause, language))
    }
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
  /// Returns the spans' decisions, for ``apply(_:prior:known:)`` on the same buffer
  /// (empty when `buffer` has no Arabic-script span).
  func decisions(_ buffer: TextBuffer, votes: inout [Int]) -> SpanDecisions {
    let spans = arabicScriptSpans(buffer)
    let (languages, mayDisagree) = decide(buffer, spans, &votes)
    return SpanDecisions(languages: languages, mayDisagree: mayDisagree)
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
    var view = ArabicScriptSpan(buffer, 0..<0)
    for span in spans {
      view.range = span
      let decision = classifier.decide(view)
      let language = decision.language
      mayDisagree.append(decision.mayHoldOtherClauses)
      decided.append(language)
      if let language { votes[languages.firstIndex(of: language)!] += 1 }
    }
    return (decided, mayDisagree)
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
  private static let zwnj = ScalarScan.Stops(stop: StageScan.zwnj)
  private static let arabicLetters = ScalarScan.Stops(stop: StageScan.arabicLetter)

  /// Whether `v` ends a span: a line feed, a quotation mark, a letter of another script.
  private func isBoundary(_ v: UInt32) -> Bool {
    if [0x0A, 0x22, 0xAB, 0xBB, 0x201C, 0x201D].contains(v) { return true }
    let c = classOf(v)
    return c.contains(.letter) && !c.contains(.arabicScript)
  }
}

/// Each Arabic-script span's decision by the classifier (nil: undecided) and whether
/// its clauses may disagree, in span order: made once by the first pass over a long
/// document and taken again by the second (``Segmentation/apply(_:prior:known:)``).
struct SpanDecisions {
  var languages: [ArabicScriptLanguage?]
  var mayDisagree: [Bool]
}

/// What the Arabic-script spans of a text said about its language, for a caller that
/// normalises a document in parts: the article parser sums the votes of an article's
/// blocks, and normalises again, with the article's language, a block whose spans took
/// ``Segmentation/defaultLanguage`` for want of evidence of their own.
struct SpanVotes: Sendable, Hashable {
  /// Decided spans per language, in `ArabicScriptLanguage.allCases` order.
  var counts = [Int](repeating: 0, count: ArabicScriptLanguage.allCases.count)
  /// Whether the text has Arabic-script spans and none was decided, so that undecided
  /// ones took the default language.
  var tookDefault = false
  /// Whether the text has Arabic-script spans at all (decided or not).
  var hasSpans = false

  var isEmpty: Bool { counts.allSatisfy { $0 == 0 } }

  mutating func add(_ other: SpanVotes) {
    for k in counts.indices { counts[k] += other.counts[k] }
    tookDefault = tookDefault || other.tookDefault
    hasSpans = hasSpans || other.hasSpans
  }
}
