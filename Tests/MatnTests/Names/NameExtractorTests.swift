import Foundation
import Testing

@testable import Matn

enum NameFixtures {
  static let cases: [Case] = (try? Fixtures.table("name-mentions.txt"))?.map { Case(line: $0.line, marked: $0.fields[0]) } ?? []

  /// ../shared/samples/raw-article-en-fa-footer.txt (read for testing, never copied).
  static var sharedSample: URL {
    Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/samples/raw-article-en-fa-footer.txt")
  }

  /// A fixture line with its markers removed: the text, and the expected mentions.
  struct Case: CustomTestStringConvertible {
    var line: Int
    var text: String
    var mentions: [NameMention]
    var testDescription: String { "line \(line): \(text)" }

    /// ⟦name⟧ marks a mention, ⟨title⟩ the title written just before the next mention.
    init(line: Int, marked: String) {
      self.line = line
      var text = "", mentions: [NameMention] = []
      var nameStart: Int?, titleStart: Int?, title: String?
      for v in marked.unicodeScalars {
        switch v {
        case "⟦": nameStart = text.utf8.count
        case "⟨": titleStart = text.utf8.count
        case "⟩":
          title = String(decoding: Array(text.utf8)[titleStart!...], as: UTF8.self)
        case "⟧":
          let start = nameStart!, end = text.utf8.count
          let name = String(decoding: Array(text.utf8)[start..<end], as: UTF8.self)
          mentions.append(NameMention(text: name, utf8Range: start..<end, script: Self.script(name), title: title))
          title = nil
        default: text.unicodeScalars.append(v)
        }
      }
      self.text = text
      self.mentions = mentions
    }

    static func script(_ name: String) -> String {
      let v = name.unicodeScalars.first!.value
      return v >= 0x600 && v < 0x700 ? "Arab" : v >= 0x400 && v < 0x500 ? "Cyrl" : "Latn"
    }
  }
}

@Suite("NameExtractor")
struct NameExtractorTests {
  let extractor = NameExtractor()

  typealias Case = NameFixtures.Case

  @Test("marked fixtures: every mention, its byte range and title, and nothing else", arguments: NameFixtures.cases)
  func fixtures(_ c: Case) {
    let found = extractor.mentions(in: c.text)
    #expect(found == c.mentions, "\(found.map { "\($0.title.map { "<\($0)> " } ?? "")[\($0.text)]" })")
  }

  @Test("the fixture table is read")
  func fixtureCount() {
    #expect(NameFixtures.cases.count >= 30)
    #expect(NameFixtures.cases.contains { !$0.mentions.isEmpty && $0.mentions.allSatisfy { $0.script == "Arab" } })
  }

  @Test("names: a bare family name folds into the full name, counted; order of first mention")
  func folding() {
    let text = "Velayati: ties are strong. Ali Akbar Velayati met President Hassan Rouhani. Rouhani and Velayati agreed. Akbar Velayati left."
    let names = extractor.names(in: text)
    #expect(names.map(\.text) == ["Ali Akbar Velayati", "Hassan Rouhani"])
    #expect(names.map(\.mentions) == [4, 2])
    #expect(names[0].display == "Ali Akbar Velayati" && names[0].key == "ali akbar velayati")
    #expect(names[1].phonetic == NameIndexer.shared.keys(for: "حسن روحانی").phonetic)
    #expect(names.allSatisfy { $0.script == "Latn" })
  }

  @Test("names: a family name shared by two people folds into the nearest one mentioned before")
  func nearestBefore() {
    let text = "Ali Larijani spoke first. Larijani said no. Then Sadegh Amoli Larijani spoke. Larijani said yes."
    let names = extractor.names(in: text)
    #expect(names.map(\.text) == ["Ali Larijani", "Sadegh Amoli Larijani"])
    #expect(names.map(\.mentions) == [2, 2])
  }

