import Testing

@testable import Matn

@Suite("NameIndexer")
struct NameIndexerTests {
  let indexer = NameIndexer.shared

  @Test(
    "display: lexicon press spellings, compounds split, suffixes after ZWNJ",
    arguments: [
      ("حسن روحانی", "Hassan Rouhani"),
      ("علی اکبر ولایتی", "Ali Akbar Velayati"),
      ("علی خامنه‌ای", "Ali Khamenei"),
      ("محمدجواد ظریف", "Mohammad Javad Zarif"),
      ("سیدحسن نصیری", "Seyyed Hassan Nasiri"),
      // Person lists: hyphenated spellings split to align the words; their spellings
      // come before the unordered given-name variants (Mehdi, not Mahdi).
      ("غلام علی حداد عادل", "Gholam Ali Haddad Adel"),
      ("مهدی", "Mehdi"),
    ])
  func persianLexicon(native: String, expected: String) {
    #expect(indexer.keys(for: native).display == expected)
  }

  @Test(
    "display: letter rules with short-vowel insertion for words outside the lexicon",
    arguments: [
      ("بهرام", "Bahram"), ("جمشید", "Jamshid"), ("کامران", "Kamran"), ("احمد", "Ahmad"),
      ("وحید", "Vahid"), ("داوود", "Davoud"), ("لواسان", "Lavasan"), ("شیرازپور", "Shirazpour"),
    ])
  func persianRules(native: String, expected: String) {
    #expect(indexer.keys(for: native).display == expected)
  }

  @Test(
    "letter rules: CāCeC, -āyat, initial vowel, vowelless CaCaC, -avi, -Ciā-, -āyi, final h after a vowel",
    arguments: [
      ("کاظم", "Kazem"), ("ناصر", "Naser"), ("صالحی", "Salehi"), ("طاهره", "Tahereh"),
      ("ولایتی", "Valayati"), ("شریعتی", "Shariati"),
      ("اسدی", "Asadi"), ("آرش", "Arash"), ("آذر", "Azar"),
      ("حسن", "Hasan"), ("جعفر", "Jafar"), ("سعد", "Sad"),
      ("موسوی", "Mousavi"), ("صفوی", "Safavi"), ("پهلوی", "Pahlavi"),
      ("پزشکیان", "Pazshakian"), ("کیانوش", "Kianoush"),
      ("رجایی", "Rajaei"), ("پارسایی", "Parsaei"),
      ("چاه", "Chah"), ("کوه", "Kouh"), ("ده", "Deh"), ("مرضیه", "Marzieh"),
    ])
  func persianLetterRules(native: String, expected: String) {
    #expect(PersianNameRomanizer.rules(Array(native.unicodeScalars)) == expected)
  }

  @Test("display: -i and -zadeh on a lexicon stem (Hosseini, Rezaei, Hassanzadeh)")
  func persianSuffixes() {
    #expect(indexer.keys(for: "حسینی").display == "Hosseini")
    #expect(indexer.keys(for: "رضایی").display == "Rezaei")
    #expect(indexer.keys(for: "حسن‌زاده").display == "Hassanzadeh")
    #expect(indexer.keys(for: "حسنزاده").display == "Hassanzadeh")
  }

  @Test("Arabic variant letters and harakat are folded before lookup")
  func arabicVariants() {
    #expect(indexer.keys(for: "علي").display == "Ali")
    #expect(indexer.keys(for: "مُحَمَّد").display == "Mohammad")
  }

  @Test("Russian: BGN with each word capitalised, soft-sign apostrophes dropped")
  func russian() {
    #expect(indexer.keys(for: "Леонид Петрович Решетников").display == "Leonid Petrovich Reshetnikov")
    #expect(indexer.keys(for: "Никита Хрущёв").display == "Nikita Khrushchev")
    #expect(indexer.keys(for: "Ильич").display == "Ilich")
  }

  @Test("Chinese: family name, then the given name's syllables joined")
  func chinese() {
    #expect(indexer.keys(for: "习近平").display == "Xi Jinping")
    #expect(indexer.keys(for: "毛泽东").display == "Mao Zedong")
    #expect(indexer.keys(for: "欧阳修").display == "Ouyang Xiu")
  }

