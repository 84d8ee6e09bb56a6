/// A set of word keys (FNV-1a hashes) with open addressing: the keys are already
/// well-mixed hashes, so lookups skip `Hasher` entirely.
struct WordSet: Sendable {
  private let slots: [UInt64]
  private let mask: Int

  /// The key of a word: FNV-1a over its scalar values.
  static func key(_ word: String) -> UInt64 { FNV.hash(word.unicodeScalars.lazy.map(\.value)) }

  /// The key of a word given as scalar values.
  static func key(_ scalars: some Sequence<UInt32>) -> UInt64 { FNV.hash(scalars) }

  init(_ keys: some Sequence<UInt64>) {
    let unique = Set(keys)
    var size = 16
    while size < unique.count * 2 { size <<= 1 }
    var slots = [UInt64](repeating: 0, count: size)
    for key in unique where key != 0 {
      var i = Int(truncatingIfNeeded: key) & (size - 1)
      while slots[i] != 0 { i = (i + 1) & (size - 1) }
      slots[i] = key
    }
    self.slots = slots
    self.mask = size - 1
  }

  @inline(__always)
  func contains(_ key: UInt64) -> Bool {
    var i = Int(truncatingIfNeeded: key) & mask
    while true {
      let slot = slots[i]
      if slot == key { return key != 0 }
      if slot == 0 { return false }
      i = (i + 1) & mask
    }
  }
}
