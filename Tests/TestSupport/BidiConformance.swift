import Foundation
import Testing

/// Parsing and comparison shared by both conformance suites. Parsing works on the raw
/// bytes of the file: it runs over ~600,000 lines in a debug build.
public enum BidiConformance {
  /// ICU 72's known failures on BidiCharacterTest.txt, shared by every suite that runs
  /// the file (through the raw wrapper and through `BidiAnalysis`).
  public static let knownFailuresFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../MatnICUTests/Fixtures/BidiCharacterTest-known-failures.txt").standardizedFileURL

  public enum Outcome {
    case pass
    /// Passed with ICU's unidirectional-levels shortcut (see the file comment).
    case passUnidirectional
    case failure(String)
    case knownFailure
  }

  public struct Stats {
    public var checked = 0
    public var failures = 0
    public var knownFailures = 0
    public var unidirectionalShortcuts = 0
    /// Failures beyond this many are counted but not reported one by one.
    public var reportLimit = 25

    public init() {}

    public mutating func count(_ outcome: Outcome, describe: (String) -> String) {
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
  public static func compare(
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
  public static func characterOfClass(_ file: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> [UInt8]? {
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

  /// Calls `body` with each line of `file` (its 1-based number and its byte range
  /// without the line feed).
  public static func forEachLine(
    _ file: UnsafeBufferPointer<UInt8>, _ body: (_ number: Int, _ start: Int, _ end: Int) throws -> Void
  ) rethrows {
    var lineStart = 0, number = 0
    while lineStart < file.count {
      var lineEnd = lineStart
      while lineEnd < file.count && file[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
      number += 1
      try body(number, lineStart, lineEnd)
      lineStart = lineEnd + 1
    }
  }

  public static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
  }

  /// The line without its comment and surrounding white space.
  public static func content(of file: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int> {
    var start = line.lowerBound
    var end = line.lowerBound
    while end < line.upperBound && file[end] != UInt8(ascii: "#") { end += 1 }
    while start < end && isSpace(file[start]) { start += 1 }
    while end > start && isSpace(file[end - 1]) { end -= 1 }
    return start..<end
  }

  public static func hasPrefix(_ file: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard range.count >= count else { return false }
    return prefix.withUTF8Buffer { prefix in
      (0..<count).allSatisfy { file[range.lowerBound + $0] == prefix[$0] }
    }
  }

  /// Space-separated levels; 'x' becomes -1.
  public static func parseLevels(_ file: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Int16]? {
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
  public static func parseIntegers(_ file: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Int]? {
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
  public static func parseHex(_ file: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
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
  public struct KnownFailures {
    public var version = ""
    public var lines: [Int: String] = [:]
    /// Line numbers in file order.
    public var order: [Int] = []

    public static func load(_ url: URL) throws -> KnownFailures {
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

  public struct FixtureError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }
}

extension BidiConformance {
  /// A paragraph direction as the conformance files give it.
  public enum ParagraphDirection: Sendable, CustomStringConvertible {
    /// Rules P2–P3, left-to-right when there is no strong character.
    case automatic
    case leftToRight, rightToLeft

    public var description: String {
      switch self {
      case .automatic: "auto"
      case .leftToRight: "LTR"
      case .rightToLeft: "RTL"
      }
    }
  }

  /// One case of a conformance file.
  public struct Case {
    public var text: String
    public var direction: ParagraphDirection
    /// The resolved paragraph level, when the file gives it (BidiCharacterTest.txt).
    public var expectedParagraphLevel: Int?
    /// -1 for 'x' (removed by rule X9).
    public var expectedLevels: [Int16]
    public var expectedOrder: [Int]
    /// 1-based line number in the file.
    public var lineNumber: Int
    /// The line's data, for messages: classes or code points.
    public var input: () -> String
  }

  /// Calls `body` for every case of BidiTest.txt (each data line at each paragraph
  /// level of its bitset; each class replaced by one character of that class) and
  /// returns the number of data lines.
  public static func forEachBidiTestCase(_ bytes: [UInt8], _ body: (Case) throws -> Void) throws -> Int {
    var expectedLevels: [Int16] = []
    var expectedOrder: [Int] = []
    var input: [UInt8] = []
    input.reserveCapacity(256)
    var lineNumber = 0
    var dataLines = 0
    // The bitset's paragraph levels: 1 = auto (P2, P3; LTR if no strong character), 2 = LTR, 4 = RTL.
    let paragraphLevels: [(bit: Int, direction: ParagraphDirection)] = [
      (1, .automatic), (2, .leftToRight), (4, .rightToLeft),
    ]

    try bytes.withUnsafeBufferPointer { file in
      try forEachLine(file) { number, lineStart, lineEnd in
        lineNumber = number

        var line = content(of: file, lineStart..<lineEnd)
        guard !line.isEmpty else { return }

        if file[line.lowerBound] == UInt8(ascii: "@") {
          if hasPrefix(file, line, "@Levels:") {
            line = (line.lowerBound + 8)..<line.upperBound
            expectedLevels = try #require(parseLevels(file, line), "BidiTest.txt:\(lineNumber): bad @Levels")
          } else if hasPrefix(file, line, "@Reorder:") {
            line = (line.lowerBound + 9)..<line.upperBound
            expectedOrder = try #require(parseIntegers(file, line), "BidiTest.txt:\(lineNumber): bad @Reorder")
          }
          return  // Other @ lines are to be ignored (file header).
        }

        // Data line: <classes> ; <bitset>
        var semicolon = line.lowerBound
        while semicolon < line.upperBound && file[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
        try #require(semicolon < line.upperBound, "BidiTest.txt:\(lineNumber): no ';'")
        input.removeAll(keepingCapacity: true)
        var classCount = 0
        var index = line.lowerBound
        while true {
          while index < semicolon && isSpace(file[index]) { index += 1 }
          if index == semicolon { break }
          var end = index
          while end < semicolon && !isSpace(file[end]) { end += 1 }
          let utf8 = try #require(
            characterOfClass(file, index..<end), "BidiTest.txt:\(lineNumber): unknown bidi class")
          input.append(contentsOf: utf8)
          classCount += 1
          index = end
        }
        let bitset = try #require(
          parseHex(file, (semicolon + 1)..<line.upperBound), "BidiTest.txt:\(lineNumber): bad bitset")
        try #require(
          classCount == expectedLevels.count,
          "BidiTest.txt:\(lineNumber): \(classCount) classes but \(expectedLevels.count) levels")
        dataLines += 1

        let text = String(decoding: input, as: UTF8.self)
        let lineRange = line
        for (bit, direction) in paragraphLevels where bitset & bit != 0 {
          try body(
            Case(
              text: text, direction: direction, expectedParagraphLevel: nil, expectedLevels: expectedLevels,
              expectedOrder: expectedOrder, lineNumber: lineNumber,
              input: { String(decoding: UnsafeBufferPointer(rebasing: file[lineRange]), as: UTF8.self) }))
        }
      }
    }
    return dataLines
  }

  /// Calls `body` for every case of BidiCharacterTest.txt and returns the file's first
  /// line (its version).
  public static func forEachCharacterTestCase(_ bytes: [UInt8], _ body: (Case) throws -> Void) throws -> String {
    var firstLine = ""
    var scalars = String.UnicodeScalarView()
    var lineNumber = 0

    try bytes.withUnsafeBufferPointer { file in
      try forEachLine(file) { number, lineStart, lineEnd in
        lineNumber = number
        if lineNumber == 1 {
          firstLine = String(decoding: UnsafeBufferPointer(rebasing: file[lineStart..<lineEnd]), as: UTF8.self)
        }

        let line = content(of: file, lineStart..<lineEnd)
        guard !line.isEmpty else { return }

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
          while index < fields[0].upperBound && isSpace(file[index]) { index += 1 }
          if index == fields[0].upperBound { break }
          var end = index
          while end < fields[0].upperBound && !isSpace(file[end]) { end += 1 }
          let value = try #require(
            parseHex(file, index..<end).flatMap { Unicode.Scalar(UInt32($0)) },
            "BidiCharacterTest.txt:\(lineNumber): bad code point")
          scalars.append(value)
          index = end
        }
        let direction = try #require(
          parseIntegers(file, fields[1]).flatMap { $0.count == 1 ? $0[0] : nil },
          "BidiCharacterTest.txt:\(lineNumber): bad paragraph direction")
        let expectedParagraphLevel = try #require(
          parseIntegers(file, fields[2]).flatMap { $0.count == 1 ? $0[0] : nil },
          "BidiCharacterTest.txt:\(lineNumber): bad paragraph level")
        let expectedLevels = try #require(
          parseLevels(file, fields[3]), "BidiCharacterTest.txt:\(lineNumber): bad levels")
        let expectedOrder = try #require(
          parseIntegers(file, fields[4]), "BidiCharacterTest.txt:\(lineNumber): bad order")
        try #require(
          expectedLevels.count == scalars.count,
          "BidiCharacterTest.txt:\(lineNumber): \(scalars.count) code points but \(expectedLevels.count) levels")

        let lineRange = line
        try body(
          Case(
            text: String(scalars),
            direction: direction == 0 ? .leftToRight : direction == 1 ? .rightToLeft : .automatic,
            expectedParagraphLevel: expectedParagraphLevel, expectedLevels: expectedLevels,
            expectedOrder: expectedOrder, lineNumber: lineNumber,
            input: { String(decoding: UnsafeBufferPointer(rebasing: file[lineRange]), as: UTF8.self) }))
      }
    }
    return firstLine
  }

