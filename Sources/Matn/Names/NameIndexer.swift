import MatnICU
import Synchronization

/// The keys of one person or place name: what to show, what to match exactly, and
/// what to match across scripts and spellings.
public struct NameKeys: Hashable, Sendable {
  /// The romanisation a reader expects: "Hassan Rouhani", "Xi Jinping".
  public var display: String
  /// `display` folded to lower-case ASCII: "hassan rouhani".
  public var ascii: String
  /// A cross-script recall key: a consonant skeleton with Persian-aware merges, shared
  /// by "Rouhani", "Rohani", "Rowhani" and «روحانی»; for a romanised Chinese name, its
  /// syllables ("Mao Tse-tung", "Mao Zedong" and 毛泽东 share "maozitung").
  public var phonetic: String

  public init(display: String, ascii: String, phonetic: String) {
    self.display = display
    self.ascii = ascii
    self.phonetic = phonetic
  }
}

/// Romanises names written in Persian, Cyrillic, Han or any other script and derives
/// their index keys.
///
/// ```swift
/// NameIndexer.shared.keys(for: "حسن روحانی").display   // "Hassan Rouhani"
/// NameIndexer.shared.keys(for: "习近平").display         // "Xi Jinping"
/// ```
///
/// Persian goes through a curated lexicon of name parts with press spellings
/// (`Resources/Names/fa-name-parts.tsv`), a lexicon of parts aligned from Wikidata
/// persons' labels, compounds of their parts, and for other words a learned graphone
/// model (``PersianNameModel``; letter rules only for letters it has never seen),
/// never letting an Arabic-script letter through. Russian uses ICU
/// `Russian-Latin/BGN` (for the Russian alphabet, its Swift equivalent ``RussianBGN``),
/// Chinese `Han-Latin/Names` for the first character of a name
/// and `Han-Latin` for the others (syllables joined per name part),
/// other scripts `Any-Latin`; all end in `Latin-ASCII`.
///
/// - Thread safety: `Sendable`; the ICU transliterators are opened once per process
///   and shared (``SharedTransliterator``).
public struct NameIndexer: Sendable {
  /// The process-wide indexer (the lexicon is loaded and transliterators opened on first use).
  public static let shared = NameIndexer()

  private(set) var persian: PersianNameRomanizer
  /// The graphone decoder's beam for Persian parts no lexicon has (8). A narrower beam
  /// is faster and now and then picks another spelling of the same letters: the
  /// article index romanises every distinct word of the text with 4
  /// (``PersianNameRomanizer/beam``).
  package var persianBeam: Int {
    get { persian.beam }
    set { persian.beam = max(1, newValue) }
  }
  /// The spellings ``romanize(_:)`` and ``keys(for:)`` prefer for Persian names:
  /// Iranian by default (cross-validated on the Wikidata persons, 93% Iranian, it is
  /// right more often than counting all labels alike: 56.5% vs 56.3% of full names).
  public var persianStyle: PersianNameStyle = .iran
  let hanReadings = HanReadings()

  // ICU transliterators, compiled on first use and shared by every indexer (compiling
  // Any-Latin and Han-Latin takes a tenth of a second: a run that meets only Latin and
  // Persian names never pays it).
  private static let russianICU = try? Transliterator.shared(id: "Russian-Latin/BGN; Latin-ASCII")
  private static let hanICU = try? Transliterator.shared(id: "Han-Latin; Latin-ASCII")
  private static let hanFamilyICU = try? Transliterator.shared(id: "Han-Latin/Names; Latin-ASCII")
  private static let otherICU = try? Transliterator.shared(id: "Any-Latin; Latin-ASCII")
  private static let latinICU = try? Transliterator.shared(id: "Latin-ASCII")
  var russian: SharedTransliterator? { Self.russianICU }
  var han: SharedTransliterator? { Self.hanICU }
  var hanFamily: SharedTransliterator? { Self.hanFamilyICU }
  var other: SharedTransliterator? { Self.otherICU }
  var latin: SharedTransliterator? { Self.latinICU }

  public init() {
    self.init(persian: PersianNameRomanizer.shared)
  }

