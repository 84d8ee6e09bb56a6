/// One news article, parsed from a raw file: the shape every output format writes.
///
/// Nothing the parser took out of the body is lost: credits and boilerplate are kept
/// with their reasons, duplicates removed are counted in ``report``, and the text
/// changes the normaliser made are counted there too. `Codable`: the JSON Schema is
/// `Resources/Article/article.schema.json`.
///
/// ```swift
/// let article = ArticleParser().parse(decoded, id: "raw-article")
/// article.title          // "Iran Seeks to Strengthen Relations with Russia"
/// article.published?.date.year // 2016
/// article.published?.date.description // "2016-02-01"
/// article.paragraphs.count // 11
/// ```
public struct Article: Codable, Sendable, Hashable {
  /// The caller's name for the article: a file name without extension, or the `id`
  /// of a JSON Lines record.
  public var id: String
  /// Where the text came from and how it was decoded.
  public var source: Source
  /// The title, or nil when the text has none and none was given.
  public var title: String?
  /// Where the title came from: `text` (a title line), `filename` (the words of the
  /// file name: a fallback for dumps without a title line) or `given` (by the caller).
  public var titleSource: TitleSource?
  /// True when the title is a file name's slug that looks cut short: it ends on a word
  /// that cannot end a headline ("… to challenge the", "… ties with"). Nil otherwise.
  public var titleTruncated: Bool? = nil
  /// The dateline, when the text has one: as written, and the place, agency and date it
  /// names.
  public var dateline: Dateline?
  /// The publication date, from the dateline, or nil when none was found. Never guessed.
  public var published: Published?
  /// The author line without its label ("By …", «نویسنده: …»), when there is one.
  public var byline: String?
  /// The body, paragraph by paragraph.
  public var paragraphs: [Paragraph]
  /// Photo, source, editor and licence lines set aside from the body.
  public var credits: [Credit]
  /// Site headers, footers, share lines and navigation set aside from the body.
  public var boilerplate: [Boilerplate]
  /// The languages of the body, with the share of its letters in each.
  public var languages: [LanguageShare]
  /// Person names found in the body, with their index keys.
  public var names: [ExtractedName]
  /// What was changed, removed or doubtful.
  public var report: Report

  /// The article's JSON fields, in the order ``json(pretty:)`` writes them: the one list
  /// the writer, `Codable` and `Resources/Article/article.schema.json` are checked
  /// against (a test reads all three).
  public static let fields = [
    "id", "title", "titleSource", "titleTruncated", "dateline", "published", "byline", "paragraphs", "credits", "boilerplate",
    "languages", "names", "report", "source",
  ]

  public enum TitleSource: String, Codable, Sendable, Hashable {
    case text, filename, given
  }

  /// A dateline: a line that dates the story ("Monday, February 1, 2016"), or the lead
  /// that opens its first paragraph ("TEHRAN, Jan. 20 (MNA) –", «خبرگزاری فارس:»,
  /// «به گزارش خبرگزاری فارس از قزوین،»). An English lead is taken out of the paragraph
  /// and kept here; a Persian attribution clause stays in its sentence and is only read.
  public struct Dateline: Codable, Sendable, Hashable {
    /// The dateline as written.
    public var text: String
    /// The place it was filed from, when the gazetteer (`Resources/Article/places.tsv`,
    /// from GeoNames) knows it: the GeoNames name for a Latin-script dateline ("Tehran"
    /// for "TEHRAN"), the name as written for an Arabic-script one («قزوین»).
    public var place: String?
    /// The agency it credits, by its name in `Resources/Article/agencies.tsv` ("MNA",
    /// "Fars"), or as written in the dateline's brackets when the table does not know it.
    public var agency: String?
    /// The date as written in the dateline ("Jan. 20"); ``Article/published`` has it in
    /// ISO form when it is a full date.
    public var date: String?

    public init(text: String, place: String? = nil, agency: String? = nil, date: String? = nil) {
      self.text = text
      self.place = place
      self.agency = agency
      self.date = date
    }
  }

  /// Where the article came from.
  public struct Source: Codable, Sendable, Hashable {
    /// The input path, when it was a file (bytes that are not UTF-8 as U+FFFD).
    public var path: String?
    /// The path's bytes in base64, only when they are not UTF-8: the name to open.
    public var pathBytes: String?
    /// The encoding the bytes were decoded from (`UTF-8`, `windows-1256`…).
    public var encoding: String
    /// The number of input bytes.
    public var bytes: Int
    /// What decoding did to the bytes (byte order mark removed, invalid bytes replaced,
    /// mojibake repaired), in words.
    public var repairs: [String]

