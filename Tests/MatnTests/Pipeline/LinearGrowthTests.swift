import Synchronization
import TestSupport
import Testing

@testable import Matn

/// Issue #16, "linear everywhere": runs that a rule used to rescan once per scalar
/// (O(n²)). The timings live in scripts/check-growth; here each memo's work is counted,
/// and inputs far past where the old code stalled (200,000 ZWNJ took minutes) must
/// come out right.
@Suite("Linear growth")
struct LinearGrowthTests {
  static let article = TextNormalizer(profile: .article)

  /// `unit` repeated `n` times between `before` and `after`, normalised (article profile).
  static func run(_ unit: String, _ n: Int, between before: String, and after: String) -> NormalizedText {
    article.normalize(before + String(repeating: unit, count: n) + after)
  }

  @Test("a forward-run memo looks at each scalar of a run once, whichever position asks")
  func forwardRunMemoIsLinear() {
    let n = 100_000
    var memo = ForwardRunMemo()
    var looks = 0
    for i in 0..<n {
      let end = memo.end(from: i, count: n + 1) { k in
        looks += 1
        return k < n
      }
      #expect(end == n)
    }
    #expect(looks <= n + 1, "one look per scalar, not one per scalar per query")
  }

  @Test("a look-behind over a rewriter's output looks at each written scalar once")
  func outputLookBehindIsLinear() {
    let n = 50_000
    let text = "ب" + String(repeating: "\u{0670}", count: n)
    let buffer = TextBuffer(text, trackOrigins: false, table: StageTable.shared)
    var out = Rewriter(buffer)
    var memo = OutputLookBehind()
    var looks = 0
    for i in 0..<buffer.count {
      out.keep(i)
      let k = memo.last(out) { v in
        looks += 1
        return v == 0x0670
      }
      #expect(k == 0, "the letter, past every mark")
    }
    #expect(looks <= 2 * buffer.count)
  }

  @Test("200,000 ZWNJ in a row become one")
  func longZWNJRun() {
    let n = 200_000
    let result = Self.run("\u{200C}", n, between: "می", and: "روم")
    #expect(result.text == "می\u{200C}روم")
    #expect(result.report[.repeatedZWNJ] == n - 1)
  }

  @Test("kasra and ZWNJ alternating 100,000 times: the marks go, one ZWNJ stays")
  func removedMarksBetweenZWNJ() {
    let n = 100_000
    let result = Self.run("\u{0650}\u{200C}", n, between: "کتاب ب", and: "ب")
    #expect(result.text == "کتاب ب\u{200C}ب")
    #expect(result.report[.diacritic] == n)
    #expect(result.report[.repeatedZWNJ] == n - 1)
  }

  @Test("superscript alef and ZWNJ alternating 100,000 times: the marks stay, the ZWNJ after a mark goes")
  func keptMarksBetweenZWNJ() {
    let n = 100_000
    let result = Self.run("\u{0670}\u{200C}", n, between: "کتاب ب", and: "ب")
    #expect(result.text == "کتاب ب\u{0670}\u{200C}" + String(repeating: "\u{0670}", count: n - 1) + "ب")
    #expect(result.report[.strayZWNJ] == n - 1)
  }

  @Test("100,000 tanwin-fath on one letter before alef are kept")
  func tanwinRun() {
    let n = 100_000
    let text = "ب" + String(repeating: "\u{064B}", count: n) + "ا"
    let result = Self.article.normalize(text)
    #expect(result.text == text)
    #expect(result.report.totalChanges == 0)
  }

  @Test("tatweel and fatha alternating 50,000 times between letters: all removed")
  func tatweelAndMarks() {
    let n = 50_000
    let result = Self.run("\u{0640}\u{064E}", n, between: "ب", and: "ب ت")
    #expect(result.text == "بب ت")
    #expect(result.report[.diacritic] == n)
  }

  @Test("50,000 quoted numbers after a Persian word, no letter between them: all become guillemets")
  func quotesWithoutLetters() {
    let n = 50_000
    let numbers = (0..<n).map { "\"\($0)\"" }
    let result = Self.article.normalize("او گفت " + numbers.joined(separator: " "))
    #expect(result.text == "او گفت " + (0..<n).map { "«\($0)»" }.joined(separator: " "))
    #expect(result.report[.guillemets] == 2 * n)
  }

