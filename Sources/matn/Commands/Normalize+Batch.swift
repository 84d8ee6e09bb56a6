import ArgumentParser
import Matn
import SystemPackage

/// Runs an `ArticleBatch` for `matn normalize`: standard output, the progress bar,
/// diagnostics and the summary line.
struct BatchRun {
  let configuration: ArticleBatch.Configuration
  let quiet: Bool
  var verbose = false

  func run() throws {
    let start = Progress.now()
    let batch: ArticleBatch
    do {
      batch = try ArticleBatch(configuration)
    } catch {
      Diagnostics.error("error: \(error)")
      throw ExitCode(64)
    }
    let streaming = configuration.output == .stream
    var stdout = StandardOutput()
    // The bar shares the terminal with nothing: not drawn when articles go to it.
    var progress = Progress(total: batch.inputs.count, enabled: !quiet && isTerminal(2) && !(streaming && isTerminal(1)))
    let summary: ArticleBatch.Summary
    do {
      summary = try batch.run(
        progress: { progress.update(done: $0.done, failed: $0.failed) },
        deliver: { item in
          let path = BatchPath.display(item.input.path)
          switch item.result {
          case .success(let article):
            let notes = verbose ? article.decodingNotes : []
            if !article.report.warnings.isEmpty || !notes.isEmpty {
              progress.finish()
              stdout.flush()
              for note in notes { Diagnostics.error("\(path): note: decoding: \(note)") }
              for warning in article.report.warnings { Diagnostics.error("\(path): warning: \(warning)") }
            }
          case .failure(let failure):
            progress.finish()
            stdout.flush()
            Diagnostics.error(failure.message)
            if let removed = item.removedStaleOutput {
              Diagnostics.error(
                "\(path): removed \(BatchPath.display(removed)), the output of an earlier run, so that no stale output looks current")
            }
          }
          if !item.bytes.isEmpty { stdout.write(bytes: item.bytes) }
        })
    } catch {
      progress.finish()
      stdout.flush()
      Diagnostics.error("\(error)")
      throw ExitCode(1)
    }
    stdout.flush()
    progress.finish()
    if !summary.removedTemporaries.isEmpty {
      let count = summary.removedTemporaries.count
      Diagnostics.error("removed \(count) temporary file\(count == 1 ? "" : "s") left by an interrupted run")
    }
    let files = summary.files
    if summary.failed > 0 || (files > 1 && !quiet) {
      let seconds = Progress.now() - start
      var line = "\(files) file\(files == 1 ? "" : "s"): \(summary.parsed) parsed, \(summary.failed) failed"
      line += "; \(summary.duplicateParagraphs) duplicated paragraph\(summary.duplicateParagraphs == 1 ? "" : "s") removed"
      let rate = Double(files) / max(seconds, 1e-6)
      line += "; \(String(format1: seconds)) s (\(rate < 10 ? String(format1: rate) : String(Int(rate))) files/s)"
      Diagnostics.error(line)
    }
    if summary.failed > 0 { throw ExitCode(1) }
  }
}

extension String {
  /// `value × scale` with one decimal ("12.5"), without Foundation: the CLI's one
  /// number formatter (seconds, rates, percentages).
  init(format1 value: Double, scale: Double = 1) {
    let tenths = Int((value * (scale * 10)).rounded())
    self = "\(tenths / 10).\(tenths % 10)"
  }
}
