import TestSupport
import Testing

@testable import MatnICU

@Suite("UTF8Scan")
struct UTF8ScanTests {
  /// The standard library's own parser as the oracle: offset of the first error.
  static func reference(_ bytes: [UInt8]) -> (invalid: Int?, nul: Int?) {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    var nul: Int? = nil
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        if encoded.count == 1 && encoded.first == 0 && nul == nil { nul = offset }
        offset += encoded.count
      case .error:
        return (offset, nul)
      case .emptyInput:
        return (nil, nul)
      }
    }
  }

  @Test("agrees with the standard library's parser on random text, valid and damaged")
  func randomAgreement() {
    // Pieces of every width, the sequences the vector path treats specially (E0, ED,
    // E2 80 8C), and damage: stray continuations, truncations, overlongs, surrogates.
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array(" ".utf8), Array("é".utf8), Array("س".utf8), Array("ی".utf8), Array("\u{200C}".utf8),
      Array("—".utf8), Array("€".utf8), Array("😀".utf8), Array("\u{0800}".utf8), Array("\u{D7FF}".utf8),
      Array("\u{FFFD}".utf8), Array("Tehran ".utf8), Array("تهران ".utf8), [0x00],
      [0x80], [0xC3], [0xE2, 0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE0, 0x9F, 0x80],
    ]
    var generator = SplitMix64(seed: 2026)
    for round in 0..<20_000 {
      let count = Int(generator.next() % 40)
      let damaged = round % 3 == 0
      var bytes: [UInt8] = []
      for _ in 0..<count {
        let index = Int(generator.next() % UInt64(damaged ? pieces.count : pieces.count - 9))
        bytes += pieces[index]
      }
      let expected = Self.reference(bytes)
      let actual = bytes.withUnsafeBufferPointer { UTF8Scan.scan($0) }
      #expect(actual.firstInvalid == expected.invalid, "\(bytes)")
      #expect(actual.firstNUL == expected.nul, "\(bytes)")
    }
  }

  @Test("empty input is valid")
  func empty() {
    let result = [UInt8]().withUnsafeBufferPointer { UTF8Scan.scan($0) }
    #expect(result.firstInvalid == nil && result.firstNUL == nil)
  }
}
