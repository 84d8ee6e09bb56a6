import Foundation
import TestSupport
import Testing

@testable import Matn

/// Letter conservation (issue #18, item 1): for every profile but `index`, the letters
/// and digits of the output are those of the input, up to the documented folds.
@Suite("Letter conservation")
struct LetterConservationTests {
  static let profiles: [TextNormalizer.Profile] = [.display, .article, .model]

  /// Pieces of text for generated input: every invisible people type as a half-space,
  /// words ending in هه and the suffixes that follow them, repeated letters, marks,
  /// presentation forms, digits of three kinds, Arabic and Persian words.
  static let palette: [String] = [
    " ", " ", "\n", "\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{00AC}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}",
    "\u{061C}", "\u{202B}", "\u{202C}", "ه", "ه", "هه", "ها", "های", "ی", "ی", "ي", "ك", "ا", "ر", "و", "ب", "ن",
    "ت", "م", "ل", "ۀ", "ە", "جبهه", "نامه", "دهه", "خانه", "می", "نمی", "بی", "تواند", "دلیل", "ای", "اند", "گذشت",
    "يك", "كشتار", "في", "على", "الذي", "لقد", "\u{0640}", "\u{064E}", "\u{0651}", "\u{064B}", "\u{0654}", "٢", "۵",
    "7", "%", "٪", ",", ".", "،", ":", "(", ")", "﴿", "﴾", "«", "»", "\"", "\u{FEFB}", "\u{FBFD}", "\u{FDF2}",
    "iPhone", "ﬁ", "²", "😀", "👩\u{200D}💻",
  ]

  static func randomText(_ generator: inout SplitMix64, pieces: Int) -> String {
    (0..<pieces).map { _ in palette[Int(generator.next() % UInt64(palette.count))] }.joined()
  }

  static func check(_ text: String, _ normalizer: TextNormalizer) -> Comment? {
    let output = normalizer.normalize(text).text
    let squeeze = normalizer.options.collapseRepeatedLetters
    let before = LetterLedger.letters(text, squeezingElongation: squeeze)
    let after = LetterLedger.letters(output, squeezingElongation: squeeze)
    guard before != after else { return nil }
    return
      "\(normalizer.profile): \(Fixtures.visible(text)) → \(Fixtures.visible(output)): letters \(LetterLedger.show(before)) → \(LetterLedger.show(after))"
  }

  @Test("generated text keeps its letters", arguments: profiles)
  func generated(profile: TextNormalizer.Profile) {
    let normalizer = TextNormalizer(profile: profile)
    var generator = SplitMix64(seed: 18 + UInt64(Self.profiles.firstIndex(of: profile)!))
    var failures = 0
    for _ in 0..<3000 {
      let text = Self.randomText(&generator, pieces: Int(generator.next() % 16))
      if let failure = Self.check(text, normalizer) {
        failures += 1
        if failures <= 5 { Issue.record(failure) }
      }
    }
    #expect(failures == 0)
  }

  @Test("news-like text of our own keeps its letters", arguments: profiles)
  func ownFixture(profile: TextNormalizer.Profile) throws {
    let normalizer = TextNormalizer(profile: profile)
    let text = try String(
      contentsOf: Fixtures.directory.appendingPathComponent("letter-conservation.txt"), encoding: .utf8)
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      if let failure = Self.check(String(line), normalizer) { Issue.record(failure) }
    }
    if let failure = Self.check(text, normalizer) { Issue.record(failure) }
  }

  @Test("real article text keeps its letters", arguments: profiles)
  func corpus(profile: TextNormalizer.Profile) throws {
    let normalizer = TextNormalizer(profile: profile)
    for text in try RealText.samples() {
      if let failure = Self.check(text, normalizer) { Issue.record(Comment(rawValue: String(failure.rawValue.prefix(2000)))) }
    }
  }
}

