import Foundation
import Testing

@Suite("matn normalize (articles)")
struct NormalizeCommandTests {
  static let sample = CLI.repositoryRoot.appendingPathComponent("Resources/samples/raw-article-en-fa-footer.txt").path

  static func json(_ bytes: [UInt8]) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
  }

  static func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
      try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
  }

  @Test("one file: a JSON article on standard output, no summary line")
  func oneFile() throws {
    let result = try CLI.run(["normalize", Self.sample])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let article = try Self.json(result.stdout)
    #expect(article["title"] as? String == "Tehran and Yerevan Agree on New Rail Link to the Black Sea")
    #expect(article["id"] as? String == "raw-article-en-fa-footer")
    let credits = try #require(article["credits"] as? [[String: Any]])
    #expect(credits.compactMap { $0["kind"] as? String } == ["photo", "license"])
    let boilerplate = try #require(article["boilerplate"] as? [[String: Any]])
    #expect(boilerplate.first?["language"] as? String == "fa")
    // Pretty-printed, id first: stable output.
    #expect(result.text.hasPrefix("{\n  \"id\": \"raw-article-en-fa-footer\",\n  \"title\": "))
  }

  @Test("--format text: the title and paragraphs only")
  func textFormat() throws {
    let result = try CLI.run(["normalize", "--format", "text", Self.sample])
    #expect(result.status == 0)
    let text = result.text
    #expect(text.hasPrefix("Tehran and Yerevan Agree on New Rail Link to the Black Sea\n\n"))
    #expect(!text.contains("licensed"))
    #expect(!text.contains("طراحی"))
    #expect(text.hasSuffix("uncertain.\n"))
  }

  @Test("--ezafe reaches the article's normaliser")
  func ezafe() throws {
    let input = Array("یک روز در خانه ی ما مهمانی بود و همه آمدند.\n".utf8)
    let hamza = try CLI.run(["normalize", "--format", "text", "-"], stdin: input)
    #expect(hamza.status == 0)
    #expect(hamza.text.unicodeScalars.contains("\u{0654}"), "\(hamza.text)")
    let yeh = try CLI.run(["normalize", "--format", "text", "--ezafe", "yeh", "-"], stdin: input)
    #expect(yeh.status == 0)
    #expect(yeh.text.contains("خانه\u{200C}ی ما"), "\(yeh.text)")
  }

  @Test("--schema prints the JSON Schema, and an article uses only its properties")
  func schema() throws {
    let root = try Self.json(try CLI.run(["normalize", "--schema"]).stdout)
    let schema = try #require((root["$defs"] as? [String: Any])?["article"] as? [String: Any])
    let properties = try #require(schema["properties"] as? [String: Any])
    let article = try Self.json(try CLI.run(["normalize", Self.sample]).stdout)
    #expect(Set(article.keys).isSubset(of: Set(properties.keys)))
    let required = try #require(schema["required"] as? [String])
    #expect(Set(required).isSubset(of: Set(article.keys)))
  }

  @Test("--quiet: no summary line when every file parsed; a failure and the count are still reported")
  func quiet() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = "A Title Line For The Story\n\nThe first paragraph of the story is here.\n"
    try good.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try good.write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    let loud = try CLI.run(["normalize", "--format", "jsonl", dir.path])
    #expect(loud.stderr.contains("2 files: 2 parsed, 0 failed"))
    let clean = try CLI.run(["normalize", "--format", "jsonl", "--quiet", dir.path])
    #expect(clean.status == 0)
    #expect(clean.stderr.isEmpty, "\(clean.stderr)")
    #expect(clean.stdout == loud.stdout)
    try Data().write(to: dir.appendingPathComponent("c.txt"))
    let failed = try CLI.run(["normalize", "--format", "jsonl", "--quiet", dir.path])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("c.txt': empty, no text"))
    #expect(failed.stderr.contains("3 files: 2 parsed, 1 failed"))
  }

  @Test("a directory batch: bad files reported, good ones written atomically under -o, exit 1")
  func batchWithProblems() throws {
    let dir = try CLI.temporaryDirectory()
    let out = try CLI.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: dir)
      try? FileManager.default.removeItem(at: out)
    }
    let good = "A Title Line For The Story\n\nThe first paragraph of the story is here.\n\nThe second paragraph follows it.\n"
    try good.write(to: dir.appendingPathComponent("_underscore.txt"), atomically: true, encoding: .utf8)
    try good.write(to: dir.appendingPathComponent(".hidden.txt"), atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try good.write(to: dir.appendingPathComponent("sub/nested.txt"), atomically: true, encoding: .utf8)
    try Data().write(to: dir.appendingPathComponent("empty.txt"))
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(to: dir.appendingPathComponent("image.txt"))
    try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("gone.txt").path, withDestinationPath: "/nonexistent/matn")
    // A long single line (the 50 MB case runs in scripts/check-bad-inputs).
    let long = String(repeating: "Words without any break at all. ", count: 40_000)
    try long.write(to: dir.appendingPathComponent("long.txt"), atomically: true, encoding: .utf8)

    let result = try CLI.run(["normalize", "--jobs", "2", dir.path, "-o", out.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("empty.txt': empty, no text"))
    #expect(result.stderr.contains("image.txt': binary data"))
    #expect(result.stderr.contains("gone.txt': a link to nothing"))
    #expect(result.stderr.contains("long.txt': warning: a line of"))
    #expect(result.stderr.contains("7 files: 4 parsed, 3 failed"))
    let written = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()
    #expect(written == [".hidden.json", "_underscore.json", "long.json", "sub", "sub/nested.json"])
    let nested = try Self.json([UInt8](try Data(contentsOf: out.appendingPathComponent("sub/nested.json"))))
    #expect(nested["id"] as? String == "sub/nested")
    #expect((nested["paragraphs"] as? [Any])?.count == 2)
  }

  @Test("JSON Lines to standard output for several files, with error records in order")
  func jsonLinesBatch() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "First Story Title\n\nBody one.\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try Data().write(to: dir.appendingPathComponent("b.txt"))
    try "Third Story Title\n\nBody three.\n".write(to: dir.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["normalize", dir.path])
    #expect(result.status == 1)
    let records = try Self.jsonLines(result.text)
    #expect(records.map { $0["id"] as? String } == ["a", "b", "c"])
    #expect((records[1]["error"] as? [String: Any])?["kind"] as? String == "empty")
    #expect(records[2]["title"] as? String == "Third Story Title")
  }

  @Test("--jsonl filter: exactly one record out per line in, errors as records, exit 0")
  func filter() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("story.txt")
    try "Filed Story Title\n\nIts body paragraph.\n".write(to: file, atomically: true, encoding: .utf8)
    let input =
      [
        #"{"id": "t1", "text": "A Headline Here\n\nThe body of the first record."}"#,
        #"{"id": 7, "path": "\#(file.path)"}"#,
        "not json at all",
        "",
        #"{"id": "nothing"}"#,
        #"{"id": "gone", "path": "/nonexistent/matn.txt"}"#,
        #"{"id": "titled", "text": "Only a body line here.", "title": "Given Title"}"#,
        #"{"id": "typed", "text": "A body.", "title": 5}"#,
        // «سلام دنیا، این یک متن فارسی است.» in windows-1256, as base64.
        #"{"id": "legacy", "base64": "0+HH4yDP5O3HoSDH7eQg7d8g48rkIN3H0dPtIMfTyi4="}"#,
      ].joined(separator: "\n") + "\n"
    let result = try CLI.run(["normalize", "--jsonl"], stdin: Array(input.utf8))
    #expect(result.status == 0)
    let records = try Self.jsonLines(result.text)
    #expect(records.count == 9)
    #expect(records.map { $0["id"] as? String } == ["t1", "7", nil, nil, "nothing", "gone", "titled", "typed", "legacy"])
    // A record whose id cannot be read has a null id, never an invented one; "line" locates it.
    #expect(records[2]["id"] is NSNull)
    #expect(records[2]["line"] as? Int == 3)
    #expect(records[3]["line"] as? Int == 4)
    #expect(records[0]["title"] as? String == "A Headline Here")
    #expect(records[1]["title"] as? String == "Filed Story Title")
    #expect((records[2]["error"] as? [String: Any])?["kind"] as? String == "invalid-record")
    #expect((records[3]["error"] as? [String: Any])?["message"] as? String == "line 4: an empty line, not a JSON record")
    #expect((records[4]["error"] as? [String: Any])?["message"] as? String == "line 5: a record needs \"text\", \"base64\" or \"path\"")
    #expect((records[5]["error"] as? [String: Any])?["kind"] as? String == "unreadable")
    #expect(records[6]["title"] as? String == "Given Title")
    #expect(records[6]["titleSource"] as? String == "given")
    // A field of the wrong type is named, and the id kept.
    #expect((records[7]["error"] as? [String: Any])?["message"] as? String == "line 8: \"title\" is not a string")
    // Bytes in a legacy charset are decoded as a file would be.
    #expect((records[8]["source"] as? [String: Any])?["encoding"] as? String == "windows-1256")
  }

  @Test("--paths-from - reads the file list from standard input")
  func pathsFrom() throws {
    let result = try CLI.run(["normalize", "--paths-from", "-", "--format", "jsonl"], stdin: Array((Self.sample + "\n").utf8))
    #expect(result.status == 0)
    #expect(try Self.jsonLines(result.text).count == 1)
  }

  @Test("two inputs that would share an output name both keep their extension; nothing collides")
  func collision() throws {
    let dir = try CLI.temporaryDirectory()
    let out = try CLI.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: dir)
      try? FileManager.default.removeItem(at: out)
    }
    try "Story Title Line\n\nBody.\n".write(to: dir.appendingPathComponent("x.txt"), atomically: true, encoding: .utf8)
    try "Story Title Line\n\nBody.\n".write(to: dir.appendingPathComponent("x.md"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["normalize", dir.path, "-o", out.path])
    #expect(result.status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["x.md.json", "x.txt.json"])
  }
}
