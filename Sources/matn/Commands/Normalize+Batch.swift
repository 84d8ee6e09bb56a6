import ArgumentParser
import Dispatch
import Matn

/// `matn normalize FILE…|DIR…`: files in, articles out, in parallel batches.
struct ArticleBatch {
  let command: Normalize
  let entries: [InputPaths.Entry]

  /// Groups smaller than this learn no site boilerplate: too few files to tell a
  /// site's lines from a coincidence.
  static let minimumSiteFiles = 5

  private var format: Normalize.Format {
    command.format ?? (command.output == nil && entries.count == 1 ? .json : (command.output == nil ? .jsonl : .json))
  }

  func run() throws {
    let start = Progress.now()
    let jobs = command.workerCount
    // Load the parser's tables on their own threads while the first pass reads files.
    let preparing = ParallelBatches.background(ArticleParser.preparations)
    let sites = learnSites(jobs: jobs)
    preparing.wait()
    let format = self.format
    let outputs = outputPaths(format: format)
    var jsonlFile: AtomicFile?
    if format == .jsonl, let output = command.output {
      do { jsonlFile = try AtomicFile(path: output) } catch { throw ValidationError("\(error)") }
    }

    let base = ArticleParser(options: command.parserOptions())
    let parsers = sites.mapValues { ArticleParser(options: command.parserOptions(site: $0)) }
    let encoding = command.decoding.encoding, strict = command.decoding.strict, maxBytes = command.maxBytes
    let showHeaders = format == .text && command.output == nil && entries.count > 1

    var stdout = StandardOutput()
    var progress = Progress(total: entries.count, enabled: !command.quiet && isTerminal(2))
    var done = 0, failed = 0, duplicates = 0
    let batch = ParallelBatches.batchSize(jobs: jobs)
    var index = 0
    while index < entries.count {
      let slice = Array(entries[index..<min(entries.count, index + batch)].enumerated().map { ($0.offset + index, $0.element) })
      let results = ParallelBatches.map(slice, jobs: jobs) { (position, entry) -> Outcome in
        let id = Self.identifier(entry)
        if let problem = entry.problem {
          return Outcome(id: id, entry: entry, result: .failure(ArticleFailure(kind: .unreadable, message: "cannot read '\(entry.path)': \(problem)")))
        }
        if let collision = outputs.collisions[position] {
          return Outcome(id: id, entry: entry, result: .failure(ArticleFailure(kind: .output, message: "'\(entry.path)': its output \(collision) is also another input's; rename one")))
        }
        let job = ArticleJob(parser: parsers[entry.group] ?? base, encoding: encoding, strict: strict, maxBytes: maxBytes)
        var outcome = Outcome(id: id, entry: entry, result: job.article(path: entry.path, id: id))
        outcome.render(format: format, header: showHeaders)
        if case .success = outcome.result, let path = outputs.paths[position] {
          do {
            try AtomicFile.write(outcome.bytes, to: path)
          } catch {
            outcome.result = .failure(ArticleFailure(kind: .output, message: "\(error)"))
          }
          outcome.bytes = []
        }
        return outcome
      }
      for outcome in results {
        done += 1
        switch outcome.result {
        case .success(let article):
          duplicates += article.report.duplicateParagraphs
          if !article.report.warnings.isEmpty {
            progress.finish()
            stdout.flush()
            for warning in article.report.warnings { Diagnostics.error("'\(outcome.entry.path)': warning: \(warning)") }
          }
          if command.output == nil { stdout.write(bytes: outcome.bytes) }
          do { try jsonlFile?.write(outcome.bytes) } catch { throw ValidationError("\(error)") }
        case .failure(let failure):
          failed += 1
          progress.finish()
          stdout.flush()
          Diagnostics.error(failure.message)
          if format == .jsonl {
            let record = ArticleJSON.encode(error: failure, id: outcome.id, path: outcome.entry.path)
            if command.output == nil { stdout.write(bytes: record) }
            do { try jsonlFile?.write(record) } catch { throw ValidationError("\(error)") }
          }
        }
        progress.update(done: done, failed: failed)
      }
      stdout.flush()
      index += batch
    }
    do { try jsonlFile?.commit() } catch { throw ValidationError("\(error)") }
    progress.finish()
    if entries.count > 1 || failed > 0 {
      let seconds = Progress.now() - start
      var summary = "\(entries.count) file\(entries.count == 1 ? "" : "s"): \(entries.count - failed) parsed, \(failed) failed"
      summary += "; \(duplicates) duplicated paragraph\(duplicates == 1 ? "" : "s") removed"
      let rate = Double(entries.count) / max(seconds, 1e-6)
      summary += "; \(String(format1: seconds)) s (\(rate < 10 ? String(format1: rate) : String(Int(rate))) files/s)"
      Diagnostics.error(summary)
    }
    if failed > 0 { throw ExitCode(1) }
  }

