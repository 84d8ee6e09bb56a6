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
  public init() {}

  public func classify(_ span: String) -> ArabicScriptLanguage? {
    var stats = Statistics()
    var token: [UInt32] = []
    for scalar in span.unicodeScalars {
      let v = scalar.value
      stats.count(letter: v)
      if ScalarClass.of(v).isSuperset(of: .arabicLetter) || v == 0x200C {
        token.append(v)
      } else if !token.isEmpty {
        stats.count(token: token)
        token.removeAll(keepingCapacity: true)
      }
    }
    if !token.isEmpty { stats.count(token: token) }
    return stats.decision
  }

  struct Statistics {
    var urdu = 0, pashto = 0, kurdish = 0, persianLetters = 0
    var persianWords = 0, arabicWords = 0, articleWords = 0
    private var previous: UInt32 = 0

    mutating func count(letter v: UInt32) {
      switch v {
      case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06C1, 0x06D2, 0x06C3: urdu += 1
      case 0x067C, 0x0689, 0x0693, 0x0696, 0x069A, 0x06AB, 0x06BC, 0x06CD, 0x06D0: pashto += 1
      case 0x06B5, 0x0695, 0x06C6, 0x06CE: kurdish += 1
      case 0x067E, 0x0686, 0x0698, 0x06AF: persianLetters += 1
      case 0x0654 where previous == 0x06D5: kurdish -= 1  // ە + hamza is a decomposed ۀ
      case 0x06D5: kurdish += 1
      default: break
      }
      previous = v
    }

    mutating func count(token: [UInt32]) {
      if FunctionWords.persian.contains(token) {
        persianWords += 1
      } else if FunctionWords.arabic.contains(token) {
        arabicWords += 1
      } else if token.count > 3 && token[0] == 0x0627 && token[1] == 0x0644 {
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
  static let persian: Set<[UInt32]> = words(
    "است را این که از به در با برای شد شده کرد کند می نمی آن هم نیز یک بود های ها او ما شما آنها خود اند باید"
      + " چه چون اگر تا پس ولی اما همه هیچ دیگر وی ایشان کنند شود بر")
  static let arabic: Set<[UInt32]> = words(
    "في على إلى الى التي الذي الذين هذا هذه ذلك تلك كان كانت قد لم لن هو هي أن إن عن مع حيث حتى ثم أو"
      + " عليه إليه فيه منه قال وقال كما أيضا التى الّتي لقد")

  private static func words(_ list: String) -> Set<[UInt32]> {
    Set(list.split(separator: " ").map { $0.unicodeScalars.map(\.value) })
  }
}
