/// The first, structural pass of the article parser: raw text → blocks, before any
/// normalisation (which would erase the no-break spaces that mark paragraph breaks).
///
/// A block is one line of the input, or one paragraph of a line where the source ran
/// paragraphs together. Scraped dumps mark the lost breaks with a wide gap holding a
/// no-break space after a sentence end ("…control.\u{A0} The health minister…",
/// "…Mosque. \u{A0} All Content…"), so a line is cut there. A single space or a
/// single no-break space between sentences is not a break, and neither are plain
/// double spaces: Persian and typewritten text put them inside paragraphs.
enum ArticleLayout {
  struct Block: Sendable, Hashable {
    /// The raw text, trimmed.
    var text: Substring
    /// The 1-based input line it came from.
    var line: Int
  }

  /// Blocks of `text` in order, with how many extra paragraphs cutting lines produced.
  ///
  /// - Complexity: O(*n*) in the number of scalars.
  static func blocks(of text: String) -> (blocks: [Block], splits: Int) {
    var blocks: [Block] = []
    var splits = 0
    var lineNumber = 0
    for line in TextLines.lines(of: text) {
      lineNumber += 1
      let pieces = paragraphs(in: line)
      splits += max(0, pieces.count - 1)
      for piece in pieces { blocks.append(Block(text: piece, line: lineNumber)) }
    }
    return (blocks, splits)
  }

  /// Whether `line` has a non-ASCII space (U+00A0, U+2000–U+200A, U+202F, U+3000).
  private static func hasNonASCIISpace(_ line: Substring) -> Bool {
    var line = line
    return line.withUTF8 { bytes in
      var i = 0
      while i + 1 < bytes.count {
        switch bytes[i] {
        case 0xC2 where bytes[i + 1] == 0xA0: return true
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] <= 0x8A || bytes[i + 2] == 0xAF): return true
        case 0xE3 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80: return true
        default: i += 1
        }
      }
      return false
    }
  }

  /// A wide gap with a no-break space after a sentence end: a lost paragraph break.
  private struct Gap {
    var start: String.Index  // first whitespace scalar
    var end: String.Index  // first scalar after the gap
  }

  /// The trimmed, non-empty paragraphs of one line.
  static func paragraphs(in line: Substring) -> [Substring] {
    // A break needs a no-break or other wide space; most lines have none.
    guard hasNonASCIISpace(line) else {
      let trimmed = trimmed(line)
      return trimmed.isEmpty ? [] : [trimmed]
    }
    let scalars = line.unicodeScalars
    var gaps: [Gap] = []
    // The last scalar before a gap, looking through closing quotes and brackets:
    // `said.”` ends a sentence, `(Iran)` does not.
    var previous: Unicode.Scalar = " "
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      guard isGapSpace(scalar) else {
        if !isClosing(scalar) || isGapSpace(previous) { previous = scalar }
        index = scalars.index(after: index)
        continue
      }
      let start = index
      var count = 0
      var noBreak = false
      while index < scalars.endIndex, isGapSpace(scalars[index]) {
        if scalars[index].value != 0x20 && scalars[index].value != 0x09 { noBreak = true }
        count += 1
        index = scalars.index(after: index)
      }
      guard index < scalars.endIndex, endsSentence(previous), mayStartParagraph(scalars[index]) else { continue }
      if count >= 2 && noBreak { gaps.append(Gap(start: start, end: index)) }
    }
    var pieces: [Substring] = []
    var pieceStart = line.startIndex
    for gap in gaps {
      pieces.append(line[pieceStart..<gap.start])
      pieceStart = gap.end
    }
    pieces.append(line[pieceStart...])
    return pieces.map(trimmed).filter { !$0.isEmpty }
  }

  /// `text` without leading and trailing white space (any Unicode White_Space and
  /// the invisibles scrapers leave: ZWSP, BOM, bidi marks).
  static func trimmed(_ text: Substring) -> Substring {
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, isTrimmable(scalars[start]) { start = scalars.index(after: start) }
    while end > start, isTrimmable(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
    return text[start..<end]
  }

  private static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200B, 0xFEFF, 0x200E, 0x200F, 0x061C, 0x2066...0x2069, 0x202A...0x202E: true
    default: scalar.properties.isWhitespace
    }
  }

  private static func isGapSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0xA0, 0x2007, 0x202F, 0x2000...0x200A, 0x3000: true
    default: false
    }
  }

  private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    // . ! ? … ؟ ۔
    case 0x2E, 0x21, 0x3F, 0x2026, 0x061F, 0x06D4: true
    default: false
    }
  }

  /// Closing quotation marks and brackets, which may follow a sentence end.
  private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x22, 0x27, 0x201D, 0x2019, 0xBB, 0x29, 0x5D: true
    default: false
    }
  }

  private static func mayStartParagraph(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.properties.isLowercase { return false }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      || [0x22, 0x27, 0x201C, 0x2018, 0xAB, 0x28, 0x2A].contains(scalar.value)
  }
}
