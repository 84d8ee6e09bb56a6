import Foundation
import TestSupport
import Testing

@testable import Matn

@Suite("TextNormalizer")
struct TextNormalizerTests {
  static let profiles = TextNormalizer.Profile.allCases

  /// A palette for random text: every kind of character the rules look at.
  static let palette: [String] = [
    " ", " ", " ", "\n", "\n\n", "\r\n", "\t", "\u{00A0}", "\u{2009}", "\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{00AC}",
    "\u{200C}", "\u{200C}\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{202B}", "\u{202C}", "\u{2067}", "\u{2069}",
    "ي", "ك", "ى", "ی", "ک", "ۀ", "ه", "ا", "د", "ر", "و", "ب", "ت", "م", "ن", "س", "ل", "ز", "پ", "گ", "ء", "ئ", "أ",
    "\u{0640}", "\u{064E}", "\u{0651}", "\u{064B}", "\u{0654}", "٣", "۴", "5", ".", ",", "?", "!", ":", ";", "\"", "«",
    "»", "(", ")", "،", "؟", "می", "نمی", "ها", "های", "تر", "ترین", "ای", "اند", "است", "خانه", "بزرگ", "کتاب",
    "رود", "خواهد", "آگاهسیستم", "iPhone", "Tehran", "don't", "1,200", "3.5", "https://x.ir/a?b=1", "a@b.io",
    "&amp;", "😀", "👩\u{200D}💻", "\u{FEFB}", "\u{FBFD}", "ے", "ہ", "ڵ", "في", "على", "الذي", "\u{0085}", "\u{0001}",
    "é", "e\u{0301}", "ﬁ", "²", "Ж", "中",
  ]

  static func randomText(_ generator: inout SplitMix64, pieces: Int) -> String {
    (0..<pieces).map { _ in palette[Int(generator.next() % UInt64(palette.count))] }.joined()
  }

