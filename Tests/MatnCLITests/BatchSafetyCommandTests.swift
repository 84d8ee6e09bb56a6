import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `matn normalize` as a new user and an attacker would use it: never overwrite an
/// input, never collide names, the same answer at any --jobs, safe filter records, clean
/// exits. Each test is a reproduction from the batch-safety issue.
@Suite("matn normalize: batches that never lose or overwrite data")
struct BatchSafetyCommandTests {
  static let story = "A Story Title Line\n\nThe body of the story, long enough to be a paragraph of its own.\n"

  /// Runs `script` with /bin/sh in `directory`, `$MATN` naming the binary.
  static func shell(_ script: String, in directory: URL, stdin: [UInt8] = []) throws -> CLI.Result {
    try CLI.run(
      executable: URL(fileURLWithPath: "/bin/sh"), ["-c", script], stdin: stdin, directory: directory,
      environment: ["MATN": CLI.executable.path])
  }

  static func write(_ text: String, _ url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  static func files(under url: URL) -> [String] {
    (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
  }

  static func withDirectory(_ body: (URL) throws -> Void) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try body(dir)
  }

  @Test("--format text -o . x.txt refuses to replace the raw input; exit 64, nothing written")
  func outputIsInput() throws {
    try Self.withDirectory { dir in
      try Self.write(Self.story, dir.appendingPathComponent("x.txt"))
      let result = try Self.shell("\"$MATN\" normalize --format text -o . x.txt", in: dir)
      #expect(result.status == 64)
      #expect(result.stderr.contains("refusing to overwrite an input"))
      #expect(try String(contentsOf: dir.appendingPathComponent("x.txt"), encoding: .utf8) == Self.story)
      #expect(Self.files(under: dir) == ["x.txt"])
      // Through a link to the input's directory too.
      try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link").path, withDestinationPath: ".")
      let linked = try Self.shell("\"$MATN\" normalize --format text -o link x.txt", in: dir)
      #expect(linked.status == 64)
      #expect(try String(contentsOf: dir.appendingPathComponent("x.txt"), encoding: .utf8) == Self.story)
    }
  }

  @Test("an output directory that is the input directory is refused before anything is written")
  func outputDirectoryIsInput() throws {
    try Self.withDirectory { dir in
      for name in ["a.txt", "b.txt"] { try Self.write(Self.story, dir.appendingPathComponent("in/\(name)")) }
      let result = try Self.shell("\"$MATN\" normalize --format text -o in in", in: dir)
      #expect(result.status == 64)
      #expect(result.stderr.contains("is also an input directory"))
      #expect(Self.files(under: dir.appendingPathComponent("in")) == ["a.txt", "b.txt"])
      // Outputs that would land inside an input directory (several arguments keep their
      // folder names): refused too.
      try Self.write(Self.story, dir.appendingPathComponent("other/c.txt"))
      let inside = try Self.shell("\"$MATN\" normalize -o . in other", in: dir)
      #expect(inside.status == 64)
      #expect(inside.stderr.contains("inside the input directory"))
      #expect(Self.files(under: dir.appendingPathComponent("in")) == ["a.txt", "b.txt"])
    }
  }

  @Test("-o \"\" is a usage error, not /t.json")
  func emptyOutput() throws {
    try Self.withDirectory { dir in
      try Self.write(Self.story, dir.appendingPathComponent("t.txt"))
      let result = try Self.shell("\"$MATN\" normalize -o '' t.txt", in: dir)
      #expect(result.status == 64)
      #expect(result.stderr.contains("-o needs a path"))
      #expect(Self.files(under: dir) == ["t.txt"])
    }
  }

  @Test("running --output-dir out . twice does not read out/*.json as articles")
  func rerunSkipsOutput() throws {
    try Self.withDirectory { dir in
      for name in ["a.txt", "b.txt"] { try Self.write(Self.story, dir.appendingPathComponent(name)) }
      let first = try Self.shell("\"$MATN\" normalize --output-dir out .", in: dir)
      #expect(first.status == 0)
      let listing = Self.files(under: dir.appendingPathComponent("out"))
      #expect(listing == ["a.json", "b.json"])
      let second = try Self.shell("\"$MATN\" normalize --output-dir out .", in: dir)
      #expect(second.status == 0)
      #expect(second.stderr.contains("2 files: 2 parsed"))
      #expect(Self.files(under: dir.appendingPathComponent("out")) == listing)
    }
  }

  @Test("several folders with the same file names: folder names kept under --output-dir and in ids")
  func severalFolders() throws {
    try Self.withDirectory { dir in
      for site in 0..<3 {
        for article in 0..<2 {
          try Self.write(Self.story + "Site \(site) article \(article).\n", dir.appendingPathComponent("site\(site)/art000\(article).txt"))
        }
      }
      let written = try Self.shell("\"$MATN\" normalize --output-dir out site0 site1 site2", in: dir)
      #expect(written.status == 0)
      #expect(
        Self.files(under: dir.appendingPathComponent("out")).filter { $0.hasSuffix(".json") } == [
          "site0/art0000.json", "site0/art0001.json", "site1/art0000.json", "site1/art0001.json",
          "site2/art0000.json", "site2/art0001.json",
        ])
      let streamed = try Self.shell("\"$MATN\" normalize site0 site1 site2", in: dir)
      let ids = try NormalizeCommandTests.jsonLines(streamed.text).compactMap { $0["id"] as? String }
      #expect(ids == ["site0/art0000", "site0/art0001", "site1/art0000", "site1/art0001", "site2/art0000", "site2/art0001"])
      // Folders with the same name in different places keep enough of their path.
      try Self.write(Self.story, dir.appendingPathComponent("a/site/x.txt"))
      try Self.write(Self.story, dir.appendingPathComponent("b/site/x.txt"))
      let deeper = try Self.shell("\"$MATN\" normalize a/site b/site", in: dir)
      #expect(try NormalizeCommandTests.jsonLines(deeper.text).compactMap { $0["id"] as? String } == ["a/site/x", "b/site/x"])
    }
  }

