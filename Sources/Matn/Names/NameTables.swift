/// The word lists behind ``NameExtractor`` (Resources/Names; see its README for
/// provenance and licences), read in place from `Tables/name-tables.bin`, which
/// `scripts/build-tables` writes from them (``computedSections()``).
///
/// Every list is keyed like ``NameToken/key``: FNV-1a of the folded scalars, so a
/// lookup never builds a `String`.
struct NameTables: Sendable {
  /// A title or honorific of one or more words.
  struct Title: Sendable {
    enum Kind: Sendable { case honorific, office }
    var kind: Kind
    var keys: [UInt64]
  }

  /// Given names in Latin script (lower case), with the Chinese family names that
  /// come first.
  let latinGiven: WordSet
  /// Persian given names (folded, no ZWNJ).
  let persianGiven: WordSet
  /// Common Persian given names (curated): strong evidence on their own.
  let persianCommonGiven: WordSet
  /// Persian name parts of the romanisation lexicon (given and family names).
  let persianParts: WordSet
  /// Given names that start many persons' names in the Wikidata persons
  /// (fa-name-evidence.tsv): evidence on their own, as the common ones.
  let persianPersonsGiven: WordSet
  /// Last words of the Wikidata persons' names (fa-name-evidence.tsv): family names.
  let persianFamily: WordSet
  /// Common foreign given names as the Persian press writes them («سرگئی», «جان»):
  /// evidence on their own unless they are also frequent words.
  let persianForeignGiven: WordSet
  /// Frequent words that start at least ``wordGivenMinimum`` Wikidata persons' names
  /// (fa-name-word-odds.tsv: «فراز», «زیبا», «حافظ», «امید»): given names left out of
  /// ``persianGiven`` for being words too, evidence only beside a family name the
  /// document names.
  let persianWordGiven: WordSet
  /// Words that are never part of a name: function words, months, places, organisations.
  let notNames: WordSet
  /// Month names in full (months.txt), also among ``notNames``: an English month straight
  /// after a given name is a family name ("Theresa May"); a Persian month that is also a
  /// given name starts a name before a family name («محرم شهبازی»).
  let months: WordSet
  /// Words that make a capitalised run the name of a thing ("University", "Agency").
  let thingWords: WordSet
  /// Frequent Arabic-script words (the language model's word list, Resources/Language):
  /// a Persian word that is neither a given name nor a lexicon part is not taken as a
  /// name part when it is frequent.
  let frequentArabicScript: WordSet
  /// Lower-case particles that may sit inside a Latin-script name ("bin", "al").
  let particles: WordSet
  /// English nouns of occupation ("archaeologist", "counterpart", "speaker"): written in
  /// lower case just before capitalised words, evidence that they are a person's name.
  let roles: WordSet
  /// Titles by the key of their first word, longest first.
  let titles: [UInt64: [Title]]
  /// The keys of ``titles``: most words are ruled out without hashing for a `Dictionary`.
  let titleStarts: WordSet
  /// Persian endings that rule a word out of a name: plural -ها/-های, superlative -ترین.
  let notFamilyEndings: [[UInt32]]
  /// Family-name endings per script, as folded scalars.
  let endings: [NameToken.Script: [[UInt32]]]

  /// Read in place from `Tables/name-tables.bin`; computed from the word lists when it
  /// is missing.
  static let shared = NameTables.embedded ?? NameTables()

  /// The embedded table: the sections of ``computedSections()``.
  static let resourceName = "Tables/name-tables.bin"
  static let sectionCount = 17

  /// The tables read in place from ``resourceName``, nil when it is missing or malformed.
  static var embedded: NameTables? {
    PackedTable.embedded(resourceName, sections: sectionCount).flatMap(NameTables.init)
  }

  /// The tables computed from their sources, the word lists in Resources/Names.
  init() {
    // The sections were just computed in the table format: they always read back.
    self.init(PackedTable(sections: Self.computedSections()))!
  }

