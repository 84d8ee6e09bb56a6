// Fuzz target: DecodedText(bytes:) (detection, repairs) and its strict mode.
//
// Invariants: no crash; the text is valid UTF-8; valid UTF-8 input gains no U+FFFD
// (and, without NULs, a byte order mark or a mojibake repair, decodes to itself);
// strict decoding either fails or agrees and replaces nothing.
import FuzzSupport
import Matn

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let bytes = fuzzBytes(start, count)
  let validInput = String(validating: bytes, as: UTF8.self)
  let decoded: DecodedText
  do {
    decoded = try DecodedText(bytes: bytes)
  } catch {
    require(!error.description.isEmpty, "an error without a description")
    return 0
  }
  require(isValidUTF8(decoded.string), "decoded text is not valid UTF-8")
  if let validInput {
    require(!hasReplacement(decoded.string) || hasReplacement(validInput),
            "valid UTF-8 gained U+FFFD (decoded as \(decoded.encoding)): \(debugQuote(decoded.string))")
    if decoded.repairs.isEmpty && decoded.encoding == .utf8 {
      require(decoded.string == validInput, "valid UTF-8 decoded to other text")
    }
  }
  if let strict = try? DecodedText(bytes: bytes, strict: true) {
    require(isValidUTF8(strict.string), "strictly decoded text is not valid UTF-8")
    require(!strict.repairs.contains { if case .replacedInvalidBytes = $0 { true } else { false } },
            "strict decoding replaced bytes")
  }
  return 0
}