  @Test("every profile is idempotent on random text", arguments: profiles)
  func idempotentOnRandomText(profile: TextNormalizer.Profile) {
    let normalizer = TextNormalizer(profile: profile)
    var generator = SplitMix64(seed: UInt64(Self.profiles.firstIndex(of: profile)!) + 1)
    for _ in 0..<1500 {
      let text = Self.randomText(&generator, pieces: Int(generator.next() % 24))
      let once = normalizer.normalize(text).text
      let twice = normalizer.normalize(once).text
      #expect(
        once.unicodeScalars.elementsEqual(twice.unicodeScalars),
        "\(profile) not idempotent on \(Fixtures.visible(text)): \(Fixtures.visible(once)) → \(Fixtures.visible(twice))")
    }
  }

  @Test("every profile is idempotent on real article text", arguments: profiles)
  func idempotentOnRealText(profile: TextNormalizer.Profile) throws {
    let normalizer = TextNormalizer(profile: profile)
    for text in try RealText.samples() {
      let once = normalizer.normalize(text).text
      let twice = normalizer.normalize(once)
      #expect(once == twice.text, "\(profile) is not idempotent on a real article")
      #expect(twice.report.totalChanges == 0 || profile == .index, "\(profile): second pass reported \(twice.report.counts)")
    }
  }

  @Test("counts add up: every removed or replaced scalar is counted, and ranges locate them")
  func reportIsExact() {
    var options = TextNormalizer.Options(profile: .article)
    options.recordsRanges = true
    let normalizer = TextNormalizer(profile: .article, options: options)
    let input = "\u{FEFF}يك\u{200F}  كت\u{0640}\u{0640}اب\r\nسلام ,خوبی ?\n\n\n"
    let result = normalizer.normalize(input)
    #expect(result.text == "یک کتاب\nسلام، خوبی؟\n")
    let r = result.report
    #expect(r[.byteOrderMark] == 1)
    #expect(r[.arabicYeh] == 1)
    #expect(r[.arabicKaf] == 2)
    #expect(r[.bidiControl] == 1)
    #expect(r[.tatweel] == 2)
    #expect(r[.lineEnding] == 1)
    #expect(r[.repeatedSpace] == 1)
    #expect(r[.persianPunctuation] == 2)
    #expect(r[.blankLine] == 2)
    #expect(r.totalChanges == r.changes.count)
    #expect(r.bidiControlOffsets == [7])
    let utf8 = Array(input.utf8)
    for change in r.changes {
      #expect(change.utf8Range.upperBound <= utf8.count)
    }
    // The ranges point at the original bytes.
    let yeh = r.changes.first { $0.kind == .arabicYeh }!
    #expect(String(decoding: utf8[yeh.utf8Range], as: UTF8.self) == "ي")
    let bidi = r.changes.first { $0.kind == .bidiControl }!
    #expect(String(decoding: utf8[bidi.utf8Range], as: UTF8.self) == "\u{200F}")
    #expect(r.counts(in: .cleanup).keys.allSatisfy { $0.stage == .cleanup })
  }

  @Test("without ranges, the report still counts and locates bidi controls")
  func bidiOffsetsWithoutRanges() {
    let result = TextNormalizer().normalize("ab\u{202E}cd\u{202C}")
    #expect(result.report.changes.isEmpty)
    #expect(result.report.bidiControlOffsets == [2, 7])
    #expect(result.report[.bidiControl] == 2)
  }

  @Test("nothing is removed without being counted (random text)")
  func removalsAreCounted() {
    var generator = SplitMix64(seed: 99)
    var options = TextNormalizer.Options(profile: .article)
    options.recordsRanges = true
    let normalizer = TextNormalizer(profile: .article, options: options)
    for _ in 0..<500 {
      let text = Self.randomText(&generator, pieces: Int(generator.next() % 16))
      let result = normalizer.normalize(text)
      let changed = result.text.unicodeScalars.elementsEqual(text.unicodeScalars) == false
      if changed { #expect(result.report.totalChanges > 0, "\(Fixtures.visible(text)) changed silently") }
      #expect(result.report.totalChanges == result.report.changes.count)
      // Every original byte that is gone lies inside some change's range.
      let covered = result.report.changes.reduce(into: IndexSet()) { $0.insert(integersIn: $1.utf8Range) }
      let kept = Set(result.text.unicodeScalars.map(\.value))
      var offset = 0
      for scalar in text.unicodeScalars {
        let width = String(scalar).utf8.count
        if !kept.contains(scalar.value) && !covered.contains(integersIn: offset..<offset + width) {
          Issue.record("\(Fixtures.visible(String(scalar))) at \(offset) vanished from \(Fixtures.visible(text))")
        }
        offset += width
      }
    }
  }

  @Test("custom options override a profile")
  func customOptions() {
    var options = TextNormalizer.Options(profile: .article)
    options.removeDiacritics = false
    options.persianDigits = false
    let result = TextNormalizer(profile: .article, options: options).normalize("کِتاب ٣")
    #expect(result.text == "کِتاب ٣")
  }

  @Test("a custom span classifier decides which spans are Persian")
  func customClassifier() {
    struct AlwaysArabic: ArabicScriptSpanClassifier {
      func classify(_ span: String) -> ArabicScriptLanguage? { .arabic }
    }
    var options = TextNormalizer.Options(profile: .article)
    options.spanClassifier = AlwaysArabic()
    #expect(TextNormalizer(profile: .article, options: options).normalize("يك").text == "يك")
    #expect(TextNormalizer(profile: .article).normalize("يك").text == "یک")
  }

  @Test("a custom span classifier decides undecided spans once the document's language is known")
  func customClassifierUndecided() {
    // Decides nothing itself, so the document's language is the default (Persian), and
    // then takes every undecided span out of it: its answer, not the default, holds.
    struct UndecidedAreArabic: ArabicScriptSpanClassifier {
      func classify(_ span: String) -> ArabicScriptLanguage? { nil }
      func classifyUndecided(
        _ span: ArabicScriptSpan, context: ArabicScriptLanguage, document: ArabicScriptLanguage
      ) -> ArabicScriptLanguage {
        #expect(document == .persian && context == .persian)
        return span.text.contains("يك") ? .arabic : context
      }
    }
    var options = TextNormalizer.Options(profile: .article)
    options.spanClassifier = UndecidedAreArabic()
    #expect(TextNormalizer(profile: .article, options: options).normalize("يك\nكتاب").text == "يك\nکتاب")
  }

  @Test("empty and whitespace-only input")
  func emptyInput() {
    for profile in Self.profiles {
      #expect(TextNormalizer(profile: profile).normalize("").text == "")
      #expect(TextNormalizer(profile: profile).normalize(" \n\n \t").text == (profile == .display ? "\t" : ""))
    }
  }

  @Test("a long line of 10,000 ZWNJ and a word of 10,000 marks stay linear and bounded")
  func pathologicalRuns() {
    let zwnj = "می" + String(repeating: "\u{200C}", count: 10_000) + "روم"
    #expect(TextNormalizer().normalize(zwnj).text == "می\u{200C}روم")
    let marks = "ب" + String(repeating: "\u{064E}", count: 10_000)
    #expect(TextNormalizer().normalize(marks).text == "ب")
  }

  @Test("the normalizer can be shared across tasks")
  func concurrent() async {
    let normalizer = TextNormalizer()
    let input = "يك كتاب ها می رود"
    await withTaskGroup(of: String.self) { group in
      for _ in 0..<8 { group.addTask { normalizer.normalize(input).text } }
      for await result in group { #expect(result == "یک کتاب‌ها می‌رود") }
    }
  }
}

@Suite("SearchKey")
struct SearchKeyTests {
  @Test(
    "spelling variants meet in one key",
    arguments: [
      ("مي‌روم", "می روم"),
      ("كتاب", "کتاب"),
      ("۱۲ نفر", "12 نفر"),
      ("١٢ نفر", "12 نفر"),
      ("خانۀ ما", "خانه ما"),
      ("رأی", "رای"),
      ("مسئله", "مسیله"),
      ("مؤسسه", "موسسه"),
      ("آب", "اب"),
      ("کِتاب", "کتاب"),
      ("Café", "cafe"),
      ("TEHRAN", "tehran"),
      ("خیلیییی", "خیلی"),
      ("\u{FEFB}", "لا"),
      ("دائرةالمعارف", "دایرهالمعارف"),
      ("१२", "12"),
    ])
  func variantsMeet(a: String, b: String) {
    #expect(SearchKey.make(a) == SearchKey.make(b), "\(a) vs \(b): \(SearchKey.make(a)) / \(SearchKey.make(b))")
  }

  @Test("different words keep different keys", arguments: [("کتاب", "کتب"), ("شیر", "شیرین"), ("می", "میز")])
  func distinctWords(a: String, b: String) {
    #expect(SearchKey.make(a) != SearchKey.make(b))
  }

  @Test("without hamza folding, hamza seats are kept")
  func hamzaKept() {
    #expect(SearchKey.make("رأی", foldHamzaSeats: false) != SearchKey.make("رای", foldHamzaSeats: false))
    #expect(SearchKey.make("كتاب", foldHamzaSeats: false) == SearchKey.make("کتاب", foldHamzaSeats: false))
  }

  @Test("the index profile produces search keys")
  func indexProfile() {
    #expect(TextNormalizer(profile: .index).normalize("كتاب‌ها").text == SearchKey.make("كتاب ها"))
  }

  @Test("text the article profile wrote needs the fold alone: the same key either way")
  func articleText() throws {
    let article = TextNormalizer(profile: .article)
    let texts = [
      "مي‌روم به خانۀ ما", "كتاب‌هاي ۱۲ نفر", "رأی مؤسسه دائرةالمعارف", "TEHRAN, Jan. 20 (MNA) – Café",
      "خیلیییی \u{FEFB}", "१२ नफ़र", "Ali Akbar Velayati met Iraq's minister.",
    ]
    let samples = try FileManager.default.contentsOfDirectory(
      at: Fixtures.repositoryRoot.appendingPathComponent("Resources/samples"), includingPropertiesForKeys: nil)
    let lines = try samples.map { try String(contentsOf: $0, encoding: .utf8) }.flatMap { $0.split(separator: "\n").map(String.init) }
    for text in texts + lines {
      let written = article.normalize(text).text
      for fold in [true, false] {
        #expect(
          SearchKey.make(articleText: written, foldHamzaSeats: fold) == SearchKey.make(text, foldHamzaSeats: fold),
          "\(text)")
      }
    }
  }

  @Test("the fold of a key is the key (searchKey(ofCanonical:) relies on it), on our samples and on edge cases")
  func foldOfKey() throws {
    let samples = try FileManager.default.contentsOfDirectory(
      at: Fixtures.repositoryRoot.appendingPathComponent("Resources/samples"), includingPropertiesForKeys: nil)
    var texts = try samples.map { try String(contentsOf: $0, encoding: .utf8) }.flatMap { $0.split(separator: "\n").map(String.init) }
    texts += [
      "خیلیییی", "ب\u{064E}ب\u{064E}ب", "aaa bbb", "한국어 ᄀ\u{1161}", "नफ़र कि", "ﻻ ﷲ", "①②③ ½ ﬁ", "ΆΣΣ ς", "١٢٣ ۴۵۶",
      "İstanbul ß", "دائرةالمعارف ٱلله", "ۀ ە\u{0654}",
    ]
    for text in texts {
      for hamza in [true, false] {
        let key = SearchKey.fold(text, foldHamzaSeats: hamza)
        #expect(SearchKey.fold(key, foldHamzaSeats: hamza) == key, "\(text)")
      }
    }
  }

  @Test("keys are idempotent")
  func idempotent() {
    for word in ["مي‌روم", "Café", "خانۀ", "١٢٣", "رأی"] {
      #expect(SearchKey.make(SearchKey.make(word)) == SearchKey.make(word))
    }
  }
}

