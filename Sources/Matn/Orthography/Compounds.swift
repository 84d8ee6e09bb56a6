/// Compounds that take a ZWNJ between their parts (PERSIAN.md A.6): typed glued
/// («بینالمللی») they get it back. Typed with a space («بین المللی») only a user's
/// compounds are joined: for the shipped ones a space is often a standard spelling (see
/// `scripts/derive-persian-lexicon`). Lookups go by the FNV-1a key of the glued scalars; a token is
/// hashed only when its first letter and length fit some entry.
///
/// The shipped table is `compounds-hazm.tsv` (derived from hazm by
/// `scripts/derive-persian-lexicon`) and the curated `compounds.tsv`, hashed by
/// `scripts/build-tables` into `Tables/compounds.bin` and read in place; a user's list
/// (``TextNormalizer/Options/compounds``) is added with ``adding(_:)``.
///
/// (`@unchecked Sendable`: its slots are never written after they are made, read in
/// place from the binary or kept by ``OwnedWords``.)
struct Compounds: @unchecked Sendable {
  /// Where the ZWNJs go: offsets into the glued form, in increasing order, and whether
  /// the two-part compound is joined when typed with a space.
  struct Entry: Sendable {
    var offsets: [Int]
    var spaced: Bool
    /// A curated or a user's compound: its ZWNJs are made whatever the text shows
    /// (``SplitConfidence`` weighs only hazm's compounds, whose glued spelling is in use).
    var required = false
  }

  /// The shipped entries: their keys in ``WordSet`` slots and, at each key's slot, its
  /// entry packed (``packed(_:)``); read in place from `Tables/compounds.bin`.
  private var keySlots: UnsafeBufferPointer<UInt64>
  private var values: UnsafeBufferPointer<UInt64>
  /// Keeps the slots alive when they were built at run time.
  private var owner: OwnedWords?
  /// A user's entries (``adding(_:)``), looked up after the shipped ones.
  private var added: [UInt64: Entry] = [:]
  /// Two bits per entry's key in 2^18 bits (32 KB), a Bloom filter: with ~12,000
  /// entries all but about one word in a hundred that is no compound is ruled out
  /// before the keys are read (a cache miss each). Hashing the word costs less than that
  /// miss; a filter on the word's shape (first, second and last letter, length) let
  /// most words of running text through, as many compounds share their shape.
  private var filter = [UInt64](repeating: 0, count: 1 << 12)
  /// For the spaced entries: the first part's first letter and length, and the second
  /// part's, the same way.
  private var firstParts = [UInt64](repeating: 0, count: 0x100)
  private var secondParts = [UInt64](repeating: 0, count: 0x100)
  /// The lengths of the glued entries, a bit each (``bit(_:)``): most running words are
  /// shorter than any compound and need neither a key nor a look in ``filter``.
  private var lengths: UInt64 = 0
  /// One bit per entry's shape (length, first two and last two scalars; ``shape(_:_:)``)
  /// in 2^17 bits (16 KB): it rules out about nine running words in ten that are as long
  /// as some compound before their key is computed (``mayHold(_:_:)``), with no key
  /// and no look in ``filter``.
  private var shapes = [UInt64](repeating: 0, count: 1 << 11)

  /// Read in place from `Tables/compounds.bin` (written by `scripts/build-tables` from
  /// ``computedSections()``); computed from the word lists when it is missing. (Parsed
  /// at start-up, the 12,000 compounds took some 8 ms of every process that met Persian.)
  static let shared = Compounds.embedded ?? Compounds(PackedTable(sections: computedSections()))!

  static let resourceName = "Tables/compounds.bin"
  /// Key slots, packed entries, filter, first parts, second parts, lengths, shapes.
  static let sectionCount = 7

  static var embedded: Compounds? {
    PackedTable.embedded(resourceName, sections: sectionCount).flatMap(Compounds.init)
  }

  /// The table in `table` (sections as ``computedSections()`` writes them).
  private init?(_ table: PackedTable) {
    let t = table.sections
    guard t.count == Self.sectionCount, t[0].count == t[1].count, t[0].count > 0, t[0].count & (t[0].count - 1) == 0,
      t[2].count == 1 << 12, t[3].count == 0x100, t[4].count == 0x100, t[5].count == 1, t[6].count == 1 << 11
    else { return nil }
    keySlots = t[0]
    values = t[1]
    owner = table.owner
    filter = t[2].map { UInt64(littleEndian: $0) }
    firstParts = t[3].map { UInt64(littleEndian: $0) }
    secondParts = t[4].map { UInt64(littleEndian: $0) }
    lengths = UInt64(littleEndian: t[5][0])
    shapes = t[6].map { UInt64(littleEndian: $0) }
  }

