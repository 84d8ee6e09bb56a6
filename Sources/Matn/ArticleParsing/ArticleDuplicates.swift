import MatnICU

/// The duplicate pass of the article parser: undoes what scrapers repeat.
///
/// 1. **Suffix chains.** A scraper that takes "this paragraph and all that follow"
///    writes lines that each end with the next line; a line that ends with a later
///    line, at a word boundary, is cut there, which gives the paragraph back and
///    leaves the repeated part as a duplicate of the later line.
/// 2. **Repeated paragraphs** (the same letters and digits, case and punctuation
///    aside) are removed after their first occurrence.
/// 3. **Repeated sentences**: a paragraph whose sentences (of 24 letters or more) all
///    appeared earlier is removed; such sentences at the start or end of a paragraph
///    that also has new ones are removed from it.
enum ArticleDuplicates {
  /// How far ahead a line is compared with the lines after it.
  static let window = 64
  /// Sentences with fewer letters than this are never called duplicates ("He added.").
  static let minimumSentenceLetters = 24

  static func remove(
    from input: [ArticleParser.Piece], sentences: BreakIterator?, report: inout Article.Report
  ) -> [ArticleParser.Piece] {
    var pieces = cutChains(input, report: &report)

    var seenParagraphs = Set<UInt64>()
    var seenSentences = Set<UInt64>()
    var kept: [ArticleParser.Piece] = []
    kept.reserveCapacity(pieces.count)
    for index in pieces.indices {
      var piece = pieces[index]
      guard seenParagraphs.insert(TextKey.hash(piece.text[...])).inserted else {
        report.duplicateParagraphs += 1
        continue
      }
      let bounds = sentences?.boundaries(in: piece.text) ?? [0, piece.text.utf8.count]
      // Each non-empty sentence: its key when it is long enough to count, and whether
      // an earlier paragraph had it (a few bytes a sentence: a huge paragraph has millions).
      var keys: [UInt64] = [], long: [Bool] = [], repeated: [Bool] = []
      let utf8 = piece.text.utf8
      for (start, end) in zip(bounds, bounds.dropFirst()) where end > start {
        let sentence = piece.text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        let isLong = TextKey.letterCount(sentence, limit: minimumSentenceLetters) >= minimumSentenceLetters
        let key = isLong ? TextKey.hash(sentence) : 0
        keys.append(key)
        long.append(isLong)
        repeated.append(isLong && seenSentences.contains(key))
      }
      for k in keys.indices where long[k] { seenSentences.insert(keys[k]) }
      if long.contains(true), long.indices.allSatisfy({ !long[$0] || repeated[$0] }) {
        report.duplicateParagraphs += 1
        continue
      }
      // Repeated sentences at the edges of a paragraph that also says something new.
      var first = 0
      var last = keys.count
      while first < last, repeated[first] {
        report.duplicateSentences += 1
        first += 1
      }
      while last > first, repeated[last - 1] {
        report.duplicateSentences += 1
        last -= 1
      }
      if first > 0 || last < keys.count {
        // Sentences first..<last (counting non-empty ones, as `keys` does) stay.
        func sentence(_ n: Int) -> Range<Int> {
          var k = 0
          for (start, end) in zip(bounds, bounds.dropFirst()) where end > start {
            if k == n { return start..<end }
            k += 1
          }
          preconditionFailure("sentence \(n) of \(k)")
        }
        let range = sentence(first).lowerBound..<sentence(last - 1).upperBound
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
        piece.text = String(ArticleLayout.trimmed(piece.text[lower..<upper]))
      }
      pieces[index] = piece
      kept.append(piece)
    }
    return kept
  }

  /// Cuts each line that ends with a later line. (Only suffixes: a line that starts
  /// with a later line is a headline repeated in the text, not a scraper's chain.)
  static func cutChains(_ input: [ArticleParser.Piece], report: inout Article.Report) -> [ArticleParser.Piece] {
    var output: [ArticleParser.Piece] = []
    output.reserveCapacity(input.count)
    for i in input.indices {
      var piece = input[i]
      for j in (i + 1)..<min(input.count, i + 1 + window) {
        let later = input[j].text.utf8
        let text = piece.text.utf8
        guard later.count >= minimumSentenceLetters, later.count < text.count else { continue }
        if text.reversed().starts(with: later.reversed()) {
          let cut = text.index(text.endIndex, offsetBy: -later.count)
          guard text[text.index(before: cut)] == 0x20 else { continue }
          piece.text = String(ArticleLayout.trimmed(piece.text[..<cut]))
          report.duplicateParagraphs += 1  // the copy of the later line
          break
        }
      }
      output.append(piece)
    }
    return output
  }
}
