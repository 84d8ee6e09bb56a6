import CMatnKernels
import CMatnResources
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The learned part of Persian name romanisation: a lexicon of name parts aligned from
/// Wikidata person names (`Resources/Names/fa-name-lexicon.tsv`) and a joint-sequence
/// ("graphone") n-gram model for parts it does not have (`fa-name-model.tsv`). Both
/// are derived by `scripts/derive-name-romanizer`.
///
/// The model pairs each Persian letter with a chunk of Latin letters (ق with "gh",
/// م with "mo", ع with nothing); a name part's romanisations are the graphone
/// sequences over its letters, scored by the n-gram model (back-off table, log10) and
/// searched with a beam. Deterministic: ties are broken by the graphone ids.
///
/// A class, not a struct: the romaniser reaches it for every word, and a copy of a
/// struct of this many tables retained each of them (9% of a Persian name's time).
///
/// - Thread safety: `Sendable` (immutable after loading).
final class PersianNameModel: Sendable {
  /// One spelling of a lexicon part, with its weights in Iranian and Afghan labels.
  struct Spelling: Sendable {
    var latin: String
    var iran: Float
    var afghanistan: Float
  }

  /// FNV-1a key of the folded part (``PersianNameModel/fold(_:)``) → its spellings,
  /// heaviest first.
  let lexicon: [UInt64: [Spelling]]
  /// Graphone id → its Latin chunk.
  let chunks: [String]
  /// The chunks' bytes one after another: graphone *g*'s are
  /// `chunkBytes[chunkEnds[g - 1]..<chunkEnds[g]]` (from 0 for *g* = 0).
  let chunkBytes: [UInt8]
  let chunkEnds: [Int]
  /// The longest chunk's bytes, and the most graphones a letter has (the decoder's
  /// buffers are sized by them).
  let longestChunk: Int
  let mostOptions: Int
  /// Persian letter (shifted left by 8) and the class of the letter after it
  /// (``nextClass(_:_:)``) → the graphones that pair it with a chunk, by id.
  let graphones: [UInt32: [UInt16]]
  /// Packed n-gram (``pack(_:_:)``) → (log10 p, log10 back-off).
  let ngrams: NGramTable
  /// ``ngrams`` rearranged as context rows and their successors, which the decoder
  /// reads (nil when a row's context has no row: then it probes ``ngrams``). Built on
  /// the decoder's first use, so that a process whose Persian words are all in the
  /// lexicons never pays for it.
  var successors: NGramSuccessors? {
    successorsOnce.withLock { built in
      if let built { return built }
      // The decoder's successor records walk a letter's graphones in id order.
      let ascending = graphones.values.allSatisfy { zip($0, $0.dropFirst()).allSatisfy { $0 < $1 } }
      let made = ascending ? NGramSuccessors(ngrams, order: order) : nil
      built = .some(made)
      return made
    }
  }
  private let successorsOnce = Mutex<NGramSuccessors??>(nil)
  let order: Int
  /// A letter n-gram model of the labels' spellings (ids: 0 the start, 1 the end,
  /// a-z 3-28, 0-9 29-38) that rescores the decoder's beam, and its order; nil in the
  /// text form and in models written without it.
  let latin: NGramTable?
  let latinOrder: Int
  /// The right-context model: each letter's chunk given the letter and the letters
  /// after it (history: those letters, farthest first, then the letter; token: the
  /// chunk), which the graphone model, reading left to right, does not see; it
  /// rescores the beam's spellings beside the Latin letter model. Nil in the text
  /// form and in models written without it.
  let context: RightContext?

  /// ``context``'s table and ids: Persian letter → id (an unknown letter is 2, the end
  /// of the part 1), graphone id → the id of its chunk, and the model's order (the
  /// letters after a letter it reads, plus 2).
  struct RightContext: Sendable {
    let table: NGramTable
    let order: Int
    let letters: [UInt32: UInt16]
    let chunkOfGraphone: [UInt16]

