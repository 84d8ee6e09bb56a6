import Testing
import TestSupport

@testable import Matn

// Unicode's bidi conformance files run through `BidiAnalysis`, so through our own
// base-direction rules (P2–P3) and the offsets it reports, not only through the raw
// MatnICU wrapper (see Tests/MatnICUTests/BidiConformanceTests.swift for the parsing,
// the allowance for ICU's unidirectional-levels shortcut, and ICU 72's known failures,
// which this suite shares and must not widen).

@Suite(
  "BidiTest.txt conformance through BidiAnalysis",
  .enabled(if: UnicodeData.available("BidiTest.txt"), UnicodeData.skipComment("BidiTest.txt"))
)
struct BidiAnalysisBidiTestConformance {
  @Test("Every case of BidiTest.txt, at every paragraph level it lists")
  func bidiTest() throws {
    let bytes = try #require(UnicodeData.bytes(of: "BidiTest.txt"), "BidiTest.txt unreadable")
    let bidi = BidiAnalysis.makeBidi()
    try BidiConformance.runBidiTest(bytes, label: " through BidiAnalysis") { text, direction in
      let analysis = BidiAnalysis(text, direction: direction.analysisDirection, scalarOffset: 0, utf8Offset: 0, using: bidi)
      return (analysis.level, analysis.levels, analysis.visualOrder)
    }
  }
}

@Suite(
  "BidiCharacterTest.txt conformance through BidiAnalysis",
  .enabled(
    if: UnicodeData.available("BidiCharacterTest.txt"), UnicodeData.skipComment("BidiCharacterTest.txt"))
)
struct BidiAnalysisCharacterTestConformance {
  @Test("Every case of BidiCharacterTest.txt; failures exactly ICU 72's known ones")
  func bidiCharacterTest() throws {
    let bytes = try #require(
      UnicodeData.bytes(of: "BidiCharacterTest.txt"), "BidiCharacterTest.txt unreadable")
    let bidi = BidiAnalysis.makeBidi()
    try BidiConformance.runCharacterTest(bytes, label: " through BidiAnalysis") { text, direction in
      let analysis = BidiAnalysis(text, direction: direction.analysisDirection, scalarOffset: 0, utf8Offset: 0, using: bidi)
      return (analysis.level, analysis.levels, analysis.visualOrder)
    }
  }
}

extension BidiConformance.ParagraphDirection {
  var analysisDirection: BidiAnalysis.ParagraphDirection {
    switch self {
    case .automatic: .automatic
    case .leftToRight: .leftToRight
    case .rightToLeft: .rightToLeft
    }
  }
}
