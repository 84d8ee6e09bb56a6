import Testing

@testable import Matn

@Suite("TerminalDisplay")
struct TerminalDisplayTests {
  @Test("a Persian line is shaped and put in display order; Latin lines are untouched")
  func lines() {
    let shown = TerminalDisplay.render("سلام دنیا\nHello (world)")
    let lines = shown.split(separator: "\n", omittingEmptySubsequences: false)
    // دنیا then سلام, each reversed and shaped: the first thing printed is دنیا's final alef.
    #expect(lines[0].unicodeScalars.map(\.value) == [0xFE8E, 0xFBFF, 0xFEE7, 0xFEA9, 0x20, 0xFEE1, 0xFEFC, 0xFEB3])
    #expect(lines[1] == "Hello (world)")
  }

  @Test("an English name and its digits inside Persian keep their own order; brackets mirror")
  func mixed() {
    let shown = TerminalDisplay.render("قیمت iPhone 15 است")
    #expect(shown.contains("iPhone 15"))
    #expect(!shown.contains("51 enohPi"))
    let bracketed = TerminalDisplay.render("(سلام)")
    // In a right-to-left line the opening bracket is drawn mirrored, at the right end.
    #expect(bracketed.unicodeScalars.first == "(")
    #expect(bracketed.unicodeScalars.last == ")")
  }

  @Test("direction controls are not printed")
  func controls() {
    #expect(!TerminalDisplay.render("\u{202B}سلام\u{202C}").unicodeScalars.contains { $0.value == 0x202B || $0.value == 0x202C })
  }
}
