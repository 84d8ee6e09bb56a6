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

  /// An English article (our own text) with `headline` as a paragraph of its own among
  /// plain English paragraphs.
  private func englishArticle(with headline: String) -> Article {
    let raw = """
      Trade figures for the autumn

      The ministry said on Sunday that exports of farm goods rose in the past month, while imports of machinery fell.

      \(headline)

      The shipments left the southern port last week and are expected to reach their buyers before the end of the year.

      Officials said further cargoes would follow if the buyers kept to the terms of the contract they signed.
      """
    return ArticleParser().parse(raw, id: "trade")
  }

  @Test(
    "a paragraph whose own evidence is weak takes the article's language when its plain words lean to it",
    arguments: ["Niger exports 3,000 tons of rice to Comoros", "Qatar exports 600 tons of rice to Comoros"])
  func weakNameHeavyHeadline(_ headline: String) throws {
    // Alone, the two names make it French; its plain words lean to English, but by less
    // than the margin a paragraph with strong evidence of its own would need.
    let own = LanguageIdentifier.default.identify(headline)
    #expect(own.language != "en", "\(own)")
    let pair = LanguageIdentifier(languages: [own.language, "en"])
    let margin = try #require(ArticleParser.plainMargin("en", headline, pair: pair))
    #expect(margin > 0 && margin < ArticleParser.priorMargin)
    #expect(ArticleParser.nats(pair.identify(headline), for: own.language, over: "en") >= ArticleParser.priorNats)
    let article = englishArticle(with: headline)
    let paragraph = try #require(article.paragraphs.first { $0.text == headline })
    #expect(paragraph.language == "en")
    #expect(article.languages.map(\.language) == ["en"])
  }

  // «Tea time», read as Estonian alone while the model's scores were quarters of a nat,
  // reads as English alone in eighths: it no longer tests the prior, so two headlines
  // that still read otherwise alone stand in for it.
  @Test(
    "a paragraph with almost no evidence of its own takes the article's language",
    arguments: ["Cinema notes", "Sports desk", "In brief"])
  func headlineWithoutEvidence(_ headline: String) throws {
    let own = LanguageIdentifier.default.identify(headline)
    #expect(own.language != "en", "\(own)")
    let paragraph = try #require(englishArticle(with: headline).paragraphs.first { $0.text == headline })
    #expect(paragraph.language == "en")
  }

  /// A Persian article (our own text) with `paragraph` as a paragraph of its own.
  private func persianArticle(with paragraph: String) -> Article {
    let raw = """
      گزارش هفته

      وزیر در این نشست گفت که دولت برای اجرای این طرح از هیچ تلاشی دریغ نمی‌کند و کار ادامه دارد.

      \(paragraph)

      وی افزود که این برنامه در ماه گذشته به تصویب رسید و اکنون در حال اجرا است.

      به گفته او نتیجه این طرح تا پایان سال به مردم گزارش خواهد شد.
      """
    return ArticleParser().parse(raw, id: "fa")
  }

  @Test(
    "in a Persian article, a paragraph read as Urdu without a letter Persian never writes is Persian",
    arguments: ["سلام علیکم؛", "* ابرار", "تصویر"])
  func persianParagraphWithoutUrduLetters(_ text: String) throws {
    // Alone each reads as Urdu (words and n-grams Urdu news writes more): the article
    // is their prior, and none holds ے ں ہ ٹ ڈ ڑ… that an Urdu paragraph would.
    #expect(LanguageIdentifier.default.identify(text).language == "ur", "\(LanguageIdentifier.default.identify(text))")
    #expect(ArticleParser.lacksOwnLetters(text, own: "ur", article: "fa"))
    let article = persianArticle(with: text)
    let paragraph = try #require(article.paragraphs.first { $0.text == text })
    #expect(paragraph.language == "fa")
    #expect(article.languages.map(\.language) == ["fa"])
  }

  @Test("in a Persian article, an Urdu paragraph with Urdu letters stays Urdu")
  func urduParagraphKeepsUrdu() throws {
    let urdu = "وزیر اعظم نے کہا کہ حکومت اس منصوبے پر کام جاری رکھے گی۔"
    #expect(!ArticleParser.lacksOwnLetters(urdu, own: "ur", article: "fa"))
    let paragraph = try #require(persianArticle(with: urdu).paragraphs.first { $0.text == urdu })
    #expect(paragraph.language == "ur")
    // The letters rule is Persian articles' only (Arabic writes none of Urdu's letters
    // either, but an Arabic article is no evidence a line without them is Arabic).
    #expect(!ArticleParser.lacksOwnLetters("سلام علیکم؛", own: "ur", article: "ar"))
    // A language without letters of its own against Persian is not concerned.
    #expect(!ArticleParser.lacksOwnLetters("قال الرئيس", own: "ar", article: "fa"))
  }

  @Test("a paragraph in another language keeps it: its own evidence is strong")
  func foreignParagraphKeepsItsLanguage() throws {
    let french = "Le ministre a déclaré que les négociations reprendraient la semaine prochaine à Genève."
    let paragraph = try #require(englishArticle(with: french).paragraphs.first { $0.text == french })
    #expect(paragraph.language == "fr")
    #expect(!ArticleParser.givesWay(french, own: "fr", to: "en", pair: LanguageIdentifier(languages: ["fr", "en"]), sampleBytes: 1024))
  }
}
