import MatnICU

/// The default classifier: letter statistics and function words, then the language
/// model for what they leave undecided.
///
/// - Letters unique to Urdu (ٹ ڈ ڑ ں ہ ے ۃ), Pashto (ټ ډ ړ ږ ښ ګ ڼ ۍ ې) or Sorani
///   Kurdish (ڵ ڕ ۆ ێ ە) decide for that language: those spans are never Persianised.
/// - Otherwise Persian letters (پ چ ژ گ) and Persian function words (است را این که از…)
///   weigh against Arabic function words (في على إلى التي الذي هذا…) and the article ال.
/// - A span with none of these (a headline, a name, a verse of the Quran quoted with its
///   vowels) takes the language of the document's decided spans, unless ``model``, the
///   language identifier reading every n-gram, finds a quotation of four words or more
///   far likelier in another (``LanguageIdentifierSpanClassifier/classify(_:otherwise:)``;
///   in the normaliser).
///   Both are blind to what normalising rewrites, so a span's decision does not change
///   when the text is normalised again.
public struct LetterStatisticsClassifier: ArabicScriptSpanClassifier {
  private let classOf = ScalarClasses.shared
  /// Decides the spans the letter statistics leave undecided; with nil they stay
  /// undecided (and take the document's majority).
  public var model: LanguageIdentifierSpanClassifier?

  public init(model: LanguageIdentifierSpanClassifier? = LanguageIdentifierSpanClassifier()) {
    self.model = model
  }

  /// The decision of the letter statistics alone (nil: undecided); the normaliser asks
  /// ``model`` about undecided spans once it knows the document's language.
  public func classify(_ span: String) -> ArabicScriptLanguage? {
    let buffer = TextBuffer(span, trackOrigins: false, table: Self.scanTable)
    return classify(buffer, 0..<buffer.count)
  }

  /// The same decision over the scalars of `span`, without building a `String`; its
  /// clauses may disagree when its window shows anything but Persian
  /// (``Statistics/showsOtherThanPersian``).
  public func decide(_ span: ArabicScriptSpan) -> ArabicScriptSpanDecision {
    let stats = statistics(span.buffer, span.range)
    return ArabicScriptSpanDecision(language: stats.decision, mayHoldOtherClauses: stats.showsOtherThanPersian)
  }

  /// Each clause by its letter statistics, in one pass (``classify(_:_:minimumWords:whole:)``,
  /// three words at least).
  public func classifyClauses(_ clauses: [ArabicScriptSpan], whole: ArabicScriptLanguage) -> [ArabicScriptLanguage?] {
    guard let first = clauses.first else { return [] }
    return classify(first.buffer, clauses.map(\.range), minimumWords: 3, whole: whole)
  }

  /// In a Persian document, what the letter statistics left undecided keeps its
  /// context's language unless ``model`` finds it far likelier the other of Persian and
  /// Arabic (``LanguageIdentifierSpanClassifier/classify(_:otherwise:)``). For a span the
  /// context is the document, and it never goes the other way: a span Persianised here
  /// could count as Persian when normalised again and change the document's majority
  /// (the answers do not vote either).
  public func classifyUndecided(
    _ span: ArabicScriptSpan, context: ArabicScriptLanguage, document: ArabicScriptLanguage
  ) -> ArabicScriptLanguage {
    guard let model, document == .persian else { return context }
    return model.classify(span, otherwise: context)
  }

  /// The decision over scalars `span` of `buffer`.
  ///
  /// The decision must not change when the span is normalised: ZWNJ is transparent
  /// (stray ones are removed later), and the window is counted in letters that
  /// normalising keeps (not tatweel or marks), ending at a word boundary.
  func classify(_ buffer: TextBuffer, _ span: Range<Int>) -> ArabicScriptLanguage? {
    statistics(buffer, span).decision
  }