  /// An empty table, filled by ``insert(_:spaced:required:)``.
  private init() {
    keySlots = UnsafeBufferPointer(start: nil, count: 0)
    values = UnsafeBufferPointer(start: nil, count: 0)
  }

  /// The source of `Tables/compounds.bin`: `compounds-hazm.tsv` (derived from hazm by
  /// `scripts/derive-persian-lexicon`) and the curated `compounds.tsv`, their keys' slots
  /// and packed entries, then the filters.
  static func computedSections() -> [[UInt64]] {
    var table = Compounds()
    for line in PersianLexicon.lines("Orthography/compounds-hazm.tsv") {
      table.insert(line.unicodeScalars.map(\.value), spaced: false)
    }
    for line in PersianLexicon.lines("Orthography/compounds.tsv") {
      let parts = line.split(separator: "\t")
      guard parts.count >= 2 else { continue }
      table.insert(parts[1].unicodeScalars.map(\.value), spaced: false, required: true)
    }
    let slots = WordSet.slots(table.added.keys)
    let values = slots.map { key in key == 0 ? 0 : packed(table.added[key]!) }
    return [slots, values, table.filter, table.firstParts, table.secondParts, [table.lengths], table.shapes]
  }

  /// An entry in one value: up to six offsets of a byte each, their count (bits 48–51),
  /// spaced (bit 52), required (bit 53). The shipped compounds have at most three ZWNJs.
  private static func packed(_ entry: Entry) -> UInt64 {
    precondition(entry.offsets.count <= 6 && entry.offsets.allSatisfy { $0 > 0 && $0 < 256 }, "a compound of a few parts")
    var value = UInt64(entry.offsets.count) << 48 | (entry.spaced ? 1 << 52 : 0) | (entry.required ? 1 << 53 : 0)
    for (k, offset) in entry.offsets.enumerated() { value |= UInt64(offset) << (8 * UInt64(k)) }
    return value
  }

  private static func unpacked(_ value: UInt64) -> Entry {
    let count = Int(truncatingIfNeeded: value >> 48 & 0xF)
    return Entry(
      offsets: (0..<count).map { Int(truncatingIfNeeded: value >> (8 * UInt64($0)) & 0xFF) }, spaced: value >> 52 & 1 != 0,
      required: value >> 53 & 1 != 0)
  }

  /// The entry of `key`: a user's (which replaces a shipped one of the same key), else the
  /// shipped one.
  @inline(__always)
  private func lookUp(_ key: UInt64) -> Entry? {
    if !added.isEmpty, let entry = added[key] { return entry }
    guard !keySlots.isEmpty, let slot = WordSet.slot(of: key, in: keySlots) else { return nil }
    return Self.unpacked(UInt64(littleEndian: values[slot]))
  }

  /// This table and `words`, each a compound written with ZWNJ or spaces between its
  /// parts (Arabic ي ى ك read as ی ک). A user's compound is joined typed glued and, when it
  /// has two parts, typed with a space.
  func adding(_ words: [String]) -> Compounds {
    guard !words.isEmpty else { return self }
    var table = self
    for word in words {
      var scalars: [UInt32] = []
      var pendingJoin = false
      for v in word.unicodeScalars.map(\.value) {
        if v == 0x200C || v == 0x20 {
          pendingJoin = !scalars.isEmpty
          continue
        }
        if pendingJoin { scalars.append(0x200C) }
        pendingJoin = false
        scalars.append(PersianFold.yehKaf(v))
      }
      table.insert(scalars, spaced: true, required: true)
    }
    return table
  }

  private mutating func insert(_ joined: [UInt32], spaced: Bool, required: Bool = false) {
    var glued: [UInt32] = []
    var offsets: [Int] = []
    for v in joined {
      if v == 0x200C {
        if !glued.isEmpty && offsets.last != glued.count { offsets.append(glued.count) }
      } else {
        glued.append(v)
      }
    }
    if offsets.last == glued.count { offsets.removeLast() }
    guard let first = glued.first, !offsets.isEmpty, first &- 0x0600 < 0x100 else { return }
    let spaced = spaced && offsets.count == 1
    let key = FNV.hash(glued)
    // A compound listed before (shipped, or a user's) keeps its `required`.
    added[key] = Entry(offsets: offsets, spaced: spaced, required: required || lookUp(key)?.required == true)
    lengths |= Self.bit(glued.count)
    let shape = glued.withUnsafeBufferPointer { Self.shape($0, 0..<$0.count) }
    shapes[shape >> 6] |= 1 << UInt64(shape & 63)
    let (a, b) = Self.probes(key)
    filter[a >> 6] |= 1 << UInt64(a & 63)
    filter[b >> 6] |= 1 << UInt64(b & 63)
    if spaced, glued[offsets[0]] &- 0x0600 < 0x100 {
      firstParts[Int(first - 0x0600)] |= Self.bit(offsets[0])
      secondParts[Int(glued[offsets[0]] - 0x0600)] |= Self.bit(glued.count - offsets[0])
    }
  }