  @Test("café.txt in NFC and in NFD are two files with two outputs")
  func normalizationDistinctNames() throws {
    try Self.withDirectory { dir in
      let nfc = "caf\u{E9}.txt", nfd = "cafe\u{301}.txt"
      try Self.write(Self.story + "NFC.\n", dir.appendingPathComponent("in/\(nfc)"))
      try Self.write(Self.story + "NFD.\n", dir.appendingPathComponent("in/\(nfd)"))
      #expect(Self.files(under: dir.appendingPathComponent("in")).count == 2)
      let result = try Self.shell("\"$MATN\" normalize --output-dir out in", in: dir)
      #expect(result.status == 0)
      let outputs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
      #expect(outputs.count == 2)
      #expect(Set(outputs.map { Array($0.utf8) }) == [Array("caf\u{E9}.json".utf8), Array("cafe\u{301}.json".utf8)])
      let streamed = try Self.shell("\"$MATN\" normalize in", in: dir)
      let ids = try NormalizeCommandTests.jsonLines(streamed.text).compactMap { $0["id"] as? String }.map { Array($0.utf8) }
      #expect(ids.count == 2 && ids[0] != ids[1])
    }
  }

  @Test("a file name that is not UTF-8: walked, given as an argument, listed, cleaned — by its bytes")
  func nonUTF8Names() throws {
    try Self.withDirectory { dir in
      // "caf\xE9.txt": Latin-1 é, invalid as UTF-8.
      let make = "mkdir in && printf 'A Story Title Line\\n\\nThe body of the story.\\n' > \"in/$(printf 'caf\\351.txt')\""
      #expect(try Self.shell(make, in: dir).status == 0)
      let walked = try Self.shell("\"$MATN\" normalize in", in: dir)
      #expect(walked.status == 0)
      let article = try NormalizeCommandTests.json(walked.stdout.split(separator: 0x0A).map(Array.init).first ?? [])
      #expect(article["id"] as? String == "caf%E9")
      let source = try #require(article["source"] as? [String: Any])
      #expect(source["path"] as? String == "in/caf\u{FFFD}.txt")
      #expect(source["pathBytes"] as? String == Data(Array("in/caf".utf8) + [0xE9] + Array(".txt".utf8)).base64EncodedString())
      let argument = try Self.shell("\"$MATN\" normalize \"in/$(printf 'caf\\351.txt')\"", in: dir)
      #expect(argument.status == 0)
      let listed = try Self.shell("printf 'in/caf\\351.txt\\n' | \"$MATN\" normalize --paths-from - --format jsonl", in: dir)
      #expect(listed.status == 0)
      #expect(listed.text.contains("\"title\":\"A Story Title Line\""))
      let cleaned = try Self.shell("\"$MATN\" clean \"in/$(printf 'caf\\351.txt')\"", in: dir)
      #expect(cleaned.status == 0)
      #expect(cleaned.text.hasPrefix("A Story Title Line"))
      // Written by its bytes under -o.
      let out = try Self.shell("\"$MATN\" normalize --output-dir out in && ls out | od -An -c | tr -d ' \\n'", in: dir)
      #expect(out.status == 0)
      #expect(out.text.contains("caf351.json"))
    }
  }

