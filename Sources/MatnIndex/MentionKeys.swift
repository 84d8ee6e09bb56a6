import Synchronization
import Matn

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The keys a name is indexed and searched by, for every run of its words: the
/// native words folded as search keys (``SearchKey``), and the ASCII and phonetic keys
/// of each of its top romanisations (``NameIndexer/romanize(_:top:style:)``).
///
/// A run of words lets «ولایتی» find "Ali Akbar Velayati" by its last word, and "Ali
/// Akbar Velayati" find «علی‌اکبر ولایتی» whole.
struct NameKey: Hashable, Sendable {
  enum Kind: Int, Sendable, Comparable {
    /// The words as written, folded (`SearchKey`): a same-script exact match.
    case native = 0
    /// The lower-case ASCII romanisation (the ``NameKeys/ascii`` key).
    case ascii = 1
    /// The consonant skeleton (the ``NameKeys/phonetic`` key).
    case phonetic = 2
    /// A consonant skeleton with one letter left out (stored only): a skeleton one
    /// letter longer, shorter or different finds it (``MentionKeys/near(_:)``).
    case near = 3

    static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
  }

  var kind: Kind
  var key: String
  /// The ASCII form this key came from (for ranking phonetic matches by closeness);
  /// the key itself for native keys.
  var ascii: String
  /// True when the run is the whole name.
  var whole: Bool
  /// Which romanisation it came from (0: the top one).
  var rank: Int
}

enum MentionKeys {
  /// How many romanisations of an Arabic-script name are indexed and searched.
  static let romanizations = 3
  /// The longest run of words that is keyed on its own (a whole name is always keyed).
  static let longestRun = 3
  /// The shortest skeleton that is also keyed with each letter left out (``NameKey/Kind/near``):
  /// shorter ones would meet too many others.
  static let shortestNear = 5

  /// The keys of `name` (as written) and of its runs of words, without duplicates;
  /// `stored` adds the ``NameKey/Kind/near`` keys of the whole name's skeletons (what
  /// the index stores for a mention; a query looks its own variants up instead; a run
  /// of a longer name one letter from a query is too often someone else).
  static func keys(of name: String, indexer: NameIndexer = .shared, stored: Bool = false) -> [NameKey] {
    var out: [NameKey] = []
    var seen = Set<String>()
    func add(_ key: NameKey) {
      guard !key.key.isEmpty, key.key != "_", seen.insert("\(key.kind.rawValue)\u{1F}\(key.key)").inserted else { return }
      out.append(key)
    }
    let nativeWords = words(SearchKey.make(name))
    for (run, whole) in runs(nativeWords.count) {
      add(NameKey(kind: .native, key: run.map { nativeWords[$0] }.joined(separator: " "), ascii: "", whole: whole, rank: 0))
    }
    for (rank, romanization) in romanizationsOf(name, indexer: indexer).enumerated() {
      let asciiWords = words(indexer.keys(for: romanization).ascii)
      for (run, whole) in runs(asciiWords.count) {
        let ascii = run.map { asciiWords[$0] }.joined(separator: " ")
        add(NameKey(kind: .ascii, key: ascii, ascii: ascii, whole: whole, rank: rank))
        let phonetic = Self.phonetic(ascii, indexer: indexer)
        if phonetic.count >= 2 {
          add(NameKey(kind: .phonetic, key: phonetic, ascii: ascii, whole: whole, rank: rank))
        }
        if stored && whole {
          for variant in near(phonetic) {
            add(NameKey(kind: .near, key: variant, ascii: ascii, whole: whole, rank: rank))
          }
        }
      }
    }
    return out
  }

  /// A skeleton of ``shortestNear`` letters or more with each letter left out in turn
  /// (none for a shorter one): two skeletons one edit apart (a letter more, less or
  /// different) share one of these, or one is the other's.
  static func near(_ phonetic: String) -> [String] {
    let letters = Array(phonetic.unicodeScalars)
    guard letters.count >= shortestNear, phonetic != "_" else { return [] }
    var out: [String] = []
    for i in letters.indices {
      var v = String.UnicodeScalarView()
      v.append(contentsOf: letters[..<i])
      v.append(contentsOf: letters[(i + 1)...])
      let s = String(v)
      if !out.contains(s) { out.append(s) }
    }
    return out
  }

