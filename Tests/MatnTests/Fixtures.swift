import Foundation

/// Reads fixture tables from Tests/MatnTests/Fixtures (located by `#filePath`, so no
/// bundle resources are needed).
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  /// The repository's root (Tests/MatnTests/Fixtures/../../..), wherever a test file sits.
  static let repositoryRoot = directory.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

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
