// swift-tools-version: 6.1
//
// Matn — an ICU-backed toolkit that turns raw, mixed-script news text into clean,
// structured text. See README.md and ../shared/design/ARCHITECTURE.md.
//
// Dependency rule: matn → Matn → MatnICU → CICUShim → CICU; Matn → CMatnKernels (C
// loops that are not ICU).
// Nothing above MatnICU sees ICU; no public signature mentions a C type.

import PackageDescription

#if os(Linux)
  import Foundation  // FileManager: which static archives are installed
#endif

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

/// How the system libraries `names` (ICU, SQLite) are linked, in link order. On Linux a
/// release build takes their static archives when all are installed (libicu-dev and
/// libsqlite3-dev install them; `-l:libicuuc.a`): the dynamic loader then maps no library
/// of theirs and binds none of their symbols at each start, about 1 ms of a process's
/// start-up (scripts/bench-startup). Debug builds, and systems without the archives, link
/// the shared libraries; so does every other system (where pkg-config also gives the
/// flags of the system libraries below).
func systemLibraries(_ names: [String]) -> [LinkerSetting] {
  #if os(Linux)
    let folders = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib"]
    let archived = names.allSatisfy { name in
      folders.contains { FileManager.default.fileExists(atPath: "\($0)/lib\(name).a") }
    }
    guard archived else { return names.map { .linkedLibrary($0) } }
    return names.map { .linkedLibrary($0, .when(configuration: .debug)) }
      + names.map { .linkedLibrary(":lib\($0).a", .when(configuration: .release)) }
  #else
    return names.map { .linkedLibrary($0) }
  #endif
}

#if os(Linux)
  // Linked by systemLibraries(_:), not by pkg-config (its flags would take the shared
  // libraries first).
  let icuPkgConfig: String? = nil
  let sqlitePkgConfig: String? = nil
#else
  let icuPkgConfig: String? = "icu-uc icu-i18n"
  let sqlitePkgConfig: String? = "sqlite3"
#endif

let package = Package(
  name: "Matn",
  products: [
    .library(name: "Matn", targets: ["Matn"]),
    .library(name: "MatnICU", targets: ["MatnICU"]),
    .library(name: "MatnIndex", targets: ["MatnIndex"]),
    .executable(name: "matn", targets: ["matn"]),
    // The C ABI (Sources/MatnC/include/matn.h) as a shared library: libMatnC.so, which
    // the Python package in python/ loads with ctypes.
    .library(name: "MatnC", type: .dynamic, targets: ["MatnC"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // FilePath: paths as bytes (names that are not UTF-8, NFC and NFD names kept apart).
    .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    // `swift package generate-documentation --target Matn`: the DocC catalog
    // Sources/Matn/Matn.docc (a plugin only: nothing of it is linked into Matn).
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    // Carries the -I/-L/-l flags of system ICU (libicu-dev) outside Linux; exposes no
    // header. On Linux CICUShim names the libraries (systemLibraries).
    .systemLibrary(
      name: "CICU",
      pkgConfig: icuPkgConfig,
      providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
    ),
    // C/C++ shim: its public header uses only stdint types and opaque pointers;
    // ICU headers are included only in its .c/.cpp files (see ICU.md).
    .target(
      name: "CICUShim",
      dependencies: ["CICU"],
      linkerSettings: systemLibraries(["icui18n", "icuuc", "icudata"])
    ),
    // C hot loops that are not ICU (UTF-8 validation, scalar arrays, stage scans).
    .target(name: "CMatnKernels"),
    .target(name: "MatnICU", dependencies: ["CICUShim"], swiftSettings: swiftSettings),
    // Resources/ linked into the binary with .incbin (no bundle folder at run time).
    .target(name: "CMatnResources", cSettings: [.headerSearchPath("../../Resources")]),
    .target(
      name: "Matn",
      dependencies: [
        "MatnICU", "CMatnKernels", "CMatnResources", .product(name: "SystemPackage", package: "swift-system"),
      ],
      swiftSettings: swiftSettings),
    // System SQLite (libsqlite3-dev, with FTS5): only MatnIndex links it.
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: sqlitePkgConfig,
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
    ),
    // The embedded article index and search (matn index build, matn search) on SQLite;
    // Matn itself stays free of SQLite.
    .target(
      name: "MatnIndex",
      dependencies: ["Matn", "CSQLite", .product(name: "SystemPackage", package: "swift-system")],
      swiftSettings: swiftSettings,
      linkerSettings: systemLibraries(["sqlite3"])),
    .executableTarget(
      name: "matn",
      dependencies: [
        "Matn", "MatnIndex", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "SystemPackage", package: "swift-system"),
      ],
      swiftSettings: swiftSettings,
      // The release binary links the Swift runtime and FoundationEssentials (which
      // swift-argument-parser uses) statically: the dynamic loader then binds no symbol of
      // theirs, and a process starts in about 5.5 ms of CPU instead of 8.3
      // (scripts/bench-startup). The static FoundationEssentials needs its two support
      // libraries named.
      linkerSettings: [
        .unsafeFlags(
          ["-static-stdlib", "-lFoundationEssentials", "-l_FoundationCShims", "-l_FoundationCollections"],
          .when(platforms: [.linux], configuration: .release))
      ]
    ),
    // @_cdecl entry points over Matn's public API; its header is include/matn.h (plain C,
    // no Swift type), which the Swift compiler does not read.
    .target(
      name: "MatnC",
      dependencies: ["Matn", "CMatnKernels", .product(name: "SystemPackage", package: "swift-system")],
      exclude: ["include"],
      swiftSettings: swiftSettings,
      // A shared library takes the shared ICU (the static archives are not built to go
      // into one): named here, the shared libraries come first on the link line and the
      // archives systemLibraries adds in a Linux release build are left unused.
      linkerSettings: ["icui18n", "icuuc", "icudata"].map { .linkedLibrary($0) }),
    // Helpers shared by the test targets (deterministic random generator).
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
    .testTarget(
      name: "MatnICUTests", dependencies: ["MatnICU", "TestSupport"], exclude: ["Fixtures"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "MatnTests",
      dependencies: ["Matn", "MatnICU", "TestSupport", .product(name: "SystemPackage", package: "swift-system")],
      exclude: ["Fixtures"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "MatnIndexTests",
      dependencies: ["MatnIndex", "Matn", "TestSupport", .product(name: "SystemPackage", package: "swift-system")],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "MatnCLITests",
      dependencies: ["matn", "TestSupport"],
      swiftSettings: swiftSettings
    ),
  ],
  swiftLanguageModes: [.v6],
  cxxLanguageStandard: .cxx17
)
