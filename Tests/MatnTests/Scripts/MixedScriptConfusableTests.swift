import Foundation
import MatnICU
import Testing

@testable import Matn

@Suite("Mixed-script confusables (ICU's spoof checker)")
struct MixedScriptConfusableTests {
  /// "Аli Аkbаr Vеlаyаti" with Cyrillic А (U+0410), а (U+0430) and е (U+0435).
  static let spoofed = "\u{410}li \u{410}kb\u{430}r V\u{435}l\u{430}y\u{430}ti"

  @Test("Cyrillic homoglyphs in a Latin name: the scripts, the Latin look-alike and ICU's skeleton")
  func cyrillicInLatin() throws {
    let mark = try #require(MixedScriptConfusable(in: Self.spoofed))
    #expect(mark.scripts == ["Cyrl", "Latn"])
    #expect(mark.script == "Latn")
    #expect(mark.looksLike == "Ali Akbar Velayati")
    #expect(mark.skeleton == SpoofChecker.shared.skeleton("Ali Akbar Velayati"))
  }

  @Test("a Latin homoglyph in a Cyrillic name looks like the Cyrillic name; a Greek Eta in a Latin word")
  func otherDirections() throws {
    let putin = try #require(MixedScriptConfusable(in: "П\u{79}тин"))  // Latin y
    #expect(putin.script == "Cyrl")
    #expect(putin.looksLike == "Путин")
    let harvest = try #require(MixedScriptConfusable(in: "\u{397}arvest"))  // uspoof.h's example
    #expect(harvest.scripts == ["Grek", "Latn"])
    #expect(harvest.looksLike == "Harvest")
  }

  @Test("a capital homoglyph becomes a capital: Ukrainian І in Іran is I, not l (their skeletons are equal)")
  func caseKept() throws {
    #expect(try #require(MixedScriptConfusable(in: "\u{406}ran")).looksLike == "Iran")
  }

  @Test(
    "not marked: one script, whole-script look-alikes, Latin with Arabic, mixed words without a look-alike",
    arguments: [
      "Ali Akbar Velayati", "Владимир Путин", "علی اکبر ولایتی", "آيت‌الله سيد علي خامنه‌اي", "\u{455}\u{441}\u{43E}\u{440}\u{435}",
      "iPhoneها", "Ali-Акбар", "東京 Tokyo", "",
    ])
  func notMarked(text: String) {
    #expect(MixedScriptConfusable(in: text) == nil)
  }

  @Test("a mark round-trips through Codable")
  func codable() throws {
    let mark = try #require(MixedScriptConfusable(in: Self.spoofed))
    #expect(try JSONDecoder().decode(MixedScriptConfusable.self, from: JSONEncoder().encode(mark)) == mark)
  }
}
