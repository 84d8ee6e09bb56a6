import Testing

@testable import Matn

/// Persian number punctuation (issue #18, item 5; PERSIAN.md rule 7): ٪ after Persian
/// digits, ٫ between them, ٬ where the source grouped them; ASCII numbers untouched.
@Suite("Persian number punctuation")
struct PersianNumberTests {
  let normalizer = TextNormalizer(profile: .article)

  @Test(
    "percent, decimal and thousands separators after Persian digits",
    arguments: [
      ("تورم ۲۰ % کاهش یافت", "تورم ۲۰٪ کاهش یافت"),
      ("تورم ۲۰% کاهش یافت", "تورم ۲۰٪ کاهش یافت"),
      ("تورم ۲۰ ٪ کاهش یافت", "تورم ۲۰٪ کاهش یافت"),
      ("تورم ٢٠ % کاهش یافت", "تورم ۲۰٪ کاهش یافت"),
      ("رشد ۳.۵ درصدی", "رشد ۳٫۵ درصدی"),
      ("صادرات ۱,۲۵۰ میلیون دلار", "صادرات ۱٬۲۵۰ میلیون دلار"),
      ("جمعیت ۸۵,۰۰۰,۰۰۰ نفر", "جمعیت ۸۵٬۰۰۰٬۰۰۰ نفر"),
      ("بودجه ۱,۲۵۰.۵ میلیارد", "بودجه ۱٬۲۵۰٫۵ میلیارد"),
    ])
  func persianDigits(_ input: String, _ expected: String) {
    let result = normalizer.normalize(input)
    #expect(result.text == expected, "\(Fixtures.visible(result.text))")
    #expect(normalizer.normalize(result.text).text == result.text)
  }

  @Test(
    "no grouping is invented, and ASCII numbers keep their signs",
    arguments: [
      "جمعیت ۸۵۰۰۰ نفر", "شماره‌های ۱,۲ و ۳", "سال‌های ۱۳۹۹,۱۴۰۰", "قیمت 20 % بالا رفت", "قیمت 20% بالا رفت",
      "به 1,200 دلار رسید", "رشد 3.5 درصدی", "۲۰ %", "سود ۲۰ %",
    ])
  func untouched(_ input: String) {
    let expected = input == "سود ۲۰ %" ? "سود ۲۰٪" : input
    #expect(normalizer.normalize(input).text == expected)
  }

  @Test("counted in the report")
  func counted() {
    let report = normalizer.normalize("تورم ۲۰ % و صادرات ۱,۲۵۰,۰۰۰ دلار").report
    #expect(report[.percentSign] == 1)
    #expect(report[.thousandsSeparator] == 2)
    #expect(report[.punctuationSpacing] == 1)
  }
}
