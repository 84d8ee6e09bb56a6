import Testing

@testable import Matn

/// Span decisions by clause (issue #18, item 6): a line that mixes an Arabic quotation
/// with Persian prose is decided clause by clause, so the Persian words get Persian
/// letters and the quotation keeps its own.
@Suite("Span decisions by clause")
struct ClauseSpanTests {
  let normalizer = TextNormalizer(profile: .article)

  @Test("the reported shape: Persian prose after an Arabic verse takes ی and ک")
  func reproduction() {
    // Arabic enough that the line as a whole is decided Arabic (our own sentence).
    let input = "…لقد قال الذي كان في المدينة إن هذا الطريق طويل… عليرغم گذشت يك سال از كشتار، هيچ اقدامي نشده است."
    let output = normalizer.normalize(input).text
    #expect(output.contains("لقد قال الذي كان في المدينة إن هذا الطريق طويل"), "\(output)")
    #expect(output.contains("علیرغم گذشت یک سال از کشتار"), "\(output)")
    #expect(output.contains("هیچ اقدامی نشده است"), "\(output)")
  }

  @Test(
    "each clause mark ends a clause",
    arguments: [
      ("﴿إن الذي في السماء كان عليما﴾ يك آيه است كه گفته شد", "﴿إن الذي في السماء كان عليما﴾ یک آیه است که گفته شد"),
      ("(إن الذي في السماء كان عليما) يك آيه است كه گفته شد", "(إن الذي في السماء كان عليما) یک آیه است که گفته شد"),
      ("قال: إن الذي في السماء كان عليما. اين يك آيه است كه گفته شد", "قال: إن الذي في السماء كان عليما. این یک آیه است که گفته شد"),
      ("إن الذي في السماء كان عليما؛ اين يك آيه است كه گفته شد", "إن الذي في السماء كان عليما؛ این یک آیه است که گفته شد"),
      ("پدرم گفت، إن الذي في السماء كان عليما", "پدرم گفت، إن الذي في السماء كان عليما"),
    ])
  func clauses(_ input: String, _ expected: String) {
    let output = normalizer.normalize(input).text
    #expect(output == expected)
    #expect(normalizer.normalize(output).text == output)
  }

  @Test("a clause without evidence takes its neighbour's language, not the whole line's")
  func neighbour() {
    // The second Arabic clause has no function word of its own: it stays with the first.
    let input = "گفتگو با پدر و پسر درباره گذشته. قال الرجل في المدينة: كم سنة مضت"
    let output = normalizer.normalize(input).text
    #expect(output.hasSuffix("قال الرجل في المدينة: كم سنة مضت"), "\(output)")
  }

  @Test("decimal and thousands separators between digits do not cut a clause")
  func numbers() {
    let normalizer = self.normalizer
    for input in ["في سنة ٣.٥ كان", "رشد ۳.۵ درصدی گذشت", "في ١,٢٥٠ كان"] {
      let once = normalizer.normalize(input).text
      #expect(normalizer.normalize(once).text == once, "\(once)")
    }
  }
}
