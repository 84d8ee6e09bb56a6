/// What a line set aside from the body is, by the phrase table
/// `Resources/Article/lines.tsv`.
enum LineRole: Sendable, Hashable {
  case credit(Article.Credit.Kind)
  case byline
  case boilerplate(reason: Article.Boilerplate.Reason)
}

/// The phrase table of credit, byline and boilerplate lines, loaded once.
struct LineRules: Sendable {
  enum Match: String, Sendable { case prefix, contains, exact }

  struct Rule: Sendable {
    var role: LineRole
    var match: Match
    var phrase: String
  }

  let rules: [Rule]

  static let shared = LineRules(table: PersianLexicon.lines("Article/lines.tsv"))

  init(table: [Substring]) {
    var rules: [Rule] = []
    for row in table {
      // Split the bytes, not `Character`s: the table is read at start-up.
      let fields = row.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map(Substring.init)
      guard fields.count == 3, let match = Match(rawValue: String(fields[1])) else {
        preconditionFailure("Article/lines.tsv: malformed row '\(row)'")
      }
      let what = fields[0]
      let role: LineRole
      if what == "byline" {
        role = .byline
      } else if what.hasPrefix("boilerplate:") {
        let name = String(what.dropFirst("boilerplate:".count))
        guard let kind = Article.Boilerplate.Reason.Kind(rawValue: name) else {
          preconditionFailure("Article/lines.tsv: unknown boilerplate reason '\(name)'")
        }
        role = .boilerplate(reason: .init(kind))
      } else if let kind = Article.Credit.Kind(rawValue: String(what)) {
        role = .credit(kind)
      } else {
        preconditionFailure("Article/lines.tsv: unknown kind '\(what)'")
      }
      rules.append(Rule(role: role, match: match, phrase: String(fields[2])))
    }
    self.rules = rules
  }

  /// The role of `line` (a whole block, or a sentence at the end of one), or nil
  /// when it is body text.
  func role(of line: Substring) -> LineRole? {
    let folded = Self.fold(line)
    guard !folded.isEmpty else { return nil }
    let single = line.utf8.count <= Self.containsLimit && Self.isOneSentence(line)
    let first = folded.utf8.first
    for rule in rules where (rule.match == .contains ? single : rule.phrase.utf8.first == first) && rule.matches(folded) {
      if case .byline = rule.role, !Self.looksLikeByline(folded, phrase: rule.phrase) { continue }
      return rule.role
    }
    return nil
  }

  /// `contains` rules apply to lines of one sentence and at most this many bytes:
  /// a paragraph that mentions a licence among other sentences is body (a licence
  /// sentence at its end is found by the parser's trailing-sentence pass).
  static let containsLimit = 400

  /// Whether no sentence ends inside `line`: no `.`, `!`, `?` or `؟` followed by a
  /// space and a capital letter, digit or quotation mark before its last characters.
  static func isOneSentence(_ line: Substring) -> Bool {
    let scalars = Array(line.unicodeScalars)
    guard scalars.count > 3 else { return true }
    for i in 0..<(scalars.count - 3) where [".", "!", "?", "؟"].contains(scalars[i]) && scalars[i + 1] == " " {
      let next = scalars[i + 2]
      if next.properties.isUppercase || next.properties.numericType != nil || next == "“" || next == "\"" { return false }
    }
    return true
  }

  /// A byline is short and names people: at most eight words after the label.
  private static func looksLikeByline(_ folded: String, phrase: String) -> Bool {
    let rest = folded.dropFirst(phrase.count)
    let words = rest.split(whereSeparator: { $0 == " " || $0 == "," })
    return !words.isEmpty && words.count <= 8 && folded.count <= 90 && !folded.hasSuffix(".")
  }

  /// `line` lower-cased, without leading bullets and spaces, with runs of spaces
  /// made one. A line longer than ``containsLimit`` bytes is folded only as far as
  /// prefix rules look (its first 80 scalars): no `contains` or `exact` rule applies to it.
  static func fold(_ line: Substring) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    let classes = ScalarClasses.shared
    var budget = line.utf8.count > containsLimit ? 80 : Int.max
    for scalar in line.unicodeScalars {
      budget -= 1
      if budget < 0 { break }
      let value = scalar.value
      let isSpace = value < 0x80 ? (value == 0x20 || value >= 0x09 && value <= 0x0D) : classes(value).contains(.space)
      if isSpace {
        pendingSpace = !out.isEmpty
        continue
      }
      if out.isEmpty, [0x2A, 0x2022, 0x2D, 0x2013, 0x2014, 0xB7].contains(value) { continue }
      if pendingSpace { out.append(" ") }
      pendingSpace = false
      if value < 0x80 {
        out.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
      } else if classes(value).contains(.arabicScript) || !classes(value).contains(.letter) {
        out.append(scalar)  // caseless
      } else {
        out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return String(out)
  }
}

extension LineRules.Rule {
  /// Byte comparison: the line and the phrases are both NFC.
  func matches(_ folded: String) -> Bool {
    let line = folded.utf8
    let phrase = self.phrase.utf8
    switch match {
    case .exact: return line.elementsEqual(phrase)
    case .contains: return Self.find(phrase, in: line)
    case .prefix:
      guard line.starts(with: phrase) else { return false }
      // A phrase ending in a letter must end a word: "by" is not "bye".
      guard let last = self.phrase.unicodeScalars.last, last.properties.isAlphabetic else { return true }
      let next = folded.unicodeScalars[folded.utf8.index(folded.utf8.startIndex, offsetBy: phrase.count)...].first
      return next.map { !$0.properties.isAlphabetic } ?? true
    }
  }

  private static func find(_ needle: String.UTF8View, in haystack: String.UTF8View) -> Bool {
    guard let first = needle.first, needle.count <= haystack.count else { return false }
    var index = haystack.startIndex
    let lastStart = haystack.index(haystack.endIndex, offsetBy: -needle.count)
    while index <= lastStart {
      if haystack[index] == first, haystack[index...].starts(with: needle) { return true }
      index = haystack.index(after: index)
    }
    return false
  }
}
