/// Byte offsets of scalar offsets in UTF-8, for the batches whose offsets count
/// Unicode scalars (matn.h, "Batches of strings"). A scalar starts at every byte that
/// does not continue a sequence (10xxxxxx).
enum UTF8Offsets {
  /// The scalars of valid UTF-8 `bytes` (for other bytes: the bytes that do not continue
  /// a sequence).
  ///
  /// - Complexity: O(*n*), eight bytes at a time.
  static func scalars(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let count = bytes.count
    var continuations = 0
    var i = 0
    while i + 8 <= count {
      // A continuation byte has its top bit set and the next one clear.
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      continuations &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
      i += 8
    }
    while i < count {
      if base[i] & 0xC0 == 0x80 { continuations &+= 1 }
      i += 1
    }
    return count - continuations
  }

  /// The byte offset `scalars` scalars after the scalar that starts at byte `start` of
  /// `base`: the start of the next scalar, or `limit` at the end; nil when the bytes end
  /// (at `limit`) first.
  ///
  /// - Complexity: O(*n*) in the bytes passed, in runs of as many bytes as scalars are
  ///   still to start (a scalar takes at least one byte): one run for ASCII, a few for
  ///   text of longer sequences, each counted eight bytes at a time.
  static func advance(_ base: UnsafePointer<UInt8>, from start: Int, scalars: Int, limit: Int) -> Int? {
    var position = start
    var needed = scalars
    while needed > 0 {
      guard needed <= limit - position else { return nil }
      let run = needed
      needed -= Self.scalars(in: UnsafeBufferPointer(start: base + position, count: run))
      position += run
    }
    // The continuation bytes of the last scalar.
    while position < limit && base[position] & 0xC0 == 0x80 { position += 1 }
    return position
  }
}
