import MatnICU
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns the text of one raw article file into an ``Article``.
///
/// ```swift
/// let decoded = try DecodedText(bytes: bytes)
/// let article = ArticleParser().parse(decoded, id: "raw-article", path: "raw-article.txt", byteCount: bytes.count)
/// article.title              // "Iran Seeks to Strengthen Relations with Russia"
/// article.credits.map(\.kind) // [.photo]
/// ```
///
/// The passes, each with one job:
/// 1. **Layout** (``ArticleLayout``): lines, and paragraphs that the source ran
///    together in one line (cut at no-break-space gaps after a sentence end).
/// 2. **Normalisation** of each block with ``TextNormalizer`` (the `article`
///    profile by default); the changes are counted in the report.
/// 3. **Duplicates**: a line that ends with (or starts with) a later line is cut
///    there, then paragraphs and sentences the scraper repeated are removed and
///    counted.
/// 4. **Roles**: title, dateline, byline, credits (photo, source, editor initials,
///    licence — also when glued to the last paragraph), boilerplate (site credits,
///    end markers, navigation, share lines, lines repeated across a site's files,
///    a short footer in another script).
/// 5. **Annotation**: the language and scripts of each paragraph, the document's
///    languages, person names with index keys. A paragraph's language is decided
///    once: in a Persian article, the normaliser's decision carried with the paragraph
///    (``Piece/spans``) when it is Persian throughout; otherwise the identifier's.
///
/// - Complexity: O(*n*) in the text, except the duplicate search, which compares
///   each block with the blocks after it: O(*b*²) block comparisons of O(1) cost
///   (a hash), plus suffix checks bounded by the block sizes.
/// - Thread safety: a `Sendable` value; `parse` may run on any number of threads at once.
public struct ArticleParser: Sendable {
  /// Parser settings.
  public struct Options: Sendable {
    /// The normaliser's profile for every piece of text (default `article`).
    public var profile: TextNormalizer.Profile = .article
    /// A house style over the profile's choices (ezafe, digits, words never touched).
    public var houseStyle: HouseStyle?
    /// Lines known to repeat across a site's files (from a batch's first pass).
    public var siteBoilerplate: SiteBoilerplate?
    /// Languages the identifier may answer (nil: all it knows).
    public var languages: Set<String>?
    /// How many bytes of each paragraph the language identifier reads (a sentence or
    /// two is as good as the whole paragraph, and much cheaper). After the first
    /// paragraphs, five eighths of it are read first, and that answer is kept when it is
    /// the article's usual language with confidence 0.99 or more, or when the paragraph
    /// fits in it. (A paragraph of a Persian article that the normaliser decided Persian
    /// throughout is not read: ``settledPersian(_:_:)``.)
    public var languageSampleBytes = 160
    /// Whether to extract person names.
    public var extractsNames = true
    /// A title given by the caller (a JSON Lines record's `title`); the text's own
    /// first line is then body, unless it repeats the given title.
    public var givenTitle: String?
    /// For tests: every text the language identifier is asked about, in order.
    package var identified: IdentifiedTexts?
    /// For tests: whether a paragraph the normaliser decided Persian keeps that
    /// decision (``settledPersian(_:_:)``); without it the identifier decides every
    /// paragraph, as it did before the decision was reused.
    package var reusesSpanDecisions = true

    public init() {}
  }

  /// The texts a parser asked the language identifier about (a test's witness that a
  /// paragraph's language is decided once).
  package final class IdentifiedTexts: Sendable {
    private let texts = Mutex<[String]>([])
    package init() {}
    package var all: [String] { texts.withLock { $0 } }
    func append(_ text: String) { texts.withLock { $0.append(text) } }
  }

  public let options: Options
  private let normalizer: TextNormalizer
  private let identifier: LanguageIdentifier

  public init(options: Options = Options()) {
    self.options = options
    var normalizerOptions = TextNormalizer.Options(profile: options.profile)
    options.houseStyle?.apply(to: &normalizerOptions)
    self.normalizer = TextNormalizer(profile: options.profile, options: normalizerOptions)
    self.identifier = options.languages.map { LanguageIdentifier(languages: $0) } ?? .default
  }