    public init(path: String? = nil, pathBytes: String? = nil, encoding: String, bytes: Int, repairs: [String] = []) {
      self.path = path
      self.pathBytes = pathBytes
      self.encoding = encoding
      self.bytes = bytes
      self.repairs = repairs
    }
  }

  /// A publication date: a typed Gregorian date (and the time, when one was written),
  /// the calendar it was written in, and the date in that calendar. The JSON gives
  /// each as text (`"2016-02-01"`, `"persian"`, `"1394-11-12"`); the text of the
  /// dateline itself is ``Article/dateline``.
  ///
  /// ```swift
  /// if let published = article.published {
  ///   published.date.year        // 2016
  ///   published.date.description // "2016-02-01" (ISO 8601)
  ///   published.calendar         // .persian
  ///   published.written.month    // 11 (Bahman)
  /// }
  /// ```
  public struct Published: Codable, Sendable, Hashable {
    /// The Gregorian date, with the time of day when one was written.
    public var date: ISODate
    /// The calendar the date was written in.
    public var calendar: CalendarSystem
    /// The date in that calendar (year, month, day of its own era).
    public var written: CalendarDate

    public init(date: ISODate, calendar: CalendarSystem, written: CalendarDate) {
      self.date = date
      self.calendar = calendar
      self.written = written
    }

    /// The date ``DateFinder`` found.
    public init(_ found: PublishedDate) {
      // DateFinder writes both fields itself, from validated numbers.
      date = ISODate(found.date) ?? ISODate(year: 1, month: 1, day: 1)
      calendar = found.calendar
      written = ISODate(found.written)?.calendarDate ?? CalendarDate(year: 1, month: 1, day: 1)
    }

    enum CodingKeys: String, CodingKey { case date, calendar, written }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      date = try container.decode(ISODate.self, forKey: .date)
      calendar = try container.decode(CalendarSystem.self, forKey: .calendar)
      let text = try container.decode(String.self, forKey: .written)
      guard let written = ISODate(text), written.hour == nil else {
        throw Swift.DecodingError.dataCorruptedError(
          forKey: .written, in: container, debugDescription: "'\(text)' is not a yyyy-mm-dd date")
      }
      self.written = written.calendarDate
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(date, forKey: .date)
      try container.encode(calendar, forKey: .calendar)
      try container.encode(written.description, forKey: .written)
    }
  }

  /// A body paragraph.
  public struct Paragraph: Codable, Sendable, Hashable {
    /// The normalised text.
    public var text: String
    /// BCP 47 code of its language, `und` when undetermined.
    public var language: String
    /// ISO 15924 codes of the scripts of its letters, most letters first.
    public var scripts: [String]
  }

  /// A credit line set aside from the body.
  public struct Credit: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
      /// A photo credit or caption ("Photo Credit: Press TV", "PHOTO: … (Photo: AP)").
      case photo
      /// The source of the story ("(Source: Independent)", «منبع: ایرنا»).
      case source
      /// A copyright or licence statement.
      case license
      /// Staff initials that sign a story ("HJ/MA").
      case editor
    }
    public var kind: Kind
    public var text: String
  }

  /// Text set aside as not part of the article.
  public struct Boilerplate: Codable, Sendable, Hashable {
    public var text: String
    /// Why it was set aside: a ``Reason/Kind`` and the reason in words ("site credit",
    /// "repeated in 31 of 40 files of this source"…), which is what the JSON writes.
    public var reason: Reason
    /// BCP 47 code of its language.
    public var language: String

    public init(text: String, reason: Reason, language: String) {
      self.text = text
      self.reason = reason
      self.language = language
    }
  }

  /// A language of the body with its share of the body's letters (0…1).
  public struct LanguageShare: Codable, Sendable, Hashable {
    public var language: String
    public var share: Double
  }

  /// Counts of what the parser and the normaliser did, and warnings.
  public struct Report: Codable, Sendable, Hashable {
    /// Paragraphs removed because the scraper repeated them.
    public var duplicateParagraphs: Int = 0
    /// Sentences removed from kept paragraphs because they repeated earlier text.
    public var duplicateSentences: Int = 0
    /// Paragraphs recovered from lines where the source ran paragraphs together.
    public var splitParagraphs: Int = 0
    /// The normaliser's changes per kind (the JSON keys are the kinds' raw values).
    public var changes: [ChangeKind: Int] = [:]
    /// Offsets of bidi controls removed from the text.
    public var bidiControls: Int = 0
    /// Things a reader should check: dates that looked like a dateline but were
    /// invalid, lines too long, decoding repairs that changed the text. A removed byte
    /// order mark is no warning: it is in ``Source/repairs``.
    public var warnings: [Warning] = []

    public init() {}
  }
}
