import TestSupport
import Testing

@testable import Matn

/// The C kernels of ``ScalarScan`` against plain Swift references, on random text that
/// mixes every UTF-8 width, long ASCII stretches (the 16-byte steps) and the lengths
/// around the vector widths.
@Suite("ScalarScan")
struct ScalarScanTests {
  static let pieces: [String] = [
    "a", " ", "\n", "é", "س", "ی", "ي", "\u{200C}", "—", "€", "😀", "\u{0800}", "\u{FFFD}", "\u{10FFFF}",
    "Tehran is the capital. ", "تهران ", "۱۲۳", "\u{1EE00}", "  ",
  ]

  static func randomText(_ generator: inout SplitMix64) -> String {
    let count = Int(generator.next() % 48)
    return (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
  }

  /// A small table: bit 1 for ASCII letters, 2 for spaces, 4 for Arabic letters,
  /// 8 for ZWNJ (and every supplementary scalar has all bits).
  static let table = ScalarScan.Table { v in
    var bits: UInt16 = 0
    if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { bits |= 1 }
    if v == 0x20 { bits |= 2 }
    if (0x0621...0x064A).contains(v) || v == 0x06CC { bits |= 4 }
    if v == 0x200C { bits |= 8 }
    return bits
  }

  static func bits(_ scalars: [UInt32]) -> [UInt16] {
    var out = [UInt16](repeating: 0, count: scalars.count)
    scalars.withUnsafeBufferPointer { s in out.withUnsafeMutableBufferPointer { table.lookUp(s, into: $0.baseAddress!) } }
    return out
  }

  @Test("decode and encode agree with the standard library")
  func utf8RoundTrip() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<5_000 {
      var text = Self.randomText(&generator)
      let expected = text.unicodeScalars.map(\.value)
      let decoded: [UInt32] = text.withUTF8 { utf8 in
        [UInt32](unsafeUninitializedCapacity: max(utf8.count, 1)) { out, count in
          var bits = [UInt16](repeating: 0, count: max(utf8.count, 1))
          count = bits.withUnsafeMutableBufferPointer { Self.table.decode(utf8, into: out.baseAddress!, bits: $0.baseAddress!) }
        }
      }
      #expect(decoded == expected, "\(text.debugDescription)")
      let encoded: [UInt8] = decoded.withUnsafeBufferPointer { s in
        [UInt8](unsafeUninitializedCapacity: max(s.count * 4, 1)) { out, count in
          count = ScalarScan.encode(s, into: out.baseAddress!)
        }
      }
      #expect(encoded == Array(text.utf8))
    }
  }

