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
public struct NameIndex<ID: Hashable & Sendable>: Sendable {
  private struct Spelling: Sendable {
    var id: ID
    var ascii: String
  }

  private var byKey: [String: [Spelling]] = [:]
  private let indexer: NameIndexer

  public init(indexer: NameIndexer = .shared) {
    self.indexer = indexer
  }

  /// Adds `spellings` (any script) of the entry `id`.
  public mutating func insert(_ id: ID, spellings: some Sequence<String>) {
    for spelling in spellings {
      let keys = indexer.keys(for: spelling)
      guard !keys.phonetic.isEmpty else { continue }
      byKey[keys.phonetic, default: []].append(Spelling(id: id, ascii: keys.ascii))
    }
  }

  /// A search result: the entry and how close its best spelling is (1 is identical).
  public struct Match: Sendable {
    public var id: ID
    public var score: Double
  }

  /// The entries whose phonetic key equals the query's, best first: by the similarity
  /// of the query's romanisation to each entry's closest spelling (ties keep the order
  /// of insertion).
  public func search(_ query: String) -> [Match] {
    let keys = indexer.keys(for: query)
    guard let candidates = byKey[keys.phonetic] else { return [] }
    var best: [ID: Double] = [:]
    var order: [ID] = []
    let q = Array(keys.ascii.utf8)
    for spelling in candidates {
      let score = Self.similarity(q, Array(spelling.ascii.utf8))
      if let previous = best[spelling.id] {
        best[spelling.id] = max(previous, score)
      } else {
        best[spelling.id] = score
        order.append(spelling.id)
      }
    }
    return order.enumerated().sorted { a, b in
      let sa = best[a.element]!, sb = best[b.element]!
      return sa != sb ? sa > sb : a.offset < b.offset
    }.map { Match(id: $0.element, score: best[$0.element]!) }
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
