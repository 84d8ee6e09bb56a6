import SystemPackage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The main job over many files: raw article files in, one ``Article`` each out, in
/// input order, in parallel, with bounded memory — the engine behind `matn normalize`.
///
/// ```swift
/// var configuration = ArticleBatch.Configuration(arguments: [.path("site0"), .path("site1")])
/// configuration.output = .directory("out")
/// configuration.format = .json
/// let batch = try ArticleBatch(configuration)   // lists inputs, checks outputs; writes nothing
/// let summary = try batch.run { item in
///   if case .failure(let failure) = item.result { print(failure.message) }
/// }
/// ```
///
/// What it guarantees:
/// - **Inputs are never written.** ``init(_:)`` refuses, before anything is written, an
///   output that is (or reaches through links) an input, an output directory that is an
///   input directory, and outputs that would land inside an input directory where a
///   later run would read them; walks skip the output directory and the output file.
/// - **Names never collide**: ids and output names are unique by construction (see
///   ``BatchInputs``); paths are bytes.
/// - **One answer at any number of jobs**: results come in input order; site
///   boilerplate counts each distinct file once, whatever thread read it.
/// - **Nothing stale looks current**: when an input fails, an output left at its path
///   by an earlier run is removed (``Item/removedStaleOutput``); stale temporary files
///   of ours in the output directory are removed at the start.
/// - **Bounded memory**: at most ``Limits/batchFiles`` files and ``Limits/batchBytes``
///   input bytes are parsed or wait to be delivered at once (at least one file); a
///   thread that finishes a file starts the next within those bounds, without waiting
///   for the others (``OrderedWork``).
public struct ArticleBatch: Sendable {
  public enum Format: String, Sendable, Hashable, CaseIterable {
    /// Pretty-printed JSON, one document per article.
    case json
    /// JSON Lines: one compact article (or error record) per line.
    case jsonl
    /// Clean text: the title and the paragraphs (``Article/plainText``), with
    /// ``Configuration/textMetadata`` a header of dateline, date, byline and credits.
    case text
  }

  /// Where articles go.
  public enum Output: Sendable, Hashable {
    /// Handed to the caller as bytes (``Item/bytes``), to write where it likes.
    case stream
    /// One file per input under this directory: `<dir>/<output name>.json` (or `.txt`).
    case directory(FilePath)
    /// One file for the whole batch (JSON Lines or text), written atomically at the end.
    case file(FilePath)
  }

  public struct Limits: Sendable, Hashable {
    /// The largest input file in bytes.
    public var fileBytes = 256 << 20
    /// Input bytes being parsed or waiting to be delivered at once (a larger file goes
    /// alone).
    public var batchBytes = 32 << 20
    /// Files being parsed or waiting to be delivered at once; nil: 32 per job, at
    /// least 64.
    public var batchFiles: Int?
    /// Input bytes the first pass (site boilerplate) keeps for the second, so that each
    /// file within it is read and decoded once; files beyond it are read again (and an
    /// article whose file changed in between says so in a warning). Held until the
    /// file is parsed, so it adds at most this much to peak memory.
    public var keptBytes = 4 << 20

    public init() {}
  }

  public struct Configuration: Sendable {
    public var arguments: [BatchArgument]
    public var output: Output = .stream
    public var format: Format = .jsonl
    /// Worker threads.
    public var jobs: Int = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    public var limits = Limits()
    public var parser = ArticleParser.Options()
    public var decoding = DecodingPolicy()
    /// Learn each directory's repeated edge lines as site boilerplate (a first pass).
    public var learnsSiteBoilerplate = true
    /// In text format, a `==> path <==` line before each article.
    public var textHeaders = false
    /// In text format, the dateline, date, byline and credits in a header block
    /// (``Article/text(metadata:)``).
    public var textMetadata = false
    /// The inputs to process, when not all: the others are listed (so ids are those of
    /// the whole listing) but never read. An incremental index passes the changed files.
    public var only: (@Sendable (BatchInput) -> Bool)?
    /// `BatchInputs.list(arguments)`, when the caller has listed them already (used only
    /// when nothing is skipped: a stream output, or an output outside the inputs).
    public var listed: [BatchInput]?
    /// Work on each parsed article done on the batch's worker threads, beside its
    /// parsing, its result delivered with the item (``Item/attachment``): an index
    /// computes an article's rows there, so only the writing is left to one thread.
    public var attach: (@Sendable (Article) -> any Sendable)?
    /// Whether ``Output/stream`` items carry their rendered ``Item/bytes``; a caller
    /// that reads only ``Item/result`` (an index) sets false and nothing is rendered.
    public var rendersStream = true

