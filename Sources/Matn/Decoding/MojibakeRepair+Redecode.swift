/// Re-decoding a stretch of text: its characters back to the bytes a charset gave them,
/// then those bytes as UTF-8 — allowing for what happens to mojibake on its way.
extension MojibakeRepair {
  /// A byte lost on the way: a decoder put U+FFFD for it (or a plain `?`).
  private static let lost: UInt16 = 0x100

  /// The text `s` re-encoded with `charset` and decoded as UTF-8, and the number of
  /// multi-byte sequences decoded; nil when a character has no byte in the charset or
  /// the bytes are not UTF-8 even with the allowances below.
  ///
  /// Allowances, each what a real pipeline does to mojibake:
  /// - CESU-8: a character beyond the BMP as two three-byte surrogates (`í\u{A0}½í¸€`);
  /// - a lost byte: U+FFFD (or `?`) where a continuation byte should be makes the
  ///   sequence U+FFFD — a two-byte one only next to a letter or other mojibake;
  /// - a space where byte A0 should be (a no-break space turned into a space): `Ã ` → à,
  ///   `â € ` → U+2800; after Ã a lone space is also kept as a space (`Ã la` → à la),
  ///   unless the next word is joined to à (see ``joinedAfterAGrave``).
  ///
  /// - Complexity: O(*n*).
  static func redecode(_ s: ArraySlice<UInt32>, _ charset: Charset) -> (scalars: [UInt32], sequences: Int)? {
    var bytes: [UInt16] = []
    bytes.reserveCapacity(s.count)
    for v in s {
      if v < 0x80 {
        bytes.append(UInt16(v))
      } else if v == 0xFFFD {
        bytes.append(lost)
      } else if let b = charset.bytes[v] {
        bytes.append(UInt16(b))
      } else {
        return nil
      }
    }
    var out: [UInt32] = []
    out.reserveCapacity(bytes.count)
    var sequences = 0
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b < 0x80 {
        out.append(UInt32(b))
        i += 1
        continue
      }
      if b == lost {
        out.append(0xFFFD)
        i += 1
        continue
      }
      guard b >= 0xC2 && b <= 0xF4 else { return nil }
      let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
      var value = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
      var damaged = false  // a byte of it was lost
      var spaced = false  // a space stood for A0
      var real = 0  // continuation bytes really there
      var k = 1
      while k < width {
        guard i + k < bytes.count else { return nil }
        let c = bytes[i + k]
        if c >= 0x80 && c <= 0xBF {
          real += 1
          value = value << 6 | UInt32(c & 0x3F)
        } else if c == lost || (c == 0x3F && !damaged && (width > 2 || b == 0xC2 || b == 0xC3)) {
          damaged = true
          value <<= 6
        } else if c == 0x20 && !spaced && spaceMayBeA0(lead: b, width: width, spelled: s[s.startIndex + i]) {
          spaced = true
          value = value << 6 | 0x20
        } else {
          return nil
        }
        k += 1
      }
      var end = i + width
      if damaged {
        // A lost byte: the sequence is U+FFFD. Two bytes are little evidence: only next
        // to a letter or other non-ASCII (SlovenÄ�ina, not a lone Ã�).
        if width == 2 {
          let before = i > 0 ? bytes[i - 1] : 0x20
          let next = end < bytes.count ? bytes[end] : 0x20
          guard isWordByte(before) || isWordByte(next) else { return nil }
        } else if real == 0 && width == 3 && !(bytes[i + 1] == lost) {
          return nil
        }
        out.append(0xFFFD)
        sequences += 1
        i = end
        continue
      }
      // CESU-8: a high surrogate then a low one make one supplementary character.
      if width == 3 && value >= 0xD800 && value <= 0xDBFF {
        guard end + 2 < bytes.count, bytes[end] == 0xED, bytes[end + 1] >= 0xB0 && bytes[end + 1] <= 0xBF,
          bytes[end + 2] >= 0x80 && bytes[end + 2] <= 0xBF
        else { return nil }
        let low = 0xDC00 | UInt32(bytes[end + 1] & 0x0F) << 6 | UInt32(bytes[end + 2] & 0x3F)
        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        end += 3
      }
      let minimum: UInt32 = width == 2 ? 0x80 : width == 3 ? 0x800 : 0x10000
      guard value >= minimum, value <= 0x10FFFF, !(value >= 0xD800 && value <= 0xDFFF),
        let scalar = Unicode.Scalar(value), acceptableInLayer(scalar)
      else { return nil }
      out.append(value)
      sequences += 1
      // à whose A0 became a space: the space usually stood for A0 and a space both
      // (`Ã la` was `à la`), unless a second space follows or the next word is one
      // that joins à.
      if spaced && width == 2 && value == 0xE0 {
        let next = end < bytes.count ? bytes[end] : 0x20
        if next != 0x20 && !joinsAGrave(bytes, from: end) { out.append(0x20) }
      }
      i = end
    }
    return (out, sequences)
  }

  /// Two-byte leads whose A0 continuation makes a common character: C2 A0 no-break
  /// space, C3 A0 à, C5 A0 Š, D0 A0 Р. Three-byte leads E0–E3 (Indic and Thai letters,
  /// punctuation, symbols, Braille, kana) and the four-byte lead F0 (emoji) take a space
  /// for any one continuation byte; leads E4 and up spell CJK ideographs and Hangul,
  /// which a space after a Latin letter never stood for (`é\u{85} ` is not 酠). The
  /// lead must be spelled with a letter (Ã, â, Ð): a dash or symbol before a space
  /// (MacRoman's – is D0) is punctuation.
  private static func spaceMayBeA0(lead: UInt16, width: Int, spelled: UInt32) -> Bool {
    guard let scalar = Unicode.Scalar(spelled), scalar.properties.isAlphabetic else { return false }
    switch width {
    case 2: return lead == 0xC2 || lead == 0xC3 || lead == 0xC5 || lead == 0xD0
    case 3: return lead <= 0xE3
    default: return lead == 0xF0
    }
  }

  private static func isWordByte(_ b: UInt16) -> Bool {
    b >= 0x80 || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
  }

  /// Words written as one with à before them (Portuguese às, àquele, àquela, àquilo…):
  /// after `Ã `, these take the space as the lost A0, where other words keep it.
  static let joinedAfterAGrave: [[UInt8]] = ["s", "quele", "queles", "quela", "quelas", "quilo", "quilos"].map {
    Array($0.utf8)
  }

  private static func joinsAGrave(_ bytes: [UInt16], from start: Int) -> Bool {
    var end = start
    while end < bytes.count, (bytes[end] >= 0x61 && bytes[end] <= 0x7A) { end += 1 }
    // The word must end there (a space or punctuation after it; not `s'` elided).
    if end < bytes.count && (bytes[end] == 0x27 || bytes[end] >= 0x80) { return false }
    let word = bytes[start..<end].map { UInt8($0) }
    return joinedAfterAGrave.contains(word)
  }

  /// A decoded character an intermediate layer may hold: anything assigned, including
  /// C1 controls (the next layer or the windows-1252 pass turns them into punctuation).
  private static func acceptableInLayer(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .unassigned, .privateUse, .surrogate: return false
    default: return !scalar.properties.isNoncharacterCodePoint
    }
  }
}
