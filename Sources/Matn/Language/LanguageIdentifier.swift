import CMatnKernels
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
  /// The languages of a text that holds more than one (an English line and a Persian
  /// one), each with its share of the text's letters (each line, sentence or script run
  /// counted for its own answer), largest first; empty for a text in one language. When it is not empty, ``language`` is the largest share's,
  /// ``confidence`` that share and ``alternatives`` the next shares.
  public var mix: [Alternative]

  public struct Alternative: Sendable, Hashable {
    public var language: String
    /// A probability (a runner-up) or a share of the text's letters (a mix).
    public var confidence: Double
  }

  public init(language: String, confidence: Double, alternatives: [Alternative], mix: [Alternative] = []) {
    self.language = language
    self.confidence = confidence
    self.alternatives = alternatives
    self.mix = mix
  }

  /// No answer: the text has no letters.
  public static let undetermined = LanguageGuess(language: "und", confidence: 0, alternatives: [])

  /// This guess, or "und" when its confidence is below `minimum` (the guess then leads
  /// the runners-up, and the confidence is what "und" is left: 1 minus the guess's).
  public func requiring(confidence minimum: Double) -> LanguageGuess {
    guard language != "und", confidence < minimum else { return self }
    return LanguageGuess(
      language: "und", confidence: 1 - confidence,
      alternatives: [Alternative(language: language, confidence: confidence)] + alternatives.prefix(2), mix: mix)
  }
}

