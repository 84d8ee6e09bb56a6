import Foundation
import MatnICU
import TestSupport
import Testing

@testable import Matn

@Suite("Mojibake repair")
struct MojibakeRepairTests {
  /// Makes mojibake the way it happens: UTF-8 bytes decoded with `charset`, `layers` times.
  /// Nil when a layer's bytes are not all defined in the charset.
  static func mojibake(_ text: String, _ charset: String, layers: Int = 1) throws -> String? {
    var text = text
    let converter = try Converter(encoding: charset)
    for _ in 0..<layers {
      let decoded = converter.decode(Array(text.utf8))
      // Bytes the charset leaves undefined come back as U+FFFD, SUB or C1 controls.
      guard decoded.invalidByteOffsets.isEmpty,
        !decoded.string.unicodeScalars.contains(where: { $0 == "\u{FFFD}" || $0 == "\u{1A}" || (0x80...0x9F).contains($0.value) })
      else { return nil }
      text = decoded.string
    }
    return text
  }

  static let sentences: [String] = try! Fixtures.table("mojibake-sentences.txt").map { $0.fields[0] }

  @Test(
    "Persian and mixed sentences read as windows-1256 or windows-1252, once or twice, are repaired",
    arguments: ["windows-1256", "windows-1252"], [1, 2])
  func repairsOwnFixtures(charset: String, layers: Int) throws {
    #expect(Self.sentences.count >= 8)
    for sentence in Self.sentences {
      guard let broken = try Self.mojibake(sentence, charset, layers: layers) else { continue }  // bytes it lacks
      let decoded = try DecodedText(bytes: Array(broken.utf8))
      #expect(decoded.string == sentence, "\(charset) ×\(layers): \(broken)")
      #expect(decoded.repairs.contains { if case .mojibake = $0 { true } else { false } })
    }
  }

  @Test(
    "ftfy cannot repair this one; Matn does",
    arguments: [
      ("ط·ط±ط§ط­غŒ", "طراحی"), ("Ø³Ù„Ø§Ù…", "سلام"),
      // ح is ط and a soft hyphen, which Persian text also holds for real.
      ("ط\u{AD}ط¬ ظˆ طµظ„ط\u{AD}", "حج و صلح"),
    ])
  func arabicScript(broken: String, expected: String) {
    #expect(MojibakeRepair.repair(broken).0 == expected)
  }

  @Test(
    "a Latin letter of three bytes inside a word is repaired",
    arguments: [
      ("Tiáº¿ng Viá»‡t", "Tiếng Việt"), ("Nguyá»…n", "Nguyễn"),
    ])
  func latinInWord(broken: String, expected: String) {
    #expect(MojibakeRepair.repair(broken).0 == expected)
  }

  @Test(
    "a lone two-byte sequence: capitals among capitals, Latin Extended-A in an ASCII word",
    arguments: [
      ("HÃ”TEL DE VILLE", "HÔTEL DE VILLE"), ("OÃ™ ET QUAND?", "OÙ ET QUAND?"), ("AÃ‘O", "AÑO"),
      ("Ä°stanbul", "İstanbul"), ("RÄ«ga", "Rīga"), ("LietuviÅ³ kalba", "Lietuvių kalba"),
    ])
  func loneTwoByte(broken: String, expected: String) {
    #expect(MojibakeRepair.repair(broken).0 == expected)
  }

  @Test(
    "lossy mojibake: a sequence whose last byte became U+FFFD becomes U+FFFD",
    arguments: [
      ("He said â€�no", "He said �no"), ("â€œquotedâ€�", "“quoted�"), ("the form ï¿½ here", "the form � here"),
    ])
  func lossy(broken: String, expected: String) {
    #expect(MojibakeRepair.repair(broken).0 == expected)
  }

