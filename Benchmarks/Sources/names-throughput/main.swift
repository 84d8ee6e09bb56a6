// names-throughput: NameExtractor over every file of a directory (issue 7).
//
//   names-throughput DIR [--runs N] [--min-seconds S] [--mentions]
//       Reads every regular file of DIR (sorted by name; bytes decoded as UTF-8 with
//       replacement), then times NameExtractor().names(in:) on each file's text
//       separately, single-threaded (with --mentions: mentions(in:) only, no keys).
//       One untimed warm-up pass, then N runs (default 3), each repeating whole passes
//       until at least S seconds (default 1) and one pass have elapsed.
//
// Prints one line:
//   `articles_per_s=<best run> mean=<mean over runs> MBps=<best run> names=<total> names_per_article=<mean> files=<n> bytes=<n>`

import BenchCorpus
import Foundation
import Matn

var args = CommandLine.arguments.dropFirst()
guard let directory = args.popFirst() else { fail("usage: names-throughput DIR [--runs N] [--min-seconds S] [--mentions]") }
var runs = 3
var minSeconds = 1.0
var mentionsOnly = false
while let arg = args.popFirst() {
  switch arg {
  case "--runs": runs = required(args.popFirst().flatMap { Int($0) }, "--runs needs a number")
  case "--min-seconds": minSeconds = required(args.popFirst().flatMap { Double($0) }, "--min-seconds needs a number")
  case "--mentions": mentionsOnly = true
  default: fail("unknown argument \(arg)")
  }
}

let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
let texts: [String] = names.compactMap { name in
  let path = (directory as NSString).appendingPathComponent(name)
  return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}
if texts.isEmpty { fail("no files in \(directory)") }
let bytes = texts.reduce(0) { $0 + $1.utf8.count }

let extractor = NameExtractor()
var found = 0
for text in texts { found += mentionsOnly ? extractor.mentions(in: text).count : extractor.names(in: text).count }

var sink = 0
let timing = Timing(runs: runs, minSeconds: minSeconds, units: Double(texts.count)) {
  for text in texts { sink &+= mentionsOnly ? extractor.mentions(in: text).count : extractor.names(in: text).count }
}
let perArticle = Double(found) / Double(texts.count)
let mbps = timing.best * Double(bytes) / Double(texts.count) / 1e6
print(
  "articles_per_s=\(Int(timing.best)) mean=\(Int(timing.mean)) MBps=\((mbps * 100).rounded() / 100)"
    + " \(mentionsOnly ? "mentions" : "names")=\(found) per_article=\((perArticle * 100).rounded() / 100)"
    + " files=\(texts.count) bytes=\(bytes)" + (sink < 0 ? "!" : ""))
