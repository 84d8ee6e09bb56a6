import MatnICU

/// A maximal stretch of text in one script, with the Common and Inherited characters
/// (spaces, digits, punctuation, ZWNJ, marks, emoji) that belong to it. See
/// ``ScriptRuns`` for how they are assigned.
public struct ScriptRun: Sendable, Hashable {
  /// The writing direction of a script.
  public enum Direction: Sendable, Hashable {
    case leftToRight, rightToLeft
  }

  /// The run's script: never Common or Inherited, unless the whole text has no
  /// character of any one script (then Common, `Zyyy`). A run mixing Han with Hiragana
  /// or Katakana is ``Script/japanese`` (`Jpan`), Han with Hangul ``Script/korean``
  /// (`Kore`), Han with Bopomofo ``Script/hanWithBopomofo`` (`Hanb`).
  public var script: Script
  /// The script's direction: right-to-left for Arabic, Hebrew, Syriac, Thaana, N'Ko and
  /// the other right-to-left scripts, left-to-right otherwise (Common included). This
  /// is the direction of the script, not a resolved bidi level: digits inside an Arabic
  /// run still read left to right.
  public var direction: Direction
  /// Indices of the run's scalars in `text.unicodeScalars`.
  public var scalarRange: Range<Int>
  /// UTF-8 byte offsets of the run in the text.
  public var utf8Range: Range<Int>
  /// How many of the run's scalars are letters (general category L*) of one script.
  /// Zero for a run of digits, punctuation or emoji only.
  public var letterCount: Int

  public init(script: Script, direction: Direction, scalarRange: Range<Int>, utf8Range: Range<Int>, letterCount: Int) {
    self.script = script
    self.direction = direction
    self.scalarRange = scalarRange
    self.utf8Range = utf8Range
    self.letterCount = letterCount
  }

  /// The run's range as `String` indices of `text`, the string it was found in.
  ///
  /// - Complexity: O(1) for native strings.
  public func range(in text: String) -> Range<String.Index> {
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: utf8Range.lowerBound)
    return lower..<utf8.index(lower, offsetBy: utf8Range.count)
  }

  /// The run's text in `text`, the string it was found in.
  public func text(in text: String) -> Substring { text[range(in: text)] }
}
