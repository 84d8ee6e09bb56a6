/// An in-memory index of names in any script, for search: each entry is found by the
/// phonetic key of any of its spellings (recall: Rouhani, Rohani, Rowhani and «روحانی»
/// share it), and the candidates are ranked by how close their romanised spellings are
/// to the query's (precision: a bare consonant skeleton collides, the ranking decides).
///
/// ```swift
/// var index = NameIndex<Int>()
/// index.insert(1, spellings: ["Hassan Rouhani", "Hasan Rohani", "حسن روحانی"])
/// index.search("حسن روحانی").first?.id   // 1
/// ```
///
/// An entry's spellings are given in order of preference: the first is its own name,
/// later ones are variants and alternative names. When two entries are equally close
/// to a query, the one whose closest spelling comes earlier in its list ranks first
/// (a village officially called Pervomayskoye before another village that was once
/// also called so).
///
/// - Thread safety: a value type; `search` only reads, so one index can be shared by
///   any number of tasks once built.
public struct NameIndex<ID: Hashable & Sendable>: Sendable {
  private struct Spelling: Sendable {
    var id: ID
    /// The ASCII key without word separators: "taiping" for "Tai Ping" and "Taiping".
    var compact: [UInt8]
    /// Place in the entry's list of spellings (0: its preferred name).
    var position: Int
  }

  private var byKey: [String: [Spelling]] = [:]
  private var counts: [ID: Int] = [:]
  private let indexer: NameIndexer

  public init(indexer: NameIndexer = .shared) {
    self.indexer = indexer
  }

  /// Adds `spellings` (any script, preferred first) of the entry `id`. Inserting more
  /// spellings of an existing `id` appends them after its earlier ones.
  ///
  /// - Complexity: O(*n*) in the total length of `spellings`.
  public mutating func insert(_ id: ID, spellings: some Sequence<String>) {
    var position = counts[id, default: 0]
    for spelling in spellings {
      let keys = indexer.keys(for: spelling)
      guard !keys.phonetic.isEmpty else { continue }
      let entry = Spelling(id: id, compact: Self.compact(keys.ascii), position: position)
      byKey[keys.phonetic, default: []].append(entry)
      // A spelling keyed by its Chinese syllables is also found by its consonant
      // skeleton, as before that key: a query read another way still meets it, and the
      // ranking decides.
      let skeleton = NameIndexer.skeleton(keys.ascii)
      if skeleton != keys.phonetic && !skeleton.isEmpty { byKey[skeleton, default: []].append(entry) }
      position += 1
    }
    counts[id] = position
  }

  /// A search result: the entry, how close its best spelling is (1 is identical, word
  /// separators aside), and which of its spellings that is (0: its preferred name).
  public struct Match: Sendable {
    public var id: ID
    public var score: Double
    public var spelling: Int
  }

  /// The entries whose phonetic key equals the query's (or whose consonant skeleton
  /// does, where either is a romanised Chinese name keyed by its syllables: "Sha Ju"
  /// finds "Shazui"), best first: by the similarity
  /// of the query's romanisation to each entry's closest spelling (1 − edit distance
  /// over the longer length, spaces and hyphens ignored), then by that spelling's place
  /// in the entry's list, then in order of insertion. A Han query is also looked up by
  /// its other readings (the first character as an ordinary word, a place name without
  /// its administrative generic), each scored against its own romanisation.
  ///
  /// - Complexity: O(*c* · *m*²) for *c* spellings sharing the query's key, of length *m*.
  public func search(_ query: String) -> [Match] {
    var best: [ID: Int] = [:]
    var matches: [Match] = []
    for keys in [indexer.keys(for: query)] + indexer.alternativeKeys(for: query) {
      let skeleton = NameIndexer.skeleton(keys.ascii)
      let lookups = skeleton == keys.phonetic ? [keys.phonetic] : [keys.phonetic, skeleton]
      let q = Self.compact(keys.ascii)
      for spelling in lookups.flatMap({ byKey[$0] ?? [] }) {
        let match = Match(id: spelling.id, score: Self.similarity(q, spelling.compact), spelling: spelling.position)
        if let k = best[spelling.id] {
          if Self.precedes(match, matches[k]) { matches[k] = match }
        } else {
          best[spelling.id] = matches.count
          matches.append(match)
        }
      }
    }
    // Stable: entries found first (inserted first) stay first among equals.
    return matches.enumerated().sorted { a, b in
      Self.precedes(a.element, b.element) || (!Self.precedes(b.element, a.element) && a.offset < b.offset)
    }.map(\.element)
  }

  /// Higher score first, then the earlier spelling.
  private static func precedes(_ a: Match, _ b: Match) -> Bool {
    a.score != b.score ? a.score > b.score : a.spelling < b.spelling
  }

  /// The ASCII key's bytes without spaces and hyphens: "Tai Ping", "Taiping" and
  /// "Tai-ping" are the same spelling for ranking.
  static func compact(_ ascii: String) -> [UInt8] {
    ascii.utf8.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") }
  }

  /// 1 − Levenshtein distance / longer length, over ASCII bytes.
  static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
    if a.isEmpty && b.isEmpty { return 1 }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      current[0] = i
      for j in 1...max(b.count, 1) where !b.isEmpty {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    let distance = a.isEmpty ? b.count : previous[b.count]
    return 1 - Double(distance) / Double(max(a.count, b.count))
  }
}
