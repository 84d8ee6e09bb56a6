import Foundation
import Testing

@Suite("matn names")
struct NamesCommandTests {
  static let article = """
    TEHRAN, Feb. 1 (MNA) – President Hassan Rouhani met Ali Akbar Velayati in Tehran.
    Velayati said the talks with Moscow went well.
    آيت‌الله سيد علي خامنه‌اي گفت.

    """

  @Test("one line per name in order of first mention: display, ascii, phonetic, mentions, text")
  func tsv() throws {
    let result = try CLI.run(["names", "-"], stdin: Array(Self.article.utf8))
    #expect(result.status == 0)
    #expect(
      result.text == """
        Hassan Rouhani\thassan rouhani\tsnrn\t1\tHassan Rouhani
        Ali Akbar Velayati\tali akbar velayati\tlkbrlt\t2\tAli Akbar Velayati
        Ali Khamenei\tali khamenei\tlkmn\t1\tعلي خامنه‌اي

        """)
  }

  /// "Аli Аkbаr Vеlаyаti" with Cyrillic А, а and е.
  static let spoofed = "\u{410}li \u{410}kb\u{430}r V\u{435}l\u{430}y\u{430}ti"

  @Test("a name with Cyrillic homoglyphs is listed with a sixth field confusable:SCRIPTS; others have five")
  func confusableTSV() throws {
    let text = "Foreign Minister \(Self.spoofed) met Владимир Путин and Hassan Rouhani. «حسن روحانی» گفت.\n"
    let result = try CLI.run(["names", "-"], stdin: Array(text.utf8))
    #expect(result.status == 0)
    #expect(
      result.text == """
        Ali Akbar Velayati\tali akbar velayati\tlkbrlt\t1\t\(Self.spoofed)\tconfusable:Cyrl+Latn
        Vladimir Putin\tvladimir putin\tldmrptn\t1\tВладимир Путин
        Hassan Rouhani\thassan rouhani\tsnrn\t1\tHassan Rouhani
        Hassan Rouhani\thassan rouhani\tsnrn\t1\tحسن روحانی

        """)
  }

  @Test("--format jsonl: the mark is an object on the name; unmarked names have no such field")
  func confusableJSONL() throws {
    let text = "Foreign Minister \(Self.spoofed) met Ali Akbar Velayati.\n"
    let result = try CLI.run(["names", "--format", "jsonl", "-"], stdin: Array(text.utf8))
    let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any])
    let names = try #require(object["names"] as? [[String: Any]])
    #expect(names.count == 2)
    let mark = try #require(names[0]["confusable"] as? [String: Any])
    #expect(mark["scripts"] as? [String] == ["Cyrl", "Latn"])
    #expect(mark["script"] as? String == "Latn")
    #expect(mark["looksLike"] as? String == "Ali Akbar Velayati")
    #expect(mark["skeleton"] is String)
    #expect(names[1]["confusable"] == nil)
  }

  @Test("matn normalize: the article's names carry the mark")
  func confusableInArticle() throws {
    let raw = "Velayati meets envoys\n\nTEHRAN – Foreign Minister \(Self.spoofed) met the envoys on Monday.\n"
    let result = try CLI.run(["normalize", "-"], stdin: Array(raw.utf8))
    #expect(result.status == 0)
    let article = try #require(JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any])
    let names = try #require(article["names"] as? [[String: Any]])
    let marked = names.filter { $0["confusable"] != nil }
    #expect(marked.count == 1)
    #expect((marked.first?["confusable"] as? [String: Any])?["looksLike"] as? String == "Ali Akbar Velayati")
  }

  @Test("--format jsonl: one object per file with its path and names")
  func jsonl() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.txt"), b = dir.appendingPathComponent("b.txt")
    try Data(Self.article.utf8).write(to: a)
    try Data("No people here, only \"Tehran\".\n".utf8).write(to: b)
    let result = try CLI.run(["names", "--format", "jsonl", a.path, b.path])
    #expect(result.status == 0)
    let lines = result.text.split(separator: "\n")
    #expect(lines.count == 2)
    let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    #expect(first?["path"] as? String == a.path)
    let names = first?["names"] as? [[String: Any]] ?? []
    #expect(names.map { $0["display"] as? String } == ["Hassan Rouhani", "Ali Akbar Velayati", "Ali Khamenei"])
    #expect(names.map { $0["mentions"] as? Int } == [1, 2, 1])
    #expect(names.last?["text"] as? String == "علي خامنه‌اي")
    #expect(names.last?["script"] as? String == "Arab")
    #expect(lines[1] == "{\"path\":\(Self.quoted(b.path)),\"names\":[],\"mentions\":[]}")
    // Each mention with its UTF-8 byte range in the file.
    let mentions = first?["mentions"] as? [[String: Any]] ?? []
    let text = try String(contentsOf: a, encoding: .utf8)
    #expect(mentions.count == 4)
    for mention in mentions {
      let start = mention["start"] as! Int, end = mention["end"] as! Int
      #expect(String(decoding: Array(text.utf8)[start..<end], as: UTF8.self) == mention["text"] as? String)
    }
  }

  @Test("a missing file is reported, the others are still processed, exit status 1")
  func badFile() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = dir.appendingPathComponent("good.txt")
    try Data("President Hassan Rouhani spoke.\n".utf8).write(to: good)
    let missing = dir.appendingPathComponent("missing.txt").path
    let result = try CLI.run(["names", missing, good.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("missing.txt"))
    #expect(result.text == "==> \(good.path) <==\nHassan Rouhani\thassan rouhani\tsnrn\t1\tHassan Rouhani\n")
  }

  static func quoted(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