  @Test("nested curly quotes without letters, 20,000 deep: every pair converted")
  func nestedCurlyQuotes() {
    let n = 20_000
    let text = "او گفت " + String(repeating: "\u{201C}", count: n) + "۱" + String(repeating: "\u{201D}", count: n)
    let result = Self.article.normalize(text)
    #expect(result.text == "او گفت " + String(repeating: "«", count: n) + "۱" + String(repeating: "»", count: n))
  }

  @Test("bidi check: 50,000 escaped quotes that pair with nothing are searched once, not once each")
  func unpairedQuotesInBidiCheck() {
    let n = 50_000
    let line = "x \u{2067}" + String(repeating: "\\\"", count: n) + "\u{2069} y"
    let findings = BidiControls.check(line + "\n" + line)
    #expect(findings.map(\.rule) == [.balanced, .balanced])
    #expect(findings.map(\.control.line) == [1, 2])
    #expect(findings.map(\.control.column) == [3, 3])
  }

  @Test("bidi check: lines without controls are read as bytes; a block comment still spans them")
  func blockCommentAcrossLinesWithoutControls() {
    let text = "a /* start\n" + String(repeating: "ب", count: 1000) + " # x\r\nend */ b \u{202E}c\u{202C}"
    let findings = BidiControls.check(text)
    #expect(findings.count == 2, "the override after the comment is in prose")
    #expect(findings.allSatisfy { $0.control.line == 3 && $0.rule != .insideLiteral })
  }

  @Test("a glued name of 20,000 letters and joiners romanises without the per-cut rehash")
  func longGluedName() {
    let n = 20_000
    let keys = NameIndexer.shared.keys(for: String(repeating: "\u{0628}\u{200D}\u{200C}", count: n))
    #expect(keys.display == "B" + String(repeating: "b", count: n - 1))
  }

  // MARK: - Normalising a long text in segments

  /// A normalizer of `profile` that cuts texts into segments of about `bytes`.
  static func segmented(_ profile: TextNormalizer.Profile, every bytes: Int) -> TextNormalizer {
    var options = TextNormalizer.Options(profile: profile)
    options.segmentBytes = bytes
    return TextNormalizer(profile: profile, options: options)
  }

