import Matn
import Testing

/// Hostile and degenerate input through every stage: each case must finish (linearly,
/// with bounded memory — the 100 MB line and the 1 GB stream are measured by
/// scripts/check-huge-inputs, not here) and give a clear result, which each test states.
/// (10,000 ZWNJ and 10,000 fathas through the article profile are in TextNormalizerTests.)
@Suite("Bad input")
struct BadInputTests {
  static let normalizers = TextNormalizer.Profile.allCases.map { TextNormalizer(profile: $0) }

  /// What every stage made of one input.
  struct Outcome {
    var normalized: [TextNormalizer.Profile: NormalizedText] = [:]
    var paragraphs: [BidiAnalysis] = []
    var findings: [BidiControls.Finding] = []
    var article: Article
  }

  /// Runs `text` through every normaliser profile (checking each is idempotent and
  /// gains no U+FFFD), bidi analysis (checking levels and order cover every scalar),
  /// bidi control checks and the article parser.
  static func everywhere(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Outcome {
    let hadReplacement = text.unicodeScalars.contains("\u{FFFD}")
    var normalized: [TextNormalizer.Profile: NormalizedText] = [:]
    for normalizer in normalizers {
      let once = normalizer.normalize(text)
      #expect(normalizer.normalize(once.text).text == once.text, "\(normalizer.profile) is not idempotent", sourceLocation: sourceLocation)
      #expect(hadReplacement || !once.text.unicodeScalars.contains("\u{FFFD}"), sourceLocation: sourceLocation)
      normalized[normalizer.profile] = once
    }
    let paragraphs = BidiAnalysis.paragraphs(of: text)
    #expect(paragraphs.map(\.levels.count).reduce(0, +) == text.unicodeScalars.count, sourceLocation: sourceLocation)
    #expect(
      paragraphs.allSatisfy { $0.visualOrder.count == $0.scalars.count && $0.levels.allSatisfy { $0 <= 126 } },
      sourceLocation: sourceLocation)
    return Outcome(
      normalized: normalized, paragraphs: paragraphs, findings: BidiControls.check(text),
      article: ArticleParser().parse(text, id: "bad"))
  }

  /// Every paragraph, credit and boilerplate text of `article`, joined.
  static func articleText(_ article: Article) -> String {
    (article.paragraphs.map(\.text) + article.credits.map(\.text) + article.boilerplate.map(\.text)).joined(separator: "\n")
  }

  // MARK: - Bidi

  @Test("bidi embeddings and isolates nested 200 deep (past UAX #9's 125): levels stop at the limit, all reported")
  func deepNesting() {
    for (open, close) in [("\u{202B}", "\u{202C}"), ("\u{2067}", "\u{2069}")] {
      let text = "Tehran " + String(repeating: open, count: 200) + "خبر" + String(repeating: close, count: 200) + " news"
      let outcome = Self.everywhere(text)
      let levels = outcome.paragraphs[0].levels
      #expect(levels.max() == 125, "the Persian word sits at the deepest level UAX #9 allows")
      #expect(levels.first == 0 && levels.last == 0)
      #expect(outcome.findings.count == 200 && outcome.findings.allSatisfy { $0.rule == .balanced }, "one note per pair")
      #expect(outcome.normalized[.article]?.text == "Tehran خبر news")
      #expect(outcome.normalized[.article]?.report[.bidiControl] == 400)
      #expect(outcome.normalized[.article]?.report.bidiControlOffsets.count == 400)
      #expect(outcome.article.paragraphs.map(\.text) == ["Tehran خبر news"])
    }
  }

  @Test("a 10,000-deep nest of unterminated RLEs and 10,000 stray PDFs: each one found, keep-balanced removes them all")
  func unbalancedControls() {
    let openers = "سلام " + String(repeating: "\u{202B}", count: 10_000) + "Tehran"
    let closers = "Tehran" + String(repeating: "\u{202C}", count: 10_000) + " سلام"
    for (text, rule) in [(openers, BidiControls.Rule.unterminated), (closers, .stray)] {
      let outcome = Self.everywhere(text)
      #expect(outcome.findings.count == 10_000 && outcome.findings.allSatisfy { $0.rule == rule })
      let balanced = BidiControls.apply(.keepBalanced, to: text)
      #expect(balanced.removed.count == 10_000)
      #expect(BidiControls.scan(balanced.text).isEmpty)
      #expect(outcome.article.report.bidiControls == 10_000)
    }
  }

