/// Names in English and Russian text: runs of capitalised words.
extension NameExtractor {
  /// What one word of a capitalised run is.
  enum RunWord { case title, stop, part, particle }

  /// Scans Latin and Cyrillic runs of capitalised words (joined by spaces, or by the
  /// full stop of an initial or abbreviated title) and keeps the name segments in them.
  /// Single words without evidence go to `pending` (they count later if the document
  /// names the person in full).
  ///
  /// - Complexity: O(*n*) in the number of tokens.
  func capitalizedRunMentions(_ text: NameTokens, found: inout [Found], pending: inout [Int]) {
    let tokens = text.tokens
    var i = 0
    while i < tokens.count {
      guard tokens[i].script == .latin || tokens[i].script == .cyrillic, isRunWord(tokens[i]) else {
        i += 1
        continue
      }
      var j = i
      while j + 1 < tokens.count, tokens[j + 1].script == tokens[i].script, connected(tokens[j]) {
        if isRunWord(tokens[j + 1]) {
          j += 1
        } else if isParticle(tokens[j + 1]), j + 2 < tokens.count, connected(tokens[j + 1]), isRunWord(tokens[j + 2]),
          tokens[j + 2].script == tokens[i].script
        {
          j += 2
        } else {
          break
        }
      }
      runMentions(i...j, text, found: &found, pending: &pending)
      i = j + 1
    }
  }

  /// A word that may be part of a capitalised run: capitalised and not all capitals
  /// ("TEHRAN", "IRNA"), or a particle joined to a capitalised name ("al-Assad").
  func isRunWord(_ t: NameToken) -> Bool {
    if t.capitalized { return !t.isAllCaps }
    return t.hyphen && t.capitalAfterHyphen && tables.particles.contains(t.headKey)
  }

  func isParticle(_ t: NameToken) -> Bool {
    !t.capitalized && !t.hyphen && tables.particles.contains(t.key)
  }

  func runMentions(_ run: ClosedRange<Int>, _ text: NameTokens, found: inout [Found], pending: inout [Int]) {
    let tokens = text.tokens
    var kinds = [RunWord](repeating: .part, count: run.count)
    var k = run.lowerBound
    var lastTitle: NameTables.Title.Kind?
    while k <= run.upperBound {
      // "Shah" after a given name is part of the conventional name ("Reza Shah").
      let nameTitle =
        k > run.lowerBound && kinds[k - 1 - run.lowerBound] == .part && Self.nameTitles.contains(tokens[k].key)
        && tables.latinGiven.contains(tokens[k - 1].key)
      if !nameTitle, let (length, kind) = title(at: k, in: tokens), k + length - 1 <= run.upperBound {
        // An office straight after an office is a name that looks like one ("Foreign
        // Minister Shah Mahmood Qureshi"): offices do not stack.
        if !(lastTitle == .office && kind == .office && length == 1 && k < run.upperBound) {
          for m in k..<(k + length) { kinds[m - run.lowerBound] = .title }
          k += length
          lastTitle = kind
          continue
        }
      }
      lastTitle = nil
      let t = tokens[k]
      // A month straight after a given name is a family name ("Theresa May").
      let afterGiven =
        k > run.lowerBound && kinds[k - 1 - run.lowerBound] == .part && t.capitalized && tables.months.contains(t.key)
        && tables.latinGiven.contains(tokens[k - 1].key)
      if afterGiven {
        k += 1
        continue
      }
      // A hyphenated word that starts with a place or organisation is not a name
      // ("Dhabi-Tehran", "Iran-Iraq").
      if tables.notNames.contains(t.key) || (t.hyphen && tables.notNames.contains(t.headKey)) {
        kinds[k - run.lowerBound] = .stop
      } else if isParticle(t) {
        kinds[k - run.lowerBound] = .particle
      }
      k += 1
    }
    var a = run.lowerBound
    while a <= run.upperBound {
      guard kinds[a - run.lowerBound] == .part else {
        a += 1
        continue
      }
      var b = a
      while b + 1 <= run.upperBound, kinds[b + 1 - run.lowerBound] == .part || kinds[b + 1 - run.lowerBound] == .particle {
        b += 1
      }
      while kinds[b - run.lowerBound] == .particle { b -= 1 }
      defer { a = b + 1 }
      var titleFirst: Int?
      var t = a - 1
      while t >= run.lowerBound, kinds[t - run.lowerBound] == .title {
        titleFirst = t
        t -= 1
      }
      // Followed by a thing word, capitalised in the run ("Sharif University") or not
      // ("Emam Khomeini port"): the name of a thing.
      let followedByStop =
        (b + 1 <= run.upperBound && kinds[b + 1 - run.lowerBound] == .stop && tables.thingWords.contains(tokens[b + 1].key))
        || (b == run.upperBound && b + 1 < tokens.count && connected(tokens[b]) && tokens[b + 1].script == tokens[b].script
          && !tokens[b + 1].capitalized && tables.thingWords.contains(tokens[b + 1].key))
      let count = b - a + 1
      // Followed by "administration" or "presidency" ("the Trump administration",
      // "Obama’s administration"): the name of the person who leads it.
      let leads =
        b + 1 < tokens.count && tokens[b + 1].script == .latin && (connected(tokens[b]) || tokens[b].possessive)
        && Self.ledWords.contains(tokens[b + 1].key)
      guard !followedByStop || leads, count <= 6 else { continue }
      let first = tokens[a], last = tokens[b]
      let given = first.script == .latin && (tables.latinGiven.contains(first.key) || tables.latinGiven.contains(first.headKey))
      // An occupation in lower case just before: "archaeologist Arman Shishegar".
      // Or after a comma ("his counterpart, Nanaia Mahuta"), or an occupation in apposition
      // after the name ("Hormoz Mahbod the executive manager", "Marine Le Pen, the
      // party’s leader", "Beena Sarwar is a journalist").
      let role =
        a == run.lowerBound && a > 0 && tokens[a - 1].script == first.script && !tokens[a - 1].capitalized
        && connected(tokens[a - 1]) && tables.roles.contains(tokens[a - 1].key)
        || (a == run.lowerBound && count >= 2 && first.capitalized && roleBeforeComma(a, text))
        || (b == run.upperBound && count >= 2 && first.capitalized && roleAfter(b, text))
      // Without a title a name starts with a capital ("al-Hashd al-Shaabi" is not one).
      let evidence =
        count >= 2 && first.capitalized && (given || role || tables.hasFamilyEnding(last, in: text.folded))
        || (leads && first.capitalized && last.letterCount >= 3)
      // A word between two titles is part of one title: "Chief Operating Officer",
      // "Managing Director" after an office.
      let withinTitle = b + 1 <= run.upperBound && kinds[b + 1 - run.lowerBound] == .title && !evidence
      if (titleFirst != nil && !withinTitle) || evidence || (count == 1 && spokenOf(a, text)) {
        found.append(Found(first: a, last: b, titleFirst: titleFirst))
      } else if count == 1 {
        pending.append(a)
      }
    }
  }

