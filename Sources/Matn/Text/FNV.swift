/// 64-bit FNV-1a: the one hash behind word keys, line keys, text keys and the language
/// model's n-gram lookups (the model's tables are built with the same constants by
/// `scripts/train-langid`), and of the article index's word table and content hashes.
package enum FNV {
  /// The offset basis.
  package static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
  /// The prime.
  package static let prime: UInt64 = 0x0000_0100_0000_01B3

  /// One step over a value (a scalar, or a byte).
  @inline(__always)
  package static func step(_ hash: UInt64, _ value: UInt32) -> UInt64 { (hash ^ UInt64(value)) &* prime }

  /// The hash of a sequence of values.
  @inline(__always)
  package static func hash(_ values: some Sequence<UInt32>) -> UInt64 {
    var h = basis
    for v in values { h = step(h, v) }
    return h
  }

  /// The hash of bytes (not generic: called from other modules, a generic function
  /// would be run unspecialised, a protocol call per byte).
  package static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = basis
    for b in bytes { h = step(h, UInt32(b)) }
    return h
  }
}
