import Foundation
import MatnICU
import Testing

// Unicode's bidi conformance files run through the `Bidi` wrapper (so through the
// shim's UTF-8 ⇄ UTF-16 ⇄ scalar mapping too, not only through ICU).
//
// - BidiTest.txt lists inputs as Bidi_Class values; each class is replaced by one real
//   character of that class (see `BidiConformance.characterOfClass`).
// - BidiCharacterTest.txt lists code points, a paragraph direction, the resolved
//   paragraph level, levels and visual order. ICU 72 fails a few of its cases; they
//   are listed in Fixtures/BidiCharacterTest-known-failures.txt, and the list must stay
//   exact: a new failure fails the test, and so does a listed case that now passes.
//
// Levels are compared except where the expected level is 'x' (characters removed by
// rule X9); the visual order is compared after dropping the 'x' characters from it.
//
// One allowance, the one ICU's own conformance test (intltest/bidiconf.cpp) makes:
// when ubidi finds a text unidirectional it does not store resolved levels but reports
// every character at the paragraph level. Its reordering is then the same, so a level
// mismatch is accepted when ICU reports every character at the paragraph level and all
// expected (non-'x') levels have that level's parity. Such cases are counted and
// printed; the visual order is still checked in full.

@Suite(
  "BidiTest.txt conformance",
  .enabled(if: UnicodeData.available("BidiTest.txt"), UnicodeData.skipComment("BidiTest.txt"))
)
struct BidiTestConformance {
  @Test("Every case of BidiTest.txt, at every paragraph level it lists")
  func bidiTest() throws {
    let started = ContinuousClock.now
    let bytes = try #require(UnicodeData.bytes(of: "BidiTest.txt"), "BidiTest.txt unreadable")
    let bidi = try Bidi()
    var stats = BidiConformance.Stats()

    var expectedLevels: [Int16] = []
    var expectedOrder: [Int] = []
    var input: [UInt8] = []
    input.reserveCapacity(256)
    var lineNumber = 0
    var dataLines = 0
    // The bitset's paragraph levels: 1 = auto (P2, P3; LTR if no strong character), 2 = LTR, 4 = RTL.
    let paragraphLevels: [(bit: Int, level: Bidi.ParagraphLevel, name: String)] = [
      (1, .defaultLeftToRight, "auto"), (2, .leftToRight, "LTR"), (4, .rightToLeft, "RTL"),
    ]

    try bytes.withUnsafeBufferPointer { file in
      var lineStart = 0
      while lineStart < file.count {
        var lineEnd = lineStart
        while lineEnd < file.count && file[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        lineNumber += 1
        defer { lineStart = lineEnd + 1 }

        var line = BidiConformance.content(of: file, lineStart..<lineEnd)
        guard !line.isEmpty else { continue }

        if file[line.lowerBound] == UInt8(ascii: "@") {
          if BidiConformance.hasPrefix(file, line, "@Levels:") {
            line = (line.lowerBound + 8)..<line.upperBound
            expectedLevels = try #require(
              BidiConformance.parseLevels(file, line), "BidiTest.txt:\(lineNumber): bad @Levels")
          } else if BidiConformance.hasPrefix(file, line, "@Reorder:") {
            line = (line.lowerBound + 9)..<line.upperBound
            expectedOrder = try #require(
              BidiConformance.parseIntegers(file, line), "BidiTest.txt:\(lineNumber): bad @Reorder")
          }
          continue  // Other @ lines are to be ignored (file header).
        }

        // Data line: <classes> ; <bitset>
        var semicolon = line.lowerBound
        while semicolon < line.upperBound && file[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
        try #require(semicolon < line.upperBound, "BidiTest.txt:\(lineNumber): no ';'")
        input.removeAll(keepingCapacity: true)
        var classCount = 0
        var index = line.lowerBound
        while true {
          while index < semicolon && BidiConformance.isSpace(file[index]) { index += 1 }
          if index == semicolon { break }
          var end = index
          while end < semicolon && !BidiConformance.isSpace(file[end]) { end += 1 }
          let utf8 = try #require(
            BidiConformance.characterOfClass(file, index..<end),
            "BidiTest.txt:\(lineNumber): unknown bidi class")
          input.append(contentsOf: utf8)
          classCount += 1
          index = end
        }
        let bitset = try #require(
          BidiConformance.parseHex(file, (semicolon + 1)..<line.upperBound),
          "BidiTest.txt:\(lineNumber): bad bitset")
        try #require(
          classCount == expectedLevels.count,
          "BidiTest.txt:\(lineNumber): \(classCount) classes but \(expectedLevels.count) levels")
        dataLines += 1

