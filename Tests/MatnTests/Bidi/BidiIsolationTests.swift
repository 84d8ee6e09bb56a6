import TestSupport
import Testing

@testable import Matn

@Suite("BidiIsolation")
struct BidiIsolationTests {
  @Test(
    "opposite-direction runs are wrapped; spaces and punctuation at their edges stay outside",
    arguments: [
      ("قیمت iPhone 15 ۵۰ دلار", "قیمت \u{2066}iPhone 15\u{2069} ۵۰ دلار"),
      ("The minister «علی اکبر ولایتی» said", "The minister «\u{2067}علی اکبر ولایتی\u{2069}» said"),
      ("گفت‌وگو با Reuters.", "گفت‌وگو با \u{2066}Reuters\u{2069}."),
      ("Line one\nخط دوم با Xi Jinping", "Line one\nخط دوم با \u{2066}Xi Jinping\u{2069}"),
    ])
  func golden(_ input: String, _ expected: String) {
    #expect(BidiIsolation.isolate(input) == expected)
  }

  @Test("isolating twice changes nothing; text in one direction is byte-identical")
  func idempotent() {
    for text in ["قیمت iPhone 15 ۵۰ دلار", "The minister «علی اکبر ولایتی» said", "Only English here.", "فقط فارسی", ""] {
      let once = BidiIsolation.isolate(text)
      #expect(BidiIsolation.isolate(once) == once)
    }
    #expect(BidiIsolation.isolate("Only English here, 2024.") == "Only English here, 2024.")
    #expect(BidiIsolation.isolate("فقط فارسی ۱۴۰۳") == "فقط فارسی ۱۴۰۳")
  }

  @Test("after isolation the Persian price is no longer displayed next to the product number")
  func priceStaysWithItsText() {
    func adjacentInDisplay(_ text: String, _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
      let scalars = Array(text.unicodeScalars)
      let order = BidiAnalysis(text).visualOrder
      let pa = order.firstIndex { scalars[$0] == a }!, pb = order.firstIndex { scalars[$0] == b }!
      return abs(pa - pb) <= 2  // at most a space between them
    }
    let raw = "قیمت iPhone 15 ۵۰ دلار"
    #expect(adjacentInDisplay(raw, "5", "۵"))  // the bug: "15 ۵۰" read as one number
    #expect(!adjacentInDisplay(BidiIsolation.isolate(raw), "5", "۵"))
  }

  @Test("each isolated span stays contiguous in display order (random mixes)")
  func contiguous() {
    let pieces = ["قیمت", "iPhone", "15", "۵۰", "دلار", "Reuters", "،", ".", " ", "(", ")", "«", "»", "Xi Jinping", "تهران"]
    var generator = SplitMix64(seed: 6)
    for _ in 0..<300 {
      let count = Int(generator.next() % 12) + 1
      let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined(separator: " ")
      let isolated = BidiIsolation.isolate(text)
      let scalars = Array(isolated.unicodeScalars)
      let order = BidiAnalysis(isolated).visualOrder
      var position = [Int](repeating: 0, count: scalars.count)
      for (visual, logical) in order.enumerated() { position[logical] = visual }
      // Every isolate's content occupies one stretch of display positions.
      var start: Int? = nil
      for (k, s) in scalars.enumerated() {
        if s == "\u{2066}" || s == "\u{2067}" { start = k + 1 }
        if s == "\u{2069}", let from = start {
          let spots = (from..<k).map { position[$0] }.sorted()
          #expect(spots.last! - spots.first! == spots.count - 1, "\(text)")
          start = nil
        }
      }
    }
  }
}