  /// Runs BidiCharacterTest.txt through `analyse` (which returns the paragraph level,
  /// levels and visual order of a case) and records every failure not in the known
  /// list, every listed case that now passes, and a stale list; prints the counts.
  public static func runCharacterTest(
    _ bytes: [UInt8], label: String = "",
    analyse: (String, ParagraphDirection) throws -> (paragraphLevel: UInt8, levels: [UInt8], order: [Int])
  ) throws {
    let started = ContinuousClock.now
    let known = try KnownFailures.load(knownFailuresFile)
    var stats = Stats()
    var failedLines: Set<Int> = []
    let firstLine = try forEachCharacterTestCase(bytes) { testCase in
      let actual = try analyse(testCase.text, testCase.direction)
      var outcome: Outcome
      if let expected = testCase.expectedParagraphLevel, Int(actual.paragraphLevel) != expected {
        outcome = .failure("paragraph level: expected \(expected), actual \(actual.paragraphLevel)")
      } else {
        outcome = compare(
          expectedLevels: testCase.expectedLevels, expectedOrder: testCase.expectedOrder,
          actualLevels: actual.levels, actualOrder: actual.order, paragraphLevel: actual.paragraphLevel)
      }
      if case .failure = outcome {
        failedLines.insert(testCase.lineNumber)
        if known.lines[testCase.lineNumber] != nil { outcome = .knownFailure }
      }
      stats.count(outcome) { "BidiCharacterTest.txt:\(testCase.lineNumber) [\(testCase.input())]: \($0)" }
    }

    // The fixture is keyed by line numbers: it must belong to this version of the file.
    #expect(
      firstLine.hasPrefix("# \(known.version)"),
      """
      \(knownFailuresFile.lastPathComponent) lists failures of \(known.version), \
      but the data file is "\(firstLine)": regenerate the list for this version
      """)

