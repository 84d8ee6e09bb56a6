import MatnICU

/// A stretch of text in one language and one script, found by
/// ``LanguageIdentifier/spans(in:)``.
public struct LanguageSpan: Sendable, Hashable {
  /// UTF-8 byte offsets in the text.
  public var utf8Range: Range<Int>
  /// The script of its letters.
  public var script: Script
  /// Its language.
  public var guess: LanguageGuess
}

extension LanguageIdentifier {
  /// The languages of a mixed text, with offsets: each script run (``ScriptRuns``) is
  /// cut at sentence boundaries (ICU), each piece with letters is identified, and
  /// neighbouring pieces of one script and language are merged. An English article with
  /// a Persian footer gives an English span and a Persian one; a Persian sentence
  /// quoting an English one gives three.
  ///
  /// Runs without letters (digits, punctuation, emoji between two runs) belong to no span.
  ///
  /// - Complexity: O(*n*).
  public func spans(in text: String) -> [LanguageSpan] {
    let runs = ScriptRuns(text)
    let sentenceEnds = (try? BreakIterator(.sentence).boundaries(in: text)) ?? [0, text.utf8.count]
    let utf8 = Array(text.utf8)
    var spans: [LanguageSpan] = []
    var b = 0
    for run in runs where run.letterCount > 0 {
      // The sentence boundaries strictly inside the run cut it into pieces.
      var cuts = [run.utf8Range.lowerBound]
      while b < sentenceEnds.count && sentenceEnds[b] <= run.utf8Range.lowerBound { b += 1 }
      var k = b
      while k < sentenceEnds.count && sentenceEnds[k] < run.utf8Range.upperBound {
        cuts.append(sentenceEnds[k])
        k += 1
      }
      cuts.append(run.utf8Range.upperBound)
      for (start, end) in zip(cuts, cuts.dropFirst()) where end > start {
        let piece = String(decoding: utf8[start..<end], as: UTF8.self)
        let guess = identify(piece)
        guard guess.language != "und" else { continue }
        if var last = spans.last, last.script == run.script, last.guess.language == guess.language,
          last.utf8Range.upperBound == start
        {
          // One language across a sentence boundary: one span, the surer reading kept.
          last.utf8Range = last.utf8Range.lowerBound..<end
          if guess.confidence > last.guess.confidence { last.guess = guess }
          spans[spans.count - 1] = last
        } else {
          spans.append(LanguageSpan(utf8Range: start..<end, script: run.script, guess: guess))
        }
      }
    }
    return spans
  }
}
