import Testing

@testable import MatnICU

@Suite("Character properties")
struct CharacterPropertiesTests {
  @Test("paired brackets open and close each other; quotation marks are not brackets", arguments: [
    ("(", ")", BidiPairedBracketType.open), (")", "(", .close), ("[", "]", .open), ("}", "{", .close),
    ("「", "」", .open), ("》", "《", .close), ("«", "«", .none), ("“", "“", .none), ("a", "a", .none),
  ])
  func pairedBrackets(character: String, pair: String, type: BidiPairedBracketType) throws {
    let scalar = try #require(character.unicodeScalars.first)
    #expect(scalar.bidiPairedBracketType == type)
    #expect(String(scalar.bidiPairedBracket) == pair)
  }

  @Test("conformance with BidiBrackets.txt for every code point",
        .enabled(if: UnicodeData.available("BidiBrackets.txt"), UnicodeData.skipComment("BidiBrackets.txt")))
  func bidiBracketsFile() throws {
    let text = try #require(UnicodeData.contents(of: "BidiBrackets.txt"))
    var expected: [UInt32: (pair: UInt32, type: BidiPairedBracketType)] = [:]
    for raw in text.split(separator: "\n") {
      let fields = raw.prefix { $0 != "#" }.split(separator: ";").map { $0.filter { $0 != " " } }
      guard fields.count == 3 else { continue }
      let value = try #require(UInt32(fields[0], radix: 16))
      let pair = try #require(UInt32(fields[1], radix: 16))
      expected[value] = (pair, fields[2] == "o" ? .open : .close)
    }
    var failures = 0
    for value in UInt32(0)..<0x110000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let want = expected[value] ?? (value, .none)
      if scalar.bidiPairedBracketType != want.type || scalar.bidiPairedBracket.value != want.pair {
        failures += 1
        if failures < 10 { Issue.record("U+\(String(value, radix: 16)) expected \(want)") }
      }
    }
    print("BidiBrackets.txt: \(expected.count) brackets, \(failures) failures")
    #expect(expected.count > 100)
    #expect(failures == 0)
  }
}