  /// Parses decoded text; `path` and `byteCount` describe the source.
  public func parse(_ decoded: DecodedText, id: String, path: String? = nil, byteCount: Int? = nil) -> Article {
    let source = Article.Source(
      path: path, encoding: decoded.encoding.rawValue, bytes: byteCount ?? decoded.string.utf8.count,
      repairs: decoded.repairs.map(\.description))
    var article = parse(decoded.string, id: id, source: source)
    // A removed byte order mark changes no text: it stays in `source.repairs` alone.
    let changed = decoded.repairs.filter { if case .byteOrderMark = $0 { false } else { true } }
    article.report.warnings.insert(contentsOf: changed.map(Article.Warning.decoding), at: 0)
    return article
  }

  /// Parses `text` (already decoded). When `source` is nil the text is described as
  /// UTF-8 of its own length.
  public func parse(_ text: String, id: String, source: Article.Source? = nil) -> Article {
    var report = Article.Report()
    let layout = ArticleLayout.blocks(of: text)
    report.splitParagraphs = layout.splits

    // Normalise each block; remember where it came from.
    var normalized: [NormalizedText] = []
    normalized.reserveCapacity(layout.blocks.count)
    var votes = SpanVotes()
    var tookDefault: [Int] = []  // blocks whose Arabic-script spans had no evidence
    var spanLanguages: [ArabicScriptLanguage?] = []  // what each block's decided spans agreed on
    spanLanguages.reserveCapacity(layout.blocks.count)
    for (k, block) in layout.blocks.enumerated() {
      let (text, blockVotes) = normalizer.normalize(block.text)
      votes.add(blockVotes)
      if blockVotes.tookDefault { tookDefault.append(k) }
      normalized.append(text)
      spanLanguages.append(Self.agreed(blockVotes))
    }
    // A block without evidence of its own (a headline that is a name, a short caption)
    // takes the article's language, as the spans of one block take the block's.
    let articleLanguage = Segmentation(
      classifier: normalizer.options.spanClassifier, defaultLanguage: normalizer.options.defaultArabicScriptLanguage
    ).prior(votes.counts)
    if articleLanguage != normalizer.options.defaultArabicScriptLanguage {
      for k in tookDefault {
        normalized[k] = normalizer.normalize(layout.blocks[k].text, documentLanguage: articleLanguage).0
      }
    }
    var pieces: [Piece] = []
    pieces.reserveCapacity(layout.blocks.count)
    for (k, (block, text)) in zip(layout.blocks, normalized).enumerated() {
      merge(text.report, into: &report)
      let clean = Self.string(ArticleLayout.trimmed(text.text[...]))
      guard !clean.isEmpty else { continue }
      pieces.append(Piece(text: clean, line: block.line, spans: spanLanguages[k]))
    }
    normalized = []  // a huge block's normalised text is not held beside its piece
    if let longest = layout.blocks.map({ $0.text.utf8.count }).max(), longest > 1 << 20 {
      report.warnings.append(.longLine(bytes: longest))
    }

    var assembly = Assembly(
      id: id,
      source: source ?? Article.Source(encoding: "UTF-8", bytes: text.utf8.count),
      report: report, spanLanguage: votes.isEmpty ? nil : articleLanguage)
    // One sentence iterator per parse (ICU's root rules: its English abbreviation
    // suppression, `en@ss=standard`, also swallows real breaks after capitalised words,
    // "…in IRENEX. EF/MA All…").
    let sentences = try? BreakIterator(.sentence)
    let deduplicated = ArticleDuplicates.remove(from: pieces, sentences: sentences, report: &assembly.report)
    assignRoles(deduplicated, sentences: sentences, to: &assembly)
    return annotate(assembly)
  }

  // MARK: - Roles

  /// A paragraph (or line) on its way to a role, with what the normaliser decided about it.
  struct Piece: Sendable, Hashable {
    var text: String
    var line: Int
    /// The language the normaliser's letter statistics decided every decided
    /// Arabic-script span of the piece's block in (nil: none decided, or they
    /// disagreed). A piece is its block or a part of it (a dateline, a credit or a
    /// repeated sentence cut off), so what holds for each span of the block holds for
    /// the piece's.
    var spans: ArabicScriptLanguage? = nil
  }

