import MatnICU

/// Stage 1b — spaces and blank lines: one space between words, none at line edges,
/// at most one blank line between paragraphs, none at the start, one line feed at the
/// end. Paragraph boundaries (blank lines) are kept. Runs after cleanup and again
/// after orthography (which may leave spaces where it removed characters).
struct Whitespace {
  func apply(_ buffer: TextBuffer, _ report: inout ChangeRecorder) -> TextBuffer {
    var out = Rewriter(buffer)
    let s = buffer.scalars
    let n = s.count
    var i = 0
    while i < n {
      let v = s[i]
      if v == 0x20 {
        var j = i
        while j < n && s[j] == 0x20 { j += 1 }
        // Before a run of spaces comes either a line feed, the start, or kept text.
        let atLineStart = i == 0 || s[i - 1] == 0x0A
        let atLineEnd = j == n || s[j] == 0x0A
        if atLineStart || atLineEnd {
          for k in i..<j { out.delete(k, .lineEdgeSpace, &report) }
        } else {
          out.keep(i)
          for k in (i + 1)..<j { out.delete(k, .repeatedSpace, &report) }
        }
        i = j
      } else if v == 0x0A {
        var j = i
        var newlines = 0
        while j < n && (s[j] == 0x0A || s[j] == 0x20) {
          if s[j] == 0x0A { newlines += 1 }
          j += 1
        }
        // Trailing spaces of the run belong to the next line's start: stop at its last LF.
        while j > i && s[j - 1] == 0x20 && j < n { j -= 1 }
        let atStart = out.outputCount == 0
        let atEnd = j == n
        let keepCount = atStart ? 0 : (atEnd ? 1 : min(newlines, 2))
        var kept = 0
        for k in i..<j {
          if s[k] == 0x0A {
            if kept < keepCount {
              out.keep(k)
              kept += 1
            } else {
              out.delete(k, .blankLine, &report)
            }
          } else {
            out.delete(k, .lineEdgeSpace, &report)
          }
        }
        i = j
      } else {
        // Skip, in one call, words and the single spaces between them.
        let j = buffer.next(from: i + 1, Self.stops)
        out.keep(i..<j)
        i = j
      }
    }
    return out.output
  }

  /// A scan stops at line feeds, and at spaces next to a space, a line feed or an end.
  private static let stops = ScalarScan.Stops(
    stop: StageScan.lineFeed, context: StageScan.space, neighbours: StageScan.space | StageScan.lineFeed)
}