  /// The top romanisations of `name`: several for an Arabic-script name (its spellings
  /// differ in the vowels the script does not write), one otherwise.
  static func romanizationsOf(_ name: String, indexer: NameIndexer) -> [String] {
    let primary = indexer.keys(for: name).display
    guard name.unicodeScalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) else { return [primary] }
    var out = [primary]
    for r in indexer.romanize(name, top: romanizations) where !out.contains(r.text) && out.count < romanizations {
      out.append(r.text)
    }
    return out
  }

  /// Contiguous runs of up to ``longestRun`` words, and the whole name; for a name of
  /// three words or more, also its first and last word together (a given and a family
  /// name without the middle one: "Bijan Zanganeh" for "Bijan Namdar Zanganeh").
  static func runs(_ count: Int) -> [([Int], Bool)] {
    guard count > 0 else { return [] }
    var out: [([Int], Bool)] = [(Array(0..<count), true)]
    for length in 1...min(longestRun, count) {
      for start in 0...(count - length) where !(start == 0 && length == count) {
        out.append((Array(start..<start + length), false))
      }
    }
    if count >= 3 { out.append(([0, count - 1], false)) }
    return out
  }

  /// The phonetic key of an ASCII form (``NameKeys/phonetic``).
  static func phonetic(_ ascii: String, indexer: NameIndexer) -> String {
    indexer.keys(for: ascii).phonetic
  }

  /// Whether two ASCII forms have as many words, each beginning with the same
  /// consonant of its skeleton (or both with none): spellings differ in the middle and
  /// at the end of words more than at their start ("Hatami" is not "Khatami").
  static func sameInitials(_ a: String, _ b: String, indexer: NameIndexer) -> Bool {
    let x = words(a), y = words(b)
    guard x.count == y.count else { return false }
    for (u, v) in zip(x, y) where phonetic(u, indexer: indexer).first != phonetic(v, indexer: indexer).first {
      return false
    }
    return true
  }

  /// Words split on spaces and hyphens.
  static func words(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{200C}" }).map(String.init)
  }

  /// 1 − Levenshtein distance / longer length over the letters (spaces and hyphens ignored).
  static func similarity(_ a: String, _ b: String) -> Double {
    let x = Array(a.utf8.filter { $0 != 0x20 && $0 != 0x2D }), y = Array(b.utf8.filter { $0 != 0x20 && $0 != 0x2D })
    if x.isEmpty || y.isEmpty { return x.count == y.count ? 1 : 0 }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return 1 - Double(previous[y.count]) / Double(max(x.count, y.count))
  }
}

/// The per-word keys of the text columns: each word's ASCII romanisation (a Latin word
/// as it is) and its phonetic key, memoised per word (news vocabulary repeats). Words
/// are looked up by their UTF-8 bytes (a hash of their own, no `String` made, hashed or
/// compared on a hit: Swift's string hashing normalises non-ASCII text first). The
/// table is cut into ``shardCount`` shards by that hash, each behind a lock of its own,
/// so the batch engine's threads, which look up every word of every paragraph, seldom
/// wait for each other (one lock made them sleep in the kernel hundreds of times a
/// build). A word not in the table is romanised outside the lock and added; two
/// threads meeting a new word at once may both romanise it, and the first added wins
/// (the same keys). A word longer than ``longestKeyed`` bytes (a run of letters no name
/// is) gets no keys (`_`), and is not romanised.
///
/// The words of other scripts than Latin are also kept, with their skeletons, for the
/// index's `words` table (``fresh()``): a Latin query's word finds the native words
/// with its skeleton there (``ArticleIndex/reverseWords(_:minimum:nameShare:)``).
final class WordKeys: Sendable {
  let indexer: NameIndexer
  /// `indexer` with the graphone decoder's beam at ``wordBeam``, for the words of the
  /// text (mentions keep the full beam).
  let wordIndexer: NameIndexer

