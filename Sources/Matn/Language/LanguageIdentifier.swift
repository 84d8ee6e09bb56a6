import MatnICU

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The language of a text, with how sure the identifier is and what came next.
public struct LanguageGuess: Sendable, Hashable {
  /// BCP 47 code (ISO 639-1 where there is one: "en", "fa", "ur"; "ckb" for Sorani),
  /// or "und" when the text has no letters.
  public var language: String
  /// The posterior probability of ``language`` among the candidates (0 for "und").
  public var confidence: Double
  /// The runners-up, most probable first (at most three).
  public var alternatives: [Alternative]

  public struct Alternative: Sendable, Hashable {
    public var language: String
    public var confidence: Double
  }

  /// No answer: the text has no letters.
  public static let undetermined = LanguageGuess(language: "und", confidence: 0, alternatives: [])
}

/// Identifies the language of a text: a character n-gram model (1- to 5-grams, naive
/// Bayes with backoff) over 75 languages, trained by `scripts/train-langid`, plus what
/// beats n-grams alone:
/// - script priors: only languages written in the text's scripts compete; Latin words
///   inside another script's text (names, code, URLs) cost that language little;
///   kana decides Japanese over Chinese, and Han without kana Chinese;
/// - letters unique to one Arabic-script language decide it: Urdu ٹ ڈ ڑ ں ہ ے ۃ ۂ,
///   Pashto ټ ډ ړ ږ ښ ګ ڼ ۍ ې, Sorani Kurdish ڵ ڕ ۆ ێ (Pashto and Sorani are known by
///   these letters only: the shared data has no usable text for them);
/// - word evidence for Arabic, Persian and Urdu: words much more frequent in one of the
///   three (است، را for Persian; ایک for Urdu; في for Arabic) add their log-likelihood
///   ratio, learnt from the PersoArabicLID sentences;
/// - a cost that leans a Persian–Urdu near-tie to Urdu (``urduOverPersian``): an Urdu
///   word without Urdu letters is mostly a loanword Persian spells the same way;
/// - a prior from each language's number of speakers, which decides single words the
///   n-grams cannot (Hindi over Marathi, Spanish over Catalan).
///
/// ```swift
/// LanguageIdentifier.default.identify("این یک متن فارسی است").language   // "fa"
/// LanguageIdentifier(languages: ["en", "de"]).identify("Haus").language  // "de"
/// ```
///
/// - Complexity: O(*n*) in the letters of the text, with a constant per candidate
///   language.
/// - Thread safety: `Sendable`; the model is shared, read-only.
public struct LanguageIdentifier: Sendable {
  /// All languages enabled.
  public static let `default` = LanguageIdentifier()

  /// Every language the identifier can answer.
  public static var supportedLanguages: [String] {
    ((LanguageModel.shared?.languages.map(\.code) ?? []) + ruleOnly.map(\.code)).sorted()
  }

  /// Languages without an n-gram model, recognised by their distinctive letters.
  private static let ruleOnly: [(code: String, letters: Set<UInt32>)] = [
    ("ps", [0x067C, 0x0689, 0x0693, 0x0696, 0x069A, 0x06AB, 0x06BC, 0x06CD, 0x06D0]),
    ("ckb", [0x06B5, 0x0695, 0x06C6, 0x06CE]),
  ]
  /// Letters of Urdu that Persian and Arabic do not use.
  private static let urduLetters: Set<UInt32> = [0x0679, 0x0688, 0x0691, 0x06BA, 0x06C1, 0x06C2, 0x06C3, 0x06D2, 0x06D3]

  /// The enabled languages (BCP 47 codes).
  public let languages: Set<String>
  private let enabled: [Bool]

  /// An identifier that answers only among `languages` (all supported ones when nil).
  /// Codes the model does not know are ignored.
  public init(languages: Set<String>? = nil) {
    let all = Set(Self.supportedLanguages)
    let chosen = languages.map { $0.intersection(all) } ?? all
    self.languages = chosen
    enabled = (LanguageModel.shared?.languages ?? []).map { chosen.contains($0.code) }
  }

  // Scoring constants (natural-log units), chosen in a prototype on the first 100 texts
  // per language of the dev sets (so the dev figures are not a held-out measurement).
  /// A letter no n-gram of the language covers.
  static let unseen = -14.0
  /// Each order dropped when backing off from a missing n-gram.
  static let backoff = -2.0
  /// A Latin letter in a language written in another script.
  static let foreignLatin = -3.0
  /// Weight of the log-speakers prior.
  static let priorWeight = 1.0
  /// Weight of a word's log-likelihood ratio (Arabic, Persian, Urdu word evidence).
  static let wordWeight = 0.5