@Suite("Span classification")
struct SpanClassifierTests {
  /// The letter statistics alone.
  let classifier = LetterStatisticsClassifier(model: nil)

  @Test(
    "languages of Arabic-script spans",
    arguments: [
      ("این کتاب را خواندم", ArabicScriptLanguage.persian),
      ("پدر و مادر", .persian),
      ("يك كتاب علمي است", .persian),
      ("ذهب الولد إلى المدرسة", .arabic),
      ("قال الرئيس في المؤتمر", .arabic),
      ("یہ کتاب ہے", .urdu),
      ("زه په کابل کې اوسېږم", .pashto),
      ("ئەمڕۆ هەوا خۆشە", .kurdish),
    ])
  func languages(text: String, expected: ArabicScriptLanguage) {
    #expect(classifier.classify(text) == expected)
  }

  @Test("too little evidence gives no answer")
  func undecided() {
    #expect(classifier.classify("محمد") == nil)
    #expect(classifier.classify("") == nil)
  }

  @Test("in a Persian text, an undecided span is Arabic only on the model's strong evidence")
  func modelDecidesUndecidedSpans() {
    let persian = "او گفت این را نیز باید دید که"  // decided spans: the document is Persian
    let normalizer = TextNormalizer(profile: .article)
    var rulesOnly = TextNormalizer.Options(profile: .article)
    rulesOnly.spanClassifier = LetterStatisticsClassifier(model: nil)
    // An Arabic phrase and a verse keep their yeh, kaf and vowels.
    for arabic in ["«انا لله و انا اليه راجعون»", "«وَهُوَ الَّذِي خَلَقَكُمْ مِنْ نَفْسٍ وَاحِدَةٍ»"] {
      let text = persian + " " + arabic
      #expect(normalizer.normalize(text).text.hasSuffix(arabic), "\(arabic)")
      #expect(!TextNormalizer(profile: .article, options: rulesOnly).normalize(text).text.hasSuffix(arabic), "\(arabic)")
    }
    // A word Persian shares with Arabic, typed on an Arabic keyboard, stays Persian.
    // So does a name, however Arabic it looks, and a short phrase.
    for (word, fixed) in [
      ("«كتاب»", "«کتاب»"), ("«افزايش قيمت»", "«افزایش قیمت»"), ("«سياست»", "«سیاست»"),
      ("«بينظير بوتو»", "«بینظیر بوتو»"), ("«مارتين اسكورسيزي»", "«مارتین اسکورسیزی»"), ("«رب العالمين»", "«رب العالمین»"),
      ("«ـ خمسه و ثلاثون»", "«– خمسه و ثلاثون»"),
    ] {
      #expect(normalizer.normalize(persian + " " + word).text.hasSuffix(fixed), "\(word)")
    }
  }

