import Testing

@testable import MatnICU

@Suite("Converter")
struct ConverterTests {
  @Test("windows-1256 decodes Persian; its missing letters are what they are")
  func windows1256() throws {
    let c = try Converter(encoding: "windows-1256")
    // سلام in windows-1256
    let decoded = c.decode([0xD3, 0xE1, 0xC7, 0xE3])
    #expect(decoded.string == "سلام")
    #expect(decoded.invalidByteOffsets.isEmpty)
    // windows-1256 has Arabic yeh (0xED) but no Persian yeh: encoding ی fails strictly.
    #expect(throws: Converter.Failure.self) { try c.encode("ی", strict: true) }
    let lenient = try c.encode("aی", strict: false)
    #expect(lenient.unmappable == 1)
    #expect(lenient.bytes.count == 2)
  }

  @Test("ISO-8859-6 and windows-1252 round-trip their repertoire")
  func roundTrip() throws {
    for (name, text) in [("ISO-8859-6", "سلام عليكم"), ("windows-1252", "café – “quoted” €5"), ("UTF-16LE", "Tehran تهران 😀")] {
      let c = try Converter(encoding: name)
      let bytes = try c.encode(text).bytes
      #expect(c.decode(bytes).string == text, "\(name)")
    }
  }

  @Test("invalid bytes become U+FFFD and their offsets are reported, never dropped")
  func invalidBytesAreReported() throws {
    let utf8 = try Converter(encoding: "UTF-8")
    let decoded = utf8.decode([0x61, 0xFF, 0x62, 0xC3, 0x28, 0x63, 0xE2, 0x82])
    #expect(decoded.string == "a\u{FFFD}b\u{FFFD}(c\u{FFFD}")
    #expect(decoded.invalidByteOffsets == [1, 3, 6])
  }

  @Test("unmapped bytes in a single-byte charset are reported")
  func unmappedBytes() throws {
    // 0xA1 is unassigned in ISO-8859-6.
    let c = try Converter(encoding: "ISO-8859-6")
    let decoded = c.decode([0x41, 0xA1, 0x42])
    #expect(decoded.string == "A\u{FFFD}B")
    #expect(decoded.invalidByteOffsets == [1])
  }

  @Test("strict decoding names the offset of the first bad sequence")
  func strict() throws {
    let c = try Converter(encoding: "UTF-8")
    do {
      _ = try c.decodeStrictly([0x61, 0x62, 0xFE, 0x63])
      Issue.record("expected a failure")
    } catch {
      #expect(error.byteOffset == 2)
      #expect(error.description.contains("byte offset 2"))
    }
    #expect(try c.decodeStrictly(Array("ok ✓".utf8)) == "ok ✓")
  }

  @Test("the converter is reusable after a failure")
  func reuse() throws {
    let c = try Converter(encoding: "UTF-8")
    _ = c.decode([0xE2, 0x82])  // truncated at the end
    #expect(c.decode(Array("fine".utf8)).string == "fine")
    #expect(c.decode([]).string == "")
  }

  @Test("strict encoding reports the UTF-8 offset of the first unmappable character")
  func encodeOffset() throws {
    let c = try Converter(encoding: "windows-1252")
    do {
      _ = try c.encode("ab€دc")
      Issue.record("expected a failure")
    } catch {
      #expect(error.code == .invalidCharFound)
      #expect(error.byteOffset == 5)  // "ab€" is 5 bytes
    }
  }

  @Test("unknown encodings are an error; names are canonicalised")
  func names() throws {
    #expect(throws: ICUError.self) { try Converter(encoding: "no-such-charset") }
    #expect(try Converter(encoding: "cp1256").canonicalName == Converter(encoding: "windows-1256").canonicalName)
  }
}

@Suite("CharsetDetector")
struct CharsetDetectorTests {
  @Test("recognises UTF-8 and UTF-16 with a BOM")
  func basics() throws {
    let d = try CharsetDetector()
    let utf8 = d.detect(Array("Tehran تهران — a longer sentence in two scripts, تهران".utf8))
    #expect(utf8.first?.name == "UTF-8")
    #expect((utf8.first?.confidence ?? 0) > 50)
    let utf16 = d.detect([0xFF, 0xFE] + Array("hello".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    #expect(utf16.first?.name == "UTF-16LE")
    #expect(d.detect([], limit: 3).count <= 3)
    #expect(d.detect(Array("abc".utf8), limit: 0).isEmpty)
  }
}
