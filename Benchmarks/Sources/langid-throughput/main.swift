// langid-throughput: LanguageIdentifier's throughput in-process (issue 5's Benchmarks entry;
// scripts/bench-langid measures the matn CLI side by side with lingua).
//
//   langid-throughput [PATH] [--langs en,fa,…] [--runs N] [--min-seconds S]
//       PATH: a file of one text per line, or a directory whose *.txt files (in name
//       order) are such files. Default: ../shared/data/langid/dev/sentences (relative
//       to the repository root: every language's sentences). --langs keeps only the
//       files named <code>.txt of a directory. Lines are split on LF only (U+2028 and
//       the like occur inside texts); blank lines are skipped, as the harness does.
//       Each text is identified with `LanguageIdentifier.default.identify(_:)`: one
//       untimed warm-up pass over all texts (it also loads the model), then N runs
//       (default 3); a run repeats whole passes with ContinuousClock until at least
//       S seconds (default 1) and one pass have elapsed. The best run counts.
//
// Prints one line:
//   `texts_per_s=<best run> mean=<mean over runs> runs=<n> passes=<n> texts=<n> bytes=<n>
//    load_s=<first identify, model loading included> und=<texts answered "und">`

import BenchCorpus
import Foundation
import Matn

/// The argument after option `name` (taken from `rest`), parsed.
func value<T>(after name: String, in rest: inout ArraySlice<String>, _ parse: (String) -> T?) -> T {
  guard let text = rest.popFirst(), let value = parse(text) else { fail("\(name) needs a value") }
  return value
}

/// The repository root, from this file's place (Benchmarks/Sources/langid-throughput/).
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let defaultPath = repository.appendingPathComponent("../shared/data/langid/dev/sentences").standardized.path

/// The non-blank lines of the file at `path`, split on LF only.
func texts(ofFile path: String) -> [String] {
  guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
  guard let text = String(data: data, encoding: .utf8) else { fail("\(path) is not UTF-8") }
  return text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line in
    let trimmed = String(Substring(line)).trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }
}

var path = defaultPath
var languages: Set<String>?
var runs = 3
var minSeconds = 1.0
var rest = CommandLine.arguments.dropFirst()
while let arg = rest.popFirst() {
  switch arg {
  case "--langs": languages = Set(value(after: arg, in: &rest) { $0 }.split(separator: ",").map(String.init))
  case "--runs": runs = max(1, value(after: arg, in: &rest) { Int($0) })
  case "--min-seconds": minSeconds = value(after: arg, in: &rest) { Double($0) }
  case _ where arg.hasPrefix("-"): fail("unknown option \(arg)")
  default: path = arg
  }
}

var isDirectory: ObjCBool = false
guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { fail("no such file \(path)") }
var files = [path]
if isDirectory.boolValue {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
  files = names.filter { $0.hasSuffix(".txt") && languages?.contains(String($0.dropLast(4))) ?? true }.sorted()
    .map { (path as NSString).appendingPathComponent($0) }
}
let inputs = files.flatMap(texts(ofFile:))
if inputs.isEmpty { fail("no texts in \(path)") }
let bytes = inputs.reduce(0) { $0 + $1.utf8.count }

let identifier = LanguageIdentifier.default
let clock = ContinuousClock()

// Warm-up: the first text loads the model (timed apart), then the rest.
var sink = 0
let loadStart = clock.now
let first = identifier.identify(inputs[0]).language
let load = (clock.now - loadStart) / .seconds(1)
var undetermined = first == "und" ? 1 : 0
for text in inputs.dropFirst() where identifier.identify(text).language == "und" { undetermined += 1 }

let timing = Timing(runs: runs, minSeconds: minSeconds, units: Double(inputs.count)) {
  for text in inputs { sink &+= identifier.identify(text).language.utf8.count }
}
print(
  String(
    format: "texts_per_s=%.0f mean=%.0f runs=%d passes=%d texts=%d bytes=%d load_s=%.3f und=%d sink=%d",
    timing.best, timing.mean, runs, timing.passes, inputs.count, bytes, load, undetermined, sink))