  /// The one language of the decided spans `votes` counts (nil when none was decided
  /// or they disagree).
  static func agreed(_ votes: SpanVotes) -> ArabicScriptLanguage? {
    let decided = votes.counts.indices.filter { votes.counts[$0] > 0 }
    guard decided.count == 1 else { return nil }
    return ArabicScriptLanguage.allCases[decided[0]]
  }

  /// An article being put together.
  struct Assembly {
    var id: String
    var source: Article.Source
    var report: Article.Report
    /// The language most of the article's decided Arabic-script spans were decided in
    /// (nil: none was decided).
    var spanLanguage: ArabicScriptLanguage?
    var title: String?
    var titleSource: Article.TitleSource?
    var titleTruncated: Bool?
    var dateline: Article.Dateline?
    var published: Article.Published?
    var byline: String?
    var body: [Piece] = []
    var credits: [Article.Credit] = []
    var boilerplate: [(text: String, reason: Article.Boilerplate.Reason)] = []
  }

  private func assignRoles(_ pieces: [Piece], sentences: BreakIterator?, to article: inout Assembly) {
    let rules = LineRules.shared
    var rest = pieces[...]

    // Lines the site repeats in many files (headers, footers), before the title: a
    // site's header is not the title. Credits, bylines and datelines keep their own role
    // («خبرگزاری فارس:» alone on its line opens many of a site's files).
    if let site = options.siteBoilerplate {
      rest.removeAll { piece in
        guard let count = site.count(of: piece.text), creditRoles(of: piece.text, rules: rules) == nil,
          rules.role(of: piece.text[...]) != .byline, !Self.isDatelineLine(piece.text)
        else { return false }
        article.boilerplate.append((piece.text, .siteRepeated(count: count, files: site.files)))
        return true
      }
    }

    // Title: a given one, or a first line that reads as a headline (a line that opens
    // with a dateline is body), or the file name's words.
    if let given = options.givenTitle, !given.isEmpty {
      article.title = given
      article.titleSource = .given
      if let first = rest.first, LineRules.fold(first.text[...]) == LineRules.fold(given[...]) { rest.removeFirst() }
    } else if let first = rest.first, rest.count > 1, Self.isHeadline(first.text), rules.role(of: first.text[...]) == nil,
      !DatelineTables.shared.isAgencyCredit(first.text), DatelineLead.prefix(of: first.text) == nil,
      DatelineLead.attribution(in: first.text) == nil
    {
      article.title = first.text
      article.titleSource = .text
      rest.removeFirst()
    } else if let path = article.source.path, let title = Self.title(fromFileName: path) {
      // The body's first line may restate the slug's headline with its punctuation.
      if let first = rest.first, rest.count > 1, Self.restates(first.text, slug: title) {
        article.title = first.text
        article.titleSource = .text
        rest.removeFirst()
      } else {
        article.title = title
        article.titleSource = .filename
        if Self.looksCut(title) { article.titleTruncated = true }
      }
    }

    findDateline(in: &rest, article: &article)

    var body: [Piece] = []
    for piece in rest {
      let role = rules.role(of: piece.text[...])
      if let roles = creditRoles(of: piece.text, role: role, rules: rules) {
        for (role, text) in roles.reversed() { record(role, text: text, in: &article) }
      } else if let role {
        record(role, text: piece.text, in: &article)
      } else {
        body.append(piece)
      }
    }

    // Credits glued to the end of the last paragraph ("… collision. HJ/MA All Content
    // by … License.").
    if var last = body.popLast() {
      var trailing: [(LineRole, String)] = []
      while let sentences, let (sentence, remainder) = Self.lastSentence(of: last.text, using: sentences) {
        guard let role = creditRoles(of: sentence, rules: rules) else { break }
        trailing.append(contentsOf: role)
        last.text = String(remainder)
      }
      if !last.text.isEmpty { body.append(last) }
      for (role, text) in trailing.reversed() { record(role, text: text, in: &article) }
    }

    // A short footer in another script, at the end of the body.
    if body.count > 1, let footer = body.last, let reason = Self.foreignFooter(footer.text, above: body.dropLast().map(\.text)[...]) {
      article.boilerplate.append((footer.text, reason))
      body.removeLast()
    }
    article.body = body
  }

