/// A set of word keys (FNV-1a hashes) with open addressing: the keys are already
/// well-mixed hashes, so lookups skip `Hasher` entirely.
///
/// The slots are built at run time from keys, or read in place from a ``PackedTable``
/// (the lexicons' sets, built by `scripts/build-tables`): the same slots either way, as
/// the keys are placed in increasing order.
struct WordSet: @unchecked Sendable {
  /// A power of two of slots, little-endian; 0 is an empty slot.
  private let slots: UnsafeBufferPointer<UInt64>
  /// The memory of slots built at run time (nil when they are read in place).
  private let owner: OwnedWords?

  /// The key of a word: FNV-1a over its scalar values.
  static func key(_ word: String) -> UInt64 { FNV.hash(word.unicodeScalars.lazy.map(\.value)) }

  /// The key of a word given as scalar values.
  static func key(_ scalars: some Sequence<UInt32>) -> UInt64 { FNV.hash(scalars) }

  init(_ keys: some Sequence<UInt64>) {
    let slots = Self.slots(keys)
    let owner = OwnedWords(slots)
    self.slots = UnsafeBufferPointer(owner.buffer)
    self.owner = owner
  }

  /// The set whose slots are `slots` (as ``slots(_:)`` lays them out), or nil when their
  /// count is not a power of two; `owner` keeps them alive.
  init?(slots: UnsafeBufferPointer<UInt64>, owner: OwnedWords?) {
    guard slots.count > 0, slots.count & (slots.count - 1) == 0 else { return nil }
    self.slots = slots
    self.owner = owner
  }

  /// The slots of a set of `keys`: at least 16 and twice the keys, a power of two, each
  /// key at its hash's slot or the next free one, placed in increasing order. The
  /// packed tables that keep a value per key (``KeyedNames``, the language model's word
  /// evidence) use the same layout and find a key's slot with ``slot(of:in:)``.
  static func slots(_ keys: some Sequence<UInt64>) -> [UInt64] {
    let unique = Set(keys).sorted()
    var size = 16
    while size < unique.count * 2 { size <<= 1 }
    var slots = [UInt64](repeating: 0, count: size)
    for key in unique where key != 0 {
      var i = Int(truncatingIfNeeded: key) & (size - 1)
      while slots[i] != 0 { i = (i + 1) & (size - 1) }
      slots[i] = key
    }
    return slots
  }

  /// The index of `key`'s slot in `slots` (laid out as ``slots(_:)`` lays them out, a
  /// power of two of them), or nil when the key is absent or 0.
  ///
  /// - Complexity: O(1) expected.
  @inline(__always)
  static func slot(of key: UInt64, in slots: UnsafeBufferPointer<UInt64>) -> Int? {
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: key) & mask
    while true {
      let slot = UInt64(littleEndian: slots[i])
      if slot == key { return key != 0 ? i : nil }
      if slot == 0 { return nil }
      i = (i + 1) & mask
    }
  }

  @inline(__always)
  func contains(_ key: UInt64) -> Bool { Self.slot(of: key, in: slots) != nil }

  /// The set's slots without the reference that keeps them alive: a trivial value a
  /// loop over many words copies without retaining. Valid while the set lives (a static
  /// set: for the life of the process).
  var unownedSlots: Slots { Slots(slots: slots) }

  /// A set's slots, read as ``contains(_:)`` reads them.
  struct Slots: @unchecked Sendable {
    let slots: UnsafeBufferPointer<UInt64>

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { WordSet.slot(of: key, in: slots) != nil }
  }

  /// The keys of the set, in slot order.
  var keys: [UInt64] { slots.map { UInt64(littleEndian: $0) }.filter { $0 != 0 } }
}
