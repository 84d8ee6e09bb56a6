/// One place in a text where a person's name is written.
public struct NameMention: Sendable, Hashable {
  /// The name as written, without title or possessive: "Xi Jinping", «حسن روحانی».
  public var text: String
  /// The UTF-8 byte range of ``text`` in the original text.
  public var utf8Range: Range<Int>
  /// ISO 15924 code of the name's script: `Latn`, `Arab`, `Cyrl`.
  public var script: String
  /// The title or honorific written just before the name, as written: "President",
  /// "Ayatollah Seyyed", «آیت‌الله»; `nil` when none preceded it.
  public var title: String?
  /// Set when the name as written mixes scripts confusably ("Аli Аkbаr Vеlаyаti" with
  /// Cyrillic А, а, е): ``script`` is then the script it imitates.
  public var confusable: MixedScriptConfusable?

  public init(
    text: String, utf8Range: Range<Int>, script: String, title: String? = nil, confusable: MixedScriptConfusable? = nil
  ) {
    self.text = text
    self.utf8Range = utf8Range
    self.script = script
    self.title = title
    self.confusable = confusable
  }
}

/// A person named in a document, with its index keys.
public struct ExtractedName: Codable, Sendable, Hashable {
  /// The fullest form seen in the document: "Ali Akbar Velayati".
  public var text: String
  /// ISO 15924 code of the script the name is written in.
  public var script: String
  /// The romanisation a reader expects (``NameKeys/display``).
  public var display: String
  /// The lower-case ASCII key (``NameKeys/ascii``).
  public var key: String
  /// The cross-script recall key (``NameKeys/phonetic``).
  public var phonetic: String
  /// How many mentions were folded into this name ("Velayati said" counts toward
  /// "Ali Akbar Velayati").
  public var mentions: Int
  /// Set when ``text`` mixes scripts confusably, such as Cyrillic А, а, е in
  /// "Аli Аkbаr Vеlаyаti": the keys are then those of the look-alike
  /// (``MixedScriptConfusable/looksLike``), and the name is never merged with the
  /// genuine spelling. Absent (nil) for every honestly written name.
  public var confusable: MixedScriptConfusable?

  public init(
    text: String, script: String, display: String, key: String, phonetic: String, mentions: Int,
    confusable: MixedScriptConfusable? = nil
  ) {
    self.text = text
    self.script = script
    self.display = display
    self.key = key
    self.phonetic = phonetic
    self.mentions = mentions
    self.confusable = confusable
  }
}

/// Finds person names in article text: English (and other Latin-script) capitalised
/// runs, Russian Cyrillic runs, and Persian names, with titles set apart and offsets
/// into the original text.
///
/// ```swift
/// let extractor = NameExtractor()
/// let text = "President Hassan Rouhani met Ali Akbar Velayati. Velayati said…"
/// extractor.mentions(in: text).map(\.text)   // ["Hassan Rouhani", "Ali Akbar Velayati", "Velayati"]
/// extractor.names(in: text).map(\.display)   // ["Hassan Rouhani", "Ali Akbar Velayati"]
/// ```
///
/// A run of capitalised words is a name when a title or honorific precedes it
/// ("President", "Ayatollah", «آیت‌الله», «دکتر»), when it starts with a known given
/// name (the Persian name lexicon's spellings, romanised Persian given names and a
/// curated list), or when its last word has a family-name ending (-zadeh, -ov, «-نژاد»).
/// Words that are never names — function words, months, weekdays, places,
/// demonyms, organisation words, all-capital datelines and agency tags — split runs
/// and make a run followed by one ("Sharif University") a name of a thing. A bare
/// family name counts when the document names the person in full somewhere. Context
/// counts too: an occupation in lower case before a run ("archaeologist Arman
/// Shishegar", "his counterpart, X Y") or in apposition after it ("X Y, the party’s
/// leader"), "administration" after one word ("the Trump administration"); a Persian
/// given name with one to three more words as a clause's subject, before a word that
/// follows names («، محمد حسن اکبری مطلق امروز…», «X Y با اشاره به…»), a quoted name after
/// an honorific, an item of a list with names found («…، آرمین X، امین Y و…»).
///
/// Persian text may be un-normalised (Arabic ي/ك, ZWNJ or not): words are matched
/// through a fold, offsets point into the original. A word mixing Latin, Cyrillic and Greek letters
/// confusably ("Vеlаyаti" with Cyrillic е and а) is read as the word it looks like, and
/// its mention and name carry a ``MixedScriptConfusable`` mark (ICU's spoof checker). Han names are not extracted
/// (without word breaks a title alone does not tell where a name ends).
///
/// - Thread safety: `Sendable`; the word lists are loaded once per process and the
///   ``NameIndexer`` is shared.
public struct NameExtractor: Sendable {
  let indexer: NameIndexer
  let tables: NameTables
  let persian: PersianLexicon

