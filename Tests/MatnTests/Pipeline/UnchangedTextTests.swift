import Foundation
import MatnICU
import TestSupport
import Testing

@testable import Matn

/// What the normaliser skips when nothing needs changing (issue #23, item 1): text no
/// stage changes is not written again, English text without ZWNJ is not searched for
/// protected spans, and the Unicode form's changed lines are counted past the unchanged
/// ones in one go, with the same report.
@Suite("Unchanged text")
struct UnchangedTextTests {
  static func sameStorage(_ a: String, _ b: String) -> Bool {
    a.utf8.withContiguousStorageIfAvailable { x in
      b.utf8.withContiguousStorageIfAvailable { y in x.baseAddress == y.baseAddress && x.count == y.count }
    } == true
  }

  @Test("text that is already clean comes back as the same storage", arguments: TextNormalizer.Profile.allCases)
  func cleanTextIsNotCopied(profile: TextNormalizer.Profile) {
    let normalizer = TextNormalizer(profile: profile)
    let raw = String(repeating: "Tehran, تهران ۱۴۰۳ — كتاب هاي ما\n", count: 200)
    // A fresh string that is its own normal form.
    let clean = normalizer.normalize(raw).text
    let again = normalizer.normalize(clean)
    #expect(again.text == clean)
    // The index profile's fold makes a new string of its key.
    guard profile != .index else { return }
    #expect(again.report.totalChanges == 0)
    #expect(Self.sameStorage(again.text, clean))
  }

  @Test("a buffer knows whether a stage changed it")
  func editedFlag() {
    var recorder = ChangeRecorder(recordsRanges: false)
    let clean = TextBuffer("a clean line", trackOrigins: false, table: StageTable.shared)
    #expect(!Whitespace().apply(clean, &recorder).edited)
    let spaced = TextBuffer("two  spaces", trackOrigins: false, table: StageTable.shared)
    #expect(!spaced.edited)
    #expect(Whitespace().apply(spaced, &recorder).edited)
    var set = clean
    set.set(0, to: 0x41)
    #expect(set.edited)
  }

  @Test("English text without ZWNJ is not searched for protected spans; with one it is")
  func protectedSpansOnlyWhereTheyMatter() {
    let segmentation = Segmentation(classifier: LetterStatisticsClassifier(), defaultLanguage: .persian)
    var english = TextBuffer("Visit https://example.com/a now", trackOrigins: false, table: StageTable.shared)
    segmentation.apply(&english)
    #expect(english.flags.allSatisfy { $0.isEmpty })
    var withZWNJ = TextBuffer("Visit https://example.com/a\u{200C} now", trackOrigins: false, table: StageTable.shared)
    segmentation.apply(&withZWNJ)
    #expect(withZWNJ.flags[6].contains(.protected))
  }

  @Test("lines changed by the Unicode form are counted and located among unchanged ones")
  func changedLinesAmongUnchanged() {
    var lines = (0..<40).map { "line \($0) of plain text" }
    lines[3] = "a cafe\u{301} here"
    lines[4] = "and e\u{301}\u{301} again"
    lines[31] = "the last cafe\u{301}"
    let text = lines.joined(separator: "\n") + "\n"
    var options = TextNormalizer.Options(profile: .article)
    options.recordsRanges = true
    let result = TextNormalizer(profile: .article, options: options).normalize(text)
    #expect(result.report[.unicodeNormalization] == 3)
    let ranges = result.report.changes.filter { $0.kind == .unicodeNormalization }.map(\.utf8Range)
    var expected: [Range<Int>] = []
    var offset = 0
    for (k, line) in lines.enumerated() {
      if [3, 4, 31].contains(k) { expected.append(offset..<offset + line.utf8.count) }
      offset += line.utf8.count + 1
    }
    #expect(ranges == expected)
  }

  @Test(
    "the Unicode form skips reading a text whose scalars are all simple in NFC, and only that text",
    .enabled(if: UnicodeData.available("NormalizationTest.txt"), UnicodeData.skipComment("NormalizationTest.txt")))
  func formSkipsSimpleText() throws {
    let file = try #require(UnicodeData.contents(of: "NormalizationTest.txt"))
    var skipped = 0
    var checked = 0
    for line in file.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("@") {
      let fields = line.split(separator: ";", omittingEmptySubsequences: false)
      guard fields.count >= 5 else { continue }
      for field in fields.prefix(5) {
        var text = String.UnicodeScalarView()
        for hex in field.split(separator: " ") { text.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!) }
        let input = "x" + String(text) + " y"
        let buffer = TextBuffer(input, trackOrigins: false, table: StageTable.shared)
        var recorder = ChangeRecorder(recordsRanges: false)
        let out = UnicodeForm(form: .nfc).apply(input, buffer, &recorder)
        #expect(out == Normalizer.nfc.normalize(input), "\(line)")
        checked += 1
        if Self.sameStorage(out, input) { skipped += 1 }
      }
    }
    #expect(checked > 90_000)
    #expect(skipped > 1_000)
  }

  @Test("a long text in segments counts each changed line once")
  func changedLinesInSegments() {
    var lines = [String](repeating: "the debate goes on and on in plain words", count: 9000)
    lines[10] = "one cafe\u{301} here"
    lines[8000] = "and another cafe\u{301} there"
    let text = lines.joined(separator: "\n") + "\n"
    #expect(text.utf8.count > TextNormalizer.Options().segmentBytes)
    let result = TextNormalizer(profile: .article).normalize(text)
    #expect(result.report[.unicodeNormalization] == 2)
    #expect(result.text == text.replacingOccurrences(of: "e\u{301}", with: "\u{E9}"))
  }
}
