import ArgumentParser
import Foundation
import Matn

/// `matn normalize --jsonl`: a filter for Spark, Hadoop Streaming and Beam. One JSON
/// record in per line, exactly one JSON line out, in order; a bad record gives an
/// error record, never a missing line. The exit status is 0 when every line got its
/// record (error records included), so a framework that checks exit codes fails a
/// task only when output was really lost.
struct JSONLinesFilter {
  let command: Normalize

  /// One input record. Fields are read one by one, so a field of the wrong type is
  /// named in the error record and the id is kept.
  struct Record: Decodable {
    var id: String?
    var text: String?
    var path: String?
    var title: String?
    /// The file's bytes, base64: for text that is not UTF-8 (a windows-1256 file),
    /// decoded as a file would be (charset detection, `--encoding`, `--strict`).
    var bytes: [UInt8]?
    /// Fields that were present but not of their type.
    var problems: [String] = []

    enum CodingKeys: String, CodingKey { case id, text, path, title, base64 }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      if let string = try? container.decodeIfPresent(String.self, forKey: .id) {
        id = string
      } else if let number = try? container.decodeIfPresent(Int.self, forKey: .id) {
        id = String(number)
      } else if container.contains(.id) {
        problems.append("\"id\" is neither a string nor an integer")
      }
      func string(_ key: CodingKeys) -> String? {
        if let value = try? container.decodeIfPresent(String.self, forKey: key) { return value }
        if container.contains(key), (try? container.decodeNil(forKey: key)) != true {
          problems.append("\"\(key.rawValue)\" is not a string")
        }
        return nil
      }
      text = string(.text)
      path = string(.path)
      title = string(.title)
      if let encoded = string(.base64) {
        if let data = Data(base64Encoded: encoded) { bytes = [UInt8](data) } else { problems.append("\"base64\" is not base64") }
      }
    }
  }

  func run() throws {
    let jobs = command.workerCount
    let job = ArticleJob(
      parser: ArticleParser(options: command.parserOptions()), encoding: command.decoding.encoding,
      strict: command.decoding.strict, maxBytes: command.maxBytes)
    var reader = LineReader(fd: 0, limit: command.maxBytes)
    var stdout = StandardOutput()
    var lineNumber = 0
    let batch = ParallelBatches.batchSize(jobs: jobs)
    while true {
      var lines: [(Int, LineReader.Line)] = []
      while lines.count < batch, let line = reader.next() {
        lineNumber += 1
        lines.append((lineNumber, line))
      }
      if lines.isEmpty { break }
      let records = ParallelBatches.map(lines, jobs: jobs) { number, line in Self.process(line, number: number, job: job) }
      for record in records { stdout.write(bytes: record) }
      stdout.flush()
    }
  }

  static func process(_ line: LineReader.Line, number: Int, job: ArticleJob) -> [UInt8] {
    let fallbackID = "line \(number)"
    let bytes: [UInt8]
    switch line {
    case .tooLong(let length):
      return ArticleJSON.encode(
        error: ArticleFailure(kind: .tooLarge, message: "line \(number): a record of \(length) bytes, more than --max-bytes"),
        id: fallbackID, path: nil)
    case .bytes(let b): bytes = b
    }
    let record: Record
    do {
      record = try JSONDecoder().decode(Record.self, from: Data(bytes))
    } catch {
      let message = bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
        ? "line \(number): an empty line, not a JSON record"
        : "line \(number): not a JSON object with string fields id, text, path, title (\(Self.reason(error)))"
      return ArticleJSON.encode(error: ArticleFailure(kind: .invalidRecord, message: message), id: fallbackID, path: nil)
    }
    let id = record.id ?? record.path ?? fallbackID
    if !record.problems.isEmpty {
      let failure = ArticleFailure(kind: .invalidRecord, message: "line \(number): " + record.problems.joined(separator: "; "))
      return ArticleJSON.encode(error: failure, id: id, path: record.path)
    }
    let result: Result<Article, ArticleFailure>
    if let bytes = record.bytes {
      result = job.article(bytes: bytes, id: id, path: record.path, title: record.title)
    } else if let text = record.text {
      result = job.article(bytes: Array(text.utf8), id: id, path: record.path, title: record.title)
    } else if let path = record.path {
      result = job.article(path: path, id: id).flatMap { article in
        guard let title = record.title else { return .success(article) }
        return job.article(path: path, id: id, title: title)
      }
    } else {
      result = .failure(ArticleFailure(kind: .invalidRecord, message: "line \(number): a record needs \"text\", \"base64\" or \"path\""))
    }
    switch result {
    case .success(let article): return ArticleJSON.encode(article, pretty: false)
    case .failure(let failure): return ArticleJSON.encode(error: failure, id: id, path: record.path)
    }
  }

  private static func reason(_ error: any Error) -> String {
    if case Swift.DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
    if case Swift.DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
    return "\(error)"
  }
}

extension ArticleJob {
  /// Reads `path` and parses it with a title given by the caller.
  func article(path: String, id: String, title: String) -> Result<Article, ArticleFailure> {
    do {
      let bytes = try InputFile.read(path, limit: maxBytes)
      return article(bytes: bytes, id: id, path: path, title: title)
    } catch {
      return .failure(ArticleFailure(kind: error.tooLarge ? .tooLarge : .unreadable, message: error.description))
    }
  }
}
