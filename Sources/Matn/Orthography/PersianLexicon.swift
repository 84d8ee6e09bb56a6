import CMatnResources

/// The word lists behind the affix and compound rules (Resources/Orthography; see its
/// README for provenance and licences), read in place as word sets from
/// `Tables/persian-lexicon.bin`, which `scripts/build-tables` writes from them.
///
/// Lookups go by a 64-bit FNV-1a hash of the word's scalars, so the hot loop never
/// builds a `String` for a token.
struct PersianLexicon: Sendable {
  /// Conjugated verb forms that may follow «می»/«نمی»: present stem + personal ending,
  /// the bare present stem, past stem + personal ending, past participle.
  let verbForms: WordSet
  /// The bare present stems of two letters that are no conjugated form of any verb (نه،
  /// گو، رو): after a spaced «می» they are verbs, glued to می more often a word (مینه).
  /// Longer ones stay: «میتوان» is «می‌توان».
  let bareStemsOnly: WordSet
  /// Adjectives that take the comparative/superlative suffixes تر/ترین.
  let adjectives: WordSet
  /// Words that look affixed but are whole words (میان، میهن، میراث، میانجی، تنها،
  /// انتها، سهام): a glued token that is one of them, or one of them + ی / یی, is never
  /// split (affix-words.tsv, code `w`).
  let affixGuards: WordSet
  /// Two-letter nouns that take a glued plural (ده → ده‌ها; code `t`): longer stems need
  /// no list.
  let shortStems: WordSet
  /// Words ending in silent ه that take ای ام ات اش اند ایم اید (codes `h`, `p`), and
  /// the past participles of the verbs (کرده، شده).
  let hehStems: WordSet
  /// The silent-heh stems whose glued «Xهای» reads X‌ه + ای, not X + های (code `h`).
  let hehStemsBeforePlural: WordSet
  /// The ones of them whose X is a word too (code `b`: زبانه, نامه, سده): «Xهای» reads
  /// both ways, and the next word decides (``GluedAffixes/readsBothWays(_:_:at:)``).
  let hehStemsReadBothWays: WordSet
  /// Second parts of compounds that hazm writes after a ZWNJ (نشین، زنی، آفرین; code `m`),
  /// the first parts they follow (code `c`), and the words never split that way (code `g`):
  /// see ``GluedAffixes/compoundPartSplit(_:_:)``.
  let compoundParts: WordSet
  let compoundStems: WordSet
  let compoundGuards: WordSet
  /// One bit per pair of last two letters (each U+0600–U+06FF, low bytes) that some
  /// compound part ends with: most glued words are ruled out before a part is hashed.
  let compoundPartEnds: [UInt64]
  /// The longest compound part, in scalars.
  let longestCompoundPart: Int
  /// One bit per compound part's key in 2^12 bits (512 bytes, ``partFilterBit(_:)``): the
  /// lengths at which a word cannot end in a part are ruled out together, without a
  /// branch each (``GluedAffixes/compoundPartSplit(_:_:)``).
  let compoundPartFilter: [UInt64]
  /// Read in place from `Tables/persian-lexicon.bin` (written by `scripts/build-tables`
  /// from ``computedSections()``); computed from the word lists when it is missing.
  static let shared = PersianLexicon.embedded ?? PersianLexicon()

  /// The embedded table: the sets in the order of ``computedSections()``.
  static let resourceName = "Tables/persian-lexicon.bin"
  static let sectionCount = 12

  /// The lexicon read in place from ``resourceName``, nil when it is missing or malformed.
  static var embedded: PersianLexicon? {
    PackedTable.embedded(resourceName, sections: sectionCount).flatMap(PersianLexicon.init)
  }

  /// The lexicon computed from its sources, the word lists in Resources/Orthography.
  init() {
    // The sections were just computed in the table format: they always read back.
    self.init(PackedTable(sections: Self.computedSections()))!
  }

