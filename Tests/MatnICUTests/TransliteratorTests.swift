import Testing

@testable import MatnICU

@Suite("Transliterator")
struct TransliteratorTests {
  @Test(
    "system transforms by ID",
    arguments: [
      ("Russian-Latin/BGN", "Решетников", "Reshetnikov"),
      ("Any-Latin; Latin-ASCII", "Ελλάδα", "Ellada"),
      ("Latin-ASCII", "Rouhâni", "Rouhani"),
      ("Any-Upper", "tehran", "TEHRAN"),
    ])
  func systemTransforms(id: String, input: String, expected: String) throws {
    let t = try Transliterator(id: id)
    #expect(t.transliterate(input) == expected)
  }

  @Test("Han-Latin/Names reads surnames as names")
  func hanNames() throws {
    let t = try Transliterator(id: "Han-Latin/Names")
    let out = t.transliterate("曾")
    #expect(out.hasPrefix("zēng") || out.hasPrefix("Zēng"))
  }

  @Test("custom rules, forward and reverse")
  func customRules() throws {
    let rules = "ی <> y; ک <> k;"
    let forward = try Transliterator(id: "Test-Fa", rules: rules)
    #expect(forward.transliterate("کی") == "ky")
    let reverse = try Transliterator(id: "Test-Fa", rules: rules, direction: .reverse)
    #expect(reverse.transliterate("ky") == "کی")
  }

  @Test("an unknown ID is a clear error")
  func unknownID() {
    #expect(throws: ICUError.invalidID) { try Transliterator(id: "No-Such-Transform") }
  }

  @Test("a malformed rule reports ICU's code and where it is")
  func malformedRule() {
    do {
      _ = try Transliterator(id: "Bad", rules: "a > b;\n c > ;; [")
      Issue.record("expected a rule error")
    } catch {
      #expect(error.code.isFailure)
      #expect(error.description.contains(error.code.name))
    }
  }

  @Test("the ID is ICU's, and clones behave like the original")
  func idAndClone() throws {
    let t = try Transliterator(id: "Latin-ASCII")
    #expect(t.id == "Latin-ASCII")
    let copy = try t.clone()
    #expect(copy.transliterate("é") == "e")
  }

  @Test("available IDs include the transforms Matn relies on")
  func availableIDs() {
    let ids = Set(Transliterator.availableIDs)
    for id in ["Russian-Latin/BGN", "Han-Latin/Names", "Arabic-Latin", "Latin-ASCII", "Persian-Latin/BGN"] {
      #expect(ids.contains(id), "\(id)")
    }
  }

  @Test("the shared cache opens each transform once")
  func sharedCache() throws {
    let a = try Transliterator.shared(id: "Latin-ASCII")
    let b = try Transliterator.shared(id: "Latin-ASCII")
    #expect(a === b)
    let c = try Transliterator.shared(id: "Test-Rules", rules: "a > b;")
    #expect(c !== a)
    #expect(c.transliterate("aa") == "bb")
  }

  @Test("a shared transliterator gives correct results under concurrent use")
  func concurrentSharedUse() async throws {
    let shared = try Transliterator.shared(id: "Russian-Latin/BGN")
    await withTaskGroup(of: String.self) { group in
      for _ in 0..<16 { group.addTask { shared.transliterate("Москва") } }
      for await result in group { #expect(result == "Moskva") }
    }
  }
}
