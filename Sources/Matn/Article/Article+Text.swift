import CMatnResources

extension Article {
  /// Clean text for a model: the title, then the paragraphs, separated by blank
  /// lines, ending with a newline. Credits, boilerplate and metadata are left out.
  ///
  /// - Complexity: O(*n*) in the length of the article.
  public var plainText: String {
    var parts: [String] = []
    if let title { parts.append(title) }
    parts.append(contentsOf: paragraphs.map(\.text))
    return parts.isEmpty ? "" : parts.joined(separator: "\n\n") + "\n"
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
