import Foundation
import Matn
import Testing

@Suite("BidiControls")
struct BidiControlsTests {
  static let trojan = Fixtures.directory.appendingPathComponent("trojan-source")

  static func files(_ dir: URL) -> [URL] {
    ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? [])
      .filter { !$0.hasDirectoryPath }.sorted { $0.path < $1.path }
  }

  @Test("scan finds all twelve controls with UTF-8 offset, line and scalar column")
  func scan() {
    let text = "a\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\r\n\u{0627}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}"
    let controls = BidiControls.scan(text)
    #expect(controls.map(\.kind) == BidiControls.Kind.allCases)
    #expect(controls.first == .init(kind: .lre, utf8Offset: 1, line: 1, column: 2))
    // Line 2 starts after CR LF (one line break); U+0627 is 2 bytes, one column.
    #expect(controls[5] == .init(kind: .lri, utf8Offset: 16 + 2 + 2, line: 2, column: 2))
  }

  @Test("every control of every Trojan Source fixture is reported as an error", arguments: files(trojan))
  func trojanSource(_ file: URL) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    let errors = Set(BidiControls.check(text).filter { $0.severity == .error }.map(\.control))
    let dangerous = BidiControls.scan(text).filter { !$0.kind.isMark }
    #expect(!dangerous.isEmpty)
    for control in dangerous {
      #expect(errors.contains(control), "\(file.lastPathComponent):\(control.line):\(control.column) \(control.kind) not an error")
    }
  }

  @Test(
    "clean counterparts and legitimate bidi in strings, comments and prose raise no error",
    arguments: files(trojan.appendingPathComponent("clean")))
  func clean(_ file: URL) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    let errors = BidiControls.check(text).filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors)")
  }

  @Test("an unterminated RLE over Persian text in a Persian line is a warning; over English, an error")
  func unterminatedDisplayTest() {
    let harmless = BidiControls.check("این متن \u{202B}فارسی است ۲۰۰ ساله.")
    #expect(harmless.map(\.severity) == [.warning])
    #expect(harmless.map(\.rule) == [.unterminated])
    let harmful = BidiControls.check("The price is \u{202B}100 dollars, 20 cents")
    #expect(harmful.map(\.severity) == [.error])
  }

  @Test("pairing is per line: an embedding opened on one line is not closed by a PDF on the next")
  func perLine() {
    let findings = BidiControls.check("abc \u{202E}def\nghi\u{202C} jkl")
    #expect(findings.map(\.rule) == [.unterminated, .stray])
    #expect(findings.map(\.severity) == [.error, .warning])
    #expect(findings.map(\.control.line) == [1, 2])
  }

  @Test("PDI closes the embeddings inside its isolate, which count as unterminated")
  func pdiClosesEmbeddings() {
    let findings = BidiControls.check("x \u{2067}abc \u{202B}def\u{2069} y")
    #expect(findings.contains { $0.control.kind == .rle && $0.rule == .unterminated })
    #expect(findings.contains { $0.control.kind == .rli && $0.rule == .balanced })
  }

  @Test("an override reversing nothing is a warning; reversing letters or digits, an error")
  func overrides() {
    #expect(BidiControls.check("سلام \u{202E}دنیا\u{202C} خوب").map(\.severity) == [.warning])
    #expect(BidiControls.check("pay \u{202E}120\u{202C} now").map(\.severity) == [.error, .error])
    #expect(BidiControls.check("نام \u{202D}علی\u{202C} است").map(\.severity) == [.error, .error])
  }

  @Test("marks: not reported in prose, a note inside a number, a warning inside a URL, never an error")
  func marks() {
    #expect(BidiControls.check("گزارش\u{200F}\u{200C}ها از \u{200E}iPhone\u{200E} آمد").isEmpty)
    #expect(BidiControls.check("12\u{200E}34").map(\.severity) == [.note])
    #expect(BidiControls.check("see https://ex\u{200F}ample.com now").map(\.severity) == [.warning])
    #expect(BidiControls.check("see https://ex\u{2067}ample.com now").first?.severity == .error)
  }

  @Test("a Latin name isolated before a Persian suffix is not an identifier")
  func mixedDirectionWord() {
    let findings = BidiControls.check("\u{2066}iPhone\u{2069}ها")
    #expect(findings.allSatisfy { $0.severity < .error })
  }

  @Test("policies: strip removes all, keep-balanced only the dangerous, report nothing")
  func policies() {
    let text = "ok \u{2067}سلام\u{2069} \u{200E}then \u{202E}evil\u{202C} and \u{202B}open"
    let strip = BidiControls.apply(.strip, to: text)
    #expect(strip.text == "ok سلام then evil and open")
    #expect(strip.removed.count == 6)
    let keep = BidiControls.apply(.keepBalanced, to: text)
    #expect(keep.text == "ok \u{2067}سلام\u{2069} \u{200E}then evil and open")
    #expect(keep.removed.map(\.kind) == [.rlo, .pdf, .rle])
    #expect(keep.removed.first?.utf8Offset == Array("ok \u{2067}سلام\u{2069} \u{200E}then ".utf8).count)
    let report = BidiControls.apply(.report, to: text)
    #expect(report.text == text && report.removed.isEmpty && report.findings == strip.findings)
  }
}
