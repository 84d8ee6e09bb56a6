import Foundation
import Testing

/// The name lists that scripts derive from pinned inputs (the shared data, our committed
/// lists, `scripts/name-frequent-words.txt`) are what the scripts write today: a rerun
/// gives the committed files byte for byte, so retraining another model (the language
/// model, the romaniser) does not move them.
@Suite("Derived name lists")
struct DerivedNameListsTests {
  static let inputs = ["data/names/wikidata-persons/persons.tsv", "data/persian/lexicon/hazm-0.12.1-words.dat.gz"]

  @Test(
    "scripts/derive-name-word-odds and scripts/derive-given-names regenerate the committed files byte for byte",
    .enabled(
      if: inputs.allSatisfy(Fixtures.sharedRuns) && FileManager.default.fileExists(atPath: "/usr/share/dict/words"),
      "needs ../shared/data/names, the hazm word list and Debian's wamerican (/usr/share/dict/words)")
  )
  func reproducible() throws {
    for script in ["derive-name-word-odds", "derive-given-names"] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", Fixtures.repositoryRoot.appendingPathComponent("scripts/\(script)").path, "--check"]
      let output = Pipe()
      process.standardOutput = output
      process.standardError = output
      process.standardInput = FileHandle.nullDevice
      try process.run()
      // Read to the end before waiting, or a full pipe would block the script.
      let data = (try? output.fileHandleForReading.readToEnd()) ?? Data()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(script) --check: \(String(decoding: data, as: UTF8.self))")
    }
  }
}