  /// The dateline: among the first three lines, a line that is a date; a prefix that
  /// opens the first paragraph ("TEHRAN, Feb. 1 (MNA) – …", taken out of it); else a
  /// date that opens the first paragraph, which stays body; and a Persian attribution
  /// («خبرگزاری فارس:», «به گزارش خبرگزاری فارس از قزوین،») among the first three
  /// paragraphs, which stays in its sentence (alone on its line it is the dateline's
  /// line). A date that looked like one but was rejected (a two-digit year, a weekday
  /// that contradicts it) is a warning, never a guess.
  private func findDateline(in rest: inout ArraySlice<Piece>, article: inout Assembly) {
    var dateline: Article.Dateline?
    for (offset, piece) in rest.prefix(3).enumerated() {
      if piece.text.utf8.count <= Self.datelineBytes, let found = DateFinder.dateline(piece.text[...]), found.wholeLine {
        dateline = Article.Dateline(text: piece.text, date: found.date.text)
        let lead = DatelineLead.prefix(of: piece.text)
        dateline?.place = lead?.dateline.place
        dateline?.agency = lead?.dateline.agency
        article.published = Article.Published(found.date)
        rest.remove(at: rest.startIndex + offset)
        break
      }
    }
    if let first = rest.first, let lead = DatelineLead.prefix(of: first.text), let body = lead.rest {
      if var whole = dateline {
        whole.text += " " + lead.dateline.text
        whole.place = whole.place ?? lead.dateline.place
        whole.agency = whole.agency ?? lead.dateline.agency
        dateline = whole
      } else {
        dateline = lead.dateline
      }
      if article.published == nil, let found = DateFinder.dateline(lead.dateline.text[...]) {
        article.published = Article.Published(found.date)
      }
      if body.isEmpty {
        rest.removeFirst()
      } else {
        rest[rest.startIndex].text = String(body)
      }
    } else if dateline == nil, let first = rest.first,
      let found = DateFinder.dateline(Self.prefix(first.text, bytes: Self.datelineBytes))
    {
      dateline = Article.Dateline(text: found.date.text, date: found.date.text)
      article.published = Article.Published(found.date)
    }
    if dateline?.place == nil || dateline?.agency == nil {
      attribution(in: &rest, dateline: &dateline)
    }
    if dateline == nil {
      for piece in rest.prefix(3) where piece.text.utf8.count <= 160 {
        for rejected in DateFinder.scan(piece.text).rejected {
          article.report.warnings.append(.date(rejected))
        }
      }
    }
    article.dateline = dateline
  }

  /// Reads the Persian attributions among the first three paragraphs into `dateline`:
  /// the agency of the first that names one (the agency that ran the story: «خبرگزاری
  /// فارس:» before «به گزارش خبرگزاری فرانسه از بغداد،»), the place of the first that
  /// names one. The dateline's text is the first attribution as written (a line that is
  /// only an attribution is taken out of the body).
  private func attribution(in rest: inout ArraySlice<Piece>, dateline: inout Article.Dateline?) {
    var leads: [(offset: Int, lead: DatelineLead)] = []
    for (offset, piece) in rest.prefix(3).enumerated() {
      if let lead = DatelineLead.attribution(in: piece.text) { leads.append((offset, lead)) }
    }
    guard !leads.isEmpty else { return }
    let whole = leads.first { $0.lead.wholeLine }
    let placed = leads.first { $0.lead.dateline.place != nil }
    var result = dateline ?? leads[0].lead.dateline
    if let whole, whole.offset != leads[0].offset || dateline != nil { result.text += " " + whole.lead.dateline.text }
    result.place = result.place ?? placed?.lead.dateline.place
    result.agency = result.agency ?? leads.first { $0.lead.dateline.agency != nil }?.lead.dateline.agency
    dateline = result
    if let whole { rest.remove(at: rest.startIndex + whole.offset) }
  }

  /// Whether `text` is only a dateline ("TEHRAN –", «خبرگزاری فارس:»).
  static func isDatelineLine(_ text: String) -> Bool {
    guard text.utf8.count <= 80 else { return false }
    return DatelineLead.prefix(of: text)?.wholeLine ?? DatelineLead.attribution(in: text)?.wholeLine ?? false
  }

