import ArgumentParser
import Matn
import MatnIndex
import SystemPackage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// `matn index`: the embedded article index (SQLite).
struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract: "Build an embedded article index (SQLite) for matn search.",
    subcommands: [IndexBuild.self]
  )
}

/// `matn index build`: articles into the index.
struct IndexBuild: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Parse raw article files (as matn normalize does) into an SQLite index.",
    discussion: """
      Files and directories are walked and parsed as matn normalize parses them; \
      articles, paragraphs, person-name mentions with their keys (display, ASCII and \
      phonetic, from the top romanisations) and offsets, and a full-text table (FTS5) \
      over the paragraphs' search keys (the index profile) are stored in --db, which \
      is created if missing. With --jsonl the inputs are JSON Lines of articles that \
      matn normalize --format jsonl wrote. Incremental: a file (or record) whose \
      content is indexed already is skipped; a changed one has its rows replaced. The \
      database is in WAL mode with one transaction per batch of articles: a build that \
      is killed leaves the index as of its last batch, usable. Exit code 1 when an \
      input could not be read or parsed (the others are indexed).
      """
  )

  @Option(name: .long, help: "The index database (SQLite) to create or update.")
  var db: String

  @Flag(name: .long, help: "Inputs are JSON Lines of articles (matn normalize --format jsonl).")
  var jsonl = false

  @Option(name: .long, help: "Parallel jobs (default: the number of cores).")
  var jobs: Int?

  @Flag(name: .long, help: "No summary line.")
  var quiet = false

  @Option(name: .long, help: "Articles per transaction (default 256): what a killed build can lose.")
  var batch = 256

  @Argument(help: "Files or directories; '-' reads standard input.")
  var inputs: [String] = []

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    if batch < 1 { throw ValidationError("--batch must be at least 1 (got \(batch))") }
  }

  func run() throws {
    let start = Progress.now()
    let summary: ArticleIndex.BuildSummary
    do {
      let index = try ArticleIndex(path: db)
      if let jobs { index.jobs = jobs }
      index.batchSize = batch
      if jsonl {
        summary = try index.build(jsonLines: JSONLinesInput(inputs.isEmpty ? ["-"] : inputs))
      } else {
        let arguments = (inputs.isEmpty ? ["-"] : inputs).map(RawArguments.argument)
        summary = try index.build(arguments: arguments) { configuration in
          if let jobs { configuration.jobs = jobs }
        }
      }
    } catch {
      Diagnostics.error("\(db): \(error)")
      throw ExitCode(1)
    }
    for failure in summary.failures { Diagnostics.error(failure) }
    if !quiet {
      let seconds = Progress.now() - start
      let rate = Double(summary.indexed) / max(seconds, 1e-6)
      Diagnostics.error(
        "\(summary.inputs) input\(summary.inputs == 1 ? "" : "s"): \(summary.indexed) indexed, \(summary.unchanged) unchanged, "
          + "\(summary.failed) failed; \(String(format1: seconds)) s (\(Int(rate)) articles/s)")
    }
    if summary.failed > 0 { throw ExitCode(1) }
  }
}

/// The lines of JSON Lines files (or standard input), in order.
struct JSONLinesInput: Sequence {
  let files: [String]
  init(_ files: [String]) { self.files = files }

  func makeIterator() -> AnyIterator<[UInt8]> {
    var remaining = files[...]
    var reader: LineReader?
    var fd: Int32 = -1
    return AnyIterator {
      while true {
        if var r = reader {
          let line = r.next()
          reader = r
          switch line {
          case .bytes(let bytes): return bytes
          case .tooLong(let n): return Array("{\"error\":\"line of \(n) bytes is too long\"}".utf8)
          case nil:
            if fd > 0 { close(fd) }
            reader = nil
          }
        }
        guard let next = remaining.popFirst() else { return nil }
        fd = next == "-" ? 0 : RawArguments.path(next).withPlatformString { open($0, O_RDONLY) }
        if fd < 0 {
          Diagnostics.error("cannot read \(next): \(String(cString: strerror(errno)))")
          continue
        }
        reader = LineReader(fd: fd, limit: 256 << 20)
      }
    }
  }
}

