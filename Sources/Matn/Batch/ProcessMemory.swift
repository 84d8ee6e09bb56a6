import CMatnKernels

/// How a process that normalises long texts asks for memory.
public enum ProcessMemory {
  /// Large blocks from the heap, kept for reuse, rather than mapped afresh for each one
  /// (glibc; elsewhere nothing changes). The normaliser's working arrays take several
  /// bytes per input byte and are made and freed stage after stage: by default glibc
  /// maps every block above its threshold (128 KiB at first), and the kernel zeroes each
  /// new mapping page by page, then unmaps it when the block is freed. Call it once, at
  /// the start of a process (the `matn` command does).
  ///
  /// Returns whether the setting was made.
  @discardableResult
  public static func preferHeapForLargeBlocks() -> Bool { mk_prefer_heap_for_large_blocks() != 0 }
}