  @Test("names: one word that starts exactly one fuller name folds into it (Wang for Wang Yi), not when two share it")
  func firstWordFold() {
    let text = "Foreign Minister Wang Yi arrived. Minister Wang said ties were good. Prince Faisal bin Farhan spoke; Prince Faisal agreed."
    #expect(extractor.names(in: text).map(\.text) == ["Wang Yi", "Faisal bin Farhan"])
    let two = "Minister Hassan Rouhani and Minister Hassan Nasrallah spoke; Minister Hassan left."
    #expect(extractor.names(in: two).map(\.text) == ["Hassan Rouhani", "Hassan Nasrallah", "Hassan"])
    // Not in Persian: a given name alone names another person as often (Imam Hussein).
    let persian = "وی از امام حسین یاد کرد و حسین شریعتمداری سخن گفت."
    #expect(extractor.names(in: persian).map(\.text) == ["حسین", "حسین شریعتمداری"])
  }

  @Test("names: a form with a middle part left out folds into the one fuller name holding its words in order")
  func middleLeftOut() {
    let text = "President George W. Bush spoke. Later President George Bush left."
    #expect(extractor.names(in: text).map(\.text) == ["George W. Bush"])
    let persian = "این گروه را «حافظ محمد سعید» بنا نهاد و حافظ سعید اکنون رهبر آن است."
    let names = extractor.names(in: persian)
    #expect(names.map(\.text) == ["حافظ محمد سعید"])
    #expect(names.first?.mentions == 2)
    // Not into a name with a particle: «محمد علی» is not «محمد بن علی» (Ali's son).
    let son = "او از «محمد بن علی» روایت کرد و محمد علی آن را نوشت."
    #expect(extractor.names(in: son).map(\.text) == ["محمد بن علی", "محمد علی"])
    // Not when two fuller names hold the words.
    let two = "President George W. Bush and President George H. Bush met. President George Bush spoke."
    #expect(extractor.names(in: two).map(\.text) == ["George W. Bush", "George H. Bush", "George Bush"])
  }

  @Test("Persian names: un-normalised letters group with normalised ones; display romanised")
  func persianGrouping() {
    let text = "آيت‌الله سيد علي خامنه‌اي گفت. آیت‌الله خامنه‌ای افزود و حسن روحانی پاسخ داد."
    let names = extractor.names(in: text)
    #expect(names.map(\.display) == ["Ali Khamenei", "Hassan Rouhani"])
    #expect(names.map(\.mentions) == [2, 1])
    #expect(names.allSatisfy { $0.script == "Arab" })
    #expect(names.allSatisfy { !$0.display.unicodeScalars.contains { $0.value >= 0x600 && $0.value < 0x700 } })
  }

