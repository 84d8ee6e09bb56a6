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
    a: String, b: String, bias: Float, diffWeight: Float, scale: Float, gate: Float = 1000,
    weights: [(String, Int8)], slots: Int = 8
  ) -> [UInt8] {
    var out = Array("MATNPAIR".utf8)
    func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
    u32(2)
    u32(1)
    out += Array(a.utf8) + [UInt8](repeating: 0, count: 8 - a.utf8.count)
    out += Array(b.utf8) + [UInt8](repeating: 0, count: 8 - b.utf8.count)
    for f in [bias, diffWeight, scale, gate] { u32(f.bitPattern) }
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

  @Test("the stage decides only within the pair's gate: beyond it the scorer's lead stands")
  func gate() throws {
    let bytes = Self.file(a: "id", b: "ms", bias: 0, diffWeight: 0.5, scale: 1, gate: 6, weights: [("ta ", 9)])
    let pair = try #require(Self.pairs(bytes, codes: ["id", "ms"])?.pair(0, 1))
    let text = Self.letters("kata kita")
    // Within the gate the pieces (2 × 9) outweigh a lead of 5 nats for ms.
    let z = try #require(LanguagePairs.decide(pair, text, scoreA: -60, scoreB: -55))
    #expect(abs(z - (0.5 * -5 + 18)) < 1e-6)
    // At the gate and beyond, either way, it is not asked.
    #expect(LanguagePairs.decide(pair, text, scoreA: -60, scoreB: -54) == nil)
    #expect(LanguagePairs.decide(pair, text, scoreA: -50, scoreB: -60) == nil)
  }

  @Test("a pair whose languages the model lacks is left out; a malformed file is refused")
  func resolving() throws {
    let bytes = Self.file(a: "xx", b: "hr", bias: 0, diffWeight: 1, scale: 1, weights: [])
    #expect(try #require(Self.pairs(bytes, codes: ["hr"])).pairs.isEmpty)
    #expect(Self.pairs(Array(bytes.prefix(40)), codes: ["hr", "xx"]) == nil)
    #expect(Self.pairs(Array("MATNLID1".utf8) + bytes.dropFirst(8), codes: ["hr", "xx"]) == nil)
  }

  @Test("the embedded pairs: the closest pairs of the model, each with the scorer's evidence and a gate")
  func embedded() {
    let codes = LanguageModel.shared!.languages.map(\.code)
    let learnt = Set(LanguagePairs.shared.pairs.map { [codes[$0.a], codes[$0.b]].sorted().joined(separator: "/") })
    #expect(learnt.isSuperset(of: ["af/nl", "hi/mr"]), "\(learnt)")
    #expect(LanguagePairs.shared.pairs.allSatisfy { $0.diffWeight > 0 && $0.gate > 0 })
  }

  static var scorerAlone: LanguageIdentifier {
    var identifier = LanguageIdentifier.default
    identifier.usesPairStage = false
    return identifier
  }

  static func confidence(_ guess: LanguageGuess, _ code: String) -> Double? {
    guess.language == code ? guess.confidence : guess.alternatives.first { $0.language == code }?.confidence
  }

  @Test("a pair decides a text the scorer alone answers with the other language", arguments: [("लोकांना", "mr")])
  func pairDecides(_ text: String, _ expected: String) {
    let before = Self.scorerAlone.identify(text), after = LanguageIdentifier.default.identify(text)
    #expect(before.language != expected && before.alternatives.first?.language == expected, "\(before)")
    #expect(after.language == expected, "\(after)")
    // It chooses between the scorer's best two only: a third language keeps its share
    // relative to the answer.
    if let third = before.alternatives.dropFirst().first, let was = Self.confidence(before, third.language),
      let now = Self.confidence(after, third.language)
    {
      #expect(abs(now / after.confidence - was / before.confidence) < 1e-9)
    }
  }

  @Test(
    "written sentences of the pairs' languages keep the scorer's answer",
    arguments: [
      ("Saya tidak tahu apa yang berlaku semalam.", "ms"),
      ("Kami akan pergi ke pejabat esok pagi.", "ms"),
      ("Kerana itu, kerajaan akan membantu rakyat sahaja.", "ms"),
      ("Saya tidak tahu apa yang terjadi kemarin.", "id"),
      ("Tokom sedmice je održan sastanak u opštini.", "bs"),
      ("Tijekom tjedna održan je sastanak u općini.", "hr"),
      ("Eg har ikkje sett han i dag, men ho kjem heim i kveld.", "nn"),
      ("परराष्ट्र मंत्री सोमवारी चर्चेसाठी तेहरानला पोहोचले.", "mr"),
    ])
  func writtenSentences(_ text: String, _ expected: String) {
    #expect(Self.scorerAlone.identify(text).language == expected)
    #expect(LanguageIdentifier.default.identify(text).language == expected)
  }

  @Test("beyond its gate a pair is not asked: the scorer's guess stands, confidences and all")
  func gateInTheIdentifier() {
    // Hindi and Marathi are a pair (gate 4 nats); this sentence's scorer lead for
    // Marathi is 4.5.
    let text = "परराष्ट्र मंत्री सोमवारी चर्चेसाठी तेहरानला पोहोचले."
    let before = Self.scorerAlone.identify(text)
    #expect(before.language == "mr" && before.alternatives.first?.language == "hi")
    #expect(LanguageIdentifier.default.identify(text) == before)
  }
}
