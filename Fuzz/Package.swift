// swift-tools-version: 6.1
//
// libFuzzer targets for Matn, kept in a separate package so that users never build
// them (like Benchmarks/). They must be built with the fuzzer and address sanitizers
// on every module, Matn's included, which is what Fuzz/run.sh does:
//
//   swift build --package-path Fuzz -c release --sanitize fuzzer --sanitize address \
//     -Xswiftc -parse-as-library -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
//
// See Fuzz/README.md.

import PackageDescription

let package = Package(
  name: "MatnFuzz",
  dependencies: [.package(name: "Matn", path: "..")],
  targets: [
    // The invariant checks the targets share (valid UTF-8, U+FFFD accounting).
    .target(name: "FuzzSupport", dependencies: [.product(name: "Matn", package: "Matn")]),
    // DecodedText(bytes:), detecting and strict.
    .executableTarget(name: "FuzzDecode", dependencies: ["FuzzSupport", .product(name: "Matn", package: "Matn")]),
    // TextNormalizer, every profile: idempotent, no U+FFFD gained.
    .executableTarget(name: "FuzzNormalize", dependencies: ["FuzzSupport", .product(name: "Matn", package: "Matn")]),
    // BidiAnalysis and BidiControls.
    .executableTarget(name: "FuzzBidi", dependencies: ["FuzzSupport", .product(name: "Matn", package: "Matn")]),
    // ArticleParser().parse over decoded bytes, and the JSON it encodes to.
    .executableTarget(name: "FuzzArticle", dependencies: ["FuzzSupport", .product(name: "Matn", package: "Matn")]),
  ],
  swiftLanguageModes: [.v6]
)
