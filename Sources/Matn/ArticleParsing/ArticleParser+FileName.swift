extension ArticleParser {
  /// Words that name a kind of page, not the story, at the start of a file name.
  static let fileNameNoise: Set<String> = ["news", "article", "articles", "story", "post", "item", "page", "doc"]

  /// A title read from a file name that is a slug of the headline, for dumps without a
  /// title line: `_news_421318_India-allows-investment-in-rupees-in-Iran.txt` →
  /// "India allows investment in rupees in Iran". Leading numbers and page words
  /// are dropped, a lone `s` becomes a possessive ("Iran-s-trade" → "Iran's trade")
  /// and single capitals are joined as initials ("U-S-has" → "U.S. has"). Nil when no
  /// word remains, or fewer than three when the name had no id prefix
  /// (`fars-news-1-000.txt`).
  ///
  /// Slugs lose punctuation and case, so such a title is marked `filename` in
  /// ``Article/titleSource``.
  public static func title(fromFileName name: String) -> String? {
    var stem = Substring(name.split(separator: "/").last ?? "")
    if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
    var tokens = stem.split(whereSeparator: { "-_ +.".contains($0) })
    let count = tokens.count
    while let first = tokens.first, first.allSatisfy(\.isNumber) || fileNameNoise.contains(first.lowercased()) {
      tokens.removeFirst()
    }
    // After an id prefix (`_news_455796_Legacy`) one word is a title; otherwise three
    // words are needed, so `fars-news-1-000` is not one.
    let wordCount = tokens.filter { $0.contains(where: \.isLetter) }.count
    guard wordCount >= (tokens.count < count ? 1 : 3) else { return nil }
    var words: [String] = []
    var initials = ""
    func flushInitials() {
      if !initials.isEmpty { words.append(initials) }
      initials = ""
    }
    for token in tokens {
      if token.count == 1, let c = token.first, c.isUppercase {
        initials += "\(c)."
        continue
      }
      flushInitials()
      if token == "s", let last = words.popLast() {
        words.append(last + "'s")
      } else if token == "t", let last = words.last, last.hasSuffix("n") {
        words[words.count - 1] = last + "'t"  // "won-t" → "won't"
      } else {
        words.append(String(token))
      }
    }
    flushInitials()
    return words.joined(separator: " ")
  }
}

extension ArticleParser {
  /// Words a headline does not end on (`Resources/Article/title-cut-words.txt`).
  static let cutWords = Set(PersianLexicon.lines("Article/title-cut-words.txt").map(String.init))

  /// Whether a title from a file name looks cut short: it ends on a function word as
  /// written in small letters ("…to challenge the", "…nationals in"; "…Hussain's AS"
  /// ends on a name), or on a possessive ("…Iran's").
  static func looksCut(_ title: String) -> Bool {
    guard let last = title.split(separator: " ").last else { return false }
    return cutWords.contains(String(last)) || last.hasSuffix("'s")
  }

  /// Whether `line` (the body's first line) restates the headline a slug was made of:
  /// its letters and digits begin with the slug's (which may be cut short), it is one
  /// sentence of headline length, and it is not much longer than the slug.
  static func restates(_ line: String, slug: String) -> Bool {
    guard line.utf8.count <= 800, line.unicodeScalars.count <= 200, line.split(separator: " ").count <= 35,
      LineRules.isOneSentence(line[...])
    else { return false }
    let lineKey = DatelineTables.key(line), slugKey = DatelineTables.key(slug)
    return slugKey.count >= 12 && lineKey.hasPrefix(slugKey) && lineKey.count <= slugKey.count + 40
  }
}
