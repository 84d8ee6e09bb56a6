import MatnICU

/// Chooses among the legacy charsets that English, Persian and Arabic news arrive in —
/// windows-1256, ISO-8859-6, windows-1252, ISO-8859-1 — for bytes that are not UTF-8.
///
/// ICU's own detector is right only 5–50% of the time on windows-1256 Persian (see
/// ICU.md), so Matn decides by decoding the bytes with each candidate (through ICU's
/// converters) and scoring how much the result looks like text:
/// - undecodable bytes and C1 control characters count heavily against a candidate;
/// - Arabic-script function words (و در به از که این را با است… في من على…) and the
///   article ال count for it: a wrong Arabic charset permutes letters and destroys them;
/// - Latin letters glued to Arabic letters, vowel marks with no Arabic letter before
///   them, and runs of accented Latin letters (ÓáÇã for سلام) count against it.
/// Ties go to the charset that is a superset (windows-1252 over ISO-8859-1,
/// windows-1256 over ISO-8859-6) and to Latin charsets for text without Arabic letters.
enum LegacyCharsetDetector {
  static let candidates: [DecodedText.Encoding] = ["windows-1256", "ISO-8859-6", "windows-1252", "ISO-8859-1"]
    .map(DecodedText.Encoding.init(rawValue:))

  /// The most plausible candidate and a confidence in 0.5...0.99.
  static func detect(_ bytes: [UInt8]) -> (DecodedText.Encoding, Double)? {
    var scored: [(encoding: DecodedText.Encoding, score: Double, arabic: Int)] = []
    for encoding in candidates {
      guard let converter = try? Converter(encoding: encoding.rawValue) else { continue }
      let decoded = converter.decode(bytes)
      let (score, arabic) = plausibility(decoded.string, invalid: decoded.invalidByteOffsets.count)
      scored.append((encoding, score, arabic))
    }
    guard let top = scored.max(by: { $0.score < $1.score }) else { return nil }
    // Ties go to the superset charset, Arabic ones first when the text has Arabic letters.
    let order =
      top.arabic > 0
      ? ["windows-1256", "ISO-8859-6", "windows-1252", "ISO-8859-1"]
      : ["windows-1252", "ISO-8859-1", "windows-1256", "ISO-8859-6"]
    let best = scored.filter { top.score - $0.score < 0.001 }
      .min { order.firstIndex(of: $0.encoding.rawValue)! < order.firstIndex(of: $1.encoding.rawValue)! }!
    let runnerUp = scored.filter { $0.encoding != best.encoding }.map(\.score).max() ?? best.score
    let margin = max(0, best.score - runnerUp)
    return (best.encoding, 0.5 + 0.49 * margin / (margin + 4))
  }

  /// A score (higher is more text-like) and the number of Arabic-script letters.
  static func plausibility(_ text: String, invalid: Int) -> (Double, Int) {
    var score = -12.0 * Double(invalid)
    var arabicLetters = 0
    var previous: UInt32 = 0x20
    var accentedRun = 0
    var word: [UInt32] = []
    func endWord() {
      if word.count >= 1 && word.count <= 5 && FunctionWords.legacySignals.contains(WordSet.key(word)) {
        score += 4
      } else if word.count > 3 && word[0] == 0x0627 && word[1] == 0x0644 {
        score += 1.5  // ال
      }
      word.removeAll(keepingCapacity: true)
    }
    let classOf = ScalarClasses.shared
    for scalar in text.unicodeScalars {
      let v = scalar.value
      let isArabicLetter = classOf(v).isSuperset(of: .arabicLetter) && v != 0x0640
      // Letters of Persian and Arabic; other Arabic-script letters (Urdu ٹ ڈ ڑ ں ہ ے ھ,
      // which windows-1256 also holds) are rare in the news Matn reads.
      let isCoreLetter =
        (v >= 0x0621 && v <= 0x064A) || v == 0x067E || v == 0x0686 || v == 0x0698 || v == 0x06A9
        || v == 0x06AF || v == 0x06CC
      let isMark = v >= 0x064B && v <= 0x0652
      let isLatinLetter = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7)
      let prevArabic = classOf(previous).isSuperset(of: .arabicLetter) && previous != 0x0640
      let prevLatin =
        (previous >= 0x41 && previous <= 0x5A) || (previous >= 0x61 && previous <= 0x7A)
        || (previous >= 0xC0 && previous <= 0x24F && previous != 0xD7 && previous != 0xF7)
      if v >= 0x80 && v <= 0x9F { score -= 12 }  // C1 controls: a wrong single-byte charset
      if isArabicLetter {
        arabicLetters += 1
        score += isCoreLetter ? 0.2 : -1
        if prevLatin { score -= 4 }
        word.append(v)
      } else if isMark {
        if !prevArabic && !(previous >= 0x064B && previous <= 0x0652) { score -= 4 } else { score -= 0.5 }
      } else {
        if !word.isEmpty { endWord() }
        if isLatinLetter && prevArabic { score -= 4 }
      }
      if isLatinLetter && v >= 0xC0 {
        accentedRun += 1
        score -= accentedRun >= 2 ? 3 : 0.3
      } else {
        accentedRun = 0
      }
      if (v == 0xD7 || v == 0xF7) && (prevArabic || prevLatin) { score -= 3 }  // × ÷ inside a word
      previous = v
    }
    if !word.isEmpty { endWord() }
    return (score, arabicLetters)
  }
}

extension FunctionWords {
  /// Frequent Persian and Arabic words, as legacy charsets spell them (Persian ی is
  /// written ي in windows-1256; ک is ك in ISO-8859-6).
  static let legacySignals: WordSet = {
    let words =
      "و در به از که كه این اين را با است برای براي آن هم یا يا می مي شد کرد كرد"
      + " او ما تا هر شده اند بود خود نیز نيز همه دیگر ديگر پس اما"
      + " في من على إلى الى عن مع هذا هذه التي الذي كان أن ان لا"
    return WordSet(words.split(separator: " ").map { WordSet.key(String($0)) })
  }()
}
