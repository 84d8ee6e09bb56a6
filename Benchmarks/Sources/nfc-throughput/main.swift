// nfc-throughput: a small driver for scripts/bench-nfc.
//
//   nfc-throughput generate BYTES OUT_NFC OUT_NFD [SEED]
//       Writes the generated corpus (NFC) and its NFD form.
//   nfc-throughput matn FORM FILE [--expect FILE] [--min-seconds S]
//       Times MatnICU's Normalizer (FORM: nfc or nfkc) on the whole file as one String.
//   nfc-throughput foundation FORM FILE [--expect FILE] [--min-seconds S]
//       Times Foundation's precomposedStringWith{Canonical,Compatibility}Mapping applied
//       per line (it is quadratic on one large string).
//
// Timed modes read the file, check the result once against --expect (the output must
// be byte-identical), run one untimed warm-up pass, then time whole passes with
// ContinuousClock until at least --min-seconds (default 1) and 3 passes have elapsed.
// They print one line: `MBps=<mean over timed passes> best=<best single pass> passes=<n> bytes=<n>`
// (MB = 10^6 bytes of input).

import BenchCorpus
import Foundation
import MatnICU

func readText(_ path: String) -> String {
  guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
  return String(decoding: data, as: UTF8.self)
}

func write(_ text: String, to path: String) {
  guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
    fail("cannot write \(path)")
  }
}

struct Options {
  var expect: String?
  var minSeconds = 1.0
  init(_ args: ArraySlice<String>) {
    var args = args
    while let arg = args.popFirst() {
      switch arg {
      case "--expect": expect = required(args.popFirst(), "--expect needs a file")
      case "--min-seconds":
        minSeconds = required(args.popFirst().flatMap(Double.init), "--min-seconds needs a number")
      default: fail("unknown option \(arg)")
      }
    }
  }
}

/// Times `pass` (one whole pass over `bytes` bytes) and prints the figures.
func measure(bytes: Int, minSeconds: Double, _ pass: () -> Int) {
  var sink = pass()  // warm-up
  let clock = ContinuousClock()
  var total = Duration.zero
  var best = Duration.seconds(1_000_000)
  var passes = 0
  while passes < 3 || total < .seconds(minSeconds) {
    let start = clock.now
    sink &+= pass()
    let elapsed = clock.now - start
    total += elapsed
    best = min(best, elapsed)
    passes += 1
  }
  func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }
  let mb = Double(bytes) / 1e6
  let mean = mb * Double(passes) / seconds(total)
  let bestRate = mb / seconds(best)
  print(String(format: "MBps=%.1f best=%.1f passes=%d bytes=%d sink=%d", mean, bestRate, passes, bytes, sink))
}

func check(_ result: String, against expectPath: String?) {
  guard let expectPath else { return }
  let expected = readText(expectPath)
  if result != expected || !result.utf8.elementsEqual(expected.utf8) {
    fail("output differs from \(expectPath)")
  }
}

let args = CommandLine.arguments.dropFirst()
guard let mode = args.first else {
  fail("usage: nfc-throughput generate|matn|foundation …")
}

switch mode {
case "generate":
  let rest = Array(args.dropFirst())
  guard rest.count >= 3, let bytes = Int(rest[0]) else {
    fail("usage: nfc-throughput generate BYTES OUT_NFC OUT_NFD [SEED]")
  }
  let seed = rest.count > 3 ? required(UInt64(rest[3]), "bad seed") : Corpus.defaultSeed
  let composed = Corpus.generate(bytes: bytes, seed: seed)
  guard Normalizer.nfc.isNormalized(composed), Normalizer.nfkc.isNormalized(composed) else {
    fail("generated corpus is not NFC/NFKC")
  }
  let decomposed = Normalizer.nfd.normalize(composed)
  write(composed, to: rest[1])
  write(decomposed, to: rest[2])
  print("wrote \(composed.utf8.count) bytes (NFC) to \(rest[1]), \(decomposed.utf8.count) bytes (NFD) to \(rest[2])")

case "matn", "foundation":
  let rest = Array(args.dropFirst())
  guard rest.count >= 2 else { fail("usage: nfc-throughput \(mode) nfc|nfkc FILE [options]") }
  let form = rest[0]
  guard form == "nfc" || form == "nfkc" else { fail("form must be nfc or nfkc") }
  let text = readText(rest[1])
  let options = Options(rest[2...])
  let bytes = text.utf8.count

  if mode == "matn" {
    let normalizer = form == "nfc" ? Normalizer.nfc : Normalizer.nfkc
    check(normalizer.normalize(text), against: options.expect)
    measure(bytes: bytes, minSeconds: options.minSeconds) {
      normalizer.normalize(text).utf8.count
    }
  } else {
    // Split once, outside the timed region; keep the line feeds out of the calls.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let compat = form == "nfkc"
    func normalizeLine(_ line: String) -> String {
      compat ? line.precomposedStringWithCompatibilityMapping : line.precomposedStringWithCanonicalMapping
    }
    if options.expect != nil {
      check(lines.map(normalizeLine).joined(separator: "\n"), against: options.expect)
    }
    measure(bytes: bytes, minSeconds: options.minSeconds) {
      var n = 0
      for line in lines { n &+= normalizeLine(line).utf8.count }
      return n
    }
  }

default:
  fail("unknown mode \(mode)")
}
