import Testing

@testable import Matn

@Suite("The article's language passed down to its blocks")
struct ArticleLanguageTests {
  /// Everything the parser kept as text of the article.
  private func texts(_ article: Article) -> [String] {
    [article.title ?? ""] + article.paragraphs.map(\.text) + article.boilerplate.map(\.text)
  }

  @Test("a block without evidence of its own takes the article's Arabic-script language, not the default")
  func blockTakesArticleLanguage() {
    // A name on a line of its own says nothing about its language; the article around
    // it is Arabic (function words in every sentence), so it keeps Arabic ي.
    let raw = """
      ناصر علي

      قال الرئيس في كلمة ألقاها أمام المؤتمر إن الحكومة التي تعمل على هذا المشروع ستنجح.

      وأضاف أن الوزارة التي أعلنت عن الخطة في الشهر الماضي لم تتراجع عن هذا القرار.
      """
    let article = ArticleParser().parse(raw, id: "a")
    let all = texts(article).joined(separator: "\n")
    #expect(all.contains("ناصر علي"), "\(texts(article))")
    #expect(!all.contains("ی"), "\(texts(article))")
    // Normalised alone, the name takes the default language, Persian.
    #expect(TextNormalizer().normalize("ناصر علي").text == "ناصر علی")
  }

  @Test("in a Persian article the same block takes Persian letters")
  func persianArticle() {
    let raw = """
      ناصر علي

      رئیس‌جمهور در این نشست گفت که دولت برای اجرای این طرح از هیچ تلاشی دریغ نمی‌کند.

      وی افزود که این برنامه در ماه گذشته به تصویب رسید و اکنون در حال اجرا است.
      """
    let all = texts(ArticleParser().parse(raw, id: "p")).joined(separator: "\n")
    #expect(all.contains("ناصر علی"))
    #expect(!all.contains("ي"))
  }
}