    public init(arguments: [BatchArgument]) {
      self.arguments = arguments
    }
  }

  /// Why a batch cannot start; nothing has been written.
  public enum SetupError: Error, Sendable, Hashable, CustomStringConvertible {
    case emptyOutputPath
    case standardInputTwice
    case outputIsInput(output: FilePath, input: FilePath)
    case outputDirectoryIsInput(FilePath)
    case outputInsideInput(output: FilePath, directory: FilePath)
    case outputIsDirectory(FilePath)
    case outputIsNotDirectory(FilePath)

    public var description: String {
      switch self {
      case .emptyOutputPath: "the output path is empty"
      case .standardInputTwice: "standard input ('-') can be read only once"
      case .outputIsInput(let output, let input):
        "the output \(BatchPath.display(output)) is the input \(BatchPath.display(input)); refusing to overwrite an input"
      case .outputDirectoryIsInput(let directory):
        "the output directory \(BatchPath.display(directory)) is also an input directory; choose another output directory"
      case .outputInsideInput(let output, let directory):
        "the output \(BatchPath.display(output)) would be written inside the input directory \(BatchPath.display(directory)), where a later run would read it; choose another output directory"
      case .outputIsDirectory(let path): "the output file \(BatchPath.display(path)) is a directory"
      case .outputIsNotDirectory(let path): "the output directory \(BatchPath.display(path)) exists and is not a directory"
      }
    }
  }

  /// One input's result, in input order.
  public struct Item: Sendable {
    public var input: BatchInput
    public var result: Result<Article, ArticleFailure>
    /// For ``Output/stream``: the bytes to write (the article in the chosen format, or
    /// an error record in JSON Lines); empty otherwise.
    public var bytes: [UInt8] = []
    /// The file written, under ``Output/directory(_:)``.
    public var written: FilePath?
    /// An output of an earlier run removed because this input failed.
    public var removedStaleOutput: FilePath?
    /// What ``Configuration/attach`` made of the article; nil for a failure.
    public var attachment: (any Sendable)?
  }

  public struct Progress: Sendable, Hashable {
    public var done: Int
    public var failed: Int
    public var total: Int
  }

  public struct Summary: Sendable, Hashable {
    public var files = 0
    public var parsed = 0
    public var failed = 0
    public var duplicateParagraphs = 0
    /// Stale temporary files of earlier runs removed from the output directory.
    public var removedTemporaries: [FilePath] = []
    /// Files the first pass read but could not keep (``Limits/keptBytes``), read again
    /// to be parsed; every other file is read once.
    public var readTwice = 0
  }

  public let configuration: Configuration
  /// The inputs, listed and named.
  public let inputs: [BatchInput]
  /// Each input's output file under ``Output/directory(_:)``.
  public let outputPaths: [FilePath?]

  /// Groups smaller than this learn no site boilerplate: too few files to tell a site's
  /// lines from a coincidence.
  public static let minimumSiteFiles = 5

