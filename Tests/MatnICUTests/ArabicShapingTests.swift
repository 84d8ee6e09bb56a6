import Testing

@testable import MatnICU

@Suite("ArabicShaping")
struct ArabicShapingTests {
  @Test("letters take their contextual presentation forms; lam-alef becomes one ligature")
  func shapes() {
    // سلام: seen initial, lam-alef ligature (final), meem isolated.
    #expect(ArabicShaping.shape("سلام").unicodeScalars.map(\.value) == [0xFEB3, 0xFEFC, 0xFEE1])
    // A lone letter takes its isolated form; «با»: beh initial, alef final.
    #expect(ArabicShaping.shape("ب").unicodeScalars.map(\.value) == [0xFE8F])
    #expect(ArabicShaping.shape("با").unicodeScalars.map(\.value) == [0xFE91, 0xFE8E])
  }

  @Test("text without Arabic letters is unchanged")
  func other() {
    #expect(ArabicShaping.shape("Hello, world 123") == "Hello, world 123")
    #expect(ArabicShaping.shape("") == "")
  }
}
