import CMatnResources
import Foundation
import Testing

@testable import Matn

/// The close pairs' second stage (``LanguagePairs``). Sentences written for these tests.
@Suite("LanguagePairs")
struct LanguagePairsTests {
  /// A pairs file in `scripts/train-langid-pairs`' format: one pair, its n-grams' keys
  /// placed as that script places them.
  static func file(
    a: String, b: String, bias: Float, diffWeight: Float, scale: Float, weights: [(String, Int8)], slots: Int = 8
  ) -> [UInt8] {
    var out = Array("MATNPAIR".utf8)
    func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
    u32(1)
    u32(1)
    out += Array(a.utf8) + [UInt8](repeating: 0, count: 8 - a.utf8.count)
    out += Array(b.utf8) + [UInt8](repeating: 0, count: 8 - b.utf8.count)
    for f in [bias, diffWeight, scale] { u32(f.bitPattern) }
    u32(UInt32(slots))
    var keys = [UInt32](repeating: 0, count: slots)
    var q = [Int8](repeating: 0, count: slots)
    for (ngram, w) in weights {
      let h = FNV.hash(ngram.unicodeScalars.map(\.value))
      let key = max(1, UInt32(truncatingIfNeeded: h >> 32))
      var i = Int(key) & (slots - 1)
      while keys[i] != 0 { i = (i + 1) & (slots - 1) }
      keys[i] = key
      q[i] = w
    }
    for k in keys { u32(k) }
    out += q.map { UInt8(bitPattern: $0) }
    while out.count % 4 != 0 { out.append(0) }
    return out
  }

  static func pairs(_ bytes: [UInt8], codes: [String]) -> LanguagePairs? {
    // The pairs read their bytes in place: keep them alive for the test's duration.
    let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
    copy.copyBytes(from: bytes)
    return LanguagePairs(UnsafeRawBufferPointer(copy), codes: codes)
  }

  static func letters(_ text: String) -> TextLetters {
    var text = text
    return text.withUTF8 { TextLetters(utf8: $0) }
  }

  @Test("z sums the weights of the words' n-grams, spaces around each word, as often as they occur")
  func zOfAText() throws {
    let bytes = Self.file(
      a: "bs", b: "hr", bias: 0.5, diffWeight: 0.25, scale: 0.1,
      weights: [(" je ", 10), ("ij", -3), (" ", 100), ("ta ", 7)])
    let pairs = try #require(Self.pairs(bytes, codes: ["hr", "en", "bs"]))
    let pair = try #require(pairs.pair(0, 2))
    #expect(pair.a == 2 && pair.b == 0)
    #expect(pairs.pair(2, 0)?.a == 2)
    #expect(pairs.pair(0, 1) == nil)
    // "Je" (lower-cased) once, "ij" twice, "ta " once; the lone space is no n-gram.
    let z = LanguagePairs.z(pair, Self.letters("Je lijepa, bijela ta"), scoreA: -100, scoreB: -104)
    let expected = 0.5 + 0.25 * 4 + 0.1 * Double(10 - 3 - 3 + 7)
    #expect(abs(z - expected) < 1e-6)
    // The scorer's difference counts at most 30 nats.
    let far = LanguagePairs.z(pair, Self.letters("x"), scoreA: 0, scoreB: -100)
    #expect(abs(far - (0.5 + 0.25 * 30)) < 1e-6)
  }

  @Test("a pair whose languages the model lacks is left out; a malformed file is refused")
  func resolving() throws {
    let bytes = Self.file(a: "xx", b: "hr", bias: 0, diffWeight: 1, scale: 1, weights: [])
    #expect(try #require(Self.pairs(bytes, codes: ["hr"])).pairs.isEmpty)
    #expect(Self.pairs(Array(bytes.prefix(40)), codes: ["hr", "xx"]) == nil)
    #expect(Self.pairs(Array("MATNLID1".utf8) + bytes.dropFirst(8), codes: ["hr", "xx"]) == nil)
  }

  @Test("the embedded pairs file reads (no pair is shipped: see BENCHMARKS.md, branch langid9)")
  func embedded() {
    var length: Int64 = 0
    let bytes = matn_resource(LanguagePairs.resourceName, &length)
    #expect(bytes != nil && length >= 16)
    let codes = LanguageModel.shared!.languages.map(\.code)
    #expect(LanguagePairs(UnsafeRawBufferPointer(start: bytes, count: Int(length)), codes: codes) != nil)
  }
}
