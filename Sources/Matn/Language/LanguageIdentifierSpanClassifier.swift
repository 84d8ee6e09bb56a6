#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decides the language of Arabic-script spans for the normaliser with the language
/// identifier, among the Arabic-script languages it knows (Persian, Arabic, Urdu,
/// Pashto, Sorani), reading them without the spelling variants the normaliser rewrites
/// (``LanguageIdentifier/init(languages:ignoresSpellingVariants:)``), so that a span
/// gets the same answer before and after normalisation and Persian typed on an Arabic
/// keyboard is still Persian.
///
/// The default classifier (``LetterStatisticsClassifier``) asks
/// ``classify(_:otherwise:)`` about the spans its letter statistics leave undecided.
/// Used alone as the normaliser's span classifier (``classify(_:)``), it leaves spans
/// without letters, or whose best guess is below `minimumConfidence`, undecided (the
/// document's majority decides).
public struct LanguageIdentifierSpanClassifier: ArabicScriptSpanClassifier {
  /// Built on first use: a normaliser that never meets an undecided span never loads
  /// the model.
  private static let identifier = LanguageIdentifier(
    languages: Set(ArabicScriptLanguage.allCases.map(\.rawValue)), ignoresSpellingVariants: true)
  /// The confidence below which a span stays undecided (``classify(_:)``).
  public var minimumConfidence: Double
  /// How much likelier (natural log) a span must be in another language than in the
  /// document's for ``classify(_:otherwise:)`` to take it out of the document's language.
  /// The default, 10.5 nats, is the middle of the range that decides every span of four
  /// words or more the letter statistics leave undecided right, measured on the model
  /// in eighths of a nat: in the 750 Fars articles, the Persian span with an Arabic name
  /// «جيش محمد و يا» reads 9.2 nats likelier Arabic and the one Arabic quotation there,
  /// «انا لله و انا اليه راجعون», 11.6; of the undecided clauses of every tenth
  /// PersoArabicLID sentence (the tenth the word evidence is not learnt from), no Persian
  /// one reads above −1.6 and 1,104 of 1,122 Arabic ones above 10.5 (12, the constant
  /// set by hand before, kept 1,099 and lost the quotation when the scores went from
  /// quarters to eighths of a nat).
  public var minimumEvidence: Double
  /// How many words one clause of a span (cut at clause punctuation: . ! ? ؟ ; ؛ , ، :
  /// … ۔ and brackets) needs for ``classify(_:otherwise:)`` to take the span out of the
  /// document's language: a quotation, not a name or a list of names and titles.
  /// (Arabic and foreign names in Persian text, «بينظير بوتو», «مارتين اسكورسيزي», and a
  /// Persian footnote citing an Arabic book, «شيخ حر عاملي، وسائل الشيعه، ج15»,
  /// read as likelier Arabic, but they are Persian text and take Persian spelling.)
  public var minimumWords: Int

  public init(minimumConfidence: Double = 0.9, minimumEvidence: Double = 10.5, minimumWords: Int = 4) {
    self.minimumConfidence = minimumConfidence
    self.minimumEvidence = minimumEvidence
    self.minimumWords = minimumWords
  }

  public func classify(_ span: String) -> ArabicScriptLanguage? {
    let guess = Self.identifier.identify(span)
    guard guess.confidence >= minimumConfidence else { return nil }
    return ArabicScriptLanguage(rawValue: guess.language)
  }

  /// Persian against Arabic, for ``classify(_:otherwise:)``.
  private static let persianOrArabic = LanguageIdentifier(languages: ["fa", "ar"], ignoresSpellingVariants: true)

  /// The language of a span in a document whose Arabic-script text is mostly in
  /// `documentLanguage` (Persian or Arabic): the other of the two only when the span has
  /// a clause of ``minimumWords`` words or more and its letters are at least
  /// e^``minimumEvidence`` times likelier in it (no speaker prior: the document is the
  /// prior). Words Persian
  /// and Arabic share, and names, stay in the document's language; a verse of the Quran
  /// or «انا لله و انا اليه راجعون» in a Persian article is Arabic. Urdu, Pashto and
  /// Sorani are told by their letters (the letter statistics), not here; in a document in
  /// one of them a span keeps the document's language. (The normaliser asks only about
  /// spans in Persian documents.)
  public func classify(_ span: String, otherwise documentLanguage: ArabicScriptLanguage) -> ArabicScriptLanguage {
    guard documentLanguage == .persian || documentLanguage == .arabic else { return documentLanguage }
    // Words as the model reads them (a lone tatweel or mark is no word).
    let letters = Self.persianOrArabic.letters(of: span)
    guard letters.spellingFolded(arabic: false).wordEnds.count >= minimumWords else { return documentLanguage }
    let guess = Self.persianOrArabic.identify(letters, prior: false)
    guard guess.language != documentLanguage.rawValue, let best = ArabicScriptLanguage(rawValue: guess.language)
    else { return documentLanguage }
    // The document's language among the runners-up (absent: far behind).
    if let other = guess.alternatives.first(where: { $0.language == documentLanguage.rawValue }),
      log(guess.confidence / other.confidence) < minimumEvidence
    {
      return documentLanguage
    }
    return hasClause(ofWords: minimumWords, span) ? best : documentLanguage
  }

  /// The same for a span of the text being normalised: a span with fewer than
  /// ``minimumWords`` words as the model reads them (most spans the letter statistics
  /// leave undecided: a name, a dateline, a headline of two words) keeps the document's
  /// language without its text being built and read (``TextLetters/wordCountBound(_:)``).
  public func classify(_ span: ArabicScriptSpan, otherwise documentLanguage: ArabicScriptLanguage)
    -> ArabicScriptLanguage
  {
    guard documentLanguage == .persian || documentLanguage == .arabic else { return documentLanguage }
    let bound = span.buffer.scalars.withUnsafeBufferPointer {
      TextLetters.wordCountBound(UnsafeBufferPointer(rebasing: $0[span.range]))
    }
    if let bound, bound < minimumWords { return documentLanguage }
    return classify(span.text, otherwise: documentLanguage)
  }

  /// Whether a clause of `span` (cut at the marks segmentation cuts clauses at) has
  /// `count` words or more, as the model reads words. Asked only of a span about to
  /// leave the document's language.
  private func hasClause(ofWords count: Int, _ span: String) -> Bool {
    var clause = String.UnicodeScalarView()
    func enough() -> Bool {
      defer { clause.removeAll(keepingCapacity: true) }
      return Self.persianOrArabic.letters(of: String(clause)).spellingFolded(arabic: false).wordEnds.count >= count
    }
    for v in span.unicodeScalars {
      if StageScan.isClauseMark(v.value) {
        if enough() { return true }
      } else {
        clause.append(v)
      }
    }
    return enough()
  }
}
