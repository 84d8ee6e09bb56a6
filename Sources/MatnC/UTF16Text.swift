/// UTF-16 in and out (matn.h, `matn_clean_utf16`), for hosts whose strings are UTF-16
/// or hold code points: CPython encodes a str of non-Latin text to UTF-16 four times
/// faster than to UTF-8 and decodes one from it eight times faster, so a long text
/// crosses in UTF-16 and is transcoded here, in one loop over its code units each way.
enum UTF16Text {
  /// The UTF-8 of `units`, appended to `out` (reserved for the worst case first), or the
  /// offset of the first unpaired surrogate.
  ///
  /// - Complexity: O(*n*), one pass.
  static func utf8(_ units: UnsafeBufferPointer<UInt16>, into out: inout [UInt8]) -> Int? {
    let count = units.count
    var failure: Int? = nil
    out = [UInt8](unsafeUninitializedCapacity: count * 3) { buffer, written in
      guard let base = buffer.baseAddress else { return }
      var o = 0
      var i = 0
      while i < count {
        let u = units[i]
        if u < 0x80 {
          base[o] = UInt8(truncatingIfNeeded: u)
          o += 1
          i += 1
        } else if u < 0x800 {
          base[o] = UInt8(truncatingIfNeeded: 0xC0 | (u >> 6))
          base[o + 1] = UInt8(truncatingIfNeeded: 0x80 | (u & 0x3F))
          o += 2
          i += 1
        } else if u & 0xF800 != 0xD800 {
          base[o] = UInt8(truncatingIfNeeded: 0xE0 | (u >> 12))
          base[o + 1] = UInt8(truncatingIfNeeded: 0x80 | ((u >> 6) & 0x3F))
          base[o + 2] = UInt8(truncatingIfNeeded: 0x80 | (u & 0x3F))
          o += 3
          i += 1
        } else {
          // A surrogate: a high one followed by a low one, or an error.
          guard u < 0xDC00, i + 1 < count, units[i + 1] & 0xFC00 == 0xDC00 else {
            failure = i
            break
          }
          let scalar = 0x10000 + ((UInt32(u) & 0x3FF) << 10) + (UInt32(units[i + 1]) & 0x3FF)
          base[o] = UInt8(truncatingIfNeeded: 0xF0 | (scalar >> 18))
          base[o + 1] = UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 12) & 0x3F))
          base[o + 2] = UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 6) & 0x3F))
          base[o + 3] = UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F))
          o += 4
          i += 2
        }
      }
      written = o
    }
    return failure
  }
}

extension Output {
  /// Appends valid UTF-8 `string` as UTF-16 code units in native byte order.
  ///
  /// - Complexity: O(*n*), one pass.
  mutating func writeUTF16(_ string: String) {
    var string = string
    string.withUTF8 { utf8 in
      // A byte of UTF-8 never makes more than one code unit (four make two).
      guard let out = reserveRaw(utf8.count * 2) else { return }
      let n = utf8.count
      var i = 0
      var o = 0
      while i < n {
        let b = utf8[i]
        let unit: UInt32
        if b < 0x80 {
          unit = UInt32(b)
          i += 1
        } else if b < 0xE0 {
          unit = UInt32(b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
          i += 2
        } else if b < 0xF0 {
          unit = UInt32(b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
          i += 3
        } else {
          let scalar =
            (UInt32(b & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
              | UInt32(utf8[i + 3] & 0x3F)) - 0x10000
          out.storeBytes(of: UInt16(truncatingIfNeeded: 0xD800 + (scalar >> 10)), toByteOffset: o, as: UInt16.self)
          o += 2
          unit = 0xDC00 + (scalar & 0x3FF)
          i += 4
        }
        out.storeBytes(of: UInt16(truncatingIfNeeded: unit), toByteOffset: o, as: UInt16.self)
        o += 2
      }
      advance(by: o)
    }
  }
}
