import Testing

@testable import Matn

@Suite("Datelines that open a paragraph: place, agency, date")
struct DatelineLeadTests {
  @Test("every shape in dateline-leads.tsv reads as expected")
  func table() throws {
    let rows = try Fixtures.table("dateline-leads.tsv")
    #expect(rows.count >= 25)
    for (line, fields) in rows {
      let text = fields[0]
      let lead = DatelineLead.prefix(of: text) ?? DatelineLead.attribution(in: text)
      if fields[1] == "none" {
        #expect(lead == nil, "dateline-leads.tsv:\(line): \(String(describing: lead))")
        continue
      }
      let found = try #require(lead, "dateline-leads.tsv:\(line)")
      #expect(found.dateline.place == (fields[1].isEmpty ? nil : fields[1]), "dateline-leads.tsv:\(line)")
      #expect(found.dateline.agency == (fields[2].isEmpty ? nil : fields[2]), "dateline-leads.tsv:\(line)")
      if fields[4] == "=" {
        #expect(found.rest == nil, "dateline-leads.tsv:\(line): an attribution stays")
      } else {
        #expect(found.dateline.date == (fields[3].isEmpty ? nil : fields[3]), "dateline-leads.tsv:\(line)")
        #expect(found.rest.map(String.init) == fields[4], "dateline-leads.tsv:\(line)")
        #expect(found.wholeLine == fields[4].isEmpty, "dateline-leads.tsv:\(line)")
      }
    }
  }

  @Test("places and agencies are known by their folded forms")
  func tables() {
    let tables = DatelineTables.shared
    #expect(tables.place("TEHRAN") == "Tehran" && tables.place("Teheran") == "Tehran")
    #expect(DatelineTables.key("Tehran-e Now") == "tehranenow" && DatelineTables.key("قزوين") == "قزوین")
    #expect(tables.place("طهران") == "Tehran" && tables.place("قزوين") != nil)
    #expect(tables.place("Exclusive") == nil && tables.place("Officials") == nil)
    #expect(tables.agency("خبرگزاری فارس") == "Fars" && tables.agency("Mehr News Agency") == "MNA")
  }

  @Test("a line that is only an agency is a credit")
  func agencyCredits() {
    let tables = DatelineTables.shared
    for line in ["(IRNA)", "(MNA).", "[Reuters]", "/ ایرنا", "(خبرگزاری فارس)", "AFP"] {
      #expect(tables.isAgencyCredit(line), "\(line)")
    }
    for line in ["(Iran)", "IRNA reported that the talks resumed.", "(the minister)"] {
      #expect(!tables.isAgencyCredit(line), "\(line)")
    }
  }
}

@Suite("Titles from file names: cut slugs, restated headlines")
struct FileNameTitleTests {
  @Test("a slug that ends on a function word in small letters looks cut")
  func cut() {
    #expect(ArticleParser.looksCut("Officials discuss plans to widen the roads of"))
    #expect(ArticleParser.looksCut("Ministers meet to review ties with"))
    #expect(ArticleParser.looksCut("New dams planned in Iran's"))
    #expect(!ArticleParser.looksCut("Iran to double Tabriz refinery capacity"))
    #expect(!ArticleParser.looksCut("Ceremony marks the birthday of Imam Reza AS"))
  }

  @Test("a lone t after a word ending in n is a negation")
  func negation() {
    #expect(ArticleParser.title(fromFileName: "_news_1_Talks-won-t-stop-minister.txt") == "Talks won't stop minister")
  }

  @Test("the body's first line restates the slug's headline with its punctuation")
  func restated() {
    #expect(ArticleParser.restates("Rail link to Mashhad opens, officials say.", slug: "Rail link to Mashhad opens officials"))
    #expect(!ArticleParser.restates("Rail link to Mashhad opens.", slug: "Gas exports to Iraq resume"))
    #expect(
      !ArticleParser.restates(
        "Rail link to Mashhad opens after a decade of works that cost the province more than it had planned, officials said on Monday.",
        slug: "Rail link to Mashhad opens"))
  }
}