        let text = String(decoding: input, as: UTF8.self)
        for (bit, level, name) in paragraphLevels where bitset & bit != 0 {
          try bidi.setText(text, paragraphLevel: level)
          let outcome = BidiConformance.compare(
            expectedLevels: expectedLevels, expectedOrder: expectedOrder,
            actualLevels: bidi.levels(), actualOrder: bidi.visualOrder(),
            paragraphLevel: bidi.paragraphLevel)
          stats.count(outcome) {
            let classes = String(decoding: UnsafeBufferPointer(rebasing: file[line]), as: UTF8.self)
            return "BidiTest.txt:\(lineNumber) [\(classes)] paragraph \(name): \($0)"
          }
        }
      }
    }

    let elapsed = ContinuousClock.now - started
    print(
      "BidiTest.txt: \(stats.checked) cases checked (\(dataLines) data lines), \(stats.failures) failures, "
        + "\(stats.unidirectionalShortcuts) passed via ICU's unidirectional-levels shortcut, "
        + "in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 2))))")
    #expect(stats.checked > 0, "no cases found in BidiTest.txt")
    #expect(stats.failures == 0, "BidiTest.txt: \(stats.failures) of \(stats.checked) cases failed")
  }
}

@Suite(
  "BidiCharacterTest.txt conformance",
  .enabled(
    if: UnicodeData.available("BidiCharacterTest.txt"), UnicodeData.skipComment("BidiCharacterTest.txt"))
)
struct BidiCharacterTestConformance {
  /// The known-failure list of ICU 72 on BidiCharacterTest.txt.
  static let knownFailuresFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/BidiCharacterTest-known-failures.txt")

  @Test("Every case of BidiCharacterTest.txt; failures exactly the known ones")
  func bidiCharacterTest() throws {
    let started = ContinuousClock.now
    let bytes = try #require(
      UnicodeData.bytes(of: "BidiCharacterTest.txt"), "BidiCharacterTest.txt unreadable")
    let known = try BidiConformance.KnownFailures.load(Self.knownFailuresFile)
    let bidi = try Bidi()
    var stats = BidiConformance.Stats()
    var failedLines: [Int: String] = [:]
    var firstLine = ""

    var scalars = String.UnicodeScalarView()
    var lineNumber = 0

