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

  @Test("bytes that are not UTF-8 give nil")
  func invalid() {
    let normalizer = TextNormalizer()
    for bytes: [UInt8] in [[0x61, 0xFF], [0xD9], [0x61, 0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
      #expect(bytes.withUnsafeBufferPointer { normalizer.normalize(utf8: $0) } == nil)
    }
  }
}
