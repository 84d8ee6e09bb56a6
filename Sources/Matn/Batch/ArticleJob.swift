import SystemPackage

/// Why one input produced no article. Its `kind` is what JSON Lines error records carry.
public struct ArticleFailure: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// The file could not be opened or read (or is not a regular file where only
    /// regular files are allowed).
    case unreadable
    /// Binary data, not text.
    case binary
    /// No text: zero bytes, or only spaces and line breaks.
    case empty
    /// The bytes could not be decoded (invalid with `strict`, an unknown charset).
    case undecodable
    /// Larger than the byte limit.
    case tooLarge = "too-large"
    /// A JSON Lines record that is not valid or lacks what it needs.
    case invalidRecord = "invalid-record"
    /// A path record refused by the path policy (`--no-paths`, `--path-root`).
    case forbidden
    /// The article could not be written (or an output would overwrite an input).
    case output
  }

  public var kind: Kind
  public var message: String
  public var description: String { message }

  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }
}

/// How input bytes become text.
public struct DecodingPolicy: Sendable, Hashable {
  /// An ICU charset name to decode from instead of detecting one.
  public var encoding: String?
  /// Fail on bytes that are not valid in the charset instead of replacing them.
  public var strict = false

  public init(encoding: String? = nil, strict: Bool = false) {
    self.encoding = encoding
    self.strict = strict
  }

  /// Decodes `bytes` by this policy.
  public func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedText {
    if let encoding { return try DecodedText(bytes: bytes, encoding: .init(rawValue: encoding), strict: strict) }
    return try DecodedText(bytes: bytes, strict: strict)
  }

  /// Decodes what ``InputFile/readContent(_:limit:kinds:)`` read: text read as plain
  /// UTF-8 is taken as it is unless an encoding was named.
  public func decode(_ content: InputFile.Content) throws(DecodingError) -> DecodedText {
    switch content {
    case .utf8(let text) where encoding == nil: return DecodedText(validUTF8: text)
    case .utf8(let text): return try decode(Array(text.utf8))
    case .bytes(let bytes): return try decode(bytes)
    }
  }
}

/// Reads, decodes and parses one input: the unit of work of batches and record filters.
struct ArticleJob: Sendable {
  var parser: ArticleParser
  var decoding: DecodingPolicy
  var maxBytes: Int
  var kinds: InputFile.Kinds = .any

  /// Reads and parses the file at `path`. `firstRead` is the key of the text an
  /// earlier read of it found (a batch's first pass): a different text now gets a warning.
  func article(path: FilePath?, id: String, title: String? = nil, firstRead: UInt64? = nil) -> Result<Article, ArticleFailure> {
    let content: InputFile.Content
    do {
      content = try InputFile.readContent(path, limit: maxBytes, kinds: kinds)
    } catch {
      if error.tooLarge {
        return .failure(ArticleFailure(kind: .tooLarge, message: "\(BatchPath.display(path)): \(error.reason) (raise the byte limit, --max-bytes)"))
      }
      return .failure(ArticleFailure(kind: .unreadable, message: error.description))
    }
    return article(content, id: id, path: path, isFile: true, title: title, firstRead: firstRead)
  }

  /// Parses what was read of the file at `path` (by the first pass of a batch).
  func article(_ content: consuming InputFile.Content, path: FilePath?, id: String) -> Result<Article, ArticleFailure> {
    article(content, id: id, path: path, isFile: true, title: nil)
  }

  /// Parses `bytes`; `path` (with `isFile`) names where they came from.
  func article(bytes: [UInt8], id: String, path: FilePath?, isFile: Bool, title: String? = nil) -> Result<Article, ArticleFailure> {
    article(.bytes(bytes), id: id, path: path, isFile: isFile, title: title)
  }

  /// Parses text that is valid UTF-8 with no NUL and no leading byte order mark.
  func article(text: String, id: String, title: String?) -> Result<Article, ArticleFailure> {
    article(.utf8(text), id: id, path: nil, isFile: false, title: title)
  }

  /// Decodes `content` (which is released before parsing: a huge input is not held
  /// twice) and parses it.
  private func article(
    _ content: consuming InputFile.Content, id: String, path: FilePath?, isFile: Bool, title: String?,
    firstRead: UInt64? = nil
  ) -> Result<Article, ArticleFailure> {
    let name = isFile ? BatchPath.display(path) : "record '\(id)'"
    let byteCount = content.byteCount
    let blank: Bool
    switch content {
    case .utf8(let text): blank = !text.utf8.contains(where: { !Self.isBlank($0) })
    case .bytes(let bytes): blank = !bytes.contains(where: { !Self.isBlank($0) })
    }
    guard !blank else {
      return .failure(ArticleFailure(kind: .empty, message: "\(name): empty, no text"))
    }
    let decoded: DecodedText
    do {
      decoded = try decoding.decode(consume content)
    } catch {
      if case .binary = error { return .failure(ArticleFailure(kind: .binary, message: "\(name): \(error)")) }
      return .failure(ArticleFailure(kind: .undecodable, message: "\(name): \(error)"))
    }
    var parser = parser
    if let title {
      var options = parser.options
      options.givenTitle = title
      parser = ArticleParser(options: options)
    }
    var article = parser.parse(decoded, id: id, path: path.map { String(decoding: $0) }, byteCount: byteCount)
    if let path, !path.isUTF8 { article.source.pathBytes = Base64.encode(path.bytes) }
    if let firstRead, SiteBoilerplate.key(decoded.string[...]) != firstRead {
      article.report.warnings.append(.changedInput(name))
    }
    return .success(article)
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }
}

/// JSON Lines error records: `{"id": …, "line": …, "path": …, "error": {"kind": …, "message": …}}`.
enum ErrorRecord {
  /// `id` nil writes `"id": null` (a record whose id could not be read); `line` is the
  /// input line of a record filter; `path` as in an article's `source`.
  static func encode(_ failure: ArticleFailure, id: String?, line: Int? = nil, path: FilePath? = nil) -> [UInt8] {
    var w = JSONWriter()
    w.beginObject()
    w.key("id")
    if let id { w.string(id) } else { w.null() }
    if let line { w.key("line"); w.integer(line) }
    if let path {
      w.key("path"); w.string(String(decoding: path))
      if !path.isUTF8 { w.key("pathBytes"); w.string(Base64.encode(path.bytes)) }
    }
    w.key("error")
    w.beginObject()
    w.key("kind"); w.string(failure.kind.rawValue)
    w.key("message"); w.string(failure.message)
    w.endObject()
    w.endObject()
    return w.bytes + [0x0A]
  }
}
