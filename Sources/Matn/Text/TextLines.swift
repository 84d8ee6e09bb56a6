/// Lines and blank-line separated paragraphs of text — the one place that knows where
/// a line ends. Every line-oriented reader (the article layout, site boilerplate,
/// terminal display, `matn translit`, `detect`, `show`) splits here.
///
/// A line ends at LF, CR LF, CR, NEL (U+0085), LS (U+2028) or PS (U+2029): the line
/// terminators of Unicode's newline guidelines (Unicode §5.8, NLF and LS/PS), which
/// are also the line endings the normaliser turns into LF. The split runs over UTF-8
/// bytes: CR LF is one `Character` in Swift, so splitting `Character`s at `"\n"` never
/// finds it.
///
/// ```swift
/// TextLines.lines(of: "علی\r\nlast\n")            // ["علی", "last"]
/// TextLines.lines(of: "a\u{2028}b", ends: .lineFeed) // ["a\u{2028}b"]
/// TextLines.paragraphs(of: "a\r\nb\r\n\r\nc").map(\.line)   // [1, 4]
/// ```
///
/// - Thread safety: stateless; call from any thread.
public enum TextLines {
  /// Which line terminators end a line.
  public enum Ends: String, Sendable, Hashable, CaseIterable {
    /// LF, CR LF, CR, NEL, LS and PS.
    case unicode
    /// Line feeds only: for interfaces that promise one output line per LF-terminated
    /// input line although the texts may hold CR, NEL, LS or PS.
    case lineFeed = "lf"
  }

  /// The lines of `text` without their terminators. A terminator at the very end does
  /// not start another (empty) line; an empty text has no lines.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `text`.
  public static func lines(of text: String, ends: Ends = .unicode) -> [Substring] {
    var cuts: [Range<Int>] = []
    var copy = text
    copy.withUTF8 { bytes in
      var start = 0
      var i = 0
      let n = bytes.count
      while i < n {
        let length = ends == .unicode ? terminatorLength(bytes, at: i) : (bytes[i] == 0x0A ? 1 : 0)
        if length > 0 {
          cuts.append(start..<i)
          i += length
          start = i
        } else {
          i += 1
        }
      }
      if start < n { cuts.append(start..<n) }
    }
    let utf8 = text.utf8
    return cuts.map { cut in
      text[utf8.index(utf8.startIndex, offsetBy: cut.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: cut.upperBound)]
    }
  }

  /// The length in bytes of the line terminator at `i` (2 for CR LF), or 0.
  @inline(__always)
  static func terminatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let n = bytes.count
    switch bytes[i] {
    case 0x0A: return 1
    case 0x0D: return i + 1 < n && bytes[i + 1] == 0x0A ? 2 : 1
    case 0xC2 where i + 1 < n && bytes[i + 1] == 0x85: return 2  // NEL
    case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9): return 3  // LS, PS
    default: return 0
    }
  }

  /// The length in bytes of the line terminator whose last byte is at `i` (2 for CR LF
  /// and NEL, 3 for LS and PS), or 0: for scans that walk backwards.
  @inline(__always)
  static func terminatorLength(_ bytes: UnsafeBufferPointer<UInt8>, endingAt i: Int) -> Int {
    switch bytes[i] {
    case 0x0A: return i > 0 && bytes[i - 1] == 0x0D ? 2 : 1
    case 0x0D: return 1
    case 0x85 where i > 0 && bytes[i - 1] == 0xC2: return 2
    case 0xA8, 0xA9: return i > 1 && bytes[i - 1] == 0x80 && bytes[i - 2] == 0xE2 ? 3 : 0
    default: return 0
    }
  }

  /// A run of non-blank lines.
  public struct Paragraph: Sendable, Hashable {
    /// The 1-based number of its first line.
    public var line: Int
    /// The text from the start of its first line to the end of its last, with the
    /// line terminators between them as written.
    public var text: Substring
  }

  /// The paragraphs of `text`: runs of lines separated by blank lines (empty, or only
  /// Unicode White_Space), whichever terminators end them.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public static func paragraphs(of text: String) -> [Paragraph] {
    var paragraphs: [Paragraph] = []
    var current: (line: Int, start: String.Index, end: String.Index)?
    for (index, line) in lines(of: text).enumerated() {
      if isBlank(line) {
        if let p = current { paragraphs.append(Paragraph(line: p.line, text: text[p.start..<p.end])) }
        current = nil
      } else if current == nil {
        current = (index + 1, line.startIndex, line.endIndex)
      } else {
        current?.end = line.endIndex
      }
    }
    if let p = current { paragraphs.append(Paragraph(line: p.line, text: text[p.start..<p.end])) }
    return paragraphs
  }

  /// Whether `line` holds nothing but White_Space.
  public static func isBlank(_ line: Substring) -> Bool {
    line.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
  }
}
