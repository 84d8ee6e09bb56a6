import MatnICU

/// The places and agencies a dateline may name: `Resources/Article/places.tsv` (a
/// gazetteer derived from GeoNames by `scripts/derive-places`) and
/// `Resources/Article/agencies.tsv` (our list), loaded once.
///
/// Both are looked up by ``key(_:)``, so "TEHRAN", "Tehran" and "Tehrān" are one place,
/// and «تهران» one with «طهران»'s folded letters.
///
/// - Thread safety: a `Sendable` value, read-only after loading.
struct DatelineTables: Sendable {
  /// Key of a form → the place's name.
  let places: [String: String]
  /// Key of a form → the agency's name.
  let agencies: [String: String]

  static let shared = DatelineTables(
    places: PersianLexicon.lines("Article/places.tsv"), agencies: PersianLexicon.lines("Article/agencies.tsv"))

  /// Rows `name<TAB>form|form|…`; a form several rows share belongs to the first.
  init(places: [Substring], agencies: [Substring]) {
    func table(_ rows: [Substring]) -> [String: String] {
      var table: [String: String] = [:]
      table.reserveCapacity(rows.count * 3)
      for row in rows {
        let fields = row.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        guard let name = fields.first, !name.isEmpty else { continue }
        let forms = fields.count > 1 ? fields[1].split(separator: "|") : []
        for form in [name] + forms {
          let key = Self.key(form)
          if !key.isEmpty && table[key] == nil { table[key] = String(name) }
        }
      }
      return table
    }
    self.places = table(places)
    self.agencies = table(agencies)
  }

  /// The word that says "news agency" before an agency's name in Persian.
  static let newsAgency = "خبرگزاری"

  /// The place named by `words` (a place's whole name), or nil.
  func place(_ words: some StringProtocol) -> String? {
    let key = Self.key(words)
    return key.isEmpty ? nil : places[key]
  }

  /// The agency named by `words` (with or without «خبرگزاری» before it), or nil.
  func agency(_ words: some StringProtocol) -> String? {
    var words = Substring(words)
    if words.hasPrefix(Self.newsAgency) { words = words.dropFirst(Self.newsAgency.count).trimmingSpaces }
    let key = Self.key(words)
    return key.isEmpty ? nil : agencies[key]
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

  /// The comparison key of a name: its letters and digits, Latin lower-cased without
  /// accents, Arabic-script letters folded as names are (``PersianFold/nameLetter(_:)``:
  /// ي ك ۀ ة أ إ…), without marks, spaces, ZWNJ, hyphens, dots or apostrophes.
  ///
  /// - Complexity: O(*n*) in the scalars of `text`.
  static func key(_ text: some StringProtocol) -> String {
    var text = String(text)
    // Accented Latin letters lose their accents through their canonical decomposition.
    if text.unicodeScalars.contains(where: { $0.value >= 0xC0 && $0.value < 0x250 }) { text = Normalizer.nfd.normalize(text) }
    let classes = ScalarClasses.shared
    let lowercase = CharacterTable.lowercase
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        if v >= 0x41 && v <= 0x5A {
          out.append(Unicode.Scalar(UInt8(v + 0x20)))
        } else if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
          out.append(scalar)
        }
        continue
      }
      let c = classes(v)
      if c.contains(.arabicScript) && c.contains(.letter) {
        out.append(Unicode.Scalar(PersianFold.nameLetter(v)) ?? scalar)
      } else if c.contains(.letter) {
        let lower = lowercase[v]
        if lower == CharacterTable.expands {
          out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        } else {
          out.append(Unicode.Scalar(lower) ?? scalar)
        }
      } else if c.contains(.digit) {
        // Persian and Arabic-Indic digits as ASCII.
        out.append(Unicode.Scalar(UInt8(0x30 + (scalar.properties.numericValue.map { Int($0) } ?? 0))))
      }
    }
    return String(out)
  }
}
