extension TextNormalizer {
  /// Normalises text held as `count` fixed-width code units of `width` bytes each (1:
  /// Latin-1, 2: UCS-2, 4: UTF-32 — the forms of a Python str), or nil when one is not
  /// a scalar value (a surrogate, a value above U+10FFFF) or `width` is none of these.
  ///
  /// The text is the same as ``normalize(_:)`` gives for the String of these code
  /// points. The units are read in place into the normaliser's working buffer, without
  /// UTF-8 between (for the C ABI's `matn_clean_units`: a host that keeps its strings in
  /// such units then neither encodes them nor needs their UTF-8 checked). A text too
  /// long to be taken in one piece goes through UTF-8 and ``normalize(utf8:)``'s segments.
  ///
  /// - Complexity: O(*n*) in the code units, as ``normalize(_:)``.
  /// - Thread safety: as ``normalize(_:)``, callable from any number of threads at once.
  package func normalize(units: UnsafeRawPointer?, count: Int, width: Int) -> NormalizedText? {
    guard width == 1 || width == 2 || width == 4, count >= 0 else { return nil }
    guard let units, count > 0 else { return count == 0 ? normalize("") : nil }
    var recorder = ChangeRecorder(recordsRanges: options.recordsRanges)
    var votes = SpanVotes()
    // UTF-8 takes at most four bytes a code point: below the cut length, one piece.
    if options.recordsRanges || count > options.segmentBytes / 4 {
      let room = count * (width == 1 ? 2 : width == 2 ? 3 : 4)
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { scratch -> NormalizedText? in
        guard let base = scratch.baseAddress, let length = ScalarScan.encode(units: units, count: count, width: width, into: base)
        else { return nil }
        return settle(
          canonical(utf8: UnsafeBufferPointer(start: base, count: length), &recorder, votes: &votes), &recorder)
      }
    }
    guard let input = TextBuffer(units: units, count: count, width: width, table: StageTable.shared) else { return nil }
    let buffer = orthography(cleaned(input, &recorder), &recorder, votes: &votes)
    // The text's UTF-8 exists only once written from the scalars (changed or not).
    let text = UnicodeForm(form: options.unicodeForm).apply(buffer.string, buffer, &recorder)
    return settle(text, &recorder)
  }
}
