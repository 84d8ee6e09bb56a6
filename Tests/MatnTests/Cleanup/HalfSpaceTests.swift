import Testing

@testable import Matn

/// Invisible characters typed as half-spaces (issue #18, item 2): between two Arabic
/// letters where the first joins the next, each becomes ZWNJ, counted by its kind;
/// elsewhere it disappears as before.
@Suite("Invisible half-spaces")
struct HalfSpaceTests {
  struct Invisible: CustomTestStringConvertible, Sendable {
    var scalar: String
    /// The kind a conversion to ZWNJ is counted as.
    var asZWNJ: ChangeKind
    /// The kind a removal is counted as.
    var removed: ChangeKind
    var testDescription: String { "U+" + String(scalar.unicodeScalars.first!.value, radix: 16, uppercase: true) }
  }

  static let invisibles: [Invisible] = [
    Invisible(scalar: "\u{200E}", asZWNJ: .bidiMarkAsZWNJ, removed: .bidiControl),
    Invisible(scalar: "\u{200F}", asZWNJ: .bidiMarkAsZWNJ, removed: .bidiControl),
    Invisible(scalar: "\u{061C}", asZWNJ: .bidiMarkAsZWNJ, removed: .bidiControl),
    Invisible(scalar: "\u{200B}", asZWNJ: .zeroWidthSpaceAsZWNJ, removed: .zeroWidthSpace),
    Invisible(scalar: "\u{FEFF}", asZWNJ: .zeroWidthSpaceAsZWNJ, removed: .byteOrderMark),
    Invisible(scalar: "\u{00AD}", asZWNJ: .halfSpace, removed: .softHyphen),
    Invisible(scalar: "\u{200D}", asZWNJ: .joinerAsZWNJ, removed: .strayJoiner),
  ]

  static let profiles: [TextNormalizer.Profile] = [.display, .article, .model]

