import SystemPackage

/// The main job as a JSON Lines filter, for Spark's `RDD.pipe`, Hadoop Streaming and
/// Beam: one JSON record in per line, exactly one JSON line out, in order — the article,
/// or an error record `{"id": …, "line": …, "error": {"kind": …, "message": …}}`.
///
/// Records: `{"id": …, "text": …}`, `{"id": …, "base64": …}` (bytes in any charset,
/// decoded as a file would be) or `{"id": …, "path": …}` (read from the file system);
/// an optional `title`. How each field is read, and every edge case, is in
/// ``JSONRecord``. An article's id is the record's `id`, else its `path`, else empty;
/// an error record's `id` is `null` when the record has none that could be read, and
/// its `line` (1-based) always locates it.
///
/// Path records open only regular files — never a FIFO, a device, `/dev/stdin` or
/// `/proc/self/fd/N`, which would block or read the filter's own streams — and the
/// ``PathPolicy`` can confine them to a directory or forbid them: records come from
/// data, and data should not choose which files a worker reads.
public struct ArticleRecordFilter: Sendable {
  /// Which `path` records are opened.
  public enum PathPolicy: Sendable, Hashable {
    /// Any regular file the process can read.
    case allowed
    /// None: a record must carry `text` or `base64` (a `path` is then only a label).
    case forbidden
    /// Regular files whose resolved path lies inside this directory.
    case within(FilePath)
  }

  public struct Configuration: Sendable {
    public var parser = ArticleParser.Options()
    public var decoding = DecodingPolicy()
    public var jobs: Int = ArticleBatch.Configuration(arguments: []).jobs
    /// `fileBytes`: the largest record (and file) in bytes; `batchBytes`, `batchFiles`:
    /// input bytes and records per batch.
    public var limits = ArticleBatch.Limits()
    public var paths = PathPolicy.allowed

    public init() {}
  }

  public let configuration: Configuration
  let job: ArticleJob
  private let root: FilePath?

  public init(_ configuration: Configuration) {
    self.configuration = configuration
    job = ArticleJob(
      parser: ArticleParser(options: configuration.parser), decoding: configuration.decoding,
      maxBytes: configuration.limits.fileBytes, kinds: .regularOnly)
    if case .within(let directory) = configuration.paths { root = BatchPath.canonical(directory) } else { root = nil }
  }

  /// Reads records from `fd` to its end and hands each output line (with its newline)
  /// to `write`, in order. Returns the number of records; a read error on `fd` is its
  /// `errno` in the second value.
  public func run(readingFrom fd: Int32, write: ([UInt8]) -> Void) -> (records: Int, readError: Int32?) {
    let jobs = max(1, configuration.jobs)
    let maxRecords = configuration.limits.batchFiles ?? ParallelBatches.batchSize(jobs: jobs)
    var reader = LineReader(fd: fd, limit: configuration.limits.fileBytes)
    var number = 0
    while true {
      var lines: [(Int, LineReader.Line)] = []
      var bytes = 0
      while lines.count < maxRecords, bytes < configuration.limits.batchBytes, let line = reader.next() {
        number += 1
        if case .bytes(let b) = line { bytes += b.count }
        lines.append((number, line))
      }
      if lines.isEmpty { break }
      let records = ParallelBatches.map(lines, jobs: jobs) { number, line in self.process(line, number: number) }
      for record in records { write(record) }
    }
    return (number, reader.readError)
  }

  /// The output line for input line `number` (1-based).
  public func process(_ line: LineReader.Line, number: Int) -> [UInt8] {
    func failure(_ kind: ArticleFailure.Kind, _ message: String, id: String?, path: FilePath? = nil) -> [UInt8] {
      ErrorRecord.encode(ArticleFailure(kind: kind, message: "line \(number): " + message), id: id, line: number, path: path)
    }
    let bytes: [UInt8]
    switch line {
    case .tooLong(let length):
      return failure(.tooLarge, "a record of \(length) bytes, more than the limit of \(configuration.limits.fileBytes) (--max-bytes)", id: nil)
    case .bytes(let b): bytes = b
    }
    let record = JSONRecord(bytes)
    let path = record.path.map { FilePath(bytes: $0) }
    if let syntaxError = record.syntaxError {
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
        return failure(.invalidRecord, "an empty line, not a JSON record", id: nil)
      }
      return failure(.invalidRecord, "not a JSON record (\(syntaxError))", id: record.id)
    }
    let id = record.id ?? path.map { String(decoding: $0) } ?? ""
    if !record.problems.isEmpty {
      return failure(.invalidRecord, record.problems.joined(separator: "; "), id: record.id ?? path.map { String(decoding: $0) }, path: path)
    }
    if let path, record.path?.contains(0) == true {
      return failure(.invalidRecord, "\"path\" holds a NUL byte, which no path can", id: id, path: path)
    }
    let result: Result<Article, ArticleFailure>
    if let raw = record.base64 {
      result = job.article(bytes: raw, id: id, path: path, isFile: false, title: record.title)
    } else if let text = record.text {
      result = job.article(bytes: Array(text.utf8), id: id, path: path, isFile: false, title: record.title)
    } else if let path {
      if let refusal = refusal(of: path) { return failure(.forbidden, refusal, id: id, path: path) }
      result = job.article(path: path, id: id, title: record.title)
    } else {
      return failure(.invalidRecord, "a record needs \"text\", \"base64\" or \"path\"", id: record.id)
    }
    switch result {
    case .success(let article):
      var bytes = article.json(pretty: false)
      bytes.append(0x0A)
      return bytes
    case .failure(let failure): return ErrorRecord.encode(failure, id: id, line: number, path: path)
    }
  }

  /// Why the path policy refuses `path`, if it does.
  private func refusal(of path: FilePath) -> String? {
    switch configuration.paths {
    case .allowed: return nil
    case .forbidden: return "path records are not allowed here (--no-paths): send \"text\" or \"base64\""
    case .within(let directory):
      guard let root else { return nil }
      let resolved = BatchPath.canonical(path)
      if resolved.starts(with: root) && resolved != root { return nil }
      return "\(BatchPath.display(path)) is outside the allowed directory \(BatchPath.display(directory)) (--path-root)"
    }
  }
}
