import Testing

@testable import Matn

@Suite("TextNormalizer over UTF-8 bytes")
struct TextNormalizerUTF8Tests {
  static let texts = [
    "", "كتاب هاي ما", "a\u{00A0}b", "😀 emoji 𝔸 and كتاب هاي ما\n\nПривет", "\u{0}ي\u{0}", String(repeating: "ﻻ ", count: 5000),
    String(repeating: "متن فارسی و English text. ", count: 3000),
  ]

  @Test("the bytes give the text and report the String gives, in every profile", arguments: TextNormalizer.Profile.allCases)
  func sameAsString(_ profile: TextNormalizer.Profile) throws {
    let normalizer = TextNormalizer(profile: profile)
    for text in Self.texts {
      let bytes = Array(text.utf8)
      let result = try #require(bytes.withUnsafeBufferPointer { normalizer.normalize(utf8: $0) })
      #expect(result == normalizer.normalize(text))
    }
  }

  /// The code points of `text` as units of `width` bytes, or nil when one does not fit.
  static func units(_ text: String, width: Int) -> [UInt8]? {
    var bytes: [UInt8] = []
    for scalar in text.unicodeScalars {
      let v = scalar.value
      guard width == 4 || v < 1 << (8 * width) else { return nil }
      for k in 0..<width { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) }  // little-endian, as the tests run
    }
    return bytes
  }

  @Test(
    "code units of each width that holds the text give the text the String gives (long texts through UTF-8)",
    arguments: TextNormalizer.Profile.allCases)
  func unitsSameAsString(_ profile: TextNormalizer.Profile) throws {
    let normalizer = TextNormalizer(profile: profile)
    for text in Self.texts + ["café  naïve", String(repeating: "ü ", count: 40_000)] {
      let expected = normalizer.normalize(text)
      for width in [1, 2, 4] {
        guard let units = Self.units(text, width: width) else { continue }
        let count = text.unicodeScalars.count
        let kept = try #require(
          units.withUnsafeBytes { normalizer.normalizeKeepingScalars(units: $0.baseAddress, count: count, width: width) })
        #expect(kept.result.text == expected.text, "width \(width): \(text.prefix(20).debugDescription)")
        // The scalars handed back are the result's; a text the stages change and the
        // article form leaves alone keeps them.
        if let scalars = kept.scalars { #expect(scalars == expected.text.unicodeScalars.map(\.value)) }
        if profile == .article && text == "كتاب هاي ما" { #expect(kept.scalars != nil) }
        let plain = units.withUnsafeBytes { normalizer.normalize(units: $0.baseAddress, count: count, width: width) }
        #expect(plain == kept.result)
      }
    }
  }

  @Test("code units that are no scalar value, a bad width or count give nil")
  func invalidUnits() {
    let normalizer = TextNormalizer()
    let surrogate: [UInt16] = [0x61, 0xD800, 0x62]
    #expect(surrogate.withUnsafeBytes { normalizer.normalize(units: $0.baseAddress, count: 3, width: 2) } == nil)
    for value: UInt32 in [0xDFFF, 0x110000, 0xFFFF_FFFF] {
      let units: [UInt32] = [0x627, value]
      #expect(units.withUnsafeBytes { normalizer.normalize(units: $0.baseAddress, count: 2, width: 4) } == nil)
    }
    let fine: [UInt8] = [0x61, 0x62]
    #expect(fine.withUnsafeBytes { normalizer.normalize(units: $0.baseAddress, count: 2, width: 3) } == nil)
    #expect(fine.withUnsafeBytes { normalizer.normalize(units: $0.baseAddress, count: -1, width: 1) } == nil)
    #expect(normalizer.normalize(units: nil, count: 0, width: 2)?.text == "")
  }

  @Test("bytes that are not UTF-8 give nil")
  func invalid() {
    let normalizer = TextNormalizer()
    for bytes: [UInt8] in [[0x61, 0xFF], [0xD9], [0x61, 0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
      #expect(bytes.withUnsafeBufferPointer { normalizer.normalize(utf8: $0) } == nil)
    }
  }
}
