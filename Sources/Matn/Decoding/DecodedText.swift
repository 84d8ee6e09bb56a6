import MatnICU

/// Text decoded from raw bytes, with what was done to get it.
///
/// Decoding: byte order marks (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), UTF-8 (damaged
/// sequences replaced and located), UTF-16 without a byte order mark, the legacy
/// charsets of English, Persian and Arabic news (windows-1256, ISO-8859-6,
/// windows-1252, ISO-8859-1) detected by Matn's own scorer, rejection of binary data,
/// and any charset ICU knows when the caller names it. Mojibake repair builds on it.
///
/// ```swift
/// let text = try DecodedText(bytes: Array("سلام".utf8))
/// text.string      // "سلام"
/// text.encoding    // .utf8
/// ```
public struct DecodedText: Sendable, Hashable {
  /// A character encoding, by the name ICU and IANA use.
  public struct Encoding: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let utf8 = Encoding(rawValue: "UTF-8")
    public static let utf16LE = Encoding(rawValue: "UTF-16LE")
    public static let utf16BE = Encoding(rawValue: "UTF-16BE")
    public static let utf32LE = Encoding(rawValue: "UTF-32LE")
    public static let utf32BE = Encoding(rawValue: "UTF-32BE")
  }

  /// Something done to the bytes on the way to text; none of it is silent.
  public enum Repair: Sendable, Hashable, CustomStringConvertible {
    /// A byte order mark was removed.
    case byteOrderMark(Encoding)
    /// Undecodable byte sequences became U+FFFD; their byte offsets in the input.
    case replacedInvalidBytes(offsets: [Int])
    /// Mojibake (UTF-8 once decoded with a single-byte charset) repaired: how many
    /// sequences were decoded again.
    case mojibake(sequences: Int)

    public var description: String {
      switch self {
      case .byteOrderMark(let encoding): "removed the \(encoding) byte order mark"
      case .replacedInvalidBytes(let offsets):
        "replaced \(offsets.count) invalid byte sequence\(offsets.count == 1 ? "" : "s") by U+FFFD at byte offset\(offsets.count == 1 ? "" : "s") "
          + offsets.prefix(10).map(String.init).joined(separator: ", ") + (offsets.count > 10 ? ", …" : "")
      case .mojibake(let sequences):
        "repaired \(sequences) mojibake sequence\(sequences == 1 ? "" : "s")"
      }
    }
  }

  /// The decoded text.
  public var string: String
  /// The encoding the bytes were decoded from.
  public var encoding: Encoding
  /// How sure the decoder is of `encoding`: 1 for a byte order mark, a named encoding
  /// or UTF-8 that validates; the detector's score for UTF-16 without a mark.
  public var confidence: Double
  /// What was done to the bytes, in order.
  public var repairs: [Repair]

  /// Whether a byte order mark was found and removed.
  public var hadByteOrderMark: Bool {
    repairs.contains { if case .byteOrderMark = $0 { true } else { false } }
  }

  /// Decodes `bytes`, detecting the encoding: a byte order mark decides; else valid
  /// UTF-8; else UTF-16 without a mark when its shape is clear; then repairs mojibake
  /// (``MojibakeRepair``), reported in ``repairs``.
  ///
  /// Behind a byte order mark, undecodable sequences become U+FFFD and their offsets
  /// are reported in ``repairs`` (or, with `strict`, fail).
  ///
  /// Unmarked bytes that are not UTF-8 are decoded from the most plausible legacy
  /// charset (``LegacyCharsetDetector``); UTF-8 with a few bad sequences stays UTF-8,
  /// with the bad sequences replaced and located (or, with `strict`, an error).
  ///
  /// - Throws: ``DecodingError/binary(byteOffset:)`` for data that is not text (NUL
  ///   bytes outside UTF-16/32), ``DecodingError/invalidUTF8(byteOffset:line:column:)``
  ///   in strict mode. Nothing is dropped silently.
  /// - Complexity: O(*n*), validating UTF-8 at memory speed in the common case.
  public init(bytes: [UInt8], strict: Bool = false) throws(DecodingError) {
    try self.init(detecting: bytes, strict: strict)
    let (repaired, sequences) = MojibakeRepair.repair(string)
    if sequences > 0 {
      string = repaired
      repairs.append(.mojibake(sequences: sequences))
    }
  }

  /// Text already known to be valid UTF-8 with no NUL and no byte order mark (as
  /// ``InputFile/readContent(_:limit:kinds:)`` reads it): what ``init(bytes:strict:)``
  /// makes of such bytes, mojibake repair included, without a second copy of them.
  public init(validUTF8 text: String) {
    self.init(string: text, encoding: .utf8, confidence: 1, repairs: [])
    let (repaired, sequences) = MojibakeRepair.repair(string)
    if sequences > 0 {
      string = repaired
      repairs.append(.mojibake(sequences: sequences))
    }
  }

  private init(detecting bytes: [UInt8], strict: Bool) throws(DecodingError) {
    if let (encoding, markLength) = ByteOrderMark.detect(bytes) {
      try self.init(bytes: Array(bytes[markLength...]), encoding: encoding, strict: strict, offsetBase: markLength)
      repairs.insert(.byteOrderMark(encoding), at: 0)
      return
    }
    // The common case first: valid UTF-8, checked and copied at memory speed.
    let scan = bytes.withUnsafeBufferPointer { UTF8Scan.scan($0) }
    if scan.firstInvalid == nil {
      if let nul = scan.firstNUL {
        // Valid UTF-8 with NULs: UTF-16 or UTF-32 text of ASCII letters, or binary data.
        if let (encoding, score) = UTF16Shape.detect(bytes) {
          try self.init(bytes: bytes, encoding: encoding, strict: strict)
          confidence = score
          return
        }
        throw .binary(byteOffset: nul)
      }
      let string = bytes.withUnsafeBufferPointer { String(copying: UTF8Span(unchecked: $0.span)) }
      self.init(string: string, encoding: .utf8, confidence: 1, repairs: [])
      return
    }
    // Not UTF-8: UTF-16 whose shape is clear, even with a few unpaired surrogates.
    if let (encoding, score) = UTF16Shape.detect(bytes, tolerant: true) {
      try self.init(bytes: bytes, encoding: encoding, strict: strict)
      confidence = score
      return
    }
    if let nul = bytes.firstIndex(of: 0) { throw .binary(byteOffset: nul) }
    // Mostly well-formed UTF-8 with a few bad sequences is damaged UTF-8, not a legacy
    // charset: replace and locate them (or fail, with strict).
    if DamagedUTF8.isDamaged(bytes) {
      if strict {
        let (offset, line, column) = DamagedUTF8.firstDamage(in: bytes)
        throw .invalidUTF8(byteOffset: offset, line: line, column: column)
      }
      try self.init(bytes: bytes, encoding: .utf8, strict: false)
      return
    }
    if let (encoding, score) = LegacyCharsetDetector.detect(bytes) {
      try self.init(bytes: bytes, encoding: encoding, strict: strict)
      confidence = score
      return
    }
    let (offset, line, column) = DamagedUTF8.firstDamage(in: bytes)
    throw .invalidUTF8(byteOffset: offset, line: line, column: column)
  }

  /// Decodes `bytes` from a named encoding (any charset ICU knows, by name or alias).
  ///
  /// - Parameter strict: fail at the first undecodable sequence instead of replacing
  ///   it by U+FFFD (the offsets of replaced sequences are in ``repairs``).
  /// - Throws: ``DecodingError/unknownEncoding(_:)``, ``DecodingError/invalidBytes(encoding:byteOffset:)``.
  public init(bytes: [UInt8], encoding: Encoding, strict: Bool = false) throws(DecodingError) {
    try self.init(bytes: bytes, encoding: encoding, strict: strict, offsetBase: 0)
  }

  private init(bytes: [UInt8], encoding: Encoding, strict: Bool, offsetBase: Int) throws(DecodingError) {
    if encoding == .utf8 {
      if let decoded = bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
        self.init(string: decoded, encoding: .utf8, confidence: 1, repairs: [])
        return
      }
      if strict {
        let (offset, line, column) = DamagedUTF8.firstDamage(in: bytes)
        throw .invalidUTF8(byteOffset: offset + offsetBase, line: line, column: column)
      }
    }
    let converter: Converter
    do { converter = try Converter(encoding: encoding.rawValue) } catch { throw .unknownEncoding(encoding.rawValue) }
    if strict {
      do {
        let string = try converter.decodeStrictly(bytes)
        self.init(string: string, encoding: encoding, confidence: 1, repairs: [])
      } catch {
        throw .invalidBytes(encoding: encoding.rawValue, byteOffset: error.byteOffset + offsetBase)
      }
      return
    }
    let decoded = converter.decode(bytes)
    let offsets = decoded.invalidByteOffsets.map { $0 + offsetBase }
    self.init(
      string: decoded.string, encoding: encoding, confidence: 1,
      repairs: offsets.isEmpty ? [] : [.replacedInvalidBytes(offsets: offsets)])
  }

  private init(string: String, encoding: Encoding, confidence: Double, repairs: [Repair]) {
    self.string = string
    self.encoding = encoding
    self.confidence = confidence
    self.repairs = repairs
  }
}

/// Why bytes could not be decoded.
public enum DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The bytes are not well-formed UTF-8. `byteOffset` is 0-based from the start of
  /// the input; `line` and `column` (both 1-based, column counted in characters of the
  /// valid text before it) locate it for people.
  case invalidUTF8(byteOffset: Int, line: Int, column: Int)
  /// The bytes are not text (a NUL byte outside UTF-16/32 text, at this offset).
  case binary(byteOffset: Int)
  /// No converter for this encoding name.
  case unknownEncoding(String)
  /// Strict decoding met an undecodable byte sequence at this offset.
  case invalidBytes(encoding: String, byteOffset: Int)

  public var description: String {
    switch self {
    case let .invalidUTF8(offset, line, column):
      "invalid UTF-8 at byte offset \(offset) (line \(line), column \(column)); if the file is in a legacy charset, name it with --encoding"
    case let .binary(offset):
      "binary data, not text (NUL byte at offset \(offset))"
    case let .unknownEncoding(name):
      "unknown encoding '\(name)'"
    case let .invalidBytes(encoding, offset):
      "invalid \(encoding) byte sequence at byte offset \(offset)"
    }
  }
}
