import CMatnResources

/// Lookup tables of words (word sets, keyed names, small lists) in sections of 64-bit
/// values, read in place from `Resources/Tables` instead of being parsed from their text
/// sources at start-up.
///
/// As with ``EmbeddedTable``, each table has a source: a function beside the type that
/// reads it, which parses the text resources (`NameTables.computedSections()`,
/// `PersianLexicon.computedSections()`, `DatelineTables.computedSections()`).
/// `scripts/build-tables` writes what it returns, and `EmbeddedTableTests` fails when an
/// embedded table differs from its source. When a resource is missing or malformed the
/// reader computes the table from its source instead.
///
/// Format, all little-endian `UInt64`: the magic `MATNPAK1`, the number of sections *n*,
/// *n* section lengths (in values), then the sections one after another. What a section
/// holds is the reader's business: a ``WordSet``'s slots, keys and values of a
/// ``KeyedNames``, UTF-8 bytes padded to a multiple of eight.
///
/// - Thread safety: a `Sendable` value, read-only.
struct PackedTable: @unchecked Sendable {
  /// The sections, in order.
  let sections: [UnsafeBufferPointer<UInt64>]
  /// The memory of a table built at run time (nil for an embedded one, which lives as
  /// long as the process).
  let owner: OwnedWords?

  /// `MATNPAK1` as a little-endian value.
  static let magic: UInt64 = 0x314B_4150_4E54_414D

  /// The table in `words` (in the format above), or nil when they are not one.
  init?(words: UnsafeBufferPointer<UInt64>, owner: OwnedWords?) {
    guard words.count >= 2, UInt64(littleEndian: words[0]) == Self.magic, let base = words.baseAddress else {
      return nil
    }
    let count = Int(truncatingIfNeeded: UInt64(littleEndian: words[1]))
    guard count >= 0, count <= words.count - 2 else { return nil }
    var offset = 2 + count
    var sections: [UnsafeBufferPointer<UInt64>] = []
    sections.reserveCapacity(count)
    for i in 0..<count {
      let length = Int(truncatingIfNeeded: UInt64(littleEndian: words[2 + i]))
      guard length >= 0, length <= words.count - offset else { return nil }
      sections.append(UnsafeBufferPointer(start: base + offset, count: length))
      offset += length
    }
    guard offset == words.count else { return nil }
    self.sections = sections
    self.owner = owner
  }

  /// A table of `sections` built at run time (when no embedded one is read).
  init(sections: [[UInt64]]) {
    let words = Self.words(sections)
    let owner = OwnedWords(words)
    // The words were just written in the format: they always read back.
    self.init(words: UnsafeBufferPointer(rebasing: owner.buffer[..<words.count]), owner: owner)!
  }

  /// The embedded resource `name` when it is a table of `sections` sections, else nil.
  ///
  /// - Complexity: O(*n*) in the sections; the pages of a section are touched only where
  ///   it is read.
  static func embedded(_ name: String, sections: Int) -> PackedTable? {
    #if _endian(big)
      return nil
    #else
      var length: Int64 = 0
      guard let bytes = matn_resource(name, &length), length >= 16, length % 8 == 0 else { return nil }
      let words = UnsafeBufferPointer(
        start: UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt64.self), count: Int(length) / 8)
      guard let table = PackedTable(words: words, owner: nil), table.sections.count == sections else { return nil }
      return table
    #endif
  }

  /// `sections` in the table format (values, not yet bytes).
  static func words(_ sections: [[UInt64]]) -> [UInt64] {
    var words: [UInt64] = [magic, UInt64(sections.count)]
    words.reserveCapacity(2 + sections.count + sections.reduce(0) { $0 + $1.count })
    for section in sections { words.append(UInt64(section.count)) }
    for section in sections { words.append(contentsOf: section) }
    return words
  }

  /// `sections` as the bytes of a resource.
  static func bytes(_ sections: [[UInt64]]) -> [UInt8] { EmbeddedTable.bytes(words(sections)) }

  /// The word set whose slots are section `index`, or nil when they are not a word set's.
  func wordSet(_ index: Int) -> WordSet? { WordSet(slots: sections[index], owner: owner) }

  /// The UTF-8 bytes of section `index` (a section written by ``utf8Section(_:)``).
  func utf8(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    let section = sections[index]
    guard let base = section.baseAddress, section.count > 1 else { return UnsafeBufferPointer(start: nil, count: 0) }
    let count = Int(truncatingIfNeeded: UInt64(littleEndian: section[0]))
    return UnsafeBufferPointer(
      start: UnsafeRawPointer(base + 1).assumingMemoryBound(to: UInt8.self), count: min(count, 8 * (section.count - 1)))
  }

  /// A section of UTF-8 bytes: their count, then the bytes eight to a value,
  /// little-endian, the last padded with zeros.
  static func utf8Section(_ bytes: [UInt8]) -> [UInt64] {
    var section: [UInt64] = [UInt64(bytes.count)]
    section.reserveCapacity(1 + (bytes.count + 7) / 8)
    var i = 0
    while i < bytes.count {
      var value: UInt64 = 0
      for k in 0..<min(8, bytes.count - i) { value |= UInt64(bytes[i + k]) << (8 * k) }
      section.append(value)
      i += 8
    }
    return section
  }
}

