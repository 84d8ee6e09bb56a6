import CSQLite
import Matn
import Synchronization
import SystemPackage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// An embedded article index: articles, paragraphs, person-name mentions with their
/// keys, and a full-text index over the paragraphs' search keys, in one SQLite file.
///
/// ```swift
/// let index = try ArticleIndex(path: "news.db")
/// try index.build(arguments: [.path("articles")])
/// let hits = try index.search("ولایتی")   // English articles about Velayati too
/// ```
///
/// An index is first built in a temporary file beside `path`, without a journal (every
/// page written once), and renamed to `path` when the build ends: a first build killed
/// part-way leaves no index (its temporary file is removed by the next build). Later
/// builds update it in WAL mode, each batch of articles one transaction, so a build
/// killed part-way leaves the index of the last committed batch, usable as it is.
/// A file whose content hash is the one indexed is skipped; a changed file's rows are
/// replaced in one transaction.
///
/// - Thread safety: one instance per thread (an SQLite connection each).
public final class ArticleIndex {
  /// Bumped when what is stored for an article changes: every file is then re-indexed.
  static let format = "5"

  private(set) var db: SQLiteDatabase
  /// Where the index is published.
  let path: String
  /// A new index's temporary file until its first build ends (``publish()``).
  private var unpublished: AtomicFile?
  let indexer: NameIndexer
  let words: WordKeys
  /// Each article's language, read on the first search with a language filter.
  private var languages: [Int64: String]?
  /// ``reverseWords(_:minimum:nameShare:)`` of the words already asked (cleared by a write).
  var reverseCache: [String: [ReverseWord]] = [:]
  /// Whether the query being searched looks its words up in other scripts (``reversePhrases(_:options:)``).
  var reverse = true

  /// Opens the index at `path`, creating it (and its tables) unless `readOnly`.
  public init(path: String, readOnly: Bool = false, indexer: NameIndexer = .shared) throws(SQLiteError) {
    if readOnly {
      var info = stat()
      guard stat(path, &info) == 0 else {
        throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot open \(path): no such index (build it with matn index build)")
      }
    }
    self.path = path
    self.indexer = indexer
    self.words = WordKeys(indexer: indexer)
    var info = stat()
    if !readOnly && stat(path, &info) != 0 && errno == ENOENT {
      let target = FilePath(path)
      _ = TemporaryFiles.removeStale(under: target.removingLastComponent(), recursive: false)
      do {
        let file = try AtomicFile(path: target)
        unpublished = file
        db = try Self.open(file.temporaryPath.string, new: true)
      } catch let failure as AtomicFile.Failure {
        throw SQLiteError(code: SQLITE_CANTOPEN, message: failure.description)
      } catch let failure as SQLiteError {
        unpublished?.discard()
        throw failure
      } catch {
        throw SQLiteError(code: SQLITE_CANTOPEN, message: "\(error)")
      }
    } else {
      db = try Self.open(path, readOnly: readOnly)
    }
    if !readOnly {
      try checkFormat()
    } else {
      // An index of another layout (an older matn's) lacks what searches read.
      let read = try? db.statement("SELECT value FROM meta WHERE key = 'format'")
      let stored = try? read.flatMap { statement throws(SQLiteError) in try statement.step() ? statement.text(0) : nil }
      read?.reset()
      guard stored == Self.format else {
        throw SQLiteError(
          code: SQLITE_MISMATCH,
          message: "\(path): index format \(stored ?? "unknown"), this matn reads format \(Self.format): rebuild it with matn index build")
      }
    }
  }

  deinit {
    // A new index whose build did not end is not published.
    unpublished?.discard()
  }

  /// A connection to the index file at `file`, its tables created unless `readOnly`. A
  /// `new` index (a temporary file no other connection reads) is written without a
  /// journal and without flushes: nothing of it is kept unless its build ends.
  private static func open(_ file: String, readOnly: Bool = false, new: Bool = false) throws(SQLiteError) -> SQLiteDatabase {
    let db = try SQLiteDatabase(path: file, readOnly: readOnly)
    // Reads map the file (no copy into SQLite's own cache) and keep what they read:
    // a search touches the name keys' index and FTS5's pages again and again.
    try db.execute("PRAGMA mmap_size=\(Self.mapBytes); PRAGMA cache_size=-\(Self.cacheKiB);")
    guard !readOnly else { return db }
    if new {
      try db.execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
    } else {
      try db.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
    }
    try db.execute(Self.schema)
    return db
  }