  /// The tables in `table` (sections as ``computedSections()`` writes them).
  init?(_ table: PackedTable) {
    guard table.sections.count == Self.sectionCount, let latinGiven = table.wordSet(0),
      let persianGiven = table.wordSet(1), let persianCommonGiven = table.wordSet(2),
      let persianParts = table.wordSet(3), let persianPersonsGiven = table.wordSet(4),
      let persianFamily = table.wordSet(5), let persianForeignGiven = table.wordSet(6),
      let notNames = table.wordSet(7), let months = table.wordSet(8), let thingWords = table.wordSet(9),
      let frequentArabicScript = table.wordSet(10), let particles = table.wordSet(11), let roles = table.wordSet(12),
      let titleStarts = table.wordSet(13), let persianWordGiven = table.wordSet(16)
    else { return nil }
    self.latinGiven = latinGiven
    self.persianGiven = persianGiven
    self.persianCommonGiven = persianCommonGiven
    self.persianParts = persianParts
    self.persianPersonsGiven = persianPersonsGiven
    self.persianFamily = persianFamily
    self.persianForeignGiven = persianForeignGiven
    self.persianWordGiven = persianWordGiven
    self.notNames = notNames
    self.months = months
    self.thingWords = thingWords
    self.frequentArabicScript = frequentArabicScript
    self.particles = particles
    self.roles = roles
    self.titleStarts = titleStarts
    // Titles: kind, word count, the words' keys; grouped by first key, longest first.
    var titles: [UInt64: [Title]] = [:]
    var values = table.sections[14].lazy.map { UInt64(littleEndian: $0) }.makeIterator()
    while let kind = values.next(), let count = values.next() {
      var keys: [UInt64] = []
      for _ in 0..<count { if let key = values.next() { keys.append(key) } }
      guard let first = keys.first else { continue }
      titles[first, default: []].append(Title(kind: kind == 0 ? .honorific : .office, keys: keys))
    }
    self.titles = titles
    // Endings: script (raw value, or 255 for the endings that rule a word out), scalar
    // count, the scalars.
    var endings: [NameToken.Script: [[UInt32]]] = [:]
    var notFamily: [[UInt32]] = []
    values = table.sections[15].lazy.map { UInt64(littleEndian: $0) }.makeIterator()
    while let code = values.next(), let count = values.next() {
      var scalars: [UInt32] = []
      for _ in 0..<count { if let v = values.next() { scalars.append(UInt32(truncatingIfNeeded: v)) } }
      if code == Self.notFamilyCode {
        notFamily.append(scalars)
      } else if let script = NameToken.Script(rawValue: UInt8(truncatingIfNeeded: code)) {
        endings[script, default: []].append(scalars)
      }
    }
    self.endings = endings
    self.notFamilyEndings = notFamily
  }

  /// The script code of the endings that rule a word out, in section 15.
  private static let notFamilyCode: UInt64 = 255

  /// The persons a word of fa-name-word-odds.tsv must start the names of to be in
  /// ``persianWordGiven``: three, as a given name of fa-name-evidence.tsv
  /// (scripts/derive-name-evidence's `GIVEN_MIN`).
  static let wordGivenMinimum = 3

