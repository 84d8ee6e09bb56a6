/// A 64-bit FNV-1a hash of a text's letters and digits, lower-cased (ASCII), with
/// Arabic ي ى → ی, ك → ک and Arabic-Indic and Persian digits → ASCII: equal for a raw
/// line and its normalised form, and for copies that differ in spacing, punctuation
/// or marks. What the duplicate pass and site boilerplate compare.
///
/// - Complexity: O(*n*); one table lookup per non-ASCII scalar.
enum TextKey {
  /// The hash, or 0 for a text with no letters or digits.
  static func hash(_ text: Substring) -> UInt64 {
    var hash = FNV.basis
    var empty = true
    let classes = ScalarClasses.shared
    var text = text
    text.withUTF8 { utf8 in
      var i = 0
      let n = utf8.count
      while i < n {
        let byte = utf8[i]
        var value: UInt32
        if byte < 0x80 {
          i += 1
          switch byte {
          case 0x41...0x5A: value = UInt32(byte) + 0x20
          case 0x30...0x39, 0x61...0x7A: value = UInt32(byte)
          default: continue
          }
        } else {
          // Valid UTF-8 (a Swift string).
          let (decoded, length) = ScalarScan.scalar(utf8, at: i)
          value = decoded
          i += length
          value = PersianFold.yehKaf(value)
          switch value {
          case 0x0660...0x0669: value = value - 0x0660 + 0x30
          case 0x06F0...0x06F9: value = value - 0x06F0 + 0x30
          case 0x0640: continue  // tatweel
          default:
            guard !classes(value).isDisjoint(with: [.letter, .digit]) else { continue }
          }
        }
        empty = false
        hash = FNV.step(hash, value)
      }
    }
    return empty ? 0 : hash
  }

  /// Letters and digits in `text`, up to `limit` (counting stops there).
  static func letterCount(_ text: Substring, limit: Int = .max) -> Int {
    var count = 0
    let classes = ScalarClasses.shared
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        if (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A || value >= 0x30 && value <= 0x39 { count += 1 }
      } else if !classes(value).isDisjoint(with: [.letter, .digit]) {
        count += 1
      }
      if count >= limit { break }
    }
    return count
  }
}
