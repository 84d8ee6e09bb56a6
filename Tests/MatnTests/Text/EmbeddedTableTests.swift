import Foundation
import MatnICU
import TestSupport
import Testing

@testable import Matn

/// The tables read in place from `Resources/Tables` (``EmbeddedTable``) against their
/// sources. With `MATN_WRITE_TABLES=DIR` in the environment the computed tables are
/// written to DIR instead (what `scripts/build-tables` does); otherwise a table that
/// differs from its source fails: run `scripts/build-tables`.
@Suite("Embedded tables")
struct EmbeddedTableTests {
  /// Each embedded table: its resource and the bytes its source computes.
  static let tables: [(name: String, computed: @Sendable () -> [UInt8])] = [
    (ScriptColumn.resourceName, { EmbeddedTable.bytes(ScriptColumn.computed()) }),
    (ScalarClasses.resourceName, { EmbeddedTable.bytes(ScalarClasses.computed()) }),
    (LowercaseColumn.resourceName, { EmbeddedTable.bytes(LowercaseColumn.computed()) }),
    (StageTable.resourceName, { EmbeddedTable.bytes(StageTable.computed()) }),
    (
      LetterStatisticsClassifier.scanTableResourceName,
      { EmbeddedTable.bytes(LetterStatisticsClassifier.computedScanTable()) }
    ),
    (ItemizerClasses.resourceName, { EmbeddedTable.bytes(ItemizerClasses.computedTable()) }),
    (MojibakeRepair.classesResourceName, { MojibakeRepair.computedClasses() }),
    (PersianLexicon.resourceName, { PackedTable.bytes(PersianLexicon.computedSections()) }),
    (Compounds.resourceName, { PackedTable.bytes(Compounds.computedSections()) }),
    (NameTables.resourceName, { PackedTable.bytes(NameTables.computedSections()) }),
    (DatelineTables.resourceName, { PackedTable.bytes(DatelineTables.computedSections()) }),
    (WordEvidence.resourceName, { PackedTable.bytes(WordEvidence.computedSections()) }),
    (KnownWords.resourceName, { PackedTable.bytes(KnownWords.computedSections()) }),
    (PersianNameRomanizer.resourceName, { PackedTable.bytes(PersianNameRomanizer.computedSections()) }),
  ]

  @Test("each embedded table is what its source computes", arguments: tables.indices)
  func tableMatchesSource(index: Int) throws {
    let (name, computed) = Self.tables[index]
    let bytes = computed()
    if let directory = ProcessInfo.processInfo.environment["MATN_WRITE_TABLES"], !directory.isEmpty {
      let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
      return
    }
    let embedded = EmbeddedTable.resourceBytes(name)
    #expect(embedded.count == bytes.count, "Resources/\(name) is stale: run scripts/build-tables")
    let first = embedded.indices.first { $0 < bytes.count && embedded[$0] != bytes[$0] }
    #expect(first == nil, "Resources/\(name) differs from its source at byte \(first ?? 0): run scripts/build-tables")
  }

  @Test("the embedded tables are the ones read")
  func tablesAreRead() {
    #expect(EmbeddedTable.load(ScalarClasses.resourceName, count: 0x10000, of: UInt16.self) != nil)
    #expect(EmbeddedTable.load(StageTable.resourceName, count: 0x10001, of: UInt16.self) != nil)
    #expect(EmbeddedTable.load(MojibakeRepair.classesResourceName, count: 0x10000, of: UInt8.self) != nil)
    #expect(EmbeddedTable.load("Tables/none.bin", count: 1, of: UInt16.self) == nil)
    // A count that does not match the resource's length reads nothing.
    #expect(EmbeddedTable.load(ScalarClasses.resourceName, count: 0x10001, of: UInt16.self) == nil)
    // The lexicons' tables are read in place, not parsed from their sources at start-up.
    #expect(PersianLexicon.embedded != nil)
    #expect(NameTables.embedded != nil)
    #expect(Compounds.embedded != nil)
    #expect(DatelineTables.embedded != nil)
    #expect(PersianNameRomanizer.embedded != nil)
    #expect(PackedTable.embedded(WordEvidence.resourceName, sections: WordEvidence.sectionCount) != nil)
    #expect(PackedTable.embedded(PersianLexicon.resourceName, sections: PersianLexicon.sectionCount + 1) == nil)
  }

