import Foundation
import Testing

/// The CLI conventions users know from other tools (issue #21): `-o` writes a file,
/// `--output-dir` a directory; every command that reads files walks directories; a
/// byte order mark is no warning; help texts say what each format carries.
@Suite("matn: conventions of the tools users know")
struct ConventionsCommandTests {
  typealias Safety = BatchSafetyCommandTests
  static let story = Safety.story
  static func sh(_ script: String, _ directory: URL) throws -> CLI.Result { try Safety.shell(script, in: directory) }

  @Test("-o FILE writes one file: JSON for one input, JSON Lines for a directory; nothing else is created")
  func outputFile() throws {
    try Safety.withDirectory { dir in
      try Safety.write(Self.story, dir.appendingPathComponent("in/a.txt"))
      try Safety.write(Self.story, dir.appendingPathComponent("in/b.txt"))
      #expect(try Self.sh("\"$MATN\" normalize -o out.json in/a.txt", dir).status == 0)
      let one = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out.json"))) as? [String: Any]
      #expect(one?["id"] as? String == "a")
      #expect(try Self.sh("\"$MATN\" normalize -o all.jsonl in", dir).status == 0)
      let lines = try String(contentsOf: dir.appendingPathComponent("all.jsonl"), encoding: .utf8).split(separator: "\n")
      #expect(lines.count == 2)
      #expect(Safety.files(under: dir) == ["all.jsonl", "in", "in/a.txt", "in/b.txt", "out.json"])
      // What -o writes is what standard output gets.
      let stdout = try Self.sh("\"$MATN\" normalize in", dir)
      #expect(stdout.text == (try String(contentsOf: dir.appendingPathComponent("all.jsonl"), encoding: .utf8)))
    }
  }

  @Test("a directory: --output-dir, -o DIR/ or an existing directory, or several inputs in a per-file format")
  func outputDirectory() throws {
    try Safety.withDirectory { dir in
      try Safety.write(Self.story, dir.appendingPathComponent("in/a.txt"))
      try Safety.write(Self.story, dir.appendingPathComponent("in/b.txt"))
      #expect(try Self.sh("\"$MATN\" normalize --output-dir d1 in", dir).status == 0)
      #expect(try Self.sh("\"$MATN\" normalize -o d2/ in", dir).status == 0)
      try FileManager.default.createDirectory(at: dir.appendingPathComponent("d3"), withIntermediateDirectories: true)
      #expect(try Self.sh("\"$MATN\" normalize -o d3 in", dir).status == 0)
      #expect(try Self.sh("\"$MATN\" normalize --format text -o d4 in", dir).status == 0)
      for name in ["d1", "d2", "d3"] {
        #expect(Safety.files(under: dir.appendingPathComponent(name)) == ["a.json", "b.json"], "\(name)")
      }
      #expect(Safety.files(under: dir.appendingPathComponent("d4")) == ["a.txt", "b.txt"])
      // JSON Lines is one stream: no per-file form, and a directory is no file for it.
      let perFile = try Self.sh("\"$MATN\" normalize --format jsonl --output-dir d5 in", dir)
      #expect(perFile.status == 64)
      #expect(perFile.stderr.contains("JSON Lines is one stream"))
      let both = try Self.sh("\"$MATN\" normalize -o x --output-dir y in", dir)
      #expect(both.status == 64)
    }
  }

  @Test("--help states the -o rule and what each format carries")
  func helpDocumentsOutput() throws {
    let help = try CLI.run(["normalize", "--help"]).text.replacingOccurrences(of: "\n", with: " ")
      .replacingOccurrences(of: "  ", with: " ")
    for phrase in [
      "--output-dir", "or with -o FILE into that one file", "only when PATH ends with '/' or is an existing",
      "text carries the title and the body paragraphs only", "--with-metadata", "--verbose",
    ] {
      #expect(help.contains(phrase), "\(phrase)")
    }
  }

