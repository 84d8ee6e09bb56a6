// A deterministic generator of mixed English/Persian "news" text for benchmarks.
//
// Every word below was written for this file; no third-party text is copied.
// The output is NFC (and NFKC): all literals are precomposed, and the generator
// checks nothing else sneaks in. Words with precomposed letters (é, ü, å, آ, أ,
// ؤ, ئ) make its NFD form differ, so NFC/NFKC on the NFD form has real work to do.

/// SplitMix64: small, fast, and the same sequence on every platform.
public struct SplitMix64: Sendable {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// A value in `0..<bound`.
  public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
  /// True with probability `percent`/100.
  public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

public enum Corpus {
  /// The default seed ("Matn" in ASCII).
  public static let defaultSeed: UInt64 = 0x4D61_746E

  static let englishWords: [String] = [
    "the", "the", "the", "a", "of", "of", "to", "to", "in", "in", "and", "and", "on", "for",
    "with", "by", "at", "from", "after", "before", "over", "under", "against", "about",
    "is", "was", "were", "has", "have", "will", "would", "could", "said", "says", "told",
    "announced", "reported", "confirmed", "denied", "expected", "plans", "rose", "fell",
    "government", "minister", "ministry", "president", "parliament", "council", "city",
    "officials", "spokesperson", "statement", "report", "agency", "court", "judge", "police",
    "economy", "market", "prices", "inflation", "budget", "bank", "central", "currency",
    "exports", "imports", "oil", "gas", "energy", "electricity", "water", "drought", "rain",
    "storm", "weather", "election", "candidates", "voters", "talks", "agreement", "deal",
    "border", "region", "province", "capital", "trade", "company", "shares", "investors",
    "students", "university", "school", "teachers", "hospital", "health", "doctors",
    "team", "match", "coach", "season", "league", "film", "festival", "director", "museum",
    "morning", "evening", "week", "month", "year", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "new", "old", "local", "national", "foreign", "public", "private",
    "higher", "lower", "first", "second", "last", "next", "several", "many", "few",
    // Precomposed Latin letters: these decompose under NFD.
    "café", "résumé", "naïve", "façade", "rôle", "déjà", "Zürich", "Montréal", "Kraków",
    "Málaga", "Bogotá", "São", "Düsseldorf", "Ångström", "fiancée", "Señor", "Gdańsk",
  ]

  static let persianWords: [String] = [
    "و", "و", "و", "در", "در", "در", "به", "به", "از", "از", "که", "که", "این", "آن", "با",
    "برای", "را", "را", "تا", "هم", "نیز", "اما", "است", "بود", "شد", "کرد", "گفت", "خواهد",
    "دولت", "وزیر", "وزارت", "رئیس", "رئیس‌جمهور", "مجلس", "شورای", "شهر", "شهرداری",
    "مقامات", "سخنگو", "بیانیه", "گزارش", "خبرگزاری", "دادگاه", "قاضی", "پلیس",
    "اقتصاد", "بازار", "قیمت", "قیمت‌ها", "تورم", "بودجه", "بانک", "مرکزی", "ارز",
    "صادرات", "واردات", "نفت", "گاز", "انرژی", "برق", "آب", "خشکسالی", "باران", "طوفان",
    "هوا", "انتخابات", "نامزدها", "رأی", "مذاکرات", "توافق", "مرز", "منطقه", "استان",
    "پایتخت", "تجارت", "شرکت", "سهام", "سرمایه‌گذاران", "دانشجویان", "دانشگاه", "مدرسه",
    "معلمان", "بیمارستان", "سلامت", "پزشکان", "تیم", "مسابقه", "مربی", "فصل", "لیگ",
    "فیلم", "جشنواره", "کارگردان", "موزه", "صبح", "عصر", "هفته", "ماه", "سال",
    "شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "جدید", "قدیمی",
    "محلی", "ملی", "خارجی", "عمومی", "خصوصی", "بیشتر", "کمتر", "نخستین", "دوم", "آخرین",
    "تهران", "اصفهان", "شیراز", "تبریز", "مشهد", "ایران", "افغانستان",
    // ZWNJ (U+200C) inside words, as in ordinary Persian typing.
    "می‌شود", "می‌گوید", "می‌کند", "می‌رسد", "نمی‌توان", "نمی‌شود", "می‌خواهند",
    "کتاب‌ها", "خانه‌ای", "آن‌ها", "این‌که", "بین‌المللی", "گفت‌وگو",
    // Precomposed Arabic-script letters: these decompose under NFD.
    "آینده", "آغاز", "آمریکا", "آلمان", "آموزش", "آمار", "آزادی", "مسئول", "مسئولان",
    "مسئله", "تأثیر", "تأمین", "تأکید", "مؤسسه", "مؤثر", "سؤال", "رئیسه", "هیئت", "پائیز",
  ]