  /// The result for one input, rendered in the worker.
  struct Outcome: Sendable {
    var id: String
    var entry: InputPaths.Entry
    var result: Result<Article, ArticleFailure>
    var bytes: [UInt8] = []

    mutating func render(format: Normalize.Format, header: Bool) {
      guard case .success(let article) = result else { return }
      switch format {
      case .json: bytes = ArticleJSON.encode(article, pretty: true)
      case .jsonl: bytes = ArticleJSON.encode(article, pretty: false)
      case .text:
        bytes = Array(((header ? "==> \(entry.path) <==\n" : "") + article.plainText).utf8)
      }
    }
  }

  /// An article's id: its path under the directory argument without the extension.
  static func identifier(_ entry: InputPaths.Entry) -> String {
    let relative = entry.relative
    guard let dot = relative.lastIndex(of: "."), dot > relative.startIndex,
      !relative[dot...].contains("/"), relative[relative.index(before: dot)] != "/"
    else { return relative }
    return String(relative[..<dot])
  }

  /// Output paths under `-o DIR` for json and text, and inputs whose output path
  /// another input already has.
  private func outputPaths(format: Normalize.Format) -> (paths: [Int: String], collisions: [Int: String]) {
    guard let directory = command.output, format != .jsonl else { return ([:], [:]) }
    var paths: [Int: String] = [:], collisions: [Int: String] = [:], seen: [String: Int] = [:]
    for (position, entry) in entries.enumerated() {
      let path = (directory.hasSuffix("/") ? directory : directory + "/") + Self.identifier(entry) + "." + (format == .text ? "txt" : "json")
      if seen[path] != nil {
        collisions[position] = "'\(path)'"
      } else {
        seen[path] = position
        paths[position] = path
      }
    }
    return (paths, collisions)
  }

  /// The first pass: lines repeated at the edges of each group's files.
  private func learnSites(jobs: Int) -> [String: SiteBoilerplate] {
    guard !command.noSiteBoilerplate else { return [:] }
    var groups: [String: [InputPaths.Entry]] = [:]
    for entry in entries where entry.problem == nil && entry.path != "-" { groups[entry.group, default: []].append(entry) }
    var sites: [String: SiteBoilerplate] = [:]
    let encoding = command.decoding.encoding, maxBytes = command.maxBytes
    for (group, members) in groups where members.count >= Self.minimumSiteFiles {
      let shares = (0..<jobs).map { worker in stride(from: worker, to: members.count, by: jobs).map { members[$0] } }
      let builders = ParallelBatches.map(shares, jobs: jobs) { share -> SiteBoilerplate.Builder in
        var builder = SiteBoilerplate.Builder()
        for entry in share {
          guard let bytes = try? InputFile.read(entry.path, limit: maxBytes) else { continue }
          if let decoded = Self.decode(bytes, encoding: encoding) { builder.add(decoded.string) }
        }
        return builder
      }
      var merged = SiteBoilerplate.Builder()
      for builder in builders { merged.merge(builder) }
      let site = merged.build()
      if !site.isEmpty { sites[group] = site }
    }
    return sites
  }
}

extension ArticleBatch {
  /// Decodes for the first pass; what does not decode is reported in the second.
  static func decode(_ bytes: [UInt8], encoding: String?) -> DecodedText? {
    if let encoding { return try? DecodedText(bytes: bytes, encoding: .init(rawValue: encoding)) }
    return try? DecodedText(bytes: bytes)
  }
}

extension String {
  init(format1 value: Double) {
    let tenths = Int((value * 10).rounded())
    self = "\(tenths / 10).\(tenths % 10)"
  }
}
