#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    let role: LineRole
    let match: Match
    let phrase: String
    /// The phrase's UTF-8, which lines are matched against (``LineRules/folded(_:)``).
    let bytes: [UInt8]
    /// Whether the phrase ends in a letter (then a prefix must end a word there).
    let endsInLetter: Bool

    init(role: LineRole, match: Match, phrase: String) {
      self.role = role
      self.match = match
      self.phrase = phrase
      bytes = Array(phrase.utf8)
      endsInLetter = phrase.unicodeScalars.last?.properties.isAlphabetic ?? false
    }
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
    let folded = Self.folded(line)
    guard let first = folded.first else { return nil }
    // Whether `contains` rules apply, found out when the first of them is reached.
    var single: Bool?
    for rule in rules {
      if rule.match == .contains {
        if single == nil { single = line.utf8.count <= Self.containsLimit && Self.isOneSentence(line) }
        guard single == true else { continue }
      } else if rule.bytes.first != first {
        continue
      }
      guard rule.matches(folded) else { continue }
      if case .byline = rule.role,
        !Self.looksLikeByline(String(decoding: folded, as: UTF8.self), phrase: rule.phrase)
      {
        continue
      }
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
    // A window of three scalars that has at least one more after it.
    var a: Unicode.Scalar?, b: Unicode.Scalar?, c: Unicode.Scalar?
    for d in line.unicodeScalars {
      if b == " ", let a, let c, a == "." || a == "!" || a == "?" || a == "؟" {
        if c.properties.isUppercase || c.properties.numericType != nil || c == "“" || c == "\"" { return false }
      }
      (a, b, c) = (b, c, d)
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
  static func fold(_ line: Substring) -> String { String(decoding: folded(line), as: UTF8.self) }

  /// ``fold(_:)`` as UTF-8 bytes, what the rules are matched against.
  static func folded(_ line: Substring) -> [UInt8] {
    var out: [UInt8] = []
    var pendingSpace = false
    let classes = ScalarClasses.shared
    var budget = line.utf8.count > containsLimit ? 80 : Int.max
    out.reserveCapacity(min(line.utf8.count, 400))
    for scalar in line.unicodeScalars {
      budget -= 1
      if budget < 0 { break }
      let value = scalar.value
      let isSpace = value < 0x80 ? (value == 0x20 || value >= 0x09 && value <= 0x0D) : classes(value).contains(.space)
      if isSpace {
        pendingSpace = !out.isEmpty
        continue
      }
      if out.isEmpty {
        switch value {
        case 0x2A, 0x2022, 0x2D, 0x2013, 0x2014, 0xB7: continue  // leading bullets and dashes
        default: break
        }
      }
      if pendingSpace { out.append(0x20) }
      pendingSpace = false
      if value < 0x80 {
        out.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
      } else if classes(value).contains(.arabicScript) || !classes(value).contains(.letter) {
        UTF8.encode(scalar) { out.append($0) }  // caseless
      } else {
        out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      }
    }
    return out
  }
}

extension LineRules.Rule {
  /// Byte comparison of a folded line (``LineRules/folded(_:)``) with the phrase: both
  /// are NFC.
  func matches(_ line: [UInt8]) -> Bool {
    switch match {
    case .exact: return line == bytes
    case .contains:
      guard !bytes.isEmpty, bytes.count <= line.count else { return false }
      return line.withUnsafeBufferPointer { l in bytes.withUnsafeBufferPointer { p in Self.find(p, in: l) } }
    case .prefix:
      guard line.starts(with: bytes) else { return false }
      // A phrase ending in a letter must end a word: "by" is not "bye".
      guard endsInLetter, bytes.count < line.count else { return true }
      let next = line.withUnsafeBufferPointer { ScalarScan.scalar($0, at: bytes.count).value }
      return !(Unicode.Scalar(next)?.properties.isAlphabetic ?? false)
    }
  }

  /// Whether `needle` (not empty) occurs in `haystack`: candidates by `memchr` on its
  /// first byte, each checked by `memcmp`.
  private static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let n = needle.baseAddress, let h = haystack.baseAddress, needle.count <= haystack.count else { return false }
    let last = haystack.count - needle.count
    var i = 0
    while i <= last {
      guard let hit = memchr(h + i, Int32(n[0]), last - i + 1) else { return false }
      let at = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if memcmp(h + at, n, needle.count) == 0 { return true }
      i = at + 1
    }
    return false
  }
}
