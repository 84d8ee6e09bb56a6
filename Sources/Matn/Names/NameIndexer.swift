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
  /// by "Rouhani", "Rohani", "Rowhani" and «روحانی».
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
/// Persian goes through a lexicon of name parts with press spellings
/// (`Resources/Names/fa-name-parts.tsv`) and, for other words, a rule-based
/// romanisation that never lets an Arabic-script letter through. Russian uses ICU
/// `Russian-Latin/BGN`, Chinese `Han-Latin/Names` (syllables joined per name part),
/// other scripts `Any-Latin`; all end in `Latin-ASCII`.
///
/// - Thread safety: `Sendable`; the ICU transliterators are opened once per process
///   and shared (``SharedTransliterator``).
public struct NameIndexer: Sendable {
  /// The process-wide indexer (the lexicon is loaded and transliterators opened on first use).
  public static let shared = NameIndexer()

  let persian: PersianNameRomanizer
  let russian: SharedTransliterator?
  let han: SharedTransliterator?
  let other: SharedTransliterator?
  let latin: SharedTransliterator?
  let hanReadings = HanReadings()

  public init() {
    persian = PersianNameRomanizer.shared
    russian = try? Transliterator.shared(id: "Russian-Latin/BGN; Latin-ASCII")
    han = try? Transliterator.shared(id: "Han-Latin/Names; Latin-ASCII")
    other = try? Transliterator.shared(id: "Any-Latin; Latin-ASCII")
    latin = try? Transliterator.shared(id: "Latin-ASCII")
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
    var words: [String] = []
    // Split on scalars: Character-level splitting would run grapheme breaking.
    for word in name.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }) {
      words.append(contentsOf: romanizeWord(Substring(word)))
    }
    return words.joined(separator: " ")
  }

  private func romanizeWord(_ word: Substring) -> [String] {
    switch NameScript.of(word) {
    case .ascii:
      return [String(word)]
    case .persian:
      return persian.romanize(word)
    case .cyrillic:
      return [Self.capitalized(Self.clean(russian?.transliterate(String(word)) ?? ""))]
    case .han:
      return hanParts(word)
    case .latin:
      return [Self.clean(latin?.transliterate(String(word)) ?? "")]
    case .other:
      return [Self.capitalized(Self.clean(other?.transliterate(String(word)) ?? ""))]
    }
  }

  /// Han: the family name (one character, or two for the common compound surnames) as
  /// one part, the given name's syllables joined as the other: 习近平 → "Xi Jinping".
  private func hanParts(_ word: Substring) -> [String] {
    var parts: [String] = []
    for piece in word.split(whereSeparator: { $0 == "·" || $0 == "・" || $0 == "-" }) {
      let chars = Array(piece)
      let syllables = chars.map { hanReading($0) }
      guard syllables.count == chars.count, chars.count >= 2 else {
        parts.append(Self.capitalized(syllables.joined()))
        continue
      }
      let familyLength = chars.count >= 3 && Self.compoundSurnames.contains(String(chars[0...1])) ? 2 : 1
      parts.append(Self.capitalized(syllables[..<familyLength].joined()))
      parts.append(Self.capitalized(syllables[familyLength...].joined()))
    }
    return parts
  }

  /// The reading of one Han character, from the cache or from ICU (`Han-Latin/Names`
  /// is ~20,000 names/s on its own; readings are per character, so they are memoised).
  private func hanReading(_ c: Character) -> String {
    if let hit = hanReadings.cache.withLock({ $0[c] }) { return hit }
    let reading = Self.clean(han?.transliterate(String(c)) ?? "")
    hanReadings.cache.withLock { $0[c] = reading }
    return reading
  }

  static let compoundSurnames: Set<String> = [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "端木",
  ]

  /// Keeps ASCII letters, digits, hyphens; drops what ICU leaves for soft signs and
  /// apostrophes ("Il'ich" → "Ilich").
  static func clean(_ s: String) -> String {
    String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.isASCII ? ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") : $0.properties.isAlphabetic }))
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

  /// The cross-script recall key of an ASCII form: q → g, x → ks, vowels, h, w, v and y
  /// dropped (so kh ~ k, gh ~ g, zh ~ z), j → z, doubled letters collapsed, words joined.
  static func phonetic(_ ascii: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(ascii.utf8.count)
    for b in ascii.utf8 {
      var c = b
      switch c {
      case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
        UInt8(ascii: "y"), UInt8(ascii: "w"), UInt8(ascii: "h"), UInt8(ascii: "v"):
        continue
      case UInt8(ascii: "q"): c = UInt8(ascii: "g")
      case UInt8(ascii: "j"): c = UInt8(ascii: "z")
      case UInt8(ascii: "x"):
        if out.last != UInt8(ascii: "k") { out.append(UInt8(ascii: "k")) }
        c = UInt8(ascii: "s")
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
      default: continue
      }
      if out.last != c { out.append(c) }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Memoised Han readings, shared by the copies of one indexer.
final class HanReadings: Sendable {
  let cache = Mutex<[Character: String]>([:])
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
      case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return .han
      case 0x80...0x024F, 0x1E00...0x1EFF, 0x200C, 0x200D: sawNonASCII = true
      default: sawOther = true
      }
    }
    return sawOther ? .other : sawNonASCII ? .latin : .ascii
  }
}