  /// Ends a new index's first build: it is switched to WAL mode and closed (without a
  /// flush: its writes so far are unflushed), its file flushed to disk and renamed to
  /// ``path``, then reopened there. Nothing for an index published already.
  private func publish() throws(SQLiteError) {
    guard var file = unpublished else { return }
    do {
      try db.execute("PRAGMA journal_mode=WAL")
      db.close()
      try file.commit()
    } catch {
      file.discard()
      unpublished = nil
      restart()
      throw error as? SQLiteError ?? SQLiteError(code: SQLITE_IOERR, message: "\(error)")
    }
    unpublished = nil
    db = try Self.open(path)
  }

  /// A new index's file flushed to disk so far (by the writer thread between batches,
  /// while the next are parsed): ``publish()`` then has only the last batch to flush.
  func flushUnpublished() throws {
    try unpublished?.flush()
  }

  /// After a failed build of a new index (written without a journal, so its last
  /// transaction is not rolled back): its file is dropped and a new one begun, so the
  /// index is as if never built.
  private func restart() {
    unpublished?.discard()
    unpublished = nil
    guard let fresh = try? AtomicFile(path: FilePath(path)),
      let connection = try? Self.open(fresh.temporaryPath.string, new: true)
    else { return }
    unpublished = fresh
    db = connection
    try? checkFormat()
  }

  /// Runs a build; a new index is published when it ends, and begun again when it fails.
  private func building<T>(_ body: () throws -> T) throws -> T {
    let result: T
    do {
      result = try body()
    } catch {
      if unpublished != nil { restart() }
      throw error
    }
    try publish()
    return result
  }

  /// SQLite's default: a checkpoint when the log reaches this many pages (outside builds).
  static let autocheckpoint = 1000

  /// How much of the file reads map (1 GiB), and SQLite's page cache (64 MiB).
  static let mapBytes = 1 << 30
  static let cacheKiB = 65536

  static let schema = """
    CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS articles(
      id INTEGER PRIMARY KEY, source TEXT NOT NULL UNIQUE, name TEXT NOT NULL, title TEXT,
      language TEXT, published TEXT, hash TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS paragraphs(
      id INTEGER PRIMARY KEY, article INTEGER NOT NULL, n INTEGER NOT NULL, language TEXT, text TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS paragraphs_article ON paragraphs(article, n);
    CREATE TABLE IF NOT EXISTS mentions(
      id INTEGER PRIMARY KEY, article INTEGER NOT NULL, text TEXT NOT NULL, script TEXT, display TEXT NOT NULL,
      ascii TEXT NOT NULL, phonetic TEXT NOT NULL, count INTEGER NOT NULL, paragraph INTEGER, offset INTEGER);
    CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);
    CREATE TABLE IF NOT EXISTS name_keys(
      key TEXT NOT NULL, kind INTEGER NOT NULL, mention INTEGER NOT NULL, article INTEGER NOT NULL,
      ascii TEXT NOT NULL, whole INTEGER NOT NULL, rank INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS name_keys_key ON name_keys(key, kind);
    CREATE INDEX IF NOT EXISTS name_keys_article ON name_keys(article);
    CREATE VIRTUAL TABLE IF NOT EXISTS text_keys USING fts5(keys, roman, sound, tokenize = 'unicode61 remove_diacritics 0');
    CREATE TABLE IF NOT EXISTS words(sound TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY(sound, word)) WITHOUT ROWID;
    """

  private func checkFormat() throws(SQLiteError) {
    let read = try db.statement("SELECT value FROM meta WHERE key = 'format'")
    let stored = try read.step() ? read.text(0) : nil
    read.reset()
    if stored != Self.format {
      // Another layout: start again (every file is indexed anew).
      try db.execute(
        "DROP TABLE IF EXISTS articles; DROP TABLE IF EXISTS paragraphs; DROP TABLE IF EXISTS mentions; "
          + "DROP TABLE IF EXISTS name_keys; DROP TABLE IF EXISTS text_keys; DROP TABLE IF EXISTS words;")
      try db.execute(Self.schema)
      try db.statement("INSERT OR REPLACE INTO meta(key, value) VALUES ('format', ?)").bind(.text(Self.format)).run()
    }
  }

