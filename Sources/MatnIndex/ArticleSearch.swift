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
    /// A name mentioned in the article ends with the query's last word (its family
    /// name, by ASCII key or a skeleton of four letters or more).
    case familyName = "family-name"
    /// No name matched: the paragraph's words are the query's (search keys, or
    /// romanisations for another script).
    case text
    /// No name matched: the paragraph's words' consonant skeletons are the query's.
    case sound
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
  /// When the whole name matches, articles that name the person by the family name
  /// alone come after the whole matches if the family name is this person's in the
  /// index. An article with the family name alone as a name mention: when the whole
  /// matches are at least this share of the articles with the family name, or
  /// ``familyNameOwnership`` holds. All constants are chosen by cross-validation over
  /// the persons of `scripts/eval-name-search` (`scripts/tune-name-search`).
  public var familyNameShare = ArticleIndex.familyNameShare
  /// An article with the word in its text only (by its romanisation or skeleton): when
  /// ``familyNameOwnership`` holds and the whole matches are at least this share of the
  /// articles with the family name…
  public var familyNameTextShare = ArticleIndex.familyNameTextShare
  /// … or the word is mostly a name where it occurs (not a common word): the articles
  /// where it is in a name mention (anyone's) are at least this share of those with
  /// the word.
  public var familyNameMentionShare = ArticleIndex.familyNameMentionShare
  /// The family name is the person's in every language: the articles that name the
  /// person whole (any language) are at least this share of those that name the person
  /// whole or give the family name (its romanisation) to someone else, another given
  /// name.
  public var familyNameOwnership = ArticleIndex.familyNameOwnership
  /// A mention matches the family name by its skeleton only when the spellings are
  /// at least this alike (``MentionKeys/similarity(_:_:)``).
  public var familyNameSimilarity = ArticleIndex.familyNameSimilarity
  /// A name whose skeleton is one letter from the query's (a letter more, less or
  /// different, the words beginning with the same consonants) matches as a skeleton
  /// match when the two spellings are at least this alike.
  public var nearSimilarity = ArticleIndex.nearSimilarity
  /// Several words match the text by their skeletons in order only when these have at
  /// least this many letters together (shorter ones meet common words).
  public var soundLetters = ArticleIndex.soundLetters
  /// A paragraph whose words have the query's romanisations (or skeletons) in order
  /// with at most this many words between matches as text (0: only as a phrase).
  public var nameWindow = ArticleIndex.nameWindow
  /// A native word that a Latin query's word may be (its skeleton, and a top
  /// romanisation at least ``familyNameSimilarity`` alike) is looked for in the text
  /// only if at least this share of the articles with it have it in a name mention.
  public var reverseNameShare = ArticleIndex.reverseNameShare
  public init() {}
}

extension ArticleIndex {
  /// The longest query (in words) looked up as a name.
  static let longestNameQuery = 6
  /// Defaults of ``SearchOptions``' constants, chosen by cross-validation over the
  /// persons of `scripts/eval-name-search` (`scripts/tune-name-search`, 2026-12-07,
  /// branch `search4`, objective `target`: the highest recall@10 with precision@10 at
  /// least 80%): the setting chosen in two folds of five (each fold's choice seen
  /// without its persons), which is also the one chosen on all persons.
  /// Cross-validated recall@10 91.7%, precision@10 84.3%.
  public static let familyNameShare = 0.0
  public static let familyNameTextShare = 0.3
  public static let familyNameMentionShare = 1.01
  public static let familyNameOwnership = 0.8
  public static let familyNameSimilarity = 0.7
  public static let nearSimilarity = 0.6
  public static let soundLetters = 5
  public static let reverseNameShare = 0.2
  /// Default of ``SearchOptions/nameWindow`` (not tuned: windows of 2, 4 and 6 words
  /// lowered both recall and precision on the benchmark).
  public static let nameWindow = 0

