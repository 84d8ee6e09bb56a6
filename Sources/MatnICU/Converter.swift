import CICUShim

/// Converts between a legacy charset (windows-1256, ISO-8859-6, windows-1252, UTF-16…)
/// and Unicode through ICU's `ucnv`, reporting every byte it could not decode.
///
/// ```swift
/// let cp1256 = try Converter(encoding: "windows-1256")
/// let decoded = cp1256.decode([0xD3, 0xE1, 0xC7, 0xE3])
/// decoded.string                // "سلام"
/// decoded.invalidByteOffsets    // []
/// ```
///
/// - Thread safety: not `Sendable` (an ICU converter keeps state); one per task.
public final class Converter {
  /// The result of decoding.
  public struct Decoded: Sendable, Hashable {
    /// The decoded text; every undecodable byte sequence is U+FFFD.
    public var string: String
    /// The byte offset of each undecodable sequence, in order.
    public var invalidByteOffsets: [Int]
  }

  /// Where strict conversion failed.
  public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
    /// ICU's code: ``ICUError/illegalCharFound``, ``ICUError/invalidCharFound`` (unmappable)
    /// or ``ICUError/truncatedCharFound`` (incomplete sequence at the end).
    public var code: ICUError
    /// Byte offset of the offending sequence in the input (UTF-8 offset when encoding).
    public var byteOffset: Int
    public var description: String {
      switch code {
      case .truncatedCharFound: "incomplete byte sequence at byte offset \(byteOffset)"
      case .invalidCharFound: "unmappable character at byte offset \(byteOffset)"
      default: "invalid byte sequence at byte offset \(byteOffset)"
      }
    }
  }

  private let raw: OpaquePointer

  /// Opens a converter for an encoding name or alias known to ICU, such as
  /// `"windows-1256"`, `"ISO-8859-6"`, `"UTF-16LE"`, `"macintosh"`.
  ///
  /// - Throws: ``ICUError/fileAccess`` when ICU has no such converter.
  /// The corresponding C function is `ucnv_open`.
  public init(encoding name: String) throws(ICUError) {
    var status: Int32 = 0
    let raw = cicu_converter_open(name, &status)
    try ICU.check(status)
    guard let raw else { throw .fileAccess }
    self.raw = raw
  }

  deinit { cicu_converter_close(raw) }

  /// ICU's canonical name for the encoding, such as `"ibm-5352_P100-1998"` for windows-1256.
  ///
  /// The corresponding C function is `ucnv_getName`.
  public var canonicalName: String {
    var status: Int32 = 0
    let name = cicu_converter_name(raw, &status)
    return name.map { String(cString: $0) } ?? ""
  }

  /// Decodes `bytes`, replacing each undecodable sequence by U+FFFD and recording
  /// its byte offset. Nothing is dropped silently.
  ///
  /// - Complexity: O(*n*); input must be under 2 GiB.
  /// The corresponding C function is `ucnv_toUnicode`.
  public func decode(_ bytes: [UInt8]) -> Decoded {
    bytes.withUnsafeBufferPointer { decode($0) }
  }

  /// Decodes the bytes in `buffer` (see ``decode(_:)-([UInt8])``).
  package func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> Decoded {
    let (string, offsets, status) = run(buffer, strict: false)
    ICU.expect(status, "ucnv_toUnicode")
    return Decoded(string: string, invalidByteOffsets: offsets)
  }

  /// Decodes `bytes`, failing at the first undecodable sequence.
  ///
  /// - Throws: ``Failure`` with the byte offset of that sequence.
  public func decodeStrictly(_ bytes: [UInt8]) throws(Failure) -> String {
    let (string, offsets, status) = bytes.withUnsafeBufferPointer { run($0, strict: true) }
    if status > 0 {
      throw Failure(code: ICUError(rawValue: status), byteOffset: offsets.first ?? 0)
    }
    return string
  }

  /// Encodes `text` in the converter's charset.
  ///
  /// - Parameter strict: when `true`, an unmappable character throws; otherwise it
  ///   becomes the charset's substitution character and is counted in the result.
  /// - Throws: ``Failure`` with the UTF-8 offset of the first unmappable character.
  /// The corresponding C function is `ucnv_fromUnicode`.
  public func encode(_ text: String, strict: Bool = true) throws(Failure) -> (bytes: [UInt8], unmappable: Int) {
    var status: Int32 = 0
    var out: UnsafeMutablePointer<UInt8>?
    var unmapped: Int32 = 0
    var firstOffset: Int32 = -1
    var text = text
    let n = text.withUTF8 { utf8 in
      precondition(utf8.count <= Int32.max, "text longer than 2 GiB cannot be encoded at once")
      return ICU.nonNull(utf8) { base in
        cicu_converter_encode(raw, base, Int32(utf8.count), strict ? 1 : 0, &out, &unmapped, &firstOffset, &status)
      }
    }
    let bytes = ICU.adoptBytes(out, count: n)
    if status > 0 {
      throw Failure(code: ICUError(rawValue: status), byteOffset: Int(max(firstOffset, 0)))
    }
    return (bytes, Int(unmapped))
  }

  private func run(_ buffer: UnsafeBufferPointer<UInt8>, strict: Bool) -> (String, [Int], Int32) {
    precondition(buffer.count <= Int32.max, "input longer than 2 GiB: decode it in pieces")
    var status: Int32 = 0
    var out: UnsafeMutablePointer<UInt8>?
    var bad: UnsafeMutablePointer<Int32>?
    var badCount: Int32 = 0
    let n = ICU.nonNull(buffer) { base in
      cicu_converter_decode(raw, base, Int32(buffer.count), strict ? 1 : 0, &out, &bad, &badCount, &status)
    }
    var offsets: [Int] = []
    if let bad {
      offsets = UnsafeBufferPointer(start: bad, count: Int(badCount)).map(Int.init)
      cicu_free(bad)
    }
    return (ICU.adoptString(out, count: n), offsets, status)
  }
}
