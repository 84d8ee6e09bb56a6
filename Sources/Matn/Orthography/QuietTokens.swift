import Synchronization

/// Tokens the affix joiner's glued-word search (``AffixJoiner``'s `glue`) left alone,
/// remembered so that a word met again skips the search: running text repeats its words,
/// and most words have no glued affix or compound, so most of the search's work (its
/// shape checks, hashes and lexicon probes, each a data-dependent branch or a load from
/// a large table) finds nothing.
///
/// The search depends only on the token's scalars and the joiner's configuration, and
/// a ZWNJ-free token it leaves alone adds neither edit nor evidence, so skipping it
/// changes nothing. A token is remembered exactly (no hash stands for it): up to 7
/// scalars of U+0600–U+06FF, one byte each, and its length, in 64 bits (nine in ten of
/// the words the search sees); longer tokens and tokens with other scalars take the
/// search every time.
///
/// A fixed direct-mapped table of 65,536 tokens (512 KB; a word evicts the one in its
/// slot: the 750 Fars files have some 18,000 distinct words, which 8,192 slots kept
/// evicting, about 4% of a file-by-file pass), one per thread that normalises at the same moment: tables are taken from a
/// shared pool for one normalisation and given back after it, so a process keeps as many
/// as it ever ran normalisations at once. Only the shipped configuration (the shipped
/// compounds, glued affixes split) is remembered, so that every table means the same.
final class QuietTokens: @unchecked Sendable {
  /// A token's scalars' low bytes, then its length in the top byte (never 0 for a token:
  /// 0 is an empty slot).
  private let slots: UnsafeMutablePointer<UInt64>
  private static let slotBits = 16

  /// An empty table (``withTable(_:)`` takes one from the pool).
  init() {
    slots = .allocate(capacity: 1 << Self.slotBits)
    slots.initialize(repeating: 0, count: 1 << Self.slotBits)
  }

  deinit { slots.deallocate() }

  /// The tables not in use.
  private static let pool = Mutex<[QuietTokens]>([])

  /// Runs `body` with a table of its own (taken from the pool, or new).
  static func withTable<R>(_ body: (QuietTokens) -> R) -> R {
    let table = pool.withLock { $0.popLast() } ?? QuietTokens()
    defer { pool.withLock { $0.append(table) } }
    return body(table)
  }

  /// The exact key of the token `s[r]`, or nil when it has none (more than seven
  /// scalars, or one outside U+0600–U+06FF).
  @inline(__always)
  static func key(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> UInt64? {
    guard r.count <= 7 else { return nil }
    var outside: UInt32 = 0
    var key = UInt64(truncatingIfNeeded: r.count) &<< 56
    var shift: UInt64 = 0
    for k in r {
      outside |= s[k] ^ 0x0600
      key |= UInt64(s[k] & 0xFF) &<< shift
      shift &+= 8
    }
    return outside < 0x100 ? key : nil
  }

  @inline(__always)
  private func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> UInt64(64 - Self.slotBits))
  }

  /// Whether the token of `key` was left alone before.
  @inline(__always)
  func contains(_ key: UInt64) -> Bool { slots[slot(key)] == key }

  /// Remembers that the token of `key` is left alone.
  @inline(__always)
  func insert(_ key: UInt64) { slots[slot(key)] = key }
}
