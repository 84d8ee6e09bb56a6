import CICUShim

/// ICU's statistical charset detector (`ucsdet`).
///
/// It is weak on windows-1256 Persian (right 5–50% of the time, see ICU.md) and its
/// confidence does not separate right from wrong: Matn's own decoder uses it as one
/// signal among several, never alone.
///
/// - Thread safety: not `Sendable`; one per task.
public final class CharsetDetector {
  /// A candidate charset.
  public struct Match: Sendable, Hashable {
    /// ICU's charset name, such as `"UTF-8"`, `"windows-1256"`, `"ISO-8859-1"`.
    public var name: String
    /// An ISO 639 language code ICU associates with the match, or `""`.
    public var language: String
    /// ICU's confidence, 0–100.
    public var confidence: Int
  }

  private let raw: OpaquePointer

  /// Creates a detector.
  ///
  /// The corresponding C function is `ucsdet_open`.
  public init() throws(ICUError) {
    var status: Int32 = 0
    let raw = cicu_csdet_open(&status)
    try ICU.check(status)
    guard let raw else { throw .memoryAllocation }
    self.raw = raw
  }

  deinit { cicu_csdet_close(raw) }

  /// Candidate charsets for `bytes`, best first (at most `limit`).
  ///
  /// The corresponding C function is `ucsdet_detectAll`.
  public func detect(_ bytes: [UInt8], limit: Int = 8) -> [Match] {
    let capacity = max(limit, 0)
    var names = [UnsafePointer<CChar>?](repeating: nil, count: capacity)
    var languages = [UnsafePointer<CChar>?](repeating: nil, count: capacity)
    var confidences = [Int32](repeating: 0, count: capacity)
    var status: Int32 = 0
    let count = bytes.withUnsafeBufferPointer { buffer in
      ICU.nonNull(buffer) { base in
        cicu_csdet_detect(
          raw, base, Int32(clamping: buffer.count), &names, &languages, &confidences, Int32(capacity), &status)
      }
    }
    ICU.expect(status, "ucsdet_detectAll")
    return (0..<Int(count)).map { i in
      Match(
        name: names[i].map { String(cString: $0) } ?? "",
        language: languages[i].map { String(cString: $0) } ?? "",
        confidence: Int(confidences[i]))
    }
  }
}
