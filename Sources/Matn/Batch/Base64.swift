/// Base64 (RFC 4648) for bytes in JSON: written in the standard alphabet with padding;
/// read in the standard or the URL-safe alphabet, padding optional, line breaks and
/// spaces ignored (MIME-style wrapped text).
enum Base64 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
    table[Int(UInt8(ascii: "-"))] = 62
    table[Int(UInt8(ascii: "_"))] = 63
    return table
  }()

  static func encode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let count = min(3, bytes.count - index)
      let b0 = UInt32(bytes[index])
      let b1 = count > 1 ? UInt32(bytes[index + 1]) : 0
      let b2 = count > 2 ? UInt32(bytes[index + 2]) : 0
      let group = b0 << 16 | b1 << 8 | b2
      for position in 0..<4 {
        out.append(position <= count ? alphabet[Int((group >> (18 - 6 * UInt32(position))) & 0x3F)] : UInt8(ascii: "="))
      }
      index += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Why base64 text could not be read.
  struct Invalid: Error, CustomStringConvertible {
    var description: String
  }

  static func decode(_ text: some Collection<UInt8>) throws(Invalid) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.count / 4 * 3)
    var group: UInt32 = 0, filled = 0, padding = 0, offset = 0
    for byte in text {
      defer { offset += 1 }
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D: continue
      case UInt8(ascii: "="):
        padding += 1
        continue
      default: break
      }
      let value = values[Int(byte)]
      guard value != 0xFF else {
        throw Invalid(description: "a character that is not base64 at offset \(offset)")
      }
      guard padding == 0 else { throw Invalid(description: "base64 after padding at offset \(offset)") }
      group = group << 6 | UInt32(value)
      filled += 1
      if filled == 4 {
        out.append(UInt8(truncatingIfNeeded: group >> 16))
        out.append(UInt8(truncatingIfNeeded: group >> 8))
        out.append(UInt8(truncatingIfNeeded: group))
        group = 0
        filled = 0
      }
    }
    switch filled {
    case 0: break
    case 2: out.append(UInt8(truncatingIfNeeded: group >> 4))
    case 3:
      out.append(UInt8(truncatingIfNeeded: group >> 10))
      out.append(UInt8(truncatingIfNeeded: group >> 2))
    default: throw Invalid(description: "base64 of a length that holds no whole byte")
    }
    guard padding == 0 || (filled + padding) % 4 == 0 else { throw Invalid(description: "wrong base64 padding") }
    return out
  }
}
