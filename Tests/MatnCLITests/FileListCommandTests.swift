import Foundation
import Testing

/// Long lists of file operands (taken out of the command line before the argument
/// parser sees it) and `--paths-from`, on every command that reads files.
@Suite("file lists")
struct FileListCommandTests {
  /// `count` small files in a new directory, each holding its own line.
  static func files(_ count: Int) throws -> (directory: URL, paths: [String]) {
    let dir = try CLI.temporaryDirectory()
    let paths = try (0..<count).map { n in
      let url = dir.appendingPathComponent(String(format: "f%03d.txt", n))
      try "line \(n)\n".write(to: url, atomically: true, encoding: .utf8)
      return url.path
    }
    return (dir, paths)
  }

  @Test("a long list of files is read in order, options anywhere among them")
  func longList() throws {
    let (dir, paths) = try Self.files(40)
    defer { try? FileManager.default.removeItem(at: dir) }
    let expected = (0..<40).map { "line \($0)\n" }.joined()
    let split = try CLI.run(["clean"] + paths[..<20] + ["--form", "nfc"] + paths[20...])
    #expect(split.status == 0)
    #expect(split.text == expected)
    // An option's value is not a file: utf-8 here, a file name with = there.
    let decoded = try CLI.run(["decode", "--text", "--encoding", "utf-8"] + paths + ["--strict"])
    #expect(decoded.status == 0)
    #expect(decoded.text == expected)
    let equals = try CLI.run(["decode", "--encoding=utf-8", "--text"] + paths)
    #expect(equals.text == expected)
    // After --, every argument is a file, even one that starts with '-'.
    let dash = dir.appendingPathComponent("-dash.txt")
    try "dash\n".write(to: dash, atomically: true, encoding: .utf8)
    let terminated = try CLI.run(executable: CLI.executable, ["clean", "--"] + paths + ["-dash.txt"], directory: dir)
    #expect(terminated.status == 0)
    #expect(terminated.text == expected + "dash\n")
  }

  @Test("with a long list, help and errors are the parser's own")
  func longListMessages() throws {
    let (dir, paths) = try Self.files(40)
    defer { try? FileManager.default.removeItem(at: dir) }
    let unknown = try CLI.run(["clean"] + paths + ["--bogus"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("Unknown option '--bogus'"))
    #expect(unknown.stdout.isEmpty)
    let help = try CLI.run(["decode"] + paths + ["--help"])
    #expect(help.status == 0)
    #expect(help.text.contains("USAGE: matn decode"))
    let missing = try CLI.run(["clean"] + paths + ["--form"])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("Missing value for '--form <form>'"))
    // The command's own checks still see the files.
    let filter = try CLI.run(["normalize", "--jsonl"] + paths)
    #expect(filter.status == 64)
    #expect(filter.stderr.contains("--jsonl reads its records from standard input"))
    let twice = try CLI.run(["clean"] + paths + ["--profile", "article", "--form", "nfc"])
    #expect(twice.status == 64)
    #expect(twice.stderr.contains("--form applies a Unicode form alone"))
  }

  @Test(
    "--paths-from reads the list of files, on every command that reads files",
    arguments: [
      ["normalize", "--format", "jsonl", "--quiet"], ["clean"], ["decode"], ["detect"], ["names"], ["show"],
      ["translit"], ["bidi", "check"],
    ])
  func pathsFrom(command: [String]) throws {
    let (dir, paths) = try Self.files(3)
    defer { try? FileManager.default.removeItem(at: dir) }
    let list = dir.appendingPathComponent("list")
    try (paths.joined(separator: "\n") + "\n").write(to: list, atomically: true, encoding: .utf8)
    let operands = try CLI.run(command + paths)
    let listed = try CLI.run(command + ["--paths-from", list.path])
    #expect(listed.status == operands.status)
    #expect(!listed.stdout.isEmpty || command == ["bidi", "check"])  // bidi check: a summary on standard error
    #expect(Self.withoutTimes(listed.text) == Self.withoutTimes(operands.text))
    // The list from standard input, NUL-separated, then operands after it.
    let nul = try CLI.run(
      command + ["--paths-from", "-", paths[0]], stdin: Array(paths[1...].joined(separator: "\0").utf8))
    let reordered = try CLI.run(command + paths[1...] + [paths[0]])
    #expect(Self.withoutTimes(nul.text) == Self.withoutTimes(reordered.text))
    // Standard input is read once: it cannot be both the list and a file.
    let both = try CLI.run(command + ["--paths-from", "-", "-"])
    #expect(both.status == 64)
    #expect(both.stderr.contains("'-' (standard input) can be read only once"))
    let absent = try CLI.run(command + ["--paths-from", dir.appendingPathComponent("none").path])
    #expect(absent.status == 64)
    #expect(absent.stderr.contains("none"))
  }

  /// Normalisation times in JSON Lines records differ between runs.
  static func withoutTimes(_ text: String) -> String {
    text.replacingOccurrences(of: #""seconds":[0-9.e-]+"#, with: "", options: .regularExpression)
  }
}
