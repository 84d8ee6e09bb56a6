import Foundation
import Testing

@testable import Matn

@Suite("Article fields users compute with are typed; the JSON keeps its shape")
struct ArticleTypedFieldsTests {
  @Test("ISODate reads and writes ISO 8601 dates, with a time only where one was written")
  func isoDate() throws {
    let date = try #require(ISODate("2016-02-01T14:30"))
    #expect((date.year, date.month, date.day, date.hour, date.minute, date.second) == (2016, 2, 1, 14, 30, nil))
    #expect(date.description == "2016-02-01T14:30")
    #expect(ISODate("2016-02-01")?.description == "2016-02-01")
    #expect(ISODate("2016-02-01T14:30:05")?.second == 5)
    #expect(ISODate("2016-02-01")! < date)
    #expect(ISODate("2016-02-01")! < ISODate("2016-02-02")!)
    for bad in ["2016-2-01", "2016-13-01", "2016-02-01T25:00", "2016-02-01T", "16-02-01", "2016-02-01x", ""] {
      #expect(ISODate(bad) == nil, "\(bad)")
    }
    let json = try JSONEncoder().encode([date])
    #expect(String(decoding: json, as: UTF8.self) == #"["2016-02-01T14:30"]"#)
  }

  @Test("a Persian dateline: a typed Gregorian date, the calendar, and the date as written in it")
  func publishedIsTyped() throws {
    let text = "کتابخانه‌ای تازه در شهر\n\nدوشنبه ۱۲ بهمن ۱۳۹۴\n\nکتابخانهٔ تازهٔ شهر امروز درهایش را به روی مردم گشود.\n"
    let article = ArticleParser().parse(text, id: "x")
    let published = try #require(article.published)
    #expect(published.date == ISODate(year: 2016, month: 2, day: 1))
    #expect(published.calendar == .persian)
    #expect(published.written == CalendarDate(year: 1394, month: 11, day: 12))
    let json = try JSONSerialization.jsonObject(with: Data(article.json())) as! [String: Any]
    let written = try #require(json["published"] as? [String: String])
    #expect(written == ["date": "2016-02-01", "calendar": "persian", "written": "1394-11-12"])
    #expect(try JSONDecoder().decode(Article.self, from: Data(article.json())) == article)
  }

  @Test("boilerplate reasons and warnings carry a kind and round-trip through their JSON words")
  func kinds() throws {
    for kind in Article.Boilerplate.Reason.Kind.allCases where kind != .siteRepeated && kind != .foreignFooter {
      #expect(Article.Boilerplate.Reason(text: kind.rawValue)?.kind == kind)
    }
    let repeated = Article.Boilerplate.Reason.siteRepeated(count: 3, files: 7)
    #expect(repeated.text == "repeated in 3 of 7 files of this source")
    #expect(Article.Boilerplate.Reason(text: repeated.text) == repeated)
    #expect(Article.Boilerplate.Reason(text: "no such reason") == nil)
    // "an" before a vowel: the wording of the issue's report.
    let footer = Article.Boilerplate.Reason.foreignFooter(script: "Latin", under: "Arabic")
    #expect(footer.text == "a short last line in Latin under an Arabic article")
    #expect(Article.Boilerplate.Reason(text: footer.text)?.kind == .foreignFooter)
    let warnings: [Article.Warning] = [
      .decoding(.mojibake(sequences: 2)), .longLine(bytes: 9), .changedInput("'a.txt'"),
      .date(RejectedDate(text: "1/2/2016", utf8Range: 0..<8, reason: "ambiguous day and month: 1/2/2016")),
    ]
    #expect(warnings.map(\.kind) == [.decoding, .longLine, .changedInput, .date])
    for warning in warnings { #expect(Article.Warning(message: warning.message) == warning) }
    #expect(throws: (any Error).self) { try JSONDecoder().decode([Article.Warning].self, from: Data(#"["what?"]"#.utf8)) }
  }

  @Test("Report.changes is keyed by ChangeKind; the JSON keys are the kinds' names")
  func changes() throws {
    let article = ArticleParser().parse("عنوان خبر\n\nاو نمي خواهد يك كتاب بخرد.\n", id: "x")
    #expect(article.report.changes[.arabicKaf] == 2)  // يك and كتاب
    #expect(article.report.changes[.arabicYeh, default: 0] >= 1)
    let json = try JSONSerialization.jsonObject(with: Data(article.json())) as! [String: Any]
    let changes = try #require((json["report"] as? [String: Any])?["changes"] as? [String: Int])
    #expect(changes["arabicKaf"] == 2)
    #expect(try JSONDecoder().decode(Article.self, from: Data(article.json())).report.changes == article.report.changes)
  }

  @Test("a UTF-8 byte order mark is a repair of the source, not a warning; a replaced byte is both")
  func byteOrderMark() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("A Title Line\n\nThe body of the story.\n".utf8)
    let article = ArticleParser().parse(try DecodedText(bytes: bytes), id: "bom")
    #expect(article.report.warnings.isEmpty)
    #expect(article.source.repairs == ["removed the UTF-8 byte order mark"])
    #expect(article.decodingNotes == ["removed the UTF-8 byte order mark"])
    let damaged = bytes + [0xFF] + Array(" More.\n".utf8)
    let repaired = ArticleParser().parse(try DecodedText(bytes: damaged), id: "bad")
    #expect(repaired.report.warnings.map(\.kind) == [.decoding])
    #expect(repaired.decodingNotes == ["removed the UTF-8 byte order mark"])
  }

  @Test("text with metadata keeps dateline, date, byline and credits in a header; plain text leaves them out")
  func textMetadata() throws {
    let text = """
      Harbour Cranes Arrive in Bushehr

      Tuesday, March 12, 2024

      By Sara Jafari

      Four new cranes reached the port on Tuesday, the port authority said in a statement.

      Photo credit: Port Authority.
      """
    let article = ArticleParser().parse(text, id: "x")
    let header = article.text(metadata: true)
    #expect(
      header.hasPrefix(
        "Dateline: Tuesday, March 12, 2024\nPublished: 2024-03-12\nByline: Sara Jafari\nCredit: photo: Photo credit: Port Authority.\n\nHarbour Cranes Arrive in Bushehr\n\n"
      ), "\(header)")
    #expect(header.hasSuffix(article.plainText))
    #expect(!article.plainText.contains("Sara Jafari") && !article.plainText.contains("2024"))
  }

  @Test("the metadata header gives a dateline lead's place and agency beside its text")
  func textMetadataDatelineLead() throws {
    let text = """
      Harbour Cranes Arrive in Bushehr

      TEHRAN, Jan. 20 (MNA) – Four new cranes reached the port on Tuesday, the port authority said.
      """
    let article = ArticleParser().parse(text, id: "x")
    let dateline = try #require(article.dateline)
    #expect(dateline.place == "Tehran" && dateline.agency == "MNA", "\(dateline)")
    let header = article.text(metadata: true)
    #expect(header.hasPrefix("Dateline: \(dateline.text) (place Tehran, agency MNA)\n"), "\(header)")
  }
}