  /// The beam that romanises the text's words: 4 instead of 8 halves the decoder's
  /// work, which was a sixth of an index build's CPU (every distinct Persian word of the
  /// articles goes through it); 13% of the 18,251 distinct words of the shared Fars
  /// articles get another spelling, most differing in a vowel that the phonetic column
  /// drops. `scripts/eval-name-search` is unchanged by it (recall@10 94.6%, precision
  /// 84.9%; one article of one query less in an earlier run), the build's CPU 5% less.
  static let wordBeam = 4

  /// One shard's words and keys: the bytes of each entry (word, ASCII key, phonetic
  /// key, one after another) in one arena, found through an open-addressing table of
  /// the entries themselves by hash — a few allocations per shard rather than three per
  /// word, and a hit reads one slot and the word's bytes.
  struct Table: Sendable {
    struct Entry: Sendable {
      var hash: UInt64
      var start: Int32
      var word: UInt16, ascii: UInt16, sound: UInt16
    }
    var arena: [UInt8] = []
    /// The entries in their slots (`start` -1: empty); a power of two, at most half full.
    var slots = [Entry](repeating: Table.empty, count: 64)
    var count = 0

    static let empty = Entry(hash: 0, start: -1, word: 0, ascii: 0, sound: 0)

    /// The entry of `word` (hashed `hash`), if any.
    func find(_ word: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> Entry? {
      slots.withUnsafeBufferPointer { slots in
        arena.withUnsafeBufferPointer { arena in
          let mask = slots.count - 1
          var i = Int(truncatingIfNeeded: hash) & mask
          while slots[i].start >= 0 {
            let e = slots[i]
            if e.hash == hash, Int(e.word) == word.count,
              word.isEmpty || memcmp(arena.baseAddress! + Int(e.start), word.baseAddress!, word.count) == 0
            {
              return e
            }
            i = (i + 1) & mask
          }
          return nil
        }
      }
    }

    mutating func add(_ word: UnsafeBufferPointer<UInt8>, _ hash: UInt64, ascii: [UInt8], sound: [UInt8]) -> Entry {
      let e = Entry(
        hash: hash, start: Int32(arena.count), word: UInt16(word.count), ascii: UInt16(ascii.count),
        sound: UInt16(sound.count))
      arena += word
      arena += ascii
      arena += sound
      count += 1
      if count * 2 > slots.count {
        let old = slots
        slots = [Entry](repeating: Self.empty, count: slots.count * 2)
        for o in old where o.start >= 0 { place(o) }
      }
      place(e)
      return e
    }

    private mutating func place(_ e: Entry) {
      let mask = slots.count - 1
      var i = Int(truncatingIfNeeded: e.hash) & mask
      while slots[i].start >= 0 { i = (i + 1) & mask }
      slots[i] = e
    }

    /// Appends an entry's ASCII and phonetic keys (`_` for an empty one) to the columns.
    func append(_ e: Entry, roman: inout [UInt8], sound: inout [UInt8]) {
      let ascii = Int(e.start) + Int(e.word), phonetic = ascii + Int(e.ascii)
      if e.ascii == 0 { roman.append(0x5F) } else { roman += arena[ascii..<phonetic] }
      if e.sound == 0 { sound.append(0x5F) } else { sound += arena[phonetic..<(phonetic + Int(e.sound))] }
    }
  }

  private final class Shard: Sendable {
    let state = Mutex<(table: Table, fresh: [(word: String, sound: String)])>((Table(), []))
    let names = Mutex<[String: [NameKey]]>([:])
  }

  /// How many shards the tables are cut into (a power of two).
  static let shardCount = 64
  private let shards: [Shard] = (0..<WordKeys.shardCount).map { _ in Shard() }

