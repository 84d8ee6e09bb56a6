import CMatnResources

extension Article {
  /// Clean text for a model: the title, then the paragraphs, separated by blank
  /// lines, ending with a newline. Dateline, date, byline, credits, boilerplate and
  /// the report are left out; ``text(metadata:)`` keeps the first four in a header.
  ///
  /// - Complexity: O(*n*) in the length of the article.
  public var plainText: String { text(metadata: false) }

  /// Clean text: with `metadata`, a header block of `Field: value` lines — `Dateline`,
  /// `Published` (the ISO 8601 date, and the calendar and date as written when that
  /// calendar is not the Gregorian), `Byline` and one `Credit` line per credit
  /// (`Credit: photo: …`), each present only when the article has it — and a blank
  /// line; then ``plainText``.
  ///
  /// ```swift
  /// article.text(metadata: true)
  /// // Dateline: Tuesday, March 12, 2024
  /// // Published: 2024-03-12
  /// // Credit: photo: Photo credit: IRNA.
  /// //
  /// // Tehran and Yerevan Agree on New Rail Link to the Black Sea
  /// // …
  /// ```
  ///
  /// - Complexity: O(*n*) in the length of the article.
  public func text(metadata: Bool) -> String {
    var parts: [String] = []
    if metadata {
      var header: [String] = []
      if let dateline {
        var line = "Dateline: " + Self.oneLine(dateline.text)
        let facts = [dateline.place.map { "place " + $0 }, dateline.agency.map { "agency " + $0 }].compactMap { $0 }
        if !facts.isEmpty { line += " (" + facts.joined(separator: ", ") + ")" }
        header.append(line)
      }
      if let published {
        var line = "Published: \(published.date)"
        if published.calendar != .gregorian { line += " (\(published.calendar.rawValue) \(published.written))" }
        header.append(line)
      }
      if let byline { header.append("Byline: " + Self.oneLine(byline)) }
      for credit in credits { header.append("Credit: \(credit.kind.rawValue): " + Self.oneLine(credit.text)) }
      if !header.isEmpty { parts.append(header.joined(separator: "\n")) }
    }
    if let title { parts.append(title) }
    parts.append(contentsOf: paragraphs.map(\.text))
    return parts.isEmpty ? "" : parts.joined(separator: "\n\n") + "\n"
  }

  /// Decoding notes that are not warnings (a removed byte order mark): what decoding
  /// did without changing the text, for a verbose report.
  public var decodingNotes: [String] {
    let warned = Set(report.warnings.filter { $0.kind == .decoding }.map(\.message))
    return source.repairs.filter { !warned.contains("decoding: " + $0) }
  }

  private static func oneLine(_ text: String) -> String {
    guard text.contains(where: \.isNewline) else { return text }
    return String(text.map { $0.isNewline ? " " : $0 })
  }
}

extension Article {
  /// The JSON Schema (draft 2020-12) of the JSON an `Article` encodes to, as shipped in
  /// `Resources/Article/article.schema.json`.
  public static var jsonSchema: String {
    var length: Int64 = 0
    guard let bytes = matn_resource("Article/article.schema.json", &length), length > 0 else { return "" }
    return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(length)), as: UTF8.self)
  }
}