  /// Articles for `query`, in any script, best first:
  /// 1. articles that mention the query as a name: the same spelling (its search key),
  ///    then the same romanisation (ASCII key), then the same consonant skeleton
  ///    (phonetic key, closer spellings first; or one letter apart, close spellings
  ///    with the same initials: ``SearchOptions/nearSimilarity``), then — for a query
  ///    of several words — a name with its last word (a family name alone: "Velayati
  ///    said");
  ///    within each, by bm25 of the article's best paragraph, then how often the name
  ///    is mentioned;
  /// 2. unless ``SearchOptions/namesOnly``: articles whose text has the query's words
  ///    (its search keys, its romanisations against the words' romanisations, or for
  ///    several words their consonant skeletons in order), by bm25; then, for a query
  ///    of one word, those whose words' skeleton is the query's (only for skeletons of
  ///    four letters or more: shorter ones collide with common words).
  public func search(_ query: String, options: SearchOptions = SearchOptions()) throws -> [SearchHit] {
    let native = SearchKey.make(query)
    let nativeWords = Self.tokens(native)
    guard !nativeWords.isEmpty else { return [] }
    let nameLike = nativeWords.count <= Self.longestNameQuery
    // A query in Arabic script has its native words already.
    reverse = !query.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
    let allKeys = nameLike ? MentionKeys.keys(of: query, indexer: indexer) : []
    let queryKeys = allKeys.filter(\.whole)
    // The family name alone: the last words' keys (a query of several words: the last
    // one, and the last two of three or more, "Hashemi Rafsanjani").
    var partialKeys: [NameKey] = []
    if nativeWords.count > 1 {
      for key in queryKeys where key.kind == .ascii || key.kind == .phonetic {
        let words = MentionKeys.words(key.ascii)
        guard words.count > 1 else { continue }
        for length in 1..<min(words.count, 3) {
          let last = words[(words.count - length)...].joined(separator: " ")
          if key.kind == .ascii {
            partialKeys.append(NameKey(kind: .ascii, key: last, ascii: last, whole: false, rank: key.rank))
          } else {
            let sound = MentionKeys.phonetic(last, indexer: indexer)
            if sound.count >= 3 {
              partialKeys.append(NameKey(kind: .phonetic, key: sound, ascii: last, whole: false, rank: key.rank))
            }
          }
        }
      }
    }

    let languages = options.language == nil ? nil : try articleLanguages()
    func wanted(_ article: Int64) -> Bool {
      guard let languages, let language = options.language else { return true }
      return Self.sameLanguage(languages[article], language)
    }
    var candidates: [Int64: Candidate] = [:]
    func offer(_ article: Int64, _ c: Candidate) {
      guard wanted(article) else { return }
      if let old = candidates[article], !c.better(than: old) { return }
      candidates[article] = c
    }
    let wholeMatches = try mentions(queryKeys)
    for match in wholeMatches { offer(match.article, match.candidate) }

    // Text: the query's keys, or its romanisations against the words' romanisations.
    var exact = ["keys : \"" + nativeWords.joined(separator: " ") + "\""]
    var sounds: [String] = []
    for q in queryKeys where q.kind == .ascii {
      let words = Self.tokens(q.key)
      let phrase = "roman : \"" + words.joined(separator: " ") + "\""
      if !exact.contains(phrase) { exact.append(phrase) }
      let skeleton = words.map { MentionKeys.phonetic($0, indexer: indexer) }
      let letters = skeleton.joined().count
      if skeleton.allSatisfy({ !$0.isEmpty && $0 != "_" }) && letters >= 4 && (words.count == 1 || letters >= options.soundLetters) {
        // Several words agreeing in order is the whole name; one word is a fallback.
        let phrase = "sound : \"" + skeleton.joined(separator: " ") + "\""
        if words.count > 1 {
          if !exact.contains(phrase) { exact.append(phrase) }
        } else if !sounds.contains(phrase) {
          sounds.append(phrase)
        }
      }
      // The given and family names near each other (a middle name or a title between).
      if words.count > 1 && options.nameWindow > 0 {
        for (column, tokens) in [("roman", words), ("sound", skeleton)] where tokens.allSatisfy({ !$0.isEmpty && $0 != "_" }) {
          let near = column + " : NEAR(" + tokens.map { "\"" + $0 + "\"" }.joined(separator: " ") + ", \(options.nameWindow))"
          if column == "roman" || tokens.joined().count >= 4, !exact.contains(near) { exact.append(near) }
        }
      }
    }
    // The native words a Latin query's words would be (``reverseWords(_:minimum:nameShare:)``), as
    // phrases of the search keys: «پوتین» for "Putin", whose romanisation is Pootin.
    for phrase in try reversePhrases(queryKeys, options: options) where !exact.contains(phrase) {
      exact.append(phrase)
    }
    let exactExpression = exact.joined(separator: " OR ")
    var best: [Int64: (bm25: Double, paragraph: Int64)] = [:]
    let fts = try db.statement(
      "SELECT p.article, p.id, bm25(text_keys) FROM text_keys JOIN paragraphs p ON p.id = text_keys.rowid WHERE text_keys MATCH ? ORDER BY rank LIMIT 5000"
    )
    var expressions = [(4, exactExpression)]
    if nameLike && !sounds.isEmpty && !options.namesOnly { expressions.append((5, sounds.joined(separator: " OR "))) }
    var expressionOf: [Int64: String] = [:]
    for (tier, expression) in expressions {
      fts.reset()
      fts.bind(.text(expression))
      while try fts.step() {
        let article = fts.int(0)
        guard wanted(article) else { continue }
        if best[article] == nil {
          best[article] = (fts.double(2), fts.int(1))
          expressionOf[article] = expression
        }
        if !options.namesOnly && candidates[article] == nil {
          offer(article, Candidate(tier: tier, similarity: 0, rank: 0, count: 0, mention: nil))
        }
      }
    }

    // The skeleton of one word is a fallback: only when nothing matched the whole query.
    if candidates.values.contains(where: { $0.tier != 5 }) {
      candidates = candidates.filter { $0.value.tier != 5 }
    }
    // The family name alone (a query of several words).
    if !partialKeys.isEmpty {
      try familyName(
        partialKeys, person: Set(wholeMatches.map(\.article)), options: options, wanted: wanted, candidates: &candidates, best: &best,
        expressionOf: &expressionOf)
    }

    // Skeletons one letter apart (Lavrov ~ «لاوروف» Lavarouf) as skeleton matches, after
    // the family-name step (which they do not inform).
    for match in try nearMentions(queryKeys, similarity: options.nearSimilarity) { offer(match.article, match.candidate) }

    // Order, describe.
    let order = candidates.keys.sorted { a, b in
      let x = candidates[a]!, y = candidates[b]!
      if x.tier != y.tier { return x.tier < y.tier }
      if x.similarity != y.similarity { return x.similarity > y.similarity }
      let bx = best[a]?.bm25 ?? 0, by = best[b]?.bm25 ?? 0
      if bx != by { return bx < by }
      if x.rank != y.rank { return x.rank < y.rank }
      if x.count != y.count { return x.count > y.count }
      return a < b
    }
    var hits: [SearchHit] = []
    let articleRow = try db.statement("SELECT name, title, source, language FROM articles WHERE id = ?")
    let mentionRow = try db.statement("SELECT text, display, paragraph, offset FROM mentions WHERE id = ?")
    let paragraphRow = try db.statement("SELECT text, n FROM paragraphs WHERE article = ? AND n = ?")
    let paragraphByID = try db.statement("SELECT n FROM paragraphs WHERE id = ?")
    let snippetRow = try db.statement(
      "SELECT snippet(text_keys, 0, '[', ']', '…', 16) FROM text_keys WHERE text_keys MATCH ? AND rowid = ?")
    for article in order {
      if hits.count >= options.limit { break }
      let c = candidates[article]!
      articleRow.reset()
      guard try articleRow.bind(.int(article)).step() else { continue }
      let language = articleRow.optionalText(3)
      var hit = SearchHit(
        article: articleRow.text(0), title: articleRow.optionalText(1), source: articleRow.text(2), language: language,
        match: Self.matches[c.tier], mention: nil, display: nil, paragraph: nil, offset: nil, snippet: "",
        similarity: c.similarity, bm25: best[article]?.bm25 ?? 0)
      if let mention = c.mention {
        mentionRow.reset()
        if try mentionRow.bind(.int(mention)).step() {
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
      } else if let b = best[article], let expression = expressionOf[article] {
        paragraphByID.reset()
        if try paragraphByID.bind(.int(b.paragraph)).step() { hit.paragraph = Int(paragraphByID.int(0)) }
        snippetRow.reset()
        if try snippetRow.bind(.text(expression), .int(b.paragraph)).step() { hit.snippet = snippetRow.text(0) }
      }
      hits.append(hit)
    }
    return hits
  }

  /// Loads now what the first searches would load: Matn's tables and models (the
  /// parser's ``ArticleParser/preparations`` on threads of their own, the normaliser's
  /// compounds, the romaniser's model) and the index's pages of name keys, mentions,
  /// full-text segments and words. For a process that answers many queries (`matn search
  /// --queries`), so that no query pays for it.
  public func prepare() throws {
    for thread in ParallelBatches.background(ArticleParser.preparations) { thread.join() }
    // A Persian text with an affix, and a word no lexicon has (the model's first use).
    _ = SearchKey.make("کتاب‌ها را می برم")
    _ = MentionKeys.keys(of: "ژپچگ", indexer: indexer)
    for sql in [
      "SELECT count(*) FROM name_keys INDEXED BY name_keys_key WHERE key >= ''",
      "SELECT count(*), sum(length(text)) FROM mentions", "SELECT count(*) FROM articles",
      "SELECT sum(length(block)) FROM text_keys_data", "SELECT count(*), sum(length(word)) FROM words",
    ] {
      let s = try db.statement(sql)
      _ = try s.step()
      s.reset()
    }
  }

  /// The mentions that have one of `keys`: each one's article, why it is a candidate
  /// (at `tier`, or else its key's kind), and whether the key is the mention's whole name.
  /// With `initials`, only the mentions whose words begin with the same consonants
  /// as the query's (``MentionKeys/sameInitials(_:_:indexer:)``).
  /// With `minimum`, only those whose spellings are at least that alike (checked first:
  /// it is cheaper than the initials).
  private func mentions(_ keys: [NameKey], tier: Int? = nil, initials: Bool = false, minimum: Double = 0) throws -> [(
    article: Int64, candidate: Candidate, whole: Bool
  )] {
    let lookup = try db.statement(
      "SELECT k.article, k.mention, k.ascii, k.whole, k.rank, m.count FROM name_keys k JOIN mentions m ON m.id = k.mention WHERE k.key = ? AND k.kind = ?"
    )
    var out: [(article: Int64, candidate: Candidate, whole: Bool)] = []
    var initialsOf: [String: Bool] = [:]
    for q in keys {
      if initials { initialsOf.removeAll(keepingCapacity: true) }
      lookup.reset()
      lookup.bind(.text(q.key), .int(q.kind.rawValue))
      while try lookup.step() {
        let ascii = lookup.text(2)
        let similarity = q.kind >= .phonetic ? MentionKeys.similarity(q.ascii, ascii) : 1
        if similarity < minimum { continue }
        if initials {
          let same: Bool
          if let known = initialsOf[ascii] {
            same = known
          } else {
            same = MentionKeys.sameInitials(q.ascii, ascii, indexer: indexer)
            initialsOf[ascii] = same
          }
          if !same { continue }
        }
        let c = Candidate(
          tier: tier ?? min(q.kind.rawValue, 2), similarity: similarity, rank: q.rank + Int(lookup.int(4)),
          count: Int(lookup.int(5)), mention: lookup.int(1))
        out.append((lookup.int(0), c, lookup.int(3) == 1))
      }
    }
    return out
  }

  /// The mentions whose skeleton is one edit from one of the query's (whole-name)
  /// skeletons of ``MentionKeys/shortestNear`` letters or more, found through the
  /// stored ``NameKey/Kind/near`` keys, as skeleton matches (tier 2) whose spellings are
  /// at least `similarity` alike.
  private func nearMentions(_ keys: [NameKey], similarity minimum: Double) throws -> [(article: Int64, candidate: Candidate, whole: Bool)] {
    var lookups: [NameKey] = []
    for q in keys where q.kind == .phonetic {
      let variants = MentionKeys.near(q.key)
      guard !variants.isEmpty else { continue }
      var k = q
      k.kind = .near
      lookups.append(k)
      for v in variants {
        k.key = v
        k.kind = .phonetic
        lookups.append(k)
        k.kind = .near
        lookups.append(k)
      }
    }
    // The whole names only, as the stored near keys are (a run of a longer name one
    // letter from the query is too often someone else).
    return try mentions(lookups, tier: 2, initials: true, minimum: minimum).filter(\.whole)
  }

  /// Articles that name the person of a query of several words by the family name
  /// alone (the last word, or the last two): a name mention of it alone, or the words
  /// in a paragraph (by romanisation, or a skeleton of four letters or more). An
  /// article whose mentions give the family name to someone else (another given name)
  /// and not to the query's person is someone else's. When the whole query matched
  /// articles, the others come after them (tier 6) only when the family name is this
  /// person's (``SearchOptions/familyNameShare``, ``SearchOptions/familyNameOwnership``
  /// and the others); `person` is the articles that name the person whole in any
  /// language;
  /// when nothing matched it whole, they are all there is (tier 3, and someone else's
  /// last, tier 7).
  private func familyName(
    _ keys: [NameKey], person: Set<Int64>, options: SearchOptions, wanted: (Int64) -> Bool, candidates: inout [Int64: Candidate],
    best: inout [Int64: (bm25: Double, paragraph: Int64)], expressionOf: inout [Int64: String]
  ) throws {
    let whole = Set(candidates.keys)
    var alone: [Int64: Candidate] = [:], other: [Int64: Candidate] = [:]
    for match in try mentions(keys, tier: 3) {
      let article = match.article, c = match.candidate
      guard wanted(article), !whole.contains(article), c.similarity >= options.familyNameSimilarity else { continue }
      // The family name alone as a mention, or in a longer name.
      if match.whole {
        if alone[article].map({ c.better(than: $0) }) ?? true { alone[article] = c }
      } else if other[article].map({ c.better(than: $0) }) ?? true {
        other[article] = c
      }
    }
    // The word in the text: its romanisation, or its skeleton when long enough.
    var phrases: [String] = []
    for q in keys {
      let phrase =
        q.kind == .ascii
        ? "roman : \"" + Self.tokens(q.key).joined(separator: " ") + "\""
        : (q.key.count >= 4 && !q.ascii.contains(" ") ? "sound : \"" + q.key + "\"" : nil)
      if let phrase, !phrases.contains(phrase) { phrases.append(phrase) }
    }
    for phrase in try reversePhrases(keys, options: options) where !phrases.contains(phrase) {
      phrases.append(phrase)
    }
    var inText: [Int64: (bm25: Double, paragraph: Int64)] = [:]
    if !phrases.isEmpty && !options.namesOnly {
      let expression = phrases.joined(separator: " OR ")
      let fts = try db.statement(
        "SELECT p.article, p.id, bm25(text_keys) FROM text_keys JOIN paragraphs p ON p.id = text_keys.rowid WHERE text_keys MATCH ? ORDER BY rank LIMIT 5000"
      )
      fts.bind(.text(expression))
      while try fts.step() {
        let article = fts.int(0)
        guard wanted(article), inText[article] == nil else { continue }
        inText[article] = (fts.double(2), fts.int(1))
        if best[article] == nil {
          best[article] = inText[article]
          expressionOf[article] = expression
        }
      }
    }
    // Someone else's: the family name only with other given names.
    let elsewhere = Set(other.keys).subtracting(alone.keys)
    var found = Set(alone.keys).union(inText.keys).subtracting(whole).subtracting(elsewhere)
    if whole.isEmpty {
      for (article, c) in alone { candidates[article] = c }
      for article in found where alone[article] == nil {
        candidates[article] = Candidate(tier: 3, similarity: 0, rank: 0, count: 0, mention: nil)
      }
      for (article, c) in other where candidates[article] == nil {
        var c = c
        c.tier = 7
        candidates[article] = c
      }
      return
    }
    // Whose family name it is, in every language: the articles that name the person
    // whole, against those that give the family name (its romanisation) to another
    // given name only.
    var others = Set<Int64>()
    for match in try mentions(keys.filter { $0.kind == .ascii }, tier: 3) where !match.whole && !person.contains(match.article) {
      others.insert(match.article)
    }
    let ownership = person.isEmpty ? 0 : Double(person.count) / Double(person.count + others.count)
    let share = Double(whole.count) / Double(whole.count + found.count)
    // How often the word is a name where it occurs (anyone's: not a common word).
    let named = Set(alone.keys).union(other.keys).subtracting(whole)
    let occurs = Set(inText.keys).union(named).subtracting(whole).count
    let mentionShare = occurs == 0 ? 0 : Double(named.count) / Double(occurs)
    if options.namesOnly || ownership < options.familyNameOwnership
      || !(share >= options.familyNameTextShare || mentionShare >= options.familyNameMentionShare)
    {
      found = Set(alone.keys).subtracting(whole)
    }
    if share < options.familyNameShare && ownership < options.familyNameOwnership {
      found = found.subtracting(alone.keys)
    }
    for article in found {
      var c = alone[article] ?? Candidate(tier: 6, similarity: 0, rank: 1, count: 0, mention: nil)
      c.tier = 6
      candidates[article] = c
    }
  }

  /// The native words (search keys of another script than Latin, as the index's
  /// `words` table holds them) that a Latin word `ascii` may be: those with its
  /// consonant skeleton one of whose top romanisations (``MentionKeys/romanizations``)
  /// is at least `minimum` alike (``MentionKeys/similarity(_:_:)``), and that are names:
  /// at least `nameShare` of the articles with the word have it in a name mention (a
  /// common word that a romanisation happens to meet, «شیراز» for "Shirazi", is not),
  /// the closest first. A word's top romanisation alone often misses the press
  /// spelling («پوتین»: Pootin, Poutin, Putin), and a skeleton alone of two or three
  /// letters meets common words.
  func reverseWords(_ ascii: String, minimum: Double, nameShare: Double) throws -> [String] {
    let all: [ReverseWord]
    // A share of 0 lets in words no mention has (the cache keeps the two apart).
    let unnamed = nameShare <= 0
    let cacheKey = unnamed ? ascii + "\u{1}" : ascii
    if let known = reverseCache[cacheKey] {
      all = known
    } else {
      var found: [ReverseWord] = []
      let sound = MentionKeys.phonetic(ascii, indexer: indexer)
      if !sound.isEmpty && sound != "_" && !ascii.contains(" ") {
        // Only the words some mention has (most words of the text are no one's name),
        // unless `nameShare` is 0.
        let read = try db.statement(
          "SELECT w.word, (SELECT count(DISTINCT k.article) FROM name_keys k WHERE k.key = w.word AND k.kind = 0) FROM words w WHERE w.sound = ?"
        )
        read.bind(.text(sound))
        var named: [(String, Int64)] = []
        while try read.step() {
          if read.int(1) > 0 || unnamed { named.append((read.text(0), read.int(1))) }
        }
        read.reset()
        let count = try db.statement(
          "SELECT count(DISTINCT p.article) FROM text_keys JOIN paragraphs p ON p.id = text_keys.rowid WHERE text_keys MATCH ?")
        for (word, articles) in named {
          var best = 0.0
          for r in indexer.romanize(word, top: MentionKeys.romanizations) {
            best = max(best, MentionKeys.similarity(ascii, indexer.keys(for: r.text).ascii))
          }
          guard best > 0 else { continue }
          count.reset()
          count.bind(.text("keys : \"" + word + "\""))
          let inText = try count.step() ? count.int(0) : 0
          found.append(ReverseWord(word: word, similarity: best, share: Double(articles) / Double(max(articles, inText, 1))))
        }
      }
      found.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.word < $1.word }
      reverseCache[cacheKey] = found
      all = found
    }
    return all.filter { $0.similarity >= minimum && $0.share >= nameShare }.map(\.word)
  }

