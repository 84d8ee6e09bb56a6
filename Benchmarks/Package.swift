// swift-tools-version: 6.1
//
// Benchmarks for Matn, kept in a separate package so that the main package does
// not depend on ordo-one/benchmark. Run from the repository root:
//
//   swift package --package-path Benchmarks benchmark
//
// See Benchmarks/README.md.

import PackageDescription

let package = Package(
  name: "MatnBenchmarks",
  dependencies: [
    .package(name: "Matn", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    // Deterministic generator of mixed English/Persian text (shared by the
    // benchmarks and by scripts/bench-nfc through `nfc-throughput generate`), and its
    // Arabic-keyboard retyping (ArabicKeyboard.swift).
    .target(name: "BenchCorpus", path: "Sources/BenchCorpus"),

    // ordo-one/benchmark discovers benchmark executables by their directory:
    // it must sit directly under a folder named `Benchmarks` (this package's root).
    .executableTarget(
      name: "NormalizationBenchmarks",
      dependencies: [
        "BenchCorpus",
        .product(name: "MatnICU", package: "Matn"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "NormalizationBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),

    // Plain throughput driver used by scripts/bench-nfc (not a benchmark target:
    // it lives under Sources/, so the benchmark plugin ignores it).
    .executableTarget(
      name: "nfc-throughput",
      dependencies: ["BenchCorpus", .product(name: "MatnICU", package: "Matn")],
      path: "Sources/nfc-throughput"
    ),

    // TextNormalizer (profile `article`): throughput, allocations and peak memory.
    .executableTarget(
      name: "TextNormalizerBenchmarks",
      dependencies: [
        "BenchCorpus",
        .product(name: "Matn", package: "Matn"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "TextNormalizerBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),

    // Plain throughput driver used by scripts/bench-normalize: TextNormalizer over
    // every file of a directory (like nfc-throughput, ignored by the benchmark plugin).
    .executableTarget(
      name: "normalize-throughput",
      dependencies: ["BenchCorpus", .product(name: "Matn", package: "Matn")],
      path: "Sources/normalize-throughput"
    ),

    // Plain throughput driver used by scripts/bench-decode: DecodedText(bytes:) over
    // every file of a directory (ignored by the benchmark plugin, like the others).
    .executableTarget(
      name: "decode-throughput",
      dependencies: ["BenchCorpus", .product(name: "Matn", package: "Matn"), .product(name: "MatnICU", package: "Matn")],
      path: "Sources/decode-throughput"
    ),

    // LanguageIdentifier: throughput, allocations and peak memory on 20 sentences.
    .executableTarget(
      name: "LanguageIdentifierBenchmarks",
      dependencies: [
        .product(name: "Matn", package: "Matn"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "LanguageIdentifierBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),

    // Issue 7's retrieval measure: index the Latin variants of a names TSV, query each
    // native form, count own row first (used by scripts/eval-name-retrieval).
    .executableTarget(
      name: "name-retrieval",
      dependencies: ["BenchCorpus", .product(name: "Matn", package: "Matn")],
      path: "Sources/name-retrieval"
    ),

    // Issue 7's extraction throughput: NameExtractor over every file of a directory,
    // single-threaded (ignored by the benchmark plugin, like the others).
    .executableTarget(
      name: "names-throughput",
      dependencies: ["BenchCorpus", .product(name: "Matn", package: "Matn")],
      path: "Sources/names-throughput"
    ),

    // Issue 7's speed measure: NameIndexer.keys(for:) per script, names per second
    // (used by scripts/bench-name-keys).
    .executableTarget(
      name: "name-keys-throughput",
      dependencies: ["BenchCorpus", .product(name: "Matn", package: "Matn")],
      path: "Sources/name-keys-throughput"
    ),

    // Plain throughput driver for issue 5: LanguageIdentifier over the lines of a file or
    // of a directory's *.txt files (ignored by the benchmark plugin, like the others).
    .executableTarget(
      name: "langid-throughput",
      dependencies: ["BenchCorpus", .product(name: "Matn", package: "Matn")],
      path: "Sources/langid-throughput"
    ),
  ],
  swiftLanguageModes: [.v6]
)
