import Testing

@testable import Matn

/// The ezafe after silent ه in one style (issue #18, item 4).
@Suite("Ezafe style")
struct EzafeTests {
  static let spellings = ["خانه ی ما", "خانه\u{200C}ی ما", "خانه\u{0654} ما", "خانۀ ما"]
  static let hamza = "خانه\u{0654} ما"
  static let yeh = "خانه\u{200C}ی ما"

  static func normalizer(_ style: EzafeStyle?, profile: TextNormalizer.Profile = .article) -> TextNormalizer {
    var options = TextNormalizer.Options(profile: profile)
    if let style { options.ezafeStyle = style }
    return TextNormalizer(profile: profile, options: options)
  }

  static func same(_ a: String, _ b: String) -> Bool { a.unicodeScalars.elementsEqual(b.unicodeScalars) }

  @Test("by default every spelling becomes ه + U+0654 (ISIRI 6219, the Academy), counted", arguments: spellings)
  func hamzaByDefault(input: String) {
    let result = TextNormalizer(profile: .article).normalize(input)
    #expect(Self.same(result.text, Self.hamza), "\(Fixtures.visible(input)) → \(Fixtures.visible(result.text))")
    if input.unicodeScalars.contains("\u{06CC}") { #expect(result.report[.ezafe] == 1) }
    #expect(Self.same(TextNormalizer(profile: .article).normalize(result.text).text, result.text))
  }

  @Test("the yeh style writes ه + ZWNJ + ی", arguments: spellings)
  func yehStyle(input: String) {
    let normalizer = Self.normalizer(.yeh)
    let output = normalizer.normalize(input).text
    #expect(Self.same(output, Self.yeh), "\(Fixtures.visible(input)) → \(Fixtures.visible(output))")
    #expect(Self.same(normalizer.normalize(output).text, output))
  }

  @Test("as typed, and the display profile: only ۀ becomes ه + U+0654 (a Persian letter fold)")
  func asTyped() {
    for normalizer in [Self.normalizer(.asTyped), TextNormalizer(profile: .display)] {
      #expect(Self.same(normalizer.normalize("خانه ی ما").text, "خانه ی ما"))
      #expect(Self.same(normalizer.normalize(Self.yeh).text, Self.yeh))
      #expect(Self.same(normalizer.normalize("خانۀ ما").text, Self.hamza))
    }
  }

  @Test(
    "«ی» that is no ezafe after silent ه stays",
    arguments: [
      "حرف ی در الفبا",  // not after ه
      "الف، ب، ه، ی",  // a list of letters
      "راه ی دیگر",  // ه pronounced after ا
      "کوه ی بلند",  // ه pronounced after و
      "ماده ی ۵",  // a digit after it
      "نامه ی.",  // punctuation after it
      "خانه ی",  // nothing after it
      "که ی او",  // a two-letter word before it
      "خانه ی Tehran",  // a Latin word after it
      "خانه\u{200C}ی.",  // ZWNJ form with nothing after it
    ])
  func notEzafe(input: String) {
    for style in [EzafeStyle.hamza, .yeh] {
      let output = Self.normalizer(style).normalize(input).text
      #expect(Self.same(output, input), "\(style): \(Fixtures.visible(input)) → \(Fixtures.visible(output))")
    }
  }

  @Test("index keys: every spelling meets in one key, whatever the style option says")
  func indexKeys() {
    for fold in [true, false] {
      let keys = Set(Self.spellings.map { SearchKey.make($0, foldHamzaSeats: fold) })
      #expect(keys.count == 1, "foldHamzaSeats \(fold): \(keys.map(Fixtures.visible))")
    }
    let yehIndex = Self.normalizer(.yeh, profile: .index)
    #expect(Set(Self.spellings.map { yehIndex.normalize($0).text }) == [SearchKey.make(Self.hamza)])
  }

  @Test("the word after may start a longer sentence; other ezafes are untouched")
  func inContext() {
    let input = "در خانه ی پدری و در مدرسه ی ما، کتاب ی نیست"
    let expected = "در خانه\u{0654} پدری و در مدرسه\u{0654} ما، کتاب ی نیست"
    #expect(Self.same(TextNormalizer(profile: .article).normalize(input).text, expected))
  }
}
