import Foundation
import Testing

@testable import Matn

@Suite("House style: ezafe, digits and words never touched, from JSON")
struct HouseStyleTests {
  private func decode(_ json: String) throws -> HouseStyle {
    try JSONDecoder().decode(HouseStyle.self, from: Data(json.utf8))
  }

  private func normalize(_ text: String, _ style: HouseStyle, profile: TextNormalizer.Profile = .article) -> String {
    var options = TextNormalizer.Options(profile: profile)
    style.apply(to: &options)
    return TextNormalizer(profile: profile, options: options).normalize(text).text
  }

  @Test("a field left out keeps the profile's choice; each field given changes only its rule")
  func fields() throws {
    let text = "خانه ی ما ٣ يك"
    #expect(normalize(text, try decode("{}")) == "خانهٔ ما ۳ یک")
    #expect(normalize(text, try decode(#"{"ezafe": "yeh"}"#)) == "خانه\u{200C}ی ما ۳ یک")
    #expect(normalize(text, try decode(#"{"digits": "as-typed"}"#)) == "خانهٔ ما ٣ یک")
    // The display profile keeps the ezafe as typed unless the style says otherwise.
    #expect(normalize(text, try decode("{}"), profile: .display) == "خانه ی ما ۳ یک")
    #expect(normalize(text, try decode(#"{"ezafe": "hamza"}"#), profile: .display) == "خانهٔ ما ۳ یک")
  }

  @Test("protected words pass every Persian rule untouched, matched exactly as whole words")
  func protectedWords() throws {
    let style = try decode(#"{"protectedWords": ["علي", "ميكنند"]}"#)
    // Kept: the Arabic ي of a brand, a glued verb; not kept: the same letters in
    // another word, or the word with a ZWNJ.
    #expect(normalize("علي و عليرضا ميكنند", style) == "علي و علیرضا ميكنند")
    #expect(normalize("علي‌آباد", style) == "علی‌آباد")
    #expect(normalize("علي و ميكنند", try decode("{}")) == "علی و می\u{200C}کنند")
  }

  @Test("compounds join with a half-space; a protected glued compound stays glued")
  func compounds() throws {
    // A made-up brand, in no list we ship.
    let style = try decode(#"{"compounds": ["گرم تاب"]}"#)
    #expect(normalize("گرمتاب و گرم تاب", style) == "گرم\u{200C}تاب و گرم\u{200C}تاب")
    #expect(normalize("گرمتاب", try decode("{}")) == "گرمتاب")
    // آتشنشان is a curated compound (آتش‌نشان), split whatever the text shows; a house
    // that writes it glued says so.
    #expect(normalize("آتشنشان", try decode("{}")) == "آتش\u{200C}نشان")
    #expect(normalize("آتشنشان", try decode(#"{"protectedWords": ["آتشنشان"]}"#)) == "آتشنشان")
  }

  @Test("an unknown field, a wrong value or a protected word that is not one word is an error")
  func errors() throws {
    #expect(throws: (any Error).self) { try decode(#"{"ezafa": "yeh"}"#) }
    #expect(throws: (any Error).self) { try decode(#"{"ezafe": "kasra"}"#) }
    #expect(throws: (any Error).self) { try decode(#"{"digits": 1}"#) }
    #expect(try decode(#"{"protectedWords": ["a b", "", "علي"]}"#).problems().count == 2)
    #expect(try decode(#"{"protectedWords": ["علي‌آباد"]}"#).problems().isEmpty)
    #expect(try decode(#"{"compounds": ["خوش", "a b", "خوش  آمد"]}"#).problems().count == 3)
    #expect(try decode(#"{"compounds": ["خوش آمد", "هم‌اکنون"]}"#).problems().isEmpty)
  }

  @Test("a profile's style written out reads back as the same choices")
  func roundTrip() throws {
    for profile in TextNormalizer.Profile.allCases {
      let style = HouseStyle(profile: profile)
      let again = try JSONDecoder().decode(HouseStyle.self, from: JSONEncoder().encode(style))
      #expect(again == style)
      var options = TextNormalizer.Options(profile: profile)
      let before = options
      style.apply(to: &options)
      #expect(options.ezafeStyle == before.ezafeStyle && options.persianDigits == before.persianDigits)
    }
  }
}
