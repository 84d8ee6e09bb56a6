import Testing

@testable import MatnICU

@Suite("Script")
struct ScriptTests {
  @Test("script of a scalar and its ISO 15924 code", arguments: [
    ("a", "Latn"), ("ب", "Arab"), ("ی", "Arab"), ("ж", "Cyrl"), ("中", "Hani"), ("ש", "Hebr"),
    ("5", "Zyyy"), ("،", "Zyyy"), ("\u{200C}", "Zinh"), ("\u{064E}", "Zinh"), ("\u{0378}", "Zzzz"),
  ])
  func scriptOfScalar(character: String, code: String) throws {
    let scalar = try #require(character.unicodeScalars.first)
    #expect(Script(of: scalar).code == code)
    #expect(scalar.script == Script(code: code))
  }

  @Test("names and lookups round-trip")
  func names() {
    #expect(Script.arabic.name == "Arabic")
    #expect(Script(code: "Arabic") == .arabic)
    #expect(Script(code: "Cyrl") == .cyrillic)
    #expect(Script(code: "Not-a-script") == nil)
    for script in [Script.common, .inherited, .latin, .han, .hebrew, .greek, .unknown, .hangul, .syriac] {
      #expect(Script(code: script.code) == script, "\(script.code)")
    }
    #expect(Script.allScripts.count > 150)
  }

  @Test("Script_Extensions of shared characters")
  func extensions() throws {
    // ARABIC COMMA is Common but used with Arabic, Syriac, Thaana and others.
    let comma = try #require("،".unicodeScalars.first)
    let ext = Script.extensions(of: comma)
    #expect(ext.contains(.arabic))
    #expect(ext.contains(.syriac))
    #expect(Script.scalar(comma, isUsedWith: .arabic))
    #expect(!Script.scalar(comma, isUsedWith: .latin))
    // Arabic-Indic digits are used with Arabic and Thaana.
    let digit = try #require("٣".unicodeScalars.first)
    #expect(digit.scriptExtensions.contains(.arabic))
    // A plain letter's extensions are just its script.
    #expect(Script.extensions(of: "a") == [.latin])
  }

  @Test("batch lookup over a buffer matches per-scalar lookup")
  func batch() {
    let text = "Hi سلام 😀 中文 е\u{301}"
    let batch = Script.scripts(of: text)
    #expect(batch == text.unicodeScalars.map(Script.init(of:)))
    #expect(Script.scripts(of: "") == [])
  }

  @Test("conformance with Scripts.txt for every assigned code point",
        .enabled(if: UnicodeData.available("Scripts.txt"), UnicodeData.skipComment("Scripts.txt")))
  func scriptsFile() throws {
    let text = try #require(UnicodeData.contents(of: "Scripts.txt"))
    var checked = 0
    var failures = 0
    for raw in text.split(separator: "\n") {
      let line = raw.prefix { $0 != "#" }
      let fields = line.split(separator: ";").map { $0.filter { $0 != " " } }
      guard fields.count == 2 else { continue }
      let bounds = fields[0].split(separator: ".", omittingEmptySubsequences: true)
      let low = try #require(UInt32(bounds[0], radix: 16))
      let high = bounds.count > 1 ? try #require(UInt32(bounds[1], radix: 16)) : low
      let expected = try #require(Script(code: String(fields[1])), "\(fields[1])")
      for value in low...high {
        guard let scalar = Unicode.Scalar(value) else { continue }
        checked += 1
        if Script(of: scalar) != expected {
          failures += 1
          if failures < 10 { Issue.record("U+\(String(value, radix: 16)) expected \(expected.code)") }
        }
      }
    }
    print("Scripts.txt: \(checked) code points checked, \(failures) failures")
    #expect(checked > 140_000)
    #expect(failures == 0)
  }
}
