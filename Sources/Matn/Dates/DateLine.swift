extension DateFinder {
  /// The date of a dateline: a date, optionally with a weekday, a time, a place
  /// ("TEHRAN, Feb. 1, 2016 (MNA) –"), an agency tag, labels such as "Published:" or
  /// «تاریخ انتشار:», and little else.
  ///
  /// Returns nil when the line has no full date, or when more than three words (a
  /// place) come before it, or when prose follows the date without a dash, colon or
  /// bar between them ("February 1, 2016 was a Monday"). `wholeLine` is true when
  /// nothing but dateline material is on the line, so the parser may remove the line
  /// from the body; false when the body begins after the dateline.
  ///
  /// ```swift
  /// let line = "TEHRAN, Feb. 1, 2016 (MNA) – Iran's president said…"[...]
  /// DateFinder.dateline(line)?.date.date   // "2016-02-01"
  /// DateFinder.dateline(line)?.wholeLine   // false
  /// DateFinder.dateline("دوشنبه ۱۲ بهمن ۱۳۹۴ - ۱۴:۳۰"[...])?.wholeLine   // true
  /// ```
  ///
  /// The date's `utf8Range` counts bytes from the start of `line.base`, the string the
  /// line was cut from.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `line`.
  public static func dateline(_ line: Substring) -> (date: PublishedDate, wholeLine: Bool)? {
    let base = line.base.utf8.distance(from: line.base.startIndex, to: line.startIndex)
    var text = String(line)
    return text.withUTF8 { bytes in
      guard var found = DatelineReader(bytes: bytes).read() else { return nil }
      found.date.utf8Range = (found.date.utf8Range.lowerBound + base)..<(found.date.utf8Range.upperBound + base)
      return found
    }
  }
}

/// Tells dateline material (places, agency tags, labels, times, other dates) from prose.
struct DatelineReader {
  let bytes: UnsafeBufferPointer<UInt8>
  let names = DateNameIndex.shared

  /// Words a place may have before the date ("NEW DELHI", «تهران»).
  static let placeWords = 3

  func read() -> (date: PublishedDate, wholeLine: Bool)? {
    var tokens: [DateToken] = []
    DateTokenizer.tokenize(bytes, 0..<bytes.count, into: &tokens)
    let grammar = DateGrammar(bytes: bytes, tokens: tokens)
    var covered = [Bool](repeating: false, count: tokens.count)
    var first: (tokens: Range<Int>, date: PublishedDate)?
    grammar.forEachMatch { range, outcome in
      for k in range { covered[k] = true }
      if first == nil, case .date(let date) = outcome { first = (range, date) }
    }
    guard let first else { return nil }
    let prefix = material(grammar, covered, 0..<first.tokens.lowerBound)
    guard prefix.words <= Self.placeWords, !prefix.prose else { return nil }
    let suffix = material(grammar, covered, first.tokens.upperBound..<tokens.count)
    if suffix.words == 0 && !suffix.prose { return (first.date, true) }
    // Prose may follow only after a dash, colon or bar ends the dateline.
    guard suffix.endedBeforeWords else { return nil }
    return (first.date, false)
  }

  /// Counts the words in `range` that are not dateline material, and says whether a
  /// terminator (dash, colon, bar) came before the first of them.
  private func material(_ g: DateGrammar, _ covered: [Bool], _ range: Range<Int>)
    -> (words: Int, prose: Bool, endedBeforeWords: Bool)
  {
    var words = 0
    var prose = false
    var ended = false
    var k = range.lowerBound
    while k < range.upperBound {
      let token = g.tokens[k]
      if covered[k] {
        k += 1
        continue
      }
      switch token.kind {
      case .punct:
        if g.punct(k, "([«"), let close = group(g, from: k, in: range) {
          k = close + 1
          continue
        }
        if g.punct(k, "-–—:|") && words == 0 && !prose { ended = true }
        if g.punct(k, ".!?؟") { prose = prose || words > 0 }
      case .word:
        if !names.labels.contains(g.key(k)) && names.weekdays[g.key(k)] == nil { words += 1 }
      case .number:
        // A time ("14:30") or a number after a label (news code) is material.
        if let time = g.time(from: k) {
          k = time.end
          continue
        }
        let label = g.punct(k - 1, ":") ? k - 2 : k - 1
        if !(label >= range.lowerBound && g.word(label) && names.labels.contains(g.key(label))) { words += 1 }
      }
      k += 1
    }
    return (words, prose, ended)
  }

  /// The index of the bracket closing a short group (an agency tag such as "(MNA)" or
  /// «(خبرگزاری فارس)»: at most three words, no numbers) opened at `open`.
  private func group(_ g: DateGrammar, from open: Int, in range: Range<Int>) -> Int? {
    var words = 0
    var k = open + 1
    while k < range.upperBound, k - open <= 8 {
      if g.punct(k, ")]»") { return words > 0 ? k : nil }
      if g.number(k) != nil { return nil }
      if g.word(k) { words += 1 }
      if words > 3 { return nil }
      k += 1
    }
    return nil
  }
}