    try bytes.withUnsafeBufferPointer { file in
      var lineStart = 0
      while lineStart < file.count {
        var lineEnd = lineStart
        while lineEnd < file.count && file[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        lineNumber += 1
        defer { lineStart = lineEnd + 1 }
        if lineNumber == 1 {
          firstLine = String(decoding: UnsafeBufferPointer(rebasing: file[lineStart..<lineEnd]), as: UTF8.self)
        }

        let line = BidiConformance.content(of: file, lineStart..<lineEnd)
        guard !line.isEmpty else { continue }

        // <code points> ; <direction> ; <paragraph level> ; <levels> ; <order>
        var fields: [Range<Int>] = []
        var fieldStart = line.lowerBound
        for index in line where file[index] == UInt8(ascii: ";") {
          fields.append(fieldStart..<index)
          fieldStart = index + 1
        }
        fields.append(fieldStart..<line.upperBound)
        try #require(fields.count == 5, "BidiCharacterTest.txt:\(lineNumber): \(fields.count) fields, not 5")

        scalars.removeAll(keepingCapacity: true)
        var index = fields[0].lowerBound
        while true {
          while index < fields[0].upperBound && BidiConformance.isSpace(file[index]) { index += 1 }
          if index == fields[0].upperBound { break }
          var end = index
          while end < fields[0].upperBound && !BidiConformance.isSpace(file[end]) { end += 1 }
          let value = try #require(
            BidiConformance.parseHex(file, index..<end).flatMap { Unicode.Scalar(UInt32($0)) },
            "BidiCharacterTest.txt:\(lineNumber): bad code point")
          scalars.append(value)
          index = end
        }
        let direction = try #require(
          BidiConformance.parseIntegers(file, fields[1]).flatMap { $0.count == 1 ? $0[0] : nil },
          "BidiCharacterTest.txt:\(lineNumber): bad paragraph direction")
        let paragraphLevel: Bidi.ParagraphLevel =
          switch direction {
          case 0: .leftToRight
          case 1: .rightToLeft
          default: .defaultLeftToRight
          }
        let expectedParagraphLevel = try #require(
          BidiConformance.parseIntegers(file, fields[2]).flatMap { $0.count == 1 ? $0[0] : nil },
          "BidiCharacterTest.txt:\(lineNumber): bad paragraph level")
        let expectedLevels = try #require(
          BidiConformance.parseLevels(file, fields[3]), "BidiCharacterTest.txt:\(lineNumber): bad levels")
        let expectedOrder = try #require(
          BidiConformance.parseIntegers(file, fields[4]), "BidiCharacterTest.txt:\(lineNumber): bad order")
        try #require(
          expectedLevels.count == scalars.count,
          "BidiCharacterTest.txt:\(lineNumber): \(scalars.count) code points but \(expectedLevels.count) levels")

        try bidi.setText(String(scalars), paragraphLevel: paragraphLevel)
        var outcome: BidiConformance.Outcome
        if Int(bidi.paragraphLevel) != expectedParagraphLevel {
          outcome = .failure(
            "paragraph level: expected \(expectedParagraphLevel), actual \(bidi.paragraphLevel)")
        } else {
          outcome = BidiConformance.compare(
            expectedLevels: expectedLevels, expectedOrder: expectedOrder,
            actualLevels: bidi.levels(), actualOrder: bidi.visualOrder(),
            paragraphLevel: bidi.paragraphLevel)
        }
        if case .failure(let message) = outcome {
          failedLines[lineNumber] = message
          if known.lines[lineNumber] != nil { outcome = .knownFailure }
        }
        stats.count(outcome) {
          let input = String(decoding: UnsafeBufferPointer(rebasing: file[line]), as: UTF8.self)
          return "BidiCharacterTest.txt:\(lineNumber) [\(input)]: \($0)"
        }
      }
    }

    // The fixture is keyed by line numbers: it must belong to this version of the file.
    #expect(
      firstLine.hasPrefix("# \(known.version)"),
      """
      \(Self.knownFailuresFile.lastPathComponent) lists failures of \(known.version), \
      but the data file is "\(firstLine)": regenerate the list for this version
      """)

    // A listed failure that now passes must leave the list, so the list stays exact.
    let nowPassing = known.lines.keys.filter { failedLines[$0] == nil }.sorted()
    for line in nowPassing {
      Issue.record(
        """
        BidiCharacterTest.txt:\(line) is listed as a known failure (\(known.lines[line] ?? "")) \
        but now passes: remove it from \(Self.knownFailuresFile.lastPathComponent)
        """)
    }

    let elapsed = ContinuousClock.now - started
    print(
      "BidiCharacterTest.txt: \(stats.checked) cases checked, \(stats.failures) new failures, "
        + "\(stats.knownFailures) known failures (of \(known.lines.count) listed, \(nowPassing.count) now passing), "
        + "\(stats.unidirectionalShortcuts) passed via ICU's unidirectional-levels shortcut, "
        + "in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 2))))")
    #expect(stats.checked > 0, "no cases found in BidiCharacterTest.txt")
    #expect(
      stats.failures == 0,
      "BidiCharacterTest.txt: \(stats.failures) failures not listed in \(Self.knownFailuresFile.lastPathComponent)")
  }
}

/// Needs no Unicode data file, so it runs (and keeps the fixture honest) everywhere.
@Suite("BidiCharacterTest.txt known-failure fixture")
struct BidiKnownFailuresFixture {
  @Test("The known-failure list is well-formed and sorted")
  func knownFailureList() throws {
    let known = try BidiConformance.KnownFailures.load(BidiCharacterTestConformance.knownFailuresFile)
    #expect(!known.version.isEmpty)
    #expect(known.order == known.order.sorted(), "keep the list sorted by line number")
    #expect(Set(known.order).count == known.order.count, "a line is listed twice")
    for (line, reason) in known.lines {
      #expect(!reason.isEmpty, "line \(line) has no reason")
    }
  }
}