/// `matn search`: articles of an index for a query in any script.
struct Search: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search an article index (matn index build) by name or text, in any script.",
    discussion: """
      The query is normalised and keyed as the index was: a person's name in Persian \
      script finds English articles about them and the other way round. Articles that \
      mention the query as a name come first (the same spelling, then the same \
      romanisation, then the same consonant skeleton ranked by how close the spellings \
      are), then by bm25; then, unless --names-only, articles whose text matches. Text \
      output: one block per article (rank, id, match, mention and offset, snippet); \
      --format jsonl: one object per article with the fields article, title, source, \
      language, match, mention, display, paragraph, offset (UTF-8 bytes in the \
      paragraph), snippet, similarity, bm25.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl
  }

  @Option(name: .long, help: "The index database (matn index build).")
  var db: String

  @Option(name: .long, help: "Output format: text or jsonl.")
  var format: Format = .text

  @Flag(name: .long, help: "Only articles that mention the query as a name.")
  var namesOnly = false

  @Option(name: .long, help: "Only articles in this language (en, fa…).")
  var lang: String?

  @Option(name: .long, help: "At most this many articles (default 10).")
  var limit = 10

  @Option(
    name: .long,
    help:
      "Run each line of this file as a query ('-': standard input); the latency (after loading the tables and index pages and one untimed query) goes to standard error."
  )
  var queries: String?

  @Option(name: .long, help: .hidden)
  var familyNameShare: Double?

  @Option(name: .long, help: .hidden)
  var familyNameTextShare: Double?

  @Option(name: .long, help: .hidden)
  var familyNameMentionShare: Double?

  @Option(name: .long, help: .hidden)
  var nearSimilarity: Double?

  @Option(name: .long, help: .hidden)
  var nameWindow: Int?

  @Option(name: .long, help: .hidden)
  var familyNameOwnership: Double?

  @Option(name: .long, help: .hidden)
  var familyNameSimilarity: Double?

  @Option(name: .long, help: .hidden)
  var soundLetters: Int?

  @Option(name: .long, help: .hidden)
  var reverseNameShare: Double?

  @Argument(help: "The query: a name or words, in any script.")
  var query: String?

  func validate() throws {
    if (query == nil) == (queries == nil) { throw ValidationError("give one query, or --queries FILE.") }
  }

  func run() throws {
    var options = SearchOptions()
    options.limit = max(0, limit)
    options.namesOnly = namesOnly
    options.language = lang
    if let familyNameShare { options.familyNameShare = familyNameShare }
    if let familyNameTextShare { options.familyNameTextShare = familyNameTextShare }
    if let familyNameMentionShare { options.familyNameMentionShare = familyNameMentionShare }
    if let nearSimilarity { options.nearSimilarity = nearSimilarity }
    if let nameWindow { options.nameWindow = nameWindow }
    if let familyNameOwnership { options.familyNameOwnership = familyNameOwnership }
    if let familyNameSimilarity { options.familyNameSimilarity = familyNameSimilarity }
    if let soundLetters { options.soundLetters = soundLetters }
    if let reverseNameShare { options.reverseNameShare = reverseNameShare }
    var out = StandardOutput()
    do {
      let index = try ArticleIndex(path: db, readOnly: true)
      guard let queries else {
        let query = self.query ?? ""
        let hits = try index.search(query, options: options)
        write(hits, query: nil, to: &out)
        out.flush()
        if hits.isEmpty && format == .text { Diagnostics.error("no match for \(query)") }
        return
      }
      var times: [Double] = [], cpu: [Double] = []
      let lines = JSONLinesInput([queries]).map { String(decoding: $0, as: UTF8.self) }.filter { !$0.isEmpty }
      // Untimed: what the first searches would load (tables, models, the index's pages),
      // and one search.
      try index.prepare()
      if let first = lines.first { _ = try index.search(first, options: options) }
      for query in lines {
        let start = Progress.now(), startCPU = Self.threadCPU()
        let hits = try index.search(query, options: options)
        times.append(Progress.now() - start)
        cpu.append(Self.threadCPU() - startCPU)
        write(hits, query: query, to: &out)
      }
      out.flush()
      if !times.isEmpty {
        // Wall time, and the thread's CPU time (what a loaded machine's waits leave out).
        func ms(_ values: [Double], _ q: Double) -> String {
          let sorted = values.sorted()
          return String(format1: sorted[min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.up)) - 1)], scale: 1000)
        }
        Diagnostics.error(
          "\(times.count) queries: p50 \(ms(times, 0.5)) ms, p99 \(ms(times, 0.99)) ms, max \(ms(times, 1)) ms; "
            + "CPU p50 \(ms(cpu, 0.5)) ms, p99 \(ms(cpu, 0.99)) ms, max \(ms(cpu, 1)) ms")
      }
    } catch {
      Diagnostics.error("\(db): \(error)")
      throw ExitCode(1)
    }
  }

  /// This thread's CPU time, in seconds.
  static func threadCPU() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  private func write(_ hits: [SearchHit], query: String?, to out: inout StandardOutput) {
    if let query, format == .text { out.write("==> \(query) <==\n") }
    for (k, hit) in hits.enumerated() {
      switch format {
      case .jsonl:
        var line = hit.jsonLine
        if let query {
          line.removeFirst()
          line = "{\"query\":" + SearchHit.jsonString(query) + "," + line
        }
        out.write(line + "\n")
      case .text:
        var line = "\(k + 1). \(hit.article)"
        if let title = hit.title { line += " — \(title)" }
        line += "\n   \(hit.match.rawValue)"
        if let mention = hit.mention {
          line += ": \(mention)"
          if let display = hit.display, display != mention { line += " (\(display))" }
        }
        if let p = hit.paragraph { line += " ¶\(p)" + (hit.offset.map { "@\($0)" } ?? "") }
        line += "\n   \(hit.snippet)\n"
        out.write(line)
      }
    }
  }
}
