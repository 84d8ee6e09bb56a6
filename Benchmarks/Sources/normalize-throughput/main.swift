// normalize-throughput: a small driver for scripts/bench-normalize.
//
//   normalize-throughput DIR [--profile P] [--runs N] [--min-seconds S] [--write-output FILE]
//       Reads every regular file of DIR (sorted by name, each must be UTF-8), then times
//       TextNormalizer(profile: P) (default: article) normalising each file's text
//       separately, as one String per file. One untimed warm-up pass over all files,
//       then N runs (default 3); a run repeats whole passes over the files with
//       ContinuousClock until at least S seconds (default 1) and one pass have elapsed.
//   normalize-throughput generate BYTES OUT [--arabic-keyboard] [SEED]
//       Writes the generated corpus (Sources/BenchCorpus); with --arabic-keyboard, typed
//       as on an Arabic keyboard: ي for ی, ك for ک, a space for each ZWNJ.
//
// Timed mode prints one line:
//   `MBps=<best run> mean=<mean over runs> best_pass=<best single pass> runs=<n> passes=<n> files=<n> bytes=<n>`
// (MB = 10^6 bytes of input; a run's figure is its bytes over its time.) With
// --write-output, the outputs of the warm-up pass, concatenated in file order, are
// written to FILE (to compare with `matn clean --profile P DIR/*`).

import BenchCorpus
import Foundation
import Matn

func write(_ text: String, to path: String) {
  guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
    fail("cannot write \(path)")
  }
}

/// The texts of every regular file of `directory`, in name order.
func readCorpus(_ directory: String) -> [(name: String, text: String)] {
  let manager = FileManager.default
  let names: [String]
  do {
    names = try manager.contentsOfDirectory(atPath: directory).sorted()
  } catch {
    fail("cannot list \(directory): \(error)")
  }
  var files: [(String, String)] = []
  for name in names {
    let path = (directory as NSString).appendingPathComponent(name)
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
    guard let data = manager.contents(atPath: path) else { fail("cannot read \(path)") }
    guard let text = String(data: data, encoding: .utf8) else { fail("\(path) is not UTF-8") }
    files.append((name, text))
  }
  if files.isEmpty { fail("no files in \(directory)") }
  return files
}

let args = CommandLine.arguments.dropFirst()
guard let first = args.first else {
  fail("usage: normalize-throughput DIR [options] | normalize-throughput generate BYTES OUT [--arabic-keyboard] [SEED]")
}

if first == "generate" {
  var rest = Array(args.dropFirst())
  let arabicKeyboard = rest.contains("--arabic-keyboard")
  rest.removeAll { $0 == "--arabic-keyboard" }
  guard rest.count >= 2, let bytes = Int(rest[0]) else {
    fail("usage: normalize-throughput generate BYTES OUT [--arabic-keyboard] [SEED]")
  }
  let seed = rest.count > 2 ? required(UInt64(rest[2]), "bad seed") : Corpus.defaultSeed
  var text = Corpus.generate(bytes: bytes, seed: seed)
  if arabicKeyboard { text = ArabicKeyboard.retype(text) }
  write(text, to: rest[1])
  print("wrote \(text.utf8.count) bytes to \(rest[1])")
  exit(0)
}

var profile = TextNormalizer.Profile.article
var runs = 3
var minSeconds = 1.0
var outputPath: String?
var rest = args.dropFirst()
while let arg = rest.popFirst() {
  switch arg {
  case "--profile":
    let name = required(rest.popFirst(), "--profile needs a name")
    profile = required(TextNormalizer.Profile(rawValue: name), "unknown profile \(name)")
  case "--runs": runs = max(1, required(rest.popFirst().flatMap(Int.init), "--runs needs a number"))
  case "--min-seconds":
    minSeconds = required(rest.popFirst().flatMap(Double.init), "--min-seconds needs a number")
  case "--write-output": outputPath = required(rest.popFirst(), "--write-output needs a file")
  default: fail("unknown option \(arg)")
  }
}

let files = readCorpus(first)
let texts = files.map(\.text)
let bytes = texts.reduce(0) { $0 + $1.utf8.count }
let normalizer = TextNormalizer(profile: profile)

// Warm-up (also the output, if asked for).
var sink = 0
var warmOutput = ""
for text in texts {
  let result = normalizer.normalize(text).text
  sink &+= result.utf8.count
  if outputPath != nil { warmOutput += result }
}
if let outputPath { write(warmOutput, to: outputPath) }

let timing = Timing(runs: runs, minSeconds: minSeconds, units: Double(bytes) / 1e6) {
  for text in texts { sink &+= normalizer.normalize(text).text.utf8.count }
}
print(
  String(
    format: "MBps=%.2f mean=%.2f best_pass=%.2f runs=%d passes=%d files=%d bytes=%d sink=%d",
    timing.best, timing.mean, timing.bestPass, runs, timing.passes, files.count, bytes, sink))
