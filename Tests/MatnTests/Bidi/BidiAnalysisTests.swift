import Testing

@testable import Matn

@Suite("BidiAnalysis")
struct BidiAnalysisTests {
  @Test(
    "the base direction skips isolates (P2–P3), unlike a plain first-strong scan",
    arguments: [
      ("\u{2066}Tehran\u{2069} تهران", BidiAnalysis.Direction.rightToLeft),
      ("\u{2067}تهران\u{2069} Tehran", .leftToRight),
      ("\u{2068}a\u{2066}b\u{2069}c\u{2069}\u{05D0}", .rightToLeft),
      ("\u{202B}abc", .leftToRight),
    ])
  func baseDirectionSkipsIsolates(text: String, direction: BidiAnalysis.Direction) {
    #expect(BidiAnalysis.firstStrongDirection(of: text.unicodeScalars) == direction)
    #expect(BidiAnalysis(text).baseDirection == direction)
  }

  @Test("no strong character: the fallback direction; a paragraph separator ends the search")
  func fallback() {
    #expect(BidiAnalysis("123 !").baseDirection == .leftToRight)
    #expect(BidiAnalysis("123 !", direction: .firstStrong(otherwise: .rightToLeft)).baseDirection == .rightToLeft)
    #expect(BidiAnalysis.firstStrongDirection(of: "12\nسلام".unicodeScalars) == nil)
    #expect(BidiAnalysis("abc", direction: .rightToLeft).level == 1)
  }

  @Test("runs in visual order, with scalar and UTF-8 offsets of the text")
  func runs() throws {
    let text = "قیمت iPhone 15 است"
    let analysis = BidiAnalysis(text)
    #expect(analysis.baseDirection == .rightToLeft)
    #expect(analysis.runs.map(\.direction) == [.rightToLeft, .leftToRight, .rightToLeft])
    let latin = analysis.runs[1]
    let bytes = Array(text.utf8)
    #expect(String(decoding: bytes[latin.utf8], as: UTF8.self) == "iPhone 15")
    #expect(latin.scalars == 5..<14)
    #expect(analysis.visualOrder.count == text.unicodeScalars.count)
    #expect(analysis.level(at: 5) == 2)
  }

  @Test("paragraphs(of:) gives each paragraph its own direction and whole-text offsets; CR LF is one separator")
  func paragraphs() {
    let text = "Hi\r\nسلام Ali\u{2029}x"
    let paragraphs = BidiAnalysis.paragraphs(of: text)
    #expect(paragraphs.map(\.baseDirection) == [.leftToRight, .rightToLeft, .leftToRight])
    #expect(paragraphs.map(\.scalars) == [0..<4, 4..<13, 13..<14])
    #expect(paragraphs.map(\.utf8) == [0..<4, 4..<19, 19..<20])
    let ali = paragraphs[1].runs.first { $0.direction == .leftToRight && $0.level == 2 }
    #expect(ali?.utf8 == 13..<16)
    #expect(ali?.scalars == 9..<12)
    #expect(paragraphs[1].visualOrder.allSatisfy { (4..<13).contains($0) })
  }
}
