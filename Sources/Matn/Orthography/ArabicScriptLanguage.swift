/// A language written in Arabic script, as far as orthography is concerned.
public enum ArabicScriptLanguage: String, Sendable, Hashable, Codable, CaseIterable {
  case persian = "fa"
  case arabic = "ar"
  case urdu = "ur"
  case pashto = "ps"
  case kurdish = "ckb"
}

/// Decides the language of an Arabic-script span so that Persian rules touch Persian
/// text only. The language-identification model can replace this through
/// ``TextNormalizer/Options/spanClassifier``.
public protocol ArabicScriptSpanClassifier: Sendable {
  /// The language of `span` (one Arabic-script span: words, spaces, digits and
  /// punctuation of one line), or nil when there is too little evidence.
  func classify(_ span: String) -> ArabicScriptLanguage?
}

/// The default classifier: letter statistics and function words.
///
/// - Letters unique to Urdu (ٹ ڈ ڑ ں ہ ے ۃ), Pashto (ټ ډ ړ ږ ښ ګ ڼ ۍ ې) or Sorani
///   Kurdish (ڵ ڕ ۆ ێ ە) decide for that language: those spans are never Persianised.
/// - Otherwise Persian letters (پ چ ژ گ) and Persian function words (است را این که از…)
///   weigh against Arabic function words (في على إلى التي الذي هذا…) and the article ال.
public struct LetterStatisticsClassifier: ArabicScriptSpanClassifier {
  private let classOf = ScalarClasses.shared
  public init() {}

  public func classify(_ span: String) -> ArabicScriptLanguage? {
    classify(scalars: span.unicodeScalars.map(\.value)[...])
  }

  /// The same decision over scalar values, without building a `String`.
  func classify(scalars: ArraySlice<UInt32>) -> ArabicScriptLanguage? {
    var stats = Statistics()
    var tokenStart = -1
    var key: UInt64 = 0
    var length = 0
    // Evidence saturates quickly: a long span is judged on its first 200 scalars.
    let scalars = scalars.prefix(200)
    for (i, v) in zip(scalars.indices, scalars) {
      stats.count(letter: v)
      // Tokens include marks: «فئ» is not the Arabic word «في».
      if v == 0x200C || (v >= 0x0621 && v <= 0x0655) || classOf(v).contains(.arabicScript)
        && !classOf(v).contains(.punctuation) && !classOf(v).contains(.digit)
      {
        if tokenStart < 0 {
          tokenStart = i
          key = PersianLexicon.fnvBasis
          length = 0
        }
        key = PersianLexicon.fnv(key, v)
        length += 1
      } else if tokenStart >= 0 {
        stats.count(token: key, length: length, first: scalars[tokenStart], second: scalars[tokenStart + 1 < scalars.endIndex ? tokenStart + 1 : tokenStart])
        tokenStart = -1
      }
    }
    if tokenStart >= 0 {
      stats.count(token: key, length: length, first: scalars[tokenStart], second: scalars[tokenStart + 1 < scalars.endIndex ? tokenStart + 1 : tokenStart])
    }
    return stats.decision
  }

  struct Statistics {
    var urdu = 0, pashto = 0, kurdish = 0, persianLetters = 0
    var persianWords = 0, arabicWords = 0, articleWords = 0
    private var previous: UInt32 = 0

    mutating func count(letter v: UInt32) {
      switch v {
      case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06C1, 0x06C2, 0x06D2, 0x06D3, 0x06C3: urdu += 1
      case 0x067C, 0x0689, 0x0693, 0x0696, 0x069A, 0x06AB, 0x06BC, 0x06CD, 0x06D0: pashto += 1
      case 0x06B5, 0x0695, 0x06C6, 0x06CE: kurdish += 1
      case 0x067E, 0x0686, 0x0698, 0x06AF: persianLetters += 1
      case 0x0654 where previous == 0x06D5: kurdish -= 1  // ە + hamza is a decomposed ۀ
      case 0x06D5: kurdish += 1
      default: break
      }
      previous = v
    }

    mutating func count(token key: UInt64, length: Int, first: UInt32, second: UInt32) {
      if length <= 5 && FunctionWords.persian.contains(key) {
        persianWords += 1
      } else if length <= 5 && FunctionWords.arabic.contains(key) {
        arabicWords += 1
      } else if length > 3 && first == 0x0627 && second == 0x0644 {
        articleWords += 1
      }
    }

    var decision: ArabicScriptLanguage? {
      let distinctive = max(urdu, pashto, kurdish)
      if distinctive > 0 {
        if urdu == distinctive { return .urdu }
        if pashto == distinctive { return .pashto }
        return .kurdish
      }
      let persian = 3 * persianWords + 2 * persianLetters
      let arabic = 3 * arabicWords + articleWords
      if persian == 0 && arabic == 0 { return nil }
      return persian >= arabic ? .persian : .arabic
    }
  }
}

enum FunctionWords {
  static let persian: WordSet = words(
    "است را این که از به در با برای شد شده کرد کند می نمی آن هم نیز یک بود های ها او ما شما آنها خود اند باید"
      + " چه چون اگر تا پس ولی اما همه هیچ دیگر وی ایشان کنند شود بر")
  static let arabic: WordSet = words(
    "في على إلى الى التي الذي الذين هذا هذه ذلك تلك كان كانت قد لم لن هو هي أن إن عن مع حيث حتى ثم أو"
      + " عليه إليه فيه منه قال وقال كما أيضا التى الّتي لقد")

  private static func words(_ list: String) -> WordSet {
    WordSet(list.split(separator: " ").map { PersianLexicon.key(String($0)) })
  }
}
