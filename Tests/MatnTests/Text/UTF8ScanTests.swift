import TestSupport
import Testing

@testable import Matn

@Suite("UTF8Scan")
struct UTF8ScanTests {
  /// The standard library's own parser as the oracle: offset of the first error.
  static func reference(_ bytes: [UInt8]) -> (invalid: Int?, nul: Int?) {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    var nul: Int? = nil
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        if encoded.count == 1 && encoded.first == 0 && nul == nil { nul = offset }
        offset += encoded.count
      case .error:
        return (offset, nul)
      case .emptyInput:
        return (nil, nul)
      }
    }
  }

  @Test("agrees with the standard library's parser on random text, valid and damaged")
  func randomAgreement() {
    // Pieces of every width, the sequences the vector path treats specially (E0, ED,
    // E2 80 8C), and damage: stray continuations, truncations, overlongs, surrogates.
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array(" ".utf8), Array("é".utf8), Array("س".utf8), Array("ی".utf8), Array("\u{200C}".utf8),
      Array("—".utf8), Array("€".utf8), Array("😀".utf8), Array("\u{0800}".utf8), Array("\u{D7FF}".utf8),
      Array("\u{FFFD}".utf8), Array("Tehran ".utf8), Array("تهران ".utf8), [0x00],
      [0x80], [0xC3], [0xE2, 0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE0, 0x9F, 0x80],
    ]
    var generator = SplitMix64(seed: 2026)
    for round in 0..<20_000 {
      let count = Int(generator.next() % 40)
      let damaged = round % 3 == 0
      var bytes: [UInt8] = []
      for _ in 0..<count {
        let index = Int(generator.next() % UInt64(damaged ? pieces.count : pieces.count - 9))
        bytes += pieces[index]
      }
      let expected = Self.reference(bytes)
      let actual = bytes.withUnsafeBufferPointer { UTF8Scan.scan($0) }
      #expect(actual.firstInvalid == expected.invalid, "\(bytes)")
      #expect(actual.firstNUL == expected.nul, "\(bytes)")
    }
  }

  /// The mojibake pre-check, one scalar at a time (no vector skips): the oracle for the
  /// C scan's sixteen-byte paths over ASCII and Arabic-script runs.
  static func referenceSuspect(_ text: String, classes: [UInt8]) -> Int? {
    var previous: [(cls: UInt8, start: Int)] = [(0, 0), (0, 0), (0, 0)]  // c1, c2, c3
    var offset = 0
    for scalar in text.unicodeScalars {
      let v = Int(scalar.value)
      defer { offset += UTF8.width(scalar) }
      if v < 0x80 {
        if v == 0x20 && previous[0].cls & 32 != 0 { return previous[0].start }  // Ã before a space
        previous = [(0, 0), (0, 0), (0, 0)]
        continue
      }
      if v <= 0x9F { return offset }
      let cls = v < 0x10000 ? classes[v] : 0
      let (c1, c2, c3) = (previous[0].cls, previous[1].cls, previous[2].cls)
      if cls & 2 != 0 {
        let arabic = cls & 4 != 0
        if c1 & 1 != 0 && !(arabic && c1 & 4 != 0) { return previous[0].start }
        if c2 & 8 != 0 && c1 & 2 != 0 && !(arabic && c1 & 4 != 0 && c2 & 4 != 0) { return previous[1].start }
        if c3 & 16 != 0 && c2 & 2 != 0 && c1 & 2 != 0 && !(arabic && c1 & 4 != 0 && c2 & 4 != 0 && c3 & 4 != 0) {
          return previous[2].start
        }
      }
      previous = [(cls, offset), previous[0], previous[1]]
    }
    return nil
  }

  @Test("the mojibake pre-check agrees with a scalar-by-scalar scan on long ASCII and Arabic-script runs")
  func suspectAgreement() {
    // Arabic-script characters (class 4) with every lead and continuation class, and
    // non-Arabic ones that make suspects next to them.
    var classes = [UInt8](repeating: 0, count: 0x10000)
    let classed: [(String, UInt8)] = [
      ("س", 4 | 1), ("ل", 4 | 8), ("پ", 4 | 2), ("\u{064B}", 4 | 16), ("ی", 4 | 2 | 1), ("\u{200C}", 4 | 2), ("«", 4 | 2),
      ("»", 4 | 2), ("ت", 4 | 1), ("ه", 4 | 2), ("Ø", 1), ("³", 2), ("â", 8), ("€", 2), ("ð", 16), ("\u{00AD}", 2),
      ("’", 2), ("Ã", 1 | 32),
    ]
    for (text, cls) in classed { classes[Int(text.unicodeScalars.first!.value)] = cls }
    let common = ["س", "ل", "پ", "\u{064B}", "ی", "\u{200C}", "«", "»", "ت", "ه", "ر", "ا", "ن", " ", "a", "۱", "Tehran reported today "]
    let rare = ["Ø", "³", "â", "€", "ð", "\u{00AD}", "’", "é", "\u{0085}", "😀", "—", "Ã"]
    var generator = SplitMix64(seed: 1256)
    var suspects = 0
    for _ in 0..<20_000 {
      var text = ""
      for _ in 0..<Int(generator.next() % 80) {
        text +=
          generator.next() % 40 == 0
          ? rare[Int(generator.next() % UInt64(rare.count))]
          : common[Int(generator.next() % UInt64(common.count))]
      }
      let expected = Self.referenceSuspect(text, classes: classes)
      if expected != nil { suspects += 1 }
      var copy = text
      let actual = classes.withUnsafeBufferPointer { table in
        copy.withUTF8 { UTF8Scan.firstMojibakeSuspect($0, classes: table.baseAddress!) }
      }
      #expect(actual == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    #expect(suspects > 1_000 && suspects < 19_000)
  }

  @Test("empty input is valid")
  func empty() {
    let result = [UInt8]().withUnsafeBufferPointer { UTF8Scan.scan($0) }
    #expect(result.firstInvalid == nil && result.firstNUL == nil)
  }

  /// The bytes the long-text cut scan looks at, one by one.
  static func segmentStop(_ b: [UInt8], _ i: Int, spacesFrom: Int) -> Bool {
    if [0x0A, 0x0D, 0x22, 0xC2, 0xE2].contains(b[i]) { return true }
    guard b[i] == 0x20, i >= spacesFrom, i + 1 < b.count else { return false }
    let next = b[i + 1] | 0x20
    return next >= 0x61 && next <= 0x7A
  }

  @Test("the long-text cut scan stops where a byte-by-byte scan stops, sixteen bytes a step or not")
  func segmentStopsAgree() {
    var generator = SplitMix64(seed: 23)
    // Persian letters (two bytes), ZWNJ and curly quotes (E2 …), « » (C2 …), spaces
    // before Latin and other letters, line breaks, straight quotes, digits.
    let pieces: [[UInt8]] = [
      Array("ب".utf8), Array("ی".utf8), Array("\u{200C}".utf8), [0x20], [0x20, 0x61], [0x20, 0x5A], [0x20, 0x40],
      [0x0A], [0x0D], [0x22], Array("«".utf8), Array("“".utf8), [0x31], [0x20, 0x7B], [0x20, 0x60],
    ]
    for round in 0..<400 {
      var bytes: [UInt8] = []
      let count = Int(generator.next() % 120)
      for _ in 0..<count {
        // Mostly letters and spaces: long stretches the vector step skips.
        let k = Int(generator.next() % 40)
        bytes += k < 30 ? pieces[k % 3] : pieces[3 + Int(generator.next() % UInt64(pieces.count - 3))]
      }
      let spacesFrom = round % 3 == 0 ? 0 : Int(generator.next() % UInt64(bytes.count + 2))
      var from = 0
      while from <= bytes.count {
        let found = bytes.withUnsafeBufferPointer { UTF8Scan.nextSegmentStop($0, from: from, spacesFrom: spacesFrom) }
        var expected = from
        while expected < bytes.count && !Self.segmentStop(bytes, expected, spacesFrom: spacesFrom) { expected += 1 }
        #expect(found == expected, "round \(round), from \(from)")
        from = max(found, from) + 1
      }
    }
  }
}
