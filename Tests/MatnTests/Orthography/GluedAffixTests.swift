import Foundation
import Testing

@testable import Matn

/// Persian typed without a half-space (issue #18, item 3): words glued to their affix get
/// their ZWNJ; words that merely begin or end with the same letters keep theirs.
@Suite("Glued affixes")
struct GluedAffixTests {
  static let article = TextNormalizer(profile: .article)
  /// Every optional split made (``TextNormalizer/Options/halfSpaceConfidence`` 0): the
  /// rules themselves, whatever the text shows of its writer's half-spaces.
  static let everySplit: TextNormalizer = {
    var options = TextNormalizer.Options(profile: .article)
    options.halfSpaceConfidence = 0
    return TextNormalizer(profile: .article, options: options)
  }()

  /// `|` in the expected text stands for ZWNJ.
  static func zwnj(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\u{200C}") }

  static func check(
    _ input: String, _ expected: String, _ normalizer: TextNormalizer = article,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let want = zwnj(expected)
    let output = normalizer.normalize(input).text
    #expect(
      output.unicodeScalars.elementsEqual(want.unicodeScalars),
      "\(input): got \(Fixtures.visible(output)), expected \(Fixtures.visible(want))", sourceLocation: sourceLocation)
    let again = normalizer.normalize(output).text
    #expect(again.unicodeScalars.elementsEqual(output.unicodeScalars), "\(input) is not idempotent")
  }

  @Test(
    "the issue's reproductions",
    arguments: [
      ("میکنند", "می|کنند"), ("میباشند", "می|باشند"), ("نمیتواند", "نمی|تواند"), ("میشود", "می|شود"),
      ("میخواهم", "می|خواهم"), ("رسانهها", "رسانه|ها"),
    ])
  func reproductions(input: String, expected: String) {
    Self.check(input, expected)
  }

  @Test(
    "می/نمی + a verb form, present and past stems, after a glued preverb",
    arguments: [
      ("او میرود", "او می|رود"), ("نمیدانستند", "نمی|دانستند"), ("میآید", "می|آید"), ("میگفت", "می|گفت"),
      ("برمیگردد", "برمی|گردد"), ("درمیآید", "درمی|آید"), ("ميكنند", "می|کنند"),
    ])
  func verbPrefix(input: String, expected: String) {
    Self.check(input, expected)
  }

  @Test(
    "plural, silent-heh and comparative suffixes",
    arguments: [
      ("کتابهایشان", "کتاب|هایشان"), ("برنامههای", "برنامه|های"), ("سالهای گذشته", "سال|های گذشته"),
      ("دهها نفر", "ده|ها نفر"), ("شدهاند", "شده|اند"), ("کردهایم", "کرده|ایم"), ("هستهای", "هسته|ای"),
      ("رسانهای", "رسانه|ای"), ("بزرگترین", "بزرگ|ترین"), ("سریعتر", "سریع|تر"),
    ])
  func suffixes(input: String, expected: String) {
    Self.check(input, expected, Self.everySplit)
  }

  @Test(
    "a glued compound no list names: a tagged word + a part hazm writes after a ZWNJ",
    arguments: [
      ("لندننشین", "لندن|نشین"), ("جنبشآفرین", "جنبش|آفرین"), ("غیبپرور", "غیب|پرور"),
      ("تحولطلبیها", "تحول|طلبی|ها"),
      // A hazm word + ان is no such compound (بازیکن + ان, not بازی + کنان).
      ("بازیکنان", "بازیکنان"),
    ])
  func compoundParts(input: String, expected: String) {
    Self.check(input, expected, Self.everySplit)
  }

  @Test(
    "the same compound part found at the start of a text and after other words (the two searches for it)",
    arguments: [("لندننشین", "لندن|نشین"), ("غیبپرور", "غیب|پرور"), ("جنبشآفرین", "جنبش|آفرین"), ("بازیکنان", "بازیکنان")])
  func compoundPartsAnywhere(input: String, expected: String) {
    Self.check(input, expected, Self.everySplit)
    Self.check("در این گزارش \(input)", "در این گزارش \(expected)", Self.everySplit)
  }

  @Test("every compound part passes the part filter (it rules lengths out, never a part)")
  func partFilter() {
    let lexicon = PersianLexicon.shared
    #expect(lexicon.compoundParts.keys.count > 50)
    for key in lexicon.compoundParts.keys {
      let bit = PersianLexicon.partFilterBit(key)
      #expect(lexicon.compoundPartFilter[bit >> 6] >> UInt64(bit & 63) & 1 == 1)
    }
  }

