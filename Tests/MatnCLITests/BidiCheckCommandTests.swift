import Foundation
import Testing

@Suite("matn bidi check")
struct BidiCheckCommandTests {
  @Test("prints FILE:LINE:COLUMN: severity: message and exits 1 on an error")
  func errors() throws {
    let input = "ok\nif (role != \"user\u{202E} \u{2066}// admin\u{2069} \u{2066}\") {}\n"
    let result = try CLI.run(["bidi", "check", "-"], stdin: Array(input.utf8))
    #expect(result.status == 1)
    let lines = result.text.split(separator: "\n")
    #expect(lines.first?.hasPrefix("-:2:18: error: RLO (U+202E)") == true)
    #expect(lines.count == 4)
    #expect(result.stderr.contains("1 file checked, 4 errors"))
  }

  @Test("prose with marks and balanced isolates passes; --warnings-as-errors fails on a warning")
  func cleanAndWarnings() throws {
    let prose = "قیمت \u{2066}iPhone 15\u{2069} ۵۰ دلار\u{200F} است.\n"
    let clean = try CLI.run(["bidi", "check", "-"], stdin: Array(prose.utf8))
    #expect(clean.status == 0)
    #expect(clean.text.isEmpty)
    let stray = "abc\u{202C} def\n"
    #expect(try CLI.run(["bidi", "check", "-"], stdin: Array(stray.utf8)).status == 0)
    let strict = try CLI.run(["bidi", "check", "--warnings-as-errors", "-"], stdin: Array(stray.utf8))
    #expect(strict.status == 1)
    #expect(strict.text == "-:1:4: error: PDF (U+202C) has nothing to close (ignored by the bidi algorithm)\n")
  }

  @Test("a word mixing scripts confusably is a note, printed without --notes, and the exit code stays 0")
  func confusableWord() throws {
    let input = "Foreign Minister Ali Akbar V\u{435}l\u{430}y\u{430}ti met Владимир Путин.\r\nقیمت iPhoneها\n"
    let result = try CLI.run(["bidi", "check", "-"], stdin: Array(input.utf8))
    #expect(result.status == 0)
    #expect(
      result.text
        == "-:1:28: note: «V\u{435}l\u{430}y\u{430}ti» mixes Cyrillic and Latin letters and looks like Latin «Velayati» (a mixed-script confusable, UTS #39)\n"
    )
    #expect(result.stderr.contains("0 errors, 0 warnings, 1 note\n"))
    let strict = try CLI.run(["bidi", "check", "--warnings-as-errors", "-"], stdin: Array(input.utf8))
    #expect(strict.status == 0)
  }

  @Test("an unreadable file is reported and the exit code is 1")
  func unreadable() throws {
    let result = try CLI.run(["bidi", "check", "/nonexistent/file.txt"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot read"))
  }
}
