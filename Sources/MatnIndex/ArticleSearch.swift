import Matn

/// One search result: an article, and the name mention or paragraph that matched.
public struct SearchHit: Sendable, Hashable {
  public enum Match: String, Sendable, Hashable {
    /// The query is a name mentioned in the article, written the same way (its search key).
    case native
    /// The query's romanisation is the mention's (or a run of its words') ASCII key.
    case ascii
    /// Only the consonant skeletons agree (ranked by how close the spellings are).
    case phonetic
    /// No name matched: the paragraph's search keys contain the query's.
    case text
  }

  /// The article's id (its file's path under the indexed directory, without extension).
  public var article: String
  public var title: String?
  /// The indexed file (or `jsonl:ID`).
  public var source: String
  /// The article's main language.
  public var language: String?
  public var match: Match
  /// The name as mentioned in the article, and its romanisation, for name matches.
  public var mention: String?
  public var display: String?
  /// The paragraph (from 0) and the UTF-8 byte offset in it of the mention's first
  /// occurrence, or of the best matching paragraph for text matches.
  public var paragraph: Int?
  public var offset: Int?
  /// Text around the match.
  public var snippet: String
  /// Closeness of the name match (1: identical keys), 0 for text matches.
  public var similarity: Double
  /// The best paragraph's bm25 (lower is more relevant; 0 when no paragraph matched).
  public var bm25: Double
}

/// What to search and how much to return.
public struct SearchOptions: Sendable, Hashable {
  public var limit = 10
  /// Only name matches.
  public var namesOnly = false
  /// Only articles whose main language is this (BCP 47, compared by its primary subtag).
  public var language: String?
  public init() {}
}

extension ArticleIndex {
  /// The longest query (in words) looked up as a name.
  static let longestNameQuery = 6

  /// Articles for `query`, in any script: first those mentioning it as a name (same
  /// spelling, then the same romanisation, then the same consonant skeleton, by
  /// closeness), then by bm25 over the paragraphs' search keys, then by how often the
  /// name is mentioned; then (unless ``SearchOptions/namesOnly``) articles whose text
  /// matches the query's search keys or its romanisations, by bm25.
  public func search(_ query: String, options: SearchOptions = SearchOptions()) throws -> [SearchHit] {
    let native = SearchKey.make(query)
    let nativeWords = Self.tokens(native)
    guard !nativeWords.isEmpty else { return [] }
    let nameLike = nativeWords.count <= Self.longestNameQuery
    let queryKeys = nameLike ? MentionKeys.keys(of: query, indexer: indexer).filter(\.whole) : []

    // Name matches: the best per article.
    struct NameMatch {
      var tier: NameKey.Kind
      var similarity: Double
      var rank: Int
      var whole: Bool
      var mention: Int64
      var count: Int
      func better(than o: NameMatch) -> Bool {
        if tier != o.tier { return tier < o.tier }
        if similarity != o.similarity { return similarity > o.similarity }
        if rank != o.rank { return rank < o.rank }
        if whole != o.whole { return whole }
        return count > o.count
      }
    }
    var names: [Int64: NameMatch] = [:]
    let lookup = try db.statement(
      "SELECT k.article, k.mention, k.ascii, k.whole, k.rank, m.count FROM name_keys k JOIN mentions m ON m.id = k.mention WHERE k.key = ? AND k.kind = ?"
    )
    for q in queryKeys {
      lookup.reset()
      lookup.bind(.text(q.key), .int(q.kind.rawValue))
      while try lookup.step() {
        let similarity = q.kind == .phonetic ? MentionKeys.similarity(q.ascii, lookup.text(2)) : 1
        let match = NameMatch(
          tier: q.kind, similarity: similarity, rank: q.rank + Int(lookup.int(4)), whole: lookup.int(3) != 0,
          mention: lookup.int(1), count: Int(lookup.int(5)))
        let article = lookup.int(0)
        if let old = names[article], !match.better(than: old) { continue }
        names[article] = match
      }
    }

    // Text relevance: the query's keys, or (for a name) any of its romanisations.
    var phrases = [nativeWords.map { "\"\($0)\"" }.joined(separator: " ")]
    for q in queryKeys where q.kind == .ascii {
      let phrase = "\"" + Self.tokens(q.key).joined(separator: " ") + "\""
      if !phrases.contains(phrase) { phrases.append(phrase) }
    }
    let expression = phrases.map { "(\($0))" }.joined(separator: " OR ")
    var text: [Int64: (bm25: Double, paragraph: Int64)] = [:]
    let fts = try db.statement(
      "SELECT p.article, p.id, bm25(text_keys) FROM text_keys JOIN paragraphs p ON p.id = text_keys.rowid WHERE text_keys MATCH ? ORDER BY rank LIMIT 5000"
    )
    fts.bind(.text(expression))
    while try fts.step() {
      let article = fts.int(0)
      if text[article] == nil { text[article] = (fts.double(2), fts.int(1)) }
    }
    fts.reset()

    // Order, filter, describe.
    let named = names.keys.sorted { a, b in
      let x = names[a]!, y = names[b]!
      if x.tier != y.tier { return x.tier < y.tier }
      if x.similarity != y.similarity { return x.similarity > y.similarity }
      let bx = text[a]?.bm25 ?? 0, by = text[b]?.bm25 ?? 0
      if bx != by { return bx < by }
      if x.rank != y.rank { return x.rank < y.rank }
      if x.count != y.count { return x.count > y.count }
      return a < b
    }
    var order: [(Int64, Bool)] = named.map { ($0, true) }
    if !options.namesOnly {
      let rest = text.keys.filter { names[$0] == nil }.sorted { text[$0]!.bm25 != text[$1]!.bm25 ? text[$0]!.bm25 < text[$1]!.bm25 : $0 < $1 }
      order += rest.map { ($0, false) }
    }
    var hits: [SearchHit] = []
    let articleRow = try db.statement("SELECT name, title, source, language FROM articles WHERE id = ?")
    let mentionRow = try db.statement("SELECT text, display, paragraph, offset FROM mentions WHERE id = ?")
    let paragraphRow = try db.statement("SELECT text, n FROM paragraphs WHERE article = ? AND n = ?")
    let paragraphByID = try db.statement("SELECT n FROM paragraphs WHERE id = ?")
    let snippetRow = try db.statement(
      "SELECT snippet(text_keys, 0, '[', ']', '…', 16) FROM text_keys WHERE text_keys MATCH ? AND rowid = ?")
    for (article, isName) in order {
      if hits.count >= options.limit { break }
      articleRow.reset()
      guard try articleRow.bind(.int(article)).step() else { continue }
      let language = articleRow.optionalText(3)
      if let wanted = options.language, !Self.sameLanguage(language, wanted) { continue }
      var hit = SearchHit(
        article: articleRow.text(0), title: articleRow.optionalText(1), source: articleRow.text(2), language: language,
        match: .text, mention: nil, display: nil, paragraph: nil, offset: nil, snippet: "", similarity: 0,
        bm25: text[article]?.bm25 ?? 0)
      if isName, let name = names[article] {
        hit.match = name.tier == .native ? .native : name.tier == .ascii ? .ascii : .phonetic
        hit.similarity = name.similarity
        mentionRow.reset()
        if try mentionRow.bind(.int(name.mention)).step() {
          hit.mention = mentionRow.text(0)
          hit.display = mentionRow.text(1)
          if !mentionRow.isNull(2) {
            hit.paragraph = Int(mentionRow.int(2))
            hit.offset = Int(mentionRow.int(3))
          }
        }
        if let p = hit.paragraph, let offset = hit.offset {
          paragraphRow.reset()
          if try paragraphRow.bind(.int(article), .int(p)).step() {
            hit.snippet = Self.window(paragraphRow.text(0), at: offset, length: hit.mention.map { $0.utf8.count } ?? 0)
          }
        }
      } else if let best = text[article] {
        paragraphByID.reset()
        if try paragraphByID.bind(.int(best.paragraph)).step() { hit.paragraph = Int(paragraphByID.int(0)) }
        snippetRow.reset()
        if try snippetRow.bind(.text(expression), .int(best.paragraph)).step() { hit.snippet = snippetRow.text(0) }
      }
      hits.append(hit)
    }
    return hits
  }

