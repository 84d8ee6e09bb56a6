// NFC and NFKC throughput and allocations of MatnICU's Normalizer on a generated
// mixed English/Persian corpus (see Sources/BenchCorpus).
//
// Each iteration normalizes the whole corpus once: throughput (# / s) times
// `Corpus.benchmarkMB` is MB/s.

import BenchCorpus
import Benchmark
import MatnICU

/// Size of the text normalized per iteration, in MB (10^6 bytes).
let corpusMB = 4

/// The corpus, already NFC (and NFKC), and its NFD form (needs composition).
/// Built once, lazily, the first time a benchmark's setup touches it.
struct Inputs: Sendable {
  let composed: String
  let decomposed: String

  static let shared: Inputs = {
    let composed = Corpus.generate(bytes: corpusMB * 1_000_000)
    precondition(Normalizer.nfc.isNormalized(composed), "generated corpus is not NFC")
    precondition(Normalizer.nfkc.isNormalized(composed), "generated corpus is not NFKC")
    let decomposed = Normalizer.nfd.normalize(composed)
    precondition(!Normalizer.nfc.isNormalized(decomposed), "NFD corpus needs no composition")
    precondition(Normalizer.nfc.normalize(decomposed) == composed, "NFC(NFD(corpus)) != corpus")
    return Inputs(composed: composed, decomposed: decomposed)
  }()
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal],
    timeUnits: .milliseconds,
    warmupIterations: 2,
    scalingFactor: .one,
    maxDuration: .seconds(3),
    maxIterations: 200
  )

  let cases: [(name: String, normalizer: Normalizer, decomposed: Bool)] = [
    ("NFC, already NFC", .nfc, false),
    ("NFC, needs composition (NFD input)", .nfc, true),
    ("NFKC, already NFKC", .nfkc, false),
    ("NFKC, needs composition (NFD input)", .nfkc, true),
  ]

  for (name, normalizer, decomposed) in cases {
    Benchmark("\(name), \(corpusMB) MB") { benchmark, input in
      for _ in benchmark.scaledIterations {
        blackHole(normalizer.normalize(input))
      }
    } setup: {
      decomposed ? Inputs.shared.decomposed : Inputs.shared.composed
    }
  }

  // The check alone (what `normalize` does first on every input).
  Benchmark("NFC isNormalized, already NFC, \(corpusMB) MB") { benchmark, input in
    for _ in benchmark.scaledIterations {
      blackHole(Normalizer.nfc.isNormalized(input))
    }
  } setup: {
    Inputs.shared.composed
  }
}