  // MARK: - Decoding

  @Test("lone surrogates in UTF-16 with a byte order mark: U+FFFD at their byte offsets, or a strict error there")
  func loneSurrogatesWithMark() throws {
    // "Tehran", a lone high surrogate, "News", a lone low surrogate, and a high one at the end.
    let units: [UInt16] = Array("Tehran ".utf16) + [0xD800] + Array(" News ".utf16) + [0xDC00, 0x20, 0xDBFF]
    for bigEndian in [false, true] {
      let mark: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
      let bytes = mark + units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
      let decoded = try DecodedText(bytes: bytes)
      #expect(decoded.encoding == (bigEndian ? .utf16BE : .utf16LE))
      #expect(decoded.string == "Tehran \u{FFFD} News \u{FFFD} \u{FFFD}")
      #expect(decoded.repairs.last == .replacedInvalidBytes(offsets: [16, 30, 34]))
      #expect(throws: DecodingError.invalidBytes(encoding: decoded.encoding.rawValue, byteOffset: 16)) {
        try DecodedText(bytes: bytes, strict: true)
      }
    }
  }

  @Test("lone surrogates in UTF-16 without a byte order mark: still UTF-16 by its shape, U+FFFD located")
  func loneSurrogatesWithoutMark() throws {
    // One unpaired unit in 140: UTF-16 is tolerated with up to one in a hundred.
    let sentence = "The agency said on Tuesday that prices rose again. "
    let units: [UInt16] = Array((sentence + sentence).utf16) + [0xDC01] + Array(sentence.utf16)
    for bigEndian in [false, true] {
      let bytes = units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
      let decoded = try DecodedText(bytes: bytes)
      #expect(decoded.encoding == (bigEndian ? .utf16BE : .utf16LE))
      #expect(decoded.string == sentence + sentence + "\u{FFFD}" + sentence)
      #expect(decoded.repairs == [.replacedInvalidBytes(offsets: [2 * 2 * sentence.utf16.count])])
    }
  }

  @Test("NUL: binary in UTF-8 bytes (with its offset); a U+0000 inside decoded text is removed and counted")
  func nulCharacters() throws {
    #expect(throws: DecodingError.binary(byteOffset: 5)) { try DecodedText(bytes: Array("Hello\0world".utf8)) }
    // UTF-16 text may hold U+0000 as a character: it decodes, then the normaliser drops it.
    let decoded = try DecodedText(bytes: [0xFF, 0xFE] + "ab\0cd".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    #expect(decoded.string == "ab\0cd")
    let outcome = Self.everywhere("سلام\0 دنیا\0\0\nHello\0 world")
    for (profile, result) in outcome.normalized {
      #expect(!result.text.unicodeScalars.contains("\0"), "\(profile)")
      #expect(result.report[.controlCharacter] == 4, "\(profile)")
    }
    #expect(!Self.articleText(outcome.article).unicodeScalars.contains("\0"))
  }

  // MARK: - Controls, unassigned and noncharacters

  @Test("every C0 and C1 control: removed and counted by every profile (tab and line feed kept or spaced), none reaches an article")
  func everyControlCharacter() {
    let controls = (UInt32(0x00)...0x1F).map { $0 } + (UInt32(0x7F)...0x9F).map { $0 }
    let text = controls.map { "word\(String(Unicode.Scalar($0)!))" }.joined() + "end"  // "d" closes each word
    let outcome = Self.everywhere(text)
    for (profile, result) in outcome.normalized {
      let left = result.text.unicodeScalars.filter { $0.properties.generalCategory == .control }
      #expect(left.allSatisfy { $0 == "\n" || $0 == "\t" && profile == .display }, "\(profile) left \(left.map(\.value))")
      #expect(result.report[.controlCharacter] > 0)
      // Each control is gone or became a line break or space: the words all survive.
      let words = result.text.unicodeScalars.split { $0 == "d" }.count
      #expect(words == controls.count + 1, "\(profile): \(words) words")
    }
    #expect(!Self.articleText(outcome.article).unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
    // Bidi: the paragraph separators among them (FS, GS, RS, NEL, LF, CR) end paragraphs.
    #expect(outcome.paragraphs.count == 7)
  }

  @Test("unassigned, private-use and noncharacter code points pass through every stage unchanged, as valid UTF-8")
  func unassignedAndNoncharacters() throws {
    let odd: [UInt32] = [0x0378, 0x08B5, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF, 0x50000, 0xE000, 0xF0000]
    let text = "کتاب " + odd.map { String(Unicode.Scalar($0)!) }.joined(separator: " ") + " book"
    let outcome = Self.everywhere(text)
    for profile in [TextNormalizer.Profile.display, .article, .model] {
      #expect(outcome.normalized[profile]?.text == text, "\(profile)")
    }
    let decoded = try DecodedText(bytes: Array(text.utf8))
    #expect(decoded.string == text && decoded.repairs.isEmpty)
    #expect(Self.articleText(outcome.article) == text)
  }

  // MARK: - Long runs

  @Test("10,000 ZWJ between Persian letters and 10,000 ZWNJ in each profile: at most one joiner left, every removal counted")
  func joinerRuns() {
    for joiner in ["\u{200D}", "\u{200C}"] {
      let text = "می" + String(repeating: joiner, count: 10_000) + "روم و " + String(repeating: joiner, count: 10_000)
      let outcome = Self.everywhere(text)
      for (profile, result) in outcome.normalized {
        let left = result.text.unicodeScalars.filter { $0 == "\u{200C}" || $0 == "\u{200D}" }.count
        #expect(left <= 1, "\(profile) kept \(left) joiners")
        #expect(result.report.totalChanges >= 19_999 || profile == .index, "\(profile) removed joiners silently")
      }
      #expect(outcome.article.paragraphs.count == 1)
    }
  }

  @Test("10,000 combining marks of two classes on one Latin base: kept, put in canonical order")
  func combiningMarks() {
    let text = "e" + String(repeating: "\u{0301}\u{0323}", count: 5_000) + " done"
    let outcome = Self.everywhere(text)
    for profile in [TextNormalizer.Profile.display, .article, .model] {
      let marks = outcome.normalized[profile]!.text.unicodeScalars.filter { $0.properties.generalCategory == .nonspacingMark }
      #expect(marks.count == 9_999, "\(profile)")  // ẹ composes one dot below with the e
      #expect(marks.first == "\u{0323}" && marks.last == "\u{0301}", "\(profile): dots below (ccc 220) before acutes (230)")
    }
    // On an Arabic base (too little text to call it Persian), in canonical order already.
    let arabic = "ب" + String(repeating: "\u{064E}\u{0651}\u{0670}", count: 3_334)
    #expect(Self.everywhere(arabic).normalized[.display]?.text == arabic)
  }

  @Test("runs of 10,000 invisibles typed as half-spaces between Persian letters become one ZWNJ")
  func halfSpaceRuns() {
    for invisible in ["\u{00AD}", "\u{00AC}", "\u{200F}"] {
      let text = "می" + String(repeating: invisible, count: 10_000) + "روم"
      let outcome = Self.everywhere(text)
      #expect(outcome.normalized[.article]?.text == "می\u{200C}روم", "U+\(String(invisible.unicodeScalars.first!.value, radix: 16))")
    }
  }

  @Test("a 2 MB single line: parsed whole, with a warning; one bidi paragraph; nothing lost")
  func longSingleLine() {
    // Distinct sentences (numbered), so that no duplicate removal applies.
    var text = ""
    var number = 0
    while text.utf8.count < 2 << 20 {
      number += 1
      text += "The council met in Tehran for session \(number). شورا در تهران جلسهٔ \(number) را تشکیل داد. "
    }
    let article = ArticleParser().parse(text, id: "long")
    #expect(article.report.warnings.contains { $0.kind == .longLine && $0.message.hasPrefix("a line of ") })
    let kept = Self.articleText(article)
    #expect(kept.utf8.count > text.utf8.count * 95 / 100, "\(kept.utf8.count) of \(text.utf8.count) bytes kept")
    let paragraphs = BidiAnalysis.paragraphs(of: text)
    #expect(paragraphs.count == 1 && paragraphs[0].levels.count == text.unicodeScalars.count)
    #expect(BidiControls.check(text).isEmpty)
    #expect(TextNormalizer().normalize(text).text.utf8.count >= text.utf8.count - 2)
  }
}
