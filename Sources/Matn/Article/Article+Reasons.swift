extension Article.Boilerplate {
  /// Why text was set aside as boilerplate: a kind to compute with, and the reason in
  /// words, which is what the JSON writes (`"reason": "site credit"`).
  ///
  /// ```swift
  /// for item in article.boilerplate where item.reason.kind == .siteRepeated {
  ///   print(item.text, "—", item.reason)   // "… — repeated in 31 of 40 files of this source"
  /// }
  /// ```
  public struct Reason: Codable, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
      /// A site's design or publishing credit («طراحی و اجرا: …», "Powered by …").
      case siteCredit = "site credit"
      /// An end marker («انتهای پیام», "/end").
      case endMarker = "end marker"
      /// "To be continued" («ادامه دارد»).
      case continued
      /// Navigation: "Back to top", "Related news", tags.
      case navigation
      /// Share and follow lines.
      case shareFollow = "share/follow"
      /// A line repeated at the top or bottom of many files of the same source (learned
      /// by a batch's first pass).
      case siteRepeated = "repeated"
      /// A short last line in another script than the body's.
      case foreignFooter = "foreign footer"
    }

    public var kind: Kind
    /// The reason in words.
    public var text: String
    public var description: String { text }

    /// A reason of a kind whose words are its name (the kinds of the phrase table
    /// `Resources/Article/lines.tsv`).
    public init(_ kind: Kind) {
      self.kind = kind
      self.text = kind.rawValue
    }

    /// A line repeated in `count` of the `files` files of a source.
    public static func siteRepeated(count: Int, files: Int) -> Reason {
      Reason(kind: .siteRepeated, text: "repeated in \(count) of \(files) files of this source")
    }

    /// A short last line in the script `footer` under an article in `body`.
    public static func foreignFooter(script footer: String, under body: String) -> Reason {
      Reason(kind: .foreignFooter, text: "a short last line in \(footer) under \(English.article(body)) \(body) article")
    }

    /// The reason for its words, as the JSON writes them; nil for words no kind writes.
    public init?(text: String) {
      if let kind = Kind(rawValue: text), kind.rawValue == text, kind != .siteRepeated, kind != .foreignFooter {
        self.init(kind)
      } else if text.hasPrefix("repeated in ") {
        self.init(kind: .siteRepeated, text: text)
      } else if text.hasPrefix("a short last line in ") {
        self.init(kind: .foreignFooter, text: text)
      } else {
        return nil
      }
    }

    private init(kind: Kind, text: String) {
      self.kind = kind
      self.text = text
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let reason = Reason(text: text) else {
        throw Swift.DecodingError.dataCorruptedError(in: container, debugDescription: "unknown boilerplate reason '\(text)'")
      }
      self = reason
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(text)
    }
  }
}

extension Article {
  /// Something a reader of the article should check: a kind to compute with, and the
  /// message, which is what the JSON writes (`"warnings": ["date «…» not used: …"]`).
  ///
  /// ```swift
  /// let dates = article.report.warnings.filter { $0.kind == .date }
  /// ```
  public struct Warning: Codable, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
      /// Decoding changed the text: invalid bytes replaced, mojibake repaired.
      case decoding
      /// Text that looked like the dateline's date but was not used (a two-digit year,
      /// a weekday that contradicts the date…).
      case date
      /// A line so long that paragraph breaks may be missing.
      case longLine = "long line"
      /// The file changed between a batch's two reads of it.
      case changedInput = "changed input"
    }

    public var kind: Kind
    /// The message, in words.
    public var message: String
    public var description: String { message }

    /// A decoding repair that changed the text.
    public static func decoding(_ repair: DecodedText.Repair) -> Warning {
      Warning(kind: .decoding, message: "decoding: \(repair)")
    }

    /// A date not used, and why.
    public static func date(_ rejected: RejectedDate) -> Warning {
      Warning(kind: .date, message: "date «\(rejected.text)» not used: \(rejected.reason)")
    }

    /// A line of `bytes` bytes.
    public static func longLine(bytes: Int) -> Warning {
      Warning(kind: .longLine, message: "a line of \(bytes) bytes: paragraph breaks may be missing")
    }

    /// The input `name` changed while a batch ran.
    public static func changedInput(_ name: String) -> Warning {
      Warning(
        kind: .changedInput,
        message: "\(name) changed while the batch ran: its site's boilerplate was learned from the earlier text")
    }

    /// The warning for its message, as the JSON writes it; nil for a message no kind writes.
    public init?(message: String) {
      if message.hasPrefix("decoding: ") {
        kind = .decoding
      } else if message.hasPrefix("date «") {
        kind = .date
      } else if message.hasPrefix("a line of ") {
        kind = .longLine
      } else if message.hasSuffix(" changed while the batch ran: its site's boilerplate was learned from the earlier text") {
        kind = .changedInput
      } else {
        return nil
      }
      self.message = message
    }

    private init(kind: Kind, message: String) {
      self.kind = kind
      self.message = message
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      let message = try container.decode(String.self)
      guard let warning = Warning(message: message) else {
        throw Swift.DecodingError.dataCorruptedError(in: container, debugDescription: "unknown warning '\(message)'")
      }
      self = warning
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(message)
    }
  }
}

/// English grammar for the few generated phrases.
enum English {
  /// "an" before a word that starts with a vowel letter, else "a": "an Arabic", "a Latin".
  static func article(_ word: String) -> String {
    guard let first = word.unicodeScalars.first else { return "a" }
    return "AEIOUaeiou".unicodeScalars.contains(first) ? "an" : "a"
  }
}
