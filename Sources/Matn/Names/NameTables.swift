/// The word lists behind ``NameExtractor``, loaded once from the resources linked into
/// the binary (Resources/Names; see its README for provenance and licences).
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
  /// Words that are never part of a name: function words, months, places, organisations.
  let notNames: WordSet
  /// English month names: a month straight after a given name is a family name ("Theresa May").
  let months = WordSet(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
      .map { NameTables.key(Substring($0)) })
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

  static let shared = NameTables()

  init() {
    latinGiven = WordSet(
      (PersianLexicon.lines("Names/given-names-latin.txt") + PersianLexicon.lines("Names/given-names-census.txt")).map {
        Self.key(Substring($0))
      })
    var personsGiven: [UInt64] = [], family: [UInt64] = []
    for line in PersianLexicon.lines("Names/fa-name-evidence.tsv") {
      let fields = line.split(separator: "\t")
      guard fields.count == 2 else { continue }
      if fields[0] == "given" { personsGiven.append(Self.key(fields[1])) } else { family.append(Self.key(fields[1])) }
    }
    persianPersonsGiven = WordSet(personsGiven)
    persianFamily = WordSet(family)
    persianForeignGiven = WordSet(
      PersianLexicon.lines("Names/fa-given-names-foreign.txt").flatMap { line in line.split(separator: " ").map { Self.key($0) } })
    persianGiven = WordSet(PersianLexicon.lines("Names/fa-given-names.txt").map { Self.key(Substring($0)) })
    persianCommonGiven = WordSet(
      PersianLexicon.lines("Names/fa-given-names-common.txt").flatMap { line in
        line.split(separator: " ").map { Self.key($0) }
      })
    persianParts = WordSet(
      PersianLexicon.lines("Names/fa-name-parts.tsv").compactMap { line in
        line.split(separator: "\t").first.map { Self.key($0) }
      })
    let things = PersianLexicon.lines("Names/thing-words.txt").flatMap { line in line.split(separator: " ").map { Self.key($0) } }
    thingWords = WordSet(things)
    notNames = WordSet(
      PersianLexicon.lines("Names/not-names.txt").flatMap { line in line.split(separator: " ").map { Self.key($0) } } + things)
    frequentArabicScript = WordSet(
      PersianLexicon.lines("Language/words.tsv").compactMap { line in
        let fields = line.split(separator: "\t")
        guard fields.count >= 2, let v = fields[1].unicodeScalars.first?.value, (0x600..<0x700).contains(v) else { return nil }
        return Self.key(fields[1])
      })
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
    self.particles = WordSet(particles)
    self.roles = WordSet(roles)
    self.titles = titles.mapValues { $0.sorted { $0.keys.count > $1.keys.count } }
    self.titleStarts = WordSet(titles.keys)
    var endings: [NameToken.Script: [[UInt32]]] = [:]
    var notFamily: [[UInt32]] = []
    for line in PersianLexicon.lines("Names/name-endings.tsv") {
      let fields = line.split(separator: "\t")
      guard fields.count == 2 else { continue }
      if fields[0] == "no-Arab" {
        notFamily.append(Self.folded(fields[1]))
        continue
      }
      let script: NameToken.Script = fields[0] == "Latn" ? .latin : fields[0] == "Cyrl" ? .cyrillic : .arabic
      endings[script, default: []].append(Self.folded(fields[1]))
    }
    self.endings = endings
    self.notFamilyEndings = notFamily
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
