import Foundation
import Testing

@testable import Matn

@Suite("Article JSON: one field list for the writer, Codable and the schema")
struct ArticleFieldsTests {
  /// An article with every optional field set.
  static let full: Article = {
    var article = ArticleParser().parse("A Title Line\n\nThe body paragraph of the story.\n", id: "full", source: nil)
    article.titleSource = .filename
    article.titleTruncated = true
    article.dateline = Article.Dateline(text: "TEHRAN, Feb. 1 (MNA) –", place: "Tehran", agency: "MNA", date: "Feb. 1")
    article.byline = "A. Writer"
    article.published = try! JSONDecoder().decode(
      Article.Published.self, from: Data(#"{"date":"2016-02-01","calendar":"gregorian","written":"2016-02-01"}"#.utf8))
    article.source.path = "in/full.txt"
    article.source.pathBytes = "aW4vZnVsbC50eHQ="
    return article
  }()

  static func keys(_ bytes: [UInt8]) throws -> [String] {
    // Top-level keys in written order: JSONSerialization loses order, so read them off
    // the compact JSON by depth.
    var keys: [String] = [], depth = 0, i = 0, inString = false, start = 0
    while i < bytes.count {
      let b = bytes[i]
      if inString {
        if b == UInt8(ascii: "\\") { i += 2; continue }
        if b == UInt8(ascii: "\"") {
          inString = false
          if depth == 1, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ":") {
            keys.append(String(decoding: bytes[(start + 1)..<i], as: UTF8.self))
          }
        }
      } else if b == UInt8(ascii: "\"") {
        inString = true
        start = i
      } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
        depth += 1
      } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
        depth -= 1
      }
      i += 1
    }
    return keys
  }

  @Test("the writer writes exactly the declared fields, in their order")
  func writer() throws {
    #expect(try Self.keys(Self.full.json()) == Article.fields)
  }

  @Test("Codable encodes and decodes the same fields")
  func codable() throws {
    let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.full)) as! [String: Any]
    #expect(Set(encoded.keys) == Set(Article.fields))
    #expect(try JSONDecoder().decode(Article.self, from: Data(Self.full.json())) == Self.full)
  }

  @Test("the schema describes exactly the declared fields, and each nested object's written keys")
  func schema() throws {
    let schema = try JSONSerialization.jsonObject(with: Data(Article.jsonSchema.utf8)) as! [String: Any]
    let article = try #require((schema["$defs"] as? [String: Any])?["article"] as? [String: Any])
    let properties = try #require(article["properties"] as? [String: Any])
    #expect(Set(properties.keys) == Set(Article.fields))
    let written = try JSONSerialization.jsonObject(with: Data(Self.full.json())) as! [String: Any]
    // An article, or an error record in JSON Lines: the top level admits either.
    let anyOf = try #require(schema["anyOf"] as? [[String: String]])
    #expect(anyOf.map { $0["$ref"] } == ["#/$defs/article", "#/$defs/errorRecord"])
    for (field, value) in written {
      guard let object = value as? [String: Any], let described = (properties[field] as? [String: Any])?["properties"] as? [String: Any]
      else { continue }
      #expect(Set(object.keys).isSubset(of: Set(described.keys)), "\(field)")
    }
  }
}
