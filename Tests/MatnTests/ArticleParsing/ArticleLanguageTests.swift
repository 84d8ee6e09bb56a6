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

@Suite("A paragraph's language decided once")
struct ArticleLanguageOnceTests {
  /// A Persian article (our own text): four paragraphs of plain Persian prose, and
  /// `extra` as a paragraph of its own after the second.
  fileprivate func persianRaw(with extra: String? = nil) -> String {
    let paragraphs = [
      "وزیر در این نشست گفت که دولت برای اجرای این طرح از هیچ تلاشی دریغ نمی‌کند و کار ادامه دارد.",
      "وی افزود که این برنامه در ماه گذشته به تصویب رسید و اکنون در حال اجرا است.",
      "به گفته او نتیجه این طرح تا پایان سال به مردم گزارش خواهد شد و هزینه‌های آن نیز اعلام می‌شود.",
      "کارشناسان می‌گویند که اجرای کامل این برنامه به همکاری استان‌ها و شهرداری‌ها نیاز دارد.",
    ]
    var body = paragraphs
    if let extra { body.insert(extra, at: 2) }
    return (["گزارش هفته"] + body).joined(separator: "\n\n")
  }

  private func parse(_ raw: String, reusing: Bool = true) -> (Article, [String]) {
    var options = ArticleParser.Options()
    let log = ArticleParser.IdentifiedTexts()
    options.identified = log
    options.reusesSpanDecisions = reusing
    return (ArticleParser(options: options).parse(raw, id: "once"), log.all)
  }

  @Test("a paragraph the normaliser decided Persian is not identified again")
  func persianParagraphsNotIdentified() {
    let (article, asked) = parse(persianRaw())
    #expect(article.paragraphs.count == 4)
    #expect(article.paragraphs.allSatisfy { $0.language == "fa" })
    #expect(article.languages.map(\.language) == ["fa"])
    // No text was handed to the identifier: every paragraph's language came with it
    // from the normaliser.
    #expect(asked.isEmpty, "\(asked)")
    // Deciding every paragraph with the identifier asks it once per paragraph at least.
    let (again, askedAgain) = parse(persianRaw(), reusing: false)
    #expect(askedAgain.count >= 4)
    #expect(again == article)
  }

  @Test(
    "the reused decision is the identifier's answer",
    arguments: [
      nil, "سلام علیکم؛", "* ابرار",
      "وزیر اعظم نے کہا کہ حکومت اس منصوبے پر کام جاری رکھے گی۔",
      "قال الرئيس في كلمة ألقاها أمام المؤتمر إن الحكومة التي تعمل على هذا المشروع ستنجح.",
      "The minister said the plan would go ahead.",
      "وزیر گفت که طرح Mehr Housing تا پایان سال اجرا می‌شود.",
    ])
  func reusedEqualsIdentified(_ extra: String?) {
    let (reused, _) = parse(persianRaw(with: extra))
    let (identified, _) = parse(persianRaw(with: extra), reusing: false)
    #expect(reused == identified)
  }

  @Test("a paragraph the normaliser did not settle is identified once: another language, another script")
  func otherParagraphsIdentifiedOnce() throws {
    for (extra, language) in [
      ("وزیر اعظم نے کہا کہ حکومت اس منصوبے پر کام جاری رکھے گی۔", "ur"),
      ("قال الرئيس في كلمة ألقاها أمام المؤتمر إن الحكومة التي تعمل على هذا المشروع ستنجح.", "ar"),
      ("The minister said on Sunday that the plan would go ahead as agreed.", "en"),
    ] {
      let (article, asked) = parse(persianRaw(with: extra))
      let paragraph = try #require(article.paragraphs.first { $0.text == extra })
      #expect(paragraph.language == language)
      // Asked about this paragraph alone, never twice about the same text (a paragraph
      // the short sample holds whole is not read again as the long sample).
      #expect(!asked.isEmpty && asked.allSatisfy { extra.hasPrefix($0) }, "\(asked)")
      #expect(Set(asked).count == asked.count, "\(asked)")
    }
  }

  @Test("an English article's paragraphs are each identified, never settled by Arabic-script spans")
  func englishParagraphsIdentified() {
    let raw = """
      Trade figures for the autumn

      The ministry said on Sunday that exports of farm goods rose in the past month, while imports of machinery fell.

      The shipments left the southern port last week and are expected to reach their buyers before the end of the year.

      گزارش هفته: وزیر گفت که دولت برای اجرای این طرح از هیچ تلاشی دریغ نمی‌کند و کار ادامه دارد.
      """
    let (article, asked) = parse(raw)
    #expect(article.paragraphs.map(\.language) == ["en", "en", "fa"])
    // The Persian paragraph's spans are all Persian, but the article is not Persian.
    #expect(asked.contains { $0.hasPrefix("گزارش هفته") })
    let (identified, _) = parse(raw, reusing: false)
    #expect(identified == article)
  }
}

extension ArticleLanguageOnceTests {
  @Test("Arabic spelling that Persian spans never keep sends a paragraph to the identifier")
  func arabicSpellingIsAsked() throws {
    #expect(ArticleParser.keepsArabicSpelling("قال الرئيس"))  // ي
    #expect(ArticleParser.keepsArabicSpelling("كتاب"))  // ك
    #expect(ArticleParser.keepsArabicSpelling("رَبِّ"))  // short vowels
    #expect(!ArticleParser.keepsArabicSpelling("وزیر گفت که کتاب‌ها رسید."))
    // A Persian sentence around a vowelled verse: the verse's span was left undecided by
    // the letter statistics and read as Arabic by the model, so the block's votes say
    // Persian alone; its kept vowels say otherwise, and the identifier is asked.
    let verse = "اما در آیه «قَالُوا إِنَّا لِلَّهِ وَإِنَّا إِلَيْهِ رَاجِعُونَ أُولَئِكَ عَلَيْهِمْ صَلَوَاتٌ مِنْ رَبِّهِمْ وَرَحْمَةٌ» به این معنا اشاره شده است."
    #expect(ArticleParser.agreed(TextNormalizer().normalize(verse[...]).1) == .persian)
    var options = ArticleParser.Options()
    let log = ArticleParser.IdentifiedTexts()
    options.identified = log
    let paragraphs = [
      "وزیر در این نشست گفت که دولت برای اجرای این طرح از هیچ تلاشی دریغ نمی‌کند و کار ادامه دارد.", verse,
      "وی افزود که این برنامه در ماه گذشته به تصویب رسید و اکنون در حال اجرا است.",
    ]
    let article = ArticleParser(options: options).parse((["گزارش هفته"] + paragraphs).joined(separator: "\n\n"), id: "v")
    let kept = try #require(article.paragraphs.dropFirst().first)
    #expect(ArticleParser.keepsArabicSpelling(kept.text))
    #expect(log.all.count >= 1 && log.all.allSatisfy { kept.text.hasPrefix($0) }, "\(log.all)")
  }
}

extension ArticleLanguageOnceTests {
  @Test("a caller's language set without Persian is kept: the identifier decides")
  func languageSetWithoutPersian() {
    var options = ArticleParser.Options()
    options.languages = ["ar", "en"]
    let log = ArticleParser.IdentifiedTexts()
    options.identified = log
    let article = ArticleParser(options: options).parse(persianRaw(), id: "set")
    #expect(!article.paragraphs.contains { $0.language == "fa" })
    #expect(log.all.count >= article.paragraphs.count)
  }
}