  /// The credits a block or a trailing sentence consists of, split at leading editor
  /// initials ("HJ/MA PHOTO: …" is an editor credit and a photo credit), last first;
  /// nil when it is not all credits.
  /// `role` is the text's role when the caller has it already.
  private func creditRoles(of text: String, role: LineRole?? = nil, rules: LineRules) -> [(LineRole, String)]? {
    if let (initials, rest) = EditorInitials.leading(text[...]) {
      if rest.isEmpty { return [(.credit(.editor), String(initials))] }
      guard let role = rules.role(of: rest), case .credit = role else { return nil }
      return [(role, String(rest)), (.credit(.editor), String(initials))]
    }
    if DatelineTables.shared.isAgencyCredit(text) { return [(.credit(.source), text)] }
    guard let role = role ?? rules.role(of: text[...]), case .credit = role else { return nil }
    return [(role, text)]
  }

  private func record(_ role: LineRole, text: String, in article: inout Assembly) {
    switch role {
    case .credit(let kind): article.credits.append(Article.Credit(kind: kind, text: text))
    case .boilerplate(let reason): article.boilerplate.append((text, reason))
    case .byline:
      if article.byline == nil {
        article.byline = Self.bylineName(text)
      } else {
        article.credits.append(Article.Credit(kind: .source, text: text))
      }
    }
  }

  /// A dateline is short: a whole-line dateline has at most this many bytes, and one that
  /// opens a paragraph lies within them.
  static let datelineBytes = 200

  /// The first `bytes` bytes of `text` or fewer, ending at a scalar boundary.
  static func prefix(_ text: String, bytes: Int) -> Substring {
    let utf8 = text.utf8
    guard utf8.count > bytes else { return text[...] }
    var end = utf8.index(utf8.startIndex, offsetBy: bytes)
    while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
    return text[..<end]
  }

  /// A headline: one line of at most 200 scalars and 35 words that does not end like
  /// a sentence (a question or exclamation mark or an ellipsis is allowed).
  static func isHeadline(_ text: String) -> Bool {
    guard text.unicodeScalars.count <= 200, let last = text.unicodeScalars.last,
      text.split(separator: " ").count <= 35
    else { return false }
    if text.hasSuffix("...") || last == "…" { return true }
    return ![".", ":", "؛", ";", ",", "،"].contains(last)
  }

  /// The byline's names without the label ("By Jane Doe" → "Jane Doe").
  static func bylineName(_ text: String) -> String {
    for separator in [":", "："] {
      if let colon = text.firstIndex(of: Character(separator)) {
        let rest = text[text.index(after: colon)...].trimmingSpaces
        if !rest.isEmpty { return String(rest) }
      }
    }
    let words = text.split(separator: " ")
    let labels: Set<String> = ["by", "written", "reporting", "به", "قلم", "گزارش", "از"]
    let name = words.drop { labels.contains($0.lowercased()) }
    return name.isEmpty ? text : name.joined(separator: " ")
  }