  @Test("Chinese: only the first character gets its family-name reading (区区 Ou Qu, 平乐 Ping Le)")
  func chineseReadings() {
    #expect(indexer.keys(for: "区区").display == "Ou Qu")
    #expect(indexer.keys(for: "平乐").display == "Ping Le")
    #expect(indexer.keys(for: "曾国藩").display == "Zeng Guofan")
  }

  @Test("Chinese alternatives: the ordinary first reading, and a place name without its generic")
  func chineseAlternatives() {
    #expect(indexer.alternativeKeys(for: "乐亭").map(\.ascii) == ["le ting"])
    #expect(Set(indexer.alternativeKeys(for: "长宁市").map(\.ascii)) == ["zhang ningshi", "chang ning", "zhang ning"])
    #expect(indexer.alternativeKeys(for: "市").isEmpty)  // a generic alone is a name
    #expect(indexer.alternativeKeys(for: "Hassan Rouhani").isEmpty)
    // Persian names have their next romanisations instead (NameIndexTests.persianAlternatives).
    #expect(!indexer.alternativeKeys(for: "حسن روحانی").contains { $0.display == "Hassan Rouhani" })
  }

  @Test("Chinese other readings come from Resources/Names/zh-readings.tsv, at most 16 combinations")
  func chineseOtherReadings() {
    #expect(NameIndexer.hanOtherReadings[Unicode.Scalar("地").value] == ["di"])
    #expect(indexer.alternativeKeys(for: "黄埔").map(\.ascii) == ["huang pu"])
    #expect(indexer.alternativeKeys(for: "堡地堡地堡地").count <= 16)
    #expect(indexer.alternativeKeys(for: "堡地堡地堡地").count >= 8)
  }

  @Test("a name with no consonant left gets the shared key _ (a Chinese one its syllables); an empty name none")
  func vowelOnlyKey() {
    #expect(indexer.keys(for: "Hey").phonetic == "_")
    #expect(indexer.keys(for: "Ai Weiwei").phonetic == "aiuiui")
    #expect(indexer.keys(for: "艾未未").phonetic == "aiuiui")
    #expect(indexer.keys(for: "").phonetic == "")
    #expect(indexer.keys(for: "·").phonetic == "")
  }

  @Test("Chinese names are keyed by their syllables: 马云 and 莫言 no longer share the skeleton mn")
  func chineseSyllableKeys() {
    let maYun = indexer.keys(for: "马云").phonetic
    #expect(maYun == "maun")
    #expect(maYun != indexer.keys(for: "莫言").phonetic)
    #expect(maYun == indexer.keys(for: "Ma Yun").phonetic)
    #expect(indexer.keys(for: "莫言").phonetic == indexer.keys(for: "Mo Yan").phonetic)
    // Names whose skeletons were one: 黄河 and 何红 (hng), 江泽民 and 蒋子明 (zngzmn).
    #expect(indexer.keys(for: "黄河").phonetic != indexer.keys(for: "何红").phonetic)
    #expect(indexer.keys(for: "江泽民").phonetic != indexer.keys(for: "蒋子明").phonetic)
  }

  @Test(
    "a Latin spelling, Pinyin or Wade-Giles, meets its Han form",
    arguments: [
      ["毛泽东", "Mao Zedong", "Mao Tse-tung"],
      ["江泽民", "Jiang Zemin", "Chiang Tse-min"],
      ["邓小平", "Deng Xiaoping", "Teng Hsiao-ping"],
      ["孙中山", "Sun Zhongshan", "Sun Chung-shan"],
      ["习近平", "Xi Jinping", "Xi Jin-ping", "XI JINPING"],
      ["西安", "Xi'an", "Xian"],
    ])
  func chineseSpellingsMeet(variants: [String]) {
    let keys = Set(variants.map { indexer.keys(for: $0).phonetic })
    #expect(keys.count == 1, "\(keys)")
  }