  static let persianDigits: [Character] = ["۰", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹"]

  /// Generates about `bytes` bytes (UTF-8) of text: whole lines, each ending in "\n".
  ///
  /// The same `bytes` and `seed` always give the same text.
  public static func generate(bytes: Int, seed: UInt64 = defaultSeed) -> String {
    var rng = SplitMix64(seed: seed)
    var out = ""
    out.reserveCapacity(bytes + 1024)
    var line = ""
    while out.utf8.count < bytes {
      line.removeAll(keepingCapacity: true)
      let sentences = 1 + rng.below(5)
      for s in 0..<sentences {
        if s > 0 { line += " " }
        switch rng.below(100) {
        case 0..<45: englishSentence(&line, &rng)
        case 45..<90: persianSentence(&line, &rng)
        default: mixedSentence(&line, &rng)
        }
      }
      line += "\n"
      if out.utf8.count + line.utf8.count > bytes, !out.isEmpty { break }
      out += line
    }
    return out
  }

  static func pick(_ words: [String], _ rng: inout SplitMix64) -> String {
    words[rng.below(words.count)]
  }

  static func englishNumber(_ rng: inout SplitMix64) -> String {
    switch rng.below(4) {
    case 0: "\(1990 + rng.below(40))"
    case 1: "\(rng.below(100)).\(rng.below(10)) percent"
    case 2: "$\(1 + rng.below(900)) million"
    default: "\(1 + rng.below(5000))"
    }
  }

  static func persianDigitString(_ n: Int) -> String {
    String(String(n).map { persianDigits[Int($0.asciiValue! - 48)] })
  }

  static func persianNumber(_ rng: inout SplitMix64) -> String {
    switch rng.below(4) {
    case 0: persianDigitString(1370 + rng.below(35))
    case 1: persianDigitString(rng.below(100)) + "٫" + persianDigitString(rng.below(10)) + "٪"
    case 2: persianDigitString(1 + rng.below(900)) + " میلیون"
    default: persianDigitString(1 + rng.below(5000))
    }
  }

  static func englishSentence(_ line: inout String, _ rng: inout SplitMix64) {
    let count = 6 + rng.below(14)
    let quoteAt = rng.chance(15) ? rng.below(count) : -1
    var quoteOpen = false
    for i in 0..<count {
      if i > 0 { line += " " }
      if i == quoteAt { line += "\""; quoteOpen = true }
      var word = rng.chance(8) ? englishNumber(&rng) : pick(englishWords, &rng)
      if i == 0, let first = word.first, first.isLowercase {
        word = first.uppercased() + word.dropFirst()
      }
      line += word
      if i + 1 < count, rng.chance(7) { line += rng.chance(80) ? "," : ";" }
    }
    if quoteOpen { line += "\"" }
    line += [".", ".", ".", "?", "!"][rng.below(5)]
  }

  static func persianSentence(_ line: inout String, _ rng: inout SplitMix64) {
    let count = 6 + rng.below(14)
    let quoteAt = rng.chance(15) ? rng.below(count) : -1
    var quoteOpen = false
    for i in 0..<count {
      if i > 0 { line += " " }
      if i == quoteAt { line += "«"; quoteOpen = true }
      line += rng.chance(8) ? persianNumber(&rng) : pick(persianWords, &rng)
      if i + 1 < count, rng.chance(7) { line += rng.chance(80) ? "،" : "؛" }
    }
    if quoteOpen { line += "»" }
    line += [".", ".", ".", "؟", "!"][rng.below(5)]
  }

  /// A Persian sentence quoting an English phrase, or the other way round.
  static func mixedSentence(_ line: inout String, _ rng: inout SplitMix64) {
    if rng.chance(50) {
      persianSentence(&line, &rng)
      line.removeLast()
      line += " («"
      for i in 0..<(2 + rng.below(4)) {
        if i > 0 { line += " " }
        line += pick(englishWords, &rng)
      }
      line += "»)."
    } else {
      englishSentence(&line, &rng)
      line.removeLast()
      line += " (\""
      for i in 0..<(2 + rng.below(4)) {
        if i > 0 { line += " " }
        line += pick(persianWords, &rng)
      }
      line += "\")."
    }
  }
}
