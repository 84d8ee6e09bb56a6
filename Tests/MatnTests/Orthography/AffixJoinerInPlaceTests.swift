import Testing

@testable import Matn

/// Issue #23: the affix stage writes in place when every change is one scalar for one.
@Suite("Affix joins in place")
struct AffixJoinerInPlaceTests {
  /// `text` as the affix stage receives it: a buffer with its Persian spans flagged.
  static func buffer(_ text: String) -> TextBuffer {
    var buffer = TextBuffer(text, trackOrigins: true, table: StageTable.shared)
    Segmentation(classifier: LetterStatisticsClassifier(), defaultLanguage: .persian).apply(&buffer)
    return buffer
  }

  @Test("a space become ZWNJ is written into the buffer itself, recorded at the space")
  func oneForOneInPlace() {
    var buffer = Self.buffer("او می خواهد برود")
    let storage = buffer.scalars.withUnsafeBufferPointer { $0.baseAddress }
    var recorder = ChangeRecorder(recordsRanges: true)
    AffixJoiner(lexicon: .shared).apply(&buffer, &recorder)
    #expect(buffer.string == "او می\u{200C}خواهد برود")
    #expect(buffer.scalars.withUnsafeBufferPointer { $0.baseAddress } == storage, "no copy")
    #expect(buffer.bits[5] == StageTable.shared[0x200C])
    let space = "او می".utf8.count
    #expect(recorder.report.changes.map(\.utf8Range) == [space..<space + 1])
    #expect(recorder.report[.affixJoin] == 1)
  }

  @Test("an inserted ZWNJ goes through the rewriter, as before")
  func insertionRewrites() {
    var buffer = Self.buffer("او میخواهد و می خواهد")
    var recorder = ChangeRecorder(recordsRanges: true)
    AffixJoiner(lexicon: .shared).apply(&buffer, &recorder)
    #expect(buffer.string == "او می\u{200C}خواهد و می\u{200C}خواهد")
    #expect(buffer.count == buffer.flags.count && buffer.count == buffer.bits.count)
    #expect(recorder.report[.affixSplit] == 1 && recorder.report[.affixJoin] == 1)
  }
}
