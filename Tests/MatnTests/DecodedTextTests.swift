import TestSupport
import Testing

@testable import Matn

@Suite("DecodedText (UTF-8)")
struct DecodedTextTests {
  @Test("valid UTF-8 decodes unchanged")
  func valid() throws {
    let text = "Tehran تهران 😀\n"
    let decoded = try DecodedText(bytes: Array(text.utf8))
    #expect(decoded.string == text)
    #expect(decoded.encoding == .utf8)
    #expect(!decoded.hadByteOrderMark)
  }

  @Test("a UTF-8 byte order mark is removed and reported")
  func byteOrderMark() throws {
    let decoded = try DecodedText(bytes: [0xEF, 0xBB, 0xBF] + Array("abc".utf8))
    #expect(decoded.string == "abc")
    #expect(decoded.hadByteOrderMark)
  }

  @Test("empty input is empty text")
  func empty() throws {
    #expect(try DecodedText(bytes: []).string == "")
  }

  @Test("ill-formed UTF-8 names the byte offset, line and column", arguments: [
    ([0x61, 0xFF], 1, 1, 2),  // invalid lead byte
    ([0x61, 0x0A, 0x62, 0xC3], 3, 2, 2),  // truncated at the end
    ([0xC0, 0x80], 0, 1, 1),  // overlong NUL
    ([0xED, 0xA0, 0x80], 0, 1, 1),  // surrogate
    ([0xF4, 0x90, 0x80, 0x80], 0, 1, 1),  // beyond U+10FFFF
    ([0xE0, 0x9F, 0x80], 0, 1, 1),  // overlong three-byte
    (Array("سلام\n".utf8) + [0x80], 9, 2, 1),  // stray continuation byte
    ([0xEF, 0xBB, 0xBF, 0x41, 0xE2, 0x82, 0x41], 4, 1, 2),  // offsets count the BOM
  ] as [([UInt8], Int, Int, Int)])
  func invalid(bytes: [UInt8], offset: Int, line: Int, column: Int) {
    #expect(throws: DecodingError.invalidUTF8(byteOffset: offset, line: line, column: column)) {
      try DecodedText(bytes: bytes)
    }
  }

  @Test("the validator agrees with the standard library on random bytes")
  func validatorAgreesWithStandardLibrary() {
    var generator = SplitMix64(seed: 42)
    let alphabet: [UInt8] = [0x41, 0x0A, 0x80, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x90, 0x8F]
    for _ in 0..<20_000 {
      let length = Int(generator.next() % 8)
      let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
      let valid = String(validating: bytes, as: UTF8.self) != nil
      #expect((UTF8Validation.firstInvalidOffset(in: bytes) == nil) == valid, "\(bytes)")
    }
  }

  @Test("the error message says where")
  func message() {
    let error = DecodingError.invalidUTF8(byteOffset: 12, line: 2, column: 3)
    #expect(error.description == "invalid UTF-8 at byte offset 12 (line 2, column 3)")
  }
}