  @Test(
    "words that merely begin or end with the affix letters stay whole",
    arguments: [
      "میان", "میانجی", "میهن", "میراث", "میز", "میزان", "میلیون", "میدان", "میدانی", "میوه", "تنها", "تنهایی",
      "انتهای", "سهام", "اتهام", "اشتباهات", "آنها", "اینها", "گرانبها", "بیشتر", "کمتر", "بهترین", "دفتر",
      "دختر", "متر", "کارها", "ماه", "خانه", "شانگهای", "فیها", "مینه", "میگو",
    ])
  func guards(word: String) {
    Self.check("او \(word) را دید", "او \(word) را دید", Self.everySplit)
  }

  @Test(
    "a glued compound ending in silent ه takes ای ام اند… (the heh reading, not X + های)",
    arguments: [
      ("تفاهمنامهای", "تفاهم|نامه|ای"), ("بیسابقهای", "بی|سابقه|ای"), ("تفاهمنامهاش", "تفاهم|نامه|اش"),
      // …unless the compound without its ه is a word: رویداد، رخداد (hazm's روی‌داده).
      ("رویدادهای", "رویدادهای"), ("رخدادهای مهم", "رخدادهای مهم"),
    ])
  func compoundHeh(input: String, expected: String) {
    Self.check(input, expected, Self.everySplit)
  }

  @Test(
    "a past participle that is no adjective reads «Xهای» as X + های (کردهای: Kurds); its other endings split",
    arguments: [
      ("کردهای عراق", "کردهای عراق"), ("آمدهای", "آمدهای"), ("کردهاند", "کرده|اند"), ("گستردهای", "گسترده|ای"),
      ("نکردهاند", "نکرده|اند"), ("نشدهاند", "نشده|اند"), ("نداشتهاند", "نداشته|اند"),
    ])
  func participles(input: String, expected: String) {
    Self.check(input, expected, Self.everySplit)
  }

  @Test(
    "«Xهایم» reads X + هایم where «Xهای» reads X + های (چشم‌هایم), unless X is a past stem, negated or not (داشته‌ایم, نشده‌ایم)",
    arguments: [
      ("چشمهایم را بستم", "چشم|هایم را بستم"), ("دندانهایم", "دندان|هایم"),
      ("داشتهایم", "داشته|ایم"), ("دادهایم", "داده|ایم"), ("ساختهایم", "ساخته|ایم"), ("حرفهایم", "حرفه|ایم"),
      ("نشدهایم", "نشده|ایم"), ("نداشتهایم", "نداشته|ایم"),
    ])
  func pluralBeforeHaim(input: String, expected: String) {
    Self.check(input, expected, Self.everySplit)
  }

  @Test(
    "«Xهای» where X and Xه are both words (زبان‌های, زبانه‌ای) reads X‌ه + ای only where a plural's ezafe cannot stand: before punctuation, the text's end, a function word or a «می» verb; else it stays glued",
    arguments: [
      ("او به زبانهای مختلف سخن گفت", "او به زبانهای مختلف سخن گفت"),
      ("نامهای رسمی", "نامهای رسمی"), ("نامهای ۲۰ ساله", "نامهای ۲۰ ساله"),
      ("این نامهای است که", "این نامه|ای است که"), ("او نامهای را خواند", "او نامه|ای را خواند"),
      ("او نامهای می‌نویسد", "او نامه|ای می|نویسد"), ("او نامهای، کتابی", "او نامه|ای، کتابی"),
      ("نامهای", "نامه|ای"), ("نامهای\nکتاب", "نامه|ای\nکتاب"),
      // X ends in a letter that does not join: its plural needs no ZWNJ (سدهای).
      ("ساخت سدهای بزرگ", "ساخت سدهای بزرگ"), ("این سدهای است که", "این سده|ای است که"),
      // X no word: the heh reading whatever follows.
      ("هستهای ایران", "هسته|ای ایران"), ("تفاهمنامهای مهم", "تفاهم|نامه|ای مهم"),
    ])
  func hehOrPlural(input: String, expected: String) {
    Self.check(input, expected)
    Self.check(input, expected, Self.everySplit)
  }

  /// «او میگوید » `n` times: a text typed without half-spaces (`n` glued «می» verbs).
  static func gluedVerbs(_ n: Int) -> String { String(repeating: "او میگوید ", count: n) }

  @Test(
    "required splits are made whatever the text shows: glued «می» verbs, affixes after a silent ه",
    arguments: [
      ("کتاب‌ها را میخواند و برنمیگردد", "کتاب|ها را می|خواند و برنمی|گردد"),
      ("کتاب‌ها، گروههای مردمی و رسانهها", "کتاب|ها، گروههای مردمی و رسانه|ها"),
      ("کتاب‌ها را رها کردهاند", "کتاب|ها را رها کرده|اند"),
      ("او می شود و رسانهها", "او می|شود و رسانه|ها"),
    ])
  func requiredSplits(input: String, expected: String) {
    Self.check(input, expected)
  }