  @inline(__always)
  private static func bit(_ length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }

  /// The two bits of ``filter`` for a key (18 bits each, from the key mixed once more).
  @inline(__always)
  private static func probes(_ key: UInt64) -> (Int, Int) {
    let m = key &* 0x9E37_79B9_7F4A_7C15
    return (Int(truncatingIfNeeded: m >> 46), Int(truncatingIfNeeded: (m >> 28) & 0x3_FFFF))
  }

  /// The bit of ``shapes`` for the word `s[r]` (two scalars or more): its length and the
  /// low bytes of its first two and last two scalars, mixed.
  @inline(__always)
  private static func shape(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Int {
    let a = r.lowerBound, e = r.upperBound
    let x =
      UInt64(s[a] & 0xFF) | UInt64(s[a + 1] & 0xFF) << 8 | UInt64(s[e - 2] & 0xFF) << 16 | UInt64(s[e - 1] & 0xFF) << 24
      | UInt64(truncatingIfNeeded: r.count) << 32
    return Int(truncatingIfNeeded: (x &* 0x9E37_79B9_7F4A_7C15) >> 47)
  }

  @inline(__always)
  private static func fits(_ table: [UInt64], _ first: UInt32, _ length: Int) -> Bool {
    guard first &- 0x0600 < 0x100 else { return false }
    return table[Int(first &- 0x0600)] & bit(length) != 0
  }

  /// The ZWNJ offsets (from `r.lowerBound`) of the glued compound `s[r]`, or nil.
  @inline(__always)
  func offsets(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> [Int]? {
    entry(s, r)?.offsets
  }

  /// The entry of the glued compound `s[r]`, or nil.
  @inline(__always)
  func entry(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Entry? {
    guard mayHold(s, r) else { return nil }
    var h = FNV.basis
    for k in r { h = FNV.step(h, s[k]) }
    return entry(key: h, count: r.count)
  }

  /// Whether some glued compound has `length` scalars: when not, a word of that length
  /// needs no key to be ruled out.
  @inline(__always)
  func mayHold(length: Int) -> Bool { length >= 3 && lengths & Self.bit(length) != 0 }

  /// Whether the word `s[r]` may be a glued compound, from its length and shape: when
  /// not, it needs no key to be ruled out.
  @inline(__always)
  func mayHold(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Bool {
    guard mayHold(length: r.count) else { return false }
    let bit = Self.shape(s, r)
    return shapes[bit >> 6] >> UInt64(bit & 63) & 1 != 0
  }

  /// 1 when the word `s[r]`, of three scalars or more, may be a glued compound (as
  /// ``mayHold(_:_:)`` says), else 0: no branch.
  @inline(__always)
  func holdBit(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> UInt64 {
    let bit = Self.shape(s, r)
    return lengths &>> UInt64(min(r.count, 63)) & shapes[bit &>> 6] &>> UInt64(bit & 63) & 1
  }

  /// The entry of a word of `count` scalars whose key is `key`, or nil.
  @inline(__always)
  func entry(key: UInt64, count: Int) -> Entry? {
    guard mayHold(length: count) else { return nil }
    let (a, b) = Self.probes(key)
    guard filter[a >> 6] >> UInt64(a & 63) & 1 != 0, filter[b >> 6] >> UInt64(b & 63) & 1 != 0 else { return nil }
    return lookUp(key)
  }

  /// Whether the words `s[a]` and `s[b]`, typed with a space between them, are a
  /// compound joined that way.
  @inline(__always)
  func joinsSpaced(_ s: UnsafeBufferPointer<UInt32>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
    guard Self.fits(firstParts, s[a.lowerBound], a.count), Self.fits(secondParts, s[b.lowerBound], b.count)
    else { return false }
    var h = FNV.basis
    for k in a { h = FNV.step(h, s[k]) }
    for k in b { h = FNV.step(h, s[k]) }
    guard let entry = lookUp(h) else { return false }
    return entry.spaced && entry.offsets == [a.count]
  }
}