  /// The evidence behind ``classify(_:_:)-(TextBuffer,_)``: what its window holds.
  func statistics(_ buffer: TextBuffer, _ span: Range<Int>) -> Statistics {
    var stats = Statistics()
    var windowEnd = span.upperBound
    let words = FunctionWords.Sets()
    buffer.bits.withUnsafeBufferPointer { bits in
      buffer.scalars.withUnsafeBufferPointer { scalars in
        // Words (tokens include marks: «فئ» is not the Arabic word «في»; ZWNJ is inside
        // a word but not part of its key).
        var letters = 0
        // (Sixteen tokens at a time: the window's 80 letters are some fifteen words, and a
        // long span's scan need not run far past them.)
        ScalarScan.forEachToken(
          bits: bits, in: span, tokenMask: StageScan.token, countMask: StageScan.countedLetter,
          skipMask: StageScan.zwnj, batch: 16
        ) { token in
          let length = token.range.count - token.skipped
          guard length > 0 else { return nil }
          stats.count(token: UnsafeBufferPointer(rebasing: scalars[token.range]), length: length, words: words)
          letters += token.counted
          // Evidence saturates quickly: a long span is judged on its first 80 letters
          // (some fifteen words).
          if letters >= 80 && token.range.upperBound < span.upperBound {
            windowEnd = token.range.upperBound
            return Int.max
          }
          return nil
        }
        // Letters that are evidence by themselves, in the same window.
        let kinds = Self.letterKinds, evidence = Self.evidence
        var k = buffer.next(from: span.lowerBound, upTo: windowEnd, evidence)
        while k < windowEnd {
          let v = scalars[k]
          var previous: UInt32 = 0
          var p = k - 1
          while p >= span.lowerBound && scalars[p] == 0x200C { p -= 1 }
          if p >= span.lowerBound { previous = scalars[p] }
          stats.count(letter: v, after: previous, kinds: kinds)
          k = buffer.next(from: k + 1, upTo: windowEnd, evidence)
        }
      }
    }
    return stats
  }

  /// The decision about each of `parts` (consecutive ranges of one span, its clauses),
  /// in one pass over their words and evidence letters, each judged whole (clauses are
  /// short). A part of fewer than `minimumWords` words is undecided, and so is a part
  /// that would be Persian in a span decided otherwise (`whole`) on Persian function
  /// words alone, fewer than two: Arabic has «ما», «هم», «به» too; a Persian-only
  /// letter (پ چ ژ گ) or two Persian words decide.
  func classify(
    _ buffer: TextBuffer, _ parts: [Range<Int>], minimumWords: Int, whole: ArabicScriptLanguage
  ) -> [ArabicScriptLanguage?] {
    guard let first = parts.first, let last = parts.last else { return [] }
    var stats = [Statistics](repeating: Statistics(), count: parts.count)
    var words = [Int](repeating: 0, count: parts.count)
    let span = first.lowerBound..<last.upperBound
    let sets = FunctionWords.Sets()
    buffer.bits.withUnsafeBufferPointer { bits in
      buffer.scalars.withUnsafeBufferPointer { scalars in
        var p = 0
        ScalarScan.forEachToken(bits: bits, in: span, tokenMask: StageScan.token, skipMask: StageScan.zwnj) { token in
          let length = token.range.count - token.skipped
          guard length > 0 else { return nil }
          while token.range.lowerBound >= parts[p].upperBound { p += 1 }
          words[p] += 1
          stats[p].count(token: UnsafeBufferPointer(rebasing: scalars[token.range]), length: length, words: sets)
          return nil
        }
        let kinds = Self.letterKinds, evidence = Self.evidence
        p = 0
        var k = buffer.next(from: span.lowerBound, upTo: span.upperBound, evidence)
        while k < span.upperBound {
          while k >= parts[p].upperBound { p += 1 }
          var previous: UInt32 = 0
          var q = k - 1
          while q >= parts[p].lowerBound && scalars[q] == 0x200C { q -= 1 }
          if q >= parts[p].lowerBound { previous = scalars[q] }
          stats[p].count(letter: scalars[k], after: previous, kinds: kinds)
          k = buffer.next(from: k + 1, upTo: span.upperBound, evidence)
        }
      }
    }
    return parts.indices.map { p in
      guard words[p] >= minimumWords, let decision = stats[p].decision else { return nil }
      if decision == .persian && whole != .persian && stats[p].persianLetters == 0 && stats[p].persianWords < 2 {
        return nil
      }
      return decision
    }
  }

  private static let evidence = ScalarScan.Stops(stop: StageScan.evidenceLetter)

  /// The bits this classifier reads (tokens, counted and evidence letters, ZWNJ), for
  /// spans it reads on its own; the normaliser's buffers carry them in its table. An
  /// ``EmbeddedTable`` read in place; ``scanBits(_:)`` is its source.
  static let scanTable = ScalarScan.Table.embedded(
    scanTableResourceName, supplementary: StageScan.supplementary, scanBits)

  /// The embedded scan table's resource.
  static let scanTableResourceName = "Tables/letter-statistics-scan.bin"

  /// The scan table's source: each scalar's bits.
  static func scanBits(_ v: UInt32) -> UInt16 {
    StageScan.characterBits(v) | (letterKind(v) != 0 ? StageScan.evidenceLetter : 0)
  }