  func articleLanguages() throws(SQLiteError) -> [Int64: String] {
    if let languages { return languages }
    var out: [Int64: String] = [:]
    let read = try db.statement("SELECT id, language FROM articles WHERE language IS NOT NULL")
    while try read.step() { out[read.int(0)] = read.text(1) }
    languages = out
    return out
  }

  // MARK: Building

  /// What a build did.
  public struct BuildSummary: Sendable, Hashable {
    /// Inputs seen (files, or JSON Lines records).
    public var inputs = 0
    /// Articles written (new or changed).
    public var indexed = 0
    /// Inputs whose content hash was already indexed.
    public var unchanged = 0
    /// Inputs that could not be read or parsed (with ``failures``).
    public var failed = 0
    public var failures: [String] = []
  }

  /// One article to store, with the key its rows are replaced by.
  struct Pending: Sendable {
    var source: String
    var hash: String
    var article: Article
    /// The article's text is the `article` profile's output (parsed here with that
    /// profile), so its search keys need only the fold (``SearchKey/make(articleText:foldHamzaSeats:)``).
    var canonical = false
  }

  /// Articles per transaction.
  public var batchSize = 256
  /// Threads that compute keys of JSON Lines input (``build(jsonLines:)``); raw files
  /// are keyed on the batch engine's own threads, beside their parse.
  public var jobs = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

  /// Indexes raw article files: `arguments` are walked as `matn normalize` walks them
  /// and parsed by the same engine (``ArticleBatch``). Files whose content is indexed
  /// already are not read again (``ArticleBatch/Configuration/only``); a site's
  /// boilerplate is then learned from its changed files only.
  @discardableResult
  public func build(
    arguments: [BatchArgument], configure: (inout ArticleBatch.Configuration) -> Void = { _ in },
    progress: (Int, Int) -> Void = { _, _ in }
  ) throws -> BuildSummary {
    try building { try buildFiles(arguments: arguments, configure: configure, progress: progress) }
  }

  private func buildFiles(
    arguments: [BatchArgument], configure: (inout ArticleBatch.Configuration) -> Void,
    progress: (Int, Int) -> Void
  ) throws -> BuildSummary {
    var summary = BuildSummary()
    let inputs = BatchInputs.list(arguments)
    summary.inputs = inputs.count
    let known = try knownHashes()
    var changed: [FilePath] = []
    var sources: [[UInt8]: (source: String, hash: String)] = [:]
    var standardInput = false
    // Each file's content hash, read on every core (the batch has not started yet).
    let chunk = max(16, inputs.count / (4 * max(1, jobs)) + 1)
    let chunks = stride(from: 0, to: inputs.count, by: chunk).map { $0..<min($0 + chunk, inputs.count) }
    let hashes = ParallelBatches.map(chunks, jobs: jobs) { range -> [String?] in
      range.map { k in
        guard let path = inputs[k].path, inputs[k].problem == nil, let bytes = try? InputFile.read(path) else { return nil }
        return Self.hash(bytes)
      }
    }.flatMap { $0 }
    for (input, hash) in zip(inputs, hashes) {
      guard let path = input.path else {
        standardInput = true
        continue
      }
      guard let hash else {
        changed.append(path)  // the batch reports why
        continue
      }
      let source = Self.source(path)
      if known[source] == hash {
        summary.unchanged += 1
        continue
      }
      sources[path.bytes] = (source, hash)
      changed.append(path)
    }
    guard !changed.isEmpty || standardInput else { return summary }
    // The whole listing (the ids and site groups of normalize), only the changed files read.
    var configuration = ArticleBatch.Configuration(arguments: arguments)
    configuration.output = .stream
    configuration.listed = inputs
    if changed.count + (standardInput ? 1 : 0) < inputs.count {
      let wanted = Set(changed.map(\.bytes))
      configuration.only = { input in input.path.map { wanted.contains($0.bytes) } ?? true }
    }
    configure(&configuration)
    let canonical = configuration.parser.profile == .article
    // Each article's rows are computed on the batch's worker threads, beside its parsing
    // (the words' keys are shared through ``WordKeys``), so the writer thread only writes.
    let indexer = self.indexer, words = self.words
    configuration.attach = { article in
      Self.rows(Pending(source: "", hash: "", article: article, canonical: canonical), indexer: indexer, words: words)
    }
    configuration.rendersStream = false
    let batch = try ArticleBatch(configuration)
    var pending: [Rows] = []
    var failures: [String] = []
    let writer = try BatchWriter(self)
    try batch.run(
      progress: { progress($0.done, $0.total) },
      deliver: { item in
        guard !writer.failed else { return }
        switch item.result {
        case .failure(let failure):
          failures.append(failure.message)
        case .success(let article):
          let known = item.input.path.flatMap { sources[$0.bytes] }
          let source = known?.source ?? item.input.path.map(Self.source) ?? "stdin:\(article.id)"
          let hash = known?.hash ?? Self.hash(Array(article.plainText.utf8))
          guard var rows = item.attachment as? Rows else { preconditionFailure("an article without its rows") }
          rows.pending = Pending(source: source, hash: hash, article: article, canonical: canonical)
          pending.append(rows)
          if pending.count >= batchSize {
            writer.submit(rows: pending)
            summary.indexed += pending.count
            pending.removeAll(keepingCapacity: true)
          }
        }
      })
    writer.submit(rows: pending)
    summary.indexed += pending.count
    try writer.finish()
    summary.failed = failures.count
    summary.failures = failures
    return summary
  }

