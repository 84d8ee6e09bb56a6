/// Telling UTF-8 with a few damaged sequences from a legacy charset, and locating the
/// damage. Well-formedness itself is ``UTF8Scan``'s.
enum DamagedUTF8 {
  /// How many well-formed multi-byte sequences `bytes` hold, how many bytes they take,
  /// and how many bytes are not ASCII and in no well-formed sequence.
  ///
  /// - Complexity: O(*n*): the scan resumes after each ill-formed byte.
  static func shape(of bytes: UnsafeBufferPointer<UInt8>) -> (validMultibyte: Int, validBytes: Int, invalid: Int) {
    var valid = 0, validBytes = 0, invalid = 0
    var start = 0
    while start < bytes.count {
      let rest = UnsafeBufferPointer(rebasing: bytes[start...])
      let end = UTF8Scan.scan(rest).firstInvalid.map { start + $0 } ?? bytes.count
      for i in start..<end where bytes[i] >= 0x80 {
        validBytes += 1
        if bytes[i] >= 0xC0 { valid += 1 }
      }
      if end < bytes.count { invalid += 1 }
      start = end + 1
    }
    return (valid, validBytes, invalid)
  }

  /// Whether bytes that are not all UTF-8 are UTF-8 with a few damaged sequences rather
  /// than a legacy charset: ten well-formed multi-byte sequences for each ill-formed
  /// one, or — with two well-formed sequences at least — four bytes in them for each
  /// ill-formed one. In windows-1256 or ISO-8859-6 text some letter pairs happen to be
  /// well-formed UTF-8, but far fewer bytes than the ill-formed ones (at most 2.5 to 1
  /// over 2,400 Persian and Arabic samples of 8–512 characters with any such pair); an
  /// English UTF-8 file with curly quotes and one stray byte has 6 to 1.
  static func isDamaged(_ bytes: [UInt8]) -> Bool {
    let shape = bytes.withUnsafeBufferPointer { Self.shape(of: $0) }
    guard shape.validMultibyte > 0 else { return false }
    return shape.invalid * 10 <= shape.validMultibyte
      || (shape.validMultibyte >= 2 && shape.validBytes >= 4 * shape.invalid)
  }

  /// Where the first ill-formed sequence of `bytes` starts: its offset, and its 1-based
  /// line and column (in scalars); offset 0, line 1, column 1 if there is none.
  static func firstDamage(in bytes: [UInt8]) -> (offset: Int, line: Int, column: Int) {
    let offset = bytes.withUnsafeBufferPointer { UTF8Scan.scan($0).firstInvalid } ?? 0
    var line = 1
    var column = 1
    for b in bytes[..<offset] {
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (offset, line, column)
  }
}