  @Test("ignoring spelling variants: the same answer before and after normalising")
  func spellingVariants() {
    let identifier = LanguageIdentifier(languages: ["fa", "ar", "ur"], ignoresSpellingVariants: true)
    let plain = LanguageIdentifier(languages: ["fa", "ar", "ur"])
    for (raw, normalized) in [
      ("افزايش قيمت نفت", "افزایش قیمت نفت"), ("سياسي", "سیاسی"), ("خیییییلی خوووب", "خیلی خوب"),
      ("كِتابـــها", "کتابها"), ("خانۀ ما", "خانهٔ ما"), ("ﻻ\u{200C}یه", "لایه"),
    ] {
      #expect(identifier.identify(raw) == identifier.identify(normalized), "\(raw)")
    }
    // Without it, Arabic yeh and kaf speak for Arabic.
    #expect(plain.identify("سياسي").language == "ar")
    // Arabic is read in its own spelling: an Arabic phrase typed with Persian letters is Arabic.
    #expect(identifier.identify("في المدينة التي يسكن فيها").language == "ar")
    #expect(identifier.identify("فی المدینة التی یسکن فیها").language == "ar")
  }

  @Test("a decomposed ۀ is not Kurdish evidence")
  func decomposedHehHamza() {
    #expect(classifier.classify("خانه\u{06D5}\u{0654} را دیدم") == .persian)
  }
}