  /// Indexes articles already normalised: JSON Lines records as `matn normalize
  /// --format jsonl` writes them (error records are counted as failures). A record's
  /// source is its `id`; a record whose bytes are indexed already is skipped.
  @discardableResult
  public func build(jsonLines lines: some Sequence<[UInt8]>) throws -> BuildSummary {
    try building { try buildRecords(lines) }
  }

  private func buildRecords(_ lines: some Sequence<[UInt8]>) throws -> BuildSummary {
    var summary = BuildSummary()
    let known = try knownHashes()
    var pending: [Pending] = []
    let writer = try BatchWriter(self)
    for (number, line) in lines.enumerated() {
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      summary.inputs += 1
      let article: Article
      do {
        article = try ArticleJSON.decode(line)
      } catch {
        summary.failed += 1
        summary.failures.append("line \(number + 1): \(error)")
        continue
      }
      let source = "jsonl:" + article.id
      let hash = Self.hash(line)
      if known[source] == hash {
        summary.unchanged += 1
        continue
      }
      pending.append(Pending(source: source, hash: hash, article: article))
      if pending.count >= batchSize {
        writer.submit(pending)
        summary.indexed += pending.count
        pending.removeAll(keepingCapacity: true)
      }
      if writer.failed { break }
    }
    writer.submit(pending)
    summary.indexed += pending.count
    try writer.finish()
    return summary
  }

  private func knownHashes() throws(SQLiteError) -> [String: String] {
    var out: [String: String] = [:]
    let read = try db.statement("SELECT source, hash FROM articles")
    while try read.step() { out[read.text(0)] = read.text(1) }
    return out
  }

  /// The rows of one article, computed off the database thread.
  struct Rows: Sendable {
    struct Mention: Sendable {
      var name: ExtractedName
      var paragraph: Int?
      var offset: Int?
      var keys: [NameKey]
    }
    var pending: Pending
    var paragraphKeys: [(keys: String, roman: String, sound: String)]
    var mentions: [Mention]
  }

  static func rows(_ pending: Pending, indexer: NameIndexer, words: WordKeys) -> Rows {
    let article = pending.article
    let keys = article.paragraphs.map { p in
      let key = pending.canonical ? SearchKey.make(articleText: p.text) : SearchKey.make(p.text)
      let (roman, sound) = words.columns(key)
      return (key, roman, sound)
    }
    let mentions = article.names.map { name -> Rows.Mention in
      let (paragraph, offset) = Self.locate(name, in: article.paragraphs)
      return Rows.Mention(name: name, paragraph: paragraph, offset: offset, keys: words.mentionKeys(name.text))
    }
    return Rows(pending: pending, paragraphKeys: keys, mentions: mentions)
  }