    // A listed failure that now passes must leave the list, so the list stays exact.
    let nowPassing = known.lines.keys.filter { !failedLines.contains($0) }.sorted()
    for line in nowPassing {
      Issue.record(
        """
        BidiCharacterTest.txt:\(line) is listed as a known failure (\(known.lines[line] ?? "")) \
        but now passes: remove it from \(knownFailuresFile.lastPathComponent)
        """)
    }

    let elapsed = ContinuousClock.now - started
    print(
      "BidiCharacterTest.txt\(label): \(stats.checked) cases checked, \(stats.failures) new failures, "
        + "\(stats.knownFailures) known failures (of \(known.lines.count) listed, \(nowPassing.count) now passing), "
        + "\(stats.unidirectionalShortcuts) passed via ICU's unidirectional-levels shortcut, "
        + "in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 2))))")
    #expect(stats.checked > 0, "no cases found in BidiCharacterTest.txt")
    #expect(
      stats.failures == 0,
      "BidiCharacterTest.txt: \(stats.failures) failures not listed in \(knownFailuresFile.lastPathComponent)")
  }

  /// Runs BidiTest.txt through `analyse`, records failures and prints the counts.
  public static func runBidiTest(
    _ bytes: [UInt8], label: String = "",
    analyse: (String, ParagraphDirection) throws -> (paragraphLevel: UInt8, levels: [UInt8], order: [Int])
  ) throws {
    let started = ContinuousClock.now
    var stats = Stats()
    let dataLines = try forEachBidiTestCase(bytes) { testCase in
      let actual = try analyse(testCase.text, testCase.direction)
      let outcome = compare(
        expectedLevels: testCase.expectedLevels, expectedOrder: testCase.expectedOrder,
        actualLevels: actual.levels, actualOrder: actual.order, paragraphLevel: actual.paragraphLevel)
      stats.count(outcome) {
        "BidiTest.txt:\(testCase.lineNumber) [\(testCase.input())] paragraph \(testCase.direction): \($0)"
      }
    }
    let elapsed = ContinuousClock.now - started
    print(
      "BidiTest.txt\(label): \(stats.checked) cases checked (\(dataLines) data lines), \(stats.failures) failures, "
        + "\(stats.unidirectionalShortcuts) passed via ICU's unidirectional-levels shortcut, "
        + "in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 2))))")
    #expect(stats.checked > 0, "no cases found in BidiTest.txt")
    #expect(stats.failures == 0, "BidiTest.txt: \(stats.failures) of \(stats.checked) cases failed")
  }
}