  /// The entries of the embedded scan table, as computed from ``scanBits(_:)``.
  static func computedScanTable() -> [UInt16] {
    ScalarScan.Table.entries(supplementary: StageScan.supplementary, scanBits)
  }

  /// What each scalar of the Arabic block counts as evidence for (0: nothing; see
  /// ``Statistics/count(letter:after:kinds:)``): most letters count for nothing, in one
  /// lookup. 256 entries, built once, never written afterwards, never freed.
  nonisolated(unsafe) fileprivate static let letterKinds: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x100)
    for v in UInt32(0x0600)...0x06FF { table[Int(v - 0x0600)] = letterKind(v) }
    return UnsafePointer(table)
  }()

  static func letterKind(_ v: UInt32) -> UInt8 {
    switch v {
    case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06C1, 0x06C2, 0x06D2, 0x06D3, 0x06C3: 1  // Urdu
    case 0x067C, 0x0689, 0x0693, 0x0696, 0x069A, 0x06AB, 0x06BC, 0x06CD, 0x06D0: 2  // Pashto
    case 0x06B5, 0x0695, 0x06C6, 0x06CE: 3  // Kurdish
    case 0x067E, 0x0686, 0x0698, 0x06AF: 4  // Persian
    case 0x0654: 5  // hamza above
    case 0x06D5: 6  // ae
    default: 0
    }
  }

  struct Statistics {
    var urdu = 0, pashto = 0, kurdish = 0, persianLetters = 0
    var persianWords = 0, arabicWords = 0, articleWords = 0
    /// Arabic function words written with Persian ی ک (as normalising may leave the
    /// Arabic ones in a Persian span): not evidence, but a sign that the span may
    /// hold Arabic that its window does not show.
    var arabicInPersianSpelling = 0

    /// Whether anything but Persian shows: a span decided Persian on such a window may
    /// hold clauses of another language (``LetterStatisticsClassifier/classify(_:_:minimumWords:)``).
    /// The same before and after normalising: the Persian spelling counts too.
    var showsOtherThanPersian: Bool {
      arabicWords + arabicInPersianSpelling + urdu + pashto + kurdish > 0 || articleWords >= 3
    }

    /// Counts letter `v` (after `previous`, ZWNJ skipped) as evidence.
    @inline(__always)
    mutating func count(letter v: UInt32, after previous: UInt32, kinds: UnsafePointer<UInt8>) {
      let kind = v &- 0x0600 < 0x100 ? kinds[Int(v &- 0x0600)] : 0
      switch kind {
      case 1: urdu += 1
      case 2: pashto += 1
      case 3: kurdish += 1
      case 4: persianLetters += 1
      case 5 where previous == 0x06D5: kurdish -= 1  // ە + hamza is a decomposed ۀ
      case 6: kurdish += 1
      default: break
      }
    }

    /// Counts a word: its scalars (ZWNJ among them is not part of the word) and how
    /// many there are without ZWNJ. Short words are looked up; long ones checked for ال.
    @inline(__always)
    mutating func count(token scalars: UnsafeBufferPointer<UInt32>, length: Int, words: FunctionWords.Sets) {
      if length <= 5 {
        var key = FNV.basis, folded = FNV.basis
        for v in scalars where v != 0x200C {
          key = FNV.step(key, v)
          folded = FNV.step(folded, PersianFold.yehKaf(v))
        }
        if words.persian.contains(key) {
          persianWords += 1
          return
        }
        // One lookup for most words: the Arabic words folded, then which spelling.
        if words.arabicInPersianSpelling.contains(folded) {
          if words.arabic.contains(key) {
            arabicWords += 1
            return
          }
          arabicInPersianSpelling += 1
        }
      }
      if length > 3 {
        var letters = scalars.lazy.filter { $0 != 0x200C }.makeIterator()
        if letters.next() == 0x0627 && letters.next() == 0x0644 { articleWords += 1 }
      }
    }

    var decision: ArabicScriptLanguage? {
      let distinctive = max(urdu, pashto, kurdish)
      if distinctive > 0 {
        if urdu == distinctive { return .urdu }
        if pashto == distinctive { return .pashto }
        return .kurdish
      }
      let persian = 3 * persianWords + 2 * persianLetters
      // Words with the article ال count only when there are several: Persian text
      // quotes Arabic names (البرادعي، المالكي) and place names (مسجد الجواد).
      let arabic = 3 * arabicWords + (articleWords >= 3 ? articleWords : 0)
      if persian == 0 && arabic == 0 { return nil }
      return persian >= arabic ? .persian : .arabic
    }
  }
}