  /// The words of a search key as FTS5's `unicode61` splits them: runs of letters,
  /// marks and digits.
  static func tokens(_ key: String) -> [String] {
    key.unicodeScalars.split(whereSeparator: { s in
      let c = s.properties.generalCategory
      switch c {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
        .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
        return false
      default:
        return true
      }
    }).map { String(String.UnicodeScalarView($0)) }
  }

  static func sameLanguage(_ language: String?, _ wanted: String) -> Bool {
    guard let language else { return false }
    let primary = { (s: String) in s.split(separator: "-").first.map { $0.lowercased() } ?? "" }
    return primary(language) == primary(wanted)
  }

  /// About 60 characters either side of the UTF-8 offset, the match in brackets.
  static func window(_ text: String, at offset: Int, length: Int) -> String {
    let utf8 = text.utf8
    guard offset <= utf8.count, let start = utf8.index(utf8.startIndex, offsetBy: offset, limitedBy: utf8.endIndex),
      let end = utf8.index(start, offsetBy: length, limitedBy: utf8.endIndex)
    else { return String(text.prefix(120)) }
    let s = String.Index(start, within: text) ?? text.startIndex
    let e = String.Index(end, within: text) ?? s
    let before = text[..<s].suffix(60), after = text[e...].prefix(60)
    return (before.startIndex > text.startIndex ? "…" : "") + before + "[" + text[s..<e] + "]" + after
      + (after.endIndex < text.endIndex ? "…" : "")
  }
}

extension SearchHit {
  /// The hit as one compact JSON object (the line `matn search --format jsonl` writes):
  /// `{"article","title","source","language","match","mention","display","paragraph",
  /// "offset","snippet","similarity","bm25"}`, absent values as null.
  public var jsonLine: String {
    func string(_ s: String?) -> String { s.map(Self.jsonString) ?? "null" }
    func int(_ v: Int?) -> String { v.map(String.init) ?? "null" }
    func number(_ v: Double) -> String {
      let rounded = (v * 10000).rounded() / 10000
      return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
    let fields: [(String, String)] = [
      ("article", string(article)), ("title", string(title)), ("source", string(source)), ("language", string(language)),
      ("match", string(match.rawValue)), ("mention", string(mention)), ("display", string(display)),
      ("paragraph", int(paragraph)), ("offset", int(offset)), ("snippet", string(snippet)),
      ("similarity", number(similarity)), ("bm25", number(bm25)),
    ]
    return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
  }

  /// `s` as a JSON string literal.
  public static func jsonString(_ s: String) -> String {
    var out = "\""
    for v in s.unicodeScalars {
      switch v {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where v.value < 0x20 || v.value == 0x2028 || v.value == 0x2029:
        let hex = String(v.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(v)
      }
    }
    return out + "\""
  }
}
