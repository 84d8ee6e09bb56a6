import Foundation
import Matn
import Testing

/// Golden tests: each raw fixture in Fixtures/articles is parsed and compared with its
/// `.expected.json` (the whole article, names included). To accept a deliberate change,
/// run with MATN_UPDATE_GOLDEN=1 and review the diff of the expected files.
@Suite("Article parser golden fixtures")
struct ArticleGoldenTests {
  static let directory = Fixtures.directory.appendingPathComponent("articles")

  static var fixtures: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { !$0.hasSuffix(".expected.json") }.sorted()
  }

  /// The article as `matn normalize` writes it (pretty JSON, fixed field order).
  static func encode(_ article: Article) throws -> String {
    String(decoding: article.json(pretty: true), as: UTF8.self) + "\n"
  }

  @Test("every shape parses to its expected article", arguments: fixtures)
  func golden(_ name: String) throws {
    let url = Self.directory.appendingPathComponent(name)
    let bytes = [UInt8](try Data(contentsOf: url))
    let decoded = try DecodedText(bytes: bytes)
    let id = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
    let article = ArticleParser().parse(decoded, id: id, path: name, byteCount: bytes.count)
    let actual = try Self.encode(article)
    // The JSON reads back into the same article.
    #expect(try JSONDecoder().decode(Article.self, from: Data(article.json())) == article)
    let expectedURL = Self.directory.appendingPathComponent(id + ".expected.json")
    if ProcessInfo.processInfo.environment["MATN_UPDATE_GOLDEN"] == "1" {
      try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: expectedURL, encoding: .utf8)
    #expect(actual == expected, "\(name): the parsed article differs from \(id).expected.json")
  }

  @Test("the fixtures cover every shape the parser handles")
  func coverage() throws {
    var kinds = Set<String>(), reasons = Set<String>(), calendars = Set<String>()
    var titleSources = Set<String>(), encodings = Set<String>()
    var counts = (duplicates: 0, sentences: 0, splits: 0, bylines: 0, languages: Set<String>())
    for name in Self.fixtures {
      let bytes = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent(name)))
      let article = ArticleParser().parse(try DecodedText(bytes: bytes), id: name, path: name, byteCount: bytes.count)
      kinds.formUnion(article.credits.map(\.kind.rawValue))
      reasons.formUnion(article.boilerplate.map(\.reason.text))
      if let p = article.published { calendars.insert(p.calendar.rawValue) }
      if let t = article.titleSource { titleSources.insert(t.rawValue) }
      encodings.insert(article.source.encoding)
      counts.duplicates += article.report.duplicateParagraphs
      counts.sentences += article.report.duplicateSentences
      counts.splits += article.report.splitParagraphs
      counts.bylines += article.byline == nil ? 0 : 1
      counts.languages.formUnion(article.paragraphs.map(\.language))
    }
    #expect(kinds == ["photo", "source", "license", "editor"])
    #expect(reasons.isSuperset(of: ["site credit", "end marker", "navigation"]))
    #expect(calendars == ["gregorian", "persian", "islamic"])
    #expect(titleSources == ["text", "filename"])
    #expect(encodings.isSuperset(of: ["UTF-8", "windows-1256"]))
    #expect(counts.duplicates > 0 && counts.sentences > 0 && counts.splits > 0 && counts.bylines > 0)
    #expect(counts.languages.isSuperset(of: ["en", "fa"]))
  }
}

@Suite("Article parser on raw samples of the shared shape")
struct SharedSampleArticleTests {
  static let shared = "samples/raw-article-en-fa-footer.txt"

  static func parse(_ url: URL) throws -> Article {
    let bytes = [UInt8](try Data(contentsOf: url))
    return ArticleParser().parse(try DecodedText(bytes: bytes), id: "sample", path: url.path, byteCount: bytes.count)
  }

  @Test("our own sample: title, date, 10 paragraphs with their quotation marks, the photo credit, the Persian footer")
  func ownSample() throws {
    let article = try Self.parse(Fixtures.ownSample)
    #expect(article.title == "Caspian Ministers Meet in Astrakhan on Fishing Quotas")
    #expect(article.published?.date == ISODate(year: 2024, month: 10, day: 17))
    #expect(article.published?.calendar == .gregorian)
    #expect(article.paragraphs.count == 10)
    #expect(article.paragraphs.allSatisfy { $0.language == "en" })
    #expect(article.paragraphs.filter { $0.text.hasPrefix("“") }.count == 2)
    #expect(article.paragraphs[3].text.contains("“a shared duty of all its neighbours”"))
    #expect(article.credits.map(\.kind) == [.photo])
    #expect(article.boilerplate.map(\.reason.kind) == [.siteCredit])
    #expect(article.boilerplate.first?.language == "fa")
    #expect(article.report.warnings.isEmpty)
  }

  @Test(
    "the shared sample: title, date, 11 paragraphs with their quotation marks, the photo credit, the Persian footer, the names",
    .enabled(if: Fixtures.sharedRuns(shared), Fixtures.sharedSkipComment(shared)))
  func sharedSample() throws {
    let url = Fixtures.shared(Self.shared)
    try #require(FileManager.default.fileExists(atPath: url.path), "../shared/\(Self.shared) is missing; CI runs beside shared/")
    let article = try Self.parse(url)
    #expect(article.title == "Iran Seeks to Strengthen Relations with Russia")
    #expect(article.published?.date.description == "2016-02-01")
    #expect(article.published?.calendar == .gregorian)
    #expect(article.paragraphs.count == 11)
    #expect(article.paragraphs.allSatisfy { $0.language == "en" })
    // Quotation marks as written: curly quotes in, curly quotes out.
    let quoted = article.paragraphs.filter { $0.text.hasPrefix("“") }
    #expect(quoted.count == 3)
    #expect(article.paragraphs[3].text.contains("“unique and strategic”"))
    #expect(article.credits.map(\.kind) == [.photo])
    #expect(article.credits.first?.text.contains("Press TV") == true)
    #expect(article.boilerplate.count == 1)
    #expect(article.boilerplate.first?.language == "fa")
    let displays = Set(article.names.map(\.display))
    for name in ["Velayati", "Khamenei", "Rouhani", "Xi Jinping", "Reshetnikov"] {
      #expect(displays.contains { $0.contains(name) }, "no name with \(name) in \(displays.sorted())")
    }
  }
}
