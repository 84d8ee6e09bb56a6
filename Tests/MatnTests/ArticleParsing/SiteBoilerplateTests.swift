import Testing

@testable import Matn

@Suite("Site boilerplate learned across a source's files")
struct SiteBoilerplateTests {
  /// `count` articles of a site: a header and footer on each, a body of its own.
  static func articles(_ count: Int, header: String = "Home | World | Sport", footer: String = "Follow Example Daily for more") -> [String] {
    (0..<count).map { i in
      "\(header)\nStory number \(i) about the harbour\nThe harbour was busy on day \(i), the port said.\n\(footer)\n"
    }
  }

  @Test("lines at the edges of enough files are learned; the article's own lines are not")
  func learnsEdges() {
    var builder = SiteBoilerplate.Builder()
    for text in Self.articles(20) { builder.add(text) }
    let site = builder.build()
    #expect(site.files == 20)
    #expect(site.count(of: "Home | World | Sport") == 20)
    #expect(site.count(of: "Follow Example Daily for more") == 20)
    #expect(site.count(of: "Story number 3 about the harbour") == nil)
  }

  @Test("the key ignores case, punctuation, Arabic ي/ك and digit shapes, so raw meets normalised")
  func foldedKey() {
    var builder = SiteBoilerplate.Builder()
    for i in 0..<6 { builder.add("سرويس خبري كشور ١٤٠٣\nمتن خبر شماره \(i)\n") }
    let site = builder.build()
    #expect(site.count(of: "سرویس خبری کشور ۱۴۰۳") == 6)
    #expect(site.count(of: "سرویس  خبری، کشور 1403!") == 6)
  }

  @Test("a file saved twice counts once, so a repeated article is not boilerplate")
  func duplicateFilesCountOnce() {
    var builder = SiteBoilerplate.Builder()
    let same = "A story told three times\nIts only paragraph.\n"
    for _ in 0..<3 { builder.add(same) }
    for text in Self.articles(2) { builder.add(text) }
    let site = builder.build()
    #expect(site.files == 3)
    #expect(site.count(of: "A story told three times") == nil)
  }

  @Test("thresholds: at least three files and at least 1% of them")
  func thresholds() {
    var few = SiteBoilerplate.Builder()
    for text in Self.articles(2) { few.add(text) }
    #expect(few.build().isEmpty)
    var many = SiteBoilerplate.Builder()
    for text in Self.articles(400) { many.add(text) }
    for text in Self.articles(3, header: "Rare banner") { many.add(text) }
    #expect(many.build().count(of: "Rare banner") == nil)  // 3 < 1% of 403
    #expect(many.build().count(of: "Home | World | Sport") == 400)
  }

  @Test("builders merge (one per thread)")
  func merge() {
    var a = SiteBoilerplate.Builder(), b = SiteBoilerplate.Builder()
    for (i, text) in Self.articles(6).enumerated() { if i % 2 == 0 { a.add(text) } else { b.add(text) } }
    a.merge(b)
    #expect(a.build().count(of: "Home | World | Sport") == 6)
  }

  @Test("the parser sets learned lines aside with the count as the reason")
  func parserUsesSite() {
    var builder = SiteBoilerplate.Builder()
    for text in Self.articles(10) { builder.add(text) }
    var options = ArticleParser.Options()
    options.siteBoilerplate = builder.build()
    options.extractsNames = false
    let article = ArticleParser(options: options).parse(Self.articles(1)[0], id: "x")
    #expect(article.boilerplate.map(\.reason.text) == ["repeated in 10 of 10 files of this source", "repeated in 10 of 10 files of this source"])
    #expect(article.boilerplate.map(\.reason.kind) == [.siteRepeated, .siteRepeated])
    // The site's header is set aside before the title is chosen.
    #expect(article.title == "Story number 0 about the harbour")
    #expect(article.paragraphs.map(\.text) == ["The harbour was busy on day 0, the port said."])
  }
}
