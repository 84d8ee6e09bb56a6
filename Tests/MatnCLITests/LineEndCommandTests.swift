import Testing

/// Every line-oriented command splits lines at LF, CR LF, CR, NEL, LS and PS (the
/// library's `TextLines`), never at Swift `Character`s, where CR LF is one character.
@Suite("line ends in line-oriented commands")
struct LineEndCommandTests {
  /// The line terminators other than LF.
  static let ends = ["\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]

  static func input(_ lines: [String], _ end: String) -> [UInt8] {
    Array(lines.map { $0 + end }.joined().utf8)
  }

  /// `arguments` before the file, with `--encoding UTF-8` for NEL: undeclared, a C1
  /// control such as U+0085 is read as windows-1252 mojibake (its byte 0x85 is "…"),
  /// as ftfy reads it; a declared encoding is taken as it is.
  static func command(_ arguments: [String], _ end: String) -> [String] {
    arguments + (end == "\u{85}" ? ["--encoding", "UTF-8", "-"] : ["-"])
  }

  @Test("translit: one output line per input line", arguments: ends)
  func translit(end: String) throws {
    let result = try CLI.run(Self.command(["translit"], end), stdin: Self.input(["علی", "last"], end))
    #expect(result.status == 0)
    #expect(result.text == "Ali\nlast\n")
  }

  @Test("translit --line-ends lf keeps the other terminators inside a line")
  func translitLineFeedsOnly() throws {
    let result = try CLI.run(["translit", "--line-ends", "lf", "-"], stdin: Array("Ali\u{2028}Reza\nHassan\n".utf8))
    #expect(result.text.split(separator: "\n", omittingEmptySubsequences: false).count == 3)
  }

  @Test("detect --per line: one code per line", arguments: ends)
  func detectPerLine(end: String) throws {
    let lines = ["This is plainly English text.", "این یک جملهٔ فارسی است.", "", "Das ist ein deutscher Satz."]
    let result = try CLI.run(Self.command(["detect", "--per", "line"], end), stdin: Self.input(lines, end))
    #expect(result.status == 0)
    #expect(result.text == "en\nfa\nund\nde\n")
  }

  @Test("detect --per line --line-ends lf: LS and CR stay inside a line (langid_eval.py's interface)")
  func detectLineFeedsOnly() throws {
    let input = "Das ist ein deutscher Satz.\u{85}Noch einer.\u{2028}Und noch.\r\nThis is plainly English text.\n"
    let result = try CLI.run(["detect", "--per", "line", "--line-ends", "lf", "-"], stdin: Array(input.utf8))
    #expect(result.text == "de\nen\n")
  }

  @Test("detect --per paragraph: a blank line in any convention separates paragraphs", arguments: ends)
  func detectPerParagraph(end: String) throws {
    let lines = ["The minister arrived on Monday.", "Talks begin today.", " \t", "وزیر روز دوشنبه به تهران رسید."]
    let result = try CLI.run(Self.command(["detect", "--per", "paragraph"], end), stdin: Self.input(lines, end))
    let units = result.text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    #expect(units.map { $0[0] } == ["-:1", "-:4"])
    #expect(units.map { $0[1] } == ["en", "fa"])
  }

  @Test("show: each line shaped and reordered on its own", arguments: ends)
  func show(end: String) throws {
    let result = try CLI.run(Self.command(["show"], end), stdin: Self.input(["سلام", "Hello"], end))
    #expect(result.status == 0)
    #expect(result.text == "\u{FEE1}\u{FEFC}\u{FEB3}\nHello\n")
  }

  @Test("names: a name never runs across a line end", arguments: ends)
  func names(end: String) throws {
    let result = try CLI.run(Self.command(["names"], end), stdin: Self.input(["Foreign Minister Ali Akbar", "Velayati arrived."], end))
    let texts = result.text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false)[4] }
    #expect(texts.first == "Ali Akbar")
    #expect(!texts.contains { $0.contains("Velayati") && $0.contains("Akbar") })
  }
}