  @Test("a rerun where an input now fails removes its old output")
  func staleOutputRemoved() throws {
    try Self.withDirectory { dir in
      try Self.write(Self.story, dir.appendingPathComponent("in/a.txt"))
      try Self.write(Self.story, dir.appendingPathComponent("in/b.txt"))
      #expect(try Self.shell("\"$MATN\" normalize --output-dir out in", in: dir).status == 0)
      try Data([0, 1, 2, 0, 0, 0xFF, 0, 7]).write(to: dir.appendingPathComponent("in/b.txt"))
      let rerun = try Self.shell("\"$MATN\" normalize --output-dir out in", in: dir)
      #expect(rerun.status == 1)
      #expect(rerun.stderr.contains("removed 'out/b.json'"))
      #expect(Self.files(under: dir.appendingPathComponent("out")) == ["a.json"])
    }
  }

  @Test("stale temporary files of dead runs are removed at the start; live ones and others are kept")
  func staleTemporaries() throws {
    try Self.withDirectory { dir in
      try Self.write(Self.story, dir.appendingPathComponent("in/a.txt"))
      // A process id that is no longer running: a child that has exited.
      let child = try Self.shell("sh -c 'echo $$'", in: dir)
      let dead = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
      let out = dir.appendingPathComponent("out/sub")
      try Self.write("half", out.appendingPathComponent(".x.json.matn-tmp-\(dead)-AbC123"))
      try Self.write("half", out.appendingPathComponent("y.json.tmp-Zz9876"))  // the naming of earlier versions
      try Self.write("live", out.appendingPathComponent(".z.json.matn-tmp-1-QwErTy"))  // pid 1 is alive
      try Self.write("mine", out.appendingPathComponent("notes.tmp"))
      let result = try Self.shell("\"$MATN\" normalize --output-dir out in", in: dir)
      #expect(result.status == 0)
      #expect(result.stderr.contains("removed 2 temporary files left by an interrupted run"))
      #expect(Self.files(under: out) == [".z.json.matn-tmp-1-QwErTy", "notes.tmp"])
    }
  }

