import ArgumentParser
import Foundation
import Matn

/// `matn normalize`: the main job. Raw article files in, one clean `Article` each out,
/// as JSON, JSON Lines or clean text; in parallel, with bounded memory, atomic outputs
/// and a record of every problem.
struct Normalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Parse raw article files into clean articles (JSON, JSON Lines or text).",
    discussion: """
      Each input file (or standard input for '-'; directories are walked recursively, \
      names beginning with '_' or '.' included) is decoded, normalised and parsed into \
      an article: title, dateline and publication date, body paragraphs with their \
      language and scripts, credits and boilerplate set aside with reasons, names \
      with index keys, and a report of what was changed or removed.

      Output: without -o, articles go to standard output — JSON for a single input, \
      JSON Lines for several (or as --format says). With -o DIR and --format json or \
      text, one file per input under DIR (DIR/<name>.json, subdirectories mirrored); \
      with --format jsonl, -o names one output file. Every output file is written \
      atomically (a temporary file, then a rename).

      Batches: a first pass counts lines repeated at the top and bottom of the files \
      of each directory, so a site's unknown headers and footers are set aside as \
      boilerplate (--no-site-boilerplate turns it off). A file that cannot be read, \
      is binary, empty or undecodable is reported (on standard error, and as an error \
      record in JSON Lines) and the batch goes on; a summary line ends the run; the \
      exit status is 1 if any file failed.

      Filter mode (--jsonl): standard input holds one JSON record per line, \
      {"id": …, "text": …}, {"id": …, "base64": …} (bytes in any charset) or \
      {"id": …, "path": …} (optional "title"); exactly one JSON line comes out per \
      line in, in order — the article, or \
      {"id": …, "error": {"kind": …, "message": …}}. This is the interface for \
      Spark's RDD.pipe, Hadoop Streaming and Beam.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, text
  }

  @Option(name: .long, help: "Output format: json, jsonl or text (default: json for one input, jsonl for several).")
  var format: Format?

  @Option(name: [.short, .customLong("output")], help: "Output directory (json, text) or file (jsonl).")
  var output: String?

  @Flag(name: .long, help: "Filter mode: JSON Lines records in on standard input, one JSON line out per line in.")
  var jsonl = false

  @Option(name: .long, help: "Read input paths, one per line, from this file ('-' for standard input).")
  var pathsFrom: String?

  @Option(name: .long, help: "Worker threads (default: the number of processors).")
  var jobs: Int?

  @Option(name: .long, help: "Normaliser profile: display, article (default), model or index.")
  var profile: TextNormalizer.Profile = .article

  @Flag(name: .long, help: "Do not learn site boilerplate from lines repeated across a directory's files.")
  var noSiteBoilerplate = false

  @Flag(name: .long, help: "Do not extract person names.")
  var noNames = false

  @Option(name: .long, help: "Largest input file in bytes (default: 268435456, 256 MiB).")
  var maxBytes: Int = 256 << 20

  @Flag(name: .long, help: "No progress bar, even on a terminal.")
  var quiet = false

  @Flag(name: .long, help: "Print the JSON Schema of the article JSON and exit.")
  var schema = false

  @OptionGroup var decoding: DecodingOptions

  @Argument(help: "Files or directories; '-' reads standard input.")
  var inputs: [String] = []

  func validate() throws {
    if jsonl && (!inputs.isEmpty || pathsFrom != nil) {
      throw ValidationError("--jsonl reads its records from standard input; give no files and no --paths-from.")
    }
    if jsonl && (format == .json || format == .text) {
      throw ValidationError("--jsonl writes JSON Lines; --format \(format!.rawValue) does not apply.")
    }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    if maxBytes < 1 { throw ValidationError("--max-bytes must be positive.") }
  }

  var workerCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

  func run() throws {
    if schema {
      var stdout = StandardOutput()
      stdout.write(Article.jsonSchema)
      stdout.flush()
      return
    }
    if jsonl {
      try JSONLinesFilter(command: self).run()
      return
    }
    var paths = InputPaths()
    if let pathsFrom {
      do { try paths.add(listFrom: pathsFrom) } catch {
        throw ValidationError(error.description)
      }
    }
    paths.add(inputs.isEmpty && pathsFrom == nil ? ["-"] : inputs)
    try ArticleBatch(command: self, entries: paths.entries).run()
  }

  /// The parser options for a group of files.
  func parserOptions(site: SiteBoilerplate? = nil) -> ArticleParser.Options {
    var options = ArticleParser.Options()
    options.profile = profile
    options.siteBoilerplate = site
    options.extractsNames = !noNames
    return options
  }
}

/// Why one input produced no article.
struct ArticleFailure: Error, Sendable {
  enum Kind: String, Sendable {
    case unreadable, binary, empty, undecodable, tooLarge = "too-large", invalidRecord = "invalid-record", output
  }
  var kind: Kind
  var message: String
}

/// Reads, decodes and parses one input; shared by batch and filter modes.
struct ArticleJob: Sendable {
  let parser: ArticleParser
  let encoding: String?
  let strict: Bool
  let maxBytes: Int

  func article(path: String, id: String) -> Result<Article, ArticleFailure> {
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(path, limit: maxBytes)
    } catch {
      if error.tooLarge {
        return .failure(ArticleFailure(kind: .tooLarge, message: "\(InputFile.displayName(path)): \(error.reason) (raise --max-bytes)"))
      }
      return .failure(ArticleFailure(kind: .unreadable, message: error.description))
    }
    return article(bytes: bytes, id: id, path: path)
  }

  func article(bytes: [UInt8], id: String, path: String?, title: String? = nil) -> Result<Article, ArticleFailure> {
    let name = path.map(InputFile.displayName) ?? "record '\(id)'"
    guard bytes.contains(where: { !Self.isBlank($0) }) else {
      return .failure(ArticleFailure(kind: .empty, message: "\(name): empty, no text"))
    }
    let decoded: DecodedText
    do {
      if let encoding {
        decoded = try DecodedText(bytes: bytes, encoding: .init(rawValue: encoding), strict: strict)
      } else {
        decoded = try DecodedText(bytes: bytes, strict: strict)
      }
    } catch {
      if case .binary = error { return .failure(ArticleFailure(kind: .binary, message: "\(name): \(error)")) }
      return .failure(ArticleFailure(kind: .undecodable, message: "\(name): \(error)"))
    }
    var parser = parser
    if let title {
      var options = parser.options
      options.givenTitle = title
      parser = ArticleParser(options: options)
    }
    return .success(parser.parse(decoded, id: id, path: path, byteCount: bytes.count))
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }
}

/// JSON for articles and error records.
enum ArticleJSON {
  static func encode(_ article: Article, pretty: Bool) -> [UInt8] { article.json(pretty: pretty) + [0x0A] }

  /// `{"id":…, "path":…, "error":{"kind":…, "message":…}}` and a newline.
  static func encode(error: ArticleFailure, id: String, path: String?) -> [UInt8] {
    var w = JSONWriter()
    w.beginObject()
    w.key("id"); w.string(id)
    if let path { w.key("path"); w.string(path) }
    w.key("error")
    w.beginObject()
    w.key("kind"); w.string(error.kind.rawValue)
    w.key("message"); w.string(error.message)
    w.endObject()
    w.endObject()
    return w.bytes + [0x0A]
  }
}
