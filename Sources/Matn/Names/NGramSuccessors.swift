import CMatnKernels

/// The rows of an ``NGramTable`` rearranged for the graphone decoder: every row that
/// can be a context (of fewer ids than the model's order) in a table of its own, with
/// its back-off weight and a record of its successors: the last ids of the n-grams that
/// extend it, sorted, and their log10 p; and the unigrams' log10 p by id. A
/// hypothesis's contexts are found in the smaller table, and its successors among a
/// letter's graphones (a short run of ids) by one binary search and a walk in one
/// record per order, instead of one hash probe per graphone and order, each a cache
/// miss somewhere in the larger table.
///
/// Built from the table when the decoder first runs (about 55,000 rows for the
/// built-in model). nil when a row's context has no row of its own (the derivation writes every
/// context of an n-gram, but a hand-made table may not): the records could not hold
/// that row, and the decoder probes the table instead.
///
/// - Thread safety: `Sendable` (immutable after building).
struct NGramSuccessors: @unchecked Sendable {
  /// Open addressing over the context rows' keys (``NGramTable``'s hash): a slot is the
  /// key (u64), the row's log10 back-off (f32) and its record's offset in ``records``
  /// (u32 words).
  private let slots: UnsafeMutableRawPointer
  private let shift: UInt64
  private let mask: Int
  /// A record: the successor count *c*, then *c* ids (u16, padded to a whole word),
  /// then their *c* log10 p (f32).
  private let records: UnsafeMutablePointer<UInt32>
  /// log10 p of each id's unigram (NaN: none).
  private let unigrams: UnsafeMutablePointer<Float>
  private let storage: Storage

  final class Storage: @unchecked Sendable {
    let slots: UnsafeMutableRawPointer
    let records: UnsafeMutablePointer<UInt32>
    let unigrams: UnsafeMutablePointer<Float>
    init(slots: Int, words: Int) {
      self.slots = .allocate(byteCount: 16 * slots, alignment: 16)
      self.slots.initializeMemory(as: UInt8.self, repeating: 0, count: 16 * slots)
      records = .allocate(capacity: max(words, 1))
      unigrams = .allocate(capacity: 1024)
      unigrams.initialize(repeating: .nan, count: 1024)
    }
    deinit {
      slots.deallocate()
      records.deallocate()
      unigrams.deallocate()
    }
  }

  /// The rearranged rows of `table`, a model of order `order`. In linear time (about
  /// 4 ms for the built-in model): the rows are grouped by their context's slot by
  /// counting, and each group's few ids sorted in place.
  init?(_ table: NGramTable, order: Int) {
    let size = table.size
    guard size < 1 << 31, (2...6).contains(order) else { return nil }
    // Each row of two ids or more as its context's slot and its own; the rows each
    // context slot has, then where its group starts.
    var pairs: [(context: Int32, row: Int32)] = []
    pairs.reserveCapacity(table.count)
    var starts = [Int32](repeating: 0, count: size + 1)
    var contexts: [Int32] = []
    let storage: Storage
    var tableSize = 16
    do {
      var unigrams: [(UInt16, Float)] = []
      for i in 0..<size {
        let key = table.key(i)
        guard key != 0 else { continue }
        let n = key >> 60
        guard (1...6).contains(n) else { return nil }
        if n < order { contexts.append(Int32(i)) }
        guard n > 1 else {
          unigrams.append((UInt16(key & 0x3FF), table.logProb(i)))
          continue
        }
        let context = (n - 1) << 60 | (key & ((1 << (10 * n)) - 1)) >> 10
        guard let slot = table.index(context) else { return nil }
        pairs.append((Int32(slot), Int32(i)))
        starts[slot + 1] += 1
      }
      while tableSize < contexts.count * 2 { tableSize *= 2 }
      var words = 0
      for slot in contexts {
        let c = Int(starts[Int(slot) + 1])
        words += 1 + (c + 1) / 2 + c
      }
      storage = Storage(slots: tableSize, words: words)
      for (id, p) in unigrams { storage.unigrams[Int(id)] = p }
    }
    for s in 0..<size { starts[s + 1] += starts[s] }
    // The rows grouped by context slot (`grouped[starts[s]..<starts[s + 1]]`), each
    // group by id.
    var grouped = [Int32](repeating: 0, count: pairs.count)
    var fill = starts
    for (context, row) in pairs {
      grouped[Int(fill[Int(context)])] = row
      fill[Int(context)] += 1
    }
    func id(_ row: Int32) -> UInt64 { table.key(Int(row)) & 0x3FF }
    for s in contexts {
      let from = Int(starts[Int(s)])
      let to = Int(starts[Int(s) + 1])
      guard to - from > 1 else { continue }
      for a in (from + 1)..<to {
        let row = grouped[a]
        var b = a
        while b > from && id(grouped[b - 1]) > id(row) {
          grouped[b] = grouped[b - 1]
          b -= 1
        }
        grouped[b] = row
      }
    }
    shift = 64 - UInt64(tableSize.trailingZeroBitCount)
    mask = tableSize - 1
    var offset = 0
    for slot in contexts.lazy.map(Int.init) {
      let from = Int(starts[slot])
      let c = Int(starts[slot + 1]) - from
      storage.records[offset] = UInt32(c)
      let ids = UnsafeMutableRawPointer(storage.records + offset + 1).assumingMemoryBound(to: UInt16.self)
      let probabilities = UnsafeMutableRawPointer(storage.records + offset + 1 + (c + 1) / 2)
        .assumingMemoryBound(to: Float.self)
      if c % 2 == 1 { ids[c] = 0 }
      for t in 0..<c {
        let row = Int(grouped[from + t])
        ids[t] = UInt16(truncatingIfNeeded: table.key(row) & 0x3FF)
        probabilities[t] = table.logProb(row)
      }
      let key = table.key(slot)
      var i = NGramTable.slot(key, shift: shift)
      while storage.slots.load(fromByteOffset: 16 * i, as: UInt64.self) != 0 { i = (i + 1) & mask }
      storage.slots.storeBytes(of: key, toByteOffset: 16 * i, as: UInt64.self)
      storage.slots.storeBytes(of: table.backoff(slot), toByteOffset: 16 * i + 8, as: Float.self)
      storage.slots.storeBytes(of: UInt32(offset), toByteOffset: 16 * i + 12, as: UInt32.self)
      offset += 1 + (c + 1) / 2 + c
    }
    slots = storage.slots
    records = storage.records
    self.unigrams = storage.unigrams
    self.storage = storage
  }

