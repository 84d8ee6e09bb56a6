import Testing

@testable import Matn

@Suite("ConfusableWords")
struct ConfusableWordsTests {
  @Test("each confusable word with its line and scalar column, counted as bidi check counts them; always a note")
  func positions() throws {
    let text = "x\r\nForeign Minister \(MixedScriptConfusableTests.spoofed) met \u{2067}Владимир\u{2069}.\u{2029}p\u{430}ypal"
    let findings = ConfusableWords.check(text)
    #expect(findings.map(\.word) == ["\u{410}li", "\u{410}kb\u{430}r", "V\u{435}l\u{430}y\u{430}ti", "p\u{430}ypal"])
    #expect(findings.map(\.line) == [2, 2, 2, 3])
    #expect(findings.map(\.column) == [18, 22, 28, 1])
    #expect(findings.allSatisfy { $0.severity == .note })
    let bytes = Array(text.utf8)
    for finding in findings {
      #expect(String(decoding: bytes[finding.utf8Offset...].prefix(finding.word.utf8.count), as: UTF8.self) == finding.word)
    }
    #expect(
      findings[3].description
        == "3:1: note: «p\u{430}ypal» mixes Cyrillic and Latin letters and looks like Latin «paypal» (a mixed-script confusable, UTS #39)")
  }

  @Test("English, Persian and Russian prose has none")
  func prose() {
    #expect(ConfusableWords.check("President Hassan Rouhani met Владимир Путин; «حسن روحانی» گفت iPhoneها.").isEmpty)
  }
}
