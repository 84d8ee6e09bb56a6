import MatnICU

/// How many letters of each script a text has: the evidence for its dominant script.
///
/// Letters (general category L*) are counted by their own Script property value, so
/// Japanese text counts Han, Hiragana and Katakana letters separately. Letters with the
/// Script value Common (such as the prolonged sound mark ー) and marks, digits,
/// punctuation and emoji are not counted.
///
/// ```swift
/// let histogram = ScriptRuns("Tehran (تهران) is large").histogram
/// histogram.counts      // [Latn: 13, Arab: 5]
/// histogram.dominant    // Latn
/// ```
public struct ScriptHistogram: Sendable, Hashable {
  /// Letters per script; scripts with no letter are absent.
  public var counts: [Script: Int]

  public init(counts: [Script: Int]) { self.counts = counts.filter { $0.value > 0 } }

  /// The histogram of `text` (found as its script runs are, without keeping them).
  ///
  /// - Complexity: O(*n*) in the number of scalars; memory O(1) per run.
  public init(_ text: String) { self = ScriptItemizer.itemize(text, keepingRuns: false).histogram }

  /// The number of letters counted.
  public var letterCount: Int { counts.values.reduce(0, +) }

  /// The script with the most letters; among scripts with equally many, the one with
  /// the lowest ICU script value. Nil when the text has no letter of any one script.
  public var dominant: Script? { ranked.first?.script }

  /// The scripts by descending letter count (ties by ascending ICU script value).
  public var ranked: [(script: Script, count: Int)] {
    counts.map { (script: $0.key, count: $0.value) }
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0.script.rawValue < $1.script.rawValue }
  }

  /// The share of `script` among the letters counted (0 when there are none).
  public func share(of script: Script) -> Double {
    let total = letterCount
    return total == 0 ? 0 : Double(counts[script] ?? 0) / Double(total)
  }

  /// The letter count of `script` (0 if it has none).
  public subscript(script: Script) -> Int { counts[script] ?? 0 }
}