/// Parsing and comparison shared by both conformance suites. Parsing works on the raw
/// bytes of the file: it runs over ~600,000 lines in a debug build.
enum BidiConformance {
  enum Outcome {
    case pass
    /// Passed with ICU's unidirectional-levels shortcut (see the file comment).
    case passUnidirectional
    case failure(String)
    case knownFailure
  }

  struct Stats {
    var checked = 0
    var failures = 0
    var knownFailures = 0
    var unidirectionalShortcuts = 0
    /// Failures beyond this many are counted but not reported one by one.
    var reportLimit = 25

    mutating func count(_ outcome: Outcome, describe: (String) -> String) {
      checked += 1
      switch outcome {
      case .pass: break
      case .passUnidirectional: unidirectionalShortcuts += 1
      case .knownFailure: knownFailures += 1
      case .failure(let message):
        failures += 1
        if failures <= reportLimit {
          Issue.record(Comment(rawValue: describe(message)))
        } else if failures == reportLimit + 1 {
          Issue.record("more failures not shown; see the final count")
        }
      }
    }
  }

  /// Compares one case. `expectedLevels` holds -1 for 'x'.
  static func compare(
    expectedLevels: [Int16], expectedOrder: [Int], actualLevels: [UInt8], actualOrder: [Int],
    paragraphLevel: UInt8
  ) -> Outcome {
    guard actualLevels.count == expectedLevels.count, actualOrder.count == expectedLevels.count else {
      return .failure(
        "expected \(expectedLevels.count) characters, got \(actualLevels.count) levels and \(actualOrder.count) positions")
    }
    var unidirectional = false
    for index in expectedLevels.indices {
      let expected = expectedLevels[index]
      if expected >= 0 && Int16(actualLevels[index]) != expected {
        guard isUnidirectionalShortcut(expectedLevels, actualLevels, paragraphLevel) else {
          return .failure(
            "levels: expected \(describe(expectedLevels)), actual \(actualLevels.map(String.init).joined(separator: " ")) "
              + "(first difference at index \(index))")
        }
        unidirectional = true
        break
      }
    }
    var visual = 0
    for logical in actualOrder where expectedLevels[logical] >= 0 {
      guard visual < expectedOrder.count, expectedOrder[visual] == logical else {
        let actual = actualOrder.filter { expectedLevels[$0] >= 0 }
        return .failure(
          "order: expected \(expectedOrder.map(String.init).joined(separator: " ")), "
            + "actual \(actual.map(String.init).joined(separator: " "))")
      }
      visual += 1
    }
    guard visual == expectedOrder.count else {
      return .failure("order: expected \(expectedOrder.count) positions, actual \(visual)")
    }
    return unidirectional ? .passUnidirectional : .pass
  }

  /// ICU reports all characters of a text it found unidirectional at the paragraph
  /// level; accepted when the expected levels all have that level's parity.
  private static func isUnidirectionalShortcut(
    _ expected: [Int16], _ actual: [UInt8], _ paragraphLevel: UInt8
  ) -> Bool {
    actual.allSatisfy { $0 == paragraphLevel }
      && expected.allSatisfy { $0 < 0 || $0 & 1 == Int16(paragraphLevel & 1) }
  }

  private static func describe(_ levels: [Int16]) -> String {
    levels.map { $0 < 0 ? "x" : String($0) }.joined(separator: " ")
  }

  /// The UTF-8 of one real character of a Bidi_Class, by its short name.
  static func characterOfClass(_ file: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> [UInt8]? {
    guard token.count <= 3 else { return nil }
    var key: UInt32 = 0
    for index in token { key = key << 8 | UInt32(file[index]) }
    return classTable[key]
  }

  /// Short Bidi_Class name → UTF-8 of a character of that class.
  private static let classTable: [UInt32: [UInt8]] = {
    let characters: [(String, Unicode.Scalar)] = [
      ("L", "a"), ("R", "\u{05D0}"), ("AL", "\u{0627}"),
      ("EN", "1"), ("ES", "+"), ("ET", "$"), ("AN", "\u{0660}"), ("CS", ","), ("NSM", "\u{0300}"),
      ("BN", "\u{00AD}"), ("B", "\u{2029}"), ("S", "\t"), ("WS", " "), ("ON", "!"),
      ("LRE", "\u{202A}"), ("RLE", "\u{202B}"), ("PDF", "\u{202C}"), ("LRO", "\u{202D}"),
      ("RLO", "\u{202E}"), ("LRI", "\u{2066}"), ("RLI", "\u{2067}"), ("FSI", "\u{2068}"),
      ("PDI", "\u{2069}"),
    ]
    var table: [UInt32: [UInt8]] = [:]
    for (name, scalar) in characters {
      let key = name.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
      table[key] = Array(String(scalar).utf8)
    }
    return table
  }()

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
  }