  @Test(
    "text that only looks like mojibake is left alone",
    arguments: [
      "a lone � stays", "Ã�", "کلپ\u{FFFD} و",
      "Hotel Ã” lower", "ÅÄ« ÄÄ", "VOLVO Ã”",
      // Real text in other scripts whose characters spell UTF-8 in some charset.
      "Гісторыка-этнаграфічны музей", "ку\u{AD}р\u{AD}’\u{AD}ёз\u{AD}ны", "ئەو تەنیا”د” بوو", "مئنأ\u{A0}ئه",
      "I'm not such a fan of Charlotte Brontë…”",
      "Bremer/Mccoy – DrÃ¥ber", "HUHLL Õ…", "RETWEET SE VOCÊ…", "4288×…", "Offering 5×£35 pin ups", "ВІКІ is Ukrainian for WIKI",
      "``toda produzida pronta pra assa aí´´", "SELKÄ\u{00A0}EDELLÄ\u{00A0}MAAHAN", "MÄ£ÄM ÌÑÌ Q £ÄGÌ", "NESTLÉ® requiere",
      "café, naïve, Zürich", "سلام دنیا", "He’s “quoted” — fine", "├┤a┼┐a┼┐a┼┐a┼┐a",
      // Persian words whose windows-1256 bytes happen to be valid UTF-8.
      "به مدد عکس‌ها قابل دیدن است", "شکل‌گیری سیاره", "کشاورزان ناکوچ‌رو", "چغا نرگس، شرق", "تلسکوپ‌های بزرگ",
      "کتاب\u{AD}خانه\u{AD}ها و ساز\u{AD}مان",
    ])
  func negatives(text: String) {
    let (repaired, count) = MojibakeRepair.repair(text)
    #expect(repaired == text)
    #expect(count == 0)
  }

  @Test(
    "double and triple encoding are undone layer by layer",
    arguments: [
      ("The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows.", "The Mona Lisa doesn’t have eyebrows."),
      ("Iggy Pop (nÃƒÂ© Jim Osterberg)", "Iggy Pop (né Jim Osterberg)"),
    ])
  func layers(broken: String, expected: String) {
    #expect(MojibakeRepair.repair(broken).0 == expected)
  }

  @Test(
    "other charsets: Cyrillic, Central European, Greek, MacRoman",
    arguments: [
      ("РґРѕСЂРѕРіРµ", "дороге"), ("ÄŒeÅ¡tina", "Čeština"), ("Î•Î»Î»Î·Î½Î¹ÎºÎ¬", "Ελληνικά"), ("wei√ü", "weiß"),
    ])
  func otherCharsets(broken: String, expected: String) {
    #expect(MojibakeRepair.repair(broken).0 == expected)
  }

  @Test("real articles are not touched (our samples and fixtures; ../shared's articles when present)")
  func realArticles() throws {
    for text in try RealText.samples() {
      let decoded = try DecodedText(bytes: Array(text.utf8))
      #expect(decoded.string == text)
      #expect(decoded.repairs.isEmpty)
    }
  }

  @Test(
    "a whole line that re-decodes in one charset, and reads better for it, is decoded whole",
    arguments: [
      ("Ostrava je tĹ™etĂ\u{AD} nejvÄ›tĹˇĂ\u{AD} mÄ›sto", "Ostrava je třetí největší město"),  // windows-1250
      ("Na shledanou, pĹ\u{99}Ă\u{AD}teli", "Na shledanou, příteli"),  // ISO-8859-2
      ("TÅ«kstantis Å¾moniÅ³", "Tūkstantis žmonių"),  // windows-1257 (windows-1252 spells it alike)
      ("Se√±or Mu√±oz", "Señor Muñoz"),  // MacRoman
    ])
  func wholeLine(broken: String, expected: String) {
    #expect(MojibakeRepair.repair(broken).0 == expected)
  }

  @Test(
    "when two charsets decode a line, the likelier reading wins",
    arguments: [
      // windows-1257 (ë) over windows-1250 (ƫ, which no legacy charset has).
      ("Hoe gaan dit met ZoĆ« en NoĆ«l?", "Hoe gaan dit met Zoë en Noël?"),
      // windows-1250 (ĝ) over ISO-8859-2 (Ļ, a capital inside a word).
      ("La reÄťo manÄťas pomon", "La reĝo manĝas pomon"),
    ])
  func likelierCharset(broken: String, expected: String) {
    #expect(MojibakeRepair.repair(broken).0 == expected)
  }

