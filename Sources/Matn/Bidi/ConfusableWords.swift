import MatnICU

/// Words whose letters mix scripts confusably — `Vеlаyаti` with Cyrillic е and а looks
/// like the Latin "Velayati" — located the way ``BidiControls`` locates controls (lines
/// and scalar columns from 1, the same line ends), for `matn bidi check`'s notes.
///
/// ```swift
/// ConfusableWords.check("Foreign Minister Аli Аkbаr Vеlаyаti").map(\.description)
/// // ["1:18: note: «Аli» mixes Cyrillic and Latin letters and looks like Latin «Ali» …", …]
/// ```
///
/// A word is marked by ``MixedScriptConfusable`` (ICU's spoof checker, UTS #39); a
/// finding is always a ``BidiControls/Severity/note``: spoofed words are worth seeing
/// but are not bidi errors.
///
/// - Complexity: O(*n*) in the length of the text; ICU is asked only about words with
///   letters of two scripts.
/// - Thread safety: stateless; call from any thread.
public enum ConfusableWords {
  /// One confusable word and where it is.
  public struct Finding: Sendable, Hashable, CustomStringConvertible {
    /// The word as written.
    public var word: String
    /// Byte offset of the word in the text's UTF-8.
    public var utf8Offset: Int
    /// Line number, from 1.
    public var line: Int
    /// Column of the word's first scalar, in Unicode scalars, from 1.
    public var column: Int
    /// The scripts it mixes and what it looks like.
    public var confusable: MixedScriptConfusable

    /// Always a note.
    public var severity: BidiControls.Severity { .note }

    /// «Vеlаyаti» mixes Cyrillic and Latin letters and looks like Latin «Velayati» …
    public var message: String {
      let names = confusable.scripts.map { Script(code: $0)?.name ?? $0 }
      let script = Script(code: confusable.script)?.name ?? confusable.script
      return "«\(word)» mixes \(names.joined(separator: " and ")) letters and looks like \(script) "
        + "«\(confusable.looksLike)» (a mixed-script confusable, UTS #39)"
    }

    /// `LINE:COLUMN: note: message`.
    public var description: String { "\(line):\(column): \(severity): \(message)" }
  }

  /// The mixed-script confusable words of `text`, in order.
  ///
  /// - Complexity: O(*n*).
  public static func check(_ text: String) -> [Finding] {
    var findings: [Finding] = []
    let utf8 = text.utf8
    var start = -1, end = 0, line = 0, column = 0
    var nonASCII = false
    func flush() {
      defer {
        start = -1
        nonASCII = false
      }
      guard start >= 0, nonASCII else { return }
      let word = text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
      guard let confusable = MixedScriptConfusable.word(word) else { return }
      findings.append(Finding(word: String(word), utf8Offset: start, line: line, column: column, confusable: confusable))
    }
    BidiControls.walk(text, lineBreak: flush) { scalar, offset, scalarLine, scalarColumn in
      guard MixedScriptConfusable.isWordScalar(scalar) else { return flush() }
      if start < 0 {
        start = offset
        line = scalarLine
        column = scalarColumn
      }
      end = offset + scalar.utf8.count
      if !scalar.isASCII { nonASCII = true }
    }
    flush()
    return findings
  }
}
