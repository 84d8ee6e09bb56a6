import MatnICU
import TestSupport
import Testing

@testable import Matn

@Suite("DecodedText")
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

  @Test(
    "damaged UTF-8: bad sequences become U+FFFD and are located; strict names the first",
    arguments: [
      ([0xFF], 0, 1, 1),  // invalid lead byte
      ([0x0A, 0x62, 0xC3], 2, 2, 2),  // truncated at the end
      ([0xC0, 0x80], 0, 1, 1),  // overlong NUL
      ([0xED, 0xA0, 0x80], 0, 1, 1),  // surrogate
      ([0xF4, 0x90, 0x80, 0x80], 0, 1, 1),  // beyond U+10FFFF
      ([0xE0, 0x9F, 0x80], 0, 1, 1),  // overlong three-byte
      ([0x0A, 0x80], 1, 2, 1),  // stray continuation byte
    ] as [([UInt8], Int, Int, Int)])
  func damagedUTF8(bad: [UInt8], offsetInBad: Int, line: Int, column: Int) throws {
    // Enough well-formed Persian around the damage that the text is clearly UTF-8.
    let sentence = "سلام دنیا، این متن فارسی است و با یونی‌کد نوشته شده است. "
    let prefix = Array(sentence.utf8)
    let bytes = prefix + bad
    let decoded = try DecodedText(bytes: bytes)
    #expect(decoded.encoding == .utf8)
    guard case .replacedInvalidBytes(let offsets)? = decoded.repairs.first else {
      Issue.record("no replacement reported")
      return
    }
    #expect(offsets.first == prefix.count + offsetInBad)
    #expect(decoded.string.hasPrefix(sentence))
    #expect(decoded.string.unicodeScalars.contains("\u{FFFD}"))
    let prefixColumns = sentence.unicodeScalars.count
    #expect(
      throws: DecodingError.invalidUTF8(
        byteOffset: prefix.count + offsetInBad, line: line, column: line == 1 ? prefixColumns + column : column)
    ) {
      try DecodedText(bytes: bytes, strict: true)
    }
  }

  @Test("mostly English UTF-8 with curly quotes and one stray byte is damaged UTF-8, not windows-1256")
  func strayByteInEnglish() throws {
    let before = Array("The minister arrived on Monday.\nA line with a stray byte ".utf8)
    let after = Array(" here.\nAnd a “quoted” line.\n".utf8)
    let bytes = before + [0xFF] + after
    let decoded = try DecodedText(bytes: bytes)
    #expect(decoded.encoding == .utf8)
    #expect(decoded.string == String(decoding: before, as: UTF8.self) + "\u{FFFD}" + String(decoding: after, as: UTF8.self))
    #expect(throws: DecodingError.invalidUTF8(byteOffset: before.count, line: 2, column: 26)) {
      try DecodedText(bytes: bytes, strict: true)
    }
    // One multi-byte sequence is too little evidence: Latin-1 text stays Latin-1.
    let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" in Z".utf8) + [0xFC] + Array("rich, ".utf8) + [0xC2, 0xA3] + Array("40".utf8)
    #expect(try DecodedText(bytes: latin1).encoding != .utf8)
  }

  @Test("the shape of damaged UTF-8 agrees with the standard library's parser on random bytes")
  func damageShapeAgreesWithStandardLibrary() {
    var generator = SplitMix64(seed: 42)
    let alphabet: [UInt8] = [0x41, 0x0A, 0x80, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x90, 0x8F]
    for _ in 0..<20_000 {
      let length = Int(generator.next() % 12)
      let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
      // The parser reads an ill-formed sequence as one maximal subpart; a byte of one can
      // never start a well-formed sequence, so the well-formed ones are the same.
      var expected = (validMultibyte: 0, validBytes: 0, invalid: 0)
      var parser = Unicode.UTF8.ForwardParser()
      var iterator = bytes.makeIterator()
      loop: while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let sequence) where sequence.count > 1:
          expected.validMultibyte += 1
          expected.validBytes += sequence.count
        case .valid: break
        case .error(let length): expected.invalid += length
        case .emptyInput: break loop
        }
      }
      let actual = bytes.withUnsafeBufferPointer { DamagedUTF8.shape(of: $0) }
      #expect(actual == expected, "\(bytes)")
    }
  }

  @Test("behind a UTF-8 byte order mark, invalid bytes become U+FFFD with offsets that count the mark")
  func invalidBehindMark() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x41, 0xE2, 0x82, 0x41]
    let text = try DecodedText(bytes: bytes)
    #expect(text.string == "A\u{FFFD}A")
    #expect(text.repairs == [.byteOrderMark(.utf8), .replacedInvalidBytes(offsets: [4])])
    #expect(throws: DecodingError.invalidUTF8(byteOffset: 4, line: 1, column: 2)) {
      try DecodedText(bytes: bytes, strict: true)
    }
  }

  @Test(
    "byte order marks of UTF-16 and UTF-32 decide the encoding",
    arguments: [
      ("UTF-16LE", [0xFF, 0xFE] as [UInt8]), ("UTF-16BE", [0xFE, 0xFF]), ("UTF-32LE", [0xFF, 0xFE, 0x00, 0x00]),
      ("UTF-32BE", [0x00, 0x00, 0xFE, 0xFF]),
    ])
  func byteOrderMarks(name: String, mark: [UInt8]) throws {
    let text = "سلام Tehran 😀\n"
    let encoded = try #require(Self.encode(text, name))
    let decoded = try DecodedText(bytes: mark + encoded)
    #expect(decoded.string == text)
    #expect(decoded.encoding.rawValue == name)
    #expect(decoded.confidence == 1)
    #expect(decoded.hadByteOrderMark)
  }

  @Test(
    "UTF-16 without a byte order mark is recognised by its shape",
    arguments: [
      ("UTF-16LE", "سلام دنیا، این یک متن فارسی است.\n"), ("UTF-16BE", "سلام دنیا، این یک متن فارسی است.\n"),
      ("UTF-16LE", "Plain English news text, with numbers 1,200 and 3.5.\n"),
      ("UTF-16BE", "Plain English news text with a Persian name: حسن روحانی.\n"),
    ])
  func unmarkedUTF16(name: String, text: String) throws {
    let encoded = try #require(Self.encode(text, name))
    let decoded = try DecodedText(bytes: encoded)
    #expect(decoded.string == text)
    #expect(decoded.encoding.rawValue == name)
    #expect(decoded.confidence >= 0.8)
    #expect(!decoded.hadByteOrderMark)
  }

  @Test(
    "binary data is rejected with the offset of its first NUL",
    arguments: [
      [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52] as [UInt8],
      Array("text\0with a NUL byte".utf8),
    ])
  func binary(bytes: [UInt8]) {
    #expect(throws: DecodingError.binary(byteOffset: bytes.firstIndex(of: 0)!)) { try DecodedText(bytes: bytes) }
  }

  @Test("a named legacy encoding decodes through ICU")
  func namedEncodings() throws {
    // «سلام» in windows-1256 and in ISO-8859-6.
    let cp1256 = try DecodedText(bytes: [0xD3, 0xE1, 0xC7, 0xE3], encoding: .init(rawValue: "windows-1256"))
    #expect(cp1256.string == "سلام")
    #expect(cp1256.repairs.isEmpty)
    let iso = try DecodedText(bytes: [0xD3, 0xE4, 0xC7, 0xE5], encoding: .init(rawValue: "ISO-8859-6"))
    #expect(iso.string == "سلام")
  }

  @Test("undecodable bytes in a named encoding: replaced and located, or a strict failure")
  func namedEncodingInvalidBytes() throws {
    let bytes: [UInt8] = [0x41, 0xA1, 0x42]  // 0xA1 is unassigned in ISO-8859-6
    let lenient = try DecodedText(bytes: bytes, encoding: .init(rawValue: "ISO-8859-6"))
    #expect(lenient.string == "A\u{FFFD}B")
    #expect(lenient.repairs == [.replacedInvalidBytes(offsets: [1])])
    #expect(throws: DecodingError.invalidBytes(encoding: "ISO-8859-6", byteOffset: 1)) {
      try DecodedText(bytes: bytes, encoding: .init(rawValue: "ISO-8859-6"), strict: true)
    }
    #expect(throws: DecodingError.unknownEncoding("no-such")) {
      try DecodedText(bytes: bytes, encoding: .init(rawValue: "no-such"))
    }
  }

  @Test(
    "legacy charsets are detected from the bytes alone",
    arguments: [
      ("windows-1256", "سلام دنيا، اين يك متن فارسي است كه در روزنامه چاپ شد."),
      ("windows-1256", "در گزارش Reuters آمده است که قيمت نفت 3 درصد بالا رفت."),
      ("windows-1256", "قال الرئيس في المؤتمر إن الاتفاق مهم"),
      ("ISO-8859-6", "قال الرئيس في المؤتمر إن الاتفاق مهم للمنطقة"),
      ("windows-1252", "Señor Muñoz said the “deal” is worth €3 million — or more."),
      ("windows-1252", "Die Straße in München ist schön."),
      // Š is ٹ in windows-1256: a letter Persian and Arabic do not use, glued to Latin.
      ("windows-1252", "the Škoda plant at 25 °C in Zürich"),
      ("windows-1256", "او fund حتي داوطلب شد"),
    ])
  func legacyCharsets(name: String, text: String) throws {
    let bytes = try #require(Self.encode(text, name))
    let decoded = try DecodedText(bytes: bytes)
    #expect(decoded.string == text, "\(name): \(decoded.encoding) gave \(decoded.string)")
    #expect(decoded.confidence >= 0.5)
  }

  @Test("text that decodes the same in ISO-8859-1 and windows-1252 gets the superset's name")
  func latinTie() throws {
    let decoded = try DecodedText(bytes: Array("caf".utf8) + [0xE9, 0x20, 0xFC, 0x62, 0x65, 0x72])
    #expect(decoded.string == "café über")
    #expect(decoded.encoding.rawValue == "windows-1252")
  }

  /// Encodes `text` with ICU's converter (independent of the decoder under test).
  static func encode(_ text: String, _ name: String) -> [UInt8]? {
    guard let converter = try? Converter(encoding: name) else { return nil }
    return try? converter.encode(text).bytes
  }

  @Test("the error message says where")
  func message() {
    let error = DecodingError.invalidUTF8(byteOffset: 12, line: 2, column: 3)
    #expect(error.description.hasPrefix("invalid UTF-8 at byte offset 12 (line 2, column 3)"))
  }
}