    /// A part's letters as the model reads them, for all the beam's spellings of it:
    /// each letter's history (the letters after it, farthest first, then the letter)
    /// and that history's contexts (``PersianNameModel/contexts(_:_:_:)``, which skips
    /// the orders after a missing context: the derivation writes every context of an
    /// n-gram in this table too), so each letter is looked up once a part, not once a
    /// spelling.
    struct Part {
      var histories: [UInt64] = []
      var contexts: [Contexts] = []
    }

    /// ``Part`` of a part's letters.
    func part(_ letters: [Unicode.Scalar]) -> Part {
      let right = order - 2
      let ids = letters.map { UInt64(self.letters[$0.value] ?? 2) }
      var out = Part()
      out.histories.reserveCapacity(ids.count)
      out.contexts.reserveCapacity(ids.count)
      for i in ids.indices {
        var history: UInt64 = 0
        for j in stride(from: i + right, to: i, by: -1) { history = history << 10 | (j < ids.count ? ids[j] : 1) }
        history = history << 10 | ids[i]
        out.histories.append(history)
        out.contexts.append(PersianNameModel.contexts(table, order, history))
      }
      return out
    }

    /// log10 of a spelling's chunks (`graphones`, one a letter) given their letters
    /// (`part`, ``part(_:)`` of them).
    func logProb(_ part: Part, _ graphones: [UInt16]) -> Float {
      // The spelling's n-grams at their longest orders asked for first, so the cache
      // misses overlap.
      for (i, g) in graphones.enumerated() {
        let m = UInt64(part.contexts[i].longest)
        let context = part.histories[i] & ((1 << (10 * m)) - 1)
        table.prefetch((m + 1) << 60 | context << 10 | UInt64(chunkOfGraphone[Int(g)]))
      }
      var total: Float = 0
      for (i, g) in graphones.enumerated() {
        total += PersianNameModel.logProb(
          table, part.histories[i], chunkOfGraphone[Int(g)], part.contexts[i])
      }
      return total
    }

    /// log10 of a spelling's chunks given their letters, each letter looked up for this
    /// spelling alone: the same value as ``logProb(_:_:)-swift.method`` (the reference
    /// the tests hold it to).
    func logProb(_ letters: [Unicode.Scalar], _ graphones: [UInt16]) -> Float {
      let right = order - 2
      var total: Float = 0
      for (i, g) in graphones.enumerated() {
        var history: UInt64 = 0
        for j in stride(from: i + right, to: i, by: -1) {
          history = history << 10 | UInt64(j < letters.count ? self.letters[letters[j].value] ?? 2 : 1)
        }
        history = history << 10 | UInt64(self.letters[letters[i].value] ?? 2)
        total += PersianNameModel.logProb(table, order, history, chunkOfGraphone[Int(g)])
      }
      return total
    }
  }

  /// The weight of the Latin letter model's log probability beside the graphone
  /// model's when the beam's spellings are ranked: 0.5 by 5-fold cross-validation on
  /// unseen name parts (0.4 or 0.5 on every fold; 0.3-1.0 tried).
  static let latinWeight: Float = 0.5

  /// The weight of the right-context model's log probability when the beam's spellings
  /// are ranked (by 5-fold cross-validation on unseen name parts: see
  /// `scripts/derive-name-romanizer`).
  static let contextWeight: Float = 0.3

  /// The built-in lexicon and model (`fa-name-model.bin`, read in place).
  static let shared: PersianNameModel = {
    let lexicon = PersianLexicon.lines("Names/fa-name-lexicon.tsv")
    var length: Int64 = 0
    if let bytes = matn_resource("Names/fa-name-model.bin", &length), length > 0,
      let model = PersianNameModel(lexicon: lexicon, binary: UnsafeRawBufferPointer(start: bytes, count: Int(length)), copy: false)
    {
      return model
    }
    return PersianNameModel(lexicon: lexicon, model: [])
  }()

