import Testing

import MatnICU
@testable import Matn

@Suite("Article layout, duplicates and line roles")
struct ArticleLayoutTests {
  @Test("a wide gap holding a no-break space after a sentence end is a lost paragraph break")
  func noBreakGaps() {
    let line: Substring = "First one ends here.\u{A0} Second starts. \u{A0} Third “quoted.”\u{A0}\u{A0} Fourth."
    #expect(ArticleLayout.paragraphs(in: line) == ["First one ends here.", "Second starts.", "Third “quoted.”", "Fourth."])
  }

  @Test("single no-break spaces, plain double spaces and gaps not after a sentence end are not breaks")
  func notBreaks() {
    #expect(ArticleLayout.paragraphs(in: "One sentence.\u{A0}Two sentences.") == ["One sentence.\u{A0}Two sentences."])
    #expect(ArticleLayout.paragraphs(in: "One.  Two.  Three.") == ["One.  Two.  Three."])
    #expect(ArticleLayout.paragraphs(in: "given to (Azerbaijan)\u{A0} Republic") == ["given to (Azerbaijan)\u{A0} Republic"])
    #expect(ArticleLayout.paragraphs(in: "Hashemi\u{A0} took over.") == ["Hashemi\u{A0} took over."])
    #expect(ArticleLayout.paragraphs(in: "He said.\u{A0} and then") == ["He said.\u{A0} and then"])
  }

  @Test("lines split at LF, CR LF, CR, NEL, LS and PS, and are trimmed of spaces and invisibles")
  func lines() {
    let text = "a\r\nb\rc\u{85}d\u{2028}e\u{2029}f\n\u{200F} g \u{A0}\n"
    #expect(TextLines.lines(of: text) == ["a", "b", "c", "d", "e", "f", "\u{200F} g \u{A0}"])
    #expect(ArticleLayout.blocks(of: text).blocks.map(\.text) == ["a", "b", "c", "d", "e", "f", "g"])
    #expect(ArticleLayout.blocks(of: text).blocks.map(\.line) == [1, 2, 3, 4, 5, 6, 7])
  }

  @Test("editor initials: two to four capitals, a slash, two to four capitals")
  func editorInitials() {
    #expect(EditorInitials.isWholeLine("HJ/MA"))
    #expect(EditorInitials.isWholeLine("ABC/DE/FG"))
    #expect(EditorInitials.leading("EF/MA All Content")?.rest == "All Content")
    #expect(EditorInitials.leading("TV/radio news") == nil)
    #expect(EditorInitials.leading("A/B") == nil)
    #expect(EditorInitials.leading("HJ/MAX1") == nil)
    #expect(!EditorInitials.isWholeLine("HJ/MA said"))
  }

  @Test("line roles from the phrase table")
  func lineRoles() {
    let rules = LineRules.shared
    #expect(rules.role(of: "*Photo Credit: Press TV") == .credit(.photo))
    #expect(rules.role(of: "(Source: Independent)") == .credit(.source))
    #expect(rules.role(of: "All Content by X is licensed under a Creative Commons Attribution 4.0 International License.") == .credit(.license))
    #expect(rules.role(of: "طراحی و توسعه آگاه‌سیستم") == .boilerplate(reason: .init(.siteCredit)))
    #expect(rules.role(of: "انتهای پیام/") == .boilerplate(reason: .init(.endMarker)))
    #expect(rules.role(of: "By Sara Jafari") == .byline)
    #expect(rules.role(of: "نویسنده: زهرا محمدی") == .byline)
    // Not roles: a sentence that starts like a byline, a paragraph that mentions a
    // licence among other sentences, a word that starts with a phrase.
    #expect(rules.role(of: "By the end of the year, prices had risen by a third.") == nil)
    #expect(rules.role(of: "The drug was licensed under a Creative Commons deal. Doctors welcomed it.") == nil)
    #expect(rules.role(of: "Bypass roads were closed.") == nil)
    #expect(rules.role(of: "Endless queues formed.") == nil)
    // A phrase ending in a letter, then a letter outside ASCII: not a word's end.
    #expect(rules.role(of: "Byéline roads were closed.") == nil)
    // Folding: case, leading bullets and runs of spaces.
    #expect(rules.role(of: "  •  BY   Sara Jafari") == .byline)
    #expect(LineRules.fold("  *  Photo   CREDIT:\tÉlan") == "photo credit: élan")
  }