  @Test("fixed-width code units decode (with their bits) and encode as the standard library does")
  func unitsRoundTrip() {
    var generator = SplitMix64(seed: 11)
    for _ in 0..<5_000 {
      let text = Self.randomText(&generator)
      let scalars = text.unicodeScalars.map(\.value)
      let most = scalars.max() ?? 0
      for width in [1, 2, 4] where width == 4 || most < 1 << (8 * UInt32(width)) {
        var units: [UInt8] = []
        for v in scalars { for k in 0..<width { units.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) } }
        units.append(contentsOf: [0, 0, 0, 0])  // a pointer even for no text
        let count = scalars.count
        let (decoded, bits): ([UInt32]?, [UInt16]) = units.withUnsafeBytes { raw in
          var bits = [UInt16](repeating: 0, count: max(count, 1))
          var n: Int? = nil
          let out = [UInt32](unsafeUninitializedCapacity: max(count, 1)) { out, outCount in
            n = bits.withUnsafeMutableBufferPointer {
              Self.table.decode(units: raw.baseAddress!, count: count, width: width, into: out.baseAddress!, bits: $0.baseAddress!)
            }
            outCount = n ?? 0
          }
          return (n == nil ? nil : out, Array(bits.prefix(count)))
        }
        #expect(decoded == scalars, "width \(width): \(text.debugDescription)")
        #expect(bits == Self.bits(scalars))
        let encoded: [UInt8]? = units.withUnsafeBytes { raw in
          var length: Int? = nil
          let out = [UInt8](unsafeUninitializedCapacity: max(count * 4, 1)) { out, outCount in
            length = ScalarScan.encode(units: raw.baseAddress!, count: count, width: width, into: out.baseAddress!)
            outCount = length ?? 0
          }
          return length == nil ? nil : out
        }
        #expect(encoded == Array(text.utf8), "width \(width): \(text.debugDescription)")
      }
    }
  }

  @Test("code units that are no scalar value are refused by decoding and encoding")
  func unitsRefused() {
    var out = [UInt32](repeating: 0, count: 40)
    var bits = [UInt16](repeating: 0, count: 40)
    var bytes = [UInt8](repeating: 0, count: 160)
    // The bad unit in the vector steps' range and in the tail.
    for at in [0, 5, 20, 39] {
      for (width, bad) in [(2, UInt32(0xD800)), (2, 0xDFFF), (4, 0xDC00), (4, 0x110000)] {
        var units: [UInt8] = []
        for k in 0..<40 {
          let v = k == at ? bad : (k % 3 == 0 ? 0x20 : 0x628)
          for b in 0..<width { units.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(b)))) }
        }
        units.withUnsafeBytes { raw in
          let decoded = out.withUnsafeMutableBufferPointer { o in
            bits.withUnsafeMutableBufferPointer {
              Self.table.decode(units: raw.baseAddress!, count: 40, width: width, into: o.baseAddress!, bits: $0.baseAddress!)
            }
          }
          #expect(decoded == nil, "U+\(String(bad, radix: 16)) at \(at), width \(width)")
          let encoded = bytes.withUnsafeMutableBufferPointer {
            ScalarScan.encode(units: raw.baseAddress!, count: 40, width: width, into: $0.baseAddress!)
          }
          #expect(encoded == nil)
        }
      }
    }
  }

  @Test("decoding with the table's bits agrees with decoding, then looking up")
  func decodeWithBits() {
    var generator = SplitMix64(seed: 11)
    // Persian runs (one-byte spaces between two-byte letters, the sixteen-byte steps)
    // broken by every other width.
    let persian = ["کتاب ", "های ", "می", "\u{200C}", "تهران، ", "۱۴۰۲ ", "«ما» ", "a", "😀", "\u{0800}", "ـ", "\u{07FF}"]
    for round in 0..<5_000 {
      var text =
        round % 2 == 0
        ? Self.randomText(&generator)
        : (0..<Int(generator.next() % 40)).map { _ in persian[Int(generator.next() % UInt64(persian.count))] }.joined()
      let expected = text.unicodeScalars.map(\.value)
      var bits: [UInt16] = []
      let decoded: [UInt32] = text.withUTF8 { utf8 in
        [UInt32](unsafeUninitializedCapacity: max(utf8.count, 1)) { out, count in
          bits = [UInt16](unsafeUninitializedCapacity: max(utf8.count, 1)) { b, bitsCount in
            bitsCount = Self.table.decode(utf8, into: out.baseAddress!, bits: b.baseAddress!)
          }
          count = bits.count
        }
      }
      #expect(decoded == expected, "\(text.debugDescription)")
      #expect(bits == Self.bits(expected), "\(text.debugDescription)")
      let encoded: [UInt8] = decoded.withUnsafeBufferPointer { s in
        [UInt8](unsafeUninitializedCapacity: max(s.count * 4, 1)) { out, count in
          count = ScalarScan.encode(s, into: out.baseAddress!)
        }
      }
      #expect(encoded == Array(text.utf8), "\(text.debugDescription)")
    }
  }

  @Test("the table gives BMP scalars their own bits and supplementary scalars all bits")
  func tableLookup() {
    #expect(Self.table[0x61] == 1)
    #expect(Self.table[0x0633] == 4)
    #expect(Self.table[0x3000] == 0)
    #expect(Self.table[0x1F600] == 0xFFFF)
    #expect(Self.bits([0x61, 0x20, 0x1F600, 0x0633]) == [1, 2, 0xFFFF, 4])
  }

  /// Where the scan must stop, the slow way.
  static func referenceNext(_ s: [UInt32], _ b: [UInt16], from: Int, _ stops: ScalarScan.Stops) -> Int {
    var j = max(from, 0)
    while j < s.count {
      let before: UInt16 = j > 0 ? b[j - 1] : 0xFFFF
      let after: UInt16 = j + 1 < s.count ? b[j + 1] : 0xFFFF
      if b[j] & stops.stop != 0 { return j }
      if b[j] & stops.context != 0 {
        if (before | after) & stops.neighbours != 0 { return j }
        if stops.repeats && j + 1 < s.count && s[j + 1] == s[j] { return j }
      }
      j += 1
    }
    return s.count
  }

  @Test(
    "next(bits:scalars:from:_:) stops exactly where the rules say",
    arguments: [
      ScalarScan.Stops(stop: 8),
      ScalarScan.Stops(stop: 1),
      ScalarScan.Stops(stop: 0, context: 2, neighbours: 2 | 8),
      ScalarScan.Stops(stop: 8, context: 4, neighbours: 8, repeats: true),
      ScalarScan.Stops(stop: 0, context: 4, neighbours: 0, repeats: true),
    ])
  func nextAgreesWithReference(_ stops: ScalarScan.Stops) {
    var generator = SplitMix64(seed: 11)
    for _ in 0..<3_000 {
      let s = Self.randomText(&generator).unicodeScalars.map(\.value)
      let b = Self.bits(s)
      let from = s.isEmpty ? 0 : Int(generator.next() % UInt64(s.count + 1))
      let got = b.withUnsafeBufferPointer { bp in
        s.withUnsafeBufferPointer { sp in ScalarScan.next(bits: bp, scalars: sp, from: from, stops) }
      }
      #expect(got == Self.referenceNext(s, b, from: from, stops), "\(s) from \(from)")
    }
  }

  /// A random text's scalars and their token bits; a long one is seven texts.
  static func tokenText(_ generator: inout SplitMix64, long: Bool) -> (scalars: [UInt32], bits: [UInt16]) {
    var text = randomText(&generator)
    if long { for _ in 0..<6 { text += randomText(&generator) } }
    let s = text.unicodeScalars.map(\.value)
    return (s, bits(s))
  }

  @Test("forEachToken finds every run of token scalars with its counts, across 64-scalar blocks")
  func tokensAgreeWithReference() {
    var generator = SplitMix64(seed: 13)
    let mask: UInt16 = 4 | 8, count: UInt16 = 4, skip: UInt16 = 8
    for round in 0..<3_000 {
      // Every tenth text is long, so that tokens straddle the 64-scalar blocks.
      let (s, b) = Self.tokenText(&generator, long: round % 10 == 0)
      var expected: [ScalarScan.Token] = []
      var k = 0
      while k < s.count {
        guard b[k] & mask != 0 else {
          k += 1
          continue
        }
        var token = ScalarScan.Token(range: k..<k)
        var end = k
        while end < s.count && b[end] & mask != 0 {
          if b[end] & count != 0 { token.counted += 1 }
          if b[end] & skip != 0 { token.skipped += 1 }
          end += 1
        }
        token.range = k..<end
        expected.append(token)
        k = end
      }
      let from = s.isEmpty ? 0 : Int(generator.next() % UInt64(s.count))
      var got: [ScalarScan.Token] = []
      b.withUnsafeBufferPointer { bp in
        ScalarScan.forEachToken(bits: bp, in: 0..<s.count, tokenMask: mask, countMask: count, skipMask: skip) { token in
          got.append(token)
          return nil
        }
      }
      #expect(got == expected, "\(s)")
      // From an arbitrary start, the same tokens (the first one cut at the start).
      var fromStart: [ScalarScan.Token] = []
      b.withUnsafeBufferPointer { bp in
        ScalarScan.forEachToken(bits: bp, in: from..<s.count, tokenMask: mask) { token in
          fromStart.append(token)
          return nil
        }
      }
      #expect(
        fromStart.map(\.range)
          == expected.compactMap { t in
            t.range.upperBound <= from ? nil : max(t.range.lowerBound, from)..<t.range.upperBound
          })
    }
  }

  @Test("forEachToken gives the same tokens whatever its batch", arguments: [1, 2, 16, 63])
  func tokensInBatches(batch: Int) {
    var generator = SplitMix64(seed: 17)
    let mask: UInt16 = 4 | 8, count: UInt16 = 4, skip: UInt16 = 8
    for round in 0..<500 {
      let (s, b) = Self.tokenText(&generator, long: round % 5 == 0)
      var whole: [ScalarScan.Token] = [], batched: [ScalarScan.Token] = [], stopped: [ScalarScan.Token] = []
      b.withUnsafeBufferPointer { bp in
        ScalarScan.forEachToken(bits: bp, in: 0..<s.count, tokenMask: mask, countMask: count, skipMask: skip) {
          whole.append($0)
          return nil
        }
        ScalarScan.forEachToken(
          bits: bp, in: 0..<s.count, tokenMask: mask, countMask: count, skipMask: skip, batch: batch
        ) {
          batched.append($0)
          return nil
        }
        // Stopping after three tokens stops whatever the batch found ahead.
        ScalarScan.forEachToken(bits: bp, in: 0..<s.count, tokenMask: mask, batch: batch) {
          stopped.append($0)
          return stopped.count == 3 ? Int.max : nil
        }
      }
      #expect(batched == whole)
      #expect(stopped.map(\.range) == whole.prefix(3).map(\.range))
    }
  }

  @Test("forEachToken resumes where the body asks, and stops")
  func tokensResume() {
    // «سلام دنیا» three times: restarting inside the first word yields its tail.
    let s = Array(repeating: "سلام دنیا ", count: 3).joined().unicodeScalars.map(\.value)
    let b = Self.bits(s)
    var ranges: [Range<Int>] = []
    b.withUnsafeBufferPointer { bp in
      ScalarScan.forEachToken(bits: bp, in: 0..<s.count, tokenMask: 4) { token in
        ranges.append(token.range)
        if ranges.count == 1 { return 2 }
        return ranges.count == 3 ? Int.max : nil
      }
    }
    #expect(ranges == [0..<4, 2..<4, 5..<9])

    // More tokens than one call of the kernel returns (64).
    let many = Array(repeating: "سلام دنیا ", count: 150).joined().unicodeScalars.map(\.value)
    var count = 0
    var lastEnd = 0
    Self.bits(many).withUnsafeBufferPointer { bp in
      ScalarScan.forEachToken(bits: bp, in: 0..<many.count, tokenMask: 4) { token in
        count += 1
        lastEnd = token.range.upperBound
        return nil
      }
    }
    #expect(count == 300)
    #expect(lastEnd == many.count - 1)
  }
}
