import Foundation
import MatnICU
import TestSupport
import Testing

// Unicode's bidi conformance files run through the `Bidi` wrapper (so through the
// shim's UTF-8 ⇄ UTF-16 ⇄ scalar mapping too, not only through ICU).
//
// - BidiTest.txt lists inputs as Bidi_Class values; each class is replaced by one real
//   character of that class (see `BidiConformance.characterOfClass`).
// - BidiCharacterTest.txt lists code points, a paragraph direction, the resolved
//   paragraph level, levels and visual order. ICU 72 fails a few of its cases; they
//   are listed in Fixtures/BidiCharacterTest-known-failures.txt, and the list must stay
//   exact: a new failure fails the test, and so does a listed case that now passes.
//
// Levels are compared except where the expected level is 'x' (characters removed by
// rule X9); the visual order is compared after dropping the 'x' characters from it.
//
// One allowance, the one ICU's own conformance test (intltest/bidiconf.cpp) makes:
// when ubidi finds a text unidirectional it does not store resolved levels but reports
// every character at the paragraph level. Its reordering is then the same, so a level
// mismatch is accepted when ICU reports every character at the paragraph level and all
// expected (non-'x') levels have that level's parity. Such cases are counted and
// printed; the visual order is still checked in full.

@Suite(
  "BidiTest.txt conformance",
  .enabled(if: UnicodeData.available("BidiTest.txt"), UnicodeData.skipComment("BidiTest.txt"))
)
struct BidiTestConformance {
  @Test("Every case of BidiTest.txt, at every paragraph level it lists")
  func bidiTest() throws {
    let bytes = try #require(UnicodeData.bytes(of: "BidiTest.txt"), "BidiTest.txt unreadable")
    let bidi = try Bidi()
    try BidiConformance.runBidiTest(bytes) { text, direction in
      try bidi.setText(text, paragraphLevel: direction.icuLevel)
      return (bidi.paragraphLevel, bidi.levels(), bidi.visualOrder())
    }
  }
}

@Suite(
  "BidiCharacterTest.txt conformance",
  .enabled(
    if: UnicodeData.available("BidiCharacterTest.txt"), UnicodeData.skipComment("BidiCharacterTest.txt"))
)
struct BidiCharacterTestConformance {
  /// The known-failure list of ICU 72 on BidiCharacterTest.txt.
  static let knownFailuresFile = BidiConformance.knownFailuresFile

  @Test("Every case of BidiCharacterTest.txt; failures exactly the known ones")
  func bidiCharacterTest() throws {
    let bytes = try #require(
      UnicodeData.bytes(of: "BidiCharacterTest.txt"), "BidiCharacterTest.txt unreadable")
    let bidi = try Bidi()
    try BidiConformance.runCharacterTest(bytes) { text, direction in
      try bidi.setText(text, paragraphLevel: direction.icuLevel)
      return (bidi.paragraphLevel, bidi.levels(), bidi.visualOrder())
    }
  }
}

extension BidiConformance.ParagraphDirection {
  var icuLevel: Bidi.ParagraphLevel {
    switch self {
    case .automatic: .defaultLeftToRight
    case .leftToRight: .leftToRight
    case .rightToLeft: .rightToLeft
    }
  }
}

/// Needs no Unicode data file, so it runs (and keeps the fixture honest) everywhere.
@Suite("BidiCharacterTest.txt known-failure fixture")
struct BidiKnownFailuresFixture {
  @Test("The known-failure list is well-formed and sorted")
  func knownFailureList() throws {
    let known = try BidiConformance.KnownFailures.load(BidiCharacterTestConformance.knownFailuresFile)
    #expect(!known.version.isEmpty)
    #expect(known.order == known.order.sorted(), "keep the list sorted by line number")
    #expect(Set(known.order).count == known.order.count, "a line is listed twice")
    for (line, reason) in known.lines {
      #expect(!reason.isEmpty, "line \(line) has no reason")
    }
  }
}
