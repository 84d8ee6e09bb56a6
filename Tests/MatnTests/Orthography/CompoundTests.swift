import Foundation
import Testing

@testable import Matn

/// Compounds typed glued or with a space (issue #18, item 3): the compound lexicon
/// derived from hazm's ZWNJ entries (Resources/Orthography/compounds-hazm.tsv), the
/// curated list, and the user's own list (``TextNormalizer/Options/compounds``).
@Suite("Compounds")
struct CompoundTests {
  static let article = TextNormalizer(profile: .article)

  static func check(
    _ input: String, _ expected: String, _ normalizer: TextNormalizer = article,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    GluedAffixTests.check(input, expected, normalizer, sourceLocation: sourceLocation)
  }

  @Test(
    "a glued compound from hazm's lexicon gets its ZWNJ",
    arguments: [
      ("گفتوگو", "گفت|وگو"), ("بینالمللی", "بین|المللی"), ("هماکنون", "هم|اکنون"), ("برنامهریزی", "برنامه|ریزی"),
      ("سهشنبه", "سه|شنبه"), ("تفاهمنامه", "تفاهم|نامه"), ("آیتالله", "آیت|الله"), ("سرمایهگذاری", "سرمایه|گذاری"),
    ])
  func glued(input: String, expected: String) {
    Self.check(input, expected, GluedAffixTests.everySplit)
  }

  @Test(
    "a curated compound gets its ZWNJ whatever the text shows; hazm's only when the text lost its half-spaces",
    arguments: [
      // Curated (compounds.tsv): alone, and in a text that writes half-spaces.
      ("تفاهمنامه", "تفاهم|نامه"), ("سرمایهگذاری", "سرمایه|گذاری"), ("کتاب‌ها و آتشنشان", "کتاب|ها و آتش|نشان"),
      // hazm's (compounds-hazm.tsv): its glued spelling is in use too.
      ("بینالمللی", "بینالمللی"), ("گفتوگو", "گفتوگو"),
    ])
  func curatedRequired(input: String, expected: String) {
    Self.check(input, expected)
  }

  @Test(
    "a compound with a glued affix or ending gets both ZWNJs",
    arguments: [
      ("تفاهمنامههای", "تفاهم|نامه|های"), ("برنامهریزیها", "برنامه|ریزی|ها"), ("دانشآموزان", "دانش|آموزان"),
      ("تفاهمنامه‌ها", "تفاهم|نامه|ها"),
    ])
  func inflected(input: String, expected: String) {
    Self.check(input, expected, GluedAffixTests.everySplit)
  }

  @Test(
    "glued spellings in use beside the ZWNJ one stay as typed",
    arguments: [
      "دستگیری", "اینکه", "همزمان", "علیرغم", "نگهداری", "کتابخانه", "دانشگاه",
      // hazm's «دوومی‌دانی» splits the word میدانی at its «می»: not a compound.
      "دوومیدانی",
    ])
  func gluedInUse(word: String) {
    Self.check(word, word)
  }

  @Test(
    "typed with a space, the shipped compounds are left alone (a space is a standard spelling of many)",
    arguments: [
      "روابط بین المللی", "محیط زیست", "به زودی", "به عنوان", "حزب الله", "سه شنبه", "هم اکنون", "«رب العالمین»",
    ])
  func spaced(input: String) {
    Self.check(input, input)
  }

  @Test("the change report counts compounds")
  func counted() {
    let result = GluedAffixTests.everySplit.normalize("گفتوگو و روابط بینالمللی")
    #expect(result.report[.compoundZWNJ] == 2)
  }

  @Test("Options.compounds adds the user's compounds, written with ZWNJ or a space")
  func userCompounds() {
    var options = TextNormalizer.Options(profile: .article)
    options.compounds = ["به\u{200C}عنوان", "خوش آمد", "كتاب خانه"]
    let house = TextNormalizer(profile: .article, options: options)
    Self.check("بهعنوان مثال", "به|عنوان مثال", house)
    Self.check("به عنوان مثال", "به|عنوان مثال", house)
    Self.check("خوشآمد", "خوش|آمد", house)
    Self.check("کتابخانه", "کتاب|خانه", house)
    // The shipped list is still there.
    Self.check("آتشنشان", "آتش|نشان", house)
    // The default normalizer is untouched.
    Self.check("به عنوان مثال", "به عنوان مثال")
    Self.check("کتابخانه", "کتابخانه")
  }

  @Test("a user's compound of three letters is found too (shorter than any shipped one)")
  func shortUserCompound() {
    var options = TextNormalizer.Options(profile: .article)
    options.compounds = ["ت\u{200C}ما"]
    let house = TextNormalizer(profile: .article, options: options)
    Self.check("او تما را دید", "او ت|ما را دید", house)
    Self.check("او تما را دید", "او تما را دید")
  }

  @Test("every shipped compound passes the lookup's filter (a Bloom filter has no false negatives)")
  func everyShippedCompoundIsFound() {
    var checked = 0
    for line in PersianLexicon.lines("Orthography/compounds-hazm.tsv") {
      let scalars = line.unicodeScalars.map(\.value)
      let glued = scalars.filter { $0 != 0x200C }
      // Entries the table does not take: no ZWNJ inside, or not Arabic script.
      guard glued.count >= 3, glued[0] &- 0x0600 < 0x100, scalars.dropFirst().dropLast().contains(0x200C) else { continue }
      let found = glued.withUnsafeBufferPointer { Compounds.shared.offsets($0, 0..<glued.count) }
      #expect(found != nil, "\(line)")
      let holds = glued.withUnsafeBufferPointer { Compounds.shared.holdBit($0, 0..<glued.count) }
      #expect(holds == 1, "\(line)")
      checked += 1
    }
    #expect(checked > 10_000)
  }
}
