// decode-throughput: a small driver for scripts/bench-decode.
//
//   decode-throughput DIR [--runs N] [--min-seconds S] [--validate-only]
//       Reads every regular file of DIR (sorted by name) as bytes, then times
//       DecodedText(bytes:) on each file separately — BOM check, UTF-8 validation, the
//       mojibake pre-check, and the String — as `matn decode` and `matn clean` do.
//       With --validate-only, only Matn's UTF8Scan (the floor). Every file must
//       be valid UTF-8 (the case being measured). One untimed warm-up pass, then N runs (default 3); a run repeats
//       whole passes until at least S seconds (default 1) and one pass have elapsed.
//
// Prints one line: `MBps=<best run> mean=<mean over runs> runs=<n> passes=<n> files=<n> bytes=<n>`
// (MB = 10^6 bytes of input).

import BenchCorpus
import Foundation
import Matn
import MatnICU

func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

var args = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
  guard let index = args.firstIndex(of: name), index + 1 < args.count else { return nil }
  let value = args[index + 1]
  args.removeSubrange(index...(index + 1))
  return value
}
let runs = option("--runs").map { Int($0) ?? 0 } ?? 3
let minSeconds = option("--min-seconds").map { Double($0) ?? -1 } ?? 1
let validateOnly = args.contains("--validate-only")
args.removeAll { $0 == "--validate-only" }
guard args.count == 1, runs > 0, minSeconds >= 0 else {
  fail("usage: decode-throughput DIR [--runs N] [--min-seconds S] [--validate-only]")
}

let manager = FileManager.default
let directory = args[0]
guard let names = try? manager.contentsOfDirectory(atPath: directory).sorted() else { fail("cannot list \(directory)") }
var files: [[UInt8]] = []
for name in names {
  let path = (directory as NSString).appendingPathComponent(name)
  var isDirectory: ObjCBool = false
  guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
  guard let data = manager.contents(atPath: path) else { fail("cannot read \(path)") }
  let bytes = [UInt8](data)
  do {
    let decoded = try DecodedText(bytes: bytes, strict: true)
    guard decoded.encoding == .utf8 else { fail("\(path): not UTF-8 but \(decoded.encoding)") }
  } catch {
    fail("\(path): \(error)")
  }
  files.append(bytes)
}
if files.isEmpty { fail("no files in \(directory)") }
let total = files.reduce(0) { $0 + $1.count }

@inline(never)
@MainActor func pass() -> Int {
  var sink = 0
  for bytes in files {
    if validateOnly {
      let result = bytes.withUnsafeBufferPointer { UTF8Scan.scan($0) }
      sink &+= result.firstInvalid ?? 0
    } else {
      sink &+= (try! DecodedText(bytes: bytes)).string.utf8.count
    }
  }
  return sink
}

var sink = pass()
var figures: [Double] = []
var passes = 0
for _ in 0..<runs {
  let clock = ContinuousClock()
  let start = clock.now
  var count = 0
  repeat {
    sink &+= pass()
    count += 1
  } while seconds(clock.now - start) < minSeconds
  figures.append(Double(total) * Double(count) / 1e6 / seconds(clock.now - start))
  passes += count
}
if sink == 42 { print("") }  // keeps the work observable
let mean = figures.reduce(0, +) / Double(figures.count)
print(String(format: "MBps=%.1f mean=%.1f runs=%d passes=%d files=%d bytes=%d", figures.max()!, mean, runs, passes, files.count, total))