  /// Identifies the language of `text`.
  public func identify(_ text: String) -> LanguageGuess {
    guard let model = LanguageModel.shared else { return .undetermined }
    let words = Self.words(text)
    guard !words.isEmpty else { return .undetermined }
    let scripts = ScriptTable.shared

    // Which scripts the letters are in, and the distinctive Arabic-script letters.
    var present = ScriptSet.empty
    var kana = false
    var urdu = 0
    var ruleLetters = [Int](repeating: 0, count: Self.ruleOnly.count)
    var arabicLetters = 0, letters = 0
    for word in words {
      for v in word {
        let s = scripts[v]
        if s.isContextual { continue }
        present.insert(s)
        letters += 1
        if s == .hiragana || s == .katakana { kana = true }
        if s == .arabic {
          arabicLetters += 1
          // The distinctive letters are all in U+0679–U+06D3.
          if v >= 0x0679 && v <= 0x06D3 {
            if Self.urduLetters.contains(v) { urdu += 1 }
            for (k, rule) in Self.ruleOnly.enumerated() where rule.letters.contains(v) { ruleLetters[k] += 1 }
          }
        }
      }
    }
    // Pashto or Sorani letters in mostly Arabic-script text decide for that language.
    if arabicLetters * 2 > letters, let k = ruleLetters.indices.max(by: { ruleLetters[$0] < ruleLetters[$1] }),
      ruleLetters[k] > urdu, languages.contains(Self.ruleOnly[k].code)
    {
      return LanguageGuess(language: Self.ruleOnly[k].code, confidence: 1, alternatives: [])
    }

    var candidates: [Int] = []
    for (index, language) in model.languages.enumerated() where enabled[index] {
      guard !language.scriptBits.intersection(present).isEmpty else { continue }
      if language.code == "ja" && !kana { continue }
      if language.code == "zh" && kana { continue }
      if urdu > 0 && (language.code == "fa" || language.code == "ar") && languages.contains("ur") { continue }
      candidates.append(index)
    }
    guard !candidates.isEmpty else { return .undetermined }

    let count = model.languages.count
    var isCandidate = [Bool](repeating: false, count: count)
    for k in candidates { isCandidate[k] = true }
    var scores = [Double](repeating: 0, count: count)
    // The position each language last got a score at: the highest order wins.
    var scoredAt = [Int](repeating: -1, count: count)
    // Which languages are written in the script of the current letter (cached for the
    // last script met: texts change script rarely).
    var fitsScript = Script.unknown
    var fits = [Bool](repeating: false, count: count)
    var fitting = 0  // how many candidates fit the current script
    var position = 0
    let scale = 1 / LanguageModel.quantum
    scores.withUnsafeMutableBufferPointer { scores in
      scoredAt.withUnsafeMutableBufferPointer { scoredAt in
        fits.withUnsafeMutableBufferPointer { fits in
          for word in words {
            word.withUnsafeBufferPointer { w in
              // Bit n: the n-gram ending at the previous letter may be in the model (the
              // model is prefix-closed: an n-gram whose first n-1 letters were not
              // found cannot be there either).
              var previous: UInt8 = 0
              for i in 0..<w.count {
                defer { position += 1 }
                let script = scripts[w[i]]
                if script != fitsScript || position == 0 {
                  fitsScript = script
                  for k in 0..<count { fits[k] = script.isContextual || model.languages[k].scriptBits.contains(script) }
                  fitting = candidates.reduce(0) { $0 + (fits[$1] ? 1 : 0) }
                }
                let top = min(5, i + 1)
                // Highest order first: a language takes the longest n-gram it knows;
                // once every fitting candidate has one, lower orders cannot matter.
                var scored = 0
                var current: UInt8 = 0xFF  // orders not looked up may be there
                for n in stride(from: top, through: 1, by: -1) where scored < fitting {
                  if n > 1 && previous & (1 << (n - 1)) == 0 {
                    current &= ~(1 << n)
                    continue
                  }
                  let p = model.postings(UnsafeBufferPointer(rebasing: w[(i - n + 1)...i]))
                  if p.isEmpty { current &= ~(1 << n) }
                  let penalty = Self.backoff * Double(top - n)
                  var j = 0
                  while j < p.count {
                    let k = Int(p[j])
                    if scoredAt[k] != position && fits[k] {
                      scoredAt[k] = position
                      scores[k] += penalty - Double(p[j + 1]) * scale
                      if isCandidate[k] { scored += 1 }
                    }
                    j += 2
                  }
                }
                previous = current
                let foreign = script == .latin ? Self.foreignLatin : Self.unseen
                for k in candidates where scoredAt[k] != position {
                  scores[k] += fits[k] ? Self.unseen : foreign
                }
              }
            }
          }
        }
      }
    }
    // Words that speak for Arabic, Persian or Urdu (function words above all).
    if arabicLetters > 0 {
      for word in words where scripts[word[0]] == .arabic {
        guard let evidence = model.wordEvidence[LanguageModel.wordKey(word)] else { continue }
        for (k, ratio) in evidence { scores[k] += Self.wordWeight * ratio }
      }
    }
    if arabicLetters > 0 { Self.weighPersoArabicCosts(&scores, isCandidate: isCandidate) }
    for k in candidates { scores[k] += Self.priorWeight * model.languages[k].logSpeakers }

    // Posterior over the candidates.
    let best = candidates.max { scores[$0] < scores[$1] }!
    var weights = candidates.map { (index: $0, weight: exp(scores[$0] - scores[best])) }
    let total = weights.reduce(0) { $0 + $1.weight }
    // The best four, without sorting them all.
    var leading: [(index: Int, weight: Double)] = []
    for _ in 0..<min(4, weights.count) {
      let k = weights.indices.max { weights[$0].weight < weights[$1].weight }!
      leading.append(weights[k])
      weights[k].weight = -1
    }
    weights = leading
    return LanguageGuess(
      language: model.languages[best].code, confidence: weights[0].weight / total,
      alternatives: weights.dropFirst().prefix(3).map {
        .init(language: model.languages[$0.index].code, confidence: $0.weight / total)
      })
  }

