import Foundation
import Testing

/// Reads fixture tables from Tests/MatnTests/Fixtures (located by `#filePath`, so no
/// bundle resources are needed).
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  /// The repository's root (Tests/MatnTests/Fixtures/../../..), wherever a test file sits.
  static let repositoryRoot = directory.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// A file of `../shared` beside the repository (read for testing, never copied).
  static func shared(_ relative: String) -> URL {
    repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative)
  }

  /// Whether a test of `../shared/<relative>` runs: when the file is there. A clean
  /// clone (CI's among them) need not sit beside shared/; the behaviour such a test
  /// checks is also checked on our own fixtures (``ownSample``), which always run.
  static func sharedRuns(_ relative: String) -> Bool {
    FileManager.default.fileExists(atPath: shared(relative).path)
  }

  /// Why a test of `../shared/<relative>` is skipped.
  static func sharedSkipComment(_ relative: String) -> Comment {
    "../shared/\(relative) is not present beside this clone; the own-fixture twin of this test runs instead"
  }

  /// The own-fixture twin of `../shared/samples/raw-article-en-fa-footer.txt`: an
  /// article of our own writing in the same shape (title, date, quoted speech, names
  /// with titles, a photo credit, a Persian site footer), so the tests of that shape
  /// run everywhere.
  static let ownSample = directory.appendingPathComponent("own-sample/raw-article-en-fa-footer.txt")

  /// The non-comment rows of a tab-separated table, with `\n` and `\u{XXXX}` escapes decoded.
  static func table(_ name: String) throws -> [(line: Int, fields: [String])] {
    let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
      guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
      return (index + 1, line.split(separator: "\t", omittingEmptySubsequences: false).map { unescape(String($0)) })
    }
  }

  static func unescape(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var scalars = Array(s.unicodeScalars)[...]
    while let c = scalars.popFirst() {
      guard c == "\\", let next = scalars.first else {
        out.append(c)
        continue
      }
      if next == "n" {
        scalars.removeFirst()
        out.append("\n")
      } else if next == "u", scalars.dropFirst().first == "{", let close = scalars.firstIndex(of: "}"),
        let value = UInt32(String(String.UnicodeScalarView(scalars[scalars.index(scalars.startIndex, offsetBy: 2)..<close])), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        out.append(scalar)
        scalars = scalars[scalars.index(after: close)...]
      } else {
        out.append(c)
      }
    }
    return String(out)
  }

  /// Shows invisible characters in failure messages.
  static func visible(_ s: String) -> String {
    s.unicodeScalars.map { v in
      let c = v.properties.generalCategory
      if c == .format || c == .control || c == .spaceSeparator && v != " " || c == .nonspacingMark {
        return "<U+\(String(v.value, radix: 16, uppercase: true))>"
      }
      return String(v)
    }.joined()
  }
}
