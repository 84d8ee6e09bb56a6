import CICUShim

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
    let invalid = cicu_utf8_scan(base, Int64(bytes.count), &nul)
    return Result(firstInvalid: invalid < 0 ? nil : Int(invalid), firstNUL: nul < 0 ? nil : Int(nul))
  }
}
