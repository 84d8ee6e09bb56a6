import MatnICU

/// Text prepared for a terminal without bidi support: per line, Arabic letters shaped
/// (``ArabicShaping``), then the line reordered into display order with mirrored
/// brackets and without direction controls (``Bidi``), its base direction taken from its
/// first strong character. What the terminal then prints left to right is what a bidi
/// viewer would show.
///
/// The result is for eyes only: it is in visual order with presentation forms, so it
/// must never be stored or processed as text.
public enum TerminalDisplay {
  /// `text` in display order, line by line (lines end at LF, CR LF, CR, NEL, LS and PS,
  /// see ``TextLines``); the lines are joined by line feeds, and a terminator at the end
  /// of `text` stays there as one.
  public static func render(_ text: String) -> String {
    guard let bidi = try? Bidi() else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var first = true
    var lines = TextLines.lines(of: text)
    if let last = lines.last, last.endIndex < text.endIndex { lines.append("") }  // ends with a terminator
    for line in lines {
      if !first { out += "\n" }
      first = false
      // Only lines with right-to-left text change.
      guard line.unicodeScalars.contains(where: { Self.isRightToLeft($0) }) else {
        out += line
        continue
      }
      do {
        try bidi.setText(ArabicShaping.shape(String(line)), paragraphLevel: .defaultLeftToRight)
        out += bidi.reordered([.mirror, .removeControls])
      } catch {
        out += line
      }
    }
    return out
  }

  /// Hebrew, Arabic, Syriac, Thaana, N'Ko and the other right-to-left blocks
  /// (U+0590–U+08FF), their presentation forms, and the right-to-left controls.
  private static func isRightToLeft(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
      || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v) || v == 0x200F || v == 0x202B
      || v == 0x202E || v == 0x2067
  }
}
