import Matn
import Testing

/// Regression tests for what the fuzz targets in Fuzz/ found (minimised inputs).
@Suite("Fuzz findings")
struct FuzzFindingsTests {
  @Test(
    "the model profile is idempotent where NFKC exposes an Arabic yeh (U+0678 ٸ → يٴ)",
    arguments: ["گٸت", "با ٸ", "\u{0675}\u{0676}\u{0677}\u{0678} است"])
  func modelNFKCExposesLetters(input: String) {
    let normalizer = TextNormalizer(profile: .model)
    let once = normalizer.normalize(input)
    #expect(normalizer.normalize(once.text).text == once.text)
    #expect(!once.text.unicodeScalars.contains("\u{064A}"), "an Arabic yeh left in Persian text: \(once.text.debugDescription)")
    #expect(once.report[.unicodeNormalization] > 0)
  }

  @Test(
    "curly quotes nest, so the article profile is idempotent on an extra “ before a pair",
    arguments: [("بله “a“ b” بله”بله", "بله «a« b» بله»بله"), ("na“Ar“ Int” بله”بله", "na«Ar« Int» بله»بله")])
  func nestedCurlyQuotes(input: String, expected: String) {
    let normalizer = TextNormalizer(profile: .article)
    let once = normalizer.normalize(input).text
    #expect(once == expected)
    #expect(normalizer.normalize(once).text == once)
  }
}
