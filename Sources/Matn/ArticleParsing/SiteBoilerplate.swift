/// Lines that repeat across the files of one source (a site's header, footer or
/// navigation), learned in a batch's first pass and set aside as boilerplate in the
/// second.
///
/// ```swift
/// var site = SiteBoilerplate.Builder()
/// for text in texts { site.add(text) }
/// let learned = site.build()            // lines at the edges of ≥ 1% (and ≥ 3) of the files
/// ArticleParser(options: .init(siteBoilerplate: learned))
/// ```
///
/// Only the first and last ``edgeLines`` non-empty lines of a file are counted, and
/// a file whose whole text was seen before (the same article saved twice) counts once,
/// so a repeated article does not make its own lines boilerplate. Lines are compared by
/// their lower-cased letters and digits, after folding Arabic ي/ك and digits, so the
/// raw line of the first pass meets its normalised form in the second.
///
/// - Thread safety: a `Sendable` value; the builder is not shared between threads.
public struct SiteBoilerplate: Sendable, Hashable {
  /// Lines looked at in each file: this many from the start and from the end.
  public static let edgeLines = 3
  /// Lines longer than this (in bytes) are never boilerplate.
  public static let maximumLineBytes = 300

  /// Distinct files counted.
  public let files: Int
  private let counts: [UInt64: Int]

  /// The number of files `line` appeared in, if it is boilerplate.
  public func count(of line: String) -> Int? {
    guard line.utf8.count <= Self.maximumLineBytes else { return nil }
    return counts[Self.key(line[...])]
  }

  /// Whether nothing was learned.
  public var isEmpty: Bool { counts.isEmpty }

  /// Collects line counts over the files of one source.
  ///
  /// Each distinct text counts once, whichever builder saw it and however the files
  /// were shared out between builders, so the result never depends on the number of
  /// threads or on their timing.
  public struct Builder: Sendable {
    /// The edge-line keys of each distinct text, by the text's key.
    private var documents: [UInt64: [UInt64]] = [:]

    public init() {}

    /// Counts the edge lines of one file's text; returns the text's key.
    @discardableResult
    public mutating func add(_ text: String) -> UInt64 {
      let document = SiteBoilerplate.key(text[...])
      guard documents[document] == nil else { return document }
      var lines: [Substring] = []
      for line in TextLines.lines(of: text) {
        let trimmed = ArticleLayout.trimmed(line)
        if !trimmed.isEmpty { lines.append(trimmed) }
      }
      var keys = Set<UInt64>()
      for line in lines.prefix(SiteBoilerplate.edgeLines) + lines.suffix(SiteBoilerplate.edgeLines)
      where line.utf8.count <= SiteBoilerplate.maximumLineBytes {
        keys.insert(SiteBoilerplate.key(line))
      }
      documents[document] = Array(keys)
      return document
    }

    /// Merges what another builder (another thread's share) collected.
    public mutating func merge(_ other: Builder) {
      documents.merge(other.documents) { mine, _ in mine }
    }

    /// The lines seen at the edges of at least `minimumFiles` files and of at least
    /// `minimumShare` of all files.
    public func build(minimumFiles: Int = 3, minimumShare: Double = 0.01) -> SiteBoilerplate {
      let files = documents.count
      var counts: [UInt64: Int] = [:]
      for keys in documents.values {
        for key in keys { counts[key, default: 0] += 1 }
      }
      let threshold = max(minimumFiles, Int((Double(files) * minimumShare).rounded(.up)))
      return SiteBoilerplate(files: files, counts: counts.filter { $0.value >= threshold })
    }
  }

  static func key(_ line: Substring) -> UInt64 { TextKey.hash(line) }

  private init(files: Int, counts: [UInt64: Int]) {
    self.files = files
    self.counts = counts.filter { $0.key != 0 }
  }
}