  /// The words of `text`: runs of alphabetic scalars (letters and the vowel signs and
  /// marks that belong to them), lower-cased.
  static func words(_ text: String) -> [[UInt32]] {
    var words: [[UInt32]] = []
    var current: [UInt32] = []
    let alphabetic = AlphabeticTable.shared
    for scalar in text.lowercased().unicodeScalars {
      if alphabetic[scalar] {
        current.append(scalar.value)
      } else if !current.isEmpty {
        words.append(current)
        current = []
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }
}

/// The script of every BMP scalar, looked up once from ICU (supplementary scalars are
/// asked directly).
struct ScriptTable: @unchecked Sendable {
  private let table: UnsafePointer<Int16>

  static let shared: ScriptTable = {
    let table = UnsafeMutablePointer<Int16>.allocate(capacity: 0x10000)
    for v in 0..<0x10000 {
      table[v] = Unicode.Scalar(UInt32(v)).map { Int16(truncatingIfNeeded: Script(of: $0).rawValue) } ?? 0
    }
    return ScriptTable(table: UnsafePointer(table))
  }()

  subscript(_ v: UInt32) -> Script {
    if v < 0x10000 { return Script(rawValue: Int32(table[Int(v)])) }
    return Unicode.Scalar(v).map { Script(of: $0) } ?? .common
  }
}

/// Whether each BMP scalar is Alphabetic (letters and the vowel signs and marks that
/// belong to them), looked up once (supplementary scalars are asked directly).
struct AlphabeticTable: @unchecked Sendable {
  private let table: UnsafePointer<Bool>

  static let shared: AlphabeticTable = {
    let table = UnsafeMutablePointer<Bool>.allocate(capacity: 0x10000)
    for v in 0..<0x10000 { table[v] = Unicode.Scalar(UInt32(v))?.properties.isAlphabetic ?? false }
    return AlphabeticTable(table: UnsafePointer(table))
  }()

  subscript(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x10000 ? table[Int(scalar.value)] : scalar.properties.isAlphabetic
  }
}

/// Decides the language of Arabic-script spans for the normaliser with the language
/// identifier, restricted to the Arabic-script languages it knows (Persian, Arabic,
/// Urdu, Pashto, Sorani). Use it through ``TextNormalizer/Options/spanClassifier``.
///
/// The default classifier (``LetterStatisticsClassifier``) is faster and is built so
/// that a span's decision never changes when the span is normalised; this one weighs
/// more evidence (every n-gram of the span). Spans without letters, or whose best guess
/// is below `minimumConfidence`, are left undecided (the document's majority decides).
public struct LanguageIdentifierSpanClassifier: ArabicScriptSpanClassifier {
  private let identifier = LanguageIdentifier(languages: ["fa", "ar", "ur", "ps", "ckb"])
  /// The confidence below which a span stays undecided.
  public var minimumConfidence: Double

  public init(minimumConfidence: Double = 0.9) {
    self.minimumConfidence = minimumConfidence
  }

  public func classify(_ span: String) -> ArabicScriptLanguage? {
    let guess = identifier.identify(span)
    guard guess.confidence >= minimumConfidence else { return nil }
    return ArabicScriptLanguage(rawValue: guess.language)
  }
}