  /// A native word a Latin word may be, how alike their spellings are, and the share of
  /// the articles with it that have it in a name mention.
  struct ReverseWord {
    var word: String
    var similarity: Double
    var share: Double
  }

  /// FTS5 phrases of the `keys` column for the ASCII keys among `keys`: each word's
  /// native words (``reverseWords(_:minimum:nameShare:)``, the ``reverseAlternatives``
  /// closest), in order, every combination.
  func reversePhrases(_ keys: [NameKey], options: SearchOptions) throws -> [String] {
    var out: [String] = []
    guard reverse else { return out }
    for q in keys where q.kind == .ascii {
      var phrases: [[String]] = [[]]
      for word in Self.tokens(q.key) {
        let native = try reverseWords(word, minimum: options.familyNameSimilarity, nameShare: options.reverseNameShare)
          .prefix(Self.reverseAlternatives)
        phrases = phrases.flatMap { p in native.map { p + [$0] } }
        if phrases.isEmpty { break }
      }
      for p in phrases where !p.isEmpty {
        let phrase = "keys : \"" + p.joined(separator: " ") + "\""
        if !out.contains(phrase) { out.append(phrase) }
      }
    }
    return out
  }

  /// How many native words each word of a query brings to ``reversePhrases(_:minimum:)``.
  static let reverseAlternatives = 3

