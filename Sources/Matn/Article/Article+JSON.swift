extension Article {
  /// The article as JSON (UTF-8), fields in a fixed order — `id`, `title`, dates,
  /// body, credits, boilerplate, languages, names, report, source — and absent optional
  /// fields left out, as `JSONEncoder` leaves them out. `pretty` indents by two
  /// spaces; compact output is one line (JSON Lines), without the final newline.
  ///
  /// The same JSON `Codable` reads back (`JSONDecoder().decode(Article.self, …)`), and
  /// it follows `Resources/Article/article.schema.json`.
  ///
  /// - Complexity: O(*n*) in the size of the article.
  public func json(pretty: Bool = false) -> [UInt8] {
    var w = JSONWriter(pretty: pretty, capacity: source.bytes + 1024)
    w.beginObject()
    w.key("id"); w.string(id)
    if let title { w.key("title"); w.string(title) }
    if let titleSource { w.key("titleSource"); w.string(titleSource.rawValue) }
    if let titleTruncated { w.key("titleTruncated"); w.bool(titleTruncated) }
    if let dateline {
      w.key("dateline")
      w.beginObject()
      w.key("text"); w.string(dateline.text)
      if let place = dateline.place { w.key("place"); w.string(place) }
      if let agency = dateline.agency { w.key("agency"); w.string(agency) }
      if let date = dateline.date { w.key("date"); w.string(date) }
      w.endObject()
    }
    if let published {
      w.key("published")
      w.beginObject()
      w.key("date"); w.string(published.date.description)
      w.key("calendar"); w.string(published.calendar.rawValue)
      w.key("written"); w.string(published.written.description)
      w.endObject()
    }
    if let byline { w.key("byline"); w.string(byline) }
    w.key("paragraphs")
    w.beginArray()
    for paragraph in paragraphs {
      w.beginObject()
      w.key("text"); w.string(paragraph.text)
      w.key("language"); w.string(paragraph.language)
      w.key("scripts"); w.beginArray(); for s in paragraph.scripts { w.string(s) }; w.endArray()
      w.endObject()
    }
    w.endArray()
    w.key("credits")
    w.beginArray()
    for credit in credits {
      w.beginObject()
      w.key("kind"); w.string(credit.kind.rawValue)
      w.key("text"); w.string(credit.text)
      w.endObject()
    }
    w.endArray()
    w.key("boilerplate")
    w.beginArray()
    for item in boilerplate {
      w.beginObject()
      w.key("text"); w.string(item.text)
      w.key("reason"); w.string(item.reason.text)
      w.key("language"); w.string(item.language)
      w.endObject()
    }
    w.endArray()
    w.key("languages")
    w.beginArray()
    for share in languages {
      w.beginObject()
      w.key("language"); w.string(share.language)
      w.key("share"); w.number(share.share)
      w.endObject()
    }
    w.endArray()
    w.key("names")
    w.beginArray()
    for name in names { name.write(to: &w) }
    w.endArray()
    w.key("report")
    w.beginObject()
    w.key("duplicateParagraphs"); w.integer(report.duplicateParagraphs)
    w.key("duplicateSentences"); w.integer(report.duplicateSentences)
    w.key("splitParagraphs"); w.integer(report.splitParagraphs)
    w.key("changes")
    w.beginObject()
    for (kind, count) in report.changes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      w.key(kind.rawValue); w.integer(count)
    }
    w.endObject()
    w.key("bidiControls"); w.integer(report.bidiControls)
    w.key("warnings"); w.beginArray(); for warning in report.warnings { w.string(warning.message) }; w.endArray()
    w.endObject()
    w.key("source")
    w.beginObject()
    if let path = source.path { w.key("path"); w.string(path) }
    if let pathBytes = source.pathBytes { w.key("pathBytes"); w.string(pathBytes) }
    w.key("encoding"); w.string(source.encoding)
    w.key("bytes"); w.integer(source.bytes)
    w.key("repairs"); w.beginArray(); for repair in source.repairs { w.string(repair) }; w.endArray()
    w.endObject()
    w.endObject()
    return w.bytes
  }
}

extension ExtractedName {
  /// Writes the name as a JSON object (`text`, `script`, `display`, `key`, `phonetic`,
  /// `mentions`, and `confusable` when set), the shape of an article's `names` entries and of `matn names`.
  func write(to w: inout JSONWriter) {
    w.beginObject()
    w.key("text"); w.string(text)
    w.key("script"); w.string(script)
    w.key("display"); w.string(display)
    w.key("key"); w.string(key)
    w.key("phonetic"); w.string(phonetic)
    w.key("mentions"); w.integer(mentions)
    if let confusable { w.key("confusable"); confusable.write(to: &w) }
    w.endObject()
  }
}

extension MixedScriptConfusable {
  /// Writes the mark as a JSON object: `scripts` (ISO 15924 codes), `script`,
  /// `looksLike`, `skeleton`.
  func write(to w: inout JSONWriter) {
    w.beginObject()
    w.key("scripts"); w.beginArray(); for script in scripts { w.string(script) }; w.endArray()
    w.key("script"); w.string(script)
    w.key("looksLike"); w.string(looksLike)
    w.key("skeleton"); w.string(skeleton)
    w.endObject()
  }
}

extension ExtractedName {
  /// One line of `matn names --format jsonl`: `{"path": …, "names": [ … ], "mentions":
  /// [ … ]}` and a newline, each name in the shape of an article's `names` entries, each
  /// mention `{"text", "start", "end", "script"[, "title"]}` with its UTF-8 byte range.
  public static func jsonLine(path: String, names: [ExtractedName], mentions: [NameMention] = []) -> [UInt8] {
    var w = JSONWriter()
    w.beginObject()
    w.key("path"); w.string(path)
    w.key("names")
    w.beginArray()
    for name in names { name.write(to: &w) }
    w.endArray()
    w.key("mentions")
    w.beginArray()
    for mention in mentions {
      w.beginObject()
      w.key("text"); w.string(mention.text)
      w.key("start"); w.integer(mention.utf8Range.lowerBound)
      w.key("end"); w.integer(mention.utf8Range.upperBound)
      w.key("script"); w.string(mention.script)
      if let title = mention.title { w.key("title"); w.string(title) }
      w.endObject()
    }
    w.endArray()
    w.endObject()
    return w.bytes + [0x0A]
  }
}
