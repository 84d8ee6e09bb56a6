import Foundation
import Matn
import SystemPackage
import TestSupport
import Testing

@testable import MatnIndex

/// The embedded index end to end on articles of our own: a Persian name finds the
/// English article, an English spelling and a variant find the Persian one, other
/// people stay out, and rebuilding skips or replaces by content.
@Suite("article index")
struct ArticleIndexTests {
  static let english = IndexFixtures.english
  static let persian = IndexFixtures.persian

  static let other = """
    Oil exports rise in the first quarter

    TEHRAN, Jan. 21 (MNA) – Bijan Zanganeh, the oil minister, said exports rose by ten percent.

    Zanganeh said new fields would open in the south of the country next year.
    """

  /// A directory with the three articles and an index path beside it.
  static func corpus() throws -> (directory: URL, db: String) {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("matn-index-\(UUID().uuidString)")
    let articles = base.appendingPathComponent("articles")
    try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
    try english.write(to: articles.appendingPathComponent("en-velayati.txt"), atomically: true, encoding: .utf8)
    try persian.write(to: articles.appendingPathComponent("fa-velayati.txt"), atomically: true, encoding: .utf8)
    try other.write(to: articles.appendingPathComponent("en-zanganeh.txt"), atomically: true, encoding: .utf8)
    return (articles, base.appendingPathComponent("news.db").path)
  }

  @Test("a Persian name finds the English article about that person, and only it, by its romanisation")
  func persianFindsEnglish() throws {
    let (directory, db) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
    let index = try ArticleIndex(path: db)
    let summary = try index.build(arguments: [.path(FilePath(directory.path))])
    #expect(summary.indexed == 3 && summary.failed == 0)
    var options = SearchOptions()
    options.language = "en"
    let hits = try index.search("ولایتی", options: options)
    #expect(hits.map(\.article) == ["en-velayati"])
    #expect(hits.first?.match == .ascii)
    #expect(hits.first?.mention == "Ali Akbar Velayati")
    #expect(hits.first?.snippet.contains("[Ali Akbar Velayati]") == true)
    // The offset is where the mention is, in UTF-8 bytes of its paragraph.
    let paragraph = try #require(hits.first?.paragraph), offset = try #require(hits.first?.offset)
    let text = try Self.paragraph(db, article: "en-velayati", n: paragraph)
    #expect(Array(text.utf8)[offset...].starts(with: Array("Ali Akbar Velayati".utf8)))
  }

  @Test("an English spelling and a variant find the Persian article; the same script ranks first")
  func englishFindsPersian() throws {
    let (directory, db) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
    let index = try ArticleIndex(path: db)
    try index.build(arguments: [.path(FilePath(directory.path))])
    var persian = SearchOptions()
    persian.language = "fa"
    #expect(try index.search("Velayati", options: persian).map(\.article) == ["fa-velayati"])
    let variant = try index.search("Welayati", options: persian)
    #expect(variant.map(\.article) == ["fa-velayati"])
    #expect(variant.first?.match == .phonetic)
    // Unfiltered: the same-script spelling (exact) before the Persian one.
    let all = try index.search("Ali Akbar Velayati")
    #expect(all.first?.article == "en-velayati")
    #expect(Set(all.map(\.article)) == ["en-velayati", "fa-velayati"])
    // Names only: no text match for a word that is not a name.
    var names = SearchOptions()
    names.namesOnly = true
    #expect(try index.search("exports", options: names).isEmpty)
    #expect(try index.search("exports").map(\.article) == ["en-zanganeh"])
    #expect(try index.search("exports").first?.match == .text)
  }