@Suite("Protected spans")
struct ProtectedSpanTests {
  @Test(
    "pass through byte-identical inside Persian text",
    arguments: [
      "https://www.example.com/path?q=1,2&x=y", "www.farsnews.ir/news/1403", "info@example.org", "&amp;", "&#x6CC;",
      "1,200.50", "12:30", "2024-03-12", "iPhone", "don't", "Ali-Akbar", "👩\u{200D}💻", "🇮🇷", "👍🏽",
    ])
  func protectedSpan(span: String) {
    let text = "متن \(span) است?"
    let output = TextNormalizer().normalize(text).text
    #expect(output.contains(span), "\(span) → \(Fixtures.visible(output))")
    #expect(output.hasSuffix("است؟"))
  }
}

/// Real article text for property tests: the bundled samples and our own article
/// fixtures (always), and (when present) a few Fars News and Mehr News files from
/// ../shared (read for testing, never copied).
enum RealText {
  static func samples() throws -> [String] {
    let root = Fixtures.repositoryRoot
    var texts: [String] = []
    for folder in [root.appendingPathComponent("Resources/samples"), Fixtures.directory.appendingPathComponent("articles")] {
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
      for name in names {
        // UTF-8 files only (a windows-1256 fixture is no text to compare with itself).
        if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
      }
    }
    texts.append(try String(contentsOf: Fixtures.ownSample, encoding: .utf8))
    let shared = root.deletingLastPathComponent().appendingPathComponent("shared/data/articles")
    for folder in ["fa-farsnews-txt", "en-mehrnews-raw"] {
      let dir = shared.appendingPathComponent(folder)
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { continue }
      for name in names.sorted().prefix(40) where name.hasSuffix(".txt") {
        if let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
      }
    }
    return texts
  }
}
