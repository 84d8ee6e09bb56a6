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

  @Test("the embedded pairs hold the closest pairs of the model")
  func embedded() {
    let codes = LanguageModel.shared!.languages.map(\.code)
    let learnt = Set(LanguagePairs.shared.pairs.map { [codes[$0.a], codes[$0.b]].sorted().joined(separator: "/") })
    #expect(learnt.isSuperset(of: ["bs/hr", "id/ms", "nb/nn"]))
  }

  @Test(
    "when the best two are a learnt pair, its regression splits their share: σ(z) for its first language",
    arguments: [
      "Tokom sedmice je održan sastanak u opštini.",
      "Tijekom tjedna održan je sastanak u općini.",
      "Eg har ikkje sett han i dag, men ho kjem heim i kveld.",
    ])
  func identifierAsksThePair(_ text: String) throws {
    var scorerAlone = LanguageIdentifier.default
    scorerAlone.usesPairStage = false
    let before = scorerAlone.identify(text)
    let after = LanguageIdentifier.default.identify(text)
    let codes = LanguageModel.shared!.languages.map(\.code)
    let runnerUp = try #require(before.alternatives.first)
    let x = try #require(codes.firstIndex(of: before.language)), y = try #require(codes.firstIndex(of: runnerUp.language))
    let pair = try #require(LanguagePairs.shared.pair(x, y))
    func confidence(_ guess: LanguageGuess, _ code: String) -> Double {
      guess.language == code ? guess.confidence : guess.alternatives.first { $0.language == code }?.confidence ?? 0
    }
    let a = codes[pair.a], b = codes[pair.b]
    // The pair's share of the posterior is kept; its split is the regression's.
    #expect(abs(confidence(after, a) + confidence(after, b) - confidence(before, a) - confidence(before, b)) < 1e-9)
    let split = confidence(after, a) / (confidence(after, a) + confidence(after, b))
    #expect(abs(split - confidence(before, a) / (confidence(before, a) + confidence(before, b))) > 1e-6)
    #expect([a, b].contains(after.language))
    #expect((after.language == a) == (split > 0.5))
  }
}
