/// The places and agencies a dateline may name: `Resources/Article/places.tsv` (a
/// gazetteer derived from GeoNames by `scripts/derive-places`) and
/// `Resources/Article/agencies.tsv` (our list), read in place from
/// `Tables/dateline-tables.bin`, which `scripts/build-tables` writes from them.
///
/// Both are looked up by the hash of ``key(_:)``, so "TEHRAN" and "Tehran" are one
/// place, and «قزوين» (Arabic yeh) is «قزوین».
///
/// - Thread safety: a `Sendable` value, read-only after loading.
struct DatelineTables: Sendable {
  /// Hash of a form's key → its place's name.
  private let places: KeyedNames
  /// Hash of a form's key → its agency's name.
  private let agencies: KeyedNames

  /// Read in place from `Tables/dateline-tables.bin` (written by `scripts/build-tables`
  /// from ``computedSections()``); computed from the gazetteer when it is missing.
  static let shared =
    DatelineTables.embedded
    ?? DatelineTables(
      places: PersianLexicon.lines("Article/places.tsv"), agencies: PersianLexicon.lines("Article/agencies.tsv"))

  /// The embedded table: the sections of ``computedSections()``.
  static let resourceName = "Tables/dateline-tables.bin"

  /// The tables read in place from ``resourceName``, nil when it is missing or malformed.
  static var embedded: DatelineTables? {
    PackedTable.embedded(resourceName, sections: 6).flatMap(DatelineTables.init)
  }

  /// The tables in `table`: places, then agencies, each a ``KeyedNames``.
  init?(_ table: PackedTable) {
    guard table.sections.count == 6, let places = KeyedNames(table, first: 0), let agencies = KeyedNames(table, first: 3)
    else { return nil }
    self.places = places
    self.agencies = agencies
  }

  /// Rows `name<TAB>form|form|…`; a form several rows share belongs to the first.
  init(places: [Substring], agencies: [Substring]) {
    // The sections were just computed in the table format: they always read back.
    self.init(PackedTable(sections: Self.sections(places: places, agencies: agencies)))!
  }

  /// The source of `Tables/dateline-tables.bin`: the places and agencies of
  /// Resources/Article as two ``KeyedNames``.
  static func computedSections() -> [[UInt64]] {
    sections(places: PersianLexicon.lines("Article/places.tsv"), agencies: PersianLexicon.lines("Article/agencies.tsv"))
  }

  /// The sections of rows `name<TAB>form|form|…`, places then agencies.
  static func sections(places: [Substring], agencies: [Substring]) -> [[UInt64]] {
    func table(_ rows: [Substring]) -> [[UInt64]] {
      var table: [UInt64: Int] = [:]
      table.reserveCapacity(rows.count * 3)
      var names: [Substring] = []
      names.reserveCapacity(rows.count)
      for row in rows {
        // Split the bytes, not `Character`s, and keep substrings of the resource.
        let utf8 = row.utf8
        let tab = utf8.firstIndex(of: 0x09) ?? utf8.endIndex
        guard tab > utf8.startIndex else { continue }
        let index = names.count
        names.append(row[..<tab])
        func add(_ form: Substring) {
          let key = Self.hash(form)
          if key != 0 && table[key] == nil { table[key] = index }
        }
        add(row[..<tab])
        var start = tab
        while start < utf8.endIndex {
          start = utf8.index(after: start)  // past the tab or the bar
          let end = utf8[start...].firstIndex(of: 0x7C) ?? utf8.endIndex
          add(row[start..<end])
          start = end
        }
      }
      return KeyedNames.sections(names: names, entries: table)
    }
    return table(places) + table(agencies)
  }

  /// The word that says "news agency" before an agency's name in Persian.
  static let newsAgency = "خبرگزاری"

  /// The place named by `words` (a place's whole name), or nil.
  func place(_ words: some StringProtocol) -> String? {
    places.name(Self.hash(words))
  }

  /// The agency named by `words` (with or without «خبرگزاری» before it), or nil.
  func agency(_ words: some StringProtocol) -> String? {
    var words = Substring(words)
    if words.hasPrefix(Self.newsAgency) { words = words.dropFirst(Self.newsAgency.count).trimmingSpaces }
    return agencies.name(Self.hash(words))
  }

  /// Whether `line` is only an agency's credit: "(IRNA)", "[Reuters]", «/ ایرنا»,
  /// «(خبرگزاری فارس)».
  func isAgencyCredit(_ line: some StringProtocol) -> Bool {
    guard line.utf8.count <= 64 else { return false }
    var text = Substring(line).trimmingSpaces
    while let first = text.unicodeScalars.first, "/-–—|".unicodeScalars.contains(first) {
      text = text.dropFirst().trimmingSpaces
    }
    if text.hasSuffix(".") { text = text.dropLast() }
    if let first = text.first, let last = text.last, "([«".contains(first), ")]»".contains(last) {
      text = text.dropFirst().dropLast().trimmingSpaces
    }
    return !text.isEmpty && agency(text) != nil
  }

  /// The FNV hash of ``key(_:)`` (0 for an empty key), without building it.
  static func hash(_ text: some StringProtocol) -> UInt64 {
    var hash = FNV.basis
    var empty = true
    forEachKeyScalar(of: text) {
      hash = FNV.step(hash, $0)
      empty = false
    }
    return empty ? 0 : hash
  }

  /// The comparison key of a name: its letters and digits, lower-cased, Arabic-script
  /// letters folded as names are (``PersianFold/nameLetter(_:)``: ي ك ۀ ة أ إ…), without
  /// marks, spaces, ZWNJ, hyphens, dots or apostrophes. (Accented Latin letters keep
  /// their accents: the gazetteer writes Latin names without them, as datelines do.)
  ///
  /// - Complexity: O(*n*) in the scalars of `text`.
  static func key(_ text: some StringProtocol) -> String {
    var out = String.UnicodeScalarView()
    forEachKeyScalar(of: text) { out.append(Unicode.Scalar($0) ?? " ") }
    return String(out)
  }

  /// Calls `body` with each scalar of `text`'s key, in order.
  @inline(__always)
  private static func forEachKeyScalar(of text: some StringProtocol, _ body: (UInt32) -> Void) {
    let classes = ScalarClasses.shared
    let lowercase = CharacterTable.lowercase
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        if v >= 0x41 && v <= 0x5A {
          body(v + 0x20)
        } else if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
          body(v)
        }
        continue
      }
      let c = classes(v)
      if c.contains(.arabicScript) && c.contains(.letter) {
        body(PersianFold.nameLetter(v))
      } else if c.contains(.letter) {
        let lower = lowercase[v]
        if lower == CharacterTable.expands {
          for m in scalar.properties.lowercaseMapping.unicodeScalars { body(m.value) }
        } else {
          body(lower)
        }
      } else if c.contains(.digit), let digit = scalar.properties.numericValue {
        // Persian and Arabic-Indic digits as ASCII.
        body(0x30 + UInt32(digit))
      }
    }
  }
}