  @Test(
    "an optional split is made only when the text shows it lost its half-spaces",
    arguments: [
      // Alone, or in a text that writes half-spaces or «می» apart: the glued spelling stands.
      ("کتابها و مهمترین", "کتابها و مهمترین"), ("بینالمللی", "بینالمللی"),
      ("کتاب‌ها و مهمترین", "کتاب|ها و مهمترین"), ("بین‌المللی و توانبخشی", "بین|المللی و توانبخشی"),
      (String(repeating: "او می شود ", count: 12) + "بینالمللی", String(repeating: "او می|شود ", count: 12) + "بینالمللی"),
      // Glued «می» verbs, the sign of a text whose half-spaces were lost: a compound gets its
      // ZWNJ once there are enough of them.
      (GluedAffixTests.gluedVerbs(2) + "بینالمللی", String(repeating: "او می|گوید ", count: 2) + "بینالمللی"),
      (GluedAffixTests.gluedVerbs(30) + "بینالمللی", String(repeating: "او می|گوید ", count: 30) + "بین|المللی"),
    ])
  func optionalSplits(input: String, expected: String) {
    Self.check(input, expected)
  }

  @Test("the evidence is the text's so far: a split before the glued verbs is decided with what came before")
  func evidenceSoFar() {
    // One stretch (no Latin letter): decided at its end, with all of it.
    Self.check("بینالمللی " + Self.gluedVerbs(30) + "و", "بین|المللی " + String(repeating: "او می|گوید ", count: 30) + "و")
    // A Latin letter ends the stretch: what follows it cannot count.
    Self.check(
      "بینالمللی ICT " + Self.gluedVerbs(30) + "و", "بینالمللی ICT " + String(repeating: "او می|گوید ", count: 30) + "و")
    // What came before it does.
    Self.check(
      Self.gluedVerbs(30) + "ICT بینالمللی", String(repeating: "او می|گوید ", count: 30) + "ICT بین|المللی")
  }

  @Test("halfSpaceConfidence: 0 makes every optional split, 1 none; required ones either way")
  func confidenceOption() {
    var options = TextNormalizer.Options(profile: .article)
    options.halfSpaceConfidence = 1
    let none = TextNormalizer(profile: .article, options: options)
    let input = Self.gluedVerbs(12) + "بینالمللی کتابها رسانهها"
    let verbs = String(repeating: "او می|گوید ", count: 12)
    Self.check(input, verbs + "بینالمللی کتابها رسانه|ها", none)
    Self.check(input, verbs + "بین|المللی کتاب|ها رسانه|ها", Self.everySplit)
    Self.check("کتابها", "کتاب|ها", Self.everySplit)
    Self.check("کتابها", "کتابها")
  }

  @Test("each split is counted, at its place in the input")
  func counted() {
    var options = TextNormalizer.Options(profile: .article)
    options.recordsRanges = true
    let input = "آنها میکنند و رسانهها میگویند"
    let result = TextNormalizer(profile: .article, options: options).normalize(input)
    #expect(result.text == Self.zwnj("آنها می|کنند و رسانه|ها می|گویند"))
    #expect(result.report[.affixSplit] == 3)
    let utf8 = Array(input.utf8)
    let splits = result.report.changes.filter { $0.kind == .affixSplit }
    #expect(splits.count == 3)
    for change in splits {
      // An insertion: empty, after «می» or before «ها».
      #expect(change.utf8Range.isEmpty)
      let before = String(decoding: utf8[..<change.utf8Range.lowerBound], as: UTF8.self)
      #expect(before.hasSuffix("می") || before.hasSuffix("رسانه"))
    }
  }

  @Test("only Persian spans: Arabic text stays as it is")
  func persianOnly() {
    let arabic = "قال إن الناس فيها يعملون في المدينة التي يسكنونها"
    #expect(Self.article.normalize(arabic).text == arabic)
  }

  @Test("the option and the display profile leave glued words alone")
  func optionOff() {
    var options = TextNormalizer.Options(profile: .article)
    options.splitsGluedAffixes = false
    #expect(TextNormalizer(profile: .article, options: options).normalize("میکنند رسانهها").text == "میکنند رسانهها")
    #expect(TextNormalizer(profile: .display).normalize("میکنند رسانهها").text == "میکنند رسانهها")
    // Spaced affixes are still joined with the option off.
    #expect(
      TextNormalizer(profile: .article, options: options).normalize("می کنند").text == Self.zwnj("می|کنند"))
  }

  @Test("no letter is lost or added: only ZWNJ is inserted")
  func lettersKept() {
    let input = "میکنند میباشند نمیتواند میشود میخواهم رسانهها کتابهایشان شدهاند بزرگترین برمیگردد"
    let output = Self.everySplit.normalize(input).text
    #expect(output.unicodeScalars.filter { $0 != "\u{200C}" }.elementsEqual(input.unicodeScalars))
  }
}
