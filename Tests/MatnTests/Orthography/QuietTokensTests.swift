import Testing

@testable import Matn

/// Issue #23 item 1 / #18's throughput line: words the glued-word search left alone are
/// remembered, and remembering them changes no output.
@Suite("Quiet tokens")
struct QuietTokensTests {
  static func key(_ word: String) -> UInt64? {
    let scalars = word.unicodeScalars.map(\.value)
    return scalars.withUnsafeBufferPointer { QuietTokens.key($0, 0..<scalars.count) }
  }

  @Test("a word's key is exact: every scalar and the length count; others have none")
  func exactKeys() {
    let words = ["کتاب", "کتابی", "کتبا", "ميکنند", "میکنند", "ه", "هه", "آگاهسی"]
    var keys: [UInt64] = []
    for word in words {
      let key = Self.key(word)
      #expect(key != nil, "\(word)")
      if let key { keys.append(key) }
    }
    #expect(Set(keys).count == keys.count, "distinct words, distinct keys")
    #expect(Self.key("بینالمللی") == nil, "more than seven scalars")
    #expect(Self.key("کتاب\u{200C}ها") == nil, "ZWNJ lies outside U+0600–U+06FF")
    #expect(Self.key("abcd") == nil && Self.key("كتاب1") == nil)
    // U+0600 itself is a byte 0 like the padding: the length keeps the keys apart.
    #expect(Self.key("\u{0600}\u{0600}") != Self.key("\u{0600}"))
  }

  @Test("a table holds what was put in it, and nothing else")
  func table() throws {
    let table = QuietTokens()
    let a = try #require(Self.key("کتاب")), b = try #require(Self.key("کتابها"))
    #expect(!table.contains(a) && !table.contains(b))
    table.insert(a)
    #expect(table.contains(a) && !table.contains(b))
  }

  /// A text whose words come back: glued affixes and compounds, words that only look
  /// like them, in different orders.
  static let text = """
    آنها میکنند و رسانهها میگویند که بینالمللی است. کتابها و خانهای بزرگترین میان میهن
    میکنند کتابها میان رسانهها بزرگترین خانهای میهن میگویند آنها کتاب دانشآموزان دانشآموزان
    """

  @Test("with a table, warm or cold, the affix stage writes and reports what it writes without")
  func sameOutput() {
    func run(_ quiet: QuietTokens?) -> (String, NormalizationReport) {
      var buffer = AffixJoinerInPlaceTests.buffer(Self.text)
      var recorder = ChangeRecorder(recordsRanges: true)
      var evidence = SplitConfidence.Evidence()
      AffixJoiner(lexicon: .shared).apply(&buffer, &recorder, &evidence, quiet: quiet)
      return (buffer.string, recorder.report)
    }
    let plain = run(nil)
    let table = QuietTokens()
    let cold = run(table)
    let warm = run(table)
    #expect(plain.0 != Self.text, "the text has splits to make")
    #expect(cold == plain)
    #expect(warm == plain)
    // The words left alone are remembered; the split ones are not.
    #expect(table.contains(Self.key("کتاب") ?? 0) && table.contains(Self.key("میهن") ?? 0))
    #expect(table.contains(Self.key("میان") ?? 0) && !table.contains(Self.key("است") ?? 0), "three scalars: not searched")
    #expect(!table.contains(Self.key("میکنند") ?? 0) && !table.contains(Self.key("کتابها") ?? 0))
  }

  @Test("a normaliser gives the same text on a second pass over the same words")
  func normaliserRepeats() {
    let normalizer = TextNormalizer(profile: .article)
    let first = normalizer.normalize(Self.text)
    #expect(normalizer.normalize(Self.text) == first)
  }
}
