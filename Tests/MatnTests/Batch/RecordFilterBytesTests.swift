import SystemPackage
import Testing

@testable import Matn

@Suite("ArticleRecordFilter.json(bytes:): bytes in memory as a base64 record")
struct RecordFilterBytesTests {
  /// A `{"id": …, "path": …, "base64": …}` record line holding `bytes`.
  static func record(_ bytes: [UInt8], id: String, path: String) -> LineReader.Line {
    .bytes(Array(#"{"id":"\#(id)","path":"\#(path)","base64":"\#(Base64.encode(bytes))"}"#.utf8))
  }

  @Test("articles and error records equal the filter's line for the same bytes (a windows-1256 text too)")
  func sameAsTheFilter() {
    let filter = ArticleRecordFilter(ArticleRecordFilter.Configuration())
    let inputs: [[UInt8]] = [
      Array("Iran and Armenia Agree\n\nTEHRAN - The two ministers met on Tuesday.\n\nاین یک متن فارسی است".utf8),
      [0xC7, 0xED, 0xE4, 0x20, 0xED, 0xDF, 0x20, 0xE3, 0xCA, 0xE4, 0x20, 0xDD, 0xC7, 0xD1, 0xD3, 0xED] + Array(" 1403".utf8),
    ]
    for (k, bytes) in inputs.enumerated() {
      let (json, failure) = filter.json(bytes: bytes, id: "a\(k)", path: FilePath("dir/a\(k).txt"))
      #expect(failure == nil)
      #expect(json + [0x0A] == filter.process(Self.record(bytes, id: "a\(k)", path: "dir/a\(k).txt"), number: 1))
    }
  }

  @Test("empty and binary inputs: the error record without the filter's line number; the id defaults to the path")
  func failures() {
    let filter = ArticleRecordFilter(ArticleRecordFilter.Configuration())
    let (empty, emptyFailure) = filter.json(bytes: Array(" \n".utf8), id: nil, path: FilePath("x.txt"))
    #expect(emptyFailure?.kind == .empty)
    #expect(
      String(decoding: empty, as: UTF8.self) == #"{"id":"x.txt","path":"x.txt","error":{"kind":"empty","message":"record 'x.txt': empty, no text"}}"#)
    let (_, binary) = filter.json(bytes: Array(0...255) + [0, 0, 0], id: "b")
    #expect(binary?.kind == .binary)
    var configuration = ArticleRecordFilter.Configuration()
    configuration.limits.fileBytes = 8
    let (_, tooLarge) = ArticleRecordFilter(configuration).json(bytes: Array("more than eight".utf8), id: "c")
    #expect(tooLarge?.kind == .tooLarge)
  }
}