  /// The lexicon in `table` (sections as ``computedSections()`` writes them).
  init?(_ table: PackedTable) {
    guard table.sections.count == Self.sectionCount, let verbForms = table.wordSet(0),
      let bareStemsOnly = table.wordSet(1), let adjectives = table.wordSet(2), let affixGuards = table.wordSet(3),
      let shortStems = table.wordSet(4), let hehStems = table.wordSet(5), let hehStemsBeforePlural = table.wordSet(6),
      let compoundParts = table.wordSet(7), let compoundStems = table.wordSet(8), let compoundGuards = table.wordSet(9),
      table.sections[10].count == Self.partEndsWords + 1, let hehStemsReadBothWays = table.wordSet(11)
    else { return nil }
    self.hehStemsReadBothWays = hehStemsReadBothWays
    self.longestCompoundPart = Int(truncatingIfNeeded: UInt64(littleEndian: table.sections[10][Self.partEndsWords]))
    self.compoundParts = compoundParts
    self.compoundStems = compoundStems
    var filter = [UInt64](repeating: 0, count: 1 << 6)
    for key in compoundParts.keys {
      let bit = Self.partFilterBit(key)
      filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    self.compoundPartFilter = filter
    self.compoundGuards = compoundGuards
    self.compoundPartEnds = table.sections[10][..<Self.partEndsWords].map { UInt64(littleEndian: $0) }
    self.verbForms = verbForms
    self.bareStemsOnly = bareStemsOnly
    self.adjectives = adjectives
    self.affixGuards = affixGuards
    self.shortStems = shortStems
    self.hehStems = hehStems
    self.hehStemsBeforePlural = hehStemsBeforePlural
  }

  /// 2^16 bits: ``compoundPartEnds`` (the section has one word more: ``longestCompoundPart``).
  static let partEndsWords = 1024

  /// The bit of ``compoundPartFilter`` for a key.
  @inline(__always)
  static func partFilterBit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 52) }

  /// The bit of ``compoundPartEnds`` for a word ending in scalars `a`, `b`.
  @inline(__always)
  static func partEndBit(_ a: UInt32, _ b: UInt32) -> Int { Int((a & 0xFF) << 8 | (b & 0xFF)) }

  /// The source of `Tables/persian-lexicon.bin`: the slots of each set (``WordSet/slots(_:)``),
  /// parsed from the word lists: verb forms, bare stems, adjectives, affix guards, short
  /// stems, heh stems, heh stems before the plural, compound parts, their stems, their
  /// guards; then the bits of ``compoundPartEnds``; then the heh stems read both ways.
  static func computedSections() -> [[UInt64]] {
    var verbForms = Set<UInt64>()
    var participles: [UInt64] = []
    var bareStems: [UInt64] = []  // short ones, added to verbForms once the conjugated forms are in
    let presentEndings = ["م", "ی", "د", "یم", "ید", "ند"]
    let pastEndings = ["م", "ی", "", "یم", "ید", "ند", "ه"]
    for line in Self.lines("Orthography/verbs.tsv") {
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard parts.count == 2 else { continue }
      let past = String(parts[0]), present = String(parts[1])
      if !past.isEmpty {
        for ending in pastEndings { verbForms.insert(Self.key(past + ending)) }
        participles.append(Self.key(past + "ه"))
        // The negated participle takes the same endings: «نکرده‌اند», «نشده‌اند».
        if !past.hasPrefix("ا") && !past.hasPrefix("آ") { participles.append(Self.key("ن" + past + "ه")) }
      }
      if !present.isEmpty {
        if present.unicodeScalars.count <= 2 {
          bareStems.append(Self.key(present))
        } else {
          verbForms.insert(Self.key(present))
        }
        // Stems ending in a vowel may take a glide: آ → آید, گو → گوید, but رو → رود.
        let vowelFinal = present.hasSuffix("ا") || present.hasSuffix("آ") || present.hasSuffix("و")
        for ending in presentEndings {
          verbForms.insert(Self.key(present + ending))
          if vowelFinal { verbForms.insert(Self.key(present + "ی" + ending)) }
        }
      }
    }
    let bareStemsOnly = bareStems.filter { !verbForms.contains($0) }
    verbForms.formUnion(bareStems)
    let adjectives = Self.lines("Orthography/adjectives.txt").map { Self.key(String($0)) }
    var guards: [UInt64] = [], short: [UInt64] = [], heh = participles, before: [UInt64] = [], both: [UInt64] = []
    var compoundParts: [UInt64] = [], compoundStems: [UInt64] = [], compoundGuards: [UInt64] = []
    var partEnds = [UInt64](repeating: 0, count: partEndsWords + 1)
    for line in Self.lines("Orthography/affix-words.tsv") {
      let parts = line.split(separator: "\t")
      guard parts.count == 2 else { continue }
      let word = Self.key(String(parts[0])), codes = parts[1].utf8
      if codes.contains(UInt8(ascii: "m")) {
        compoundParts.append(word)
        let scalars = parts[0].unicodeScalars.map(\.value)
        partEnds[partEndsWords] = max(partEnds[partEndsWords], UInt64(scalars.count))
        if scalars.count >= 2 {
          let bit = partEndBit(scalars[scalars.count - 2], scalars[scalars.count - 1])
          partEnds[bit >> 6] |= 1 << UInt64(bit & 63)
        }
      }
      if codes.contains(UInt8(ascii: "c")) { compoundStems.append(word) }
      if codes.contains(UInt8(ascii: "g")) { compoundGuards.append(word) }
      if codes.contains(UInt8(ascii: "w")) { guards.append(word) }
      if codes.contains(UInt8(ascii: "t")) { short.append(word) }
      if codes.contains(UInt8(ascii: "h")) {
        heh.append(word)
        before.append(word)
        if codes.contains(UInt8(ascii: "b")) { both.append(word) }
      } else if codes.contains(UInt8(ascii: "p")) {
        heh.append(word)
      }
    }
    return [verbForms.sorted(), bareStemsOnly, adjectives, guards, short, heh, before, compoundParts, compoundStems, compoundGuards]
      .map { WordSet.slots($0) } + [partEnds, WordSet.slots(both)]
  }

  /// The non-comment, non-empty lines of an embedded resource.
  static func lines(_ name: String) -> [Substring] {
    var length: Int64 = 0
    guard let bytes = matn_resource(name, &length), length > 0 else { return [] }
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: Int(length)), as: UTF8.self)
    // Split the bytes, not `Character`s: a resource of 20,000 lines is read at start-up.
    let utf8 = text.utf8
    var lines: [Substring] = []
    var start = utf8.startIndex
    for index in utf8.indices where utf8[index] == 0x0A {
      if start < index, utf8[start] != UInt8(ascii: "#") { lines.append(text[start..<index]) }
      start = utf8.index(after: index)
    }
    if start < utf8.endIndex, utf8[start] != UInt8(ascii: "#") { lines.append(text[start...]) }
    return lines
  }

  static func key(_ word: String) -> UInt64 { WordSet.key(word) }

  static func key(_ scalars: [UInt32]) -> UInt64 { key(scalars[...]) }

  @inline(__always)
  static func key(_ scalars: some Sequence<UInt32>) -> UInt64 { FNV.hash(scalars) }
}
