import MatnICU

/// For every BMP scalar, its lowercase mapping when that is one alphabetic scalar, 0
/// when it is one scalar that is not alphabetic, ``expands`` when it is several
/// scalars. Built once.
struct LowercaseLetterTable: @unchecked Sendable {
  static let expands = UInt32.max
  private let table: UnsafePointer<UInt32>

  static let shared: LowercaseLetterTable = {
    let table = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
    for v in 0..<0x10000 {
      // Han ideographs and Hangul syllables are letters without case; surrogates and
      // private use are not letters: no need to ask (this runs at start-up).
      switch v {
      case 0x4E00...0x9FFF, 0xAC00...0xD7A3:
        table[v] = UInt32(v)
        continue
      case 0xD800...0xF8FF:
        table[v] = 0
        continue
      default: break
      }
      guard let scalar = Unicode.Scalar(UInt32(v)) else {
        table[v] = 0
        continue
      }
      let properties = scalar.properties
      guard properties.changesWhenLowercased else {
        table[v] = properties.isAlphabetic ? UInt32(v) : 0
        continue
      }
      let lower = properties.lowercaseMapping.unicodeScalars
      if lower.count == 1, let m = lower.first {
        table[v] = m.properties.isAlphabetic ? m.value : 0
      } else {
        table[v] = expands
      }
    }
    return LowercaseLetterTable(table: UnsafePointer(table))
  }()

  subscript(_ v: Int) -> UInt32 { table[v] }
}