/// Values in one allocation that lives as long as the tables reading it, stored
/// little-endian as an embedded table is.
final class OwnedWords: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<UInt64>

  init(_ words: [UInt64]) {
    buffer = .allocate(capacity: max(words.count, 1))
    _ = buffer.initialize(from: words.lazy.map(\.littleEndian))
  }

  deinit { buffer.deallocate() }
}

/// Names looked up by the hash of a key (``DatelineTables``' places and agencies): an
/// open-addressing table of hashes, each with the offset and length of its name in one
/// UTF-8 blob, read in place like a ``WordSet``.
///
/// Three sections of a ``PackedTable``: the hash slots (0 is empty; a power of two),
/// per slot the name's offset (high 32 bits) and length (low 32 bits), and the blob.
struct KeyedNames: @unchecked Sendable {
  private let slots: UnsafeBufferPointer<UInt64>
  private let values: UnsafeBufferPointer<UInt64>
  private let names: UnsafeBufferPointer<UInt8>
  private let owner: OwnedWords?

  /// The three sections from `first` on; nil when they are not such a table.
  init?(_ table: PackedTable, first: Int) {
    let slots = table.sections[first], values = table.sections[first + 1]
    guard slots.count > 0, slots.count & (slots.count - 1) == 0, values.count == slots.count else { return nil }
    self.slots = slots
    self.values = values
    self.names = table.utf8(first + 2)
    self.owner = table.owner
  }

  /// The three sections of `entries` (hash → name, hashes not 0), in a fixed order: the
  /// hashes are placed in increasing order, so equal entries give equal bytes.
  static func sections(names: [Substring], entries: [UInt64: Int]) -> [[UInt64]] {
    var blob: [UInt8] = []
    var spans: [UInt64] = []
    for name in names {
      spans.append(UInt64(blob.count) << 32 | UInt64(name.utf8.count))
      blob.append(contentsOf: name.utf8)
    }
    let slots = WordSet.slots(entries.keys)
    var values = [UInt64](repeating: 0, count: slots.count)
    slots.withUnsafeBufferPointer { placed in
      for (key, name) in entries {
        if let i = WordSet.slot(of: key, in: placed) { values[i] = spans[name] }
      }
    }
    return [slots, values, PackedTable.utf8Section(blob)]
  }

  /// The name of `hash`, or nil.
  ///
  /// - Complexity: O(1) expected.
  func name(_ hash: UInt64) -> String? {
    guard let i = WordSet.slot(of: hash, in: slots) else { return nil }
    let value = UInt64(littleEndian: values[i])
    let start = Int(value >> 32), count = Int(value & 0xFFFF_FFFF)
    guard start + count <= names.count, let base = names.baseAddress else { return nil }
    return String(decoding: UnsafeBufferPointer(start: base + start, count: count), as: UTF8.self)
  }

}