/// Identifies the language of a text: a character n-gram model (1- to 5-grams, naive
/// Bayes with backoff) over 86 languages (lingua's 75, and the region's Sorani, Kurmanji,
/// Pashto, Uyghur, Tajik, Uzbek, Turkmen, Kyrgyz, Sindhi, Shahmukhi Punjabi and Balochi,
/// counted from openly licensed text), trained by `scripts/train-langid`, plus what
/// beats n-grams alone:
/// - script priors: only languages written in the text's scripts compete; Latin words
///   inside another script's text (names, code, URLs) cost that language little;
///   kana decides Japanese over Chinese, and Han without kana Chinese;
/// - letters Persian and Arabic never write keep them out of the race: Urdu's
///   ٹ ڈ ڑ ں ہ ے ۃ ۂ (also written by Punjabi, Sindhi, Balochi), Sorani's ڵ ڕ ۆ ێ ڤ ە
///   (Balochi writes ۆ ێ too; the n-grams tell them apart);
/// - a language whose legacy code page is not windows-1252 (Turkish and Azerbaijani:
///   windows-1254) also reads a text the way that code page's bytes shown as windows-1252
///   would be read back (``LegacyCodePageReading``: «baþka» is «başka»), paying
///   ``legacyLetterCost`` for each letter read so;
/// - Arabic script is read without its optional marks (short vowels, shadda, sukun,
///   tatweel: a verse's register, not its language; lingua's tables have none), and
///   Arabic reads Persian ی ک as its ي ك, at what its own table says they cost (Arabic
///   quoted in Persian text is typed with them);
/// - word evidence for Arabic, Persian and Urdu: words much more frequent in one of the
///   three (است، را for Persian; ایک for Urdu; في for Arabic) add their log-likelihood
///   ratio, learnt from the PersoArabicLID sentences; and a text (of any length) with
///   none of the letters Persian never writes counts against each language that writes
///   them, by how often its words do (Urdu, Sorani, Balochi, Pashto, Sindhi…);
/// - a prior per language, learnt with the confidence scale by `scripts/train-langid`
///   on training-side text (the UDHR, held-out PersoArabicLID sentences), every language
///   and length weighted alike (a prior from speaker numbers pulled short texts to
///   English and Spanish, and cost the smaller languages: Latin, Catalan, Marathi);
/// - a calibrated confidence: the softmax of the scores times the learnt scale, times
///   how likely the text is in one of our languages at all (a fit test: how well its
///   answer's n-grams explain it, how far ahead of the runner-up its answer is, and how
///   many of its short words the answer is known to write);
/// - pruning: a language far behind the leader after a word is no longer scored;
/// - a mix for a text whose lines, sentences or script runs are in different languages
///   (``LanguageGuess/mix``).
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
    (LanguageModel.shared?.languages.map(\.code) ?? []).sorted()
  }

  /// Letters of the region's Arabic-script languages that Persian never writes (each
  /// under one in a hundred thousand letters of lingua's Persian table): Sorani's
  /// ڵ ڕ ۆ ێ ڤ ە, Pashto's ټ ډ ړ ږ ښ ګ ڼ ۍ ې, Sindhi's ڪ ڻ ڄ ڃ ٻ ڀ ٺ ٽ ڦ ڳ ڱ ڍ ڌ ڏ ڊ ٿ ڇ.
  /// One keeps Persian out of the race (ە followed by hamza above is a decomposed
  /// Persian ۀ, not counted).
  private static let notPersianLetters: Set<UInt32> = [
    0x06B5, 0x0695, 0x06C6, 0x06CE, 0x06A4, 0x06D5,
    0x067C, 0x0689, 0x0693, 0x0696, 0x069A, 0x06AB, 0x06BC, 0x06CD, 0x06D0,
    0x06AA, 0x06BB, 0x0684, 0x0683, 0x067B, 0x0680, 0x067A, 0x067D, 0x06A6, 0x06B3, 0x06B1, 0x068D, 0x068C,
    0x068F, 0x068A, 0x067F, 0x0687,
  ]
  /// Letters of Urdu that Persian and Arabic do not use.
  private static let urduLetters: Set<UInt32> = [0x0679, 0x0688, 0x0691, 0x06BA, 0x06C1, 0x06C2, 0x06C3, 0x06D2, 0x06D3]

  /// Whether `text` holds a letter Persian never writes (Urdu's, or another region
  /// language's: ``urduLetters``, ``notPersianLetters``; ە before hamza above, a
  /// decomposed Persian ۀ, not counted).
  static func hasLetterPersianNeverWrites(_ text: String) -> Bool {
    var previous: UInt32 = 0
    for v in text.unicodeScalars.reversed() {
      let value = v.value
      defer { previous = value }
      guard value >= 0x0679 && value <= 0x06D5 else { continue }
      if urduLetters.contains(value) { return true }
      if value == 0x06D5 && previous == 0x0654 { continue }
      if notPersianLetters.contains(value) { return true }
    }
    return false
  }

  /// Whether `code` is a language of the model that writes letters Persian never writes
  /// in a share of its words (``LanguageModel/Language/wordsWithoutOwnLetters`` below
  /// zero: Urdu, Sorani, Pashto, Sindhi, Balochi, Uyghur, Punjabi in Shahmukhi).
  static func writesLettersPersianNeverWrites(_ code: String) -> Bool {
    (LanguageModel.shared?.languages.first { $0.code == code }?.wordsWithoutOwnLetters ?? 0) < 0
  }

  /// The enabled languages (BCP 47 codes).
  public let languages: Set<String>
  private let enabled: [Bool]
  /// Model indices of the languages with rules of their own (-1 when absent).
  private let japanese: Int, chinese: Int, persian: Int, arabic: Int, urdu: Int
  private let urduEnabled: Bool
  /// The languages (model indices and codes) that also read a text in their legacy code
  /// page (``LegacyCodePageReading/codePages``; the readings are made from ICU's tables
  /// when a text first needs one).
  /// `codePage` is the position of its code page in
  /// ``LegacyCodePageReading/distinctCodePages``: languages of one code page share its
  /// reading of a text.
  private let legacyLanguages: [(index: Int, codePage: Int)]

  /// Whether close languages are decided by their pair's regression (``LanguagePairs``);
  /// off only to learn that regression (`scripts/train-langid-pairs`, which reads the
  /// scorer alone).
  package var usesPairStage = true

  /// Whether spelling variants that a Persian normaliser rewrites are evidence (see
  /// ``init(languages:ignoresSpellingVariants:)``).
  public let ignoresSpellingVariants: Bool

  /// An identifier that answers only among `languages` (all supported ones when nil).
  /// Codes the model does not know are ignored.
  ///
  /// With `ignoresSpellingVariants`, what a Persian normaliser rewrites is no evidence,
  /// so a text gets the same answer before and after normalisation: the forms of yeh and
  /// kaf (Persian and Urdu are read in ی ک, Arabic in ي ك, so Persian typed on an Arabic
  /// keyboard is still Persian), ۀ, tatweel, short vowels and other Arabic marks, a
  /// letter written three or more times in a row (read once), and compatibility
  /// characters such as Arabic presentation forms (read as NFKC reads them).
  public init(languages: Set<String>? = nil, ignoresSpellingVariants: Bool = false) {
    self.ignoresSpellingVariants = ignoresSpellingVariants
    let all = Set(Self.supportedLanguages)
    let chosen = languages.map { $0.intersection(all) } ?? all
    self.languages = chosen
    let modelLanguages = LanguageModel.shared?.languages ?? []
    enabled = modelLanguages.map { chosen.contains($0.code) }
    func index(_ code: String) -> Int { modelLanguages.firstIndex { $0.code == code } ?? -1 }
    japanese = index("ja")
    chinese = index("zh")
    persian = index("fa")
    arabic = index("ar")
    urdu = index("ur")
    urduEnabled = chosen.contains("ur")
    legacyLanguages = modelLanguages.indices.compactMap { k in
      let code = modelLanguages[k].code
      guard let page = LegacyCodePageReading.codePages.first(where: { $0.language == code })?.codePage,
        let position = LegacyCodePageReading.distinctCodePages.firstIndex(of: page)
      else { return nil }
      return (k, position)
    }
  }

  // Scoring constants (natural-log units), chosen in a prototype on the first 100 texts
  // per language of the dev sets (so the dev figures are not a held-out measurement).
  // Each is a whole number of the model's quanta (an eighth of a nat), so that scores add up
  // exactly in integers. scripts/train-langid scores as these do (its copies must agree).
  /// A letter no n-gram of the language covers.
  static let unseen = -14.0
  /// Each order dropped when backing off from a missing n-gram.
  static let backoff = -2.0
  /// A Latin letter in a language written in another script.
  static let foreignLatin = -3.0
  /// Weight of a word's log-likelihood ratio (Arabic, Persian, Urdu word evidence).
  static let wordWeight = 0.5
  /// What a language pays for each letter it reads through its legacy code page
  /// (``LegacyCodePageReading``). Chosen by two-fold cross-validation over the halves
  /// (even and odd lines) of the dev sets, every language and length: costs from 0 to
  /// −8 nats tie on the even half, −6 and −8 are best on the odd half (one Icelandic
  /// single word more than −4 to 0 keep), and −10 and below lose Turkish words again.
  static let legacyLetterCost = -6.0
  // A text whose Arabic-script words hold none of the letters Persian never writes is
  // evidence against each language that writes them, word by word, at any length: its
  // ``LanguageModel/Language/wordsWithoutOwnLetters`` a word, the log of the share of its
  // words without one (Urdu, whose ٹ ڈ ڑ ں ہ ۂ ۃ ے ۓ are in 49.5% of the Arabic-script
  // words of nine in ten PersoArabicLID Urdu sentences, log(1 − 0.495) = −0.68 a word;
  // Balochi −0.27, Sorani −1.46). The n-gram scores weigh the letters a text has, not the
  // ones it lacks: a Persian line such as «الف) روایات ذیل آیات» read as Urdu, a heading
  // such as «آیات … سوره …» as Balochi, and one Persian word in five, alone, went to
  // Urdu, Balochi, Sorani or Sindhi. Applied from three words on only, Persian single
  // words were 78.6% right on the dev halves, Urdu single words 9.4% answered Persian;
  // at every length 82.4% and 12.2% (Persian and Urdu together 80.0 → 80.6%). Taken per
  // word length (1–2, 3, 4, … letters: Sorani −0.59 to −1.98, Balochi −0.13 to −0.47) it
  // did no better on single words (82.6%) and, weighing short words less, let a Fars
  // heading «ب) آیات … و … سوره …:» go to Balochi.

  /// Identifies the language of `text`.
  public func identify(_ text: String) -> LanguageGuess {
    identify(text, prior: true)
  }

  /// Identifies the language of `text` (a line or a paragraph of a larger text).
  public func identify(_ text: Substring) -> LanguageGuess {
    guard !ignoresSpellingVariants else { return identify(String(text), prior: true) }
    var text = text
    return text.withUTF8 { identify(TextLetters(utf8: $0)) }
  }

  /// Identifies the language of `text`; without `prior`, the confidences compare the
  /// likelihoods of the text alone, neither priors nor confidence scale (the caller has a
  /// prior of its own).
  func identify(_ text: String, prior: Bool) -> LanguageGuess {
    identify(letters(of: text), prior: prior)
  }

  /// The letters of `text` as this identifier reads them: when spelling variants are
  /// ignored, after NFKC (presentation forms and other compatibility characters, which
  /// normalisers rewrite) and without redundant ZWNJs.
  func letters(of text: String) -> TextLetters {
    var text = text
    if ignoresSpellingVariants {
      if !Normalizer.nfkc.isNormalized(text) { text = Normalizer.nfkc.normalize(text) }
      text = Self.withoutRedundantZWNJ(text)
    }
    return text.withUTF8 { TextLetters(utf8: $0) }
  }

  /// `text` without the ZWNJs that follow a letter that does not join the next one
  /// anyway (normalisers remove them): «لا‌ی» is the word «لای», not «لا» and «ی».
  static func withoutRedundantZWNJ(_ text: String) -> String {
    guard text.utf8.contains(0xE2), text.unicodeScalars.contains("\u{200C}") else { return text }
    let classOf = ScalarClasses.shared
    var out = String.UnicodeScalarView()
    var before = ScalarClass()  // the last scalar that is not a mark
    for scalar in text.unicodeScalars {
      if scalar == "\u{200C}" && before.isSuperset(of: .arabicLetter) && before.contains(.nonJoiningNext) { continue }
      let c = classOf(scalar.value)
      if !c.contains(.mark) { before = c }
      out.append(scalar)
    }
    return String(out)
  }

  /// The language of `letters`, or their mix when they span several lines and their
  /// segments (lines, sentences, script runs: ``TextLetters/segmentStarts``) are in
  /// different languages. A single line is read whole: a line of Urdu with an English
  /// headline or site name before it is Urdu (the Latin letters cost Urdu little), and
  /// the runs of a line are ``spans(in:)``'s business.
  func identify(_ letters: TextLetters, prior: Bool = true) -> LanguageGuess {
    let whole = identifyWhole(letters, prior: prior)
    guard letters.spansLines, !ignoresSpellingVariants else { return whole }
    return mix(of: letters, whole: whole, prior: prior)
  }

  /// Segments shorter than this (in letters) join a neighbour: a name in Latin letters
  /// inside Persian text, or a numbered heading, is no language of its own.
  static let minimumSegmentLetters = 12
  /// A text is reported as a mix when its second language holds at least this share of
  /// its letters.
  static let minimumMixShare = 0.1

  /// The languages of `letters`' segments: each segment's letters go to its answer, and
  /// a language's share is its letters over all the letters answered. `whole` (the
  /// text read as one) when there is one language, or the second share is below
  /// ``minimumMixShare``.
  private func mix(of letters: TextLetters, whole: LanguageGuess, prior: Bool) -> LanguageGuess {
    typealias Alternative = LanguageGuess.Alternative
    var segments: [(words: Range<Int>, letters: Int)] = []
    let starts = [0] + letters.segmentStarts + [letters.wordEnds.count]
    for (a, b) in zip(starts, starts.dropFirst()) where b > a {
      let count = letters.wordEnds[b - 1] - (a == 0 ? 0 : letters.wordEnds[a - 1])
      if let last = segments.last, count < Self.minimumSegmentLetters || last.letters < Self.minimumSegmentLetters {
        segments[segments.count - 1] = (last.words.lowerBound..<b, last.letters + count)
      } else {
        segments.append((a..<b, count))
      }
    }
    guard segments.count > 1 else { return whole }
    var shares: [Alternative] = []
    for segment in segments {
      let guess = identifyWhole(letters.slice(words: segment.words), prior: prior)
      guard guess.language != "und" else { continue }
      if let k = shares.firstIndex(where: { $0.language == guess.language }) {
        shares[k].confidence += Double(segment.letters)
      } else {
        shares.append(Alternative(language: guess.language, confidence: Double(segment.letters)))
      }
    }
    let total = shares.reduce(0) { $0 + $1.confidence }
    shares = shares.map { Alternative(language: $0.language, confidence: $0.confidence / total) }
      .sorted { $0.confidence > $1.confidence }
    guard shares.count > 1, shares[1].confidence >= Self.minimumMixShare else { return whole }
    return LanguageGuess(
      language: shares[0].language, confidence: shares[0].confidence, alternatives: Array(shares.dropFirst().prefix(3)),
      mix: shares)
  }

  /// What the fit test of `text` (read whole) sees, for scripts/tune-langid-und: its
  /// letters, the answer (its index) and its n-gram score, score and fit, the runner-up's
  /// scores, the confidence before and after the fit test; nil for "und".
  package func fitDiagnostics(_ text: Substring) -> [String: Double]? {
    var text = text
    var out: [String: Double]?
    _ = text.withUTF8 { identifyWhole(TextLetters(utf8: $0), prior: true) { out = $0 } }
    return out
  }

  /// The language of `letters` read as one text.
  private func identifyWhole(
    _ letters: TextLetters, prior: Bool, diagnose: (([String: Double]) -> Void)? = nil
  ) -> LanguageGuess {
    guard let model = LanguageModel.shared else { return .undetermined }
    // Arabic is read in its own spelling, every other language in the Persian one.
    let text = ignoresSpellingVariants ? letters.spellingFolded(arabic: false) : letters
    var arabicText = ignoresSpellingVariants ? letters.spellingFolded(arabic: true) : letters
    guard !text.wordEnds.isEmpty else { return .undetermined }
    let scripts = CharacterTable.scripts

    // Which scripts the letters are in, and the distinctive Arabic-script letters.
    var present = ScriptSet.empty
    var kana = false
    var urduLetterCount = 0
    var notPersianLetterCount = 0
    var arabicLetters = 0, letters = 0
    var mayBeLegacy = false  // a letter a legacy code page's reading may change
    var lastScript = Script.unknown
    for (i, v) in text.scalars.enumerated() {
      let s = scripts[v]
      if s.isContextual { continue }
      if s != lastScript {
        present.insert(s)
        lastScript = s
        if s == .hiragana || s == .katakana { kana = true }
      }
      letters += 1
      if LegacyCodePageReading.mayChange(v) { mayBeLegacy = true }
      if s == .arabic {
        arabicLetters += 1
        // The distinctive letters are all in U+0679–U+06D5.
        if v >= 0x0679 && v <= 0x06D5 {
          if Self.urduLetters.contains(v) { urduLetterCount += 1 }
          if v == 0x06D5 && i + 1 < text.scalars.count && text.scalars[i + 1] == 0x0654 { continue }
          if Self.notPersianLetters.contains(v) { notPersianLetterCount += 1 }
        }
      }
    }
    let count = model.languages.count
    var candidates: [Int] = []
    candidates.reserveCapacity(count)
    for index in 0..<count where enabled[index] {
      guard !model.languages[index].scriptBits.intersection(present).isEmpty else { continue }
      if index == japanese && !kana { continue }
      if index == chinese && kana { continue }
      if urduLetterCount > 0 && (index == persian || index == arabic) && urduEnabled { continue }
      if index == persian && notPersianLetterCount > 0 { continue }
      candidates.append(index)
    }
    guard !candidates.isEmpty else { return .undetermined }

    var quanta = [Int32](repeating: 0, count: count)
    // The languages that read the text through their legacy code page, if it changes any
    // of its letters: each is scored alone on its reading.
    var legacy: [(index: Int, letters: TextLetters, count: Int)] = []
    if mayBeLegacy {
      // Each code page's reading made once (Turkish and Azerbaijani share windows-1254's).
      var readings: [(letters: TextLetters, count: Int)?] = []
      for (k, page) in legacyLanguages where candidates.contains(k) {
        if readings.isEmpty { readings = Array(repeating: nil, count: LegacyCodePageReading.distinctCodePages.count) }
        if readings[page] == nil {
          guard let reading = LegacyCodePageReading.byCodePage[page] else { continue }
          readings[page] = reading.read(text)
        }
        if let read = readings[page], read.count > 0 { legacy.append((k, read.letters, read.count)) }
      }
      if !legacy.isEmpty { candidates.removeAll { k in legacy.contains { $0.index == k } } }
    }
    // Arabic reads Persian yeh and kaf as its own, at what its table says they cost
    // (``LanguageModel/persianYehCost``): Arabic typed with Persian letters (a verse
    // quoted in a Persian article) stays Arabic, and the letters stay evidence.
    var persianVariants: (yeh: Int32, kaf: Int32) = (0, 0)
    if !ignoresSpellingVariants && arabicLetters > 0 && arabic >= 0 && candidates.contains(arabic) {
      for v in text.scalars where v == 0x06CC || v == 0x06A9 {
        if v == 0x06CC { persianVariants.yeh += 1 } else { persianVariants.kaf += 1 }
      }
      if persianVariants != (0, 0) { arabicText = text.arabicYehKaf().letters }
    }
    if (ignoresSpellingVariants || persianVariants != (0, 0)) && arabic >= 0 && candidates.contains(arabic) {
      // Two readings: Arabic is scored on its own, neither pruned against the other.
      let others = score(
        text, candidates: candidates.filter { $0 != arabic }, model: model, into: &quanta, prune: !ignoresSpellingVariants)
      _ = score(arabicText, candidates: [arabic], model: model, into: &quanta, prune: false)
      quanta[arabic] &+= persianVariants.yeh &* model.persianYehCost &+ persianVariants.kaf &* model.persianKafCost
      candidates = others + [arabic]
    } else {
      candidates = score(text, candidates: candidates, model: model, into: &quanta, prune: true)
    }
    let letterCost = Int32(Self.legacyLetterCost * LanguageModel.quantum)
    for reading in legacy {
      _ = score(reading.letters, candidates: [reading.index], model: model, into: &quanta, prune: false)
      quanta[reading.index] &+= Int32(reading.count) &* letterCost
      candidates.append(reading.index)
    }
    var scores = [Double](repeating: 0, count: count)
    for k in candidates { scores[k] = Double(quanta[k]) / LanguageModel.quantum }
    // Words that speak for Arabic, Persian or Urdu (function words above all).
    if arabicLetters > 0 {
      var arabicWords = 0
      for (reading, arabicReading) in [(text, false), (arabicText, true)] {
        reading.forEachWord { word in
          guard scripts[word[word.startIndex]] == .arabic else { return }
          if !arabicReading { arabicWords += 1 }
          guard let evidence = model.wordEvidence[LanguageModel.wordKey(word)] else { return }
          for (k, ratio) in evidence where (k == arabic) == arabicReading { scores[k] += Self.wordWeight * ratio }
        }
      }
      // Urdu writes half its words with a letter of its own, Sorani most: words without
      // any are evidence against them, one word as much as the next.
      if urduLetterCount == 0 && notPersianLetterCount == 0 && arabicWords > 0 {
        for k in candidates { scores[k] += Double(arabicWords) * model.languages[k].wordsWithoutOwnLetters }
      }
    }
    if prior {
      for k in candidates { scores[k] += model.languages[k].prior }
    }

    // Posterior over the candidates.
    var best = candidates.max { scores[$0] < scores[$1] }!
    let scale = prior ? model.confidenceScale : 1
    let second = candidates.lazy.filter { $0 != best }.max { scores[$0] < scores[$1] }
    let gap = second.map { (scores[best] - scores[$0]) / Double(max(letters, 1)) } ?? Self.maximumLead
    // Close languages (``LanguagePairs``): when the best two are a learnt pair and the
    // scorer's lead is within the pair's gate, its regression decides between the two
    // alone. When it agrees with the scorer, the scorer's guess stands; when it overturns
    // it, the one it chooses takes the leader's score and the other falls σ(z)'s log-odds
    // behind it, so no third language gains; the fit test's lead stays the scorer's.
    if prior && usesPairStage, let second, let pair = LanguagePairs.shared.pair(best, second),
      let z = LanguagePairs.decide(pair, text, scoreA: scores[pair.a], scoreB: scores[pair.b]),
      (z > 0 ? pair.a : pair.b) != best
    {
      let top = scores[best]
      best = z > 0 ? pair.a : pair.b
      scores[best] = top
      scores[best == pair.a ? pair.b : pair.a] = top - abs(z) / scale
    }
    var weights = candidates.map { (index: $0, weight: exp(scale * (scores[$0] - scores[best]))) }
    // Probabilities among our languages, times how likely the text is one of them at all.
    let softmaxTotal = weights.reduce(0) { $0 + $1.weight }
    // The short words of the text, and how many of them the answer is known to write.
    var shortWords = 0, knownShortWords = 0
    if prior && letters >= Self.minimumFitLetters && model.knownWords.hasList(best) {
      let reading = best == arabic ? arabicText : legacy.first { $0.index == best }?.letters ?? text
      reading.forEachWord { word in
        guard word.count <= Self.knownWordLetters else { return }
        shortWords += 1
        if model.knownWords.contains(LanguageModel.wordKey(word), language: best) { knownShortWords += 1 }
      }
    }
    let total =
      softmaxTotal
      / (prior
        ? fitFactor(quanta[best], letters, model, best, gap: gap, shortWords: shortWords, known: knownShortWords) : 1)
    // The best four, without sorting them all.
    var leading: [(index: Int, weight: Double)] = []
    for _ in 0..<min(4, weights.count) {
      let k = weights.indices.max { weights[$0].weight < weights[$1].weight }!
      leading.append(weights[k])
      weights[k].weight = -1
    }
    weights = leading
    if let diagnose {
      let d: [String: Double] = [
        "letters": Double(letters), "best": Double(best), "raw": Double(quanta[best]) / LanguageModel.quantum,
        "fit": model.languages[best].fit ?? .nan, "threshold": model.fitThreshold,
        "score": scores[best], "second": second.map { scores[$0] } ?? -.infinity,
        "secondIndex": second.map(Double.init) ?? -1, "scale": scale,
        "secondRaw": second.map { Double(quanta[$0]) / LanguageModel.quantum } ?? -.infinity,
        "secondFit": second.flatMap { model.languages[$0].fit } ?? .nan,
        "confidence": weights[0].weight / total, "softmax": weights[0].weight / softmaxTotal,
        "shortWords": Double(shortWords), "knownShortWords": Double(knownShortWords),
      ]
      diagnose(d)
    }
    return LanguageGuess(
      language: model.languages[best].code, confidence: weights[0].weight / total,
      alternatives: weights.dropFirst().prefix(3).map {
        .init(language: model.languages[$0.index].code, confidence: $0.weight / total)
      })
  }

  /// A language this far (nats) behind the leader after a word is out of the race (with
  /// `prune`), and at least ``pruningRate`` per letter still to read, unless it is
  /// written in a script the leader is not: its posterior is below e^-15 at any
  /// confidence scale the model learns (above 0.5).
  static let pruningGap = 30.0
  /// What each letter still to read may win back (nats): a text that turns to another
  /// language halfway (a line of English boilerplate before Tsonga news) keeps its
  /// second language in the race until the gap exceeds what its letters could recover.
  static let pruningRate = 1.5

  /// A text of at least this many letters is tested for its fit
  /// (``fitFactor(_:_:_:_:gap:shortWords:known:)``).
  static let minimumFitLetters = 20
  /// The length (letters) a text's shortfall is scaled to: its score per letter varies
  /// less the longer it is (as 1/√letters for a text in the answer's language), while a
  /// language we do not model falls short by about as much per letter at any length, so
  /// the shortfall is weighed by √(letters / 100).
  static let fitReferenceLetters = 100.0
  /// A word of at most this many letters is a short word, for the fit test's word
  /// evidence (``LanguageModel/knownWords``, derived by scripts/derive-langid-known-words
  /// with the same length): the function words of a language are short.
  static let knownWordLetters = 4
  /// The number of short words the known words' share is scaled to, as the shortfall is
  /// to ``fitReferenceLetters``: the share is weighed by √(short words / 10).
  static let knownReferenceWords = 10.0
  // The fit test's logistic (``fitFactor(_:_:_:_:gap:shortWords:known:)``): weights of
  // the scaled shortfall, of the lead per letter over the runner-up and of the scaled
  // share of known short words, that share's neutral point, and the bias. Learnt by
  // scripts/tune-langid-und: a logistic regression of our languages' sentences (the dev
  // sentences and the second half of the UDHR of ours, the half the known words are not
  // taken from) against UDHR sentences of 240 languages we do not model, none of the 20
  // that scripts/eval-langid-confidence tests; the weights then moved (Nelder–Mead) to
  // reject as many of those 240 languages' sentences as can be while the dev sentences
  // lose at most 0.25 points at confidence 0.5, with the bias that keeps to that limit
  // (two-fold over the halves of the dev sentences for the held-out cost). One set of
  // constants for every language. Learnt again on the build with the legacy code-page
  // reading (branch langid8: held-out cost 0.237 points).
  /// Weight of the scaled shortfall (per nat per letter).
  static let fitWeight = 3.55
  /// Weight of the answer's lead per letter over the runner-up (nats, at most
  /// ``maximumLead``).
  static let leadWeight = 2.02
  /// Weight of the scaled share of the text's short words that its answer is known to
  /// write.
  static let knownWeight = 3.72
  /// The share of known short words that is neither for nor against the answer.
  static let knownShare = 0.539
  /// The bias of the fit test's logistic.
  static let fitBias = 4.94
  /// The lead per letter counted at most (nats): a runner-up that far behind, or none,
  /// says the same.
  static let maximumLead = 1.0

  /// How likely a text is in one of our languages at all: the logistic of
  /// ``fitWeight`` × its scaled shortfall (how far its answer's n-gram score per letter,
  /// `quanta` over `letters`, stands below the answer's own texts', its
  /// ``LanguageModel/Language/fit``, times √(letters / ``fitReferenceLetters``)) +
  /// ``leadWeight`` × `gap` (the answer's lead over the runner-up per letter, at most
  /// ``maximumLead``) + ``knownWeight`` × the scaled share of known short words (of its
  /// `shortWords` words of at most ``knownWordLetters`` letters, the share `known` that
  /// the answer is known to write, less ``knownShare``, times
  /// √(`shortWords` / ``knownReferenceWords``); 0 without short words or known words of
  /// the answer) + ``fitBias``. A Tatar text answered Kazakh, or Yiddish answered
  /// Hebrew, is explained far worse than Kazakh or Hebrew text is; a Luxembourgish or
  /// Breton one is explained a little worse, and by two or three languages about as
  /// well (German and Dutch; Welsh and Dutch), where a text in one of ours has one
  /// answer well ahead; a Faroese one, read as Icelandic about as well as Icelandic news,
  /// has fewer of Icelandic's short words. Its confidence falls toward 0
  /// (`matn detect --min-confidence` turns it into "und"). 1 for shorter texts than
  /// ``minimumFitLetters`` (too few letters to tell) and languages without a fit.
  func fitFactor(
    _ quanta: Int32, _ letters: Int, _ model: LanguageModel, _ best: Int, gap: Double, shortWords: Int = 0,
    known: Int = 0
  ) -> Double {
    guard letters >= Self.minimumFitLetters, let fit = model.languages[best].fit else { return 1 }
    let shortfall = Double(quanta) / LanguageModel.quantum / Double(letters) - fit
    let scaled = shortfall * (Double(letters) / Self.fitReferenceLetters).squareRoot()
    let lead = min(Self.maximumLead, gap)
    var words = 0.0
    if shortWords > 0 {
      let share = Double(known) / Double(shortWords)
      words = (share - Self.knownShare) * (Double(shortWords) / Self.knownReferenceWords).squareRoot()
    }
    return 1 / (1 + exp(-(Self.fitWeight * scaled + Self.leadWeight * lead + Self.knownWeight * words + Self.fitBias)))
  }

  /// Adds the n-gram scores of `candidates` on `text` to `quanta` (in quanta: integers,
  /// every constant is a whole number of them); returns the candidates still in the
  /// race. With `prune`, a candidate ``pruningGap`` behind the leader after a word is
  /// dropped: it is no longer scored (the work left is on the languages that can win).
  ///
  /// The scores are kept by lane (``LanguageModel/lanes``: the languages of a script
  /// side by side) while the text is scored. The lookups of up to
  /// ``LanguageModel/resolveBlock`` letters are made together ahead of the scoring
  /// (``LanguageModel/resolve(_:tops:from:to:into:)``: their cache misses overlap).
  /// Every candidate is first counted as unseen at each letter, in one pass over all
  /// lanes per word (or script change); a language that has an n-gram there gets its
  /// score less that (`mk_lid_letter`: the frequent n-grams' scores are dense vectors
  /// over the lanes of their script, read with vector instructions).
  private func score(
    _ text: TextLetters, candidates: [Int], model: LanguageModel, into quanta: inout [Int32], prune: Bool
  ) -> [Int] {
    var live = candidates
    let gap = Int32(Self.pruningGap * LanguageModel.quantum)
    let rate = Int32(Self.pruningRate * LanguageModel.quantum)
    let scripts = CharacterTable.scripts
    let count = model.languages.count
    let lane = model.lanes
    let quantum = LanguageModel.quantum
    let unseen = Int32(Self.unseen * quantum)
    let foreignLatin = Int32(Self.foreignLatin * quantum)
    let backoff = Int32(Self.backoff * quantum)
    let letterCount = text.scalars.count
    let block = LanguageModel.resolveBlock
    let lanes = Int(MK_LID_LANES)
    let scriptSets = model.scriptSets
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * lanes) { ints in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: lanes + 16 + count + max(letterCount, 1)) { bytes in
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 5 * block) { cells in
          withUnsafeTemporaryAllocation(of: Int16.self, capacity: lanes + 16) { best in
            // By lane: scores, and defaults[l], what a letter costs candidate l when it
            // has no n-gram there (unseen, or a foreign letter's cost; 0 for the others),
            // and open[l], whether l is a candidate written in the current script.
            let scores = UnsafeMutableBufferPointer(rebasing: ints[0..<lanes])
            let defaults = UnsafeMutableBufferPointer(rebasing: ints[lanes...])
            scores.initialize(repeating: 0)
            defaults.initialize(repeating: 0)
            // (`mk_lid_letter` reads 16 lanes past the last, masked.)
            let open = UnsafeMutableBufferPointer(rebasing: bytes[0..<lanes + 16])
            open.initialize(repeating: 0)
            // By language: which are candidates (`open` is set for the script of the
            // current letter, cached for the last script met: texts change script rarely).
            let isCandidate = UnsafeMutableBufferPointer(rebasing: bytes[lanes + 16..<lanes + 16 + count])
            let tops = UnsafeMutableBufferPointer(rebasing: bytes[(lanes + 16 + count)...])
            isCandidate.initialize(repeating: 0)
            for k in candidates { isCandidate[k] = 1 }
            for k in 0..<count { scores[lane[k]] = quanta[k] }
            // The highest order at each letter: its place in its word, at most 5.
            var start = 0
            for end in text.wordEnds {
              for i in start..<end { tops[i] = UInt8(truncatingIfNeeded: min(5, i - start + 1)) }
              start = end
            }
            best.initialize(repeating: 0)
            text.scalars.withUnsafeBufferPointer { letters in
              var fitsScript = Script.unknown
              var fitting: Int32 = 0  // how many candidates fit the current script
              var openLanes: Range<Int32> = 0..<0  // every open lane is in it
              var pending: Int32 = 0  // letters whose defaults are not added yet
              // Adds the pending letters' defaults.
              @inline(__always) func settle() {
                guard pending != 0 else { return }
                mk_lid_settle(scores.baseAddress!, defaults.baseAddress!, pending, Int64(count))
                pending = 0
              }
              var resolvedFrom = 0, resolvedTo = 0
              start = 0
              for end in text.wordEnds {
                // Bit n: the n-gram ending at the previous letter may be in the model (the
                // model is prefix-closed: an n-gram whose first n-1 letters were not found
                // cannot be there either).
                var previous: UInt32 = 0
                for i in start..<end {
                  let script = scripts[letters[i]]
                  if script != fitsScript || i == 0 {
                    settle()
                    fitsScript = script
                    fitting = 0
                    var lowest = Int32(lanes), highest: Int32 = -1
                    let foreign = script == .latin ? foreignLatin : unseen
                    for k in 0..<count {
                      let fit = script.isContextual || scriptSets[k].contains(script)
                      let candidate = isCandidate[k] != 0
                      let isOpen = fit && candidate
                      if isOpen {
                        fitting += 1
                        lowest = min(lowest, Int32(lane[k]))
                        highest = max(highest, Int32(lane[k]))
                      }
                      open[lane[k]] = isOpen ? 1 : 0
                      defaults[lane[k]] = candidate ? (fit ? unseen : foreign) : 0
                    }
                    openLanes = fitting > 0 ? lowest..<highest + 1 : 0..<0
                  }
                  if i >= resolvedTo {
                    resolvedFrom = i
                    resolvedTo = min(i + block, letterCount)
                    model.resolve(
                      letters.baseAddress!, tops: tops.baseAddress!, from: i, to: resolvedTo, into: cells.baseAddress!)
                  }
                  // No candidate written in this script: nothing to score, nothing ruled out.
                  previous =
                    fitting == 0
                    ? 0xFF
                    : model.scoreLetter(
                      letters.baseAddress!, i, top: Int(tops[i]), row: cells.baseAddress! + 5 * (i - resolvedFrom),
                      previous: previous, open: open.baseAddress!, fitting: fitting, lanes: openLanes,
                      best: best.baseAddress!, scores: scores.baseAddress!, backoff: backoff, unseen: unseen)
                  pending &+= 1
                }
                start = end
                settle()
                if prune && live.count > 1 {
                  // The leader (the first of the best) and the lowest score, in one pass: a
                  // race in which no score is below the floor drops no one.
                  var leader = live[0]
                  var leading = scores[lane[leader]], lowest = leading
                  for k in live {
                    let value = scores[lane[k]]
                    if value > leading { (leader, leading) = (k, value) }
                    lowest = min(lowest, value)
                  }
                  // The rest of the text could still turn the race: as far as the letters
                  // left (``pruningRate`` each) could.
                  let left = Int32(truncatingIfNeeded: letterCount - end)
                  let floor = scores[lane[leader]] &- max(gap, rate &* left)
                  let leaderScripts = scriptSets[leader]
                  // A language written in a script the leader is not can win that
                  // script's letters back: it stays.
                  func out(_ k: Int) -> Bool {
                    scores[lane[k]] < floor
                      && scriptSets[k].intersection(leaderScripts) == scriptSets[k]
                  }
                  if lowest < floor && live.contains(where: out) {
                    for k in live where out(k) {
                      isCandidate[k] = 0
                      defaults[lane[k]] = 0
                      if open[lane[k]] != 0 {
                        open[lane[k]] = 0
                        fitting -= 1
                      }
                    }
                    live.removeAll(where: out)
                  }
                }
              }
            }
            for k in 0..<count { quanta[k] = scores[lane[k]] }
          }
        }
      }
    }
    return live
  }

  /// The words of `text` as the model reads them (see ``TextLetters``).
  static func words(_ text: String) -> [[UInt32]] {
    var text = text
    var words: [[UInt32]] = []
    text.withUTF8 { TextLetters(utf8: $0).forEachWord { words.append(Array($0)) } }
    return words
  }
}
