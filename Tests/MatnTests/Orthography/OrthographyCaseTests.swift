import Testing

@testable import Matn

@Suite("Golden normalisation cases")
struct OrthographyCaseTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var profile: TextNormalizer.Profile
    var input: String
    var expected: String
    var note: String
    var testDescription: String { id }
  }

  static let cases: [Case] = {
    do {
      return try Fixtures.table("orthography-cases.tsv").map { row in
        let f = row.fields
        precondition(f.count == 5, "orthography-cases.tsv line \(row.line): expected 5 fields, found \(f.count)")
        return Case(id: f[0], profile: TextNormalizer.Profile(rawValue: f[1])!, input: f[2], expected: f[3], note: f[4])
      }
    } catch {
      preconditionFailure("cannot read orthography-cases.tsv: \(error)")
    }
  }()

  @Test("the fixture covers the 30 reference cases and at least 60 of our own")
  func coverage() {
    #expect(Self.cases.count >= 90)
    #expect(Set(Self.cases.map(\.id)).count == Self.cases.count, "case ids must be unique")
  }

  @Test("each case", arguments: cases)
  func golden(_ c: Case) {
    let output = TextNormalizer(profile: c.profile).normalize(c.input).text
    #expect(
      output.unicodeScalars.elementsEqual(c.expected.unicodeScalars),
      "\(c.id) (\(c.note)): got \(Fixtures.visible(output)), expected \(Fixtures.visible(c.expected))")
    // Idempotence on every case.
    let again = TextNormalizer(profile: c.profile).normalize(output).text
    #expect(again.unicodeScalars.elementsEqual(output.unicodeScalars), "\(c.id) is not idempotent")
  }
}
