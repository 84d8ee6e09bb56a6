import MatnICU

/// Normalises raw text: cleanup, Persian/Arabic orthography on Persian spans only, and
/// a Unicode normalization form — with an exact report of every change.
///
/// ```swift
/// let result = TextNormalizer(profile: .article).normalize("يك كتاب علمي")
/// result.text                    // "یک کتاب علمی"
/// result.report[.arabicYeh]      // 2
/// ```
///
/// Every profile is idempotent: normalising its output again changes nothing.
///
/// - Complexity: O(*n*) in the length of the text.
/// - Thread safety: `Sendable`; one normalizer may serve any number of tasks.
public struct TextNormalizer: Sendable {
  /// A named set of stage options.
  public enum Profile: String, CaseIterable, Sendable, Codable {
    /// Conservative: cleanup of invisibles and controls, presentation forms, Persian
    /// letters and digits, ZWNJ hygiene, NFC. Keeps typography: no-break and thin
    /// spaces, tabs, marks, tatweel; adds no ZWNJ and changes no punctuation.
    case display
    /// The default for articles: every cleanup and orthography rule, NFC.
    case article
    /// For ML models: ``article`` plus NFKC (compatibility characters folded).
    case model
    /// Search keys (``SearchKey``): ``article`` then NFKC_Casefold, ASCII digits,
    /// Persian ی/ک everywhere, hamza seats folded, marks stripped.
    case index
  }

  /// The stage options. Start from a profile's and override what you need.
  public struct Options: Sendable {
    /// Characters: NBSP and other space separators → space.
    public var spaceSeparators = true
    /// Tab → space.
    public var tabs = true
    /// Arabic presentation forms → NFKC of just those code points.
    public var presentationForms = true
    /// ي ى → ی, ك → ک, ۀ → ه + U+0654 (Persian spans).
    public var persianLetters = true
    /// Arabic-Indic digits → Persian digits (Persian spans).
    public var persianDigits = true
    /// Remove tatweel (Persian spans).
    public var removeTatweel = true
    /// Remove short-vowel marks (Persian spans).
    public var removeDiacritics = true
    /// Reduce letters repeated 3+ times to one (Persian spans).
    public var collapseRepeatedLetters = true
    /// ZWNJ hygiene.
    public var zwnjHygiene = true
    /// Affix ZWNJ and curated compounds (Persian spans).
    public var affixJoining = true
    /// Persian punctuation, spacing and guillemets (Persian spans).
    public var persianPunctuation = true
    /// The Unicode normalization form applied last.
    public var unicodeForm: Normalizer.Form = .nfc
    /// Record the original UTF-8 range of every change (costs memory and time).
    public var recordsRanges = false
    /// Decides the language of Arabic-script spans.
    public var spanClassifier: any ArabicScriptSpanClassifier = LetterStatisticsClassifier()
    /// The language of Arabic-script spans without enough evidence when the document
    /// has no decided span either.
    public var defaultArabicScriptLanguage: ArabicScriptLanguage = .persian

    public init() {}

    /// The options of `profile`.
    public init(profile: Profile) {
      switch profile {
      case .display:
        spaceSeparators = false
        tabs = false
        removeTatweel = false
        removeDiacritics = false
        collapseRepeatedLetters = false
        affixJoining = false
        persianPunctuation = false
      case .article, .index:
        break
      case .model:
        unicodeForm = .nfkc
      }
    }
  }

  /// The profile this normalizer was made from.
  public let profile: Profile
  /// The stage options in force.
  public let options: Options

  /// A normalizer with the options of `profile`.
  public init(profile: Profile = .article) {
    self.init(profile: profile, options: Options(profile: profile))
  }

  /// A normalizer with custom `options` (reported as `profile`).
  public init(profile: Profile = .article, options: Options) {
    self.profile = profile
    self.options = options
  }

  /// Normalises `text`.
  public func normalize(_ text: String) -> NormalizedText {
    var recorder = ChangeRecorder(recordsRanges: options.recordsRanges)
    var buffer = TextBuffer(text, trackOrigins: options.recordsRanges)
    buffer = Cleanup(
      options: .init(
        spaceSeparators: options.spaceSeparators, tabs: options.tabs, presentationForms: options.presentationForms)
    ).apply(buffer, &recorder)
    buffer = Whitespace().apply(buffer, &recorder)
    Segmentation(classifier: options.spanClassifier, defaultLanguage: options.defaultArabicScriptLanguage)
      .apply(&buffer)
    buffer = PersianLetters(
      options: .init(
        letters: options.persianLetters, digits: options.persianDigits, tatweel: options.removeTatweel,
        diacritics: options.removeDiacritics, repeatedLetters: options.collapseRepeatedLetters,
        zwnj: options.zwnjHygiene)
    ).apply(buffer, &recorder)
    if options.affixJoining {
      buffer = AffixJoiner(lexicon: .shared).apply(buffer, &recorder)
    }
    if options.persianPunctuation {
      buffer = PersianPunctuation().apply(buffer, &recorder)
    }
    buffer = Whitespace().apply(buffer, &recorder)
    var result = buffer.string
    result = UnicodeForm(form: options.unicodeForm).apply(result, buffer, &recorder)
    if profile == .index { result = SearchKey.fold(result) }
    return NormalizedText(text: result, report: recorder.report)
  }
}

/// The result of ``TextNormalizer/normalize(_:)``.
public struct NormalizedText: Sendable, Hashable {
  /// The normalised text.
  public var text: String
  /// What was changed.
  public var report: NormalizationReport
}

/// Stage 4 — the profile's Unicode normalization form, applied to the whole text.
/// Changed lines are counted (and located, when ranges are recorded).
struct UnicodeForm {
  var form: Normalizer.Form

  func apply(_ text: String, _ buffer: TextBuffer, _ report: inout ChangeRecorder) -> String {
    let normalizer = Normalizer.shared(form)
    if normalizer.isNormalized(text) { return text }
    // Count (and locate) the lines that change; normalise line by line (LF is a
    // boundary for every form, so this equals normalising the whole).
    var output = ""
    output.reserveCapacity(text.utf8.count)
    var scalarIndex = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let lineString = String(line)
      let count = lineString.unicodeScalars.count
      let normalized = normalizer.normalize(lineString)
      if normalized != lineString || !normalized.unicodeScalars.elementsEqual(lineString.unicodeScalars) {
        var origin: Range<Int32> = 0..<0
        if let origins = buffer.origins, count > 0, scalarIndex + count <= origins.count {
          origin = origins[scalarIndex].lowerBound..<origins[scalarIndex + count - 1].upperBound
        }
        report.record(.unicodeNormalization, origin)
      }
      if scalarIndex > 0 { output.append("\n") }
      output.append(normalized)
      scalarIndex += count + 1
    }
    return output
  }
}
