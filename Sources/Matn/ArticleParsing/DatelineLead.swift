/// The dateline that opens a paragraph, read for its place, agency and date.
///
/// Two shapes:
/// - **A prefix** that the body follows after a dash or colon: `PLACE[, REGION][, DATE]
///   [(AGENCY)] SEPARATOR` — "TEHRAN –", "TEHRAN, Jan. 20 (MNA) –", "KABUL (AFP)—",
///   "CAPE TOWN, South Africa –", «تهران، ۱۲ بهمن ۱۳۹۴ (خبرگزاری فارس):». The separator
///   is an en dash, em dash, hyphen(s), underscore or colon; a small letter may follow it
///   only after a space and a place in capitals ("TEHRAN- the ministry…", but not
///   "TEHRAN-based" or "Tehran: a city in transition"), and a hyphen between two words
///   only after a place in capitals ("TEHRAN-Indian officials…", not "Tehran-Moscow
///   ties"). The place must be in the gazetteer, or be written in capitals with an
///   agency in brackets after it: a capitalised first word is not a place by itself.
///   The parser takes a prefix out of its paragraph (``rest``).
/// - **A Persian attribution** that stays in its sentence: «خبرگزاری فارس: …» (the
///   agency, then a colon), «به گزارش خبرگزاری فارس از قزوین، …», «به گزارش ایسنا، …»
///   (the agency and, after «از», the place, up to the first comma).
struct DatelineLead: Sendable, Hashable {
  var dateline: Article.Dateline
  /// For a prefix: the paragraph after it (empty when the line is only a dateline).
  /// Nil for an attribution, which stays in its paragraph.
  var rest: Substring?
  /// Whether the paragraph is nothing but the dateline («خبرگزاری فارس:» alone).
  var wholeLine: Bool

  /// Scalars of a paragraph a dateline may take.
  static let reach = 160

  // MARK: - Prefix

