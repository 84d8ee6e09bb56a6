extension TextNormalizer {
  /// Normalises UTF-8 bytes without making a String of them first, or nil when they
  /// are not valid UTF-8 (checked at memory speed by ``UTF8Scan``).
  ///
  /// The text is the same as ``normalize(_:)`` gives for the String of these bytes; the
  /// bytes are only read, not copied. For callers that hold text as bytes: the C ABI
  /// (`matn_clean`), a buffer read from a file or a socket.
  ///
  /// ```swift
  /// let bytes: [UInt8] = Array("كتاب هاي ما".utf8)
  /// let text = bytes.withUnsafeBufferPointer { TextNormalizer().normalize(utf8: $0)?.text }
  /// // "کتاب‌های ما"
  /// ```
  ///
  /// - Complexity: O(*n*) in the bytes, as ``normalize(_:)``.
  /// - Thread safety: as ``normalize(_:)``, callable from any number of threads at once.
  public func normalize(utf8: UnsafeBufferPointer<UInt8>) -> NormalizedText? {
    guard !utf8.isEmpty else { return normalize("") }
    guard UTF8Scan.scan(utf8).firstInvalid == nil else { return nil }
    var recorder = ChangeRecorder(recordsRanges: options.recordsRanges)
    var votes = SpanVotes()
    return settle(canonical(utf8: utf8, &recorder, votes: &votes), &recorder)
  }
}
