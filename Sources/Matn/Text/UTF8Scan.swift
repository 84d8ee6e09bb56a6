import CMatnKernels

/// Validates UTF-8 at memory speed (sixteen ASCII bytes at a time; Unicode §3.9 for
/// the rest), noting the first NUL byte on the way — the check every decode starts with.
///
/// - Complexity: O(*n*), one pass.
/// - Thread safety: a pure function.
public enum UTF8Scan {
  /// The result of a scan.
  public struct Result: Sendable, Hashable {
    /// Offset of the first byte of the first ill-formed sequence, or nil.
    public var firstInvalid: Int?
    /// Offset of the first NUL byte before any ill-formed sequence, or nil.
    public var firstNUL: Int?
  }

  /// Scans `bytes`.
  public static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return Result(firstInvalid: nil, firstNUL: nil) }
    var nul: Int64 = -1
    let invalid = mk_utf8_scan(base, Int64(bytes.count), &nul)
    return Result(firstInvalid: invalid < 0 ? nil : Int(invalid), firstNUL: nul < 0 ? nil : Int(nul))
  }
}

extension UTF8Scan {
  /// Where the text of `bytes` may be cut so that no sequence is split: before the last
  /// sequence when its lead byte (among the last three bytes) announces more bytes than
  /// follow it, else at the end. (A chunk of a longer text is checked up to there, the
  /// rest with the next chunk; bytes that are no UTF-8 are left for the check to find.)
  static func lastSequenceStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let n = bytes.count
    var k = n - 1
    while k >= 0 && k >= n - 3 {
      let b = bytes[k]
      if b & 0xC0 != 0x80 {
        // A lead byte (or ASCII): the length its bits announce.
        let length = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        return k + length > n ? k : n
      }
      k -= 1
    }
    return n
  }
}

extension UTF8Scan {
  /// The offset of the first place in well-formed UTF-8 that could be mojibake, given a
  /// table of 65,536 class bytes (1, 8, 16: can be a two-, three-, four-byte lead in some
  /// charset; 2: can be a continuation byte; 4: Arabic-script text, never mojibake with
  /// itself; 32: suspect before a space, where byte A0 may have become one), or nil.
  ///
  /// - Complexity: O(*n*); ASCII sixteen bytes at a time.
  public static func firstMojibakeSuspect(_ utf8: UnsafeBufferPointer<UInt8>, classes: UnsafePointer<UInt8>) -> Int? {
    guard let base = utf8.baseAddress, !utf8.isEmpty else { return nil }
    let offset = mk_mojibake_suspect(base, Int64(utf8.count), classes)
    return offset < 0 ? nil : Int(offset)
  }
}

extension UTF8Scan {
  /// The first offset from `from` in `bytes` that ``TextNormalizer``'s long-text cut
  /// scan must look at: a byte 0A, 0D, 22, C2 or E2 (line breaks, quotes, and the lead
  /// bytes of NEL, LS, PS and curly quotes), or a space at `spacesFrom` or later followed
  /// by an ASCII letter; `bytes.count` if none.
  ///
  /// - Complexity: O(*n*), sixteen bytes a step.
  static func nextSegmentStop(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, spacesFrom: Int) -> Int {
    guard let base = bytes.baseAddress, from < bytes.count else { return bytes.count }
    return Int(mk_segment_scan(base, Int64(from), Int64(bytes.count), Int64(spacesFrom)))
  }
}