  /// The paragraph and UTF-8 byte offset of a name's first mention: the name as
  /// written, or else its longest word.
  static func locate(_ name: ExtractedName, in paragraphs: [Article.Paragraph]) -> (Int?, Int?) {
    var needles = [name.text]
    needles += MentionKeys.words(name.text).sorted { $0.utf8.count > $1.utf8.count }
    for needle in needles where !needle.isEmpty {
      let n = Array(needle.utf8)
      for (k, paragraph) in paragraphs.enumerated() {
        if let at = Self.find(n, in: Array(paragraph.text.utf8)) { return (k, at) }
      }
    }
    return (nil, nil)
  }

  static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard needle.count <= haystack.count, let first = needle.first else { return nil }
    var i = 0
    while i + needle.count <= haystack.count {
      if haystack[i] == first && haystack[i..<i + needle.count].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }

  /// Writes `pending` in one transaction, replacing the rows of their sources.
  func write(_ pending: [Pending]) throws {
    guard !pending.isEmpty else { return }
    try write(rows: computeRows(pending))
  }

  /// Writes the rows of articles in one transaction, replacing the rows of their sources.
  func write(rows computed: [Rows]) throws {
    guard !computed.isEmpty else { return }
    languages = nil
    reverseCache.removeAll()
    let fresh = words.fresh()
    try db.transaction {
      for rows in computed { try write(rows) }
      // The native words first seen in this batch (a word already stored is kept).
      let word = try db.statement("INSERT OR IGNORE INTO words(sound, word) VALUES (?, ?)")
      for w in fresh {
        word.reset()
        try word.bind(.text(w.sound), .text(w.word)).run()
      }
    }
  }

  /// Each thread takes every `threads`-th article.
  private func computeRows(_ pending: [Pending]) -> [Rows] {
    let threads = max(1, min(jobs, pending.count / 8))
    let indexer = self.indexer, words = self.words
    let parts = ParallelBatches.map(Array(0..<threads), jobs: threads) { t -> [Rows] in
      stride(from: t, to: pending.count, by: threads).map { k in Self.rows(pending[k], indexer: indexer, words: words) }
    }
    return pending.indices.map { k in parts[k % threads][k / threads] }
  }

  private func write(_ rows: Rows) throws(SQLiteError) {
    let p = rows.pending
    try delete(source: p.source)
    let article = p.article
    try db.statement("INSERT INTO articles(source, name, title, language, published, hash) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(
        .text(p.source), .text(article.id), .optional(article.title), .optional(article.languages.first?.language),
        .optional(article.published?.date.description), .text(p.hash)
      ).run()
    let id = db.lastInsertRowID
    let paragraph = try db.statement("INSERT INTO paragraphs(article, n, language, text) VALUES (?, ?, ?, ?)")
    let fts = try db.statement("INSERT INTO text_keys(rowid, keys, roman, sound) VALUES (?, ?, ?, ?)")
    for (n, para) in article.paragraphs.enumerated() {
      paragraph.reset()
      try paragraph.bind(.int(id), .int(n), .text(para.language), .text(para.text)).run()
      fts.reset()
      let k = rows.paragraphKeys[n]
      try fts.bind(.int(db.lastInsertRowID), .text(k.keys), .text(k.roman), .text(k.sound)).run()
    }
    let mention = try db.statement(
      "INSERT INTO mentions(article, text, script, display, ascii, phonetic, count, paragraph, offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    let key = try db.statement("INSERT INTO name_keys(key, kind, mention, article, ascii, whole, rank) VALUES (?, ?, ?, ?, ?, ?, ?)")
    for m in rows.mentions {
      mention.reset()
      try mention.bind(
        .int(id), .text(m.name.text), .text(m.name.script), .text(m.name.display), .text(m.name.key), .text(m.name.phonetic),
        .int(m.name.mentions), m.paragraph.map { .int($0) } ?? .null, m.offset.map { .int($0) } ?? .null
      ).run()
      let mentionID = db.lastInsertRowID
      for k in m.keys {
        key.reset()
        try key.bind(.text(k.key), .int(k.kind.rawValue), .int(mentionID), .int(id), .text(k.ascii), .int(k.whole ? 1 : 0), .int(k.rank)).run()
      }
    }
  }

  private func delete(source: String) throws(SQLiteError) {
    let find = try db.statement("SELECT id FROM articles WHERE source = ?").bind(.text(source))
    guard try find.step() else { return }
    let id = find.int(0)
    find.reset()
    try db.statement("DELETE FROM text_keys WHERE rowid IN (SELECT id FROM paragraphs WHERE article = ?)").bind(.int(id)).run()
    for table in ["paragraphs", "mentions", "name_keys"] {
      try db.statement("DELETE FROM \(table) WHERE article = ?").bind(.int(id)).run()
    }
    try db.statement("DELETE FROM articles WHERE id = ?").bind(.int(id)).run()
  }

  /// How many articles, paragraphs and mentions the index holds.
  public func counts() throws(SQLiteError) -> (articles: Int, paragraphs: Int, mentions: Int) {
    func count(_ table: String) throws(SQLiteError) -> Int {
      let s = try db.statement("SELECT count(*) FROM \(table)")
      _ = try s.step()
      defer { s.reset() }
      return Int(s.int(0))
    }
    return (try count("articles"), try count("paragraphs"), try count("mentions"))
  }

  /// A file's source key: its absolute path with links resolved (the path as given when
  /// that fails), so runs from other directories replace the same rows.
  static func source(_ path: FilePath) -> String {
    let resolved: String? = path.withPlatformString { p in
      guard let r = realpath(p, nil) else { return nil }
      defer { free(r) }
      return String(cString: r)
    }
    return resolved ?? BatchPath.display(path)
  }

  /// FNV-1a (64 bits) of the content and the index format, in hex.
  static func hash(_ bytes: [UInt8]) -> String {
    let h = bytes.withUnsafeBufferPointer { FNV.hash(bytes: $0) }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex + "/" + String(bytes.count)
  }
}

/// Writes batches of articles on threads of their own, one batch at a time and in
/// order, while the caller parses the next: each batch's thread waits for the one
/// before (so one transaction is open at a time and the connection has one user), and
/// ``submit(_:)`` returns at once unless ``maxPending`` batches are waiting already (a
/// slow write, an FTS5 merge, then holds the parse back only when it falls that far
/// behind). The first error stops the writes and is thrown by ``finish()``.
final class BatchWriter: @unchecked Sendable {
  private let index: ArticleIndex
  /// The last batch's thread (it joins the one before it).
  private var thread: WorkerThread?
  private let error = Mutex<(any Error)?>(nil)
  /// Batches submitted and not yet written.
  private let pending = Atomic<Int>(0)
  /// How many batches may wait to be written before ``submit(_:)`` waits.
  static let maxPending = 3

