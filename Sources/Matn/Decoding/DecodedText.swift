/// Text decoded from raw bytes, with what was done to get it.
///
/// Today this decodes UTF-8 strictly (a leading UTF-8 byte order mark is removed and
/// reported); encoding detection and mojibake repair build on the same type.
///
/// ```swift
/// let text = try DecodedText(bytes: Array("سلام".utf8))
/// text.string      // "سلام"
/// text.encoding    // .utf8
/// ```
public struct DecodedText: Sendable, Hashable {
  /// An encoding Matn can decode.
  public enum Encoding: String, Sendable, Hashable, Codable {
    case utf8 = "UTF-8"
  }

  /// The decoded text.
  public var string: String
  /// The encoding the bytes were decoded from.
  public var encoding: Encoding
  /// Whether a byte order mark was found and removed.
  public var hadByteOrderMark: Bool

  /// Decodes `bytes` as strict UTF-8.
  ///
  /// - Throws: ``DecodingError/invalidUTF8(byteOffset:line:column:)`` naming the first
  ///   ill-formed byte; nothing is replaced or dropped silently.
  /// - Complexity: O(*n*), validating at memory speed in the common case.
  public init(bytes: [UInt8]) throws(DecodingError) {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let hasBOM = bytes.count >= 3 && bytes[0] == bom[0] && bytes[1] == bom[1] && bytes[2] == bom[2]
    let start = hasBOM ? 3 : 0
    let decoded: String? = bytes.withUnsafeBufferPointer { buffer in
      String(validating: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
    }
    guard let decoded else {
      let offset = UTF8Validation.firstInvalidOffset(in: bytes, from: start) ?? start
      let (line, column) = UTF8Validation.lineAndColumn(of: offset, in: bytes, from: start)
      throw .invalidUTF8(byteOffset: offset, line: line, column: column)
    }
    self.string = decoded
    self.encoding = .utf8
    self.hadByteOrderMark = hasBOM
  }
}

/// Why bytes could not be decoded.
public enum DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The bytes are not well-formed UTF-8. `byteOffset` is 0-based from the start of
  /// the input; `line` and `column` (both 1-based, column counted in characters of the
  /// valid text before it) locate it for people.
  case invalidUTF8(byteOffset: Int, line: Int, column: Int)

  public var description: String {
    switch self {
    case let .invalidUTF8(offset, line, column):
      "invalid UTF-8 at byte offset \(offset) (line \(line), column \(column))"
    }
  }
}

/// UTF-8 well-formedness checks (Unicode §3.9, table 3-7).
enum UTF8Validation {
  /// The offset of the first byte that starts an ill-formed sequence, or `nil`.
  static func firstInvalidOffset(in bytes: [UInt8], from start: Int = 0) -> Int? {
    var i = start
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 { i += 1; continue }
      let width: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: width = 2
      case 0xE0: width = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: width = 3
      case 0xED: width = 3; high = 0x9F
      case 0xF0: width = 4; low = 0x90
      case 0xF1...0xF3: width = 4
      case 0xF4: width = 4; high = 0x8F
      default: return i
      }
      guard i + width <= n else { return i }
      let second = bytes[i + 1]
      guard second >= low && second <= high else { return i }
      for k in 2..<width where bytes[i + k] & 0xC0 != 0x80 { return i }
      i += width
    }
    return nil
  }

  /// 1-based line and column (in scalars) of `offset`.
  static func lineAndColumn(of offset: Int, in bytes: [UInt8], from start: Int) -> (Int, Int) {
    var line = 1
    var column = 1
    var i = start
    while i < offset {
      if bytes[i] == 0x0A {
        line += 1
        column = 1
      } else if bytes[i] & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return (line, column)
  }
}