  /// Titles that are part of a conventional name after a given name: "Reza Shah".
  static let nameTitles: Set<UInt64> = [NameTables.key(Substring("shah"))]

  static let articles: Set<UInt64> = Set(["the", "a", "an"].map { NameTables.key(Substring($0)) })
  static let copula: UInt64 = NameTables.key(Substring("is"))

  /// Whether an occupation in apposition follows the run ending at `b`: a comma or a
  /// space, "is" at most, an article, then within four words (possessives allowed, no
  /// clause end) a role noun or an office: "X Y the executive manager of", "X Y, the
  /// party’s leader", "X Y is a Pakistan-based journalist".
  ///
  /// The words after the name are read again from the text itself (about 160 bytes), so
  /// that a name at the end of a reading window is judged as in one piece.
  func roleAfter(_ b: Int, _ text: NameTokens) -> Bool {
    guard text.tokens[b].script == .latin, !text.tokens[b].possessive,
      text.tokens[b].gap == .space || (text.tokens[b].endsClause && !text.tokens[b].endsSentence)
    else { return false }
    guard let after = Self.around(text, from: text.tokens[b].start, to: text.tokens[b].end + 160) else { return false }
    let tokens = after.tokens
    guard !tokens.isEmpty else { return false }
    var m = 1
    if m < tokens.count, tokens[m].key == Self.copula, connected(tokens[m]) { m += 1 }
    guard m < tokens.count, tokens[m].script == .latin, Self.articles.contains(tokens[m].key), connected(tokens[m])
    else { return false }
    var n = 0
    while n < 4, m + 1 < tokens.count, tokens[m + 1].script == .latin {
      m += 1
      n += 1
      if tables.roles.contains(tokens[m].key) || title(at: m, in: tokens)?.kind == .office { return true }
      guard connected(tokens[m]) || (tokens[m].possessive && !tokens[m].endsClause) else { return false }
    }
    return false
  }

  /// Whether a role noun in lower case and a comma come just before the word at `a`:
  /// "his counterpart, Nanaia Mahuta". Read again from the text itself, as ``roleAfter(_:_:)``.
  func roleBeforeComma(_ a: Int, _ text: NameTokens) -> Bool {
    let start = text.tokens[a].start
    guard let before = Self.around(text, from: start - 40, to: start), let role = before.tokens.last, role.script == .latin, !role.capitalized,
      role.endsClause,
      !role.endsSentence, tables.roles.contains(role.key)
    else { return false }
    return true
  }

  /// The words of bytes `from..<to` of the text `text` was read from (clamped, and moved
  /// to scalar boundaries); nil when `text` has no source.
  static func around(_ text: NameTokens, from: Int, to: Int) -> NameTokens? {
    guard let utf8 = text.source else { return nil }
    var lower = max(0, from), upper = min(utf8.count, to)
    while lower > 0 && lower < utf8.count && utf8[lower] & 0xC0 == 0x80 { lower -= 1 }
    while upper < utf8.count && utf8[upper] & 0xC0 == 0x80 { upper += 1 }
    return NameTokens(utf8: utf8, lower..<upper)
  }

  /// Words that follow the name of the person who leads what they name: "Trump administration".
  static let ledWords: Set<UInt64> = Set(["administration", "presidency"].map { NameTables.key(Substring($0)) })

  /// Words after a person's family name alone: "Kamalvandi said".
  static let spokenWords: Set<UInt64> = Set(
    ["said", "says", "told", "added", "stressed"].map { NameTables.key(Substring($0)) })

  /// Whether the capitalised word at `a` (no given name, no title, no place or thing
  /// word, not the first word of a sentence: "Engineers said") is followed by a verb of
  /// saying: a family name alone.
  func spokenOf(_ a: Int, _ text: NameTokens) -> Bool {
    let tokens = text.tokens
    let t = tokens[a]
    guard a > 0 ? !tokens[a - 1].endsSentence : !text.startsSentence, t.script == .latin, t.capitalized, !t.isAllCaps, t.letterCount >= 3,
      !t.possessive,
      a + 1 < tokens.count,
      connected(t), !tokens[a + 1].capitalized, Self.spokenWords.contains(tokens[a + 1].key),
      !tables.latinGiven.contains(t.key), !tables.notNames.contains(t.key), !tables.titleStarts.contains(t.key)
    else { return false }
    return true
  }
}
