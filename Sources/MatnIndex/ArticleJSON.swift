import Foundation
import Matn

/// Reads one article of `matn normalize --format jsonl` (the `Article` JSON).
enum ArticleJSON {
  struct NotAnArticle: Error, CustomStringConvertible {
    var description: String
  }

  static func decode(_ line: [UInt8]) throws -> Article {
    let data = Data(line)
    if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object["error"] != nil,
      object["paragraphs"] == nil
    {
      throw NotAnArticle(description: "an error record: \(object["error"] ?? "")")
    }
    do {
      return try JSONDecoder().decode(Article.self, from: data)
    } catch {
      throw NotAnArticle(description: "not an article of matn normalize --format jsonl (\(String(describing: error).prefix(200)))")
    }
  }
}