  init(indexer: NameIndexer) {
    self.indexer = indexer
    var narrow = indexer
    narrow.persianBeam = Self.wordBeam
    wordIndexer = narrow
  }

  /// FNV-1a over the bytes.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { FNV.hash(bytes: bytes) }

  private func shard(_ hash: UInt64) -> Shard { shards[Int(truncatingIfNeeded: hash >> 58) & (Self.shardCount - 1)] }

  /// The words of other scripts than Latin keyed since the last call, with their
  /// skeletons (each once per build), sorted (the shards do not keep the order they
  /// came in).
  func fresh() -> [(word: String, sound: String)] {
    shards.flatMap { shard in
      shard.state.withLock { state in
        defer { state.fresh.removeAll() }
        return state.fresh
      }
    }.sorted { ($0.word, $0.sound) < ($1.word, $1.sound) }
  }

  /// The longest word (in UTF-8 bytes) that gets keys.
  static let longestKeyed = 1024

  /// Appends the keys of one word (valid UTF-8) to the columns.
  func append(_ word: UnsafeBufferPointer<UInt8>, roman: inout [UInt8], sound: inout [UInt8]) {
    guard word.count <= Self.longestKeyed else {
      roman.append(0x5F)
      sound.append(0x5F)
      return
    }
    let hash = Self.hash(word)
    let shard = shard(hash)
    let found = shard.state.withLock { state in
      guard let e = state.table.find(word, hash) else { return false }
      state.table.append(e, roman: &roman, sound: &sound)
      return true
    }
    if found { return }
    let text = String(decoding: word, as: UTF8.self)
    let latin = word.allSatisfy { $0 < 0x80 }
    let ascii = latin ? text : String(wordIndexer.keys(for: text).ascii.filter { $0 != " " && $0 != "-" })
    var phonetic = ascii.isEmpty ? "" : MentionKeys.phonetic(ascii, indexer: indexer)
    if phonetic == "_" { phonetic = "" }
    // A romanisation is a few times its word's length at most; a longer one is cut.
    let asciiBytes = Array(ascii.utf8.prefix(Int(UInt16.max))), soundBytes = Array(phonetic.utf8.prefix(Int(UInt16.max)))
    shard.state.withLock { state in
      // Another thread may have added it meanwhile: the first added is kept.
      let e: Table.Entry
      if let found = state.table.find(word, hash) {
        e = found
      } else {
        e = state.table.add(word, hash, ascii: asciiBytes, sound: soundBytes)
        if !latin && !phonetic.isEmpty { state.fresh.append((text, phonetic)) }
      }
      state.table.append(e, roman: &roman, sound: &sound)
    }
  }

  /// The stored keys of a mention's name (``MentionKeys/keys(of:indexer:stored:)``),
  /// memoised per name (news names the same people again and again).
  func mentionKeys(_ name: String) -> [NameKey] {
    var copy = name
    let shard = shard(copy.withUTF8(Self.hash))
    if let hit = shard.names.withLock({ $0[name] }) { return hit }
    let keys = MentionKeys.keys(of: name, indexer: indexer, stored: true)
    shard.names.withLock { $0[name] = keys }
    return keys
  }

  /// The romanised and phonetic columns of a search key text: one token per word
  /// (``ArticleIndex/tokens(_:)``; a word without letters left keeps its place with
  /// `_`, so phrases stay aligned).
  func columns(_ key: String) -> (roman: String, sound: String) {
    var key = key
    return key.withUTF8 { bytes in
      var roman: [UInt8] = [], sound: [UInt8] = []
      roman.reserveCapacity(bytes.count)
      sound.reserveCapacity(bytes.count)
      for range in ArticleIndex.tokenRanges(bytes) {
        if !roman.isEmpty {
          roman.append(0x20)
          sound.append(0x20)
        }
        append(UnsafeBufferPointer(rebasing: bytes[range]), roman: &roman, sound: &sound)
      }
      return (String(decoding: roman, as: UTF8.self), String(decoding: sound, as: UTF8.self))
    }
  }
}