  /// Leaves the write-ahead log to grow while batches are written (no checkpoint after
  /// each commit: a page that several batches change is copied into the database once);
  /// ``finish()`` checkpoints it. Each batch is still a commit of its own in the log,
  /// so a build killed part-way leaves the batches committed before.
  init(_ index: ArticleIndex) throws(SQLiteError) {
    self.index = index
    try index.db.execute("PRAGMA wal_autocheckpoint=0")
  }

  /// Whether a write failed.
  var failed: Bool { error.withLock { $0 != nil } }

  func submit(_ batch: [ArticleIndex.Pending]) {
    submit(batch.isEmpty) {
      try $0.write(batch)
      try $0.flushUnpublished()
    }
  }

  /// A batch whose rows are computed already.
  func submit(rows batch: [ArticleIndex.Rows]) {
    submit(batch.isEmpty) {
      try $0.write(rows: batch)
      try $0.flushUnpublished()
    }
  }

  private func submit(_ empty: Bool, _ work: @escaping @Sendable (ArticleIndex) throws -> Void) {
    guard !failed, !empty else { return }
    while pending.load(ordering: .acquiring) >= Self.maxPending { usleep(500) }
    pending.add(1, ordering: .relaxed)
    let previous = thread
    thread = WorkerThread { [self] in
      previous?.join()
      defer { pending.subtract(1, ordering: .releasing) }
      guard !failed else { return }
      do { try work(index) } catch let failure { error.withLock { $0 = failure } }
    }
  }

  /// Waits for the last batch, checkpoints the log (as far as readers let it); throws
  /// the first error.
  func finish() throws {
    thread?.join()
    thread = nil
    // The checkpoint may wait for a reader (a statement of this connection left
    // stepping, another process): the log is then checkpointed by a later commit.
    try? index.db.execute("PRAGMA wal_autocheckpoint=\(ArticleIndex.autocheckpoint); PRAGMA wal_checkpoint(PASSIVE)")
    if let failure = error.withLock({ $0 }) { throw failure }
  }
}
