// Fuzz target: BidiAnalysis (paragraphs and single paragraphs, every base direction)
// and BidiControls (scan, check, every policy).
//
// Invariants: no crash; paragraphs tile the text in scalars and UTF-8 bytes; each
// analysis has one level per scalar, levels within UAX #9's depth (≤ 126), runs that
// tile the paragraph and a visual order that is a permutation of it; `strip` leaves
// no control, `report` changes nothing, `keep-balanced` removes only controls and
// leaves nothing more to remove; outputs are valid UTF-8 without new U+FFFD.
import FuzzSupport
import Matn

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBidi(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let input = String(decoding: fuzzBytes(start, count), as: UTF8.self)
  let scalarCount = input.unicodeScalars.count
  let utf8Count = input.utf8.count

  var scalarEnd = 0, utf8End = 0
  for paragraph in BidiAnalysis.paragraphs(of: input) {
    require(paragraph.scalars.lowerBound == scalarEnd && paragraph.utf8.lowerBound == utf8End, "paragraphs do not tile the text")
    scalarEnd = paragraph.scalars.upperBound
    utf8End = paragraph.utf8.upperBound
    check(paragraph)
  }
  require(scalarEnd == scalarCount && utf8End == utf8Count, "paragraphs end at \(scalarEnd)/\(utf8End), the text at \(scalarCount)/\(utf8Count)")
  for direction in [BidiAnalysis.ParagraphDirection.leftToRight, .rightToLeft, .automatic] where !input.isEmpty {
    let whole = BidiAnalysis(input, direction: direction)
    require(whole.scalars == 0..<scalarCount && whole.utf8 == 0..<utf8Count, "one paragraph does not cover the text")
    check(whole)
  }

  let controls = BidiControls.scan(input)
  _ = BidiControls.check(input)
  let report = BidiControls.apply(.report, to: input)
  require(report.text == input && report.removed.isEmpty, "policy report changed the text")
  let strip = BidiControls.apply(.strip, to: input)
  requireClean(strip.text, from: input, "strip")
  require(BidiControls.scan(strip.text).isEmpty, "strip left a control")
  require(strip.removed == controls, "strip removed other than every control")
  let balanced = BidiControls.apply(.keepBalanced, to: input)
  requireClean(balanced.text, from: input, "keep-balanced")
  require(balanced.text.unicodeScalars.count + balanced.removed.count == scalarCount, "keep-balanced lost other scalars")
  require(Set(balanced.removed).isSubset(of: controls), "keep-balanced removed a non-control")
  let again = BidiControls.apply(.keepBalanced, to: balanced.text)
  require(again.removed.isEmpty, "keep-balanced is not idempotent: \(debugQuote(input)) → \(debugQuote(balanced.text)) loses \(again.removed.map(\.kind))")
  return 0
}

private func check(_ analysis: BidiAnalysis) {
  let count = analysis.scalars.count
  require(analysis.levels.count == count, "\(analysis.levels.count) levels for \(count) scalars")
  require(analysis.levels.allSatisfy { $0 <= 126 }, "a level above 126")
  require(analysis.level <= 1, "paragraph level \(analysis.level)")
  var seen = [Bool](repeating: false, count: count)
  for index in analysis.visualOrder {
    require(analysis.scalars.contains(index) && !seen[index - analysis.scalars.lowerBound], "visual order is not a permutation")
    seen[index - analysis.scalars.lowerBound] = true
  }
  require(analysis.visualOrder.count == count, "visual order has \(analysis.visualOrder.count) of \(count) scalars")
  let runs = analysis.runs.sorted { $0.scalars.lowerBound < $1.scalars.lowerBound }
  var next = analysis.scalars.lowerBound, nextByte = analysis.utf8.lowerBound
  for run in runs {
    require(run.scalars.lowerBound == next && run.utf8.lowerBound == nextByte, "runs do not tile the paragraph")
    next = run.scalars.upperBound
    nextByte = run.utf8.upperBound
  }
  require(next == analysis.scalars.upperBound && nextByte == analysis.utf8.upperBound || count == 0, "runs end early")
}