  @Test("syllables: the fewest, Pinyin before Wade-Giles, no vowel-initial syllable inside a word when avoidable")
  func syllableParse() {
    func key(_ s: String) -> String? {
      var s = s
      return s.withUTF8 { HanSyllableKey.key($0) }.map { String(decoding: $0, as: UTF8.self) }
    }
    #expect(key("hsiao") == key("xiao"))
    #expect(key("tzu-hsi") == key("zixi"))
    #expect(key("jih-chao") == key("richao") && key("richao") != nil)  // Wade-Giles j is Pinyin r
    #expect(key("changan") == key("chan gan"))  // Chang'an keeps its apostrophe to be chang-an
    #expect(key("guangao") == key("guang ao"))  // 广澳 "Guang Ao": word breaks do not count
    #expect(key("guangdong") == "kuangtung")
    // Spellings Persian and Russian names share with Pinyin, with no Chinese shape: none.
    for s in ["reza", "hasan rouhani", "hamadan", "ali", "latingan", "royan", "mo yan"] { #expect(key(s) == nil, "\(s)") }
    #expect(key("ma yun") == "maun")
    #expect(key("reza haddadian") == nil)  // the Persian suffix -ian
    // The quick test before a parse passes every spelling with a Chinese shape.
    for spelling in HanSyllableKey.pinyin.flatMap({ [$0] + HanSyllableKey.wadeGiles($0) })
    where HanSyllableKey.isChineseShape(spelling) {
      var s = spelling
      #expect(s.withUTF8 { HanSyllableKey.mayHaveChineseShape($0) }, "\(spelling)")
    }
    #expect(key("mao 2") == nil)
    #expect(key(String(repeating: "ma", count: 40) + "xi") == nil)  // too long for a name
  }

  @Test("a caller's Persian lexicon replaces the curated one; other words go to the aligned lexicon and model")
  func customLexicon() {
    let custom = NameIndexer(persianNameParts: "# comment\tignored\nروحانی\tRowhani\n\nروحانی\tRohani\n")
    #expect(custom.keys(for: "حسن روحانی").display == "Hassan Rowhani")
    #expect(indexer.keys(for: "حسن روحانی").display == "Hassan Rouhani")
  }

  @Test("Latin with diacritics is folded; other scripts go through Any-Latin")
  func latinAndOther() {
    #expect(indexer.keys(for: "Takht-e Qeyşar").display == "Takht-e Qeysar")
    #expect(indexer.keys(for: "Āzādī").ascii == "azadi")
    #expect(indexer.keys(for: "Αθήνα").display == "Athena")
  }

  @Test("ascii is the lower-case ASCII fold of display")
  func ascii() {
    #expect(indexer.keys(for: "Ali Khamene'i").ascii == "ali khamenei")
    #expect(indexer.keys(for: "حسن روحانی").ascii == "hassan rouhani")
  }

  @Test(
    "phonetic: press variants and the native form share one key",
    arguments: [
      ["Hassan Rouhani", "Hasan Rohani", "Hassan Rowhani", "حسن روحانی"],
      ["Ali Khamenei", "Ali Khamene'i", "علی خامنه‌ای"],
      ["Mohammad", "Mohammed", "Muhammad", "محمد"],
      ["Qasem Soleimani", "Ghasem Soleimani", "قاسم سلیمانی"],
      ["Ciamak", "Siamak", "Syamak", "سیامک"],
      ["Barack Obama", "Barak Obama", "باراک اوباما"],
      // Persian names that are also Pinyin syllables keep the skeleton their variants share.
      ["Reza", "Riza", "رضا"],
      ["Hamadan", "Hamedan", "Hamdan", "همدان"],
    ])
  func phonetic(variants: [String]) {
    let keys = Set(variants.map { indexer.keys(for: $0).phonetic })
    #expect(keys.count == 1, "\(keys)")
  }

  @Test("no Arabic-script letter survives, whatever the word")
  func noArabicLeaks() {
    let words = ["ئاراس", "پُرءِ", "ۀ", "ﻻله", "ٱلله", "ڤ", "ۆ", "ھ", "ىۍ", "‌ای", "ﷲ", "۱۲۳"]
    for word in words {
      let keys = indexer.keys(for: word)
      let allASCII = keys.display.unicodeScalars.allSatisfy { $0.isASCII } && keys.ascii.unicodeScalars.allSatisfy { $0.isASCII }
      #expect(allASCII, "\(word) → \(keys.display)")
    }
  }
}
