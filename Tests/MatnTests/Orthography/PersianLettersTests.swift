import Testing

@testable import Matn

/// The repeated-letter rule squeezes real elongation only (issue #18, item 1): three or
/// more of one letter in one word, never across a ZWNJ or a morpheme boundary.
@Suite("Repeated letters")
struct RepeatedLetterTests {
  let normalizer = TextNormalizer(profile: .article)

  func normalized(_ text: String) -> String { normalizer.normalize(text).text }

  @Test("the reported reproductions keep every letter")
  func reproductions() {
    // ه ه, LRM, ها: the LRM is a half-space, and no ه is lost.
    #expect(normalized("جبهه\u{200E}ها").unicodeScalars.elementsEqual("جبهه\u{200C}ها".unicodeScalars))
    // Written glued, the three ه are جبهه + ها, not an elongation.
    #expect(LetterLedger.letters(normalized("جبههها")) == LetterLedger.letters("جبههها"))
    #expect(LetterLedger.letters(normalized("نامهههای او")) == LetterLedger.letters("نامهههای او"))
  }

  @Test("a word ending in هه glued to a plural suffix is no elongation", arguments: ["جبههها", "جبهههای", "شبهههایی", "دهههایش"])
  func pluralBoundary(_ word: String) {
    let result = normalizer.normalize("این " + word + " بود")
    #expect(LetterLedger.letters(result.text) == LetterLedger.letters("این " + word + " بود"), "\(result.text)")
    #expect(result.report[.repeatedLetter] == 0)
  }

  @Test("a ZWNJ ends a run of repeated letters")
  func zwnjEndsRun() {
    for word in ["جبهه\u{200C}ها", "ده\u{200C}هه", "خیلی\u{200C}یی"] {
      #expect(normalized(word).unicodeScalars.elementsEqual(word.unicodeScalars), "\(Fixtures.visible(normalized(word)))")
    }
  }

  @Test("real elongation still collapses", arguments: [("خیلیییییی خوب", "خیلی خوب"), ("سلاااام", "سلام"), ("ههههههه", "ه"), ("جبهههههها", "جبها")])
  func elongation(_ input: String, _ expected: String) {
    #expect(normalized(input) == expected)
  }

  @Test("two of a letter are never a run", arguments: ["الله", "مدد", "ببر", "تتمه"])
  func doubled(_ word: String) {
    #expect(normalized(word) == word)
  }
}

/// Tatweel is kashida between letters, a dash elsewhere; between two ZWNJs inside a
/// word it is neither: the word's half-space, typed with a stretch between its ZWNJs.
@Suite("Tatweel")
struct TatweelTests {
  let normalizer = TextNormalizer(profile: .article)

  func normalized(_ text: String) -> String { normalizer.normalize(text).text }

  @Test("ZWNJ + tatweel + ZWNJ inside a word is one half-space (Fars: «هزینه‌ـ‌منفعت»)")
  func betweenTwoZWNJs() {
    #expect(normalized("تحلیل هزینه\u{200C}\u{0640}\u{200C}منفعت است") == "تحلیل هزینه\u{200C}منفعت است")
    #expect(normalized("هزینه\u{200C}\u{0640}\u{0640}\u{200C}منفعت") == "هزینه\u{200C}منفعت")
    // After a letter that does not join, the half-space is nothing to see: it goes.
    #expect(normalized("منطقه آسیا\u{200C}\u{0640}\u{200C}پاسیفیک") == "منطقه آسیاپاسیفیک")
    let result = normalizer.normalize("هزینه\u{200C}\u{0640}\u{200C}منفعت")
    #expect(result.report[.tatweel] == 1)
  }

  @Test(
    "tatweel beside one ZWNJ or a space stays a dash",
    arguments: [
      ("دولت \u{0640} ملت", "دولت – ملت"), ("لافی\u{200C}جویی\u{200C}\u{0640}\u{0640} در برابر", "لافی\u{200C}جویی– در برابر"),
      ("۱\u{0640}\u{0640} بند", "۱– بند"),
    ])
  func dash(_ input: String, _ expected: String) {
    #expect(normalized(input) == expected, "\(Fixtures.visible(normalized(input)))")
  }
}
