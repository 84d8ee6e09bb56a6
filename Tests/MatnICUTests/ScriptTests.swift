import TestSupport
import Testing

@testable import MatnICU

@Suite("Script")
struct ScriptTests {
  @Test(
    "script of a scalar and its ISO 15924 code",
    arguments: [
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

  @Test("direction of scripts")
  func direction() {
    for rtl in [Script.arabic, .hebrew, .syriac, .thaana, Script(code: "Nkoo")!] {
      #expect(rtl.isRightToLeft, "\(rtl.code)")
    }
    for ltr in [Script.latin, .cyrillic, .han, .japanese, .common, .inherited, .unknown] {
      #expect(!ltr.isRightToLeft, "\(ltr.code)")
    }
  }

  @Test("the ISO 15924 aliases and the statics carry the codes they name")
  func statics() {
    let expected: [(Script, String)] = [
      (.bopomofo, "Bopo"), (.yi, "Yiii"), (.japanese, "Jpan"), (.korean, "Kore"), (.hanWithBopomofo, "Hanb"),
      (.hiragana, "Hira"), (.katakana, "Kana"), (.thaana, "Thaa"), (.devanagari, "Deva"),
    ]
    for (script, code) in expected { #expect(script.code == code) }
  }

  @Test("batch lookup over a buffer matches per-scalar lookup")
  func batch() {
    let text = "Hi سلام 😀 中文 е\u{301}"
    let batch = Script.scripts(of: text)
    #expect(batch == text.unicodeScalars.map(Script.init(of:)))
    #expect(Script.scripts(of: "") == [])
  }

  @Test(
    "conformance with Scripts.txt for every assigned code point",
    .enabled(if: UnicodeData.available("Scripts.txt"), UnicodeData.skipComment("Scripts.txt")))
  func scriptsFile() throws {
    var checked = 0
    var failures = 0
    for (low, high, field) in try UnicodeData.ranges(in: "Scripts.txt") {
      let expected = try #require(Script(code: field), "\(field)")
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

  @Test(
    "conformance with ScriptExtensions.txt for every code point",
    .enabled(
      if: UnicodeData.available("ScriptExtensions.txt") && UnicodeData.available("Scripts.txt"),
      UnicodeData.skipComment(UnicodeData.available("Scripts.txt") ? "ScriptExtensions.txt" : "Scripts.txt")))
  func scriptExtensionsFile() throws {
    // A code point absent from ScriptExtensions.txt has its Script value as its only
    // extension (Unknown where Scripts.txt does not list it either).
    var expected = [Set<Script>?](repeating: nil, count: 0x110000)
    for (low, high, fields) in try UnicodeData.ranges(in: "Scripts.txt") {
      let script = try #require(Script(code: fields), "\(fields)")
      for value in low...high { expected[Int(value)] = [script] }
    }
    var listed = 0
    for (low, high, fields) in try UnicodeData.ranges(in: "ScriptExtensions.txt") {
      let scripts = try fields.split(separator: " ").map { try #require(Script(code: String($0)), "\($0)") }
      for value in low...high { expected[Int(value)] = Set(scripts) }
      listed += Int(high - low + 1)
    }
    var checked = 0
    var failures = 0
    for value in UInt32(0)..<0x110000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      checked += 1
      let want = expected[Int(value)] ?? [.unknown]
      let got = Script.extensions(of: scalar)
      if Set(got) != want || got.count != want.count {
        failures += 1
        if failures < 10 { Issue.record("U+\(String(value, radix: 16)): \(got) expected \(want)") }
      }
      // The membership test agrees with the list.
      for script in want where !Script.scalar(scalar, isUsedWith: script) {
        failures += 1
        if failures < 10 { Issue.record("U+\(String(value, radix: 16)): not used with \(script)") }
      }
    }
    print("ScriptExtensions.txt: \(listed) listed, \(checked) code points checked, \(failures) failures")
    #expect(listed > 500)
    #expect(failures == 0)
  }
}
