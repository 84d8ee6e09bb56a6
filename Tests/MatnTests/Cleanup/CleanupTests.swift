import Testing

@testable import Matn

/// The cleanup stage on its own, outside Persian words (the half-space cases are the
/// orthography cases' and the normaliser's).
@Suite("Cleanup: line ends, spaces, invisibles, controls, presentation forms")
struct CleanupTests {
  private func clean(_ text: String, _ options: Cleanup.Options = .init()) -> (text: String, counts: [ChangeKind: Int]) {
    var recorder = ChangeRecorder(recordsRanges: false)
    let buffer = Cleanup(options: options).apply(TextBuffer(text, trackOrigins: false, table: StageTable.shared), &recorder)
    return (buffer.string, recorder.report.counts)
  }

  @Test("CR LF, CR, NEL and LS end a line; PS ends a paragraph")
  func lineEnds() {
    let result = clean("a\r\nb\rc\u{85}d\u{2028}e\u{2029}f")
    #expect(result.text == "a\nb\nc\nd\ne\n\nf")
    #expect(result.counts[.lineEnding] == 5)
  }

  @Test("space separators and tabs become SPACE unless the options keep them")
  func spaces() {
    let text = "a\u{A0}b\u{2009}c\u{3000}d\te"
    let result = clean(text)
    #expect(result.text == "a b c d e")
    #expect(result.counts[.spaceSeparator] == 3 && result.counts[.tab] == 1)
    let kept = clean(text, .init(spaceSeparators: false, tabs: false, presentationForms: true))
    #expect(kept.text == text && kept.counts.isEmpty)
  }

  @Test("a BOM, zero-width spaces and C0/C1 controls are removed and counted by kind")
  func invisiblesAndControls() {
    let result = clean("\u{FEFF}Hello\u{200B} world\u{0007}\u{0085}!\u{0001}")
    #expect(result.text == "Hello world\n!")
    #expect(result.counts[.byteOrderMark] == 1)
    #expect(result.counts[.zeroWidthSpace] == 1)
    #expect(result.counts[.controlCharacter] == 2)
  }

  @Test("bidi controls around Latin text are removed and counted")
  func bidiControls() {
    let result = clean("\u{202B}abc\u{202C} \u{2067}def\u{2069}")
    #expect(result.text == "abc def")
    #expect(result.counts[.bidiControl] == 4)
  }

  @Test("Arabic presentation forms become their letters (NFKC of just those), unless kept")
  func presentationForms() {
    // ﻻ (lam-alef ligature) and ﺑ (beh initial form).
    let result = clean("\u{FEFB} \u{FE91}")
    #expect(result.text == "\u{0644}\u{0627} \u{0628}")
    #expect(result.counts[.presentationForm] == 2)
    #expect(clean("\u{FEFB}", .init(spaceSeparators: true, tabs: true, presentationForms: false)).text == "\u{FEFB}")
  }
}

@Suite("Cleanup: marks on the wrong script")
struct WrongScriptMarkTests {
  private func clean(_ text: String) -> (text: String, count: Int) {
    var recorder = ChangeRecorder(recordsRanges: false)
    let buffer = Cleanup(options: .init()).apply(TextBuffer(text, trackOrigins: false, table: StageTable.shared), &recorder)
    return (buffer.string, recorder.report[.wrongScriptMark])
  }

  @Test("an Arabic fatha or kasra on a Latin letter is removed and counted")
  func arabicMarkOnLatin() {
    #expect(clean("Rosَalind met Jِames") == ("Rosalind met James", 2))
    // Past a Latin accent kept on the same letter (e + U+0301 + fatha).
    #expect(clean("Rene\u{301}\u{64E}e") == ("Rene\u{301}e", 1))
    // Past a ZWNJ or tatweel that the orthography stage may remove afterwards.
    #expect(clean("e\u{200C}\u{654}x") == ("e\u{200C}x", 1))
    #expect(clean("e\u{640}\u{64E}x") == ("e\u{640}x", 1))
  }

  @Test("a Latin accent on an Arabic letter is removed and counted")
  func latinMarkOnArabic() {
    #expect(clean("کتا\u{301}ب") == ("کتاب", 1))
  }

  @Test("marks on their own script's letters, and marks after no letter, stay")
  func ownScriptMarks() {
    for text in ["کَتاب و خانهٔ ما", "Cafe\u{301} and nai\u{308}ve", "Ру\u{301}сский", "5\u{64E} and \u{64E}", "x\u{20E3}"] {
      #expect(clean(text) == (text, 0))
    }
  }
}