/// The letters and digits of a text as the documented folds see them, written for
/// the tests from PERSIAN.md and issue #18, not from the normaliser's code:
/// - NFKD (presentation forms, ligatures, the model profile's compatibility folding;
///   hamza and madda are marks, so أ ئ ۀ count as ا ی ه whether or not they compose);
/// - ي ى → ی, ك → ک, ە → ه; every decimal digit → its ASCII digit; tatweel dropped;
/// - marks and invisible characters are not letters;
/// - with `squeezingElongation`, a run of three or more of one letter in one word
///   counts as one letter, unless a plural suffix (ها…) starts inside the run leaving
///   at most two of the letter on each side (جبهه + ها), or the prefix می/نمی ends
///   inside it likewise. A word ends at anything but a letter, a mark, tatweel or an
///   invisible; a half-space (ZWNJ, or an invisible typed for one: ZWSP ZWNBSP LRM RLM
///   ALM SHY ZWJ, NOT SIGN) after an Arabic letter that joins the next one, before an
///   Arabic letter, ends it too;
/// - a ی standing alone after a word ending in ه is the ezafe (its other spelling is
///   the mark U+0654 on the ه), not a letter.
enum LetterLedger {
  static let halfSpaces: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD, 0x00AC]

  static func letters(_ text: String, squeezingElongation: Bool = true) -> [UInt32] {
    let scalars = Normalizer.nfkd.normalize(text).unicodeScalars
    var result: [UInt32] = []
    var word: [UInt32] = []
    // The last scalar of the word that counts for joining was an Arabic letter that
    // joins the next one; a half-space has come after it.
    var joins = false
    var halfSpace = false
    // The letter of `word` that carries U+0654 (hamza above), if its last one does.
    var hamzaAt: Int?
    func endWord() {
      // The ezafe after silent ه written as a letter («خانه ی», «خانه‌ی») is the ezafe
      // mark's other spelling («خانهٔ», U+0654, a mark): one of the documented folds.
      // So is a ی right after a ه or ە carrying the ezafe mark in one word («هٔی», «ۀی»:
      // ۀ is ە + ٔ under NFKD).
      if word.last == 0x06CC {
        let afterHeh = word.count == 1 && result.last == 0x0647
        let afterMarkedHeh = word.count >= 2 && hamzaAt == word.count - 2 && [0x0647, 0x06D5].contains(word[word.count - 2])
        if afterHeh || afterMarkedHeh { word.removeLast() }
      }
      hamzaAt = nil
      word = word.map { $0 == 0x06D5 ? 0x0647 : $0 }
      result += squeezingElongation ? squeeze(word) : word
      word.removeAll()
      joins = false
      halfSpace = false
    }
    for scalar in scalars {
      let p = scalar.properties
      let v = scalar.value
      let category = p.generalCategory
      if halfSpaces.contains(v) {
        halfSpace = halfSpace || joins
      } else if category == .nonspacingMark || category == .spacingMark || category == .enclosingMark {
        if v == 0x0654 && !word.isEmpty { hamzaAt = word.count - 1 }
        continue
      } else if category == .format {
        continue  // other invisibles: neither a letter nor a word boundary
      } else if v == 0x0640 {
        joins = false
        halfSpace = false
      } else if category == .decimalNumber, let value = p.numericValue {
        endWord()
        result.append(0x30 + UInt32(value))
      } else if category.isLetter && ScalarClass.of(v).contains(.arabicScript) {
        if halfSpace { endWord() }
        word.append(fold(v))
        joins = !ScalarClass.of(v).contains(.nonJoiningNext)
        halfSpace = false
      } else if category.isLetter {
        endWord()
        result.append(v)
      } else {
        endWord()
      }
    }
    endWord()
    return result
  }

  static func fold(_ v: UInt32) -> UInt32 {
    switch v {
    case 0x064A, 0x0649: 0x06CC
    case 0x0643: 0x06A9
    default: v  // ە → ه when the word ends (it may carry an ezafe)
    }
  }

  static let suffixes: [[UInt32]] = "ها های هایی هایم هایت هایش هایمان هایتان هایشان".split(separator: " ").map {
    $0.unicodeScalars.map(\.value)
  }
  static let prefixes: [[UInt32]] = "می نمی".split(separator: " ").map { $0.unicodeScalars.map(\.value) }

  static func squeeze(_ word: [UInt32]) -> [UInt32] {
    var out: [UInt32] = []
    var i = 0
    while i < word.count {
      var j = i
      while j < word.count && word[j] == word[i] { j += 1 }
      let run = j - i
      if run >= 3 && !isBoundary(word, run: i..<j) {
        out.append(word[i])
      } else {
        out += word[i..<j]
      }
      i = j
    }
    return out
  }

  static func isBoundary(_ word: [UInt32], run: Range<Int>) -> Bool {
    for p in run.dropFirst() where p - run.lowerBound <= 2 && run.upperBound - p <= 2 {
      if suffixes.contains(Array(word[p...])) || prefixes.contains(Array(word[..<p])) { return true }
    }
    return false
  }

  static func show(_ letters: [UInt32]) -> String {
    String(String.UnicodeScalarView(letters.compactMap(Unicode.Scalar.init)))
  }
}

extension Unicode.GeneralCategory {
  fileprivate var isLetter: Bool {
    switch self {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
    default: false
    }
  }
}
