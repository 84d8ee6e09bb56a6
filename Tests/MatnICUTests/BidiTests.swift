import MatnICU
import Testing

// Unit tests of the `Bidi` wrapper: what the shim adds on top of ICU (scalar and UTF-8
// positions, paragraph splitting, reordered text) and the documented behaviour of its
// API. The algorithm itself is covered by BidiConformanceTests.swift.
//
// Characters used below:
// - Persian letters (bidi class AL); Extended Arabic-Indic digits ۰–۹ (U+06F0…, class EN);
//   Arabic-Indic digits ٠–٩ (U+0660…, class AN); Hebrew letters (R).
// - ADLAM 𞤀 𞤁 (U+1E900, U+1E901): right-to-left letters (R) outside the BMP, so each is
//   one scalar, two UTF-16 units (inside ICU) and four UTF-8 bytes.
// - 😀 (U+1F600, ON), outside the BMP.

@Suite("Bidi")
struct BidiTests {
  // MARK: - Levels

  @Test("Levels of left-to-right text with a right-to-left word")
  func levelsMixed() throws {
    let bidi = try Bidi()
    // "abc" ␣ "\u{05D0}\u{05D1}\u{05D2}" ␣ "def"
    try bidi.setText("abc \u{05D0}\u{05D1}\u{05D2} def", paragraphLevel: .leftToRight)
    #expect(bidi.scalarCount == 11)
    #expect(bidi.levels() == [0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0])
    #expect(bidi.visualOrder() == [0, 1, 2, 3, 6, 5, 4, 7, 8, 9, 10])
    #expect(bidi.direction == .mixed)
  }

