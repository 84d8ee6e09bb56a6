import Foundation
import Testing

/// Every Swift code block of README.md and of the DocC catalog appears, line for line,
/// in DocumentationExamples.swift, whose tests compile and run it: documentation that
/// compiles and cannot rot.
@Suite("Documentation code blocks are compiled examples")
struct DocumentationExamplesTests {
  /// The fenced blocks of a Markdown file: their language and lines.
  static func blocks(in url: URL) throws -> [(language: String, lines: [String], line: Int)] {
    let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    var blocks: [(String, [String], Int)] = []
    var current: (language: String, lines: [String], line: Int)?
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") {
        if let open = current {
          blocks.append((open.language, open.lines, open.line))
          current = nil
        } else {
          current = (String(trimmed.dropFirst(3)), [], index + 1)
        }
      } else if current != nil {
        current!.lines.append(line)
      }
    }
    return blocks
  }

  /// Lines as compared: trimmed, without blank lines and imports (a file's imports are
  /// at its top).
  static func significant(_ lines: [String]) -> [String] {
    lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("import ") }
  }

  static var documents: [URL] {
    let root = Fixtures.repositoryRoot
    let catalog = root.appendingPathComponent("Sources/Matn/Matn.docc")
    let articles = (try? FileManager.default.contentsOfDirectory(atPath: catalog.path)) ?? []
    return [root.appendingPathComponent("README.md")]
      + articles.filter { $0.hasSuffix(".md") }.sorted().map { catalog.appendingPathComponent($0) }
  }

  @Test("the catalog has its articles")
  func catalog() {
    let names = Set(Self.documents.map(\.lastPathComponent))
    for article in [
      "Matn.md", "GettingStarted.md", "NormalisingRawArticles.md", "DetectingScriptAndLanguage.md",
      "NamesForIndexing.md", "BidiHygiene.md", "RunningAtScale.md",
    ] {
      #expect(names.contains(article), "\(article)")
    }
  }

  @Test("every swift block is in DocumentationExamples.swift", arguments: documents)
  func swiftBlocks(document: URL) throws {
    let examples = Self.significant(
      try String(
        contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("DocumentationExamples.swift"), encoding: .utf8
      )
      .components(separatedBy: "\n"))
    let blocks = try Self.blocks(in: document).filter { $0.language == "swift" }
    for block in blocks {
      let wanted = Self.significant(block.lines)
      guard !wanted.isEmpty else { continue }
      let found = (0...(examples.count - wanted.count)).contains { Array(examples[$0..<($0 + wanted.count)]) == wanted }
      #expect(found, "\(document.lastPathComponent):\(block.line): this block is not in DocumentationExamples.swift")
    }
  }

  @Test("the Package.swift lines name this package's library product")
  func dependencyLine() throws {
    let manifest = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
    #expect(manifest.contains(".library(name: \"Matn\", targets: [\"Matn\"])"))
    for document in Self.documents {
      for block in try Self.blocks(in: document) where block.lines.contains(where: { $0.contains(".package(") }) {
        let text = block.lines.joined(separator: "\n")
        #expect(text.contains(".product(name: \"Matn\", package: \"matn\")"), "\(document.lastPathComponent):\(block.line)")
        #expect(text.contains("from: \"0.1.0\""))
      }
    }
  }
}