  /// Expects `text` normalised in small segments to equal it normalised whole.
  static func expectSegmentsAgree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for profile in TextNormalizer.Profile.allCases {
      let whole = TextNormalizer(profile: profile).normalize(text)
      for bytes in [1, 7, 40] {
        let pieces = segmented(profile, every: bytes).normalize(text)
        #expect(pieces.text == whole.text, "\(profile), \(bytes) B: \(Fixtures.visible(text))", sourceLocation: sourceLocation)
        #expect(pieces.report == whole.report, "\(profile), \(bytes) B", sourceLocation: sourceLocation)
      }
    }
  }

  @Test("a text is cut only inside a space-delimited ASCII word, with no quote open on its line")
  func segmentCuts() {
    let text = "او گفت \"the debate went\" on and on «خبر» here"
    let cuts = TextNormalizer.segments(of: text, every: 1)
    let utf8 = Array(text.utf8)
    #expect(cuts.first == 0 && cuts.last == utf8.count)
    let pieces = zip(cuts, cuts.dropFirst()).map { String(decoding: utf8[$0..<$1], as: UTF8.self) }
    #expect(pieces == ["او گفت \"the debate went\" o", "n a", "nd o", "n «خبر» here"], "the last word has no space after it")
    #expect(TextNormalizer.segments(of: "بی‌فاصله‌و‌بدون‌واژهٔ‌لاتین", every: 1).count == 2, "no place to cut: one segment")
  }

  @Test("normalised in segments, mixed Persian and English text gives the same text and report as whole")
  func segmentsAgreeOnMixedText() {
    Self.expectSegmentsAgree(
      "The council met in Tehran. شورا در تهران جلسه‌ای تشکیل داد و گفت \"مي خواهد\" and then “دو “سه” ok” end.\r\n"
        + "\u{202B}RLE here\u{202C} يك كتاب ?  and   more words ، here\u{00A0}now http://x.ir/a?b and text 1,200 again\n"
        + "خانه ای بزرگ تر آگاهسیستم است ? and e\u{0301} cafe\u{0301} word\u{2029}next para ی ي ك here the end")
  }

  @Test("normalised in segments, the half-space evidence of the text so far passes from one segment to the next")
  func segmentsCarrySplitEvidence() {
    // Thirty glued «می» verbs, then (past Latin words, where a cut may fall) a glued compound
    // that this evidence gives its ZWNJ (SplitConfidence).
    let text = String(repeating: "او میگوید ", count: 30) + "and more words here بینالمللی ICT کتابها"
    #expect(TextNormalizer(profile: .article).normalize(text).text.contains("بین\u{200C}المللی"))
    Self.expectSegmentsAgree(text)
  }

  @Test("normalised in segments, each span is decided once, as whole (the first pass's decisions are kept)")
  func segmentsDecideEachSpanOnce() {
    /// The default classifier, counting the spans it is asked to decide.
    struct Counting: ArabicScriptSpanClassifier {
      let calls: Counter
      let inner = LetterStatisticsClassifier()
      func classify(_ span: String) -> ArabicScriptLanguage? { inner.classify(span) }
      func decide(_ span: ArabicScriptSpan) -> ArabicScriptSpanDecision {
        calls.value.withLock { $0 += 1 }
        return inner.decide(span)
      }
    }
    final class Counter: Sendable { let value = Mutex(0) }
    let text = (0..<20).map { "سطر \($0) در تهران است and more words here \"يك\" next" }.joined(separator: "\n")
    func decisions(every bytes: Int) -> Int {
      var options = TextNormalizer.Options(profile: .article)
      let counter = Counter()
      options.spanClassifier = Counting(calls: counter)
      options.segmentBytes = bytes
      _ = TextNormalizer(profile: .article, options: options).normalize(text)
      return counter.value.withLock { $0 }
    }
    let whole = decisions(every: 1 << 20)
    #expect(whole > 20)
    #expect(decisions(every: 30) == whole)
  }

  @Test("a part of a text is normalised in place as its copy would be, in segments or whole")
  func substringNormalisesLikeItsCopy() {
    let text = " The council met in Tehran. شورا در تهران جلسه ای داشت و گفت \"يك\" and more words here. "
    let part = text.dropFirst().dropLast()
    for bytes in [7, 1 << 18] {
      let normalizer = Self.segmented(.article, every: bytes)
      #expect(normalizer.normalize(part).0 == normalizer.normalize(String(part)))
    }
  }

  @Test("normalised in segments, random text gives the same text and report as whole")
  func segmentsAgreeOnRandomText() {
    var generator = SplitMix64(seed: 16)
    let words = [" the ", " and ", " Tehran ", " news ", "\n", " \" ", " “", "” "]
    for _ in 0..<300 {
      var text = ""
      for _ in 0..<Int(generator.next() % 40) {
        text +=
          generator.next() % 3 == 0
          ? words[Int(generator.next() % UInt64(words.count))]
          : TextNormalizerTests.palette[Int(generator.next() % UInt64(TextNormalizerTests.palette.count))]
      }
      Self.expectSegmentsAgree(text)
    }
  }

  @Test("a histogram found without keeping the runs equals the runs' histogram")
  func histogramWithoutRuns() {
    var generator = SplitMix64(seed: 7)
    let pieces = ["قیمت ", "iPhone ", "(", ")", "«", "»", "۱۵ ", "،", "Ж", "中文", "ひらがな", " \"", "\" ", "ـ", "\n"]
    for _ in 0..<300 {
      let text = (0..<Int(generator.next() % 30)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
      #expect(ScriptHistogram(text) == ScriptRuns(text).histogram, "\(text)")
    }
  }

  // MARK: - Names in windows

  @Test("names read in small windows: the same mentions as in one piece", arguments: [1, 5, 64])
  func nameWindowsAgree(windowBytes: Int) {
    let extractor = NameExtractor()
    let long = (0..<200).map { k in
      k % 3 == 0
        ? "President Hassan Rouhani met Dr. Ali Akbar Velayati on day \(k), 2016. "
        : "وزیر امور خارجه محمدجواد ظریف گفت، Velayati said \(k) times; Rouhani-led talks. "
    }.joined()
    // No commas or digits: windows are cut between lower-case words only.
    let plain = (0..<100).map { k in
      k % 2 == 0
        ? "the council met Ali Akbar Velayati and then spoke with Osama bin Laden and said that Velayati agreed. "
        : "later the minister of state met Charles de Gaulle and the talks went on for hours in Tehran. "
    }.joined()
    for text in NameFixtures.cases.map(\.text) + [long, plain] {
      #expect(extractor.mentions(in: text, windowBytes: windowBytes) == extractor.mentions(in: text), "\(text.prefix(80))")
    }
  }
}