  @Test("--format text leaves metadata out, as documented; --with-metadata keeps it in a header")
  func textMetadata() throws {
    let input = Array(
      "Harbour Cranes Arrive in Bushehr\n\nTuesday, March 12, 2024\n\nBy Sara Jafari\n\nFour new cranes reached the port on Tuesday, the port authority said.\n\nPhoto credit: Port Authority.\n"
        .utf8)
    let plain = try CLI.run(["normalize", "--format", "text", "-"], stdin: input)
    #expect(plain.text == "Harbour Cranes Arrive in Bushehr\n\nFour new cranes reached the port on Tuesday, the port authority said.\n")
    let full = try CLI.run(["normalize", "--format", "text", "--with-metadata", "-"], stdin: input)
    #expect(
      full.text
        == "Dateline: Tuesday, March 12, 2024\nPublished: 2024-03-12\nByline: Sara Jafari\nCredit: photo: Photo credit: Port Authority.\n\n"
        + plain.text)
    let wrong = try CLI.run(["normalize", "--with-metadata", "-"], stdin: input)
    #expect(wrong.status == 64)
  }

  @Test("detect, names and bidi check walk directories, report a bad file and go on, exit 1")
  func walkDirectories() throws {
    try Safety.withDirectory { dir in
      try Safety.write("President Hassan Rouhani spoke on Monday.\n", dir.appendingPathComponent("in/a.txt"))
      try Safety.write(
        "Ali Akbar Velayati met the delegation from Moscow on Tuesday and spoke about trade.\n",
        dir.appendingPathComponent("in/sub/b.txt"))
      try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]).write(to: dir.appendingPathComponent("in/image.txt"))
      let detect = try Self.sh("\"$MATN\" detect in", dir)
      #expect(detect.status == 1)
      #expect(
        detect.text.split(separator: "\n").map { $0.split(separator: "\t").prefix(2).joined(separator: " ") } == [
          "in/a.txt en", "in/sub/b.txt en",
        ])
      #expect(detect.stderr.contains("'in/image.txt': binary data"))
      let names = try Self.sh("\"$MATN\" names in", dir)
      #expect(names.status == 1)
      #expect(names.text.contains("==> in/a.txt <==\nHassan Rouhani\t"))
      #expect(names.text.contains("==> in/sub/b.txt <==\nAli Akbar Velayati\t"))
      let bidi = try Self.sh("\"$MATN\" bidi check in", dir)
      #expect(bidi.status == 1)
      #expect(bidi.stderr.contains("2 files checked, 0 errors, 0 warnings, 0 notes"))
      #expect(!bidi.stderr.contains("is a directory"))
    }
  }

  @Test("matn names --mentions prints each mention with its UTF-8 byte range")
  func nameOffsets() throws {
    let text = "President Hassan Rouhani met Ali Akbar Velayati. Velayati said so.\n"
    let result = try CLI.run(["names", "--mentions", "-"], stdin: Array(text.utf8))
    #expect(result.status == 0)
    let lines = result.text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    #expect(lines.map { String($0[1]) } == ["Hassan Rouhani", "Ali Akbar Velayati", "Velayati"])
    #expect(lines[0][3] == "President")
    for line in lines {
      let range = line[0].split(separator: "-").map { Int($0)! }
      #expect(String(decoding: Array(text.utf8)[range[0]..<range[1]], as: UTF8.self) == String(line[1]))
    }
  }

  @Test("a UTF-8 byte order mark is no warning; --verbose notes it; the JSON keeps it in source.repairs")
  func byteOrderMark() throws {
    let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(Self.story.utf8)
    let quiet = try CLI.run(["normalize", "-"], stdin: input)
    #expect(quiet.status == 0)
    #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    let article = try JSONSerialization.jsonObject(with: Data(quiet.stdout)) as? [String: Any]
    #expect((article?["source"] as? [String: Any])?["repairs"] as? [String] == ["removed the UTF-8 byte order mark"])
    #expect((article?["report"] as? [String: Any])?["warnings"] as? [String] == [])
    let verbose = try CLI.run(["normalize", "--verbose", "-"], stdin: input)
    #expect(verbose.stderr.contains("note: decoding: removed the UTF-8 byte order mark"))
    #expect(!verbose.stderr.contains("warning"))
  }

  @Test("--jobs -1 and --jobs 0 are told what is wrong")
  func jobs() throws {
    for value in ["-1", "0"] {
      let result = try CLI.run(["normalize", "--jobs", value, "-"], stdin: Array(Self.story.utf8))
      #expect(result.status == 64)
      #expect(result.stderr.contains("--jobs must be at least 1 (got \(value))"), "\(result.stderr)")
    }
  }

  @Test("the top-level help names every command, and no 'as they land'")
  func rootHelp() throws {
    let help = try CLI.run(["--help"]).text
    #expect(!help.contains("as they land"))
    for command in ["normalize", "clean", "decode", "detect", "show", "bidi", "translit", "names", "index", "search"] {
      #expect(help.contains("  \(command)"), "\(command)")
    }
  }

  @Test("--schema describes articles and JSON Lines error records: real output of every kind validates")
  func schemaValidatesOutput() throws {
    let validator = try SchemaValidator(json: try CLI.run(["normalize", "--schema"]).text)
    try Safety.withDirectory { dir in
      try Safety.write(Self.story, dir.appendingPathComponent("in/good.txt"))
      try Data([0x89, 0x50, 0x4E, 0x47, 0x00]).write(to: dir.appendingPathComponent("in/binary.txt"))
      try Data().write(to: dir.appendingPathComponent("in/empty.txt"))
      try FileManager.default.createSymbolicLink(
        atPath: dir.appendingPathComponent("in/gone.txt").path, withDestinationPath: "/nonexistent/matn")
      try Data([0xFF, 0xFE] + Array("x".utf8)).write(to: dir.appendingPathComponent("in/caf\u{E9}-bad.txt"))
      let batch = try Self.sh("\"$MATN\" normalize --strict in", dir)
      var kinds = Set<String>()
      for line in batch.text.split(separator: "\n") {
        #expect(validator.problems(json: String(line)).isEmpty, "\(validator.problems(json: String(line))) in \(line)")
        let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        if let error = record?["error"] as? [String: Any] { kinds.insert(error["kind"] as! String) }
      }
      #expect(kinds.isSuperset(of: ["binary", "empty", "unreadable"]), "\(kinds)")
      // Filter mode: invalid records, unreadable ids (null), forbidden paths.
      let records =
        "{\"id\":\"t\",\"text\":\"\(Self.story.replacingOccurrences(of: "\n", with: "\\n"))\"}\nnot json\n{\"id\":7,\"path\":\"/etc/hostname\"}\n{\"text\":\"x\"}\n"
      let filter = try CLI.run(["normalize", "--jsonl", "--no-paths"], stdin: Array(records.utf8))
      let lines = filter.text.split(separator: "\n")
      #expect(lines.count == 4)
      for line in lines {
        #expect(validator.problems(json: String(line)).isEmpty, "\(validator.problems(json: String(line))) in \(line)")
      }
      #expect(filter.text.contains("\"kind\":\"invalid-record\"") && filter.text.contains("\"kind\":\"forbidden\""))
      #expect(filter.text.contains("\"id\":null"))
      // The validator is no rubber stamp.
      #expect(!validator.problems(json: #"{"id":"x","error":{"kind":"nonsense","message":"m"}}"#).isEmpty)
      #expect(!validator.problems(json: #"{"id":"x"}"#).isEmpty)
      // A whole article of each sample shape, too.
      let samples = try CLI.run(["normalize", CLI.repositoryRoot.appendingPathComponent("Resources/samples").path])
      for line in samples.text.split(separator: "\n") {
        #expect(validator.problems(json: String(line)).isEmpty, "\(validator.problems(json: String(line)))")
      }
    }
  }

  /// A command line that cannot ask for a completion script is parsed without the
  /// parser's check for one (start-up time); the messages, help and scripts are the
  /// parser's own all the same, never naming a super-command.
  @Test("errors, help and completion scripts read as the parser writes them")
  func parserMessages() throws {
    let badValue = try CLI.run(["clean", "--form", "xx"])
    #expect(badValue.status == 64)
    #expect(badValue.stderr.contains("Usage: matn clean [--profile <profile>]"))
    let fromRun = try CLI.run(["clean", "--paths-from", "-", "-"])
    #expect(fromRun.status == 64)
    #expect(fromRun.stderr.contains("'-' (standard input) can be read only once"))
    #expect(fromRun.stderr.contains("Usage: matn <subcommand>"))
    let parent = try CLI.run(["bidi"])
    #expect(parent.status == 0)
    #expect(parent.text.contains("USAGE: matn bidi <subcommand>"))
    let script = try CLI.run(["--generate-completion-script", "bash"])
    #expect(script.status == 0)
    #expect(script.text.hasPrefix("#!/bin/bash"))
    #expect(try CLI.run(["clean", "--generate-completion-script=bash"]).text == script.text)
    for result in [badValue, fromRun, parent] {
      #expect(!(result.stderr + result.text).contains("matn matn"))
    }
  }
}