  /// The match of each tier.
  static let matches: [SearchHit.Match] = [
    .native, .ascii, .phonetic, .familyName, .text, .sound, .familyName, .familyName,
  ]

  /// Why an article is a candidate: its best tier (0 same spelling, 1 same
  /// romanisation, 2 same skeleton, 3 family name when nothing matched whole, 4 text,
  /// 5 text by skeleton, 6 family name after whole matches, 7 the family name of
  /// someone else).
  struct Candidate {
    var tier: Int
    var similarity: Double
    var rank: Int
    var count: Int
    var mention: Int64?
    func better(than o: Candidate) -> Bool {
      if tier != o.tier { return tier < o.tier }
      if similarity != o.similarity { return similarity > o.similarity }
      if rank != o.rank { return rank < o.rank }
      return count > o.count
    }
  }

  /// The words of a search key as FTS5's `unicode61` splits them: runs of letters,
  /// marks and digits.
  static func tokens(_ key: String) -> [String] {
    var key = key
    return key.withUTF8 { bytes in tokenRanges(bytes).map { String(decoding: bytes[$0], as: UTF8.self) } }
  }

  /// The byte ranges of ``tokens(_:)``'s words in valid UTF-8.
  static func tokenRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    let arabicWordScalars = Self.arabicWordScalars
    var out: [Range<Int>] = []
    var start = -1
    var i = 0
    while i < bytes.count {
      let b0 = UInt32(bytes[i])
      let length: Int
      let v: UInt32
      switch b0 {
      case 0..<0x80:
        (length, v) = (1, b0)
      case 0xC0..<0xE0:
        (length, v) = (2, (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))
      case 0xE0..<0xF0:
        (length, v) = (3, (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))
      default:
        (length, v) = (
          4,
          (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F)
        )
      }
      let inWord: Bool
      switch v {
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: inWord = true
      case 0..<0x80: inWord = false
      case 0x600...0x6FF: inWord = arabicWordScalars[Int(v - 0x600)]
      default: inWord = Unicode.Scalar(v).map(isWordScalar) ?? false
      }
      if inWord {
        if start < 0 { start = i }
      } else if start >= 0 {
        out.append(start..<i)
        start = -1
      }
      i += length
    }
    if start >= 0 { out.append(start..<bytes.count) }
    return out
  }

  /// Whether a scalar is a letter, mark or digit (FTS5's `unicode61` token characters).
  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
      .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
      return true
    default: return false
    }
  }

  /// Which scalars of the Arabic block (U+0600–U+06FF) are in words for ``tokens(_:)``
  /// (the same general categories), read once: most text keys are Persian.
  static let arabicWordScalars: [Bool] = (0x600...0x6FF).map { v in Unicode.Scalar(v).map(isWordScalar) ?? false }

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