  /// An indexer whose Persian name parts come from `lexicon` instead of the built-in
  /// `Resources/Names/fa-name-parts.tsv`: lines `native<TAB>Latin` (the format
  /// `scripts/derive-name-lexicon` writes; empty lines and lines starting with `#` are
  /// skipped, the first spelling of a native form wins). Words outside the lexicon
  /// still get the built-in aligned lexicon and graphone model (``PersianNameModel``).
  ///
  /// ```swift
  /// let indexer = NameIndexer(persianNameParts: "روحانی\tRowhani\n")
  /// indexer.keys(for: "روحانی").display   // "Rowhani"
  /// ```
  ///
  /// - Complexity: O(*n*) in the length of `lexicon`.
  public init(persianNameParts lexicon: String) {
    let lines = lexicon.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix("#") }.map(String.init)
    self.init(persian: PersianNameRomanizer(lexiconLines: lines, model: nil))
  }

  /// An indexer whose Persian romanisation uses another aligned lexicon and graphone
  /// model than the built-in ones: the texts of `fa-name-lexicon.tsv` and
  /// `fa-name-model.tsv` as `scripts/derive-name-romanizer` writes them (the
  /// cross-validation of `scripts/eval-name-romanization` derives one per fold).
  ///
  /// - Complexity: O(*n*) in the length of the texts.
  public init(persianNameLexicon lexicon: String, persianNameModel model: String) {
    func lines(_ text: String) -> [Substring] {
      text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    }
    let model = PersianNameModel(lexicon: lines(lexicon), model: lines(model))
    self.init(
      persian: PersianNameRomanizer(
        lexiconLines: PersianLexicon.lines("Names/fa-name-parts.tsv").map(String.init), model: model))
  }

  /// An indexer with another aligned lexicon (the text of `fa-name-lexicon.tsv`) and the
  /// binary graphone model `scripts/derive-name-romanizer` writes (`fa-name-model.bin`);
  /// nil when the model's bytes are not such a model.
  ///
  /// - Complexity: O(*n*) in the size of the lexicon and model.
  public init?(persianNameLexicon lexicon: String, persianNameModelBinary model: [UInt8]) {
    let lines = lexicon.split(separator: "\n").filter { !$0.hasPrefix("#") }
    guard
      let model = model.withUnsafeBytes({ PersianNameModel(lexicon: lines, binary: $0, copy: true) })
    else { return nil }
    self.init(
      persian: PersianNameRomanizer(
        lexiconLines: PersianLexicon.lines("Names/fa-name-parts.tsv").map(String.init), model: model))
  }

  init(persian: PersianNameRomanizer) {
    self.persian = persian
  }

  /// One romanisation of a name with its score: the product of its words' shares
  /// (lexicon weights, or the graphone model's probability over its beam).
  public struct Romanization: Hashable, Sendable {
    public var text: String
    public var score: Double
  }

  /// The best `k` romanisations of `name`, best first: Persian words contribute their
  /// lexicon spellings or model candidates, other words one form each. `style` chooses
  /// Iranian or Afghan spellings where they differ (nil: ``persianStyle``).
  ///
  /// ```swift
  /// NameIndexer.shared.romanize("امید", top: 2)   // [Omid 0.9…, Amid 0.0…]
  /// ```
  ///
  /// - Complexity: O(*n* · *k*) in the length of `name`.
  public func romanize(_ name: String, top k: Int, style: PersianNameStyle? = nil) -> [Romanization] {
    guard k > 0 else { return [] }
    let style = style ?? persianStyle
    var beam: [Romanization] = [Romanization(text: "", score: 1)]
    for word in persian.joinPieces(Self.words(name)) {
      let options: [(String, Double)]
      if NameScript.of(word) == .persian {
        options = persian.candidates(word, k: k, style: style)
      } else {
        options = [(romanizeWord(word, han: .familyName).joined(separator: " "), 1)]
      }
      if options.isEmpty { continue }
      var next: [Romanization] = []
      for b in beam {
        for (text, score) in options {
          next.append(Romanization(text: b.text.isEmpty ? text : b.text + " " + text, score: b.score * score))
        }
      }
      // Best first; equal scores keep the words' own order (a word's spellings of equal
      // weight come as the romaniser ranks them), so the best is what ``romanize(_:)``
      // gives. A short list by insertion sort (stable, in place), a long one by index.
      guard next.count <= 64 else {
        let order = next.indices.sorted { next[$0].score != next[$1].score ? next[$0].score > next[$1].score : $0 < $1 }
        beam = order.prefix(k).map { next[$0] }
        continue
      }
      for i in next.indices.dropFirst() {
        let item = next[i]
        var j = i
        while j > 0 && next[j - 1].score < item.score {
          next[j] = next[j - 1]
          j -= 1
        }
        next[j] = item
      }
      beam = Array(next.prefix(k))
    }
    return beam.first?.text.isEmpty == true ? [] : beam
  }

  /// How a romanisation is compared with a reference spelling: ASCII letters and
  /// digits, lower case; spaces, hyphens and apostrophes ignored
  /// ("Mohammad-Reza" = "Mohammadreza" = "mohammad reza").
  static func compareKey(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for v in s.unicodeScalars {
      switch v.value {
      case 0x41...0x5A: out.append(Unicode.Scalar(v.value + 0x20)!)
      case 0x61...0x7A, 0x30...0x39: out.append(v)
      default: continue
      }
    }
    return String(out)
  }

  /// The keys of `name`.
  ///
  /// - Complexity: O(*n*) in the length of `name`.
  public func keys(for name: String) -> NameKeys {
    let display = romanize(name)
    let ascii = NameIndexer.asciiFold(display)
    return NameKeys(display: display, ascii: ascii, phonetic: NameIndexer.phonetic(ascii))
  }

  /// The romanisation of `name` (the ``NameKeys/display`` key).
  public func romanize(_ name: String) -> String {
    romanize(name, han: .familyName)
  }

  /// How the first character of a Han name part is read.
  enum HanFirstReading {
    /// As a family name (`Han-Latin/Names`: 乐 Yue, 曾 Zeng, 解 Xie).
    case familyName
    /// As an ordinary word (`Han-Latin`: 乐 Le, 曾 Ceng, 解 Jie), as in place names.
    case ordinary
  }

  func romanize(_ name: String, han: HanFirstReading) -> String {
    var out: [String] = []
    for word in persian.joinPieces(Self.words(name)) {
      out.append(contentsOf: romanizeWord(word, han: han))
    }
    return out.joined(separator: " ")
  }

  /// The words of a name, split on scalars (Character-level splitting would run
  /// grapheme breaking): spaces, tabs, no-break spaces.
  static func words(_ name: String) -> [Substring] {
    name.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).map { Substring($0) }
  }

  /// The keys of other readings of `name` that a search should also look up, with
  /// ``NameIndex``'s ranking deciding between them. For a Han name: the first
  /// character read as an ordinary word rather than as a family name (乐亭 Leting as
  /// well as Yueting); for a name of Han characters only, also the other common
  /// readings of its characters (`Resources/Names/zh-readings.tsv`: 黄埔 Huangpu as well
  /// as Huangbu; at most 16 combinations); and a place name without a trailing
  /// administrative generic (咸宁市 Xianning as well as Xianningshi). For a Persian
  /// name, its next best romanisations. Empty for other scripts.
  ///
  /// - Complexity: O(*n*) in the length of `name`.
  func alternativeKeys(for name: String) -> [NameKeys] {
    if name.unicodeScalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) {
      // Persian: the next romanisations of the top ``persianAlternatives`` (Munir as
      // well as Monir), so a search finds and ranks the spellings the press also uses.
      let primary = romanize(name)
      return romanize(name, top: Self.persianAlternatives, style: persianStyle).compactMap { r in
        guard r.text != primary else { return nil }
        let ascii = Self.asciiFold(r.text)
        return NameKeys(display: r.text, ascii: ascii, phonetic: Self.phonetic(ascii))
      }
    }
    guard name.unicodeScalars.contains(where: NameScript.isHan) else { return [] }
    var names = [name]
    let scalars = name.unicodeScalars
    let stem = scalars.dropLast()
    if let last = scalars.last, Self.hanGenerics.contains(last.value), stem.count >= 2,
      stem.suffix(2).allSatisfy(NameScript.isHan)
    {
      names.append(String(String.UnicodeScalarView(stem)))
    }
    let primary = keys(for: name)
    var seen: Set<String> = [primary.ascii]
    var out: [NameKeys] = []
    func add(_ display: String) {
      let ascii = Self.asciiFold(display)
      guard seen.insert(ascii).inserted else { return }
      out.append(NameKeys(display: display, ascii: ascii, phonetic: Self.phonetic(ascii)))
    }
    for n in names {
      for reading in [HanFirstReading.familyName, .ordinary] { add(romanize(n, han: reading)) }
      let chars = Array(n.unicodeScalars)
      guard chars.allSatisfy(NameScript.isHan) else { continue }
      // Each character's readings: its own (both for the first), then the table's.
      let options: [[String]] = chars.enumerated().map { k, c in
        var readings = [hanReading(c, asFamilyName: false)]
        if k == 0 { readings.insert(hanReading(c, asFamilyName: true), at: 0) }
        for r in Self.hanOtherReadings[c.value] ?? [] where !readings.contains(r) { readings.append(r) }
        return readings
      }
      var combinations: [[String]] = [[]]
      for readings in options {
        combinations = combinations.flatMap { prefix in readings.map { prefix + [$0] } }
        if combinations.count > 16 { combinations = Array(combinations.prefix(16)) }
      }
      for syllables in combinations { add(Self.hanNameParts(chars, syllables).joined(separator: " ")) }
    }
    return out
  }

  /// How many romanisations of a Persian name a search looks up (``alternativeKeys(for:)``).
  static let persianAlternatives = 3

  /// Other readings of Han characters (`Resources/Names/zh-readings.tsv`).
  static let hanOtherReadings: [UInt32: [String]] = {
    var table: [UInt32: [String]] = [:]
    for line in PersianLexicon.lines("Names/zh-readings.tsv") {
      let fields = line.split(separator: "\t")
      guard fields.count == 2, let c = fields[0].unicodeScalars.first else { continue }
      table[c.value] = fields[1].split(separator: ",").map(String.init)
    }
    return table
  }()

  /// Administrative generics that end Chinese place names and that Latin forms usually
  /// leave out: 市 city, 县 county, 区 district, 镇 town, 乡 township.
  static let hanGenerics: Set<UInt32> = [0x5E02, 0x53BF, 0x533A, 0x9547, 0x4E61]

  private func romanizeWord(_ word: Substring, han: HanFirstReading) -> [String] {
    switch NameScript.of(word) {
    case .ascii:
      return [String(word)]
    case .persian:
      return persian.romanize(word, style: persianStyle)
    case .cyrillic:
      return [Self.capitalized(RussianBGN.romanize(word) ?? russianICU(word))]
    case .han:
      return hanParts(word, first: han)
    case .latin:
      // ASCII needs no folding: Latin-ASCII would return it unchanged.
      if word.utf8.allSatisfy({ $0 < 0x80 }) { return [Self.clean(String(word))] }
      return [Self.clean(latin?.transliterate(String(word)) ?? "")]
    case .other:
      return [Self.capitalized(Self.clean(other?.transliterate(String(word)) ?? ""))]
    }
  }

  /// ICU's `Russian-Latin/BGN; Latin-ASCII`, cleaned: the reference for ``RussianBGN``
  /// and the path for words it does not take (other Cyrillic letters, accents, digits).
  func russianICU(_ word: Substring) -> String {
    Self.clean(russian?.transliterate(String(word)) ?? "")
  }

  /// Han: the family name (one character, or two for the common compound surnames) as
  /// one part, the given name's syllables joined as the other: 习近平 → "Xi Jinping".
  /// The first character is read as a family name (`first`), the others as ordinary
  /// words: 区区 → "Ou Qu", not "Ou Ou".
  private func hanParts(_ word: Substring, first: HanFirstReading) -> [String] {
    var parts: [String] = []
    let separators: Set<UInt32> = [0xB7, 0x30FB, 0x2D]  // · ・ -
    for piece in word.unicodeScalars.split(whereSeparator: { separators.contains($0.value) }) {
      let chars = Array(piece)
      let syllables = chars.enumerated().map { k, c in hanReading(c, asFamilyName: k == 0 && first == .familyName) }
      parts += Self.hanNameParts(chars, syllables)
    }
    return parts
  }

  /// The parts of one Han name piece from its syllables: family name, given name.
  static func hanNameParts(_ chars: [Unicode.Scalar], _ syllables: [String]) -> [String] {
    guard chars.count >= 2 else { return [capitalized(syllables.joined())] }
    let familyLength = chars.count >= 3 && compoundSurnames.contains(String(String.UnicodeScalarView(chars[0...1]))) ? 2 : 1
    return [capitalized(syllables[..<familyLength].joined()), capitalized(syllables[familyLength...].joined())]
  }

  /// The reading of one Han character, from the cache or from ICU (`Han-Latin/Names`
  /// for a family name, `Han-Latin` otherwise; ~20,000 names/s on its own, and
  /// readings are per character, so they are memoised).
  private func hanReading(_ c: Unicode.Scalar, asFamilyName: Bool) -> String {
    let key = c.value | (asFamilyName ? 1 << 31 : 0)
    if let hit = hanReadings.cache.withLock({ $0[key] }) { return hit }
    let transliterator = asFamilyName ? hanFamily : han
    let reading = Self.clean(transliterator?.transliterate(String(c)) ?? "")
    hanReadings.cache.withLock { $0[key] = reading }
    return reading
  }

  static let compoundSurnames: Set<String> = [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "端木",
  ]

  /// Keeps ASCII letters, digits, hyphens; drops what ICU leaves for soft signs and
  /// apostrophes ("Il'ich" → "Ilich").
  static func clean(_ s: String) -> String {
    String(
      String.UnicodeScalarView(
        s.unicodeScalars.filter { $0.isASCII ? ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") : $0.properties.isAlphabetic }))
  }

  static func capitalized(_ s: String) -> String {
    guard let first = s.first else { return s }
    return first.uppercased() + s.dropFirst()
  }

  /// Lower-case ASCII: letters and digits of `display`, words separated by one space.
  static func asciiFold(_ display: String) -> String {
    var out = String.UnicodeScalarView()
    for v in display.unicodeScalars {
      switch v.value {
      case 0x41...0x5A: out.append(Unicode.Scalar(v.value + 0x20)!)
      case 0x61...0x7A, 0x30...0x39, 0x20, 0x2D: out.append(v)
      default: continue
      }
    }
    return String(out)
  }

  /// The cross-script recall key of an ASCII form: q → g, x → ks, c before e, i, y → s
  /// (Ciamak ~ Siamak; ch stays c; ck is k: Barack ~ Barak), vowels, h, w, v and y dropped (so kh ~ k, gh ~ g,
  /// zh ~ z), j → z, doubled letters collapsed, words joined. A name with no consonant
  /// left ("Ai Weiwei", "Hey") gets the key "_", shared by all such names (the ranking
  /// tells them apart).
  ///
  /// A romanised Chinese name is keyed by its syllables instead, where one of them has
  /// a shape Persian and Russian spellings never have (``HanSyllableKey``: 马云 "maun"
  /// where the skeleton was "mn", as for 莫言 and «امین»), so that distinct names differ
  /// while their Pinyin and Wade-Giles spellings still meet.
  static func phonetic(_ ascii: String) -> String {
    var ascii = ascii
    return ascii.withUTF8 { bytes in
      if let syllables = HanSyllableKey.key(bytes) { return String(decoding: syllables, as: UTF8.self) }
      return skeleton(bytes)
    }
  }

  /// The consonant skeleton of ``phonetic(_:)``, also for a romanised Chinese name.
  static func skeleton(_ ascii: String) -> String {
    var ascii = ascii
    return ascii.withUTF8 { skeleton($0) }
  }

  /// The consonant skeleton of ``phonetic(_:)``.
  static func skeleton(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    for (k, b) in bytes.enumerated() {
      var c = b
      switch c {
      case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
        UInt8(ascii: "y"), UInt8(ascii: "w"), UInt8(ascii: "h"), UInt8(ascii: "v"):
        continue
      case UInt8(ascii: "q"): c = UInt8(ascii: "g")
      case UInt8(ascii: "j"): c = UInt8(ascii: "z")
      case UInt8(ascii: "c"):
        if k + 1 < bytes.count, bytes[k + 1] == UInt8(ascii: "k") { continue }  // ck is k: Barack ~ Barak
        if k + 1 < bytes.count, [UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "y")].contains(bytes[k + 1]) {
          c = UInt8(ascii: "s")
        }
      case UInt8(ascii: "x"):
        if out.last != UInt8(ascii: "k") { out.append(UInt8(ascii: "k")) }
        c = UInt8(ascii: "s")
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
      default: continue
      }
      if out.last != c { out.append(c) }
    }
    if out.isEmpty && bytes.contains(where: { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) {
      return "_"
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Memoised Han readings, shared by the copies of one indexer.
final class HanReadings: Sendable {
  /// Scalar value, with bit 31 set for the family-name reading → reading.
  let cache = Mutex<[UInt32: String]>([:])
}

/// The script family that decides how a word is romanised.
enum NameScript {
  case ascii, latin, persian, cyrillic, han, other

  static func of(_ word: Substring) -> NameScript {
    var sawNonASCII = false
    var sawOther = false
    for v in word.unicodeScalars {
      switch v.value {
      case 0..<0x80: continue
      case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .persian
      case 0x0400...0x052F: return .cyrillic
      case _ where isHan(v): return .han
      case 0x80...0x024F, 0x1E00...0x1EFF, 0x200C, 0x200D: sawNonASCII = true
      default: sawOther = true
      }
    }
    return sawOther ? .other : sawNonASCII ? .latin : .ascii
  }

  /// A CJK ideograph (the unified blocks and their extensions, compatibility ideographs).
  static func isHan(_ v: Unicode.Scalar) -> Bool {
    switch v.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
    default: return false
    }
  }
}