  /// A model from the text form (`G` and `N` lines, as `--text` of the derivation
  /// script writes them).
  convenience init(lexicon lexiconLines: [Substring], model modelLines: [Substring]) {
    var ngrams: [UInt64: (Float, Float)] = [:]
    var order = 1
    for line in modelLines {
      let f = Self.fields(line)
      if f.first == "N", f.count >= 3 {
        let ids = f[1].utf8.split(separator: UInt8(ascii: " ")).compactMap { UInt16(Substring($0)) }
        guard !ids.isEmpty, ids.count <= 6 else { continue }
        order = max(order, ids.count)
        ngrams[Self.pack(ids[...], ids.count)] = (Float(f[2]) ?? -99, f.count > 3 ? Float(f[3]) ?? 0 : 0)
      }
    }
    self.init(lexicon: lexiconLines, graphoneLines: modelLines, ngrams: NGramTable(ngrams), order: order)
  }

  /// A model from the binary form `scripts/derive-name-romanizer` writes
  /// (`fa-name-model.bin`: see its `write_model_binary`); nil when malformed. With `copy`
  /// the bytes are copied (a file's contents), otherwise read in place (embedded).
  convenience init?(lexicon lexiconLines: [Substring], binary bytes: UnsafeRawBufferPointer, copy: Bool) {
    guard bytes.count >= 20, let base = bytes.baseAddress, Array(bytes[0..<8]) == Array("MATNGPH2".utf8) else {
      return nil
    }
    func u32(_ at: Int) -> Int { Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian) }
    let order = u32(8)
    let size = u32(12)
    let textLength = u32(16)
    let tableStart = (20 + textLength + 7) & ~7
    guard (2...6).contains(order), size > 0, size <= 1 << 26, tableStart + 16 * size <= bytes.count else { return nil }
    let text = String(decoding: bytes[20..<20 + textLength], as: UTF8.self)
    func table(at start: Int, size: Int) -> NGramTable? {
      guard copy else { return NGramTable(laidOut: base + start, size: size, owner: nil) }
      let storage = NGramTable.Storage(bytes: 16 * size)
      storage.base.copyMemory(from: base + start, byteCount: 16 * size)
      return NGramTable(laidOut: UnsafeRawPointer(storage.base), size: size, owner: storage)
    }
    guard let graphoneTable = table(at: tableStart, size: size) else { return nil }
    // The optional Latin letter model after the graphone table.
    var latin: NGramTable?
    var latinOrder = 0
    var latinSize = 0
    let latinStart = tableStart + 16 * size
    if latinStart + 24 <= bytes.count, Array(bytes[latinStart..<latinStart + 8]) == Array("MATNLAT2".utf8) {
      let order = u32(latinStart + 8)
      let size = u32(latinStart + 12)
      guard (2...6).contains(order), size > 0, size <= 1 << 26, latinStart + 24 + 16 * size <= bytes.count,
        let t = table(at: latinStart + 24, size: size)
      else { return nil }
      (latin, latinOrder, latinSize) = (t, order, size)
    }
    // The optional right-context model after them.
    var context: (table: NGramTable, order: Int, letters: Substring, chunks: [Substring])?
    let contextStart = latin == nil ? latinStart : latinStart + 24 + 16 * latinSize
    if contextStart + 24 <= bytes.count, Array(bytes[contextStart..<contextStart + 8]) == Array("MATNCTX1".utf8) {
      let order = u32(contextStart + 8)
      let size = u32(contextStart + 12)
      let length = u32(contextStart + 16)
      let start = (contextStart + 24 + length + 7) & ~7
      guard (2...6).contains(order), size > 0, size <= 1 << 26, start + 16 * size <= bytes.count,
        let t = table(at: start, size: size)
      else { return nil }
      let lines = String(decoding: bytes[contextStart + 24..<contextStart + 24 + length], as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: false)
      guard lines.count >= 2 else { return nil }
      context = (t, order, lines[0], lines[1].split(separator: "\t", omittingEmptySubsequences: false))
    }
    self.init(
      lexicon: lexiconLines, graphoneLines: text.split(separator: "\n"), ngrams: graphoneTable, order: order,
      latin: latin, latinOrder: latinOrder, context: context)
  }

  private init(
    lexicon lexiconLines: [Substring], graphoneLines: [Substring], ngrams: NGramTable, order: Int,
    latin: NGramTable? = nil, latinOrder: Int = 0,
    context: (table: NGramTable, order: Int, letters: Substring, chunks: [Substring])? = nil
  ) {
    var lexicon: [UInt64: [Spelling]] = [:]
    for line in lexiconLines {
      let f = Self.fields(line)
      guard f.count >= 4, !f[1].isEmpty else { continue }
      let key = Self.key(Self.fold(f[0].unicodeScalars))
      lexicon[key, default: []].append(
        Spelling(latin: String(f[1]), iran: Float(f[2]) ?? 0, afghanistan: Float(f[3]) ?? 0))
    }
    var chunks: [String] = ["", "", ""]
    var graphones: [UInt32: [UInt16]] = [:]
    for line in graphoneLines {
      let f = Self.fields(line)
      guard f.first == "G", f.count >= 5, let id = Int(f[1]), id < 1024, let letter = f[2].unicodeScalars.first,
        let next = f[4].utf8.first
      else { continue }
      while chunks.count <= id { chunks.append("") }
      chunks[id] = String(f[3])
      graphones[letter.value << 8 | UInt32(next), default: []].append(UInt16(id))
    }
    self.lexicon = lexicon
    self.chunks = chunks
    var chunkEnds: [Int] = []
    var chunkBytes: [UInt8] = []
    for chunk in chunks {
      chunkBytes += chunk.utf8
      chunkEnds.append(chunkBytes.count)
    }
    self.chunkBytes = chunkBytes
    self.chunkEnds = chunkEnds
    self.longestChunk = max(1, chunks.lazy.map(\.utf8.count).max() ?? 1)
    self.mostOptions = max(1, graphones.values.lazy.map(\.count).max() ?? 1)
    self.graphones = graphones
    self.ngrams = ngrams
    self.order = order
    self.latin = latin
    self.latinOrder = latinOrder
    if let context {
      // Ids as the derivation gives them: 3 up for the letters, then the chunks.
      var letters: [UInt32: UInt16] = [:]
      for (i, v) in context.letters.unicodeScalars.enumerated() { letters[v.value] = UInt16(3 + i) }
      var chunkIDs: [Substring: UInt16] = [:]
      for (i, c) in context.chunks.enumerated() { chunkIDs[c] = UInt16(3 + letters.count + i) }
      // A graphone whose chunk the model lacks gets id 0, which no row has.
      let chunkOfGraphone = chunks.map { chunkIDs[Substring($0)] ?? 0 }
      self.context = RightContext(
        table: context.table, order: context.order, letters: letters, chunkOfGraphone: chunkOfGraphone)
    } else {
      self.context = nil
    }
  }

  var isEmpty: Bool { ngrams.isEmpty && lexicon.isEmpty }

  /// The tab-separated fields of a line, split on its bytes (splitting `Character`s
  /// would run grapheme breaking over every Persian line at load).
  static func fields(_ line: Substring) -> [Substring] {
    line.utf8.split(separator: 9, omittingEmptySubsequences: false).map { Substring($0) }
  }

  /// Up to six ids of ten bits, and the count in the top bits.
  @inline(__always)
  static func pack(_ ids: ArraySlice<UInt16>, _ count: Int) -> UInt64 {
    var k: UInt64 = 0
    for id in ids { k = k << 10 | UInt64(id & 0x3FF) }
    return k | UInt64(count) << 60
  }

  /// The fold of keys, as the derivation script's: Arabic variants to Persian
  /// letters, آ أ إ ٱ to ا, ة ۀ to ه, ؤ to و; harakat, tatweel, ZWNJ and spaces dropped
  /// (a lexicon part of several written words, عبد الله, is keyed glued).
  static func fold(_ word: some Sequence<Unicode.Scalar>) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    for v in word {
      switch v.value {
      case 0x064B...0x065F, 0x0670, 0x0640, 0x200C, 0x200D, 0x200E, 0x200F, 0x20: continue
      case 0x064A, 0x0649: out.append("\u{06CC}")
      case 0x0643: out.append("\u{06A9}")
      case 0x06C0, 0x0629, 0x06BE: out.append("\u{0647}")
      case 0x0622, 0x0623, 0x0625, 0x0671: out.append("\u{0627}")
      case 0x0624: out.append("\u{0648}")
      default: out.append(v)
      }
    }
    return out
  }

  @inline(__always)
  static func key(_ s: some Collection<Unicode.Scalar>) -> UInt64 {
    PersianLexicon.key(s.lazy.map(\.value))
  }

  /// The weight of Afghan labels among a folded part's lexicon spellings.
  func afghanWeight(_ key: UInt64) -> Float {
    lexicon[key]?.reduce(0) { $0 + $1.afghanistan } ?? 0
  }

  /// The heaviest weight for `style` among a folded part's lexicon spellings (nil when
  /// the lexicon does not have the part).
  func topWeight(_ key: UInt64, style: PersianNameStyle) -> Double? {
    guard let entries = lexicon[key] else { return nil }
    return Double(entries.lazy.map { Self.weight($0, style) }.max() ?? 0)
  }

  @inline(__always)
  static func weight(_ e: Spelling, _ style: PersianNameStyle) -> Float {
    switch style {
    case .any: return e.iran + e.afghanistan
    case .iran: return e.iran + e.afghanistan / 16
    case .afghanistan: return e.afghanistan + e.iran / 16
    }
  }

  /// The lexicon spellings of a folded part, with weights for `style`, heaviest first.
  /// The spellings of the heaviest weight, when several share it (one label each: داور
  /// as Dadar and Davar, خرمشاد as Khoramshad and Khorramshad), come in the order the
  /// decoder ranks them when the part's `letters` are given
  /// (``decode(_:beam:k:style:latinWeight:contextWeight:)`` with `beam`; a spelling
  /// outside its beam after those in it), then by the Latin letter model's log10
  /// probability per letter (the end included), then in the lexicon's order (other
  /// equal weights stay in the lexicon's order). Before, they kept the lexicon's
  /// alphabetical order.
  ///
  /// By 5-fold cross-validation on the Wikidata persons (the lexicon and models of the
  /// training folds; the aligned parts of the held-out rows whose top weight, in the
  /// row's country style, is tied: 93, 66 and 100 on folds 0-2), the spelling ranked
  /// first is one of the row's for 46, 24 and 29 of them alphabetically, 42, 37 and 57
  /// by the letter model alone, 53, 37 and 60 with the decoder's ranking first (the
  /// letter model's total log probability instead of the mean per letter: 52, 37, 60;
  /// it prefers short spellings that drop letters, خامنه as Xamna). The letter model
  /// alone also put ولی's misaligned Valiollah before Vali; the decoder cannot spell it.
  /// Ranking every spelling by log10 weight + 0.05-0.4 × the letter model's log10 p
  /// gained no more than breaking ties.
  func spellings(
    _ key: UInt64, style: PersianNameStyle, letters: [Unicode.Scalar]? = nil, beam: Int = PersianNameRomanizer.beam
  ) -> [(String, Double)] {
    guard let entries = lexicon[key] else { return [] }
    let weighed = entries.map { ($0.latin, Double(Self.weight($0, style))) }
    guard weighed.count > 1 else { return weighed }
    // Heaviest first, equal weights in the lexicon's order (which is by total weight:
    // usually already heaviest first) ...
    var out = weighed
    if zip(weighed, weighed.dropFirst()).contains(where: { $0.1 < $1.1 }) {
      out = weighed.indices.sorted { weighed[$0].1 != weighed[$1].1 ? weighed[$0].1 > weighed[$1].1 : $0 < $1 }
        .map { weighed[$0] }
    }
    // ... and where the heaviest weight is shared (under 1% of the parts of the given
    // names and persons' lists; only then are the models asked), those spellings by the
    // decoder's ranking, then the letter model's.
    let top = out.prefix { $0.1 == out[0].1 }.count
    guard top > 1 else { return out }
    let compare = out[..<top].map { NameIndexer.compareKey($0.0) }
    let prior = compare.map { latinLogProb($0) / Float($0.utf8.count + 1) }
    var rank = [Int](repeating: Int.max, count: top)
    if let letters {
      for (r, (text, _)) in decode(letters, beam: beam, k: beam, style: style).enumerated() {
        for i in 0..<top where rank[i] == Int.max && compare[i] == text { rank[i] = r }
      }
    }
    let order = (0..<top).sorted { a, b in
      if rank[a] != rank[b] { return rank[a] < rank[b] }
      if prior[a] != prior[b] { return prior[a] > prior[b] }
      return a < b
    }
    out.replaceSubrange(0..<top, with: order.map { out[$0] })
    return out
  }

  /// log10 p(g | history), `history` the last `order - 1` ids packed ten bits each
  /// (the latest lowest): the back-off table read from the longest context.
  @inline(__always)
  func logProb(_ history: UInt64, _ g: UInt16) -> Float {
    Self.logProb(ngrams, order, history, g)
  }

  /// The contexts of `history` (its last 1 … `order - 1` ids) as a lookup from the
  /// longest falls back through them: `backoff[m]` is the sum of the back-off weights
  /// a lookup adds before it reads order *m* + 1 (in ``logProb(_:_:_:_:)``'s order, so
  /// the same to the bit), and `longest` the order of the longest n-gram that can
  /// exist: a context missing from the table has no n-gram after it (the derivation
  /// writes every context of an n-gram, with its back-off weight), so a lookup that
  /// would read it is skipped.
  struct Contexts {
    var backoff: (Float, Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0, 0)
    var longest = 0

    init() {}

    /// The contexts of `history` in a model of order `order`, `backoff(key, m)` giving
    /// the back-off weight of the row of context `key` (of order `m`), nil when no row
    /// has it.
    @inline(__always)
    init(order: Int, history: UInt64, backoff: (UInt64, Int) -> Float?) {
      var sum: Float = 0
      var longest = 0
      withUnsafeMutableBytes(of: &self.backoff) { raw in
        let sums = raw.bindMemory(to: Float.self)
        var m = order - 1
        while m > 0 {
          let context = history & ((1 << (10 * UInt64(m))) - 1)
          if let b = backoff(UInt64(m) << 60 | context, m) {
            if longest == 0 { longest = m }
            sum += b
          }
          m -= 1
          sums[m] = sum
        }
      }
      // Before the longest context that exists, the sums are 0 (nothing was added).
      self.longest = longest
    }
  }

  @inline(__always)
  func contexts(_ history: UInt64) -> Contexts { Self.contexts(ngrams, order, history) }

  /// ``contexts(_:)`` in a back-off table of order `order`.
  @inline(__always)
  static func contexts(_ ngrams: NGramTable, _ order: Int, _ history: UInt64) -> Contexts {
    Contexts(order: order, history: history) { key, _ in ngrams.index(key).map(ngrams.backoff) }
  }

  /// log10 p(g | history) with the contexts looked up once (``contexts(_:)``): the same
  /// value as ``logProb(_:_:)``.
  @inline(__always)
  func logProb(_ history: UInt64, _ g: UInt16, _ contexts: Contexts) -> Float {
    Self.logProb(ngrams, history, g, contexts)
  }

  /// ``logProb(_:_:_:)`` in a back-off table (`contexts` from ``contexts(_:_:_:)`` of it):
  /// the same value as ``logProb(_:_:_:_:)``.
  @inline(__always)
  static func logProb(_ ngrams: NGramTable, _ history: UInt64, _ g: UInt16, _ contexts: Contexts) -> Float {
    var backoff = contexts.backoff
    return withUnsafeBytes(of: &backoff) { raw in
      let sums = raw.bindMemory(to: Float.self)
      var m = contexts.longest
      while true {
        let context = history & ((1 << (10 * UInt64(m))) - 1)
        if let e = ngrams.index(UInt64(m + 1) << 60 | context << 10 | UInt64(g)) { return sums[m] + ngrams.logProb(e) }
        if m == 0 { return sums[0] - 7 }
        m -= 1
      }
    }
  }

  /// log10 p(g | history) in a back-off table of order `order`.
  @inline(__always)
  static func logProb(_ ngrams: NGramTable, _ order: Int, _ history: UInt64, _ g: UInt16) -> Float {
    var backoff: Float = 0
    var m = order - 1
    while true {
      let context = history & ((1 << (10 * UInt64(m))) - 1)
      if let e = ngrams.index(UInt64(m + 1) << 60 | context << 10 | UInt64(g)) { return backoff + ngrams.logProb(e) }
      if m == 0 { return backoff - 7 }
      if let b = ngrams.index(UInt64(m) << 60 | context) { backoff += ngrams.backoff(b) }
      m -= 1
    }
  }

  /// log10 of a lower-case spelling under the Latin letter model (0 without one); a
  /// character outside a-z and 0-9 is skipped.
  func latinLogProb(_ text: String) -> Float {
    let ids = text.utf8.compactMap(Self.latinID)
    var totals = [Float](repeating: 0, count: ids.count + 1)
    return ids.withUnsafeBufferPointer { ids in
      totals.withUnsafeMutableBufferPointer { latinLogProb(ids, from: 0, totals: $0.baseAddress!) }
    }
  }

  /// The Latin letter model's id of a byte: a-z 3-28, 0-9 29-38, nil for others.
  @inline(__always)
  static func latinID(_ c: UInt8) -> UInt16? {
    switch c {
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt16(c - UInt8(ascii: "a")) + 3
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt16(c - UInt8(ascii: "0")) + 29
    default: return nil
    }
  }

  /// The class of the letter after position `i` (the derivation script's
  /// `next_class`): A ا, W و, Y ی, H ه, E ع, C another letter, $ the end.
  @inline(__always)
  static func nextClass(_ letters: [Unicode.Scalar], _ i: Int) -> UInt32 {
    guard i + 1 < letters.count else { return UInt32(UInt8(ascii: "$")) }
    switch letters[i + 1].value {
    case 0x0627: return UInt32(UInt8(ascii: "A"))
    case 0x0648: return UInt32(UInt8(ascii: "W"))
    case 0x06CC: return UInt32(UInt8(ascii: "Y"))
    case 0x0647: return UInt32(UInt8(ascii: "H"))
    case 0x0639: return UInt32(UInt8(ascii: "E"))
    default: return UInt32(UInt8(ascii: "C"))
    }
  }

}

