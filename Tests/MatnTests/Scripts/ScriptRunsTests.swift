import MatnICU
import Testing

@testable import Matn

@Suite("Script runs")
struct ScriptRunsTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var rule: String
    var input: String
    /// `CODE:text` per run.
    var expected: [String]
    var testDescription: String { id }
  }

  static let cases: [Case] = {
    do {
      return try Fixtures.table("script-runs.tsv").map { row in
        let f = row.fields
        precondition(f.count >= 3, "script-runs.tsv line \(row.line): expected at least 3 fields")
        return Case(id: f[0], rule: f[1], input: f[2], expected: Array(f[3...]))
      }
    } catch {
      preconditionFailure("cannot read script-runs.tsv: \(error)")
    }
  }()

  static func render(_ runs: ScriptRuns, _ text: String) -> [String] {
    runs.map { "\($0.script.code):\($0.text(in: text))" }
  }

  @Test("the fixture has a case for every rule")
  func coverage() {
    #expect(Self.cases.count >= 40)
    #expect(Set(Self.cases.map(\.id)).count == Self.cases.count, "case ids must be unique")
  }

  @Test("each case", arguments: cases)
  func golden(_ c: Case) {
    let runs = ScriptRuns(c.input)
    let got = Self.render(runs, c.input)
    #expect(
      got == c.expected,
      "\(c.id) (\(c.rule)): got \(got.map(Fixtures.visible)), expected \(c.expected.map(Fixtures.visible))")
    Self.checkInvariants(runs, c.input)
  }

  /// Runs cover the text exactly, in order, with consistent scalar and byte ranges; no
  /// run is Common or Inherited unless it is the only one; neighbours differ in script.
  static func checkInvariants(_ runs: ScriptRuns, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let scalars = Array(text.unicodeScalars)
    var scalar = 0
    var byte = 0
    for (index, run) in runs.enumerated() {
      #expect(run.scalarRange.lowerBound == scalar, sourceLocation: sourceLocation)
      #expect(run.utf8Range.lowerBound == byte, sourceLocation: sourceLocation)
      #expect(!run.scalarRange.isEmpty, sourceLocation: sourceLocation)
      let piece = String(String.UnicodeScalarView(scalars[run.scalarRange]))
      #expect(run.text(in: text) == piece, sourceLocation: sourceLocation)
      #expect(run.utf8Range.count == piece.utf8.count, sourceLocation: sourceLocation)
      #expect(
        run.letterCount
          == piece.unicodeScalars.filter { $0.properties.isAlphabetic && $0.properties.generalCategory.isLetterForTest && !$0.script.isContextual }
          .count, sourceLocation: sourceLocation)
      #expect(run.direction == (run.script.isRightToLeft ? .rightToLeft : .leftToRight), sourceLocation: sourceLocation)
      if runs.count > 1 { #expect(!run.script.isContextual, "\(run.script)", sourceLocation: sourceLocation) }
      if index > 0 { #expect(runs[index - 1].script != run.script || run.script == .common, sourceLocation: sourceLocation) }
      scalar = run.scalarRange.upperBound
      byte = run.utf8Range.upperBound
    }
    #expect(scalar == scalars.count, sourceLocation: sourceLocation)
    #expect(byte == text.utf8.count, sourceLocation: sourceLocation)
  }

  @Test("ranges: scalar indices and UTF-8 offsets of a Persian run after Latin")
  func ranges() {
    let text = "a می\u{200C}روم"
    let runs = ScriptRuns(text)
    #expect(runs.count == 2)
    #expect(runs[1].scalarRange == 2..<8)  // ZWNJ is one of the six scalars
    #expect(runs[1].utf8Range == 2..<15)  // five two-byte letters and a three-byte ZWNJ
    #expect(runs[1].letterCount == 5)
    #expect(runs[1].range(in: text) == text.firstIndex(of: "م")!..<text.endIndex)
  }

  @Test("direction comes from the script")
  func direction() {
    let text = "abc سلام שלום ܫܠܡܐ ދިވެހި ߒߞߏ мир"
    let runs = ScriptRuns(text)
    #expect(runs.map(\.script.code) == ["Latn", "Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Cyrl"])
    #expect(runs.map(\.direction) == [.leftToRight] + Array(repeating: .rightToLeft, count: 5) + [.leftToRight])
    #expect(ScriptRuns("123")[0].direction == .leftToRight)
  }

  @Test("histogram: letters per script, dominant script, shares")
  func histogram() {
    let h = ScriptRuns("Tehran (تهران) is large, ۱۴۰۲!").histogram
    #expect(h.counts == [.latin: 13, .arabic: 5])
    #expect(h.dominant == .latin)
    #expect(h.letterCount == 18)
    #expect(abs(h.share(of: .arabic) - 5.0 / 18.0) < 1e-9)
    #expect(h[.cyrillic] == 0)
    #expect(ScriptHistogram("Tehran (تهران) is large, ۱۴۰۲!") == h)

    // Japanese: letters by their own script; ー is Common and not counted.
    let jp = ScriptRuns("コーヒーを飲みます").histogram
    #expect(jp.counts == [.hiragana: 4, .katakana: 2, .han: 1])
    #expect(jp.ranked.map(\.script) == [.hiragana, .katakana, .han])

    // Ties go to the lower script value (Arabic 2 before Latin 25).
    #expect(ScriptHistogram("ab سل").dominant == .arabic)

    let none = ScriptRuns("123 😀 ،")
    #expect(none.histogram.counts.isEmpty)
    #expect(none.histogram.dominant == nil)
    #expect(none.dominantScript == .common)
    #expect(none.histogram.share(of: .latin) == 0)
  }

  @Test("empty text")
  func empty() {
    let runs = ScriptRuns("")
    #expect(runs.isEmpty)
    #expect(runs.histogram.letterCount == 0)
  }

  @Test("an English article with a Persian footer, by paragraph")
  func article() {
    let text = """
      Officials met in Tehran on Sunday (local time) to discuss the 2024 budget.
      The talks, which lasted 3 hours, ended without a statement.

      کلیه حقوق این وب‌سایت متعلق به خبرگزاری است. © ۱۴۰۳
      """
    let runs = ScriptRuns(text)
    #expect(runs.map(\.script) == [.latin, .arabic])
    #expect(runs[1].text(in: text) == "کلیه حقوق این وب‌سایت متعلق به خبرگزاری است. © ۱۴۰۳")
    #expect(runs.histogram.dominant == .latin)
  }

  @Test("long mixed text of every case: the invariants hold")
  func long() {
    let pieces = Self.cases.map(\.input).filter { !$0.isEmpty && !$0.contains("\n") }
    var text = ""
    for i in 0..<400 { text += pieces[i % pieces.count] + "\n" }
    let runs = ScriptRuns(text)
    Self.checkInvariants(runs, text)
    var letters = 0
    for run in runs { letters += run.letterCount }
    #expect(letters == runs.histogram.letterCount)
  }
}

extension Unicode.GeneralCategory {
  fileprivate var isLetterForTest: Bool {
    switch self {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
    default: false
    }
  }
}