  /// An extractor using `indexer` for the keys of ``names(in:)``.
  public init(indexer: NameIndexer = .shared) {
    self.indexer = indexer
    self.tables = .shared
    self.persian = .shared
  }

  /// Every mention of a person's name in `text`, in text order.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public func mentions(in text: String) -> [NameMention] {
    mentions(in: text, windowBytes: 1 << 18)
  }

  /// ``mentions(in:)`` reading the words of about `windowBytes` of text at a time (256 KiB), so
  /// that a huge paragraph costs a window's words, not all of them at once. Windows end
  /// just after an ASCII character that is neither a letter, a space, a full stop, a
  /// double quote nor a joiner (a digit, a comma…): no word and no name goes on across
  /// it (a quoted name may be in apposition to the office after it), since names
  /// join words over spaces and full stops only; or at the space between two ASCII
  /// words that begin in lower case (text with no commas at all), since a capitalised
  /// run takes a lower-case word only as a particle before a capitalised one. Family names mentioned alone are
  /// matched against the full names of every window (read a second time for them).
  func mentions(in text: String, windowBytes: Int) -> [NameMention] {
    var text = text
    var mentions: [(start: Int, end: Int, script: NameToken.Script, title: Range<Int>?, confusable: Bool)] = []
    text.withUTF8 { utf8 in
      var cuts = [0]
      while cuts[cuts.count - 1] < utf8.count {
        var end = min(cuts[cuts.count - 1] + windowBytes, utf8.count)
        while end < utf8.count
          && !(utf8[end - 1] < 0x80 && utf8[end - 1] != 0x22 && NameTokens.classify(UInt32(utf8[end - 1])) == .other)
          && !Self.betweenLowercaseWords(utf8, end)
        {
          end += 1
        }
        cuts.append(end)
      }
      /// A window's words, the names found there and the tokens they cover, and the
      /// family names alone that no name covers.
      func read(_ k: Int) -> (tokens: NameTokens, found: [Found], alone: [Int], pairs: [Int], speakers: [Int]) {
        let tokens = NameTokens(utf8: utf8, cuts[k]..<cuts[k + 1])
        var found: [Found] = []
        var pending: [Int] = []
        var pairs: [Int] = []
        var speakers: [Int] = []
        capitalizedRunMentions(tokens, found: &found, pending: &pending)
        persianMentions(tokens, found: &found, pending: &pending, pairs: &pairs, speakers: &speakers)
        var taken = Set<Int>()
        for f in found { for i in f.first...f.last { taken.insert(i) } }
        let free = pairs.filter { !taken.contains($0) && !taken.contains($0 + 1) }
        return (tokens, found, pending.filter { taken.insert($0).inserted }, free, speakers)
      }
      var families = Set<UInt64>()
      // Words made speakers («وارسته تصریح کرد»), by key: a name when the document does so twice.
      var speakers: [UInt64: Int] = [:]
      var only: (tokens: NameTokens, found: [Found], alone: [Int], pairs: [Int], speakers: [Int])?
      for k in 0..<cuts.count - 1 {
        let window = read(k)
        for i in window.speakers { speakers[window.tokens.tokens[i].key, default: 0] += 1 }
        for f in window.found {
          let tokens = window.tokens.tokens
          families.insert(tokens[f.last].key)
          // The title as written, with the full stop of an abbreviation ("Mr.", "Brig. Gen.").
          let title = f.titleFirst.map { t in
            tokens[t].start..<tokens[f.first - 1].end + (tokens[f.first - 1].gap == .period ? 1 : 0)
          }
          let confusable = tokens[f.first...f.last].contains(where: \.confusable)
          mentions.append((tokens[f.first].start, tokens[f.last].end, tokens[f.first].script, title, confusable))
        }
        if cuts.count == 2 { only = window }
      }
      for (key, count) in speakers where count >= 2 { families.insert(key) }
      // Family names alone ("Velayati said") count when some window names the person
      // in full: a second reading of the windows (a short text has one, kept).
      guard !families.isEmpty else { return }
      // A given name before such a family name is the person's («فرشته بنی‌طالبی» when
      // «بنی‌طالبی» is a name elsewhere), though the given name is also a word.
      for k in 0..<cuts.count - 1 {
        let window = only ?? read(k)
        let tokens = window.tokens.tokens
        var paired = Set<Int>()
        for i in window.pairs where families.contains(tokens[i + 1].key) && !paired.contains(i) {
          paired.formUnion([i, i + 1])
          mentions.append((tokens[i].start, tokens[i + 1].end, tokens[i].script, nil, tokens[i].confusable))
        }
        for i in window.alone where families.contains(tokens[i].key) && !paired.contains(i) {
          let t = tokens[i]
          mentions.append((t.start, t.end, t.script, nil, t.confusable))
        }
      }
    }
    mentions.sort { $0.start < $1.start }
    let utf8 = text.utf8
    func slice(_ range: Range<Int>) -> String {
      String(
        decoding: utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)],
        as: UTF8.self)
    }
    return mentions.map { m in
      let text = slice(m.start..<m.end)
      return NameMention(
        text: text, utf8Range: m.start..<m.end, script: Self.scriptCode(m.script), title: m.title.map(slice),
        confusable: m.confusable ? MixedScriptConfusable(in: text) : nil)
    }
  }

  /// Whether `end` follows the space between two ASCII words that both begin with a
  /// lower-case letter ("went on"): no name runs across that space.
  static func betweenLowercaseWords(_ utf8: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
    func lower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    func letter(_ b: UInt8) -> Bool { lower(b) || (b >= 0x41 && b <= 0x5A) }
    guard end >= 2, end < utf8.count, utf8[end - 1] == 0x20, lower(utf8[end]), lower(utf8[end - 2]) else { return false }
    var start = end - 2
    while start > 0 && letter(utf8[start - 1]) { start -= 1 }
    return lower(utf8[start]) && (start == 0 || utf8[start - 1] == 0x20)
  }

  /// The people named in `text`, in order of first mention, with their keys. A
  /// mention that is the tail of a fuller name in the document ("Velayati",
  /// "Akbar Velayati") is folded into it — the nearest such name mentioned before,
  /// else the first one after.
  ///
  /// - Complexity: O(*n*) in the length of `text`, plus the key derivation of each
  ///   distinct name.
  public func names(in text: String) -> [ExtractedName] {
    let mentions = mentions(in: text)
    var keyCache: [String: NameKeys] = [:]
    func keys(_ s: String) -> NameKeys {
      if let hit = keyCache[s] { return hit }
      let k = indexer.keys(for: s)
      keyCache[s] = k
      return k
    }
    struct Group {
      var text: String
      var confusable: MixedScriptConfusable?
      var script: String
      var words: [Substring]
      var firstMention: Int
      var count: Int
    }
    // A confusable mention is keyed by its look-alike, and grouped apart from the
    // genuine spelling (its script carries a mark).
    // Russian names in another case are keyed and shown in the nominative (Лавровым → Лавров).
    // A Persian ending written apart is joined with a ZWNJ («خامنه ای» → «خامنه‌ای»).
    var texts = mentions.map { m in
      m.script == "Cyrl" && m.confusable == nil ? Self.nominative(m.text) : m.script == "Arab" ? Self.joinedEndings(m.text) : m.text
    }
    // Endings a masculine name shares with feminine ones (Лаврова, Путину, Сергея) are read
    // as another case only when the document writes the nominative too.
    if mentions.contains(where: { $0.script == "Cyrl" }) {
      let attested = Set(mentions.indices.filter { mentions[$0].script == "Cyrl" }.flatMap { texts[$0].split(separator: " ") })
      for i in mentions.indices where mentions[i].script == "Cyrl" && mentions[i].confusable == nil {
        texts[i] = texts[i].split(separator: " ").map { w in
          Self.obliqueCandidates(w).first { attested.contains($0[...]) } ?? String(w)
        }.joined(separator: " ")
      }
    }
    let forms = mentions.indices.map { i -> (script: String, words: [Substring]) in
      let m = mentions[i]
      return (m.confusable == nil ? m.script : m.script + "~", keys(m.confusable?.looksLike ?? texts[i]).ascii.split(separator: " "))
    }
    // Full forms first (longest first), so shorter mentions can fold into them.
    var groups: [Group] = []
    var positions: [[Int]] = []  // mention indices per group
    var groupOf: [String: Int] = [:]  // script + ascii → group
    // The same name written with and without a space or ZWNJ («جوادی آملی», «جوادی‌آملی»):
    // one person, grouped under the first form seen.
    var groupOfJoined: [String: Int] = [:]  // script + ascii without spaces → group
    var byLastWord: [Substring: [Int]] = [:]
    var firstWords: [Substring: [Int]] = [:]
    let order = mentions.indices.sorted { (forms[$0].words.count, -$0) > (forms[$1].words.count, -$1) }
    for i in order {
      let (script, words) = forms[i]
      guard let last = words.last else { continue }
      let id = script + "\t" + words.joined(separator: " ")
      let joined = script + "\t" + words.joined()
      var target = groupOf[id] ?? groupOfJoined[joined]
      if target == nil {
        // The tail of a longer name already grouped: the nearest mentioned before, else the first.
        let candidates = (byLastWord[last] ?? []).filter { g in
          groups[g].script == script && groups[g].words.count > words.count
            && groups[g].words.suffix(words.count).elementsEqual(words)
        }
        let latestBefore = candidates.map { g in (g, positions[g].filter { $0 < i }.max() ?? -1) }
        if let best = latestBefore.max(by: { $0.1 < $1.1 }), best.1 >= 0 {
          target = best.0
        } else {
          target = candidates.min { positions[$0].min()! < positions[$1].min()! }
        }
      }
      if target == nil, words.count >= 2 {
        // A name with a middle part left out, folded into the one fuller name with the same
        // first and last words that holds its words in order («حافظ سعید» for «حافظ محمد
        // سعید», "George Bush" for "George W. Bush"); not one with a particle («محمد علی» is
        // not «محمد بن علی», Ali's son).
        let fuller = (byLastWord[last] ?? []).filter { g in
          groups[g].script == script && groups[g].words.count > words.count && groups[g].words.first == words.first
            && Self.isSubsequence(words, of: groups[g].words)
            && !groups[g].text.split(separator: " ").contains { w in
              let key = NameTables.key(w)
              return tables.particles.contains(key) || Self.sonOf.contains(key)
            }
        }
        if fuller.count == 1 { target = fuller[0] }
      }
      if target == nil, words.count == 1, script == "Latn" {
        // One Latin word that is the first word of exactly one fuller name and the last of
        // none: a family name written first ("Wang" for Wang Yi) or a given name used
        // alone ("Prince Mohammed" for Mohammed bin Salman). Not in Persian, where a given
        // name alone names another person as often («حسین» beside «حسین شریعتمداری»).
        let heads = Set(firstWords[last] ?? []).filter { groups[$0].script == script && groups[$0].words.count > 1 }
        if heads.count == 1, (byLastWord[last] ?? []).isEmpty { target = heads.first }
      }
      if target == nil {
        groups.append(
          Group(
            text: texts[i], confusable: mentions[i].confusable, script: script, words: words, firstMention: i,
            count: 0))
        positions.append([])
        target = groups.count - 1
        groupOf[id] = target
        groupOfJoined[joined] = target
        byLastWord[last, default: []].append(groups.count - 1)
        if let head = words.first { firstWords[head, default: []].append(groups.count - 1) }
      }
      positions[target!].append(i)
    }
    for g in groups.indices {
      groups[g].count = positions[g].count
      groups[g].firstMention = positions[g].min() ?? groups[g].firstMention
    }
    return groups.sorted { $0.firstMention < $1.firstMention }.map { g in
      let k = keys(g.confusable?.looksLike ?? g.text)
      return ExtractedName(
        text: g.text, script: g.confusable?.script ?? g.script, display: k.display, key: k.ascii, phonetic: k.phonetic,
        mentions: g.count, confusable: g.confusable)
    }
  }

  /// Whether `words` appear in `longer` in the same order (not necessarily adjacent).
  static func isSubsequence(_ words: [Substring], of longer: [Substring]) -> Bool {
    var k = 0
    for w in longer where k < words.count && w == words[k] { k += 1 }
    return k == words.count
  }

  /// `name` with «ای» and «ئی» written as separate words joined to the word before by a ZWNJ.
  static func joinedEndings(_ name: String) -> String {
    var words = name.split(separator: " ").map(String.init)
    var k = 1
    while k < words.count {
      if words[k] == "ای" || words[k] == "اي" || words[k] == "ئی" {
        words[k - 1] += "\u{200C}" + words[k]
        words.remove(at: k)
      } else {
        k += 1
      }
    }
    return words.joined(separator: " ")
  }

  /// The nominatives a Russian name word may have when its ending is shared by several
  /// cases and genders: Лаврова, Лаврову → Лавров; Сергея, Сергею → Сергей; Игоря → Игорь;
  /// Дмитрия → Дмитрий; Захаровой → Захарова; Марией → Мария. Empty for other words.
  static func obliqueCandidates(_ w: Substring) -> [String] {
    guard w.count > 3, let last = w.last else { return [] }
    let stem = String(w.dropLast())
    switch last {
    case "а", "у": return [stem]
    case "я", "ю": return [stem + "й", stem + "ь"]
    case "й" where w.hasSuffix("ой"): return [String(w.dropLast(2)) + "а"]
    case "й" where w.hasSuffix("ей"): return [String(w.dropLast(2)) + "я"]
    default: return []
    }
  }

  /// The nominative of a Russian name written in another case, word by word, for the
  /// endings that belong to masculine names only: family names in -ов/-ев/-ёв/-ин/-ын
  /// with the instrumental -ым or prepositional -е (Лавровым, Лаврове → Лавров), given
  /// names in -ей/-ай/-ий with the instrumental -ем/-ем/-ием (Сергеем → Сергей,
  /// Дмитрием → Дмитрий), and consonant-final given names with -ом (Владимиром →
  /// Владимир). Endings shared with feminine names (-а, -у, -ой) are left as written.
  static func nominative(_ name: String) -> String {
    func word(_ w: Substring) -> String {
      let s = Array(w.unicodeScalars)
      func ends(_ e: String) -> Bool { s.count > e.unicodeScalars.count + 2 && s.suffix(e.unicodeScalars.count).elementsEqual(e.unicodeScalars) }
      func stem(_ n: Int) -> [Unicode.Scalar] { Array(s.dropLast(n)) }
      func string(_ v: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(v)) }
      let familyStems: [String] = ["ов", "ев", "ёв", "ин", "ын"]
      func familyStem(_ v: [Unicode.Scalar]) -> Bool {
        familyStems.contains { e in v.count > 3 && v.suffix(2).elementsEqual(e.unicodeScalars) }
      }
      if ends("ым"), familyStem(stem(2)) { return string(stem(2)) }
      if ends("е"), familyStem(stem(1)) { return string(stem(1)) }
      if ends("ием") { return string(stem(3)) + "ий" }
      if ends("ем"), let v = stem(2).last, "еоая".unicodeScalars.contains(v) { return string(stem(2)) + "й" }
      if ends("ом"), let v = stem(2).last, !"аеёиоуыэюяйьъ".unicodeScalars.contains(v), !familyStem(stem(2)) {
        return string(stem(2))
      }
      return String(w)
    }
    return name.split(separator: " ", omittingEmptySubsequences: false).map(word).joined(separator: " ")
  }

  /// A name found: token indices of its words and of the title before it.
  struct Found {
    var first: Int
    var last: Int
    var titleFirst: Int?
  }

  static func scriptCode(_ script: NameToken.Script) -> String {
    switch script {
    case .latin: return "Latn"
    case .cyrillic: return "Cyrl"
    case .arabic: return "Arab"
    case .greek: return "Grek"
    }
  }

  /// The longest title starting at token `i` (its length in tokens and kind), the
  /// words joined by spaces (or by a full stop and space in Latin script: "Brig. Gen.").
  func title(at i: Int, in tokens: [NameToken]) -> (length: Int, kind: NameTables.Title.Kind)? {
    guard tables.titleStarts.contains(tokens[i].key), let list = tables.titles[tokens[i].key] else { return nil }
    for title in list where i + title.keys.count <= tokens.count {
      var ok = true
      for (k, key) in title.keys.enumerated() {
        let t = tokens[i + k]
        if t.key != key || t.script != tokens[i].script { ok = false; break }
        if k > 0 && !connected(tokens[i + k - 1]) { ok = false; break }
      }
      if ok { return (title.keys.count, title.kind) }
    }
    return nil
  }

  /// Whether a token and the next may belong to one name or title: only spaces
  /// between them, or the full stop of an initial or abbreviation ("J. Trump", "Mr. Li").
  func connected(_ t: NameToken) -> Bool {
    t.gap == .space || (t.gap == .period && t.script == .latin && (t.isInitial || tables.titleStarts.contains(t.key)))
  }
}