  /// The last sentence of `text` and what comes before it (not copied: most last
  /// sentences are no credit, and a huge paragraph is not copied to learn that), or nil
  /// for a text of one sentence that is not a credit-looking one.
  static func lastSentence(of text: String, using iterator: BreakIterator) -> (sentence: String, remainder: Substring)? {
    let bounds = iterator.boundaries(in: text)
    guard bounds.count >= 2 else { return nil }
    let cut = bounds[bounds.count - 2]
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: cut)
    let sentence = ArticleLayout.trimmed(text[start...])
    let remainder = ArticleLayout.trimmed(text[..<start])
    guard !sentence.isEmpty else { return nil }
    return (String(sentence), remainder)
  }

  /// A last line under 100 bytes whose script differs from the body's: a site footer
  /// in another language (a Persian web-design credit under an English article).
  static func foreignFooter(_ footer: String, above body: ArraySlice<String>) -> Article.Boilerplate.Reason? {
    guard footer.utf8.count < 100 else { return nil }
    let footerScript = ScriptRuns(footer).histogram.dominant
    // The body's script from its first 2,000 bytes: enough to know it, and cheap.
    var bodyHistogram = [Script: Int]()
    var budget = 2_000
    for paragraph in body where budget > 0 {
      let sample = prefix(paragraph, bytes: budget)
      budget -= sample.utf8.count
      for (script, count) in ScriptRuns(String(sample)).histogram.counts { bodyHistogram[script, default: 0] += count }
    }
    guard let bodyScript = ScriptHistogram(counts: bodyHistogram).dominant, let footerScript,
      footerScript != bodyScript
    else { return nil }
    return .foreignFooter(script: footerScript.name, under: bodyScript.name)
  }

  /// `text` normalised and trimmed, with the changes added to `report`.

  /// `text` as a String: its base itself when it is all of it (a block that is the
  /// whole file, one huge line perhaps, is not copied).
  static func string(_ text: Substring) -> String {
    text.startIndex == text.base.startIndex && text.endIndex == text.base.endIndex ? text.base : String(text)
  }

  private func merge(_ normalization: NormalizationReport, into report: inout Article.Report) {
    for (kind, count) in normalization.counts { report.changes[kind, default: 0] += count }
    report.bidiControls += normalization.bidiControlOffsets.count
  }

  // MARK: - Annotation

  private func annotate(_ assembly: Assembly) -> Article {
    var paragraphs: [Article.Paragraph] = []
    paragraphs.reserveCapacity(assembly.body.count)
    var letters: [String: Int] = [:]
    let histograms = assembly.body.map { ScriptHistogram($0.text) }
    let letterCounts = histograms.map(\.letterCount)
    // (Only when the identifier may answer Persian: a caller's language set is kept.)
    let persian =
      options.reusesSpanDecisions && identifier.languages.contains(ArabicScriptLanguage.persian.rawValue)
      && Self.isPersian(assembly, histograms: histograms)
    // The language most paragraphs so far were in: a short sample that confidently
    // agrees with it settles a paragraph; anything else gets the full sample.
    var usual: String?
    var counts: [String: Int] = [:]
    for (k, piece) in assembly.body.enumerated() {
      let text = piece.text
      let histogram = histograms[k]
      let language: String
      if persian && Self.settledPersian(piece, histogram) {
        language = ArabicScriptLanguage.persian.rawValue
      } else {
        var quick: LanguageGuess?
        if let usual {
          let sample = Self.sample(text, bytes: options.languageSampleBytes * 5 / 8)
          let short = identify(sample)
          // A paragraph the short sample holds whole has its answer, whatever it is.
          if short.language == usual && short.confidence >= 0.99 || sample.utf8.count == text.utf8.count { quick = short }
        }
        language = (quick ?? identify(Self.sample(text, bytes: options.languageSampleBytes))).language
      }
      counts[language, default: 0] += 1
      if language != "und" && counts[language, default: 0] >= counts[usual ?? "", default: 0] { usual = language }
      let scripts = histogram.ranked.map(\.script.code)
      paragraphs.append(Article.Paragraph(text: text, language: language, scripts: scripts))
      letters[language, default: 0] += letterCounts[k]
    }
    // The article's language as the prior of each paragraph: one in another language
    // whose words other than names read as the article's takes the article's, and so
    // does one read as Urdu (or another language with letters of its own) without any
    // of those letters in a Persian article (``givesWay``).
    if let language = letters.filter({ $0.key != "und" }).max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key {
      var pairs: [String: LanguageIdentifier] = [:]
      for k in paragraphs.indices where paragraphs[k].language != language && paragraphs[k].language != "und" {
        let own = paragraphs[k].language
        let pair = pairs[own] ?? LanguageIdentifier(languages: [own, language])
        pairs[own] = pair
        guard Self.givesWay(paragraphs[k].text, own: own, to: language, pair: pair, sampleBytes: options.languageSampleBytes * 4)
        else { continue }
        let count = letterCounts[k]
        letters[own, default: 0] -= count
        if letters[own] == 0 { letters[own] = nil }
        letters[language, default: 0] += count
        paragraphs[k].language = language
      }
    }
    let total = letters.values.reduce(0, +)
    let languages = letters.filter { $0.key != "und" || letters.count == 1 }
      .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .map { Article.LanguageShare(language: $0.key, share: total == 0 ? 0 : Self.rounded(Double($0.value) / Double(total))) }
    let boilerplate = assembly.boilerplate.map { item in
      Article.Boilerplate(text: item.text, reason: item.reason, language: identify(item.text).language)
    }
    var names: [ExtractedName] = []
    if options.extractsNames {
      // The body only: a title-cased headline makes every word look like a name.
      // (One paragraph, a huge line perhaps, is read as it is: no copy.)
      let text = assembly.body.count == 1 ? assembly.body[0].text : assembly.body.map(\.text).joined(separator: "\n\n")
      names = NameExtractor().names(in: text)
    }
    return Article(
      id: assembly.id, source: assembly.source, title: assembly.title, titleSource: assembly.titleSource,
      titleTruncated: assembly.titleTruncated, dateline: assembly.dateline, published: assembly.published, byline: assembly.byline,
      paragraphs: paragraphs, credits: assembly.credits, boilerplate: boilerplate, languages: languages,
      names: names, report: assembly.report)
  }

  /// The identifier's guess about `text` (logged when a test asks).
  private func identify(_ text: String) -> LanguageGuess {
    options.identified?.append(text)
    return identifier.identify(text)
  }

  /// Whether the article is Persian as the normaliser decided it: most of its decided
  /// Arabic-script spans were decided Persian, and most of its body's letters are in
  /// Arabic script.
  static func isPersian(_ assembly: Assembly, histograms: [ScriptHistogram]) -> Bool {
    guard assembly.spanLanguage == .persian else { return false }
    var arabic = 0
    var all = 0
    for histogram in histograms {
      arabic += histogram[.arabic]
      all += histogram.letterCount
    }
    return 2 * arabic > all
  }

  /// Whether a paragraph of a Persian article (``isPersian(_:histograms:)``) is Persian
  /// by the normaliser's decision alone: every letter of it is in Arabic script, every
  /// span of its block that the letter statistics decided was decided Persian, and it
  /// keeps no Arabic spelling (``keepsArabicSpelling(_:)``), so no span of it was left
  /// undecided and then read as Arabic by the language model (a quoted verse). The
  /// identifier is then not asked. On the 750 shared Fars articles it would have
  /// answered Persian for each such paragraph, or (none there) a language whose letters
  /// the paragraph lacks, which gives way to the article's (``givesWay``).
  static func settledPersian(_ piece: Piece, _ histogram: ScriptHistogram) -> Bool {
    piece.spans == .persian && histogram.counts.count == 1 && histogram[.arabic] > 0
      && !keepsArabicSpelling(piece.text)
  }

  /// Whether normalised `text` holds what Persian spans never keep: Arabic ي ى ك (the
  /// normaliser writes ی ک in them) or Arabic short vowels, tanween and the other
  /// optional marks (removed from them). Such text has a span the normaliser did not
  /// take for Persian — or a profile that keeps them, when asking the identifier is
  /// merely the safe way.
  static func keepsArabicSpelling(_ text: String) -> Bool {
    text.unicodeScalars.contains { PersianFold.yehKaf($0.value) != $0.value || TextLetters.isOptionalMark($0.value) }
  }

  /// The article's language is a prior of this many nats on each paragraph: a paragraph
  /// whose own evidence for its language over the article's (the likelihood ratio of
  /// the two under an identifier of just these two) is smaller takes the article's
  /// ("Fake news" reads as Zulu by a fraction of a nat). Chosen on the dev sets inside
  /// an English article: with 1 nat, 1 of 36,571 sentences, 37 of 36,807 word pairs and
  /// 113 of 36,519 single words (0.3%) in other languages would be taken for English,
  /// while 23 of the 49 English word pairs and 116 of the 192 English single words the
  /// identifier labels otherwise are given back (`scripts/eval-paragraph-prior --grid`).
  static let priorNats = 1.0

  /// A paragraph gives way to the article's language when its words that do not open
  /// with a capital (names, which mislead the identifier: "Ayatollah Khamenei cast his
  /// vote at the Hussainiyeh…" reads as Vietnamese) read as the article's language by at
  /// least this many nats a letter between the two, over at least ``priorLetters``
  /// letters; or by any margin when the paragraph's own evidence for its language is
  /// weak, under this many nats a letter over the whole paragraph (a short headline
  /// whose two names outweigh its few plain words: "Iran exports … to Comoros" read as
  /// French). Chosen on the dev sets: inside an English article, 6 of the 36,571
  /// sentences in other languages would be taken for English by the plain-words rule,
  /// 7 with the weak paragraphs' (which gives one more English sentence back), and no
  /// word pair or single word; the weak paragraphs' lean was half this margin until the
  /// model's scores were stored in eighths of a nat, when the grid (leaning 0, 0.05 or
  /// 0.1 nats a letter) came out even, 7 lost and 3 given back at 0 and 0.05 against 6
  /// and 2 at 0.1, and "Niger exports 3,000 tons of rice to Comoros" leaned 0.093
  /// (`scripts/eval-paragraph-prior --grid`).
  static let priorMargin = 0.2
  /// See ``priorMargin``.
  static let priorLetters = 10

  /// Whether a paragraph labelled `own` takes the article's `language` (``priorNats``,
  /// ``priorMargin``), read in its first `sampleBytes` bytes under `pair`, an identifier
  /// of `own` and `language`.
  static func givesWay(_ text: String, own: String, to language: String, pair: LanguageIdentifier, sampleBytes: Int)
    -> Bool
  {
    if lacksOwnLetters(text, own: own, article: language) { return true }
    let sample = sample(text, bytes: sampleBytes)
    let evidence = nats(pair.identify(sample), for: own, over: language)
    if evidence < priorNats { return true }
    guard let margin = plainMargin(language, sample, pair: pair) else { return false }
    if margin >= priorMargin { return true }
    let letters = ScriptHistogram(sample).letterCount
    let weak = letters > 0 && evidence / Double(letters) < priorMargin
    return weak && margin > 0
  }

  /// Whether a paragraph labelled `own`, a language that writes letters Persian never
  /// writes (Urdu's ے ں ہ ٹ ڈ ڑ ۓ…, Sorani's, Pashto's, Sindhi's…), inside a Persian
  /// article holds none of them anywhere: then it is Persian written as Persian is, the
  /// article's language its prior («سلام علیکم؛», «* ابرار» in Fars articles read as
  /// Urdu). Half of Urdu's words hold one of its letters (the identifier already counts
  /// their absence, word by word), so an Urdu paragraph of a few words without any is
  /// rare, and inside a Persian article rarer still: `scripts/eval-paragraph-prior
  /// --article fa` counts what the rule costs on the dev sets.
  static func lacksOwnLetters(_ text: String, own: String, article language: String) -> Bool {
    language == "fa" && LanguageIdentifier.writesLettersPersianNeverWrites(own)
      && !LanguageIdentifier.hasLetterPersianNeverWrites(text)
  }

  /// The log of the ratio of `guess`'s confidences in `language` and in `other`
  /// (infinite when `other` has none).
  static func nats(_ guess: LanguageGuess, for language: String, over other: String) -> Double {
    func confidence(_ code: String) -> Double {
      code == guess.language ? guess.confidence : guess.alternatives.first { $0.language == code }?.confidence ?? 0
    }
    let (mine, theirs) = (confidence(language), confidence(other))
    guard theirs > 0 else { return .infinity }
    guard mine > 0 else { return -.infinity }
    return log(mine / theirs)
  }

  /// How many nats a letter `text` without its capitalised words reads as `language`
  /// rather than the other language of `pair` (negative when it reads as the other);
  /// nil under ``priorLetters`` letters.
  static func plainMargin(_ language: String, _ text: String, pair: LanguageIdentifier) -> Double? {
    let words = text.split(separator: " ").filter { word in
      guard let first = word.unicodeScalars.first else { return false }
      return !first.properties.isUppercase
    }
    let plain = words.joined(separator: " ")
    let count = ScriptHistogram(plain).letterCount
    guard count >= priorLetters else { return nil }
    let guess = pair.identify(plain)
    let other = guess.language == language ? guess.alternatives.first?.language : guess.language
    guard let other else { return .infinity }
    return nats(guess, for: language, over: other) / Double(count)
  }

  /// The first `bytes` bytes of `text`, cut at a space.
  static func sample(_ text: String, bytes: Int) -> String {
    let head = prefix(text, bytes: bytes)
    guard head.endIndex < text.endIndex, let space = head.lastIndex(of: " ") else { return String(head) }
    return String(head[..<space])
  }

  static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

extension Substring {
  var trimmingSpaces: Substring { ArticleLayout.trimmed(self) }
}
