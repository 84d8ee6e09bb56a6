import MatnICU

/// How a language reads a text typed in its legacy 8-bit code page and shown as
/// windows-1252 (the bytes decoded with the wrong table): Turkish typed in windows-1254
/// comes out as «kasým», «baþka», «aðustos» for «kasım», «başka», «ağustos». Such text is
/// common in scraped news (it is in the Leipzig Turkish news the evaluation's texts are
/// drawn from, where lingua's tables, counted from cleaned text, have none of ý þ ð), and
/// read as it is, its letters are unseen to the language and seen by Icelandic, Czech or
/// Turkmen, which then win it.
///
/// The letters come from ICU's converters: each byte that windows-1252 and the code page
/// both decode to a letter, different ones, gives the lower-case letter windows-1252
/// shows (the model reads lower case) and the code page's letter, lower-cased. A
/// capital is read through its lower-case form (Ý, windows-1254's İ, is read as ı).
struct LegacyCodePageReading: Sendable {
  /// The languages that also read a text in their legacy code page, and that code page:
  /// those of our languages whose legacy Windows code page is not windows-1252 and whose
  /// text shows the confusion in the data (Turkish and Azerbaijani, windows-1254).
  /// windows-1250 (Czech, Slovak, Polish, Hungarian, Croatian, Bosnian, Slovene,
  /// Romanian, Albanian) and windows-1257 (Lithuanian, Latvian, Estonian) are not read:
  /// the letters they would re-read (à è ñ å æ ø …) are letters of most Western European
  /// texts, which nine or three more languages would then score a second time, and no
  /// dev or training text of theirs shows the confusion.
  static let codePages: [(language: String, codePage: String)] = [("tr", "windows-1254"), ("az", "windows-1254")]

  /// Lower-case letter as windows-1252 shows the byte → the code page's letter.
  let letters: [UInt32: UInt32]
  /// ``letters`` by scalar over ``mayChange(_:)``'s range (from U+00AA): the code page's
  /// letter, or 0 where the reading changes nothing (read per letter, no hashing).
  private let table: [UInt32]

  /// The reading of `codePage`, or nil when ICU does not know it or it changes no letter.
  init?(codePage: String) {
    guard let shown = try? Converter(encoding: "windows-1252"), let meant = try? Converter(encoding: codePage) else {
      return nil
    }
    var letters: [UInt32: UInt32] = [:]
    for byte in UInt8(0x80)...UInt8(0xFF) {
      let a = shown.decode([byte]).string.unicodeScalars, b = meant.decode([byte]).string.unicodeScalars
      guard a.count == 1, b.count == 1, let x = a.first, let y = b.first, x != y,
        x.properties.isAlphabetic, y.properties.isAlphabetic, x.properties.lowercaseMapping == String(x),
        case let lower = y.properties.lowercaseMapping.unicodeScalars, lower.count == 1
      else { continue }
      letters[x.value] = lower.first!.value
    }
    guard !letters.isEmpty, letters.keys.allSatisfy(Self.mayChange) else { return nil }
    self.letters = letters
    table = (Self.first...Self.last).map { letters[$0] ?? 0 }
  }

  /// The readings of ``codePages``, by language code (made once: ICU's tables).
  static let byLanguage: [String: LegacyCodePageReading] = {
    var out: [String: LegacyCodePageReading] = [:]
    var made: [String: LegacyCodePageReading] = [:]
    for (language, codePage) in codePages {
      if made[codePage] == nil { made[codePage] = LegacyCodePageReading(codePage: codePage) }
      out[language] = made[codePage]
    }
    return out
  }()

  /// The code pages of ``codePages``, each once, in order.
  static let distinctCodePages: [String] = codePages.map(\.codePage).reduce(into: []) { pages, page in
    if !pages.contains(page) { pages.append(page) }
  }

  /// The readings of ``distinctCodePages``, in the same order (made once, from ICU's
  /// tables, when a text first needs one; nil for a code page ICU does not know).
  static let byCodePage: [LegacyCodePageReading?] = distinctCodePages.map { LegacyCodePageReading(codePage: $0) }

  /// The first and last scalar of ``mayChange(_:)``'s range.
  private static let first: UInt32 = 0xAA, last: UInt32 = 0x2DC

  /// Whether `letter` (lower case) may be one this reading changes: every letter of a
  /// windows-1252 byte above 0x7F is in U+00AA–U+017E or U+0192–U+02DC.
  @inline(__always)
  static func mayChange(_ letter: UInt32) -> Bool { letter >= first && letter <= last }

  /// `text` read back through the code page, and how many letters changed (`text`
  /// itself, not copied, when none did).
  func read(_ text: TextLetters) -> (letters: TextLetters, count: Int) {
    var read = text
    var count = 0
    table.withUnsafeBufferPointer { table in
      for (k, v) in text.scalars.enumerated() where Self.mayChange(v) {
        let meant = table[Int(v &- Self.first)]
        if meant != 0 {
          read.scalars[k] = meant
          count += 1
        }
      }
    }
    return (read, count)
  }
}
