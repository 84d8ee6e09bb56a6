import Testing

@Suite("matn detect")
struct DetectCommandTests {
  @Test("--per line prints exactly one code per input line (LS ends one too), und for lines without letters")
  func perLine() throws {
    let input = "This is plainly English text.\n\nاین یک جملهٔ فارسی است.\n42\nDas ist ein deutscher Satz.\u{2028}Noch einer.\n"
    let result = try CLI.run(["detect", "--per", "line", "-"], stdin: Array(input.utf8))
    #expect(result.status == 0)
    #expect(result.text == "en\nund\nfa\nund\nde\nde\n")
  }

  @Test("--per line cuts at every line feed, also after a carriage return (one grapheme with it)")
  func perLineCRLF() throws {
    let input = "This is plainly English text.\r\nاین یک جملهٔ فارسی است.\r\n\r\nDas ist ein deutscher Satz."
    let result = try CLI.run(["detect", "--per", "line", "-"], stdin: Array(input.utf8))
    #expect(result.status == 0)
    #expect(result.text == "en\nfa\nund\nde\n")
  }

  @Test("--per paragraph: one line per blank-line separated paragraph, with confidence and runners-up")
  func perParagraph() throws {
    let input = "The minister arrived on Monday.\nTalks begin today.\n\nوزیر روز دوشنبه به تهران رسید.\n"
    let result = try CLI.run(["detect", "--per", "paragraph", "-"], stdin: Array(input.utf8))
    let lines = result.text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    #expect(lines.count == 2)
    #expect(lines.map { $0[0] } == ["-:1", "-:4"])
    #expect(lines.map { $0[1] } == ["en", "fa"])
    #expect(lines.allSatisfy { $0[2].hasSuffix("%") })
  }

  @Test("--languages restricts the answers; an unknown code is a usage error")
  func languages() throws {
    let result = try CLI.run(["detect", "--per", "line", "--languages", "en,de", "-"], stdin: Array("Bonjour à tous\n".utf8))
    #expect(["en\n", "de\n"].contains(result.text))
    let bad = try CLI.run(["detect", "--languages", "en,qq", "-"], stdin: [])
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("qq"))
  }

  @Test("a document with an English line and a Persian one: a mix, in a fifth column")
  func mixedDocument() throws {
    let input = "Hello world, this is an English line.\nاین یک خط فارسی است.\n"
    let result = try CLI.run(["detect", "-"], stdin: Array(input.utf8))
    let fields = result.text.split(separator: "\t", omittingEmptySubsequences: false)
    #expect(result.status == 0)
    #expect(fields.count == 5, "\(result.text)")
    #expect(fields[1] == "en" && fields[2] != "100.0%")
    #expect(fields.last?.hasPrefix("mix: en ") == true && fields.last?.contains("fa ") == true)
  }

  @Test("--min-confidence: a unit below it is und; out of range is a usage error")
  func minConfidence() throws {
    let input = "The minister arrived in Tehran on Monday for two days of talks.\n"
    let sure = try CLI.run(["detect", "--per", "line", "--min-confidence", "0.5", "-"], stdin: Array(input.utf8))
    #expect(sure.text == "en\n")
    // «ministro» is Spanish, Italian and Portuguese alike: never 99% sure.
    let unsure = try CLI.run(["detect", "--per", "line", "--min-confidence", "0.99", "-"], stdin: Array("ministro\n".utf8))
    #expect(unsure.text == "und\n")
    let bad = try CLI.run(["detect", "--min-confidence", "1.5", "-"], stdin: [])
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("--min-confidence"))
  }

  @Test("--per run: an English text with a Persian footer gives two spans with their byte ranges")
  func perRun() throws {
    let english = "The minister met his counterpart on Monday. "
    let input = english + "طراحی سایت: شرکت نمونه\n"
    let result = try CLI.run(["detect", "--per", "run", "-"], stdin: Array(input.utf8))
    let lines = result.text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    #expect(lines.count == 2)
    #expect(lines.map { $0[1] } == ["Latn", "Arab"])
    #expect(lines.map { $0[2] } == ["en", "fa"])
    #expect(lines.first?.first == "-:0-\(english.utf8.count)")
  }
}

@Suite("matn show")
struct ShowCommandTests {
  @Test("prints Persian shaped and in display order, English as it is")
  func show() throws {
    let result = try CLI.run(["show", "-"], stdin: Array("سلام\nHello\n".utf8))
    #expect(result.status == 0)
    #expect(result.text == "\u{FEE1}\u{FEFC}\u{FEB3}\nHello\n")
  }
}
