import Foundation
import Testing

@Suite("matn translit")
struct TranslitCommandTests {
  @Test("one key per input line, in order, empty lines kept; --key picks display, ascii or phonetic")
  func perLine() throws {
    let input = "حسن روحانی\n\nЛеонид Решетников\n习近平\n"
    let display = try CLI.run(["translit", "-"], stdin: Array(input.utf8))
    #expect(display.status == 0)
    #expect(display.text == "Hassan Rouhani\n\nLeonid Reshetnikov\nXi Jinping\n")
    let ascii = try CLI.run(["translit", "--key", "ascii", "-"], stdin: Array(input.utf8))
    #expect(ascii.text == "hassan rouhani\n\nleonid reshetnikov\nxi jinping\n")
    let phonetic = try CLI.run(["translit", "--key", "phonetic", "-"], stdin: Array("روحانی\nRowhani\n".utf8))
    #expect(phonetic.text == "rn\nrn\n")
  }

  @Test("scripts/eval-name-keys counts hits, unique hits and collisions (rows whose key another row's forms have)")
  func evalNameKeys() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = dir.appendingPathComponent("names.tsv")
    // 马云 maun (unique); 莫言 and Mona both mn (a collision each); 习近平 meets its
    // Wade-Giles spelling; 周恩来's only spelling is someone else's (no hit).
    let rows = "# comment\n马云\tMa Yun\n莫言\tMo Yan\nMona\tMona\n习近平\tXi Jinping,Hsi Chin-ping\n周恩来\tMa Yun\n"
    try Data(rows.utf8).write(to: data)
    let script = CLI.repositoryRoot.appendingPathComponent("scripts/eval-name-keys").path
    let out = try CLI.run(
      executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, "--matn", CLI.executable.path, data.path])
    #expect(out.status == 0, "\(out.stderr)")
    // 5 rows: hits 马云 莫言 Mona 习近平 (80%); unique 习近平 only (马云's key is also
    // 周恩来's spelling's); collisions 马云 (with that spelling), 莫言 and Mona (60%).
    #expect(out.text.contains("| names.tsv | 5 | 80.0% | 20.0% | 60.0% |"), "\(out.text)")
  }

  @Test("--top K: form<TAB>score pairs on each name's line, best first; --style picks country spellings")
  func top() throws {
    let out = try CLI.run(["translit", "--top", "2", "-"], stdin: Array("امید\n\nXi\n".utf8))
    #expect(out.status == 0)
    let lines = out.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4)
    let fields = lines[0].split(separator: "\t")
    #expect(fields.count == 4 && fields[0] == "Omid")
    #expect(Double(fields[1])! >= Double(fields[3])!)
    #expect(lines[1] == "" && lines[2] == "Xi\t1.000")
    let afghan = try CLI.run(["translit", "--style", "afghanistan", "-"], stdin: Array("ملکزاده\n".utf8))
    #expect(afghan.text == "Malikzada\n")
    let afghanTop = try CLI.run(["translit", "--top", "1", "--style", "afghanistan", "-"], stdin: Array("ملکزاده\n".utf8))
    #expect(afghanTop.text.hasPrefix("Malikzada\t"))
    let iranianTop = try CLI.run(["translit", "--top", "1", "-"], stdin: Array("ملکزاده\n".utf8))
    #expect(iranianTop.text.hasPrefix("Malekzadeh\t"))
    let bad = try CLI.run(["translit", "--top", "0", "-"], stdin: [])
    #expect(bad.status != 0)
  }
}