/// Which country's spellings a Persian name's romanisation prefers where the press of
/// Iran and of Afghanistan differ (Malekzadeh, Malikzada).
public enum PersianNameStyle: Sendable, Hashable {
  /// All labels counted alike.
  case any
  /// Spellings from Iranian persons' labels first (``NameIndexer``'s default).
  case iran
  /// Spellings from Afghan persons' labels first.
  case afghanistan
}

/// The n-gram rows of ``PersianNameModel``: open addressing over the packed keys (a
/// lookup is a multiply and a probe or two, cheaper than `Dictionary`'s hashing, and the
/// decoder makes several a graphone). A slot is 16 bytes: the key (u64), log10 p and
/// log10 back-off (f32), so a probe that finds its key reads one cache line. The
/// built-in table is read in place from the embedded `fa-name-model.bin`, which the
/// derivation script lays out as this table.
struct NGramTable: @unchecked Sendable {
  private let slots: UnsafeRawPointer
  private let shift: UInt64
  private let mask: Int
  /// Keeps a table built at run time (or copied from a file) alive; nil when the table
  /// is the embedded resource's bytes.
  private let owner: Storage?

  /// Memory allocated for a table; freed with the last copy of it.
  final class Storage: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    init(bytes: Int) { base = .allocate(byteCount: max(bytes, 16), alignment: 16) }
    deinit { base.deallocate() }
  }

  static func slot(_ key: UInt64, shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  init(_ rows: [UInt64: (Float, Float)]) {
    var size = 16
    while size < rows.count * 2 { size *= 2 }
    let storage = Storage(bytes: size * 16)
    storage.base.initializeMemory(as: UInt8.self, repeating: 0, count: size * 16)
    let shift = 64 - UInt64(size.trailingZeroBitCount)
    // Sorted keys: the same table whatever the dictionary's order.
    for key in rows.keys.sorted() {
      var i = Self.slot(key, shift: shift)
      while storage.base.load(fromByteOffset: 16 * i, as: UInt64.self) != 0 { i = (i + 1) & (size - 1) }
      let (p, b) = rows[key]!
      storage.base.storeBytes(of: key, toByteOffset: 16 * i, as: UInt64.self)
      storage.base.storeBytes(of: p, toByteOffset: 16 * i + 8, as: Float.self)
      storage.base.storeBytes(of: b, toByteOffset: 16 * i + 12, as: Float.self)
    }
    self.init(slots: UnsafeRawPointer(storage.base), size: size, count: rows.count, owner: storage)
  }

  /// A table laid out by the derivation script: `size` slots of 16 bytes (key, log10 p,
  /// log10 back-off) at `base` (8-byte aligned).
  init?(laidOut base: UnsafeRawPointer, size: Int, owner: Storage?) {
    guard size >= 16, size.nonzeroBitCount == 1, Int(bitPattern: base) % 8 == 0 else { return nil }
    var count = 0
    for i in 0..<size where base.load(fromByteOffset: 16 * i, as: UInt64.self) != 0 { count += 1 }
    self.init(slots: base, size: size, count: count, owner: owner)
  }

  private init(slots: UnsafeRawPointer, size: Int, count: Int, owner: Storage?) {
    self.slots = slots
    self.shift = 64 - UInt64(size.trailingZeroBitCount)
    self.mask = size - 1
    self.count = count
    self.owner = owner
  }

  /// The number of rows.
  let count: Int

  /// The number of slots.
  var size: Int { mask + 1 }

  /// The key in slot `i` (0: an empty slot).
  @inline(__always)
  func key(_ i: Int) -> UInt64 { slots.load(fromByteOffset: 16 * i, as: UInt64.self) }

  var isEmpty: Bool { count == 0 }

  /// log10 p of the row in slot `i`.
  @inline(__always)
  func logProb(_ i: Int) -> Float { slots.load(fromByteOffset: 16 * i + 8, as: Float.self) }

  /// log10 back-off weight of the row in slot `i`.
  @inline(__always)
  func backoff(_ i: Int) -> Float { slots.load(fromByteOffset: 16 * i + 12, as: Float.self) }

  /// Asks for the cache line of `key`'s home slot (a hint: no effect on any result).
  @inline(__always)
  func prefetch(_ key: UInt64) { mk_prefetch(slots + 16 * Self.slot(key, shift: shift)) }

  /// The slot of `key` (never 0: every packed key has its length in the top bits).
  @inline(__always)
  func index(_ key: UInt64) -> Int? { Self.index(of: key, in: slots, shift: shift, mask: mask) }

  /// The slot holding `key` among slots of 16 bytes that start with their key (0: an
  /// empty slot), placed from ``slot(_:shift:)`` by linear probing; nil when none does.
  /// (``NGramSuccessors`` lays its context rows out the same way.)
  @inline(__always)
  static func index(of key: UInt64, in slots: UnsafeRawPointer, shift: UInt64, mask: Int) -> Int? {
    var i = slot(key, shift: shift)
    while true {
      let k = slots.load(fromByteOffset: 16 * i, as: UInt64.self)
      if k == key { return i }
      if k == 0 { return nil }
      i = (i + 1) & mask
    }
  }
}
