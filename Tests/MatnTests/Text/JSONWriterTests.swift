import Foundation
import Testing

@testable import Matn

@Suite("JSONWriter")
struct JSONWriterTests {
  @Test("strings escape quotes, backslashes, controls and U+2028/U+2029 only; JSONSerialization reads them back")
  func strings() throws {
    let samples = [
      "plain", "quote \" and \\ back", "line\nfeed\r\ttab", "\u{0}\u{1}\u{1F}", "sep\u{2028}par\u{2029}end", "فارسی‌ ZWNJ", "emoji 👩‍🔬", "",
    ]
    for sample in samples {
      var w = JSONWriter()
      w.beginArray()
      w.string(sample)
      w.endArray()
      let text = String(decoding: w.bytes, as: UTF8.self)
      #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"))
      let decoded = try #require(JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String])
      #expect(decoded == [sample])
    }
    var w = JSONWriter()
    w.string("a\u{1}b")
    #expect(String(decoding: w.bytes, as: UTF8.self) == #""a\u0001b""#)
  }

  @Test("objects and arrays, compact and pretty, with empty containers")
  func layout() {
    func write(_ pretty: Bool) -> String {
      var w = JSONWriter(pretty: pretty)
      w.beginObject()
      w.key("a"); w.integer(1)
      w.key("b"); w.beginArray(); w.number(0.5); w.null(); w.endArray()
      w.key("c"); w.beginArray(); w.endArray()
      w.key("d"); w.beginObject(); w.endObject()
      w.endObject()
      return String(decoding: w.bytes, as: UTF8.self)
    }
    #expect(write(false) == #"{"a":1,"b":[0.5,null],"c":[],"d":{}}"#)
    #expect(write(true) == "{\n  \"a\": 1,\n  \"b\": [\n    0.5,\n    null\n  ],\n  \"c\": [],\n  \"d\": {}\n}")
  }
}
