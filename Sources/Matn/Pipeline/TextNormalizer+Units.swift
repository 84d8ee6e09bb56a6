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
    normalizeKeepingScalars(units: units, count: count, width: width)?.result
  }

  /// ``normalize(units:count:width:)``, with the result's scalar values when the
  /// normaliser holds them already: when the Unicode form and the profile left the
  /// stages' text as it was (the usual case), the stages' buffer is the result, and a
  /// caller that wants code units narrows it instead of decoding the text's UTF-8. Nil
  /// scalars otherwise (then decode ``NormalizedText/text``).
  package func normalizeKeepingScalars(units: UnsafeRawPointer?, count: Int, width: Int) -> (
    result: NormalizedText, scalars: [UInt32]?
  )? {
    guard width == 1 || width == 2 || width == 4, count >= 0 else { return nil }
    guard let units, count > 0 else { return count == 0 ? (normalize(""), []) : nil }
    var recorder = ChangeRecorder(recordsRanges: options.recordsRanges)
    var votes = SpanVotes()
    // UTF-8 takes at most four bytes a code point: below the cut length, one piece.
    if options.recordsRanges || count > options.segmentBytes / 4 {
      let room = count * (width == 1 ? 2 : width == 2 ? 3 : 4)
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { scratch -> (NormalizedText, [UInt32]?)? in
        guard let base = scratch.baseAddress, let length = ScalarScan.encode(units: units, count: count, width: width, into: base)
        else { return nil }
        let utf8 = UnsafeBufferPointer(start: base, count: length)
        return (settle(canonical(utf8: utf8, &recorder, votes: &votes), &recorder), nil)
      }
    }
    guard let input = TextBuffer(units: units, count: count, width: width, table: StageTable.shared) else { return nil }
    let buffer = orthography(cleaned(input, &recorder), &recorder, votes: &votes)
    // The text's UTF-8 exists only once written from the scalars (changed or not).
    let written = buffer.string
    let result = settle(UnicodeForm(form: options.unicodeForm).apply(written, buffer, &recorder), &recorder)
    // The form and the settling rounds hand back the same storage when they change nothing.
    var a = written, b = result.text
    let same = a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress && x.count == y.count } }
    return (result, same ? buffer.scalars : nil)
  }
}
