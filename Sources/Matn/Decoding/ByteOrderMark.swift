/// Byte order marks (Unicode §23.8), longest first: UTF-32 LE starts like UTF-16 LE.
enum ByteOrderMark {
  private static let marks: [([UInt8], DecodedText.Encoding)] = [
    ([0x00, 0x00, 0xFE, 0xFF], .utf32BE),
    ([0xFF, 0xFE, 0x00, 0x00], .utf32LE),
    ([0xEF, 0xBB, 0xBF], .utf8),
    ([0xFE, 0xFF], .utf16BE),
    ([0xFF, 0xFE], .utf16LE),
  ]

  /// The encoding a leading byte order mark names, and the mark's length.
  static func detect(_ bytes: [UInt8]) -> (DecodedText.Encoding, Int)? {
    for (mark, encoding) in marks where bytes.starts(with: mark) {
      return (encoding, mark.count)
    }
    return nil
  }
}

/// Recognises UTF-16 without a byte order mark by its shape: in the text Matn reads,
/// the high byte of each code unit is nearly always one of a few values (00 Latin,
/// 03 Greek, 04 Cyrillic, 05 Hebrew, 06 Arabic script, 20 punctuation and ZWNJ, FB/FE
/// presentation forms), while the low bytes vary. Checked on the first 8 KiB (at least
/// eight code units), and only accepted when the whole input decodes without unpaired
/// surrogates — or, with `tolerant`, with at most one code unit in a hundred unpaired
/// (those become U+FFFD, located).
enum UTF16Shape {
  /// The byte order and a confidence in 0...1, or nil when the bytes do not look like
  /// UTF-16 text. `tolerant` admits a few unpaired surrogates: for bytes that are not
  /// UTF-8 anyway, where the alternative is rejecting them as binary.
  static func detect(_ bytes: [UInt8], tolerant: Bool = false) -> (DecodedText.Encoding, Double)? {
    guard bytes.count >= 16, bytes.count % 2 == 0 else { return nil }
    let sample = bytes.prefix(8192)
    let le = score(sample, highOffset: 1), be = score(sample, highOffset: 0)
    let (encoding, best) = le >= be ? (DecodedText.Encoding.utf16LE, le) : (.utf16BE, be)
    guard best >= 0.8, let unpaired = unpairedSurrogates(bytes, bigEndian: encoding == .utf16BE),
      unpaired == 0 || tolerant && unpaired * 100 <= bytes.count / 2
    else { return nil }
    return (encoding, best)
  }

  /// Share of code units whose high byte is one of the text-like values, with low bytes
  /// that are not mostly NUL.
  private static func score(_ sample: ArraySlice<UInt8>, highOffset: Int) -> Double {
    var highs = [Int](repeating: 0, count: 256)
    var lowZero = 0
    var units = 0
    var i = sample.startIndex
    while i + 1 < sample.endIndex {
      highs[Int(sample[i + highOffset])] += 1
      if sample[i + 1 - highOffset] == 0 { lowZero += 1 }
      units += 1
      i += 2
    }
    guard units > 0, lowZero * 4 < units else { return 0 }
    let textual = [0x00, 0x03, 0x04, 0x05, 0x06, 0x20, 0xFB, 0xFE].reduce(0) { $0 + highs[$1] }
    return Double(textual) / Double(units)
  }

  /// How many code units are unpaired surrogates; nil for U+FFFE/U+FFFF (byte-swapped
  /// marks) anywhere.
  private static func unpairedSurrogates(_ bytes: [UInt8], bigEndian: Bool) -> Int? {
    var i = 0
    var expectTrail = false
    var unpaired = 0
    while i + 1 < bytes.count {
      let unit = bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
      switch unit {
      case 0xD800...0xDBFF:
        if expectTrail { unpaired += 1 }
        expectTrail = true
      case 0xDC00...0xDFFF:
        if !expectTrail { unpaired += 1 }
        expectTrail = false
      case 0xFFFE, 0xFFFF:
        return nil
      default:
        if expectTrail { unpaired += 1 }
        expectTrail = false
      }
      i += 2
    }
    return unpaired + (expectTrail ? 1 : 0)
  }
}
