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
    /// Words no Persian rule touches (a house style's: a brand, a name spelled its own
    /// way), each an Arabic-script word matched exactly, scalar for scalar, after cleanup
    /// (presentation forms and invisibles are cleaned first). Latin words, URLs and
    /// numbers are never touched anyway.
    public var protectedWords: Set<String> = [] {
      didSet { protectedWordKeys = protectedWords.isEmpty ? nil : WordSet(protectedWords.map { WordSet.key($0) }) }
    }
    /// ``protectedWords`` as keys, made once when they are set.
    var protectedWordKeys: WordSet?
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
    /// With ``affixJoining``: the user's compounds, added to the shipped list (derived from
    /// hazm, Resources/Orthography). Each is written with ZWNJ or a space between its
    /// parts («به‌عنوان», «خوش آمد»; Arabic ي ك read as ی ک); typed glued it gets its ZWNJs,
    /// and a two-part one typed with a space is joined too («به عنوان» → «به‌عنوان»).
    public var compounds: [String] = []
    /// With ``affixJoining``: words typed glued to their affix get their ZWNJ too
    /// (میکنند → می‌کنند, رسانهها → رسانه‌ها, خانهای → خانه‌ای, بزرگترین → بزرگ‌ترین).
    public var splitsGluedAffixes = true
    /// With ``splitsGluedAffixes``: the least probability (0…1) at which a glued word gets
    /// a half-space its glued spelling could do without (a plural, تر/ترین, a compound),
    /// as ``SplitConfidence`` estimates it from the text. 0 makes every such split, 1
    /// none; glued «می» verbs and affixes after a silent ه are split either way.
    public var halfSpaceConfidence = SplitConfidence.defaultProbability
    /// How the ezafe after silent ه is written (Persian spans): «خانهٔ ما» (``EzafeStyle/hamza``,
    /// ISIRI 6219 and the Academy, the default), «خانه‌ی ما» (``EzafeStyle/yeh``), or as
    /// typed (the `display` profile). The `index` profile always writes ``EzafeStyle/hamza``
    /// before folding, so every spelling gives one key.
    public var ezafeStyle = EzafeStyle.hamza
    /// Persian punctuation, spacing and guillemets (Persian spans).
    public var persianPunctuation = true
    /// Index profile: fold hamza seats (أ إ آ ٱ ؤ ئ ۀ ة) in search keys.
    public var foldHamzaSeats = true
    /// The Unicode normalization form applied last.
    public var unicodeForm: Normalizer.Form = .nfc
    /// Record the original UTF-8 range of every change (costs memory and time).
    public var recordsRanges = false
    /// Decides the language of Arabic-script spans.
    public var spanClassifier: any ArabicScriptSpanClassifier = LetterStatisticsClassifier()
    /// The language of Arabic-script spans without enough evidence when the document
    /// has no decided span either.
    public var defaultArabicScriptLanguage: ArabicScriptLanguage = .persian
    /// A text longer than this many UTF-8 bytes is normalised in segments of about this
    /// size, cut where no rule looks across (see ``TextNormalizer/segments(of:every:)``),
    /// so that working memory stays bounded on one huge line. Not with ``recordsRanges``.
    var segmentBytes = 1 << 18

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
        ezafeStyle = .asTyped
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
    self.init(
      profile: profile, options: options,
      compounds: options.compounds.isEmpty ? nil : Compounds.shared.adding(options.compounds))
  }

  private init(profile: Profile, options: Options, compounds: Compounds?) {
    self.profile = profile
    self.options = options
    self.userCompounds = compounds
  }

  /// The shipped compounds and ``Options/compounds``, built once; nil without a user's
  /// compounds, so that the shipped table is built on the first Persian span only, not
  /// by every normaliser (start-up of a process that meets no Persian text).
  private let userCompounds: Compounds?

  /// Normalises `text`.
  public func normalize(_ text: String) -> NormalizedText {
    var recorder = ChangeRecorder(recordsRanges: options.recordsRanges)
    var votes = SpanVotes()
    return settle(canonical(text, &recorder, votes: &votes), &recorder)
  }

  /// Normalises a part of a larger text without copying it first (the article
  /// parser's blocks: one may be nearly all of a huge file), with `documentLanguage`
  /// for Arabic-script spans without evidence when the part has no decided span
  /// (nil: ``Options/defaultArabicScriptLanguage``). Returns what the part's spans said
  /// about its language, for the caller to sum over the document.
  func normalize(_ text: Substring, documentLanguage: ArabicScriptLanguage? = nil) -> (NormalizedText, SpanVotes) {
    if let documentLanguage, documentLanguage != options.defaultArabicScriptLanguage {
      var options = self.options
      options.defaultArabicScriptLanguage = documentLanguage
      return TextNormalizer(profile: profile, options: options, compounds: userCompounds).normalize(text)
    }
    var recorder = ChangeRecorder(recordsRanges: options.recordsRanges)
    var votes = SpanVotes()
    var text = text
    let first = text.withUTF8 { canonical(utf8: $0, &recorder, votes: &votes) }
    return (settle(first, &recorder), votes)
  }

  /// The rounds a compatibility form and the index profile need after the first.
  func settle(_ first: String, _ recorder: inout ChangeRecorder) -> NormalizedText {
    var result = first
    if options.unicodeForm.isCompatibility && recorder.count(of: .unicodeNormalization) > 0 {
      // A compatibility form can expose what the earlier stages change (U+0678 ٸ is
      // Arabic ي plus a high hamza under NFKC): settle it with more rounds. Their
      // changes lie in lines already reported as changed by the Unicode form.
      for _ in 0..<3 {
        var scratch = ChangeRecorder(recordsRanges: false)
        var votes = SpanVotes()
        let again = canonical(result, &scratch, votes: &votes)
        if again == result { break }
        result = again
      }
    }
    if profile == .index { result = searchKey(ofCanonical: result) }
    return NormalizedText(text: result, report: recorder.report)
  }

  /// The search key of `text` that this normaliser's canonical stages produced already
  /// (the `article` stages of an `index` normaliser): the fold, then rounds until the
  /// key is its own key. Folding can expose more to canonicalise (a mark-only line,
  /// Arabic ي turned ی); a second round settles it in practice, the bound guards the
  /// worst case. A key of ASCII alone needs no round: the first canonical pass left
  /// its spaces, lines and punctuation canonical, and folding only lowered its case.
  /// Nor does a round whose canonical stages leave the key as it is: the fold of a
  /// key is the key (`SearchKeyTests` checks it), so folding it again is skipped.
  func searchKey(ofCanonical text: String) -> String {
    var result = SearchKey.fold(text, foldHamzaSeats: options.foldHamzaSeats)
    if result.utf8.allSatisfy({ $0 < 0x80 }) { return result }
    for _ in 0..<3 {
      var scratch = ChangeRecorder(recordsRanges: false)
      var votes = SpanVotes()
      let canonicalized = canonical(result, &scratch, votes: &votes)
      if canonicalized == result { break }
      let again = SearchKey.fold(canonicalized, foldHamzaSeats: options.foldHamzaSeats)
      if again == result { break }
      result = again
    }
    return result
  }

  /// The canonical-text pipeline (every profile's stages but the index fold).
  /// (`votes`: what the spans said about the text's language.)
  private func canonical(_ text: String, _ recorder: inout ChangeRecorder, votes: inout SpanVotes) -> String {
    var storage = text
    return storage.withUTF8 { canonical(utf8: $0, original: text, &recorder, votes: &votes) }
  }

  /// The same over valid UTF-8 (`original`: the String of those bytes, if the caller
  /// has one: the text when no stage changes it).
  func canonical(
    utf8: UnsafeBufferPointer<UInt8>, original: String? = nil, _ recorder: inout ChangeRecorder,
    votes: inout SpanVotes
  ) -> String {
    if !options.recordsRanges && utf8.count > options.segmentBytes {
      let cuts = Self.segments(of: utf8, every: options.segmentBytes)
      if cuts.count > 2 { return canonical(utf8, cuts: cuts, &recorder, votes: &votes) }
    }
    let buffer = orthography(
      cleaned(TextBuffer(utf8: utf8, trackOrigins: options.recordsRanges, table: StageTable.shared), &recorder),
      &recorder, votes: &votes)
    return UnicodeForm(form: options.unicodeForm).apply(Self.text(of: buffer, utf8, original), buffer, &recorder)
  }

  /// The text of `buffer` decoded from `utf8`: written anew from its scalars when a stage
  /// changed them, else the input itself (`original`, or a copy of the bytes, which are
  /// valid UTF-8 and need no check).
  private static func text(of buffer: TextBuffer, _ utf8: UnsafeBufferPointer<UInt8>, _ original: String?) -> String {
    if buffer.edited { return buffer.string }
    return original ?? TextBuffer.string(unchecked: utf8)
  }

  /// ``canonical(_:_:)`` one segment at a time, `cuts` (byte offsets, from 0 to the
  /// end) apart: a first pass cleans each segment and counts the language votes of its
  /// spans, the second normalises each cleaned segment with the document's language,
  /// appending its text. The result is the same as in one piece; only one segment's
  /// buffers exist at once. Cleanup runs once: a segment it changed is kept between the
  /// passes as its UTF-8 (at most about the input's size in all), one it left alone is
  /// decoded again from the input.
  private func canonical(
    _ utf8: UnsafeBufferPointer<UInt8>, cuts: [Int], _ recorder: inout ChangeRecorder, votes: inout SpanVotes
  ) -> String {
    func segment(_ k: Int) -> TextBuffer {
      TextBuffer(utf8: UnsafeBufferPointer(rebasing: utf8[cuts[k]..<cuts[k + 1]]), trackOrigins: false, table: StageTable.shared)
    }
    let segmentation = self.segmentation
    var hasSpans = false
    // Each segment's span decisions, kept for the second pass (a few bytes per span),
    // and its cleaned text when cleanup changed it. Cleanup's changes are recorded here,
    // in segment order as the second pass would.
    var known: [SpanDecisions] = []
    var cleanedTexts: [String?] = []
    known.reserveCapacity(cuts.count - 1)
    cleanedTexts.reserveCapacity(cuts.count - 1)
    for k in 0..<cuts.count - 1 {
      recorder.utf8Base = cuts[k]
      let buffer = cleaned(segment(k), &recorder)
      let decisions = segmentation.decisions(buffer, votes: &votes.counts)
      if !decisions.languages.isEmpty { hasSpans = true }
      known.append(decisions)
      cleanedTexts.append(buffer.edited ? buffer.string : nil)
    }
    votes.tookDefault = hasSpans && votes.isEmpty
    votes.hasSpans = hasSpans
    let prior = segmentation.prior(votes.counts)
    var out = ""
    // Normalising seldom lengthens text: room for 1/32 more, not a doubling later.
    out.reserveCapacity(utf8.count + utf8.count / 32)
    let form = UnicodeForm(form: options.unicodeForm)
    var lineChanged = false
    var evidence = SplitConfidence.Evidence()
    for k in 0..<cuts.count - 1 {
      recorder.utf8Base = cuts[k]
      var unused = SpanVotes()
      var input: TextBuffer
      if let text = cleanedTexts[k] {
        input = TextBuffer(text, trackOrigins: false, table: StageTable.shared)
        input.markEdited()
        cleanedTexts[k] = nil
      } else {
        input = segment(k)
      }
      let buffer = orthography(input, prior: prior, known: known[k], &recorder, votes: &unused, evidence: &evidence)
      let text = Self.text(of: buffer, UnsafeBufferPointer(rebasing: utf8[cuts[k]..<cuts[k + 1]]), nil)
      out += form.apply(text, buffer, &recorder, lineChanged: &lineChanged, final: k == cuts.count - 2)
    }
    recorder.utf8Base = 0
    return out
  }

  private var segmentation: Segmentation {
    Segmentation(
      classifier: options.spanClassifier, defaultLanguage: options.defaultArabicScriptLanguage,
      protectedWords: options.protectedWordKeys)
  }

  /// Cleanup and spacing.
  func cleaned(_ buffer: TextBuffer, _ recorder: inout ChangeRecorder) -> TextBuffer {
    let buffer = Cleanup(
      options: .init(
        spaceSeparators: options.spaceSeparators, tabs: options.tabs, presentationForms: options.presentationForms)
    ).apply(buffer, &recorder)
    return Whitespace().apply(buffer, &recorder)
  }

  /// Segmentation and the orthography stages (`prior`: the document's language of
  /// undecided spans, when `buffer` is a segment of it; `known`: its spans' decisions
  /// from the first pass).
  func orthography(
    _ buffer: TextBuffer, prior: ArabicScriptLanguage? = nil, known: SpanDecisions? = nil,
    _ recorder: inout ChangeRecorder, votes: inout SpanVotes
  ) -> TextBuffer {
    var evidence = SplitConfidence.Evidence()
    return orthography(buffer, prior: prior, known: known, &recorder, votes: &votes, evidence: &evidence)
  }

  /// The same, `evidence` what the text before `buffer` showed of its half-spaces (a long
  /// text's segments pass it on, see ``SplitConfidence``).
  private func orthography(
    _ buffer: TextBuffer, prior: ArabicScriptLanguage?, known: SpanDecisions?,
    _ recorder: inout ChangeRecorder, votes: inout SpanVotes, evidence: inout SplitConfidence.Evidence
  ) -> TextBuffer {
    var buffer = buffer
    recorder.spacingDisturbed = false
    let spans = segmentation.apply(&buffer, prior: prior, known: known)
    votes.add(spans)
    buffer = PersianLetters(
      options: .init(
        letters: options.persianLetters, digits: options.persianDigits, tatweel: options.removeTatweel,
        diacritics: options.removeDiacritics, repeatedLetters: options.collapseRepeatedLetters,
        zwnj: options.zwnjHygiene)
    ).apply(buffer, &recorder)
    // Search keys: one spelling of the ezafe, whatever the options say.
    let ezafe = profile == .index ? .hamza : options.ezafeStyle
    // Affixes, compounds, ezafe and punctuation act on Persian spans only: a text with
    // no Arabic-script span skips them and never loads their lexicons.
    if spans.hasSpans && (options.affixJoining || ezafe != .asTyped) {
      AffixJoiner(
        lexicon: .shared, compounds: userCompounds ?? .shared, joins: options.affixJoining, splitsGlued: options.splitsGluedAffixes,
        ezafe: ezafe, cutOff: SplitConfidence.logit(options.halfSpaceConfidence),
        remembersQuietTokens: userCompounds == nil
      ).apply(&buffer, &recorder, &evidence)
    }
    if spans.hasSpans && options.persianPunctuation {
      buffer = PersianPunctuation().apply(buffer, &recorder)
    }
    // Spacing again only where orthography deleted a whole word between spaces.
    if recorder.spacingDisturbed { buffer = Whitespace().apply(buffer, &recorder) }
    return buffer
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

  private static let notNFCSimple = ScalarScan.Stops(stop: StageScan.notNFCSimple)

  func apply(_ text: String, _ buffer: TextBuffer, _ report: inout ChangeRecorder) -> String {
    var lineChanged = false
    return apply(text, buffer, &report, lineChanged: &lineChanged, final: true)
  }

  /// The same for one segment of a text: `lineChanged` says whether the line the
  /// segment starts in had changed in the segments before (and is set for the next one
  /// unless `final`), so that a line cut into segments is counted once.
  func apply(
    _ text: String, _ buffer: TextBuffer, _ report: inout ChangeRecorder, lineChanged: inout Bool, final: Bool
  ) -> String {
    // A text whose every scalar is simple in NFC (no ``StageScan/notNFCSimple`` bit in
    // the stage table's bits) is in NFC as it stands: its UTF-8 need not be read again.
    let inForm =
      form == .nfc && buffer.table.isSame(as: StageTable.shared)
      && buffer.next(from: 0, Self.notNFCSimple) == buffer.count
    let normalized = inForm ? text : Normalizer.shared(form).normalize(text)
    var before = text, after = normalized
    // Same storage: the text was already in this form.
    let same = before.withUTF8 { a in after.withUTF8 { b in a.baseAddress == b.baseAddress && a.count == b.count } }
    if same {
      // Only a line changed in an earlier segment may need counting: once it ends.
      if lineChanged && (final || text.utf8.contains(0x0A)) {
        report.record(.unicodeNormalization, 0..<0)
        lineChanged = false
      }
      return normalized
    }
    // Every form keeps line feeds, so lines correspond one to one: compare bytes.
    before.withUTF8 { a in
      after.withUTF8 { b in
        var i = 0, j = 0, scalar = 0
        while i <= a.count {
          if i > 0 || !lineChanged {
            // Lines that are byte for byte the same are skipped in one go: up to the line
            // that holds the next difference (the form changes a few code points of a
            // long text, not every line).
            let common = Self.commonPrefix(a, from: i, b, from: j)
            var lineStart = i + common
            while lineStart > i && a[lineStart - 1] != 0x0A { lineStart -= 1 }
            if lineStart > i {
              if buffer.origins != nil {
                for k in i..<lineStart where a[k] & 0xC0 != 0x80 { scalar += 1 }
              }
              j += lineStart - i
              i = lineStart
            }
          }
          var iEnd = i
          var lineScalars = 0
          while iEnd < a.count && a[iEnd] != 0x0A {
            if a[iEnd] & 0xC0 != 0x80 { lineScalars += 1 }
            iEnd += 1
          }
          var jEnd = j
          while jEnd < b.count && b[jEnd] != 0x0A { jEnd += 1 }
          var changed =
            iEnd - i != jEnd - j
            || !UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(a)[i..<iEnd])
              .elementsEqual(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(b)[j..<jEnd]))
          if i == 0 {
            changed = changed || lineChanged
            lineChanged = false
          }
          if iEnd == a.count && !final {
            // The line goes on in the next segment.
            lineChanged = changed
            break
          }
          if changed {
            var origin: Range<Int32> = 0..<0
            if let origins = buffer.origins, lineScalars > 0, scalar + lineScalars <= origins.count {
              origin = origins[scalar].lowerBound..<origins[scalar + lineScalars - 1].upperBound
            }
            report.record(.unicodeNormalization, origin)
          }
          scalar += lineScalars + 1
          i = iEnd + 1
          j = jEnd + 1
        }
      }
    }
    return normalized
  }
}

extension UnicodeForm {
  /// How many bytes of `a` from `i` equal those of `b` from `j` (eight at a time).
  static func commonPrefix(_ a: UnsafeBufferPointer<UInt8>, from i: Int, _ b: UnsafeBufferPointer<UInt8>, from j: Int) -> Int {
    let n = min(a.count - i, b.count - j)
    guard n > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
    let ra = UnsafeRawPointer(pa + i), rb = UnsafeRawPointer(pb + j)
    var k = 0
    while k + 8 <= n && ra.loadUnaligned(fromByteOffset: k, as: UInt64.self) == rb.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
      k += 8
    }
    while k < n && pa[i + k] == pb[j + k] { k += 1 }
    return k
  }
}

extension Normalizer.Form {
  /// Whether the form maps compatibility characters (NFKC, NFKD, NFKC_Casefold).
  var isCompatibility: Bool { self == .nfkc || self == .nfkd || self == .nfkcCasefold }
}