  /// The source of `Tables/name-tables.bin`, parsed from the word lists: the slots of
  /// the word sets (latin given, Persian given, common given, name parts, persons'
  /// given, family, foreign given, not names, months, thing words, frequent
  /// Arabic-script words, particles, roles, title starts), then the titles and the
  /// endings as lists of values (see ``init(_:)``), then the given names that are also
  /// words.
  static func computedSections() -> [[UInt64]] {
    let latinGiven =
      (PersianLexicon.lines("Names/given-names-latin.txt") + PersianLexicon.lines("Names/given-names-census.txt")).map {
        Self.key(Substring($0))
      }
    var personsGiven: [UInt64] = [], family: [UInt64] = []
    for line in PersianLexicon.lines("Names/fa-name-evidence.tsv") {
      let fields = line.split(separator: "\t")
      guard fields.count == 2 else { continue }
      if fields[0] == "given" { personsGiven.append(Self.key(fields[1])) } else { family.append(Self.key(fields[1])) }
    }
    let persianForeignGiven =
      PersianLexicon.lines("Names/fa-given-names-foreign.txt").flatMap { line in line.split(separator: " ").map { Self.key($0) } }
    let persianGiven = PersianLexicon.lines("Names/fa-given-names.txt").map { Self.key(Substring($0)) }
    let persianCommonGiven =
      PersianLexicon.lines("Names/fa-given-names-common.txt").flatMap { line in
        line.split(separator: " ").map { Self.key($0) }
      }
    let persianParts =
      PersianLexicon.lines("Names/fa-name-parts.tsv").compactMap { line in
        line.split(separator: "\t").first.map { Self.key($0) }
      }
    let things = PersianLexicon.lines("Names/thing-words.txt").flatMap { line in line.split(separator: " ").map { Self.key($0) } }
    let months = PersianLexicon.lines("Names/months.txt").flatMap { line in line.split(separator: " ").map { Self.key($0) } }
    let notNames =
      PersianLexicon.lines("Names/not-names.txt").flatMap { line in line.split(separator: " ").map { Self.key($0) } } + things
      + months
    let frequentArabicScript =
      PersianLexicon.lines("Language/words.tsv").compactMap { line -> UInt64? in
        let fields = line.split(separator: "\t")
        guard fields.count >= 2, let v = fields[1].unicodeScalars.first?.value, (0x600..<0x700).contains(v) else { return nil }
        return Self.key(fields[1])
      }
    var titles: [UInt64: [Title]] = [:]
    var particles: [UInt64] = []
    var roles: [UInt64] = []
    for line in PersianLexicon.lines("Names/titles.tsv") {
      let fields = line.split(separator: "\t")
      guard fields.count == 2 else { continue }
      if fields[0] == "particle" {
        particles.append(Self.key(fields[1]))
        continue
      }
      if fields[0] == "role" {
        roles.append(Self.key(fields[1]))
        continue
      }
      let keys = fields[1].split(separator: " ").map { Self.key($0) }
      guard let first = keys.first else { continue }
      titles[first, default: []].append(Title(kind: fields[0] == "honorific" ? .honorific : .office, keys: keys))
    }
    var titleValues: [UInt64] = []
    for first in titles.keys.sorted() {
      for title in (titles[first] ?? []).sorted(by: { $0.keys.count > $1.keys.count }) {
        titleValues.append(title.kind == .honorific ? 0 : 1)
        titleValues.append(UInt64(title.keys.count))
        titleValues.append(contentsOf: title.keys)
      }
    }
    var endingValues: [UInt64] = []
    for line in PersianLexicon.lines("Names/name-endings.tsv") {
      let fields = line.split(separator: "\t")
      guard fields.count == 2 else { continue }
      let scalars = Self.folded(fields[1])
      if fields[0] == "no-Arab" {
        endingValues.append(Self.notFamilyCode)
      } else {
        let script: NameToken.Script = fields[0] == "Latn" ? .latin : fields[0] == "Cyrl" ? .cyrillic : .arabic
        endingValues.append(UInt64(script.rawValue))
      }
      endingValues.append(UInt64(scalars.count))
      endingValues.append(contentsOf: scalars.map { UInt64($0) })
    }
    let sets = [
      latinGiven, persianGiven, persianCommonGiven, persianParts, personsGiven, family, persianForeignGiven, notNames,
      months, things, frequentArabicScript, particles, roles, Array(titles.keys),
    ]
    let wordGiven = PersianLexicon.lines("Names/fa-name-word-odds.tsv").compactMap { line -> UInt64? in
      let fields = line.split(separator: "\t")
      guard fields.count >= 2, let first = Int(fields[1]), first >= wordGivenMinimum else { return nil }
      return Self.key(fields[0])
    }
    return sets.map { WordSet.slots($0) } + [titleValues, endingValues, WordSet.slots(wordGiven)]
  }

  /// The folded scalars of a word, as the tokenizer folds it.
  static func folded(_ word: Substring) -> [UInt32] {
    let tokens = NameTokens(String(word))
    guard let first = tokens.tokens.first else { return [] }
    if tokens.tokens.count == 1 { return Array(tokens.folded[first.foldedStart..<first.foldedEnd]) }
    return tokens.folded
  }

  /// The lookup key of a word, as ``NameToken/key``.
  static func key(_ word: Substring) -> UInt64 { PersianLexicon.key(folded(word)) }

  /// How clearly a word's ending marks a family name: -زاده, -ov, -zadeh are strong;
  /// a bare -i / -ی (also the ending of countless adjectives) is weak.
  enum EndingStrength { case strong, weak }

  /// The family-name ending of the token's folded scalars, if any, leaving at least two
  /// letters before it.
  func familyEnding(_ token: NameToken, in folded: [UInt32]) -> EndingStrength? {
    guard let list = endings[token.script] else { return nil }
    let word = folded[token.foldedStart..<token.foldedEnd]
    var found: EndingStrength?
    for ending in list where word.count >= ending.count + 2 && word.suffix(ending.count).elementsEqual(ending) {
      if ending.count > 1 { return .strong }
      found = .weak
    }
    return found
  }

  /// Whether the token's folded scalars end with a family-name ending of its script.
  func hasFamilyEnding(_ token: NameToken, in folded: [UInt32]) -> Bool {
    familyEnding(token, in: folded) != nil
  }

  /// Whether the token is itself a family-name ending of two letters or more, written
  /// apart: «احمدی نژاد».
  func isFamilyEnding(_ token: NameToken, in folded: [UInt32]) -> Bool {
    let word = folded[token.foldedStart..<token.foldedEnd]
    return word.count >= 2 && (endings[token.script] ?? []).contains { $0.elementsEqual(word) }
  }

  /// Whether the token ends in a Persian plural or superlative ending.
  func hasNonNameEnding(_ token: NameToken, in folded: [UInt32]) -> Bool {
    let word = folded[token.foldedStart..<token.foldedEnd]
    return notFamilyEndings.contains { word.count > $0.count + 1 && word.suffix($0.count).elementsEqual($0) }
  }
}
