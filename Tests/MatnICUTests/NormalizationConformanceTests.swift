import TestSupport
import Testing

@testable import MatnICU

/// Unicode's own conformance file for UAX #15, NormalizationTest.txt (Debian's
/// `unicode-data`; `.ci/run` installs it, so CI never skips this).
@Suite(
  "NormalizationTest.txt conformance",
  .enabled(
    if: UnicodeData.available("NormalizationTest.txt"),
    UnicodeData.skipComment("NormalizationTest.txt")))
struct NormalizationConformanceTests {
  struct Case {
    var line: Int
    var columns: [String]  // c1...c5
  }

  /// Parses the file: every data line of every part, and the part-1 code points.
  static func load() throws -> (cases: [Case], part1: Set<UInt32>) {
    let text = try #require(UnicodeData.contents(of: "NormalizationTest.txt"))
    var cases: [Case] = []
    var part1 = Set<UInt32>()
    var part = ""
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.prefix { $0 != "#" }
      if line.hasPrefix("@") {
        part = String(line.split(separator: " ")[0])
        continue
      }
      let fields = line.split(separator: ";", omittingEmptySubsequences: false)
      guard fields.count >= 5 else { continue }
      var columns: [String] = []
      for field in fields.prefix(5) {
        var s = String.UnicodeScalarView()
        for hex in field.split(separator: " ") {
          let value = try #require(UInt32(hex, radix: 16), "line \(index + 1)")
          s.append(try #require(Unicode.Scalar(value)))
        }
        columns.append(String(s))
      }
      if part == "@Part1", let only = columns[0].unicodeScalars.first, columns[0].unicodeScalars.count == 1 {
        part1.insert(only.value)
      }
      cases.append(Case(line: index + 1, columns: columns))
    }
    return (cases, part1)
  }

  @Test("Parts 0–3: the invariants of every line hold for NFC, NFD, NFKC and NFKD")
  func columnInvariants() throws {
    let (cases, _) = try Self.load()
    #expect(cases.count > 18_000)
    let nfc = Normalizer.nfc, nfd = Normalizer.nfd, nfkc = Normalizer.nfkc, nfkd = Normalizer.nfkd
    var checks = 0
    var failures = 0
    for c in cases {
      let (c1, c2, c3, c4, c5) = (c.columns[0], c.columns[1], c.columns[2], c.columns[3], c.columns[4])
      let expectations: [(String, String, String)] = [
        ("NFC(c1)", nfc.normalize(c1), c2), ("NFC(c2)", nfc.normalize(c2), c2),
        ("NFC(c3)", nfc.normalize(c3), c2), ("NFC(c4)", nfc.normalize(c4), c4),
        ("NFC(c5)", nfc.normalize(c5), c4),
        ("NFD(c1)", nfd.normalize(c1), c3), ("NFD(c2)", nfd.normalize(c2), c3),
        ("NFD(c3)", nfd.normalize(c3), c3), ("NFD(c4)", nfd.normalize(c4), c5),
        ("NFD(c5)", nfd.normalize(c5), c5),
        ("NFKC(c1)", nfkc.normalize(c1), c4), ("NFKC(c2)", nfkc.normalize(c2), c4),
        ("NFKC(c3)", nfkc.normalize(c3), c4), ("NFKC(c4)", nfkc.normalize(c4), c4),
        ("NFKC(c5)", nfkc.normalize(c5), c4),
        ("NFKD(c1)", nfkd.normalize(c1), c5), ("NFKD(c2)", nfkd.normalize(c2), c5),
        ("NFKD(c3)", nfkd.normalize(c3), c5), ("NFKD(c4)", nfkd.normalize(c4), c5),
        ("NFKD(c5)", nfkd.normalize(c5), c5),
      ]
      for (what, actual, expected) in expectations {
        checks += 1
        if actual.unicodeScalars.elementsEqual(expected.unicodeScalars) { continue }
        failures += 1
        if failures <= 20 { Issue.record("NormalizationTest.txt line \(c.line): \(what) is wrong") }
      }
      // isNormalized must agree with normalize.
      checks += 4
      if nfc.isNormalized(c2) == false || nfd.isNormalized(c3) == false || nfkc.isNormalized(c4) == false
        || nfkd.isNormalized(c5) == false
      {
        failures += 1
        Issue.record("NormalizationTest.txt line \(c.line): isNormalized is false on a normalized column")
      }
    }
    print("NormalizationTest.txt: \(cases.count) lines, \(checks) checks, \(failures) failures")
    #expect(failures == 0)
  }

