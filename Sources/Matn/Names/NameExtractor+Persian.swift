/// Names in Persian text: given names and titles as evidence, followed by name parts.
extension NameExtractor {
  /// What one Persian word can be in a name.
  enum PersianWord {
    case stop
    /// A common given name (our curated list, or a lexicon given name): starts a name alone.
    case strongGiven
    /// Another given name (many are also ordinary words): needs a title or a family name.
    case given
    /// A lexicon family name, or a word with a clear family-name ending (-زاده, -پور…).
    case family
    /// A word ending in -ی: a family name only next to other evidence.
    case weakFamily
    /// A frequent word or an adjective (محمودی, عظیمی, دانشجو, مفید are also family
    /// names): a family name only as the last part after a common given name or a title,
    /// when what follows is a word that follows names in news («امروز», «در», «گفت»…).
    case common
    case unknown
  }

  /// Words that follow a name in Persian news: «حسین محمودی امروز در گفت‌وگو…».
  static let afterNameWords: Set<UInt64> = Set(
    [
      "امروز", "در", "با", "ظهر", "صبح", "عصر", "شب", "امشب", "دیروز", "روز", "که", "نیز", "هم", "به", "از", "و", "را",
      "گفت", "افزود", "اظهار", "تصریح", "پس",
    ].map { NameTables.key($0) })

  /// Scans Arabic-script words. A name is a title chain («آیت‌الله سید») followed by
  /// name parts, or a given name followed by given names and a family name (a lexicon
  /// part, a word with a family-name ending such as -ی, -زاده, -نژاد, «-پور», or — right
  /// after a given name — up to two other words that are not function words, verbs,
  /// adjectives or frequent words).
  /// After an office («وزیر», «رئیس‌جمهور») the first part must be a given name or a
  /// lexicon part. Words are compared through a fold (ي/ك, ZWNJ), offsets are the original's.
  ///
  /// - Complexity: O(*n*) in the number of tokens.
  func persianMentions(_ text: NameTokens, found: inout [Found], pending: inout [Int]) {
    let tokens = text.tokens
    var i = 0
    while i < tokens.count {
      guard tokens[i].script == .arabic else {
        i += 1
        continue
      }
      // A chain of titles.
      var k = i
      var titleKind: NameTables.Title.Kind?
      while k < tokens.count, tokens[k].script == .arabic, k == i || connected(tokens[k - 1]),
        let (length, kind) = title(at: k, in: tokens)
      {
        if titleKind != .honorific { titleKind = kind }
        k += length
      }
      let titled = k > i
      // A name after a place word is the name of the place: «میدان امام خمینی», «پایانه شهید کلانتری».
      if i > 0, tokens[i - 1].script == .arabic, connected(tokens[i - 1]), tables.thingWords.contains(tokens[i - 1].key) {
        i = max(k, i + 1)
        continue
      }
      guard k < tokens.count, tokens[k].script == .arabic, !titled || connected(tokens[k - 1]) else {
        i = max(k, i + 1)
        continue
      }
      // The name parts.
      var parts: [PersianWord] = []
      var m = k
      while m < tokens.count, parts.count < 5, tokens[m].script == .arabic, m == k || connected(tokens[m - 1]) {
        if title(at: m, in: tokens) != nil && m > k { break }
        var word = persianWord(tokens[m], folded: text.folded)
        if word == .stop { break }
        // A lexicon name part after the first word is a family name («محمدجواد ظریف»).
        if (word == .given || word == .strongGiven) && !parts.isEmpty && tables.persianParts.contains(tokens[m].key) {
          word = .family
        }
        // A word written apart from its ending «ای» («خامنه ای»): one name part.
        let apart =
          m + 1 < tokens.count && connected(tokens[m]) && tokens[m + 1].script == .arabic
          && Self.separateEnding.contains(tokens[m + 1].key)
        if apart && (word == .unknown || word == .common || word == .weakFamily) { word = .family }
        if word == .common {
          // A frequent word as the last part, after a common given name or an honorific
          // (after an office it is the office's object: «دبیر جشنواره گفت»).
          let ends =
            !connected(tokens[m]) || m + 1 >= tokens.count || tokens[m + 1].script != .arabic
            || Self.afterNameWords.contains(tokens[m + 1].key)
          guard parts.last == .strongGiven || titleKind == .honorific, ends, tokens[m].letterCount >= 3,
            !Self.afterNameWords.contains(tokens[m].key)
          else { break }
          parts.append(.family)
          m += 1
          break
        }
        if word == .unknown {
          // Up to two unknown words after a common given name (after a title, any given
          // name) — unless a verb follows (the noun of a compound verb: «دیدار کردند»).
          let lead = parts.last == .unknown ? parts.dropLast().last : parts.last
          let afterGiven = lead == .strongGiven || (titled && lead == .given)
          let verbFollows =
            m + 1 < tokens.count && connected(tokens[m]) && tokens[m + 1].script == .arabic
            && persian.verbForms.contains(tokens[m + 1].key) && !tables.notNames.contains(tokens[m + 1].key)
          guard afterGiven && !verbFollows else { break }
        }
        parts.append(word)
        m += apart ? 2 : 1
      }
      let accepted: Bool
      if let first = parts.first {
        let rest = parts.dropFirst()
        switch titleKind {
        case .honorific?:
          accepted = parts.count >= 2 || first != .given
        case .office?:
          accepted = first == .strongGiven || first == .family || (first == .given && rest.contains { $0 != .given })
        case nil:
          accepted =
            (first == .strongGiven && rest.contains { $0 != .given && $0 != .strongGiven })
            || (first == .given && rest.contains(.family))
        }
      } else {
        accepted = false
      }
      if accepted {
        found.append(Found(first: k, last: m - 1, titleFirst: titled ? i : nil))
        i = m
      } else {
        if !titled && parts.count <= 1 && tokens[k].letterCount >= 3 { pending.append(k) }
        i = k + 1
      }
    }
  }

  /// The keys of «ای» and «ئی» written apart from the word they end.
  static let separateEnding: Set<UInt64> = [NameTables.key("ای"), NameTables.key("ئی")]

  /// The role a Persian word can play in a name.
  func persianWord(_ t: NameToken, folded: [UInt32]) -> PersianWord {
    if tables.notNames.contains(t.key) || persian.verbForms.contains(t.key) { return .stop }
    if tables.persianCommonGiven.contains(t.key) { return .strongGiven }
    let lexicon = tables.persianParts.contains(t.key)
    // A given name that is also a frequent word or an adjective («پروانه» permit,
    // «ظریف» fine) is no evidence on its own: a family name when the lexicon has it.
    let ordinary = persian.adjectives.contains(t.key) || tables.frequentArabicScript.contains(t.key)
    if tables.persianGiven.contains(t.key) { return lexicon ? (ordinary ? .family : .strongGiven) : .given }
    if lexicon { return .family }
    if t.letterCount < 2 || tables.hasNonNameEnding(t, in: folded) { return .stop }
    if persian.adjectives.contains(t.key) || tables.frequentArabicScript.contains(t.key) { return .common }
    switch tables.familyEnding(t, in: folded) {
    case .strong?: return .family
    case .weak?: return .weakFamily
    case nil: return tables.isFamilyEnding(t, in: folded) ? .family : .unknown
    }
  }
}
