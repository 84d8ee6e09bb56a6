// Fuzz target: ArticleParser().parse over DecodedText(bytes:), and the article's JSON
// and plain text.
//
// Invariants: no crash; every text is valid UTF-8; paragraphs, credits, boilerplate,
// title and byline hold no U+FFFD unless the decoded input did; the article encodes
// to JSON.
import Foundation
import FuzzSupport
import Matn

private let parser = ArticleParser()
private let encoder = JSONEncoder()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticle(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let bytes = fuzzBytes(start, count)
  guard let decoded = try? DecodedText(bytes: bytes) else { return 0 }
  let article = parser.parse(decoded, id: "fuzz", path: "fuzz.txt", byteCount: bytes.count)
  let input = decoded.string
  for paragraph in article.paragraphs { requireClean(paragraph.text, from: input, "paragraph") }
  for credit in article.credits { requireClean(credit.text, from: input, "credit") }
  for line in article.boilerplate { requireClean(line.text, from: input, "boilerplate") }
  for text in [article.title, article.byline, article.dateline].compactMap({ $0 }) { requireClean(text, from: input, "title/byline/dateline") }
  require(isValidUTF8(article.plainText), "plain text is not valid UTF-8")
  do {
    _ = try encoder.encode(article)
  } catch {
    require(false, "the article does not encode to JSON: \(error)")
  }
  return 0
}
