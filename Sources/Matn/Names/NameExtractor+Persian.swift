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
    case unknown
  }

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
        m += 1
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

  /// The role a Persian word can play in a name.
  func persianWord(_ t: NameToken, folded: [UInt32]) -> PersianWord {
    if tables.notNames.contains(t.key) || persian.verbForms.contains(t.key) { return .stop }
    if tables.persianCommonGiven.contains(t.key) { return .strongGiven }
    let lexicon = tables.persianParts.contains(t.key)
    if tables.persianGiven.contains(t.key) { return lexicon ? .strongGiven : .given }
    if lexicon { return .family }
    if persian.adjectives.contains(t.key) || t.letterCount < 2 || tables.frequentArabicScript.contains(t.key)
      || tables.hasNonNameEnding(t, in: folded)
    {
      return .stop
    }
    switch tables.familyEnding(t, in: folded) {
    case .strong?: return .family
    case .weak?: return .weakFamily
    case nil: return tables.isFamilyEnding(t, in: folded) ? .family : .unknown
    }
  }
}
