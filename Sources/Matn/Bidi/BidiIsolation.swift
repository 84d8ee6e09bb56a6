import MatnICU

/// Isolation for embedding: each run of text in the direction opposite to its paragraph
/// (a Latin product name inside Persian, a Persian name inside English) is wrapped in
/// LRI or RLI … PDI, so that digits and punctuation stay with their own text in any
/// conformant viewer: «قیمت iPhone 15 ۵۰ دلار» keeps "iPhone 15" together and the price
/// with the Persian words (without isolation the Persian digits join the Latin run).
///
/// One mechanism decides the spans: ``ScriptRuns`` (Common characters resolved from
/// context, so ASCII digits after a Latin word belong to it and Persian digits to the
/// Persian text). A paragraph's direction is its first strong character's
/// (``BidiAnalysis/firstStrongDirection(of:)``), left to right when it has none.
/// Spaces at the end of a span stay outside it. Isolating twice changes nothing, and a
/// paragraph without an opposite-direction run comes back byte-identical.
public enum BidiIsolation {
  static let lri: Unicode.Scalar = "\u{2066}"
  static let rli: Unicode.Scalar = "\u{2067}"
  static let fsi: Unicode.Scalar = "\u{2068}"
  static let pdi: Unicode.Scalar = "\u{2069}"

  /// `text` with its opposite-direction runs isolated, paragraph by paragraph (line
  /// feeds and paragraph separators end paragraphs).
  public static func isolate(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var paragraph = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" || scalar == "\u{85}" {
        out.append(contentsOf: isolateParagraph(String(paragraph)).unicodeScalars)
        out.append(scalar)
        paragraph = String.UnicodeScalarView()
      } else {
        paragraph.append(scalar)
      }
    }
    out.append(contentsOf: isolateParagraph(String(paragraph)).unicodeScalars)
    return String(out)
  }

  private static func isolateParagraph(_ paragraph: String) -> String {
    let direction = BidiAnalysis.firstStrongDirection(of: paragraph.unicodeScalars) ?? .leftToRight
    let scalars = Array(paragraph.unicodeScalars)
    var spans: [Range<Int>] = []
    for run in ScriptRuns(paragraph) where run.letterCount > 0 {
      let runDirection: BidiAnalysis.Direction = run.direction == .rightToLeft ? .rightToLeft : .leftToRight
      guard runDirection != direction else { continue }
      // The span: from the run's first letter or digit to its last, past the spaces,
      // punctuation and isolate controls at its edges.
      var lower = run.scalarRange.lowerBound, upper = run.scalarRange.upperBound
      while lower < upper && !isContent(scalars[lower]) { lower += 1 }
      while upper > lower && !isContent(scalars[upper - 1]) { upper -= 1 }
      guard lower < upper else { continue }
      // Already isolated (an initiator just before, PDI just after): leave it.
      if lower > 0, [lri, rli, fsi].contains(scalars[lower - 1]), upper < scalars.count, scalars[upper] == pdi {
        continue
      }
      spans.append(lower..<upper)
    }
    guard !spans.isEmpty else { return paragraph }
    var out = String.UnicodeScalarView()
    var position = 0
    let opener = direction == .rightToLeft ? lri : rli
    for span in spans {
      out.append(contentsOf: scalars[position..<span.lowerBound])
      out.append(opener)
      out.append(contentsOf: scalars[span])
      out.append(pdi)
      position = span.upperBound
    }
    out.append(contentsOf: scalars[position...])
    return String(out)
  }

  /// Letters, marks and digits: what a span starts and ends with.
  private static func isContent(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
      .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
      true
    default: false
    }
  }
}