  @Test("ulimit -f: the write fails with a message (no SIGXFSZ death), no temporary file is left")
  func fileSizeLimit() throws {
    try Self.withDirectory { dir in
      let big = Self.story + String(repeating: "More text in a long paragraph of the story. ", count: 400) + "\n"
      try Self.write(big, dir.appendingPathComponent("in/a.txt"))
      let result = try Self.shell("ulimit -f 8; \"$MATN\" normalize --format jsonl -o out.jsonl in; echo \"status $?\"", in: dir)
      #expect(result.text.contains("status 1"))
      #expect(result.stderr.contains("cannot write 'out.jsonl'"))
      #expect(Self.files(under: dir).filter { $0.contains("matn-tmp") }.isEmpty)
      let dirMode = try Self.shell("ulimit -f 8; \"$MATN\" normalize --output-dir out in; echo \"status $?\"", in: dir)
      #expect(dirMode.text.contains("status 1"))
      #expect(dirMode.stderr.contains("File too large"))
      #expect(Self.files(under: dir).filter { $0.contains("matn-tmp") }.isEmpty)
    }
  }

  @Test("SIGTERM and SIGINT remove the temporary file in flight and end with the signal")
  func signalsRemoveTemporaries() throws {
    for signal in ["TERM", "INT"] {
      try Self.withDirectory { dir in
        // The JSON Lines output file is open while matn waits on standard input (a FIFO
        // that stays open), so the signal arrives with a temporary file in flight.
        let script = """
          mkfifo feed
          "$MATN" normalize --format jsonl -o out.jsonl - < feed & pid=$!
          exec 3> feed
          for i in $(seq 100); do ls -a | grep -q matn-tmp && break; sleep 0.05; done
          ls -a | grep -c matn-tmp
          kill -\(signal) $pid; wait $pid; echo "status $?"
          ls -a | grep -c matn-tmp
          """
        let result = try Self.shell(script, in: dir)
        let lines = result.text.split(separator: "\n")
        #expect(lines.first == "1")
        #expect(lines.dropFirst().first == "status \(signal == "TERM" ? 143 : 130)")
        #expect(lines.last == "0")
      }
    }
  }

  @Test("the same tree with duplicate files gives the same bytes at --jobs 1, 2 and 16")
  func sameAnswerAtAnyJobs() throws {
    try Self.withDirectory { dir in
      let header = "Example Daily | Home | World\n"
      let footer = "Follow Example Daily for more news\n"
      for copy in 0..<8 {
        try Self.write("Identical Story Title\n\nThe same article saved again and again.\n", dir.appendingPathComponent("site/copy\(copy).txt"))
      }
      for i in 0..<12 {
        try Self.write(
          header + "Story Title Number \(i)\n\nThe harbour was busy on day \(i).\n" + footer, dir.appendingPathComponent("site/story\(i).txt"))
      }
      var outputs: [[UInt8]] = []
      for jobs in [1, 2, 16] {
        let result = try Self.shell("\"$MATN\" normalize --jobs \(jobs) site", in: dir)
        #expect(result.status == 0)
        outputs.append(result.stdout)
      }
      #expect(outputs[0] == outputs[1])
      #expect(outputs[0] == outputs[2])
      let articles = try NormalizeCommandTests.jsonLines(String(decoding: outputs[0], as: UTF8.self))
      // The eight copies count once: their title is no site boilerplate.
      #expect(articles.filter { $0["title"] as? String == "Identical Story Title" }.count == 8)
      // No count ever exceeds the files counted.
      for article in articles {
        for item in article["boilerplate"] as? [[String: Any]] ?? [] {
          let reason = item["reason"] as? String ?? ""
          if let match = reason.firstMatch(of: /repeated in (\d+) of (\d+) files/) {
            #expect(Int(match.1)! <= Int(match.2)!)
          }
        }
      }
    }
  }

  @Test("a directory of one file gives JSON Lines, like a directory of two")
  func formatByArguments() throws {
    try Self.withDirectory { dir in
      try Self.write(Self.story, dir.appendingPathComponent("one/a.txt"))
      let result = try Self.shell("\"$MATN\" normalize one", in: dir)
      #expect(result.status == 0)
      #expect(result.text.hasPrefix("{\"id\":\"a\""))
      #expect(result.text.split(separator: "\n").count == 1)
      // A single file argument stays pretty JSON.
      #expect(try Self.shell("\"$MATN\" normalize one/a.txt", in: dir).text.hasPrefix("{\n  \"id\": \"a\""))
    }
  }