  @Test(
    "mojibake that only a word's shape gives away",
    arguments: [
      ("BakД± vЙ™ GЙ™ncЙ™", "Bakı və Gəncə"),  // windows-1251: Cyrillic, a symbol, a Latin letter
      ("Die BrĂĽcke ĂĽber den FluĂź", "Die Brücke über den Fluß"),  // windows-1250: a capital mid-word
    ])
  func wordShape(broken: String, expected: String) {
    #expect(MojibakeRepair.repair(broken).0 == expected)
  }

  @Test("CESU-8: a character beyond the BMP spelled as two surrogates")
  func cesu8() {
    #expect(MojibakeRepair.repair("Nice í\u{A0}½í±\u{8D}").0 == "Nice 👍")
  }

  @Test("a lost byte in a two-byte sequence between letters makes the sequence U+FFFD")
  func lossyTwoByte() {
    #expect(MojibakeRepair.repair("PoÄ\u{FFFD}asÃ\u{AD}").0 == "Po\u{FFFD}así")
  }

  @Test(
    "a space that was byte A0 (a no-break space turned into a space)",
    arguments: [
      ("à¸ à¸²à¸„à¹ƒà¸•à¹‰", "ภาคใต้"),  // E0 B8 A0 is ภ
      ("rendez-vous Ã midi", "rendez-vous à midi"),  // à, and the space it stood before
      ("il faut partir: voilÃ  tout", "il faut partir: voilà tout"),
      ("Fomos Ã s compras", "Fomos às compras"),  // às is one word
    ])
  func spaceForA0(broken: String, expected: String) {
    #expect(MojibakeRepair.repair(broken).0 == expected)
  }

  @Test(
    "what looks like mojibake but does not decode, or reads no better decoded, stays",
    arguments: [
      // Lowercased double mojibake: no layer decodes, so no part of it is touched.
      "ã¢â‚¬å“quotedã¢â‚¬â",
      // Scandinavian capitals that spell ř and Ũ in windows-1252.
      "BÅ™ is our new lamp", "SKÅØYEN ER STOR",
      // Slovak whose ISO-8859-2 bytes spell Vietnamese letters (ṻ).
      "Obzvlášť dobré výsledky", "nášľapná vrstva",
      // MacRoman's – is D0: a dash and a space are not Р.
      "Oslo – Mål Ã¥",
    ])
  func notDecoded(text: String) {
    #expect(MojibakeRepair.repair(text).0 == text)
  }

  @Test("badness: what mojibake glues together scores; real text does not")
  func badness() {
    for bad in ["Ã©t", "Ð±", "─îe", "Ĺ˝i", "â€œ", "×‘×", "signiп¬", "s\u{85}"] {
      #expect(MojibakeRepair.badness(Array(bad.unicodeScalars.map(\.value))[...]) > 0, "\(bad)")
    }
    for good in ["Zürich café — “quoted”", "ВІКІ", "سلام دنیا", "NESTLÉ® requiere", "SKÅØYEN", "( o¬ô )", "Ã’s"] {
      #expect(MojibakeRepair.badness(Array(good.unicodeScalars.map(\.value))[...]) == 0, "\(good)")
    }
  }

  @Test("C1 controls are windows-1252 punctuation a Latin-1 decoder let through")
  func c1Controls() {
    #expect(MojibakeRepair.repair("parlé\u{85} Tu sais").0 == "parlé… Tu sais")
  }

  /// Broken lines of the tests above, each a kind of repair.
  static let brokenSamples = [
    "ط·ط±ط§ط­غŒ", "Ø³Ù„Ø§Ù…", "Tiáº¿ng Viá»‡t", "HÃ”TEL DE VILLE", "OÃ™ ET QUAND?", "Ä°stanbul", "RÄ«ga",
    "He said â€�no", "the form ï¿½ here", "The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows.", "РґРѕСЂРѕРіРµ",
    "ÄŒeÅ¡tina", "Î•Î»Î»Î·Î½Î¹ÎºÎ¬", "wei√ü", "Ostrava je tĹ™etĂ\u{AD} nejvÄ›tĹˇĂ\u{AD} mÄ›sto",
    "Na shledanou, pĹ\u{99}Ă\u{AD}teli", "TÅ«kstantis Å¾moniÅ³", "Se√±or Mu√±oz", "Hoe gaan dit met ZoĆ« en NoĆ«l?",
    "La reÄťo manÄťas pomon", "parlé\u{85} Tu sais", "Nice í\u{A0}½í±\u{8D}", "PoÄ\u{FFFD}asÃ\u{AD}",
    "à¸ à¸²à¸„à¹ƒà¸•à¹‰", "rendez-vous Ã midi", "il faut partir: voilÃ  tout", "Fomos Ã s compras",
    "BakД± vЙ™ GЙ™ncЙ™", "Die BrĂĽcke ĂĽber den FluĂź", "ã¢â‚¬å“quotedã¢â‚¬â", "BÅ™ is our new lamp", "Oslo – Mål Ã¥",
  ]