  /// The line without its comment and surrounding white space.
  static func content(of file: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int> {
    var start = line.lowerBound
    var end = line.lowerBound
    while end < line.upperBound && file[end] != UInt8(ascii: "#") { end += 1 }
    while start < end && isSpace(file[start]) { start += 1 }
    while end > start && isSpace(file[end - 1]) { end -= 1 }
    return start..<end
  }

  static func hasPrefix(_ file: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard range.count >= count else { return false }
    return prefix.withUTF8Buffer { prefix in
      (0..<count).allSatisfy { file[range.lowerBound + $0] == prefix[$0] }
    }
  }

  /// Space-separated levels; 'x' becomes -1.
  static func parseLevels(_ file: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Int16]? {
    var result: [Int16] = []
    var index = range.lowerBound
    while true {
      while index < range.upperBound && isSpace(file[index]) { index += 1 }
      if index == range.upperBound { return result }
      if file[index] == UInt8(ascii: "x") {
        result.append(-1)
        index += 1
      } else {
        var value = 0
        let start = index
        while index < range.upperBound, let digit = decimalDigit(file[index]) {
          value = value * 10 + digit
          index += 1
        }
        guard index > start, value <= 126 else { return nil }
        result.append(Int16(value))
      }
      guard index == range.upperBound || isSpace(file[index]) else { return nil }
    }
  }

  /// Space-separated decimal integers (possibly none).
  static func parseIntegers(_ file: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Int]? {
    var result: [Int] = []
    var index = range.lowerBound
    while true {
      while index < range.upperBound && isSpace(file[index]) { index += 1 }
      if index == range.upperBound { return result }
      var value = 0
      let start = index
      while index < range.upperBound, let digit = decimalDigit(file[index]) {
        value = value * 10 + digit
        index += 1
      }
      guard index > start, index == range.upperBound || isSpace(file[index]) else { return nil }
      result.append(value)
    }
  }

  /// One hexadecimal number, surrounded by optional white space.
  static func parseHex(_ file: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    var index = range.lowerBound
    var end = range.upperBound
    while index < end && isSpace(file[index]) { index += 1 }
    while end > index && isSpace(file[end - 1]) { end -= 1 }
    guard index < end, end - index <= 8 else { return nil }
    var value = 0
    for position in index..<end {
      let byte = file[position]
      let digit: Int
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
      default: return nil
      }
      value = value << 4 | digit
    }
    return value
  }

  private static func decimalDigit(_ byte: UInt8) -> Int? {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
  }
}

extension BidiConformance {
  /// Fixtures/BidiCharacterTest-known-failures.txt: `@version <first line of the data
  /// file, without '# '>`, then one `<line number> <reason>` per known failure; '#'
  /// starts a comment.
  struct KnownFailures {
    var version = ""
    var lines: [Int: String] = [:]
    /// Line numbers in file order.
    var order: [Int] = []

    static func load(_ url: URL) throws -> KnownFailures {
      let text = try String(contentsOf: url, encoding: .utf8)
      var result = KnownFailures()
      for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = rawLine.trimmingCharacters(in: .whitespaces)
        if line.isEmpty || line.hasPrefix("#") { continue }
        if line.hasPrefix("@version ") {
          result.version = String(line.dropFirst("@version ".count)).trimmingCharacters(in: .whitespaces)
          continue
        }
        let parts = line.split(separator: " ", maxSplits: 1)
        guard let number = Int(parts[0]), number > 0 else {
          throw FixtureError(message: "\(url.lastPathComponent):\(index + 1): expected '<line number> <reason>'")
        }
        result.lines[number] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        result.order.append(number)
      }
      return result
    }
  }

  struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
