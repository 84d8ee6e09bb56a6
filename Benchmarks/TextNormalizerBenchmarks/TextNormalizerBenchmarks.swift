// Throughput and allocations of Matn's TextNormalizer (the `article` profile: cleanup,
// Persian orthography, affix ZWNJ, punctuation, NFC) on the generated mixed
// English/Persian corpus (see Sources/BenchCorpus).
//
// Each iteration normalizes the whole corpus once: throughput (# / s) times
// `corpusMB` is MB/s.

import BenchCorpus
import Benchmark
import Matn

/// Size of the text normalized per iteration, in MB (10^6 bytes).
let corpusMB = 4

/// The corpus as generated (already in canonical Persian orthography: few changes to
/// make) and the same text typed on an Arabic keyboard (ي ك, spaces for ZWNJ: many).
struct Inputs: Sendable {
  let clean: String
  let arabicKeyboard: String

  static let shared: Inputs = {
    let clean = Corpus.generate(bytes: corpusMB * 1_000_000)
    let arabicKeyboard = ArabicKeyboard.retype(clean)
    precondition(arabicKeyboard.utf8.count == clean.utf8.count - clean.unicodeScalars.filter { $0 == "\u{200C}" }.count * 2)
    return Inputs(clean: clean, arabicKeyboard: arabicKeyboard)
  }()
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    timeUnits: .milliseconds,
    warmupIterations: 1,
    scalingFactor: .one,
    maxDuration: .seconds(5),
    maxIterations: 100
  )

  let normalizer = TextNormalizer(profile: .article)
  var withRanges = TextNormalizer.Options(profile: .article)
  withRanges.recordsRanges = true
  let recording = TextNormalizer(profile: .article, options: withRanges)

  let cases: [(name: String, normalizer: TextNormalizer, arabicKeyboard: Bool)] = [
    ("TextNormalizer article, canonical input", normalizer, false),
    ("TextNormalizer article, Arabic-keyboard input", normalizer, true),
    ("TextNormalizer article + ranges, Arabic-keyboard input", recording, true),
  ]

  for (name, normalizer, arabicKeyboard) in cases {
    Benchmark("\(name), \(corpusMB) MB") { benchmark, input in
      for _ in benchmark.scaledIterations {
        blackHole(normalizer.normalize(input))
      }
    } setup: {
      arabicKeyboard ? Inputs.shared.arabicKeyboard : Inputs.shared.clean
    }
  }
}