  @Test("our own raw sample: the people with their titles, and none of the places or organisations")
  func ownSample() throws {
    let text = try String(contentsOf: Fixtures.ownSample, encoding: .utf8)
    let names = extractor.names(in: text)
    #expect(
      names.map(\.display) == ["Ali Akbar Velayati", "Ali Khamenei", "Masoud Pezeshkian", "Wang Yi", "Dmitry Sergeyevich Kozlov"])
    #expect(names.map(\.mentions) == [3, 1, 1, 1, 2])
    let mentions = extractor.mentions(in: text)
    #expect(mentions.first { $0.text == "Ali Khamenei" }?.title == "Ayatollah Seyyed")
    #expect(mentions.first { $0.text == "Masoud Pezeshkian" }?.title == "President")
    for thing in ["Caspian", "Astrakhan", "Baku", "Moscow", "Tehran", "Rasht", "Chinese", "Russian", "Press Service"] {
      #expect(!mentions.contains { $0.text.contains(thing) }, "\(thing)")
    }
  }

  @Test(
    "the shared raw sample: the people, and none of the places or organisations",
    .enabled(
      if: Fixtures.sharedRuns("samples/raw-article-en-fa-footer.txt"),
      Fixtures.sharedSkipComment("samples/raw-article-en-fa-footer.txt")))
  func sharedSample() throws {
    try #require(FileManager.default.fileExists(atPath: NameFixtures.sharedSample.path), "../shared/samples is missing; CI runs beside shared/")
    let text = try String(contentsOf: NameFixtures.sharedSample, encoding: .utf8)
    let names = extractor.names(in: text)
    let displays = Set(names.map(\.display))
    for person in ["Ali Akbar Velayati", "Ali Khamenei", "Hassan Rouhani", "Xi Jinping", "Leonid Petrovich Reshetnikov"] {
      #expect(displays.contains(person), "\(displays)")
    }
    #expect(names.count == 5, "\(names.map(\.text))")
    #expect(names.first { $0.text == "Ali Akbar Velayati" }?.mentions == 5)
    let texts = Set(extractor.mentions(in: text).map(\.text))
    for thing in ["Tehran", "Moscow", "Russia", "Syria", "Iraq", "Islamic Revolution", "Eminent Leader", "Press TV", "Central Asia"] {
      #expect(!texts.contains { $0.contains(thing) }, "\(thing)")
    }
  }

  @Test("every mention's byte range holds its text, in fixtures and real articles")
  func offsets() throws {
    for text in NameFixtures.cases.map(\.text) + (try RealText.samples()) {
      let bytes = Array(text.utf8)
      for m in extractor.mentions(in: text) {
        #expect(String(decoding: bytes[m.utf8Range], as: UTF8.self) == m.text)
        #expect(!m.text.hasSuffix("’s") && !m.text.hasSuffix("'s") && !m.text.hasSuffix(" "))
      }
    }
  }

  @Test("names are Codable with the documented fields")
  func codable() throws {
    let name = ExtractedName(text: "Xi Jinping", script: "Latn", display: "Xi Jinping", key: "xi jinping", phonetic: "ksznpng", mentions: 2)
    let json = try JSONEncoder().encode(name)
    let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
    #expect(Set(object?.keys ?? [:].keys) == ["text", "script", "display", "key", "phonetic", "mentions"])
    #expect(try JSONDecoder().decode(ExtractedName.self, from: json) == name)
  }

  @Test("a name written with Cyrillic homoglyphs is found, as the Latin name it looks like, and marked")
  func confusableMention() throws {
    let spoofed = MixedScriptConfusableTests.spoofed
    let text = "Foreign Minister \(spoofed) met President Hassan Rouhani."
    let mention = try #require(extractor.mentions(in: text).first)
    #expect(mention.text == spoofed)
    #expect(mention.title == "Foreign Minister")
    #expect(mention.script == "Latn")
    #expect(mention.confusable?.scripts == ["Cyrl", "Latn"])
    #expect(mention.confusable?.looksLike == "Ali Akbar Velayati")
    #expect(Array(text.utf8)[mention.utf8Range].elementsEqual(spoofed.utf8))
  }

  @Test("a Greek homoglyph (Alpha in Αli) marks the name too; Greek names themselves are not extracted")
  func greekHomoglyph() throws {
    let text = "President \u{391}li Akbar Velayati met Κυριάκος Μητσοτάκης."
    let mentions = extractor.mentions(in: text)
    #expect(mentions.map(\.text) == ["\u{391}li Akbar Velayati"])
    #expect(mentions.first?.confusable?.scripts == ["Grek", "Latn"])
    #expect(mentions.first?.confusable?.looksLike == "Ali Akbar Velayati")
  }

  @Test("the spoofed name keeps its own entry with the mark; the genuine spelling stays unmarked")
  func confusableName() throws {
    let spoofed = MixedScriptConfusableTests.spoofed
    let names = extractor.names(in: "Foreign Minister \(spoofed) met Ali Akbar Velayati. Velayati said no.")
    #expect(names.map(\.text) == [spoofed, "Ali Akbar Velayati"])
    #expect(names.map(\.mentions) == [1, 2])
    let spoof = try #require(names.first), genuine = try #require(names.last)
    #expect(spoof.confusable?.scripts == ["Cyrl", "Latn"])
    #expect(genuine.confusable == nil)
    // Keys equal the genuine name's only with the mark beside them.
    #expect(spoof.key == genuine.key && spoof.display == "Ali Akbar Velayati")
  }

  @Test("Russian, Latin and Persian names are not marked")
  func notConfusable() {
    let text = "Владимир Путин встретился с Сергеем Лавровым. President Hassan Rouhani met Ali Akbar Velayati. «آیت‌الله سید علی خامنه‌ای» گفت."
    let names = extractor.names(in: text)
    #expect(Set(names.map(\.script)) == ["Cyrl", "Latn", "Arab"])
    #expect(names.allSatisfy { $0.confusable == nil })
  }

  @Test("a marked name is Codable with its mark")
  func codableMark() throws {
    let name = try #require(extractor.names(in: "President \(MixedScriptConfusableTests.spoofed) said.").first)
    #expect(name.confusable != nil)
    let json = try JSONEncoder().encode(name)
    let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
    #expect((object?["confusable"] as? [String: Any]).map { Set($0.keys) } == ["scripts", "script", "looksLike", "skeleton"])
    #expect(try JSONDecoder().decode(ExtractedName.self, from: json) == name)
  }

  @Test("an article's names carry the mark, and its JSON reads back into the same article")
  func articleMark() throws {
    let raw = "Velayati meets envoys\n\nTEHRAN – Foreign Minister \(MixedScriptConfusableTests.spoofed) met the envoys on Monday.\n"
    let article = ArticleParser().parse(try DecodedText(bytes: Array(raw.utf8)), id: "spoof", path: "spoof.txt")
    let name = try #require(article.names.first { $0.confusable != nil })
    #expect(name.confusable?.looksLike == "Ali Akbar Velayati")
    #expect(try JSONDecoder().decode(Article.self, from: Data(article.json())) == article)
  }

  @Test("Russian names in another case are named and keyed in the nominative")
  func russianNominative() {
    let names = extractor.names(in: "Сергей Лавров встретился с министром Сергеем Лавровым. Министр Дмитрием Медведевым.")
    #expect(names.map(\.text) == ["Сергей Лавров", "Дмитрий Медведев"])
    #expect(names.first?.mentions == 2)
    #expect(names.first?.display == "Sergey Lavrov")
    #expect(NameExtractor.nominative("Владимиром Путиным") == "Владимир Путин")
    // Endings shared with feminine names stay as written.
    #expect(NameExtractor.nominative("Марией Захаровой") == "Марией Захаровой")
  }

  @Test("Russian endings shared by cases and genders are read as another case only when the nominative is written")
  func russianAttestedNominative() {
    let names = extractor.names(in: "Сергей Лавров прибыл в Тегеран. Он сообщил о визите Сергея Лаврова.")
    #expect(names.map(\.text) == ["Сергей Лавров"])
    #expect(names.first?.mentions == 2)
    // Without the nominative in the text, a feminine name stays as written.
    #expect(extractor.names(in: "Мария Захарова выступила.").map(\.text) == ["Мария Захарова"])
    #expect(NameExtractor.obliqueCandidates("Лаврову") == ["Лавров"])
    #expect(NameExtractor.obliqueCandidates("Сергея") == ["Сергей", "Сергеь"])
    #expect(NameExtractor.obliqueCandidates("Захаровой") == ["Захарова"])
  }

  @Test("one Persian name written with and without a space or ZWNJ is one name")
  func joinedSpelling() {
    let names = extractor.names(in: "آیت‌الله جوادی آملی گفت و آیت‌الله جوادی‌آملی افزود.")
    #expect(names.count == 1)
    #expect(names.first?.mentions == 2)
  }

  @Test("«خامنه ای» written with a space is the name «خامنه‌ای», not «خامنه»")
  func separatedEnding() {
    let names = extractor.names(in: "آیت‌الله خامنه ای گفت و آیت‌الله خامنه‌ای افزود.")
    #expect(names.map(\.text) == ["خامنه\u{200C}ای"])
    #expect(names.first?.mentions == 2)
  }

  @Test("an extractor can be shared across tasks")
  func concurrent() async {
    let text = "President Hassan Rouhani met Ali Akbar Velayati."
    let expected = extractor.names(in: text)
    let extractor = self.extractor
    await withTaskGroup(of: [ExtractedName].self) { group in
      for _ in 0..<8 { group.addTask { extractor.names(in: text) } }
      for await result in group { #expect(result == expected) }
    }
  }
}