  /// Real text (our own sentences) with a pair of letters that the suspect scan stops at
  /// (a lead in one charset before a continuation in another, or a three-byte lead
  /// before one continuation), but no whole sequence in any one charset.
  static let suspectSamples = [
    "Οι παίκτες έπαιξαν καλά.", "Επίσης η Μπάλα είναι εδώ.", "İşte güzel bir gün.", "Þá fór hann heim.",
    "Đà Lạt là một thành phố.", "Čísla jsou důležitá.", "Łódź leży w Polsce.", "Üçüncü gün geldi.",
  ]

  @Test("real text the suspect scan stops at is tried in no charset", arguments: suspectSamples)
  func suspectNotTried(text: String) {
    var copy = text
    let classes = MojibakeRepair.computedClasses()
    let suspect = classes.withUnsafeBufferPointer { table in
      copy.withUTF8 { UTF8Scan.firstMojibakeSuspect($0, classes: table.baseAddress!) }
    }
    #expect(suspect != nil)
    let scalars = text.unicodeScalars.map(\.value)
    let (sequences, whole, controls) = MojibakeRepair.repairCharsets(scalars)
    #expect(sequences == 0 && whole == 0 && !controls)
    #expect(!MojibakeRepair.mayRepair(scalars))
    #expect(MojibakeRepair.repair(text).1 == 0)
  }

  @Test("a round tries every charset in which it changes the line (repairCharsets is a necessary condition)")
  func charsetsTried() throws {
    var lines = Self.brokenSamples + Self.suspectSamples + Self.sentences
    for sentence in Self.sentences {
      for charset in MojibakeRepair.charsets {
        for layers in 1...2 { if let broken = try Self.mojibake(sentence, charset.name, layers: layers) { lines.append(broken) } }
      }
    }
    // And random strings of characters mojibake is made of, real letters and what stands
    // for lost bytes.
    let pieces = [
      "Ã", "©", "â", "€", "™", "Ð", "±", "Ø", "³", "Ù", "„", "ط", "ظ", "ˆ", "Ä", "Å", "Ĺ", "Ă", "Î", "µ", "√", "├", "┤", " ",
      "?", "\u{FFFD}", "a", "e", "ر", "ک", "і", "М", "В", "έ", "π", "İ", "ş", "Þ", "á", "Đ", "à", "Č", "í", "Ł", "ó",
      "\u{A0}", "\u{AD}", "«", "»", "’", "–", "¢", "‚", "¬", "ƒ", "¤", "Œ", "Ã©", "â€™", "Ø§", "Ð¾", "ï¿½",
    ]
    var generator = SplitMix64(seed: 23)
    for _ in 0..<3_000 {
      lines.append((0..<Int(generator.next() % 12)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
    }
    var changed = 0
    for line in lines {
      let s = line.unicodeScalars.map(\.value)
      let (sequences, whole, _) = MojibakeRepair.repairCharsets(s)
      for (k, charset) in MojibakeRepair.charsets.enumerated() {
        if MojibakeRepair.repairOnce(s, charset).1 > 0 {
          #expect(sequences & 1 << k != 0, "\(charset.name): \(line)")
        }
        if let (_, count) = MojibakeRepair.redecode(s[...], charset), count > 0 {
          #expect(whole & 1 << k != 0, "\(charset.name): \(line)")
        }
      }
      if MojibakeRepair.repair(line).1 > 0 {
        changed += 1
        #expect(MojibakeRepair.mayRepair(s), "\(line)")
      }
    }
    #expect(changed > 300)
  }
}