  @Test("a full name also finds the articles that name the person by the family name alone, after the whole matches")
  func familyNameAlone() throws {
    let (directory, db) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
    // Velayati by the family name alone, and another Velayati (another given name).
    let alone = """
      سفر وزیر عراق به تهران

      ولایتی در دیدار با وزیر عراق گفت همکاری دو کشور ادامه دارد.
      """
    let someoneElse = """
      نمایشگاه کتاب تهران

      محسن ولایتی نویسنده کتاب تازه خود را در نمایشگاه معرفی کرد.
      """
    try alone.write(to: directory.appendingPathComponent("fa-alone.txt"), atomically: true, encoding: .utf8)
    try someoneElse.write(to: directory.appendingPathComponent("fa-other.txt"), atomically: true, encoding: .utf8)
    let index = try ArticleIndex(path: db)
    try index.build(arguments: [.path(FilePath(directory.path))])
    // Two articles name him whole, one gives «ولایتی» to someone else: the family name
    // is his in two articles of three, below the ownership asked for.
    var persian = SearchOptions()
    persian.language = "fa"
    persian.familyNameShare = 1.01
    persian.familyNameOwnership = 0.8
    #expect(try index.search("Ali Akbar Velayati", options: persian).map(\.article) == ["fa-velayati"])
    persian.familyNameOwnership = 0.6
    persian.familyNameTextShare = 0.5
    let hits = try index.search("Ali Akbar Velayati", options: persian)
    #expect(hits.map(\.article) == ["fa-velayati", "fa-alone"])
    #expect(hits.last?.match == .familyName)
    // Not for the family name of someone else («محسن ولایتی»), nor without the whole name.
    #expect(try index.search("Ali Akbar Velayati", options: persian).contains { $0.article == "fa-other" } == false)
    // A name that matches nothing whole: the family name alone, someone else's last.
    let fallback = try index.search("Mohammad Velayati", options: persian).map(\.article)
    let mine = try #require(fallback.firstIndex(of: "fa-alone"))
    #expect(fallback.firstIndex(of: "fa-other").map { $0 > mine } ?? true)
  }

  @Test("a skeleton one letter from the query's finds a close spelling, with the same initial consonants only")
  func nearSkeleton() throws {
    let (directory, db) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
    let lavrov = """
      Russia and Iran discuss the nuclear talks

      MOSCOW, Feb. 2 (MNA) – Sergei Lavrov, the Russian foreign minister, received his Iranian counterpart.
      """
    let longer = """
      A trader in Moscow

      MOSCOW, Feb. 2 (MNA) – Sergei Lavrov Antonov, a grain trader, said prices would rise.
      """
    try lavrov.write(to: directory.appendingPathComponent("en-lavrov.txt"), atomically: true, encoding: .utf8)
    try longer.write(to: directory.appendingPathComponent("en-longer.txt"), atomically: true, encoding: .utf8)
    let index = try ArticleIndex(path: db)
    try index.build(arguments: [.path(FilePath(directory.path))])
    // «سرگئی لاوروف» romanises with an f at the end (Lavarouf): its skeleton has a letter
    // more than Lavrov's, and it is found only through the near keys.
    let query = "سرگئی لاوروف"
    let queryKeys = MentionKeys.keys(of: query).filter { $0.kind == .phonetic && $0.whole }
    let stored = MentionKeys.keys(of: "Sergei Lavrov", stored: true)
    #expect(!queryKeys.contains { q in stored.contains { $0.kind == .phonetic && $0.key == q.key } })
    var options = SearchOptions()
    options.language = "en"
    options.nearSimilarity = 0.5
    let hits = try index.search(query, options: options)
    #expect(hits.first?.article == "en-lavrov")
    #expect(hits.first?.match == .phonetic)
    // Not a run of a longer name one letter away (someone else, more often than not).
    #expect(!hits.contains { $0.article == "en-longer" })
    options.nearSimilarity = 1.01
    #expect(try index.search(query, options: options).contains { $0.article == "en-lavrov" } == false)
    // Near keys: each letter of a long enough skeleton left out; none for a short one.
    #expect(MentionKeys.near("srglrf").contains("srglr"))
    #expect(MentionKeys.near("lrf").isEmpty)
    #expect(stored.contains { $0.kind == .near })
    // Only the whole name's: a run of a longer name ("Mohammad Karim" of "Mohammad
    // Karim Khan Kermani") would meet other people one letter away.
    let runs = MentionKeys.keys(of: "Mohammad Karim Khan Kermani", stored: true).filter { $0.kind == .near }
    #expect(!runs.isEmpty && runs.allSatisfy { $0.whole })
    #expect(!MentionKeys.keys(of: "Sergei Lavrov").contains { $0.kind == .near })
    // Words must begin alike: Hatami is not Khatami.
    #expect(MentionKeys.sameInitials("sergei lavrov", "sargaei lavarouf", indexer: .shared))
    #expect(!MentionKeys.sameInitials("mohammad khatami", "mohammad hatami", indexer: .shared))
  }