  @Test("the reported reproductions: LRM typed as a half-space becomes ZWNJ")
  func reproductions() {
    let normalizer = TextNormalizer(profile: .article)
    for (input, expected) in [
      ("به\u{200E}دلیل", "به\u{200C}دلیل"), ("می\u{200E}تواند", "می\u{200C}تواند"), ("جلسه\u{200E}ای", "جلسه\u{200C}ای"),
      ("جبهه\u{200E}ها", "جبهه\u{200C}ها"),
    ] {
      let result = normalizer.normalize(input)
      #expect(
        result.text.unicodeScalars.elementsEqual(expected.unicodeScalars),
        "\(Fixtures.visible(input)) → \(Fixtures.visible(result.text))")
      #expect(result.report[.bidiMarkAsZWNJ] == 1)
      #expect(result.report[.bidiControl] == 0 && result.report.bidiControlOffsets.isEmpty)
    }
  }

  @Test("between two Persian letters where the first joins: ZWNJ, counted by kind", arguments: invisibles)
  func becomesZWNJ(_ invisible: Invisible) {
    for profile in Self.profiles {
      let result = TextNormalizer(profile: profile).normalize("او می" + invisible.scalar + "خواند")
      #expect(
        result.text.unicodeScalars.elementsEqual("او می\u{200C}خواند".unicodeScalars),
        "\(profile) \(invisible.testDescription): \(Fixtures.visible(result.text))")
      #expect(result.report[invisible.asZWNJ] == 1, "\(profile) \(invisible.testDescription): \(result.report.counts)")
      #expect(result.report[invisible.removed] == 0 || invisible.removed == invisible.asZWNJ)
    }
  }

  @Test("after a letter that does not join, beside a space, at the edges: removed", arguments: invisibles)
  func disappears(_ invisible: Invisible) {
    let normalizer = TextNormalizer(profile: .article)
    let x = invisible.scalar
    for (input, expected) in [
      ("در" + x + "ها", "درها"),  // ر does not join the next letter
      ("کتاب" + x + " خوب", "کتاب خوب"),
      (x + "سلام", "سلام"),
      ("سلام" + x, "سلام"),
      ("سلام" + x + "۲", "سلام۲"),
    ] {
      let result = normalizer.normalize(input)
      #expect(
        result.text.unicodeScalars.elementsEqual(expected.unicodeScalars),
        "\(invisible.testDescription) in \(Fixtures.visible(input)) → \(Fixtures.visible(result.text))")
      #expect(result.report[invisible.removed] == 1, "\(invisible.testDescription): \(result.report.counts)")
      #expect(result.report[.zwnjAfterNonJoiner] == 0 && result.report[.strayZWNJ] == 0)
    }
  }

  @Test("next to a ZWNJ already there, or several in a row: one ZWNJ, the rest removed", arguments: invisibles)
  func oneHalfSpace(_ invisible: Invisible) {
    let normalizer = TextNormalizer(profile: .article)
    let x = invisible.scalar
    for input in ["می" + x + "\u{200C}روم", "می\u{200C}" + x + "روم", "می" + x + x + x + "روم"] {
      let result = normalizer.normalize(input)
      #expect(result.text.unicodeScalars.elementsEqual("می\u{200C}روم".unicodeScalars), "\(Fixtures.visible(result.text))")
      #expect(result.report[.repeatedZWNJ] == 0, "\(Fixtures.visible(input)): \(result.report.counts)")
    }
  }

  @Test("LRM outside Persian words keeps its behaviour: removed, its offset reported")
  func lrmElsewhere() {
    let result = TextNormalizer(profile: .article).normalize("نسخه Windows 11\u{200E} منتشر شد\u{200E}")
    #expect(result.text == "نسخه Windows 11 منتشر شد")
    #expect(result.report[.bidiControl] == 2 && result.report.bidiControlOffsets.count == 2)
    // Between Latin letters, or a Latin and a Persian letter, it is no half-space.
    let latin = TextNormalizer(profile: .article).normalize("ab\u{200E}cd x\u{200E}سلام")
    #expect(latin.text == "abcd xسلام")
    #expect(latin.report[.bidiControl] == 2)
  }

  @Test("ZWJ between two Arabic letters, the first joining, is a half-space like the others")
  func joinerBetweenLetters() {
    // The only ZWJs between letters in the shared Fars set are inside «ويژه»; the issue
    // lists ZWJ among the half-spaces in disguise: a ZWNJ, never nothing.
    for profile in Self.profiles {
      let result = TextNormalizer(profile: profile).normalize("طرح وي\u{200D}ژه")
      #expect(result.text == "طرح وی\u{200C}ژه", "\(profile): \(Fixtures.visible(result.text))")
      #expect(result.report[.joinerAsZWNJ] == 1 && result.report[.strayJoiner] == 0)
    }
    // Several in a row are one half-space; after ر (no joining) none.
    let normalizer = TextNormalizer(profile: .article)
    #expect(normalizer.normalize("وي\u{200D}\u{200D}\u{200D}ژه").text == "وی\u{200C}ژه")
    #expect(normalizer.normalize("در\u{200D}ها").text == "درها")
  }

  @Test("every change kind's ordinal is its place in allCases (the report counts by it; joinerAsZWNJ renumbered the rest)")
  func ordinals() {
    for (position, kind) in ChangeKind.allCases.enumerated() {
      #expect(kind.ordinal == position, "\(kind)")
    }
    let result = TextNormalizer(profile: .article).normalize("وي\u{200D}ژه و جبهه\u{200E}ها")
    #expect(result.report[.joinerAsZWNJ] == 1 && result.report[.bidiMarkAsZWNJ] == 1 && result.report[.lineEdgeSpace] == 0)
  }

  @Test("ZWJ keeps its place in emoji sequences and Indic conjuncts")
  func joinerKept() {
    let normalizer = TextNormalizer(profile: .article)
    #expect(normalizer.normalize("سلام 👩\u{200D}💻").text == "سلام 👩\u{200D}💻")
    #expect(normalizer.normalize("क्\u{200D}ष").text == "क्\u{200D}ष")
  }

  @Test("NOT SIGN between letters is a half-space, elsewhere a sign")
  func notSign() {
    let normalizer = TextNormalizer(profile: .article)
    #expect(normalizer.normalize("می\u{00AC}روم").text == "می\u{200C}روم")
    #expect(normalizer.normalize("در\u{00AC}ها").text == "درها")
    #expect(normalizer.normalize("a \u{00AC} b").text == "a \u{00AC} b")
  }
}
