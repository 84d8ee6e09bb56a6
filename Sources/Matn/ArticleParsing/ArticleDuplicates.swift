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
      var parts: [(range: Range<Int>, key: UInt64?)] = []
      let utf8 = piece.text.utf8
      for (start, end) in zip(bounds, bounds.dropFirst()) where end > start {
        let sentence = piece.text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        let long = TextKey.letterCount(sentence, limit: minimumSentenceLetters) >= minimumSentenceLetters
        parts.append((start..<end, long ? TextKey.hash(sentence) : nil))
      }
      let repeated = parts.map { part in part.key.map { seenSentences.contains($0) } ?? false }
      for part in parts { if let k = part.key { seenSentences.insert(k) } }
      let long = parts.indices.filter { parts[$0].key != nil }
      if !long.isEmpty, long.allSatisfy({ repeated[$0] }) {
        report.duplicateParagraphs += 1
        continue
      }
      // Repeated sentences at the edges of a paragraph that also says something new.
      var first = 0
      var last = parts.count
      while first < last, repeated[first] {
        report.duplicateSentences += 1
        first += 1
      }
      while last > first, repeated[last - 1] {
        report.duplicateSentences += 1
        last -= 1
      }
      if first > 0 || last < parts.count {
        let range = parts[first].range.lowerBound..<parts[last - 1].range.upperBound
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