  /// Lists the inputs and checks the outputs against them. Writes nothing.
  public init(_ configuration: Configuration) throws(SetupError) {
    self.configuration = configuration
    if configuration.arguments.filter({ $0 == .standardInput }).count > 1 { throw .standardInputTwice }
    var skipping = Set<FileIdentity>()
    var outputDirectory: FilePath?
    switch configuration.output {
    case .stream: break
    case .directory(let path):
      guard !path.isEmpty else { throw .emptyOutputPath }
      var info = stat()
      if path.withPlatformString({ stat($0, &info) }) == 0 {
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .outputIsNotDirectory(path) }
        skipping.insert(FileIdentity(info))
      }
      outputDirectory = path
    case .file(let path):
      guard !path.isEmpty else { throw .emptyOutputPath }
      var info = stat()
      if path.withPlatformString({ stat($0, &info) }) == 0 {
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw .outputIsDirectory(path) }
        skipping.insert(FileIdentity(info))
      }
    }
    // An output directory that is an input directory: the walk would skip it whole.
    for case .path(let argument) in configuration.arguments {
      if let identity = BatchPath.identity(of: argument), skipping.contains(identity) {
        if case .file(let output) = configuration.output { throw .outputIsInput(output: output, input: argument) }
        throw .outputDirectoryIsInput(argument)
      }
    }
    let all =
      skipping.isEmpty
      ? configuration.listed ?? BatchInputs.list(configuration.arguments) : BatchInputs.list(configuration.arguments, skipping: skipping)
    inputs = all.filter { configuration.only?($0) ?? true }
    var inputFiles: [FileIdentity: FilePath] = [:]
    for input in inputs {
      if let identity = input.identity, let path = input.path { inputFiles[identity] = path }
    }
    let inputDirectories: [(path: FilePath, canonical: FilePath)] = configuration.arguments.compactMap {
      guard case .path(let path) = $0, path.isDirectory else { return nil }
      return (path, BatchPath.canonical(path))
    }
    if let outputDirectory {
      let canonicalOutput = BatchPath.canonical(outputDirectory)
      let suffix = Array((configuration.format == .text ? ".txt" : ".json").utf8)
      var paths: [FilePath?] = []
      paths.reserveCapacity(inputs.count)
      for input in inputs {
        let name = FilePath(bytes: input.outputName.bytes + suffix)
        let path = outputDirectory.pushing(name)
        if let identity = BatchPath.identity(of: path), let original = inputFiles[identity] {
          throw .outputIsInput(output: path, input: original)
        }
        let canonical = canonicalOutput.pushing(name)
        for directory in inputDirectories
        where canonical.starts(with: directory.canonical) && !canonicalOutput.starts(with: directory.canonical) {
          throw .outputInsideInput(output: path, directory: directory.path)
        }
        paths.append(path)
      }
      outputPaths = paths
    } else {
      if case .file(let output) = configuration.output, let identity = BatchPath.identity(of: output),
        let original = inputFiles[identity]
      {
        throw .outputIsInput(output: output, input: original)
      }
      outputPaths = Array(repeating: nil, count: inputs.count)
    }
  }

  /// Runs the batch: `deliver` gets each input's item in input order, `progress` the
  /// counts after each. Throws only when the output file of ``Output/file(_:)`` cannot
  /// be written; a failed input is an item, never an error.
  @discardableResult
  public func run(
    progress: (Progress) -> Void = { _ in }, deliver: (Item) -> Void
  ) throws(AtomicFile.Failure) -> Summary {
    try run(isCancelled: { false }, progress: progress, deliver: deliver)
  }

  /// ``run(progress:deliver:)`` that stops when `isCancelled` answers true: no item is
  /// delivered after that, files not yet started are not read, and the output file of
  /// ``Output/file(_:)`` is discarded (outputs already written under a directory stay:
  /// each is whole).
  @discardableResult
  func run(
    isCancelled: @escaping @Sendable () -> Bool, progress: (Progress) -> Void, deliver: (Item) -> Void
  ) throws(AtomicFile.Failure) -> Summary {
    var summary = Summary()
    summary.files = inputs.count
    var outputFile: AtomicFile?
    switch configuration.output {
    case .stream: break
    case .directory(let directory):
      summary.removedTemporaries = TemporaryFiles.removeStale(under: directory)
    case .file(let path):
      summary.removedTemporaries = TemporaryFiles.removeStale(under: path.removingLastComponent(), recursive: false)
      outputFile = try AtomicFile(path: path)
    }
    let jobs = max(1, configuration.jobs)
    // Load the parser's tables on their own threads while the first pass reads files.
    let preparing = ParallelBatches.background(ArticleParser.preparations)
    var first = firstPass(jobs: jobs)
    summary.readTwice = first.readTwice
    for thread in preparing { thread.join() }

    var base = configuration.parser
    base.siteBoilerplate = nil
    let job = ArticleJob(parser: ArticleParser(options: base), decoding: configuration.decoding, maxBytes: configuration.limits.fileBytes)
    let siteJobs = first.sites.mapValues { site -> ArticleJob in
      var options = base
      options.siteBoilerplate = site
      var siteJob = job
      siteJob.parser = ArticleParser(options: options)
      return siteJob
    }
    let format = configuration.format, output = configuration.output, headers = configuration.textHeaders
    let metadata = configuration.textMetadata, attach = configuration.attach
    let renders = configuration.rendersStream
    let outputPaths = self.outputPaths
    var done = 0
    // The contents the first pass kept, each taken over by the thread that parses its
    // file (disjoint positions), so that memory is released as the work goes.
    let kept = KeptContents(first.kept)
    first.kept = []
    let keys = first.keys
    let inputs = self.inputs
    let window = (
      items: configuration.limits.batchFiles ?? ParallelBatches.batchSize(jobs: jobs),
      cost: configuration.limits.batchBytes
    )
    var stopped = false
    try OrderedWork.run(
      count: inputs.count, jobs: jobs, window: window, cost: { inputs[$0].size },
      work: { position -> Item in
        let content = kept.take(position)
        let input = inputs[position]
        let outputPath = outputPaths[position]
        var item: Item
        if isCancelled() {
          return Item(input: input, result: .failure(ArticleFailure(kind: .unreadable, message: "cancelled")))
        }
        if let problem = input.problem {
          let failure = ArticleFailure(kind: .unreadable, message: "cannot read \(BatchPath.display(input.path)): \(problem)")
          item = Item(input: input, result: .failure(failure))
        } else {
          let worker = input.group.flatMap { siteJobs[$0] } ?? job
          if let content {
            item = Item(input: input, result: worker.article(content, path: input.path, id: input.id))
          } else {
            item = Item(input: input, result: worker.article(path: input.path, id: input.id, firstRead: keys[position]))
          }
        }
        if let attach, case .success(let article) = item.result { item.attachment = attach(article) }
        if case .stream = output, !renders { return item }
        let rendered = Self.render(item, format: format, header: headers, metadata: metadata)
        switch (output, item.result) {
        case (.directory, .success):
          guard let outputPath else { break }
          do {
            try AtomicFile.write(rendered, to: outputPath)
            item.written = outputPath
          } catch {
            item.result = .failure(ArticleFailure(kind: .output, message: "\(error)"))
            item.removedStaleOutput = Self.removeStale(outputPath)
          }
        case (.directory, .failure):
          if let outputPath { item.removedStaleOutput = Self.removeStale(outputPath) }
        default:
          item.bytes = rendered
        }
        return item
      },
      deliver: { (_, item) throws(AtomicFile.Failure) -> Bool in
        if isCancelled() {
          stopped = true
          return false
        }
        done += 1
        switch item.result {
        case .success(let article):
          summary.parsed += 1
          summary.duplicateParagraphs += article.report.duplicateParagraphs
        case .failure:
          summary.failed += 1
        }
        if outputFile != nil {
          try outputFile!.write(item.bytes)
          var quiet = item
          quiet.bytes = []
          deliver(quiet)
        } else {
          deliver(item)
        }
        progress(Progress(done: done, failed: summary.failed, total: inputs.count))
        return true
      })
    if stopped {
      outputFile?.discard()
      return summary
    }
    try outputFile?.commit()
    return summary
  }

  /// The bytes of one item in `format`: the article, or in JSON Lines an error record.
  static func render(_ item: Item, format: Format, header: Bool, metadata: Bool = false) -> [UInt8] {
    switch item.result {
    case .success(let article):
      switch format {
      case .json, .jsonl:
        var bytes = article.json(pretty: format == .json)
        bytes.append(0x0A)
        return bytes
      case .text:
        let prefix = header ? Array("==> \(item.input.path.map { $0.displayString } ?? "standard input") <==\n".utf8) : []
        return prefix + Array(article.text(metadata: metadata).utf8)
      }
    case .failure(let failure):
      guard format == .jsonl else { return [] }
      return ErrorRecord.encode(failure, id: item.input.id, path: item.input.path)
    }
  }

  /// Removes a regular file left at `path` by an earlier run; returns it if removed.
  private static func removeStale(_ path: FilePath) -> FilePath? {
    var info = stat()
    guard path.withPlatformString({ lstat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFREG,
      path.withPlatformString({ unlink($0) }) == 0
    else { return nil }
    return path
  }

  /// The first pass's kept contents, each taken once by the thread that parses its
  /// file (threads take disjoint positions).
  private final class KeptContents: @unchecked Sendable {
    private let contents: UnsafeMutableBufferPointer<InputFile.Content?>
    init(_ kept: [InputFile.Content?]) {
      contents = .allocate(capacity: kept.count)
      _ = contents.initialize(from: kept)
    }
    deinit {
      contents.deinitialize()
      contents.deallocate()
    }
    func take(_ position: Int) -> InputFile.Content? {
      guard position < contents.count else { return nil }
      defer { contents[position] = nil }
      return contents[position]
    }
  }

  /// What the first pass learned and kept.
  private struct FirstPass {
    /// Each group's site boilerplate.
    var sites: [FilePath: SiteBoilerplate] = [:]
    /// The content read, by input position, while it fitted ``Limits/keptBytes``.
    var kept: [InputFile.Content?]
    /// The key of the text read (``SiteBoilerplate/key(_:)``) of each file read but
    /// not kept: the second read must find the same text.
    var keys: [UInt64?]
    var readTwice = 0
  }

  /// The first pass: lines repeated at the edges of each group's files, and the
  /// content of the files read while it fits ``Limits/keptBytes`` (each worker keeps up
  /// to its share; which files are kept depends on the inputs and the number of jobs,
  /// never on timing, and changes no output).
  private func firstPass(jobs: Int) -> FirstPass {
    var first = FirstPass(
      kept: Array(repeating: nil, count: inputs.count), keys: Array(repeating: nil, count: inputs.count))
    guard configuration.learnsSiteBoilerplate else { return first }
    var groups: [FilePath: [Int]] = [:]
    var order: [FilePath] = []
    for (position, input) in inputs.enumerated() where input.problem == nil {
      guard input.path != nil, let group = input.group else { continue }
      if groups[group] == nil { order.append(group) }
      groups[group, default: []].append(position)
    }
    let decoding = configuration.decoding, limit = configuration.limits.fileBytes
    var budget = configuration.limits.keptBytes
    for group in order {
      let members = groups[group]!
      guard members.count >= Self.minimumSiteFiles else { continue }
      let shares = (0..<jobs).map { worker in stride(from: worker, to: members.count, by: jobs).map { members[$0] } }
      let share = budget / jobs
      let results = ParallelBatches.map(shares, jobs: jobs) {
        positions -> (
          builder: SiteBoilerplate.Builder, kept: [(Int, InputFile.Content)], keys: [(Int, UInt64)], bytes: Int, left: Int
        ) in
        var builder = SiteBoilerplate.Builder()
        var kept: [(Int, InputFile.Content)] = []
        var keys: [(Int, UInt64)] = []
        var bytes = 0, left = 0
        var lenient = decoding
        lenient.strict = false
        for position in positions {
          guard let content = try? InputFile.readContent(inputs[position].path, limit: limit) else { continue }
          let keeps = bytes + content.byteCount <= share
          if keeps {
            bytes += content.byteCount
            kept.append((position, content))
          } else {
            left += 1  // read again to be parsed, whether or not it decodes here
          }
          guard let decoded = try? lenient.decode(content) else { continue }
          let key = builder.add(decoded.string)
          if !keeps { keys.append((position, key)) }
        }
        return (builder, kept, keys, bytes, left)
      }
      var merged = SiteBoilerplate.Builder()
      for result in results {
        merged.merge(result.builder)
        for (position, content) in result.kept { first.kept[position] = content }
        for (position, key) in result.keys { first.keys[position] = key }
        budget -= result.bytes
        first.readTwice += result.left
      }
      let site = merged.build()
      if !site.isEmpty { first.sites[group] = site }
    }
    return first
  }
}