  @Test("on a terminal, the progress bar never shares a line with the articles")
  func progressOnTerminal() throws {
    try Self.withDirectory { dir in
      for i in 0..<3 { try Self.write(Self.story, dir.appendingPathComponent("in/\(i).txt")) }
      // script(1) gives matn a terminal for both standard output and standard error.
      let result = try Self.shell("script -qec '\"$MATN\" normalize in' /dev/null", in: dir)
      #expect(result.text.contains("{\"id\":\"0\""))
      #expect(!result.text.contains("files, "))
      #expect(!result.text.contains("\r["))
    }
  }

  @Test("I/O errors are exit 1 with a message, not usage errors; a directory as the JSON Lines file is found first")
  func outputErrors() throws {
    try Self.withDirectory { dir in
      try Self.write(Self.story, dir.appendingPathComponent("in/a.txt"))
      try FileManager.default.createDirectory(at: dir.appendingPathComponent("ro"), withIntermediateDirectories: true)
      let unwritable = try Self.shell("\"$MATN\" normalize --format jsonl -o /proc/matn-out.jsonl in", in: dir)
      #expect(unwritable.status == 1)
      #expect(unwritable.stderr.contains("cannot write '/proc/matn-out.jsonl'"))
      #expect(!unwritable.stderr.contains("Usage:"))
      let directory = try Self.shell("\"$MATN\" normalize --format jsonl -o ro in", in: dir)
      #expect(directory.status == 64)
      #expect(directory.stderr.contains("is a directory"))
      #expect(!directory.stderr.contains("1 file"))
    }
  }

  @Test("exit codes 0, 1 and 64 are documented in --help")
  func exitCodesDocumented() throws {
    let help = try CLI.run(["normalize", "--help"]).text
    #expect(help.contains("Exit status: 0"))
    #expect(help.contains("64"))
  }
}

@Suite("matn normalize --jsonl: records that cannot harm the filter")
struct FilterSafetyCommandTests {
  static func records(_ input: String, _ arguments: [String] = []) throws -> (CLI.Result, [[String: Any]]) {
    let result = try CLI.run(["normalize", "--jsonl"] + arguments, stdin: Array(input.utf8))
    return (result, try NormalizeCommandTests.jsonLines(result.text))
  }

  static func kind(_ record: [String: Any]) -> String? { (record["error"] as? [String: Any])?["kind"] as? String }

  @Test("{\"path\":\"/dev/stdin\"} and /proc/self/fd/1 are refused, not read: one record out per line in")
  func specialPaths() throws {
    let input =
      [
        #"{"id":"a","path":"/dev/stdin"}"#,
        #"{"id":"b","path":"/proc/self/fd/1"}"#,
        #"{"id":"c","path":"/proc/self/fd/0"}"#,
        #"{"id":"d","text":"A Title Line\n\nA body paragraph."}"#,
      ].joined(separator: "\n") + "\n"
    let (result, records) = try Self.records(input)
    #expect(result.status == 0)
    #expect(records.count == 4)
    #expect(records.prefix(3).map(Self.kind) == ["unreadable", "unreadable", "unreadable"])
    #expect(((records[0]["error"] as? [String: Any])?["message"] as? String)?.contains("not a regular file") == true)
    #expect(records[3]["title"] as? String == "A Title Line")
  }

  @Test("a FIFO path record does not hang")
  func fifo() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let (result, records) = try Self.records(#"{"id":"f","path":"\#(fifo)"}"# + "\n")
    #expect(result.status == 0)
    #expect(records.count == 1)
    #expect(Self.kind(records[0]) == "unreadable")
  }