  @Test("European digits after Arabic letters become Arabic numbers (W2) at level 2")
  func levelsDigitsAfterArabicLetters() throws {
    let bidi = try Bidi()
    // "abc" ␣ "الف" ␣ "123": W2 makes 123 AN (last strong is AL), N1 makes the space R.
    try bidi.setText("abc \u{0627}\u{0644}\u{0641} 123", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.paragraphLevel == 0)
    #expect(bidi.levels() == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2])
    // Visual: "abc " then the level ≥ 1 part reversed, with the number kept left to right.
    #expect(bidi.visualOrder() == [0, 1, 2, 3, 8, 9, 10, 7, 6, 5, 4])
    // Runs on screen: "abc " (0), "123" (2), " الف" (1), the last two reversed together.
    #expect(
      summary(bidi.runs()) == [RunInfo(0..<4, 0..<4, 0), RunInfo(8..<11, 11..<14, 2), RunInfo(4..<8, 4..<11, 1)])
    #expect(bidi.runs().map(\.direction) == [.leftToRight, .leftToRight, .rightToLeft])
  }

  @Test(
    "Levels of a right-to-left paragraph",
    arguments: [
      Bidi.ParagraphLevel.rightToLeft, .defaultLeftToRight, .defaultRightToLeft,
    ])
  func levelsRightToLeft(level: Bidi.ParagraphLevel) throws {
    let bidi = try Bidi()
    try bidi.setText("\u{05E9}\u{05DC}\u{05D5}\u{05DD} abc", paragraphLevel: level)
    #expect(bidi.paragraphLevel == 1)
    #expect(bidi.baseDirection == .rightToLeft)
    #expect(bidi.levels() == [1, 1, 1, 1, 1, 2, 2, 2])
    #expect(bidi.visualOrder() == [5, 6, 7, 4, 3, 2, 1, 0])
  }

  @Test("Explicit embeddings raise levels; trailing white space takes the paragraph level (L1)")
  func levelsEmbeddingAndTrailingWhitespace() throws {
    let bidi = try Bidi()
    // א ␣ LRE a b PDF ␣ ␣: an LTR embedding inside a right-to-left paragraph.
    try bidi.setText("\u{05D0} \u{202A}ab\u{202C}  ", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.paragraphLevel == 1)
    let levels = bidi.levels()
    #expect(levels.count == 8)
    #expect(levels[0] == 1)
    #expect(levels[3] == 2 && levels[4] == 2)  // "ab" inside LRE: level 2
    #expect(levels[6] == 1 && levels[7] == 1)  // trailing spaces: paragraph level (L1)
    #expect(bidi.visualOrder().filter { $0 != 2 && $0 != 5 } == [7, 6, 3, 4, 1, 0])
  }

  @Test("Unidirectional text reports every scalar at the paragraph level")
  func levelsOfUnidirectionalText() throws {
    // ICU does not store resolved levels for text it finds unidirectional: "b" inside
    // LRE is at level 2 by UAX #9, but ubidi_getLevels reports 0 throughout. The visual
    // order is the same either way. (BidiConformanceTests accepts this, as ICU's own
    // conformance test does.)
    let bidi = try Bidi()
    try bidi.setText("a\u{202A}b\u{202C}c", paragraphLevel: .leftToRight)
    #expect(bidi.direction == .leftToRight)
    #expect(bidi.levels() == [0, 0, 0, 0, 0])
    #expect(bidi.visualOrder() == [0, 1, 2, 3, 4])
  }

  // MARK: - Persian mixed with English and digits

  @Test("Persian sentence with an English word and Persian digits")
  func persianWithEnglishAndDigits() throws {
    let bidi = try Bidi()
    // "سلام Hello ۱۴۰۲": the first strong character is AL, so the paragraph is RTL.
    // ۱۴۰۲ (EN) follows the L word "Hello", so W7 makes it L: level 2 with Hello.
    let text = "\u{0633}\u{0644}\u{0627}\u{0645} Hello \u{06F1}\u{06F4}\u{06F0}\u{06F2}"
    try bidi.setText(text, paragraphLevel: .defaultLeftToRight)
    #expect(bidi.paragraphLevel == 1)
    #expect(bidi.baseDirection == .rightToLeft)
    #expect(bidi.direction == .mixed)
    #expect(bidi.levels() == [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2])
    #expect(bidi.visualOrder() == [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 4, 3, 2, 1, 0])

    // Runs, left to right on screen: "Hello ۱۴۰۲" (level 2), then "سلام " (level 1).
    // UTF-8: each Persian letter and digit is 2 bytes: سلام␣ = 0..<9, Hello␣ = 9..<15,
    // ۱۴۰۲ = 15..<23.
    let runs = bidi.runs()
    #expect(runs.map(\.scalars) == [5..<15, 0..<5])
    #expect(runs.map(\.utf8) == [9..<23, 0..<9])
    #expect(runs.map(\.level) == [2, 1])
    #expect(runs.map(\.direction) == [.leftToRight, .rightToLeft])
    // Each run's UTF-8 range cuts out exactly its scalars.
    let utf8 = Array(text.utf8)
    let scalars = Array(text.unicodeScalars)
    for run in runs {
      let fromBytes = String(decoding: utf8[run.utf8], as: UTF8.self)
      var fromScalars = String.UnicodeScalarView()
      fromScalars.append(contentsOf: scalars[run.scalars])
      #expect(fromBytes == String(fromScalars))
    }
  }

  @Test("Persian digits after Persian letters are numbers inside the RTL text")
  func persianPriceSentence() throws {
    let bidi = try Bidi()
    // "قیمت ۱۲۳ تومان": W2 makes ۱۲۳ AN (last strong is AL), level 2; spaces between AL
    // and AN resolve to R (N1).
    try bidi.setText(
      "\u{0642}\u{06CC}\u{0645}\u{062A} \u{06F1}\u{06F2}\u{06F3} \u{062A}\u{0648}\u{0645}\u{0627}\u{0646}",
      paragraphLevel: .defaultLeftToRight)
    #expect(bidi.paragraphLevel == 1)
    #expect(bidi.levels() == [1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1])
    #expect(bidi.visualOrder() == [13, 12, 11, 10, 9, 8, 5, 6, 7, 4, 3, 2, 1, 0])
    #expect(bidi.runs().map(\.scalars) == [8..<14, 5..<8, 0..<5])
  }

  @Test("An English sentence quoting Persian, with Latin digits, in an LTR paragraph")
  func englishQuotingPersian() throws {
    let bidi = try Bidi()
    // "He said سلام 3 times": 3 follows AL, so W2 makes it AN (level 2). The space before
    // it is between AL and AN, both R for N1, so R; the one after it, between AN and L,
    // takes the embedding direction (N2).
    try bidi.setText("He said \u{0633}\u{0644}\u{0627}\u{0645} 3 times", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.paragraphLevel == 0)
    let levels = bidi.levels()
    #expect(Array(levels[0..<8]) == [0, 0, 0, 0, 0, 0, 0, 0])
    #expect(Array(levels[8..<12]) == [1, 1, 1, 1])
    #expect(levels[12] == 1)  // space between AL and AN
    #expect(levels[13] == 2)  // 3
    #expect(levels[14] == 0)  // space between AN and L: embedding direction
    #expect(Array(levels[15...]) == [0, 0, 0, 0, 0])
    // Visual: "He said " 3 ␣ م ا ل س " times"
    #expect(bidi.visualOrder() == [0, 1, 2, 3, 4, 5, 6, 7, 13, 12, 11, 10, 9, 8, 14, 15, 16, 17, 18, 19])
  }

  // MARK: - Scalars outside the BMP

  @Test("Runs give scalar and UTF-8 ranges around supplementary-plane characters")
  func runsWithSupplementaryCharacters() throws {
    let bidi = try Bidi()
    // "a😀 𞤀𞤁 b": 😀 is ON, the ADLAM letters are R.
    let text = "a\u{1F600} \u{1E900}\u{1E901} b"
    try bidi.setText(text, paragraphLevel: .leftToRight)
    #expect(bidi.scalarCount == 7)
    #expect(bidi.levels() == [0, 0, 0, 1, 1, 0, 0])
    // The RTL pair is reversed as whole scalars (no surrogate halves leak out).
    #expect(bidi.visualOrder() == [0, 1, 2, 4, 3, 5, 6])

    // UTF-8: a = 0, 😀 = 1..<5, ␣ = 5, 𞤀 = 6..<10, 𞤁 = 10..<14, ␣ = 14, b = 15.
    let runs = bidi.runs()
    #expect(runs.map(\.scalars) == [0..<3, 3..<5, 5..<7])
    #expect(runs.map(\.utf8) == [0..<6, 6..<14, 14..<16])
    #expect(runs.map(\.level) == [0, 1, 0])
    #expect(runs.map(\.direction) == [.leftToRight, .rightToLeft, .leftToRight])
    let utf8 = Array(text.utf8)
    #expect(String(decoding: utf8[runs[1].utf8], as: UTF8.self) == "\u{1E900}\u{1E901}")

    #expect(bidi.reordered([]) == "a\u{1F600} \u{1E901}\u{1E900} b")
  }

  @Test("A right-to-left paragraph of supplementary-plane letters")
  func supplementaryRightToLeftParagraph() throws {
    let bidi = try Bidi()
    try bidi.setText("\u{1E900}\u{1E901}\u{1E902} x", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.paragraphLevel == 1)
    #expect(bidi.levels() == [1, 1, 1, 1, 2])
    #expect(bidi.visualOrder() == [4, 3, 2, 1, 0])
    let runs = bidi.runs()
    #expect(runs.map(\.scalars) == [4..<5, 0..<4])
    #expect(runs.map(\.utf8) == [13..<14, 0..<13])
    #expect(summary(bidi.paragraphs()) == [ParagraphInfo(0..<5, 1)])
  }

  // MARK: - Paragraphs

  @Test("Paragraphs are split after U+2029 and each gets its own level")
  func paragraphsSplitAtParagraphSeparator() throws {
    let bidi = try Bidi()
    // "abc" PS "אבג" PS "def"
    try bidi.setText("abc\u{2029}\u{05D0}\u{05D1}\u{05D2}\u{2029}def", paragraphLevel: .defaultLeftToRight)
    #expect(
      summary(bidi.paragraphs()) == [ParagraphInfo(0..<4, 0), ParagraphInfo(4..<8, 1), ParagraphInfo(8..<11, 0)])
    #expect(bidi.paragraphLevel == 0)  // the first paragraph's
    #expect(bidi.levels() == [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0])
    #expect(bidi.visualOrder() == [0, 1, 2, 3, 7, 6, 5, 4, 8, 9, 10])
  }

  @Test("Paragraph ranges are in scalars when paragraphs hold supplementary-plane characters")
  func paragraphsWithSupplementaryCharacters() throws {
    let bidi = try Bidi()
    // "𞤀😀" PS "a" LF "\u{05D0}"
    try bidi.setText("\u{1E900}\u{1F600}\u{2029}a\n\u{05D0}", paragraphLevel: .defaultLeftToRight)
    #expect(
      summary(bidi.paragraphs()) == [ParagraphInfo(0..<3, 1), ParagraphInfo(3..<5, 0), ParagraphInfo(5..<6, 1)])
    #expect(bidi.paragraphLevel == 1)
  }

  @Test("A fixed paragraph level applies to every paragraph")
  func paragraphsWithFixedLevel() throws {
    let bidi = try Bidi()
    try bidi.setText("abc\u{2029}\u{05D0}", paragraphLevel: .rightToLeft)
    #expect(bidi.paragraphs().map(\.level) == [1, 1])
    #expect(bidi.paragraphs().map(\.scalars) == [0..<4, 4..<5])
  }

  @Test("A single paragraph without separator")
  func singleParagraph() throws {
    let bidi = try Bidi()
    try bidi.setText("abc", paragraphLevel: .defaultLeftToRight)
    #expect(summary(bidi.paragraphs()) == [ParagraphInfo(0..<3, 0)])
  }

  // MARK: - Reordered text

  @Test("reordered() mirrors brackets in right-to-left runs")
  func reorderedMirrorsBrackets() throws {
    let bidi = try Bidi()
    // א(ב)ג, right to left: visual "ג(ב)א" — the reversed ")" and "(" are mirrored back.
    try bidi.setText("\u{05D0}(\u{05D1})\u{05D2}", paragraphLevel: .rightToLeft)
    #expect(bidi.reordered() == "\u{05D2}(\u{05D1})\u{05D0}")
    #expect(bidi.reordered([.mirror]) == "\u{05D2}(\u{05D1})\u{05D0}")
    #expect(bidi.reordered([]) == "\u{05D2})\u{05D1}(\u{05D0}")
  }

  @Test("reordered() mirrors other paired and mirrored characters, only in RTL runs")
  func reorderedMirrorsOnlyInRightToLeftRuns() throws {
    let bidi = try Bidi()
    // "[a] " then the RTL "\u{05D0}<\u{05D1}>\u{05D2}" in an LTR paragraph: the brackets
    // of the LTR run stay, the RTL run's "<" and ">" are mirrored after reversal.
    try bidi.setText("[a] \u{05D0}<\u{05D1}>\u{05D2}", paragraphLevel: .leftToRight)
    #expect(bidi.reordered() == "[a] \u{05D2}<\u{05D1}>\u{05D0}")
    #expect(bidi.reordered([]) == "[a] \u{05D2}>\u{05D1}<\u{05D0}")
  }

  @Test("reordered() keeps numbers left to right and can drop bidi controls")
  func reorderedNumbersAndControls() throws {
    let bidi = try Bidi()
    try bidi.setText("\u{05D0}\u{05D1} 123 \u{05D2}", paragraphLevel: .rightToLeft)
    #expect(bidi.reordered() == "\u{05D2} 123 \u{05D1}\u{05D0}")

    try bidi.setText("a\u{202B}b\u{202C}c", paragraphLevel: .leftToRight)
    #expect(bidi.reordered([.removeControls]) == "abc")
    #expect(bidi.reordered([]).unicodeScalars.count == 5)
  }

  @Test("reordered() of Persian with an English word")
  func reorderedPersian() throws {
    let bidi = try Bidi()
    try bidi.setText("\u{0633}\u{0644}\u{0627}\u{0645} (Hello)", paragraphLevel: .defaultLeftToRight)
    // The brackets resolve to R (N0: the strong type before them, AL, is the embedding
    // direction), so they are reversed with the RTL text and mirrored back.
    #expect(bidi.levels() == [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 1])
    // Visual, left to right: "(Hello)" then a space, then سلام reversed.
    #expect(bidi.reordered() == "(Hello) \u{0645}\u{0627}\u{0644}\u{0633}")
    #expect(bidi.reordered([]) == ")Hello( \u{0645}\u{0627}\u{0644}\u{0633}")
  }

  // MARK: - Empty text and reuse

  @Test(
    "Empty text on a new analyser",
    arguments: [
      Bidi.ParagraphLevel.leftToRight, .rightToLeft, .defaultLeftToRight, .defaultRightToLeft,
    ])
  func emptyText(level: Bidi.ParagraphLevel) throws {
    let bidi = try Bidi()
    // A new object has never allocated its UTF-16 buffer: empty text must still work.
    try bidi.setText("", paragraphLevel: level)
    #expect(bidi.scalarCount == 0)
    #expect(bidi.levels() == [])
    #expect(bidi.visualOrder() == [])
    #expect(bidi.runs().isEmpty)
    #expect(bidi.reordered() == "")
    #expect(bidi.paragraphs().allSatisfy { $0.scalars.isEmpty })
  }

  @Test("Empty text after a non-empty one")
  func emptyTextAfterText() throws {
    let bidi = try Bidi()
    try bidi.setText("abc \u{05D0}", paragraphLevel: .defaultLeftToRight)
    try bidi.setText("", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.scalarCount == 0)
    #expect(bidi.levels() == [])
    #expect(bidi.visualOrder() == [])
    #expect(bidi.runs().isEmpty)
    #expect(bidi.paragraphs().allSatisfy { $0.scalars.isEmpty })
    #expect(bidi.reordered() == "")
  }

  @Test("One analyser reused for texts of different lengths")
  func reuse() throws {
    let bidi = try Bidi()
    try bidi.setText("\u{05D0}\u{05D1}\u{05D2}\u{05D3}\u{05D4} abcdef", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.scalarCount == 12)
    try bidi.setText("ab", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.scalarCount == 2)
    #expect(bidi.paragraphLevel == 0)
    #expect(bidi.levels() == [0, 0])
    #expect(bidi.visualOrder() == [0, 1])
    #expect(summary(bidi.runs()) == [RunInfo(0..<2, 0..<2, 0)])
    #expect(bidi.reordered() == "ab")
  }

  // MARK: - Base direction

  @Test("Base direction skips isolates (P2): an RTL word after an isolated LTR one")
  func baseDirectionSkipsIsolates() throws {
    let bidi = try Bidi()
    // RLI abc PDI ␣ سلام: the first strong character outside isolates is AL.
    try bidi.setText("\u{2067}abc\u{2069} \u{0633}\u{0644}\u{0627}\u{0645}", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.paragraphLevel == 1)
    #expect(bidi.baseDirection == .rightToLeft)
    #expect(bidi.paragraphs().map(\.level) == [1])
    // RLI opens level 3 (the next odd level above 1) and "abc" inside it is L: level 4.
    // RLI, PDI and everything after them are at the paragraph level.
    #expect(bidi.levels() == [1, 4, 4, 4, 1, 1, 1, 1, 1, 1])
    #expect(bidi.visualOrder() == [9, 8, 7, 6, 5, 4, 1, 2, 3, 0])
  }

  @Test("Base direction with LRI/FSI isolates and no strong character outside them")
  func baseDirectionIsolatesOnly() throws {
    let bidi = try Bidi()
    // Strong characters only inside isolates: P2 finds none, so the default applies.
    try bidi.setText("\u{2066}\u{05D0}\u{2069} 12", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.paragraphLevel == 0)
    try bidi.setText("\u{2068}abc\u{2069} 12", paragraphLevel: .defaultRightToLeft)
    #expect(bidi.paragraphLevel == 1)
    #expect(bidi.baseDirection == .rightToLeft)
  }

  @Test("Default paragraph levels apply only when there is no strong character")
  func defaultParagraphLevels() throws {
    let bidi = try Bidi()
    try bidi.setText("123 !?", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.paragraphLevel == 0)
    #expect(bidi.baseDirection == .leftToRight)
    try bidi.setText("123 !?", paragraphLevel: .defaultRightToLeft)
    #expect(bidi.paragraphLevel == 1)
    #expect(bidi.baseDirection == .rightToLeft)
    try bidi.setText("abc", paragraphLevel: .defaultRightToLeft)
    #expect(bidi.paragraphLevel == 0)
    try bidi.setText("\u{05D0}", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.paragraphLevel == 1)
    // Explicit levels are not changed by the text.
    try bidi.setText("\u{05D0}", paragraphLevel: .leftToRight)
    #expect(bidi.paragraphLevel == 0)
    try bidi.setText("abc", paragraphLevel: .rightToLeft)
    #expect(bidi.paragraphLevel == 1)
  }

  // MARK: - Direction

  @Test("Overall direction of the text")
  func direction() throws {
    let bidi = try Bidi()
    try bidi.setText("abc", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.direction == .leftToRight)
    try bidi.setText("\u{0633}\u{0644}\u{0627}\u{0645}", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.direction == .rightToLeft)
    try bidi.setText("abc \u{05D0}", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.direction == .mixed)
    // A right-to-left paragraph holding only LTR text is mixed (paragraph level 1,
    // text level 2).
    try bidi.setText("abc", paragraphLevel: .rightToLeft)
    #expect(bidi.levels() == [2, 2, 2])
    #expect(bidi.direction == .mixed)
  }

  @Test("Text without strong characters has the paragraph's direction, never .neutral")
  func directionOfNeutralText() throws {
    // ubidi_getDirection returns only LTR, RTL or mixed; neutral-only text takes the
    // paragraph's direction.
    let bidi = try Bidi()
    try bidi.setText("!? ...", paragraphLevel: .defaultLeftToRight)
    #expect(bidi.direction == .leftToRight)
    try bidi.setText("!? ...", paragraphLevel: .defaultRightToLeft)
    #expect(bidi.direction == .rightToLeft)
  }

  @Test("Runs of unidirectional text")
  func runsUnidirectional() throws {
    let bidi = try Bidi()
    try bidi.setText("abc def", paragraphLevel: .leftToRight)
    #expect(summary(bidi.runs()) == [RunInfo(0..<7, 0..<7, 0)])
    try bidi.setText("\u{05D0}\u{05D1}", paragraphLevel: .rightToLeft)
    #expect(summary(bidi.runs()) == [RunInfo(0..<2, 0..<4, 1)])
    #expect(bidi.visualOrder() == [1, 0])
  }

  // MARK: - Helpers

  /// Comparable copies (the initializers of `Bidi.Run` and `Bidi.Paragraph` are internal).
  private func summary(_ runs: [Bidi.Run]) -> [RunInfo] {
    runs.map { RunInfo($0.scalars, $0.utf8, $0.level) }
  }

  private func summary(_ paragraphs: [Bidi.Paragraph]) -> [ParagraphInfo] {
    paragraphs.map { ParagraphInfo($0.scalars, $0.level) }
  }

  /// A run's fields, comparable.
  struct RunInfo: Equatable, CustomStringConvertible {
    var scalars: Range<Int>
    var utf8: Range<Int>
    var level: UInt8
    init(_ scalars: Range<Int>, _ utf8: Range<Int>, _ level: UInt8) {
      self.scalars = scalars
      self.utf8 = utf8
      self.level = level
    }
    var description: String { "(scalars \(scalars), utf8 \(utf8), level \(level))" }
  }

  /// A paragraph's fields, comparable.
  struct ParagraphInfo: Equatable, CustomStringConvertible {
    var scalars: Range<Int>
    var level: UInt8
    init(_ scalars: Range<Int>, _ level: UInt8) {
      self.scalars = scalars
      self.level = level
    }
    var description: String { "(scalars \(scalars), level \(level))" }
  }
}