  /// Asks for the cache line of a context key's home slot (a hint).
  @inline(__always)
  func prefetchContext(_ key: UInt64) {
    mk_prefetch(slots + 16 * NGramTable.slot(key, shift: shift))
  }

  /// Asks for the start of a record (a hint).
  @inline(__always)
  func prefetchRecord(_ record: Int32) {
    if record >= 0 { mk_prefetch(records + Int(record)) }
  }

  /// The slot of a context key, nil when no row has it.
  @inline(__always)
  private func index(_ key: UInt64) -> Int? {
    NGramTable.index(of: key, in: UnsafeRawPointer(slots), shift: shift, mask: mask)
  }

  /// ``PersianNameModel/contexts(_:_:_:)`` of `history` in a model of order `order`
  /// (the same sums, added in the same order), with each order's record offset in
  /// `records[m]` (-1 where the context has no row).
  @inline(__always)
  func contexts(_ history: UInt64, order: Int, records: UnsafeMutablePointer<Int32>) -> PersianNameModel.Contexts {
    PersianNameModel.Contexts(order: order, history: history) { key, m in
      guard let b = index(key) else {
        records[m] = -1
        return nil
      }
      records[m] = Int32(bitPattern: slots.load(fromByteOffset: 16 * b + 12, as: UInt32.self))
      return slots.load(fromByteOffset: 16 * b + 8, as: Float.self)
    }
  }

  /// log10 p(g | history) for each `g` of `options` (ascending ids) into `out`, as
  /// ``PersianNameModel/logProb(_:_:_:_:)`` computes each (the same value to the bit:
  /// the same back-off sum and row, the longest order that has the n-gram), `contexts`
  /// and `records` from ``contexts(_:order:records:)`` of the history.
  @inline(__always)
  func logProbs(
    _ options: UnsafeBufferPointer<UInt16>, _ contexts: PersianNameModel.Contexts, _ records: UnsafePointer<Int32>,
    into out: UnsafeMutablePointer<Float>
  ) {
    var backoff = contexts.backoff
    withUnsafeBytes(of: &backoff) { raw in
      let sums = raw.bindMemory(to: Float.self)
      let count = options.count
      out.update(repeating: .nan, count: count)
      var left = count
      var m = contexts.longest
      while m > 0 && left > 0 {
        let record = Int(records[m])
        m -= 1
        guard record >= 0 else { continue }
        let end = Int(self.records[record])
        guard end > 0 else { continue }
        let ids = UnsafeRawPointer(self.records + record + 1).assumingMemoryBound(to: UInt16.self)
        let probabilities = UnsafeRawPointer(self.records + record + 1 + (end + 1) / 2)
          .assumingMemoryBound(to: Float.self)
        // The record's first id not below the first option (a binary search without
        // branches on the ids), then both walked together.
        var e = 0
        var length = end
        let first = options[0]
        while length > 1 {
          let half = length >> 1
          e = ids[e + half - 1] < first ? e + half : e
          length -= half
        }
        if ids[e] < first { e += 1 }
        var o = 0
        while e < end && o < count {
          let id = ids[e]
          let g = options[o]
          if id < g {
            e += 1
          } else if id > g {
            o += 1
          } else {
            if out[o].isNaN {
              out[o] = sums[m + 1] + probabilities[e]
              left -= 1
            }
            e += 1
            o += 1
          }
        }
      }
      guard left > 0 else { return }
      for o in 0..<count where out[o].isNaN {
        let p = unigrams[Int(options[o])]
        out[o] = p.isNaN ? sums[0] - 7 : sums[0] + p
      }
    }
  }
}
