#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

import ArgumentParser
import Matn
import SystemPackage

/// `matn normalize`: the main job. Raw article files in, one clean `Article` each out,
/// as JSON, JSON Lines or clean text. The work is the library's `ArticleBatch` and
/// `ArticleRecordFilter`; this command maps flags to them and writes bytes.
struct Normalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normalize",
    abstract: "Parse raw article files into clean articles (JSON, JSON Lines or text).",
    discussion: """
      Each input file (or standard input for '-'; directories are walked recursively in \
      byte order of names, names beginning with '_' or '.' included) is decoded, \
      normalised and parsed into an article: title, dateline and publication date, \
      body paragraphs with their language and scripts, credits and boilerplate set \
      aside with reasons, names with index keys, and a report of what was changed or \
      removed.

      Output: articles go to standard output, or with -o FILE into that one file (as \
      with sort -o and uconv -o). The format depends only on the command line, never \
      on how many files a directory holds: JSON for one file argument (or '-'), JSON \
      Lines for a directory, several arguments or --paths-from; --format overrides. \
      With --output-dir DIR, one file per input: DIR/<id>.json (or .txt with --format \
      text; JSON Lines is one stream and has no per-file form). -o PATH means a \
      directory, as --output-dir does, only when PATH ends with '/' or is an existing \
      directory (and the format is not jsonl), or when several inputs (a directory, \
      several arguments, --paths-from) are asked for in a per-file format (--format \
      json or text); otherwise it is a file. Outputs are written atomically (a \
      temporary file, then a rename).

      Formats: json and jsonl carry the whole article (the schema: --schema; JSON \
      Lines also carries error records). text carries the title and the body \
      paragraphs only: dateline, date, byline, credits, boilerplate, names and the \
      report are left out; --with-metadata keeps dateline, date, byline and credits \
      in a header block of "Field: value" lines. With several inputs on one stream, \
      each text article follows a "==> PATH <==" line.

      Messages: warnings (a decoding repair that changed the text, a date not used, a \
      line too long) go to standard error; --verbose adds notes that change nothing, \
      such as a removed byte order mark (also in the JSON's source.repairs).

      Ids and output names: a file's path under its directory argument without the \
      extension; with several arguments each keeps the shortest tail of its path that \
      tells it from the others (site0/art0000, site1/art0000). Ids are unique in a run \
      (two files that would share one keep their extensions; otherwise ~2, ~3… is \
      added). File names are bytes: names in NFC and NFD stay apart, and names that are \
      not UTF-8 are read and written as they are (ids show their bytes as %XX; JSON \
      gives source.path with U+FFFD and source.pathBytes in base64).

      Safety: inputs are never written. An output that is an input, an output \
      directory that is an input directory, or outputs that would land inside an input \
      directory are refused before anything is written; walks skip the output \
      directory. When an input fails, an output an earlier run left for it is removed. \
      Temporary files are named .<name>.matn-tmp-<pid>-XXXXXX; those of runs that no \
      longer exist are removed from the output directory at the start, and SIGINT, \
      SIGTERM and SIGHUP remove those in flight.

      Batches: a first pass counts lines repeated at the top and bottom of the files \
      of each directory (each distinct file once), so a site's unknown headers and \
      footers are set aside as boilerplate (--no-site-boilerplate turns it off). A \
      file that cannot be read, is binary, empty or undecodable is reported (on \
      standard error, and as an error record in JSON Lines) and the batch goes on; a \
      summary line ends the run. The result is the same at any --jobs.

      Filter mode (--jsonl): standard input holds one JSON record per line, \
      {"id": …, "text": …}, {"id": …, "base64": …} (bytes in any charset, standard or \
      URL-safe alphabet) or {"id": …, "path": …} (optional "title"); exactly one JSON \
      line comes out per line in, in order — the article, or \
      {"id": …, "line": N, "error": {"kind": …, "message": …}} ("id" is null when none \
      could be read). A number id is kept as written. Path records open regular files \
      only; --path-root DIR confines them to DIR, --no-paths refuses them. A path's \
      bytes that are not UTF-8 are written as the escapes \\udc80–\\udcff (Python's \
      surrogateescape). This is the interface for Spark's RDD.pipe, Hadoop Streaming \
      and Beam.

      Exit status: 0 when every input gave an article (in filter mode: when every line \
      got its record, error records included); 1 when an input failed or an output \
      could not be written; 64 when the command line is wrong (unknown or conflicting \
      options, an output that would overwrite an input).
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, text
  }

  @Option(name: .long, help: "Output format: json, jsonl or text (default: json for one file argument, jsonl otherwise).")
  var format: Format?

  @Option(
    name: [.short, .customLong("output")],
    help: "Write the output to this file (a directory only as described under Output below).")
  var output: String?

  @Option(name: .long, help: "Write one file per input into this directory (DIR/<id>.json or .txt).")
  var outputDir: String?

  @Flag(name: .long, help: "With --format text, a header of dateline, date, byline and credits before each article.")
  var withMetadata = false

  @Flag(name: .long, help: "Also print notes that change nothing (a removed byte order mark) on standard error.")
  var verbose = false

  @Flag(name: .long, help: "Filter mode: JSON Lines records in on standard input, one JSON line out per line in.")
  var jsonl = false

  @Option(name: .long, help: "Filter mode: open path records only inside this directory.")
  var pathRoot: String?

  @Flag(name: .long, help: "Filter mode: refuse path records (records must carry text or base64).")
  var noPaths = false

  @Option(name: .long, parsing: .unconditional, help: "Worker threads (default: the number of processors).")
  var jobs: Int?

  @Option(name: .long, help: "Normaliser profile: display, article (default), model or index.")
  var profile: TextNormalizer.Profile = .article

  @OptionGroup var style: StyleOptions

  @Flag(name: .long, help: "Do not learn site boilerplate from lines repeated across a directory's files.")
  var noSiteBoilerplate = false

  @Flag(name: .long, help: "Do not extract person names.")
  var noNames = false

  @Option(name: .long, help: "Largest input file or record in bytes (default: 268435456, 256 MiB).")
  var maxBytes: Int = 256 << 20

  @Flag(
    name: .long,
    help: "No progress bar and no summary line when every file parsed; failures and their count are still reported.")
  var quiet = false

  @Flag(name: .long, help: "Print the JSON Schema of the article JSON and exit.")
  var schema = false

  @OptionGroup var decoding: DecodingOptions

  @Argument(help: "Files or directories; '-' reads standard input.")
  var inputs: [String] = []

  private var pathsFrom: String? { decoding.pathsFrom }

  func validate() throws {
    if jsonl && (!inputs.isEmpty || pathsFrom != nil) {
      throw ValidationError("--jsonl reads its records from standard input; give no files and no --paths-from.")
    }
    if jsonl && (format == .json || format == .text) {
      throw ValidationError("--jsonl writes JSON Lines; --format \(format!.rawValue) does not apply.")
    }
    if jsonl && (output != nil || outputDir != nil) {
      throw ValidationError("--jsonl writes to standard output; -o and --output-dir do not apply.")
    }
    if output != nil && outputDir != nil { throw ValidationError("-o and --output-dir exclude each other.") }
    if outputDir != nil && format == .jsonl {
      throw ValidationError("--output-dir writes one file per input; JSON Lines is one stream: use -o FILE.")
    }
    if withMetadata && format != .text { throw ValidationError("--with-metadata applies to --format text.") }
    if outputDir == "" { throw ValidationError("--output-dir needs a directory; an empty path names nothing.") }
    if !jsonl && (pathRoot != nil || noPaths) { throw ValidationError("--path-root and --no-paths apply to --jsonl records.") }
    if pathRoot != nil && noPaths { throw ValidationError("--path-root and --no-paths exclude each other.") }
    if output == "" { throw ValidationError("-o needs a path; an empty one names nothing.") }
    if pathRoot == "" { throw ValidationError("--path-root needs a directory.") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs)).") }
    if maxBytes < 1 { throw ValidationError("--max-bytes must be positive.") }
    if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be read only once.") }
  }

  func run() throws {
    if schema {
      var stdout = StandardOutput()
      stdout.write(Article.jsonSchema)
      stdout.flush()
      return
    }
    if style.printStyle { return try style.print(profile: profile) }
    let houseStyle = try style.houseStyle()
    if jsonl {
      try runFilter(style: houseStyle)
      return
    }
    let arguments = try decoding.arguments(inputs)
    var configuration = ArticleBatch.Configuration(arguments: arguments)
    let several = arguments.count > 1 || pathsFrom != nil || Self.hasDirectory(arguments)
    let asked = self.format
    let directory = outputDir ?? output.flatMap { Self.namesDirectory($0, several: several, format: asked) ? $0 : nil }
    let format = self.format ?? (directory != nil ? .json : several ? .jsonl : .json)
    configuration.format = ArticleBatch.Format(rawValue: format.rawValue)!
    if let directory {
      configuration.output = .directory(RawArguments.path(directory))
    } else if let output {
      configuration.output = .file(RawArguments.path(output))
    }
    configuration.textHeaders = format == .text && directory == nil && several
    configuration.textMetadata = withMetadata
    configure(&configuration.parser, &configuration.decoding, &configuration.limits, style: houseStyle)
    if let jobs { configuration.jobs = jobs }
    configuration.learnsSiteBoilerplate = !noSiteBoilerplate
    try BatchRun(configuration: configuration, quiet: quiet, verbose: verbose).run()
  }

  private func configure(
    _ parser: inout ArticleParser.Options, _ decoding: inout DecodingPolicy, _ limits: inout ArticleBatch.Limits,
    style: HouseStyle?
  ) {
    parser.profile = profile
    parser.houseStyle = style
    parser.extractsNames = !noNames
    decoding = self.decoding.policy
    limits.fileBytes = maxBytes
  }

  private func runFilter(style houseStyle: HouseStyle?) throws {
    var configuration = ArticleRecordFilter.Configuration()
    configure(&configuration.parser, &configuration.decoding, &configuration.limits, style: houseStyle)
    if let jobs { configuration.jobs = jobs }
    if noPaths { configuration.paths = .forbidden }
    if let pathRoot {
      let root = RawArguments.path(pathRoot)
      guard root.isDirectory else {
        throw ValidationError("--path-root '\(root.displayString)' is not a directory.")
      }
      configuration.paths = .within(root)
    }
    var stdout = StandardOutput()
    let (_, readError) = ArticleRecordFilter(configuration).run(readingFrom: 0) { stdout.write(bytes: $0) }
    stdout.flush()
    if let readError {
      Diagnostics.error("cannot read standard input: \(String(cString: strerror(readError)))")
      throw ExitCode(1)
    }
  }

  /// Whether `-o PATH` names a directory: PATH ends with '/' or is an existing
  /// directory, or several inputs are asked for in a per-file format (json, text).
  static func namesDirectory(_ output: String, several: Bool, format: Format?) -> Bool {
    guard format != .jsonl else { return false }  // one stream: a directory there is an error
    return output.hasSuffix("/") || RawArguments.path(output).isDirectory || (several && (format == .json || format == .text))
  }

  static func hasDirectory(_ arguments: [BatchArgument]) -> Bool {
    arguments.contains { argument in
      guard case .path(let path) = argument else { return false }
      return path.isDirectory
    }
  }
}
