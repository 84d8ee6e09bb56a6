import Testing

@testable import MatnICU

@Suite("BreakIterator")
struct BreakIteratorTests {
  @Test("words over UTF-8, Persian with ZWNJ kept inside a word")
  func words() throws {
    let words = try BreakIterator(.word)
    let text = "می‌روم home, 42 times."
    let segments = words.segments(in: text)
    let wordLike = segments.filter(\.isWordLike).map { slice(text, $0.utf8) }
    #expect(wordLike == ["می‌روم", "home", "42", "times"])
    // Boundaries are UTF-8 offsets covering the whole text.
    let bounds = words.boundaries(in: text)
    #expect(bounds.first == 0)
    #expect(bounds.last == text.utf8.count)
    #expect(segments.first(where: { slice(text, $0.utf8) == "42" })?.ruleStatus ?? 0 >= 100)
  }

  @Test("sentences, in English and Persian")
  func sentences() throws {
    let sentences = try BreakIterator(.sentence)
    let text = "He left. She stayed! او رفت؟ بله."
    let parts = sentences.segments(in: text).map { slice(text, $0.utf8) }
    #expect(parts == ["He left. ", "She stayed! ", "او رفت؟ ", "بله."])
  }

  @Test("more boundaries than one batch holds (issue #16: no buffer of one slot per byte): each found once, in order")
  func manyBatches() throws {
    let words = try BreakIterator(.word)
    let n = 50_000  // 100,001 boundaries, past the 16,384 of a batch
    let text = String(repeating: "a ", count: n)
    let segments = words.segments(in: text)
    #expect(words.boundaries(in: text) == Array(stride(from: 0, through: 2 * n, by: 1)))
    #expect(segments.count == 2 * n)
    #expect(segments.enumerated().allSatisfy { $0.element.utf8 == $0.offset..<$0.offset + 1 })
    #expect(segments.filter(\.isWordLike).count == n, "rule statuses survive the batches")
    let sentences = try BreakIterator(.sentence)
    let many = String(repeating: "He left. او رفت؟ ", count: 20_000)
    let parts = sentences.segments(in: many).map { slice(many, $0.utf8) }
    #expect(parts == Array(repeating: ["He left. ", "او رفت؟ "], count: 20_000).flatMap { $0 })
  }

  @Test("empty text has one boundary and no segments")
  func empty() throws {
    let words = try BreakIterator(.word)
    #expect(words.boundaries(in: "") == [0])
    #expect(words.segments(in: "").isEmpty)
  }

  @Test("characters: grapheme clusters, emoji ZWJ sequences stay whole")
  func characters() throws {
    let chars = try BreakIterator(.character)
    let text = "a👩‍💻é"
    #expect(chars.segments(in: text).count == 3)
  }

  @Test("the iterator is reusable across texts")
  func reuse() throws {
    let words = try BreakIterator(.word, locale: "fa")
    for _ in 0..<3 {
      #expect(words.segments(in: "یک دو").filter(\.isWordLike).count == 2)
    }
  }

  private func slice(_ text: String, _ range: Range<Int>) -> String {
    String(decoding: Array(text.utf8)[range], as: UTF8.self)
  }
}

@Suite("ICUError")
struct ICUErrorTests {
  @Test("names and failure flag")
  func names() {
    #expect(ICUError.bufferOverflow.name == "U_BUFFER_OVERFLOW_ERROR")
    #expect(ICUError.invalidID.name == "U_INVALID_ID")
    #expect(ICUError.malformedRule.name == "U_MALFORMED_RULE")
    #expect(ICUError.bufferOverflow.isFailure)
    #expect(!ICUError(rawValue: -124).isFailure)
    #expect(ICUError.illegalArgument.description.contains("U_ILLEGAL_ARGUMENT_ERROR"))
  }

  @Test("ICU and Unicode versions are reported")
  func versions() {
    #expect(ICUVersion.library.split(separator: ".").count >= 2)
    #expect(ICUVersion.unicode.hasPrefix("1"))
  }
}
