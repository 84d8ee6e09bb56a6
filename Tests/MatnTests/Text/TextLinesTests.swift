import Testing

@testable import Matn

@Suite("TextLines")
struct TextLinesTests {
  @Test("lines end at LF, CR LF, CR, NEL, LS and PS; a final terminator adds no empty line")
  func lines() {
    #expect(TextLines.lines(of: "a\nb\r\nc\rd\u{85}e\u{2028}f\u{2029}g") == ["a", "b", "c", "d", "e", "f", "g"])
    #expect(TextLines.lines(of: "علی\r\nlast\n") == ["علی", "last"])
    #expect(TextLines.lines(of: "a\r\n\r\nb\n") == ["a", "", "b"])
    #expect(TextLines.lines(of: "\n") == [""])
    #expect(TextLines.lines(of: "") == [])
    // CR then LF is one terminator; LF then CR is two.
    #expect(TextLines.lines(of: "a\n\rb") == ["a", "", "b"])
  }

  @Test("line feeds only, for harness interfaces")
  func lineFeeds() {
    #expect(TextLines.lines(of: "a\u{85}b\u{2028}c\r\nd\n", ends: .lineFeed) == ["a\u{85}b\u{2028}c\r", "d"])
  }

  @Test("paragraphs: runs of lines between blank (White_Space only) lines, with their first line's number")
  func paragraphs() {
    let text = "one\r\ntwo\r\n \t\r\n\u{2029}three\u{85}\u{85}\u{A0}\u{85}four"
    let paragraphs = TextLines.paragraphs(of: text)
    #expect(paragraphs.map(\.line) == [1, 5, 8])
    #expect(paragraphs.map(\.text) == ["one\r\ntwo", "three", "four"])
    #expect(TextLines.paragraphs(of: "\n \n").isEmpty)
  }

  @Test("terminal display renders line by line in every convention and keeps a final terminator")
  func terminalDisplay() {
    for end in ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"] {
      #expect(TerminalDisplay.render("سلام" + end + "Hello" + end) == "\u{FEE1}\u{FEFC}\u{FEB3}\nHello\n")
      #expect(TerminalDisplay.render("Hello" + end + "سلام") == "Hello\n\u{FEE1}\u{FEFC}\u{FEB3}")
    }
  }
}