  /// The prefix dateline opening `text`, or nil.
  ///
  /// - Complexity: O(1): at most ``reach`` scalars are read.
  static func prefix(of text: String, tables: DatelineTables = .shared) -> DatelineLead? {
    var indices: [String.Index] = []
    var scalars: [Unicode.Scalar] = []
    var index = text.unicodeScalars.startIndex
    while index < text.unicodeScalars.endIndex && scalars.count < reach {
      indices.append(index)
      scalars.append(text.unicodeScalars[index])
      index = text.unicodeScalars.index(after: index)
    }
    indices.append(index)
    func slice(_ a: Int, _ b: Int) -> Substring { Substring(text.unicodeScalars[indices[a]..<indices[b]]) }
    let s = scalars
    let n = s.count
    var i = 0

    // The place: one to four words, each opening with a capital (or an Arabic letter).
    var words = 0
    var capitals = true
    var arabic = false
    while words < 4, i < n, Self.opensName(s[i]) {
      while i < n, Self.inName(s[i]) {
        if s[i].properties.isLowercase { capitals = false }
        if s[i].value >= 0x0600 && s[i].value <= 0x06FF { arabic = true }
        i += 1
      }
      words += 1
      guard i + 1 < n, s[i] == " ", Self.opensName(s[i + 1]) else { break }
      i += 1
    }
    guard words > 0 else { return nil }
    let placeEnd = i
    let placeText = slice(0, placeEnd)

    // Comma parts: a region ("South Africa") and a date ("Jan. 20", "Feb. 1, 2016").
    var date: Range<Int>?
    var parts = 0
    while parts < 3, i + 1 < n, s[i] == "," || s[i] == "،", s[i + 1] == " " {
      let start = i + 2
      var j = start
      while j < n, j - start <= 30, !",،(".unicodeScalars.contains(s[j]), !Self.isSeparator(s[j]) || Self.innerHyphen(s, j) {
        j += 1
      }
      var end = j
      while end > start, s[end - 1] == " " { end -= 1 }
      guard end > start, j - start <= 30 else { return nil }
      let part = s[start..<end]
      if part.contains(where: { $0.properties.numericType != nil }) {
        if let found = date, found.upperBound + 2 == start || part.allSatisfy({ $0.properties.numericType != nil }) {
          date = found.lowerBound..<end  // "Feb. 1" then ", 2016"
        } else {
          date = start..<end
        }
      } else if !Self.opensName(part[part.startIndex]) || part.split(separator: " ").count > 3 {
        return nil
      }
      i = j
      parts += 1
    }

    // An agency in brackets.
    var agency: String?
    var k = i
    while k < n, s[k] == " " { k += 1 }
    if k < n, s[k] == "(" {
      var close = k + 1
      while close < n, close - k <= 40, s[close] != ")" {
        if s[close].properties.numericType != nil { return nil }
        close += 1
      }
      guard close < n, s[close] == ")", close > k + 1 else { return nil }
      let inner = slice(k + 1, close).trimmingSpaces
      guard inner.split(separator: " ").count <= 5 else { return nil }
      agency = tables.agency(inner) ?? String(inner)
      i = close + 1
    }

    // The separator, then the body.
    var j = i
    while j < n, s[j] == " " { j += 1 }
    let spaceBefore = j > i
    let separatorStart = j
    while j < n, j - separatorStart < 3, Self.isSeparator(s[j]) { j += 1 }
    let separator = s[separatorStart..<j]
    let separatorEnd = j
    while j < n, s[j] == " " { j += 1 }
    let spaceAfter = j > separatorEnd
    if separator.isEmpty {
      // No separator: a dateline only when it is the whole line and says more than a place.
      guard j == n, indices[n] == text.endIndex, date != nil || agency != nil else { return nil }
    } else {
      // A hyphen between two words is one only after a place in capitals:
      // "TEHRAN-Indian officials", not "Tehran-Moscow ties".
      if separator.allSatisfy({ $0 == "-" }) && !spaceBefore && !spaceAfter && !(capitals && !arabic) { return nil }
      // "TEHRAN-based", "Tehran: a city in transition"; "TEHRAN- the ministry" is one.
      if j < n, s[j].properties.isLowercase, !(spaceAfter && capitals && !arabic) { return nil }
      if j == n, indices[n] != text.endIndex { return nil }  // a long run of spaces
    }

    // The place must be known, or in capitals before an agency in brackets
    // ("RAMALLAH, West Bank (The New York Times) --").
    // (Latin script: the gazetteer's name, "Tehran" for "TEHRAN"; Arabic script: as written.)
    var place = tables.place(placeText).map { arabic ? String(placeText) : $0 }
    if place == nil && capitals && agency != nil && !arabic && placeText.count > 2 { place = String(placeText) }
    guard place != nil else { return nil }
    // An Arabic-script place opens a dateline only with a date or an agency.
    if arabic && date == nil && agency == nil { return nil }

    let end = separator.isEmpty ? separatorStart : separatorEnd
    var leadEnd = end
    while leadEnd > 0, s[leadEnd - 1] == " " { leadEnd -= 1 }
    let dateline = Article.Dateline(
      text: String(slice(0, leadEnd)), place: place, agency: agency,
      date: date.map { String(slice($0.lowerBound, $0.upperBound)) })
    let rest = Substring(text.unicodeScalars[indices[j]...])
    return DatelineLead(dateline: dateline, rest: rest, wholeLine: rest.isEmpty)
  }

  /// A scalar that may open a word of a place's name: a capital, or an Arabic letter.
  private static func opensName(_ s: Unicode.Scalar) -> Bool {
    s.properties.isUppercase || (s.value >= 0x0620 && s.value <= 0x06D3 && s.properties.isAlphabetic)
  }