  @Test("--path-root confines path records; --no-paths refuses them")
  func pathPolicy() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try BatchSafetyCommandTests.write(BatchSafetyCommandTests.story, dir.appendingPathComponent("ok.txt"))
    try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("escape").path, withDestinationPath: "/etc/hostname")
    let input =
      [
        #"{"id":"in","path":"\#(dir.path)/ok.txt"}"#,
        #"{"id":"out","path":"/etc/hostname"}"#,
        #"{"id":"dots","path":"\#(dir.path)/../../etc/hostname"}"#,
        #"{"id":"link","path":"\#(dir.path)/escape"}"#,
        #"{"id":"text","text":"A Title Line\n\nA body paragraph.","path":"/etc/hostname"}"#,
      ].joined(separator: "\n") + "\n"
    let (confined, records) = try Self.records(input, ["--path-root", dir.path])
    #expect(confined.status == 0)
    #expect(records.map(Self.kind) == [nil, "forbidden", "forbidden", "forbidden", nil])
    let (_, none) = try Self.records(input, ["--no-paths"])
    #expect(none.map(Self.kind) == ["forbidden", "forbidden", "forbidden", "forbidden", nil])
    #expect(try CLI.run(["normalize", "--no-paths", "x"]).status == 64)
  }

  @Test("JSON edge cases each have a defined answer, with the id kept where it can be read")
  func jsonEdgeCases() throws {
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    let input =
      [
        #"{"id":"deep","extra":\#(deep),"text":"A Title Line\n\nA body paragraph."}"#,
        #"{"id":"lone","text":"broken \ud800 text"}"#,
        #"{"id":1.0,"text":"A Title Line\n\nA body paragraph."}"#,
        #"{"id":"line 5","text":"A Title Line\n\nA body paragraph."}"#,
        #"{"id":"cut","text":"unterminated"#,
        // «سلام» in windows-1256 with a line break (MIME style) and in the URL-safe alphabet.
        #"{"id":"mime","base64":"0+HH4yDP5O3HoSDH7eQg7d8g\r\n48rkIN3H0dPtIMfTyi4="}"#,
        #"{"id":"url","base64":"_-8"}"#,
        #"{"id":"twice","id":"again","text":"x"}"#,
        #"{"id":"pair","text":"A Title \ud83d\ude00 Line\n\nA body paragraph."}"#,
      ].joined(separator: "\n") + "\n"
    let (result, records) = try Self.records(input)
    #expect(result.status == 0)
    #expect(records.count == 9)
    #expect(records[0]["id"] as? String == "deep")
    #expect(records[0]["title"] as? String == "A Title Line")
    #expect(Self.kind(records[1]) == "invalid-record")
    #expect(records[1]["id"] as? String == "lone")
    #expect(((records[1]["error"] as? [String: Any])?["message"] as? String)?.contains("lone surrogate") == true)
    #expect(records[2]["id"] as? String == "1.0")
    #expect(records[3]["id"] as? String == "line 5")
    #expect(Self.kind(records[4]) == "invalid-record")
    #expect(records[4]["id"] as? String == "cut")
    #expect(records[4]["line"] as? Int == 5)
    #expect((records[5]["source"] as? [String: Any])?["encoding"] as? String == "windows-1256")
    #expect(Self.kind(records[6]) != "invalid-record")
    #expect(Self.kind(records[7]) == "invalid-record")
    #expect(records[8]["title"] as? String == "A Title 😀 Line")
  }

  @Test("a path record may name a file that is not UTF-8 with surrogate escapes")
  func surrogateEscapedPath() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(
      try BatchSafetyCommandTests.shell("printf 'A Story Title Line\\n\\nBody text here.\\n' > \"$(printf 'caf\\351.txt')\"", in: dir).status == 0)
    let (result, records) = try Self.records(#"{"id":"x","path":"\#(dir.path)/caf\udce9.txt"}"# + "\n")
    #expect(result.status == 0)
    #expect(records.first?["title"] as? String == "A Story Title Line")
    #expect((records.first?["source"] as? [String: Any])?["pathBytes"] != nil)
  }
}
