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
    Self.check(input, expected)
  }

  @Test(
    "a compound with a glued affix or ending gets both ZWNJs",
    arguments: [
      ("تفاهمنامههای", "تفاهم|نامه|های"), ("برنامهریزیها", "برنامه|ریزی|ها"), ("دانشآموزان", "دانش|آموزان"),
      ("تفاهمنامه‌ها", "تفاهم|نامه|ها"),
    ])
  func inflected(input: String, expected: String) {
    Self.check(input, expected)
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
    "typed with a space: joined only when the second part is no word of its own",
    arguments: [
      ("روابط بین المللی", "روابط بین|المللی"), ("فوق العاده", "فوق|العاده"),
      // Second parts that are words: a space is a standard spelling.
      ("به عنوان", "به عنوان"), ("حزب الله", "حزب الله"), ("سه شنبه", "سه شنبه"), ("هم اکنون", "هم اکنون"),
    ])
  func spaced(input: String, expected: String) {
    Self.check(input, expected)
  }

  @Test("the change report counts compounds")
  func counted() {
    let result = Self.article.normalize("گفتوگو و روابط بین المللی")
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
    Self.check("گفتوگو", "گفت|وگو", house)
    // The default normalizer is untouched.
    Self.check("به عنوان مثال", "به عنوان مثال")
    Self.check("کتابخانه", "کتابخانه")
  }
}
