import CICUShim

/// Text segmentation (UAX #29 words and sentences, UAX #14 lines) over UTF-8, through
/// ICU's `ubrk` on a UTF-8 `UText`: no UTF-16 copy of the text is made.
///
/// ```swift
/// let words = try BreakIterator(.word)
/// words.segments(in: "می‌روم home.").filter(\.isWordLike).count   // 2
/// ```
///
/// - Thread safety: not `Sendable`; one per task.
public final class BreakIterator {
  /// What to segment into.
  public enum Kind: Sendable {
    case character, word, line, sentence

    var rawValue: Int32 {
      switch self {
      case .character: Int32(CICU_BREAK_CHARACTER)
      case .word: Int32(CICU_BREAK_WORD)
      case .line: Int32(CICU_BREAK_LINE)
      case .sentence: Int32(CICU_BREAK_SENTENCE)
      }
    }
  }

  /// A segment between two boundaries.
  public struct Segment: Sendable, Hashable {
    /// UTF-8 byte offsets of the segment.
    public var utf8: Range<Int>
    /// ICU's rule status for the segment. For words: 0–99 none (spaces, punctuation),
    /// 100–199 number, 200–299 letter, 300–399 kana, 400–499 ideographic.
    public var ruleStatus: Int32
    /// For word segmentation: whether the segment is a word (letters, numbers, kana or
    /// ideographs) rather than spaces or punctuation.
    public var isWordLike: Bool { ruleStatus >= 100 }
  }

  /// The kind of boundaries this iterator finds.
  public let kind: Kind
  private let raw: OpaquePointer

  /// Opens an iterator of `kind` with the rules of `locale` (`""` for the root locale).
  ///
  /// The corresponding C function is `ubrk_open`.
  public init(_ kind: Kind, locale: String = "") throws(ICUError) {
    var status: Int32 = 0
    let raw = cicu_brk_open(kind.rawValue, locale, &status)
    try ICU.check(status)
    guard let raw else { throw .memoryAllocation }
    self.kind = kind
    self.raw = raw
  }

  deinit { cicu_brk_close(raw) }

  /// All boundaries of `text` as UTF-8 byte offsets, from 0 to `text.utf8.count`.
  ///
  /// - Complexity: O(*n*); `text` must be under 2 GiB.
  public func boundaries(in text: String) -> [Int] {
    var offsets: [Int] = []
    scan(text, wantStatus: false) { offset, _ in offsets.append(offset) }
    return offsets
  }

  /// The segments of `text`, with ICU's rule status.
  ///
  /// - Complexity: O(*n*); `text` must be under 2 GiB.
  public func segments(in text: String) -> [Segment] {
    var marks: [(offset: Int, status: Int32)] = []
    scan(text, wantStatus: true) { marks.append(($0, $1)) }
    guard marks.count > 1 else { return [] }
    return (1..<marks.count).map { i in
      Segment(utf8: marks[i - 1].offset..<marks[i].offset, ruleStatus: marks[i].status)
    }
  }

  /// Hands each boundary (and, if `wantStatus`, its rule status) to `found`, in order.
  private func scan(_ text: String, wantStatus: Bool, _ found: (Int, Int32) -> Void) {
    var text = text
    text.withUTF8 { utf8 in
      precondition(utf8.count < Int32.max, "text longer than 2 GiB: split it first")
      // Boundaries come in batches of a bounded buffer (not one slot per byte of text),
      // each batch resuming after the last boundary of the one before.
      let capacity = min(utf8.count + 1, 1 << 14)
      var boundaries = [Int32](repeating: 0, count: capacity)
      var statuses = [Int32](repeating: 0, count: wantStatus ? capacity : 0)
      var after: Int32 = -1
      while true {
        var status: Int32 = 0
        let count = ICU.nonNull(utf8) { base in
          statuses.withUnsafeMutableBufferPointer { statusBuffer in
            cicu_brk_boundaries_utf8(
              raw, base, Int32(utf8.count), after, &boundaries, wantStatus ? statusBuffer.baseAddress : nil,
              Int32(capacity), &status)
          }
        }
        ICU.expect(status, "ubrk_next")
        for k in 0..<Int(count) { found(Int(boundaries[k]), wantStatus ? statuses[k] : 0) }
        guard count == capacity, boundaries[capacity - 1] < utf8.count else { break }
        after = boundaries[capacity - 1]
      }
    }
  }
}
