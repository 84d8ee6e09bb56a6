import Foundation
import Matn
import SystemPackage
import Testing

// Every Swift code block of README.md and Sources/Matn/Matn.docc is a block of this file
// (DocumentationExamplesTests checks that, line by line), so the examples compile and,
// with the expectations after them, run as the documentation says.

@Suite("Documentation examples compile and hold")
struct DocumentationExamples {
  @Test("README: normalise text, search keys")
  func normaliseText() throws {
    let result = TextNormalizer(profile: .article).normalize("او نمی خواهد يك كتاب بخرد ?")
    print(result.text)  // او نمی‌خواهد یک کتاب بخرد؟
    print(result.report.counts[.arabicKaf] ?? 0)  // 2
    let same = SearchKey.make("مي‌روم") == SearchKey.make("می روم")  // true
    #expect(result.text == "او نمی‌خواهد یک کتاب بخرد؟")
    #expect(result.report.counts[.arabicKaf] == 2)
    #expect(same)
  }

  @Test("README and Getting started: a raw article file")
  func parseArticle() throws {
    let bytes = Array("Harbour Cranes Arrive in Bushehr\n\nTuesday, March 12, 2024\n\nFour new cranes reached the port.\n".utf8)
    let decoded = try DecodedText(bytes: bytes)  // any charset: UTF-8/16, windows-1256…
    let article = ArticleParser().parse(decoded, id: "cranes", path: "cranes.txt")
    print(article.title ?? "")  // Harbour Cranes Arrive in Bushehr
    print(article.published?.date.year ?? 0)  // 2024
    print(article.paragraphs.map(\.text))  // ["Four new cranes reached the port."]
    let json = article.json(pretty: true)  // the JSON `matn normalize` writes
    #expect(article.title == "Harbour Cranes Arrive in Bushehr")
    #expect(article.published?.date == ISODate(year: 2024, month: 3, day: 12))
    #expect(article.paragraphs.map(\.text) == ["Four new cranes reached the port."])
    #expect(json.first == UInt8(ascii: "{"))
  }

  @Test("README and Detecting script and language")
  func detectLanguage() throws {
    let guess = LanguageIdentifier.default.identify("این یک متن فارسی است که زبانش را می‌خواهیم بدانیم.")
    print(guess.language, guess.confidence)  // fa 0.99…
    let text = "The minister said: «ما آماده‌ایم» and left."
    for span in LanguageIdentifier.default.spans(in: text) {
      print(span.utf8Range, span.script, span.guess.language)  // 0..<19 Latn en, …
    }
    let runs = ScriptRuns("قیمت iPhone 15 ۵۰ دلار")
    print(runs.map(\.script))  // [Arab, Latn, Arab]
    #expect(guess.language == "fa")
    #expect(LanguageIdentifier.default.spans(in: text).map(\.guess.language).contains("fa"))
    #expect(runs.map(\.script.code) == ["Arab", "Latn", "Arab"])
  }

  @Test("README and Names for indexing")
  func names() throws {
    let keys = NameIndexer.shared.keys(for: "علی اکبر ولایتی")
    print(keys.display, keys.ascii, keys.phonetic)  // Ali Akbar Velayati  ali akbar velayati  …
    let best = NameIndexer.shared.romanize("امید", top: 2)
    print(best.map(\.text))  // ["Omid", …]
    let found = NameExtractor().names(in: "President Hassan Rouhani met Ali Akbar Velayati. Velayati said…")
    print(found.map(\.display))  // ["Hassan Rouhani", "Ali Akbar Velayati"]
    var index = NameIndex<Int>()
    index.insert(1, spellings: ["Ali Akbar Velayati", "علی اکبر ولایتی"])
    print(index.search("Ali-Akbar Velayati").first?.id ?? 0)  // 1
    #expect(keys.display == "Ali Akbar Velayati")
    #expect(NameIndexer.shared.keys(for: "Ali-Akbar Velayati").phonetic == keys.phonetic)
    #expect(best.first?.text == "Omid")
    #expect(found.map(\.display) == ["Hassan Rouhani", "Ali Akbar Velayati"])
    #expect(index.search("Ali-Akbar Velayati").first?.id == 1)
  }

  @Test("Bidi hygiene")
  func bidi() throws {
    let source = "let access = \"user\u{202E} \u{2066}// admin\u{2069} \u{2066}\"\n"
    for finding in BidiControls.check(source) where finding.severity == .error {
      print(finding)  // 1:19: error: …
    }
    let isolated = BidiIsolation.isolate("قیمت iPhone 15 ۵۰ دلار")
    print(isolated.unicodeScalars.contains("\u{2066}"))  // true: the Latin run in LRI…PDI
    #expect(BidiControls.check(source).contains { $0.severity == .error })
    #expect(isolated.unicodeScalars.contains("\u{2066}"))
  }

  @Test("Running at scale: a stream of inputs")
  func stream() async throws {
    let inputs = [
      ArticleInput.text("Title Line\n\nThe first paragraph of the story.\n", id: "one"),
      ArticleInput.bytes([0xEF, 0xBB, 0xBF] + Array("Another Title\n\nAnother body.\n".utf8), id: "two"),
      ArticleInput.file("/nonexistent/story.txt"),
    ]
    for await outcome in ArticleParser().articles(from: inputs, jobs: 2) {
      switch outcome.result {
      case .success(let article): print(outcome.id, article.title ?? "")
      case .failure(let failure): print(outcome.id, failure.kind, failure.message)
      }
    }
    var ids: [String] = []
    for await outcome in ArticleParser().articles(from: inputs) { ids.append(outcome.id) }
    #expect(ids == ["one", "two", "story"])
  }

  @Test("Running at scale: a batch of files")
  func batch() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("matn-doc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "Title Line\n\nThe body.\n".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    let folder = FilePath(directory.path)

    var configuration = ArticleBatch.Configuration(arguments: [.path(folder)])
    configuration.format = .jsonl  // each item's bytes: one JSON line
    let batch = try ArticleBatch(configuration)  // lists the inputs, checks outputs; writes nothing
    for await item in batch.items() {
      switch item.result {
      case .success(let article): print(article.id, article.paragraphs.count)
      case .failure(let failure): print(failure.message)
      }
    }
    var count = 0
    for await _ in batch.items() { count += 1 }
    #expect(count == 1)
  }
}