  @Test("a given and a family name find a longer name without its middle word")
  func firstAndLast() throws {
    let (directory, db) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
    let namdar = """
      Gas exports to Oman

      TEHRAN, Feb. 3 (MNA) – Bijan Namdar Zanganeh, the oil minister, said gas exports to Oman would start next year.
      """
    try namdar.write(to: directory.appendingPathComponent("en-namdar.txt"), atomically: true, encoding: .utf8)
    let index = try ArticleIndex(path: db)
    try index.build(arguments: [.path(FilePath(directory.path))])
    var names = SearchOptions()
    names.namesOnly = true
    let hits = try index.search("Bijan Zanganeh", options: names)
    #expect(Set(hits.map(\.article)) == ["en-zanganeh", "en-namdar"])
    // A name match (same spelling here), not the family name or the text.
    #expect(hits.first { $0.article == "en-namdar" }?.match == .native)
    #expect(MentionKeys.runs(3).contains { $0.0 == [0, 2] && !$0.1 })
    #expect(!MentionKeys.runs(2).contains { $0.0 == [0, 1] && !$0.1 })
  }

  @Test("weak skeleton matches stay out: short skeleton phrases in the text, distant spellings of a family name")
  func weakSkeletons() throws {
    let (directory, db) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
    let festival = """
      A festival in the north

      RASHT, Feb. 4 (MNA) – The sun rain festival opened on Monday with music from the region.
      """
    let selim = """
      Turkey and Iran discuss trade

      ANKARA, Feb. 5 (MNA) – Ahmet Selim, the Turkish trade official, met an Iranian delegation on Monday.
      """
    try festival.write(to: directory.appendingPathComponent("en-festival.txt"), atomically: true, encoding: .utf8)
    try selim.write(to: directory.appendingPathComponent("en-selim.txt"), atomically: true, encoding: .utf8)
    let index = try ArticleIndex(path: db)
    try index.build(arguments: [.path(FilePath(directory.path))])
    // "sun rain" has the skeletons of "Hassan Rouhani" (sn rn): four letters, too few.
    var options = SearchOptions()
    #expect(try index.search("Hassan Rouhani", options: options).contains { $0.article == "en-festival" } == false)
    options.soundLetters = 4
    #expect(try index.search("Hassan Rouhani", options: options).contains { $0.article == "en-festival" })
    // "Ali Salami" matches nothing whole: the family name alone is all there is, and
    // Selim (the same skeleton, slm) is too far a spelling of Salami.
    options = SearchOptions()
    #expect(try index.search("Ali Salami", options: options).contains { $0.article == "en-selim" } == false)
    options.familyNameSimilarity = 0
    #expect(try index.search("Ali Salami", options: options).contains { $0.article == "en-selim" })
  }