  @Test("a text made only of code points simple in a form is in that form (every line's columns)")
  func simpleCodePointsMakeNormalizedText() throws {
    let (cases, _) = try Self.load()
    for form in Normalizer.Form.allCases {
      let normalizer = Normalizer.shared(form)
      var allSimple = 0
      var failures = 0
      for c in cases {
        for column in c.columns where column.unicodeScalars.allSatisfy({ normalizer.isSimple($0.value) }) {
          allSimple += 1
          if normalizer.normalize(column) != column {
            failures += 1
            if failures <= 5 { Issue.record("\(form) line \(c.line): \(column.debugDescription) is not in the form") }
          }
        }
        // A code point that the form changes on its own is never simple.
        for column in c.columns where column.unicodeScalars.count == 1 {
          let v = column.unicodeScalars.first!.value
          if normalizer.normalize(column) != column { #expect(!normalizer.isSimple(v), "\(form) U+\(String(v, radix: 16))") }
        }
      }
      #expect(allSimple > 1_000, "\(form): the columns made only of simple code points")
      #expect(failures == 0)
    }
  }

  @Test("Part 1 rule: every code point not listed in part 1 is unchanged by all four forms")
  func unlistedCodePointsAreUnchanged() throws {
    let (_, part1) = try Self.load()
    // Each code point followed by a line feed: LF is a starter that composes with
    // nothing, so the whole text is unchanged exactly when every code point is.
    var text = String.UnicodeScalarView()
    var count = 0
    for value in UInt32(0)...0x10FFFF where !part1.contains(value) {
      guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
      text.append(scalar)
      text.append("\n")
      count += 1
    }
    let string = String(text)
    for form in Normalizer.Form.allCases where form != .nfkcCasefold {
      let normalizer = Normalizer.shared(form)
      #expect(normalizer.isNormalized(string), "\(form): some unlisted code point is not normalized")
      #expect(normalizer.normalize(string) == string, "\(form) changed an unlisted code point")
    }
    print("NormalizationTest.txt part 1 rule: \(count) unlisted code points checked in 4 forms")
    #expect(count > 1_000_000)
  }
}

/// NFKC_Casefold against the `NFKC_CF` mappings of DerivedNormalizationProps.txt.
@Suite(
  "NFKC_Casefold conformance",
  .enabled(
    if: UnicodeData.available("DerivedNormalizationProps.txt"),
    UnicodeData.skipComment("DerivedNormalizationProps.txt")))
struct CasefoldConformanceTests {
  @Test("every NFKC_CF mapping applies, and every code point without one is unchanged")
  func mappings() throws {
    let text = try #require(UnicodeData.contents(of: "DerivedNormalizationProps.txt"))
    var mapped: [UInt32: String] = [:]
    for rawLine in text.split(separator: "\n") {
      let line = rawLine.prefix { $0 != "#" }
      let fields = line.split(separator: ";", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: " ")
      }
      guard fields.count >= 3, fields[1] == "NFKC_CF" else { continue }
      var s = String.UnicodeScalarView()
      for hex in fields[2].split(separator: " ") {
        s.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
      }
      let range = fields[0].split(separator: ".", omittingEmptySubsequences: true)
      let low = UInt32(range[0], radix: 16)!
      let high = range.count > 1 ? UInt32(range[1], radix: 16)! : low
      for value in low...high { mapped[value] = String(s) }
    }
    #expect(mapped.count > 5_000)
    let fold = Normalizer.nfkcCasefold
    var failures = 0
    for (value, mapping) in mapped {
      guard let scalar = Unicode.Scalar(value) else { continue }
      // The property maps one code point; the normalizer then recomposes (NFC).
      let expected = Normalizer.nfc.normalize(mapping)
      if fold.normalize(String(scalar)) != expected {
        failures += 1
        if failures <= 20 { Issue.record("NFKC_Casefold(U+\(String(value, radix: 16, uppercase: true)))") }
      }
    }
    // Code points without a mapping fold to themselves.
    var unmapped = String.UnicodeScalarView()
    var unmappedCount = 0
    for value in UInt32(0)...0x10FFFF where mapped[value] == nil {
      guard let scalar = Unicode.Scalar(value), value != 0x0A else { continue }
      unmapped.append(scalar)
      unmapped.append("\n")
      unmappedCount += 1
    }
    let unmappedText = String(unmapped)
    #expect(fold.normalize(unmappedText) == unmappedText, "a code point without NFKC_CF mapping changed")
    print(
      "DerivedNormalizationProps.txt NFKC_CF: \(mapped.count) mappings and \(unmappedCount) unmapped code points checked, \(failures) failures"
    )
    #expect(failures == 0)
  }
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
  }
}
