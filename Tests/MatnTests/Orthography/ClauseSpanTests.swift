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

  @Test("the issue's shape: a verse between ellipses, then Persian prose")
  func reproductionVerse() {
    // The verse (48:27) as the issue quotes it, with shadda; the Persian words are ours.
    let input = "…لقد صدق اللّه رسوله… عليرغم گذشت يك سال از آن روز…"
    let output = normalizer.normalize(input).text
    #expect(output == "…لقد صدق اللّه رسوله… علیرغم گذشت یک سال از آن روز…", "\(output)")
  }

  @Test("a Persian footnote citing an Arabic book is Persian: names and titles, no quotation")
  func citation() {
    // Seven words the model finds far likelier Arabic, but no clause of four words: a
    // list of a name, a title and page numbers, not a quotation.
    let persian = "او گفت این را نیز باید دید که\n"
    for (input, expected) in [
      ("[1]ــ شيخ طوسي، تهذيب الاحكام، ج3، ص45", "[1]– شیخ طوسی، تهذیب الاحکام، ج3، ص45"),
      ("ــ شيخ طوسي، كتاب الاحكام الشرعيه، ج3، ص45", "– شیخ طوسی، کتاب الاحکام الشرعیه، ج3، ص45"),
    ] {
      let output = normalizer.normalize(persian + input).text
      #expect(output == persian + expected, "\(output)")
    }
    // A quotation of four words or more in one clause stays Arabic.
    let verse = "«انا لله و انا اليه راجعون»"
    #expect(normalizer.normalize(persian + verse).text == persian + verse)
  }

  @Test("a dash typed as tatweel is a dash in an Arabic quotation too; kashida in its words stays")
  func tatweelInArabic() {
    let persian = "او گفت این را نیز باید دید که\n"
    for (input, expected) in [
      ("[2]ــ إن الذي في السمـــاء كان عليما", "[2]– إن الذي في السمـــاء كان عليما"),
      ("ــ قال الرجل لقد كان في المدينة ۶ــ۱", "– قال الرجل لقد كان في المدينة ۶–۱"),
    ] {
      let output = normalizer.normalize(persian + input).text
      #expect(output == persian + expected, "\(output)")
      #expect(normalizer.normalize(output).text == output)
    }
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
