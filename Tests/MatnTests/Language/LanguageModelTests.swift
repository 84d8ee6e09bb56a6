import Foundation
import Testing

@testable import Matn

/// The model file's layout (scripts/layout-langid, version 4), read from the repository's
/// Resources/Language/langid.bin, the file the library embeds.
@Suite("LanguageModel")
struct LanguageModelTests {
  static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources/Language/langid.bin")

  /// The bytes of the model with the u32 at `offset` set to `value`.
  static func patched(_ offset: Int, _ value: UInt32) throws -> [UInt8] {
    var bytes = [UInt8](try Data(contentsOf: file))
    withUnsafeBytes(of: value.littleEndian) { for k in 0..<4 { bytes[offset + k] = $0[k] } }
    return bytes
  }

  static func model(_ bytes: [UInt8]) -> LanguageModel? {
    bytes.withUnsafeBytes { LanguageModel($0, evidence: .embeddedOrComputed, known: .embeddedOrComputed) }
  }

  @Test("the quantum is the file's: eighths of a nat double every cost derived from the scores")
  func quantumFromFile() throws {
    let quarters = try #require(Self.model(try Self.patched(36, 4)))
    let eighths = try #require(Self.model(try Self.patched(36, 8)))
    #expect(quarters.quantum == 4)
    #expect(eighths.quantum == 8)
    #expect(LanguageModel.quantum == LanguageModel.shared?.quantum)
    // What Arabic pays for a Persian yeh, derived from its unigram scores at the file's
    // quantum: the unigram probabilities are exp(-q / quantum) and the cost is counted
    // in quanta again, so the same bytes give about the same count (half the nats).
    #expect(quarters.persianYehCost < 0)
    #expect(abs(eighths.persianYehCost - quarters.persianYehCost) <= 1)
    // A quantum of 0 is no model.
    #expect(Self.model(try Self.patched(36, 0)) == nil)
  }

  @Test("an earlier layout, or a directory narrower than the buckets, is refused")
  func refusesOtherLayouts() throws {
    #expect(Self.model(try Self.patched(8, 3)) == nil)
    #expect(Self.model(try Self.patched(40, 16)) == nil)  // bucket bits 17
  }

  @Test("every n-gram found in a block is the one found alone")
  func blockAndSingleLookupsAgree() throws {
    let model = try #require(LanguageModel.shared)
    let words = LanguageIdentifier.words("Der Minister traf am Montag in Teheran ein وزیر امور خارجه Министр прибыл")
    for word in words {
      let tops = word.indices.map { UInt8(min(5, $0 + 1)) }
      var cells = [UInt32](repeating: 0, count: 5 * LanguageModel.resolveBlock)
      word.withUnsafeBufferPointer { letters in
        tops.withUnsafeBufferPointer { model.resolve(letters.baseAddress!, tops: $0.baseAddress!, from: 0, to: word.count, into: &cells) }
        for i in word.indices {
          for n in 1...Int(tops[i]) {
            let cell = cells[5 * i + n - 1]
            guard cell != LanguageModel.Cell.unresolved else { continue }
            let alone = model.cell(UnsafeBufferPointer(rebasing: letters[(i - n + 1)...i]))
            #expect(cell == alone, "\(word) letter \(i) order \(n)")
            // Frequent letters of these words are in the model, with scores for some lanes.
            if n == 1 { #expect(cell != LanguageModel.Cell.absent && !LanguageModel.Cell.scores(cell, in: model).isEmpty) }
          }
        }
      }
    }
  }
}
