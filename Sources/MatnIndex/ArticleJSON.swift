#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import Matn

/// Reads one article of `matn normalize --format jsonl` (the `Article` JSON).
///
/// Only FoundationEssentials' `JSONDecoder` is used, not Foundation: linking Foundation
/// (and its copy of ICU's data) into the command line cost every `matn` process about
/// 4 ms of start-up, whether it read JSON or not.
enum ArticleJSON {
  struct NotAnArticle: Error, CustomStringConvertible {
    var description: String
  }

  /// What tells an error record of JSON Lines from an article: an `error` field and no
  /// `paragraphs`.
  private struct Probe: Decodable {
    var error: String?
    var isError: Bool

    enum CodingKeys: String, CodingKey { case error, paragraphs }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      isError = container.contains(.error) && !container.contains(.paragraphs)
      error = try? container.decodeIfPresent(String.self, forKey: .error)
    }
  }

  static func decode(_ line: [UInt8]) throws -> Article {
    let data = Data(line)
    if let probe = try? JSONDecoder().decode(Probe.self, from: data), probe.isError {
      throw NotAnArticle(description: "an error record: \(probe.error ?? "")")
    }
    do {
      return try JSONDecoder().decode(Article.self, from: data)
    } catch {
      throw NotAnArticle(description: "not an article of matn normalize --format jsonl (\(String(describing: error).prefix(200)))")
    }
  }
}