  @Test("one sentence: no sentence mark, space and capital, digit or quotation mark with more after it")
  func oneSentence() {
    #expect(!LineRules.isOneSentence("a. Bc"))
    #expect(!LineRules.isOneSentence("a! 1x"))
    #expect(!LineRules.isOneSentence("a؟ “x"))
    #expect(LineRules.isOneSentence("a. B"))  // the capital ends the line
    #expect(LineRules.isOneSentence("a.Bc"))
    #expect(LineRules.isOneSentence("a. bc"))
    #expect(LineRules.isOneSentence("abc"))
  }

  @Test("a line ending with a later line is cut there; repeated paragraphs and edge sentences go, counted")
  func duplicates() throws {
    let pieces = [
      "The bridge opened on Monday after four years. It is 1,200 metres long and has four lanes.",
      "It is 1,200 metres long and has four lanes.",
      "The bridge opened on Monday after four years.",
      "Officials said traffic would move freely. The bridge opened on Monday after four years.",
      "He added.",
      "He added.",
    ].enumerated().map { ArticleParser.Piece(text: $0.element, line: $0.offset + 1) }
    var report = Article.Report()
    let kept = ArticleDuplicates.remove(from: pieces, sentences: try BreakIterator(.sentence), report: &report).map(\.text)
    #expect(
      kept == [
        "The bridge opened on Monday after four years.",
        "It is 1,200 metres long and has four lanes.",
        "Officials said traffic would move freely.",
        "He added.",
      ])
    // The cut copy of line 2, line 3 (a repeat), line 6 (a repeat of a short line).
    #expect(report.duplicateParagraphs == 3)
    #expect(report.duplicateSentences == 1)
  }

  @Test("a repeated sentence inside a paragraph (not at an edge) is kept")
  func innerSentenceKept() throws {
    let pieces = [
      "Prices of rice rose sharply across the country.",
      "Traders were surprised. Prices of rice rose sharply across the country. Officials blamed the weather.",
    ].enumerated().map { ArticleParser.Piece(text: $0.element, line: $0.offset + 1) }
    var report = Article.Report()
    let kept = ArticleDuplicates.remove(from: pieces, sentences: try BreakIterator(.sentence), report: &report).map(\.text)
    #expect(kept == pieces.map(\.text))
    #expect(report.duplicateSentences == 0)
  }

  @Test("titles from slug file names")
  func fileNameTitles() {
    #expect(
      ArticleParser.title(fromFileName: "dir/_news_421318_India-allows-investment-in-rupees-in-Iran.txt")
        == "India allows investment in rupees in Iran")
    #expect(ArticleParser.title(fromFileName: "_news_123538_U-S-has-stepped-up-interference.txt") == "U.S. has stepped up interference")
    #expect(ArticleParser.title(fromFileName: "Iran-s-trade-balance-positive.txt") == "Iran's trade balance positive")
    #expect(ArticleParser.title(fromFileName: "_news_455796_Legacy.txt") == "Legacy")
    #expect(ArticleParser.title(fromFileName: "fars-news-1-000.txt") == nil)
    #expect(ArticleParser.title(fromFileName: "12345.txt") == nil)
  }

  @Test("headlines: short lines that do not end like a sentence; questions and ellipses allowed")
  func headlines() {
    #expect(ArticleParser.isHeadline("Iran Seeks to Strengthen Relations with Russia"))
    #expect(ArticleParser.isHeadline("Who is behind the Natanz incident?"))
    #expect(ArticleParser.isHeadline("صد و هفتاد و پنج مروارید..."))
    #expect(!ArticleParser.isHeadline("The council met on Tuesday."))
    #expect(!ArticleParser.isHeadline("He said:"))
    #expect(!ArticleParser.isHeadline(String(repeating: "word ", count: 40) + "..."))
    #expect(!ArticleParser.isHeadline(String(repeating: "x", count: 201)))
  }
}
