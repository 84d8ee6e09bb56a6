import TestSupport
import Testing

@testable import MatnICU

@Suite("Character properties")
struct CharacterPropertiesTests {
  @Test(
    "paired brackets open and close each other; quotation marks are not brackets",
    arguments: [
      ("(", ")", BidiPairedBracketType.open), (")", "(", .close), ("[", "]", .open), ("}", "{", .close),
      ("「", "」", .open), ("》", "《", .close), ("«", "«", .none), ("“", "“", .none), ("a", "a", .none),
    ])
  func pairedBrackets(character: String, pair: String, type: BidiPairedBracketType) throws {
    let scalar = try #require(character.unicodeScalars.first)
    #expect(scalar.bidiPairedBracketType == type)
    #expect(String(scalar.bidiPairedBracket) == pair)
  }

  @Test(
    "conformance with BidiBrackets.txt for every code point",
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

  @Test(
    "bidi classes of everyday characters",
    arguments: [
      ("a", BidiClass.leftToRight), ("\u{05D0}", .rightToLeft), ("\u{0627}", .arabicLetter),
      ("\u{06F5}", .europeanNumber), ("\u{0665}", .arabicNumber), ("5", .europeanNumber),
      ("%", .europeanTerminator), (",", .commonSeparator), (" ", .whiteSpace), ("\n", .paragraphSeparator),
      ("\t", .segmentSeparator), ("\u{200C}", .boundaryNeutral), ("\u{064E}", .nonspacingMark),
      ("\u{2068}", .firstStrongIsolate), ("\u{2069}", .popDirectionalIsolate), ("\u{202E}", .rightToLeftOverride),
    ])
  func bidiClasses(character: String, bidiClass: BidiClass) throws {
    #expect(try #require(character.unicodeScalars.first).bidiClass == bidiClass)
  }

  @Test(
    "conformance with DerivedBidiClass.txt for every listed code point",
    .enabled(
      if: UnicodeData.available("extracted/DerivedBidiClass.txt"),
      UnicodeData.skipComment("extracted/DerivedBidiClass.txt")))
  func derivedBidiClassFile() throws {
    let names: [String: BidiClass] = [
      "L": .leftToRight, "R": .rightToLeft, "EN": .europeanNumber, "ES": .europeanSeparator,
      "ET": .europeanTerminator, "AN": .arabicNumber, "CS": .commonSeparator, "B": .paragraphSeparator,
      "S": .segmentSeparator, "WS": .whiteSpace, "ON": .otherNeutral, "LRE": .leftToRightEmbedding,
      "LRO": .leftToRightOverride, "AL": .arabicLetter, "RLE": .rightToLeftEmbedding,
      "RLO": .rightToLeftOverride, "PDF": .popDirectionalFormat, "NSM": .nonspacingMark,
      "BN": .boundaryNeutral, "FSI": .firstStrongIsolate, "LRI": .leftToRightIsolate,
      "RLI": .rightToLeftIsolate, "PDI": .popDirectionalIsolate,
    ]
    var checked = 0
    var failures = 0
    for (low, high, field) in try UnicodeData.ranges(in: "extracted/DerivedBidiClass.txt") {
      let expected = try #require(names[field], "unknown Bidi_Class \(field)")
      for value in low...high {
        guard let scalar = Unicode.Scalar(value) else { continue }
        checked += 1
        if scalar.bidiClass != expected {
          failures += 1
          if failures < 10 { Issue.record("U+\(String(value, radix: 16)) expected \(field), got \(scalar.bidiClass)") }
        }
      }
    }
    print("DerivedBidiClass.txt: \(checked) code points, \(failures) failures")
    #expect(checked > 100_000)
    #expect(failures == 0)
  }
}