  @Test("a Latin query finds the native word whose next romanisation it is, and not a common word of its skeleton")
  func reverseWords() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("matn-index-\(UUID().uuidString)")
    let directory = base.appendingPathComponent("articles")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: base) }
    let articles = [
      // «ولادیمیر پوتین» is a name mention; «پوتین» alone (Pootin by the top
      // romanisation, Putin the third) is only in the text of the second article.
      "fa-putin-1": "دیدار رئیس جمهور روسیه\n\nبه گزارش خبرگزاری فارس، ولادیمیر پوتین رئیس جمهور روسیه امروز با رهبران منطقه دیدار کرد.",
      "fa-putin-2": "سفر رئیس جمهور روسیه\n\nبه گزارش خبرگزاری فارس، پوتین فردا برای شرکت در نشست سه‌جانبه وارد تهران می‌شود.",
      // «شیرازی» is in a name; «شیراز», the city, has its skeleton and a close
      // romanisation (Shiraz) but no mention.
      "fa-makarem": "دیدار با مراجع\n\nبه گزارش خبرگزاری فارس، نمایندگان مجلس امروز با آیت‌الله ناصر مکارم شیرازی در قم دیدار کردند.",
      "fa-shiraz": "جشنواره تئاتر\n\nبه گزارش خبرگزاری فارس از شیراز، جشنواره تئاتر استانی امروز با حضور هنرمندان آغاز شد.",
    ]
    for (name, text) in articles {
      try text.write(to: directory.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
    }
    let index = try ArticleIndex(path: base.appendingPathComponent("news.db").path)
    try index.build(arguments: [.path(FilePath(directory.path))])
    #expect(Set(try index.search("Putin").map(\.article)) == ["fa-putin-1", "fa-putin-2"])
    #expect(Set(try index.search("Vladimir Putin").map(\.article)) == ["fa-putin-1", "fa-putin-2"])
    #expect(try index.search("Shirazi").map(\.article) == ["fa-makarem"])
    // Spellings required identical: only the mention («پوتین» alone is Pootin).
    var options = SearchOptions()
    options.familyNameSimilarity = 1.01
    #expect(try index.search("Putin", options: options).map(\.article) == ["fa-putin-1"])
    // Any word of the skeleton, named or not: the city too.
    options = SearchOptions()
    options.reverseNameShare = 0
    #expect(Set(try index.search("Shirazi", options: options).map(\.article)) == ["fa-makarem", "fa-shiraz"])
  }

  @Test("rebuilding skips unchanged files by content and replaces a changed file's rows")
  func incremental() throws {
    let (directory, db) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
    let index = try ArticleIndex(path: db)
    try index.build(arguments: [.path(FilePath(directory.path))])
    let again = try index.build(arguments: [.path(FilePath(directory.path))])
    #expect(again.unchanged == 3 && again.indexed == 0)
    // Velayati leaves the Zanganeh article's replacement; nothing of the old text stays.
    let changed = Self.other.replacingOccurrences(of: "Bijan Zanganeh", with: "Ali Akbar Velayati")
      .replacingOccurrences(of: "Zanganeh said", with: "Velayati said")
    try changed.write(to: directory.appendingPathComponent("en-zanganeh.txt"), atomically: true, encoding: .utf8)
    let third = try ArticleIndex(path: db).build(arguments: [.path(FilePath(directory.path))])
    #expect(third.unchanged == 2 && third.indexed == 1)
    #expect(try index.counts().articles == 3)
    #expect(try index.search("Zanganeh").isEmpty)
    #expect(Set(try index.search("ولایتی").map(\.article)).contains("en-zanganeh"))
  }

  @Test("searching an index of another format is a clear error; building it again re-indexes every file")
  func otherFormat() throws {
    let (directory, db) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
    try ArticleIndex(path: db).build(arguments: [.path(FilePath(directory.path))])
    try SQLiteDatabase(path: db).execute("UPDATE meta SET value = '4' WHERE key = 'format'")
    #expect {
      _ = try ArticleIndex(path: db, readOnly: true)
    } throws: { error in
      "\(error)".contains("index format 4") && "\(error)".contains("rebuild it with matn index build")
    }
    #expect(try ArticleIndex(path: db).build(arguments: [.path(FilePath(directory.path))]).indexed == 3)
    #expect(try ArticleIndex(path: db, readOnly: true).search("Velayati").isEmpty == false)
  }

  @Test("JSON Lines of normalised articles index the same way; error records and bad lines are failures")
  func jsonLines() throws {
    let parser = ArticleParser()
    let line = parser.parse(Self.persian, id: "fa-1").json(pretty: false)
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("matn-index-\(UUID().uuidString).db")
    defer { try? FileManager.default.removeItem(at: base) }
    let index = try ArticleIndex(path: base.path)
    let summary = try index.build(jsonLines: [line, Array("{\"id\":\"x\",\"error\":\"unreadable\"}".utf8), Array("{not json".utf8)])
    #expect(summary.indexed == 1 && summary.failed == 2)
    #expect(try index.search("Velayati").map(\.article) == ["fa-1"])
    #expect(try index.build(jsonLines: [line]).unchanged == 1)
  }

  @Test("keys of a name: every run of words, native, ASCII and phonetic, from several romanisations")
  func mentionKeys() {
    let keys = MentionKeys.keys(of: "علی‌اکبر ولایتی")
    #expect(keys.contains { $0.kind == .ascii && $0.key == "velayati" && !$0.whole })
    #expect(keys.contains { $0.kind == .native && $0.key == SearchKey.make("ولایتی") })
    #expect(keys.contains { $0.kind == .ascii && $0.whole })
    // A Persian name is also keyed by its next romanisations (امید: Omid, Amid).
    let omid = MentionKeys.keys(of: "امید")
    #expect(omid.contains { $0.kind == .ascii && $0.key == "omid" && $0.rank == 0 })
    #expect(omid.contains { $0.kind == .ascii && $0.rank > 0 })
    #expect(MentionKeys.runs(3).count == 7)
  }

  @Test("a new index is published at its path when a build ends; opened and dropped without one, it leaves nothing")
  func publishedWhenBuilt() throws {
    let (directory, db) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
    func leftovers() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: directory.deletingLastPathComponent().path).filter { $0.hasPrefix(".") }
    }
    do {
      let index = try ArticleIndex(path: db)
      #expect(try index.search("Velayati").isEmpty)
    }
    #expect(try !FileManager.default.fileExists(atPath: db) && leftovers().isEmpty)
    let index = try ArticleIndex(path: db)
    // A failed first build (unwritten without a journal, so not rolled back) drops its
    // file and begins another: still no index, one temporary file, the object usable.
    let first = try leftovers()
    #expect(throws: (any Error).self) { try index.build(arguments: [.standardInput, .standardInput]) }
    let second = try leftovers()
    #expect(first.count == 1 && second.count == 1 && first != second && !FileManager.default.fileExists(atPath: db))
    #expect(try index.build(arguments: [.path(FilePath(directory.path))]).indexed == 3)
    #expect(try FileManager.default.fileExists(atPath: db) && leftovers().isEmpty)
    // The same object goes on working on the published file.
    #expect(try index.search("Velayati").count == 2)
    #expect(try index.build(arguments: [.path(FilePath(directory.path))]).unchanged == 3)
    #expect(try ArticleIndex(path: db, readOnly: true).search("Velayati").count == 2)
  }

  @Test("the text's words as FTS5's unicode61 splits them, by byte ranges: letters, marks and digits of any script")
  func textTokens() {
    let key = "ali-akbar «ولایتی»، ۱۲۳ café 😀 x9 日本 naïve\u{200C}"
    #expect(ArticleIndex.tokens(key) == ["ali", "akbar", "ولایتی", "۱۲۳", "café", "x9", "日本", "naïve"])
    #expect(ArticleIndex.tokens("") == [] && ArticleIndex.tokens(" ،. ") == [])
  }

  @Test("the words' columns: one token per word, each word's keys once per build, whatever the table holds")
  func wordColumns() {
    let words = WordKeys(indexer: .shared)
    // Thousands of distinct words: every shard's table grows several times.
    let many = (0..<6000).map { "w\($0)x" }
    let (roman, sound) = words.columns(many.joined(separator: " "))
    #expect(roman == many.joined(separator: " "))
    #expect(sound.split(separator: " ").count == many.count)
    // Looked up again (from the table), the same columns.
    #expect(words.columns(many.reversed().joined(separator: " ")).roman == many.reversed().joined(separator: " "))
    // A native word: its romanisation's ASCII key, the same as the indexer's; a word
    // longer than longestKeyed bytes keeps its place with `_` and is not romanised.
    let long = String(repeating: "ب", count: WordKeys.longestKeyed)
    let columns = words.columns("ولایتی \(long) ولایتی")
    #expect(columns.roman == "velayati _ velayati")
    let sounds = columns.sound.split(separator: " ").map(String.init)
    #expect(sounds.count == 3 && sounds[1] == "_" && sounds[0] == sounds[2])
    #expect(sounds[0] == NameIndexer.shared.keys(for: "velayati").phonetic)
    // Fresh native words are reported once, sorted.
    let fresh = words.fresh()
    #expect(fresh.map(\.word) == ["ولایتی"])
    #expect(words.fresh().isEmpty)
  }

  @Test("the text's words are romanised with the narrower beam, mentions with the full one")
  func wordBeam() {
    let words = WordKeys(indexer: .shared)
    #expect(words.indexer.persianBeam == 8 && words.wordIndexer.persianBeam == WordKeys.wordBeam)
    // Words the lexicons lack, where the beam decides the spelling of some.
    let unlisted = ["ابعاد", "بدهید", "بچشند", "اعبد", "وبه"]
    func ascii(_ indexer: NameIndexer, _ word: String) -> String {
      String(indexer.keys(for: word).ascii.filter { $0 != " " && $0 != "-" })
    }
    #expect(unlisted.contains { ascii(words.indexer, $0) != ascii(words.wordIndexer, $0) })
    for word in unlisted {
      #expect(words.columns(word).roman == ascii(words.wordIndexer, word))
      #expect(MentionKeys.romanizationsOf(word, indexer: words.indexer).first == NameIndexer.shared.romanize(word))
    }
  }

  static func paragraph(_ db: String, article: String, n: Int) throws -> String {
    let database = try SQLiteDatabase(path: db, readOnly: true)
    let s = try database.statement(
      "SELECT p.text FROM paragraphs p JOIN articles a ON a.id = p.article WHERE a.name = ? AND p.n = ?")
    s.bind(.text(article), .int(n))
    guard try s.step() else { return "" }
    return s.text(0)
  }
}
