/// Remembers the last forward scan over a run of scalars, so that a rule asking "where
/// does the run that holds position *i* end?" for every position of a long run (a run
/// of 100,000 ZWNJ or marks) scans the run once, not once per position.
///
/// Queries must come with one predicate per memo, and from positions that do not go
/// back before the last scan's start (stages scan forward).
///
/// - Complexity: amortised O(1) per query over a forward pass, O(*n*) in all.
struct ForwardRunMemo {
  private var start = 0
  private var end = -1

  /// The first index from `i` (up to `count`) where `skips` is false.
  @inline(__always)
  mutating func end(from i: Int, count: Int, _ skips: (Int) -> Bool) -> Int {
    // Every index in start..<end is skipped and `end` is not: any i in between ends there.
    if i >= start && i <= end { return end }
    var j = i
    while j < count && skips(j) { j += 1 }
    start = i
    end = j
    return j
  }
}

/// Remembers the last backward look over what a ``Rewriter`` has written, so that
/// "the last scalar written that is not a mark" costs amortised O(1) per question even
/// after a long run of kept marks. Output only grows and never changes once written:
/// only what was written since the last question needs looking at.
///
/// One memo serves one predicate.
struct OutputLookBehind {
  /// The output length at the last question, and its answer.
  private var scanned = 0
  private var found = -1

  /// Index of the last scalar written (in `out`) that `skips` does not skip, or -1.
  @inline(__always)
  mutating func last(_ out: Rewriter, skipping skips: (UInt32) -> Bool) -> Int {
    let m = out.outputCount
    if m < scanned {
      scanned = 0
      found = -1
    }
    var k = m - 1
    while k >= scanned && skips(out.outputScalar(k)) { k -= 1 }
    if k >= scanned { found = k }
    scanned = m
    return found
  }
}