  /// A scalar inside a word of a place's name.
  private static func inName(_ s: Unicode.Scalar) -> Bool {
    s.properties.isAlphabetic || s == "." || s == "'" || s == "’" || s == "\u{200C}"
      || s.properties.generalCategory == .nonspacingMark
  }

  /// A scalar that may separate a dateline from the body.
  private static func isSeparator(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x2D, 0x5F, 0x3A, 0x2010...0x2015, 0x2212: true
    default: false
    }
  }

  /// A hyphen inside a comma part ("Jan. 20-21"), not a separator.
  private static func innerHyphen(_ s: [Unicode.Scalar], _ j: Int) -> Bool {
    s[j] == "-" && j > 0 && j + 1 < s.count && s[j - 1] != " " && s[j + 1] != " "
  }

  // MARK: - Persian attribution

  /// The Persian attribution opening `text` («خبرگزاری X:», «به گزارش … X از CITY،»), or nil.
  ///
  /// - Complexity: O(1): at most ``reach`` scalars are read.
  static func attribution(in text: String, tables: DatelineTables = .shared) -> DatelineLead? {
    let head = ArticleParser.prefix(text, bytes: reach * 2)
    if head.hasPrefix(DatelineTables.newsAgency + " ") {
      // «خبرگزاری فارس: …»
      guard let colon = head.firstIndex(where: { $0 == ":" }) else { return nil }
      let name = head[head.index(head.startIndex, offsetBy: DatelineTables.newsAgency.count)..<colon].trimmingSpaces
      guard !name.isEmpty, name.split(separator: " ").count <= 3 else { return nil }
      let after = text[text.index(after: colon)...].trimmingSpaces
      let written = String(text[..<text.index(after: colon)])
      return DatelineLead(
        dateline: Article.Dateline(text: written, agency: tables.agency(name) ?? String(name)), rest: nil,
        wholeLine: after.isEmpty)
    }
    let opening = "به گزارش "
    guard head.hasPrefix(opening), let comma = head.firstIndex(where: { $0 == "،" || $0 == "," }) else { return nil }
    let clause = head[..<comma]
    let words = clause.dropFirst(opening.count).split(separator: " ")
    guard !words.isEmpty, words.count <= 16 else { return nil }
    // The agency: among the first words, after «خبرنگار», a desk, «خبرگزاری».
    var agency: String?
    var after = 0
    search: for start in 0..<min(words.count, 4) {
      for length in stride(from: min(3, words.count - start), through: 1, by: -1) {
        let name = words[start..<(start + length)].joined(separator: " ")
        if name != DatelineTables.newsAgency, let found = tables.agency(name) {
          agency = found
          after = start + length
          break search
        }
      }
    }
    // The place: after «از», past «شهرستان», «استان» and the like, up to «به نقل از».
    var place: String?
    let from = agency == nil ? words.prefix(5).firstIndex(of: "از") : (after < words.count && words[after] == "از" ? after : nil)
    if let from {
      var rest = Array(words[(from + 1)...])
      if let quote = rest.firstIndex(of: "به"), quote + 1 < rest.count, rest[quote + 1] == "نقل" { rest = Array(rest[..<quote]) }
      while let first = rest.first, Self.placeWords.contains(String(first)), rest.count > 1 { rest.removeFirst() }
      for length in stride(from: min(3, rest.count), through: 1, by: -1) {
        let name = rest[..<length].joined(separator: " ")
        if tables.place(name) != nil {
          place = name
          break
        }
      }
    }
    guard agency != nil || place != nil else { return nil }
    return DatelineLead(
      dateline: Article.Dateline(text: String(clause), place: place, agency: agency), rest: nil, wholeLine: false)
  }

  /// Words before a place's name in «از …»: county, province, city, district, and the
  /// directions of a province ("west of Tehran province").
  static let placeWords: Set<String> = ["شهرستان", "استان", "شهر", "بخش", "غرب", "شرق", "شمال", "جنوب", "مرکز"]
}
