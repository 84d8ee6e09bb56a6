/// Staff initials that sign a story in agency copy: two to four capital letters,
/// a slash, two to four capital letters, optionally once more ("HJ/MA", "EF/MA",
/// "AK/PA", "ZZ/AB/CD").
enum EditorInitials {
  /// Whether `text` is nothing but initials.
  static func isWholeLine(_ text: Substring) -> Bool {
    guard let (_, rest) = leading(text) else { return false }
    return rest.isEmpty
  }

  /// Initials at the start of `text`, and what follows them (trimmed).
  static func leading(_ text: Substring) -> (initials: Substring, rest: Substring)? {
    let utf8 = text.utf8
    var index = utf8.startIndex
    var groups = 0
    while true {
      var letters = 0
      while index < utf8.endIndex, utf8[index] >= 0x41, utf8[index] <= 0x5A {
        letters += 1
        index = utf8.index(after: index)
      }
      guard (2...4).contains(letters) else { return nil }
      groups += 1
      guard index < utf8.endIndex, utf8[index] == 0x2F, groups < 3 else { break }
      index = utf8.index(after: index)
    }
    guard groups >= 2 else { return nil }
    if index < utf8.endIndex {
      // The initials end a word: a space follows.
      guard utf8[index] == 0x20 else { return nil }
    }
    return (text[..<index], ArticleLayout.trimmed(text[index...]))
  }
}