  @Test("a packed table reads back what was written, and refuses what is not one")
  func packedTableRoundTrip() throws {
    let sections: [[UInt64]] = [WordSet.slots([3, 5, 0x1_0000_0003]), [], PackedTable.utf8Section(Array("تهران".utf8))]
    let bytes = PackedTable.bytes(sections)
    let words = bytes.withUnsafeBytes { raw in (0..<bytes.count / 8).map { raw.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self) } }
    #expect(words.withUnsafeBufferPointer { PackedTable(words: $0, owner: nil)?.sections.count } == 3)
    let table = PackedTable(sections: sections)
    #expect(table.sections.map(\.count) == sections.map(\.count))
    let set = try #require(table.wordSet(0))
    #expect(set.contains(3) && set.contains(5) && set.contains(0x1_0000_0003))
    #expect(!set.contains(4) && !set.contains(0) && !set.contains(0x2_0000_0003))
    #expect(String(decoding: table.utf8(2), as: UTF8.self) == "تهران")
    // A wrong magic, a section running past the end, or bytes left over: not a table.
    for broken in [[0] + words.dropFirst(), Array(words.dropLast()), words + [0]] {
      #expect(broken.withUnsafeBufferPointer { PackedTable(words: $0, owner: nil) } == nil)
    }
  }

  @Test("the lexicons read in place answer as the ones computed from their sources")
  func packedTablesAnswerAsComputed() throws {
    let lexicon = PersianLexicon(), names = NameTables(), datelines = DatelineTables.shared
    for word in ["کرده", "رفتند", "میهن", "بزرگ", "ده", "نه"] {
      let key = PersianLexicon.key(word)
      #expect(PersianLexicon.shared.verbForms.contains(key) == lexicon.verbForms.contains(key), "\(word)")
      #expect(PersianLexicon.shared.adjectives.contains(key) == lexicon.adjectives.contains(key), "\(word)")
      #expect(PersianLexicon.shared.affixGuards.contains(key) == lexicon.affixGuards.contains(key), "\(word)")
    }
    #expect(PersianLexicon.shared.verbForms.contains(PersianLexicon.key("کرده")))
    for word in ["john", "may", "محمد", "علی", "university", "president"] {
      let key = NameTables.key(Substring(word))
      #expect(NameTables.shared.latinGiven.contains(key) == names.latinGiven.contains(key), "\(word)")
      #expect(NameTables.shared.persianGiven.contains(key) == names.persianGiven.contains(key), "\(word)")
      #expect(NameTables.shared.months.contains(key) == names.months.contains(key), "\(word)")
      #expect(NameTables.shared.titles[key]?.map(\.keys) == names.titles[key]?.map(\.keys), "\(word)")
    }
    #expect(NameTables.shared.latinGiven.contains(NameTables.key("john")))
    #expect(NameTables.shared.endings.mapValues { $0.count } == names.endings.mapValues { $0.count })
    #expect(NameTables.shared.notFamilyEndings == names.notFamilyEndings)
    #expect(datelines.place("TEHRAN") == "Tehran")
    #expect(datelines.place("قزوين") != nil)
    #expect(datelines.agency("Reuters") != nil && datelines.place("Nowhere-at-all") == nil)
    let model = try #require(LanguageModel.shared)
    let evidence = try #require(WordEvidence(PackedTable(sections: WordEvidence.computedSections())))
      .resolved(to: model.languages.map(\.code))
    for word in ["است", "في", "ہے", "کتاب", "the"] {
      let key = LanguageModel.wordKey(word.unicodeScalars.map(\.value))
      let embedded = model.wordEvidence[key].map { $0.map { "\($0.language) \($0.ratio)" } }
      #expect(embedded == evidence[key].map { $0.map { "\($0.language) \($0.ratio)" } }, "\(word)")
    }
    #expect(model.wordEvidence[LanguageModel.wordKey("است".unicodeScalars.map(\.value))] != nil)
    // The known short words are read in place, resolved to the model's languages.
    #expect(PackedTable.embedded(KnownWords.resourceName, sections: KnownWords.sectionCount) != nil)
    let english = try #require(model.languages.firstIndex { $0.code == "en" })
    let german = try #require(model.languages.firstIndex { $0.code == "de" })
    let the = LanguageModel.wordKey("the".unicodeScalars.map(\.value))
    #expect(model.knownWords.contains(the, language: english))
    #expect(!model.knownWords.contains(the, language: german))
  }

  @Test(
    "the class column agrees with Unicode's general categories",
    .enabled(if: UnicodeData.available("extracted/DerivedGeneralCategory.txt")))
  func classesAgreeWithUnicode() throws {
    let expected: [String: ScalarClass] = [
      "Lu": .letter, "Ll": .letter, "Lt": .letter, "Lm": .letter, "Lo": .letter, "Mn": .mark, "Mc": .mark,
      "Me": .mark, "Nd": .digit, "Zs": .space, "Pc": .punctuation, "Pd": .punctuation, "Ps": .punctuation,
      "Pe": .punctuation, "Pi": .punctuation, "Pf": .punctuation, "Po": .punctuation, "Sm": .symbol,
      "Sc": .symbol, "Sk": .symbol, "So": .symbol, "Cf": .format,
    ]
    let categoryBits: ScalarClass = [.letter, .mark, .digit, .space, .punctuation, .symbol, .format]
    let classes = CharacterTable.classes
    var checked = 0
    // Unassigned there (Cn) may be assigned in the standard library's newer Unicode.
    for (low, high, field) in try UnicodeData.ranges(in: "extracted/DerivedGeneralCategory.txt")
    where low < 0x10000 && field != "Cn" {
      var want = expected[field] ?? []
      for v in low...min(high, 0xFFFF) {
        if v == 0x09 { want = [.space] }
        let got = classes(v).intersection(categoryBits)
        #expect(got == want, "U+\(String(v, radix: 16, uppercase: true)) \(field)")
        if v == 0x09 { want = expected[field] ?? [] }
        checked += 1
      }
    }
    #expect(checked > 0xD000)
  }

  @Test("the script column agrees with Unicode's Scripts.txt", .enabled(if: UnicodeData.available("Scripts.txt")))
  func scriptsAgreeWithUnicode() throws {
    var want = [Script](repeating: .unknown, count: 0x10000)
    for (low, high, field) in try UnicodeData.ranges(in: "Scripts.txt") where low < 0x10000 {
      let script = try #require(Script(code: field), "\(field)")
      for v in low...min(high, 0xFFFF) { want[Int(v)] = script }
    }
    let scripts = CharacterTable.scripts
    let wrong = (0..<0x10000).filter { (0xD800...0xDFFF).contains($0) == false && scripts[UInt32($0)] != want[$0] }
    #expect(wrong.isEmpty, "first: U+\(String(wrong.first ?? 0, radix: 16, uppercase: true))")
  }
}
