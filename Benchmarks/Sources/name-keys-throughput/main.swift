// name-keys-throughput: NameIndexer.keys(for:) per script, single-threaded (issue 7's
// speed figure: ≥ 100,000 names/s).
//
//   name-keys-throughput [DIR] [--runs N] [--min-seconds S]
//       DIR (default ../shared/data/names, relative to the repository root) holds the
//       names TSVs (`native<TAB>latin,latin,…`) and fa_given_names_unpaired_pgd.txt.
//       Sets: `fa` (native forms of the fa_*.tsv rows and the 19,881 given names),
//       `ru` and `zh` (native forms of ru_*.tsv, zh_*.tsv), `latin` (every Latin
//       variant of every file). Each set: one untimed warm-up pass (it loads the
//       lexicon and opens the transliterators), then N runs (default 3) of whole
//       passes until S seconds (default 1); the best run counts.
//
// Then `fa-top5`: NameIndexer.romanize(_:top: 5) over the `fa` set (issue 19's figure:
// ≥ 20,000 names/s).
//
// Prints one line per set: `<set> names=<n> names_per_s=<best> mean=<mean> passes=<n>
// cpu_names_per_s=<c>`, the last over the thread's CPU time of all timed passes (steadier
// than the wall-clock figures on a loaded machine).

import BenchCorpus
import Foundation
import Matn

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var directory = repository.appendingPathComponent("../shared/data/names").standardized.path
var runs = 3
var minSeconds = 1.0
var rest = CommandLine.arguments.dropFirst()
while let arg = rest.popFirst() {
  switch arg {
  case "--runs": runs = max(1, required(rest.popFirst().flatMap { Int($0) }, "--runs needs a number"))
  case "--min-seconds": minSeconds = required(rest.popFirst().flatMap { Double($0) }, "--min-seconds needs a number")
  case _ where arg.hasPrefix("-"): fail("unknown option \(arg)")
  default: directory = arg
  }
}

func lines(_ name: String, in directory: String) -> [Substring] {
  let path = (directory as NSString).appendingPathComponent(name)
  let text = required(try? String(contentsOfFile: path, encoding: .utf8), "cannot read \(path)")
  return text.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix("#") }
}

let files = required(try? FileManager.default.contentsOfDirectory(atPath: directory), "cannot list \(directory)")
  .filter { $0.hasSuffix(".tsv") }.sorted()
var sets: [(name: String, names: [String])] = [("fa", []), ("ru", []), ("zh", []), ("latin", [])]
for file in files {
  let rows = lines(file, in: directory).map { $0.split(separator: "\t", maxSplits: 1) }.filter { $0.count == 2 }
  if let k = sets.firstIndex(where: { file.hasPrefix($0.name + "_") }) { sets[k].names += rows.map { String($0[0]) } }
  sets[3].names += rows.flatMap { $0[1].split(separator: ",").map(String.init) }
}
sets[0].names += lines("fa_given_names_unpaired_pgd.txt", in: directory).map(String.init)

/// The calling thread's CPU time in seconds.
func threadCPUSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

let indexer = NameIndexer.shared
for (name, names) in sets where !names.isEmpty {
  var sink = 0
  for n in names { sink &+= indexer.keys(for: n).phonetic.utf8.count }
  let cpu = threadCPUSeconds()
  let timing = Timing(runs: runs, minSeconds: minSeconds, units: Double(names.count)) {
    for n in names { sink &+= indexer.keys(for: n).phonetic.utf8.count }
  }
  let cpuRate = Double(names.count * timing.passes) / (threadCPUSeconds() - cpu)
  print(
    "\(name) names=\(names.count) names_per_s=\(Int(timing.best)) mean=\(Int(timing.mean)) passes=\(timing.passes)"
      + " cpu_names_per_s=\(Int(cpuRate))" + (sink == 42 ? " " : ""))
}
let fa = sets[0].names
if !fa.isEmpty {
  var sink = 0
  for n in fa { sink &+= indexer.romanize(n, top: 5).count }
  let cpu = threadCPUSeconds()
  let timing = Timing(runs: runs, minSeconds: minSeconds, units: Double(fa.count)) {
    for n in fa { sink &+= indexer.romanize(n, top: 5).count }
  }
  let cpuRate = Double(fa.count * timing.passes) / (threadCPUSeconds() - cpu)
  print(
    "fa-top5 names=\(fa.count) names_per_s=\(Int(timing.best)) mean=\(Int(timing.mean)) passes=\(timing.passes)"
      + " cpu_names_per_s=\(Int(cpuRate))" + (sink == 42 ? " " : ""))
}
