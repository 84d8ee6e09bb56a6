import Foundation
import SystemPackage
import Synchronization
import Testing

@testable import Matn

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Batch engine: inputs, ids, records, temporaries")
struct BatchTests {
  static func withDirectory(_ body: (URL) throws -> Void) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("matn-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    try body(url)
  }

  static func write(_ text: String, _ url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  /// `in/0.txt`… with `count` articles of one site, and `in/binary.txt` that no
  /// decoding takes; returns the `in` directory.
  static func writeArticlesAndBinary(_ count: Int, under dir: URL) throws -> URL {
    for (index, text) in SiteBoilerplateTests.articles(count).enumerated() {
      try write(text, dir.appendingPathComponent("in/\(index).txt"))
    }
    try Data([0x41, 0, 0x42, 0, 0xFF, 0xFE, 0x00, 0x00, 0x01]).write(to: dir.appendingPathComponent("in/binary.txt"))
    return dir.appendingPathComponent("in")
  }

  @Test("ids: stems; shared stems keep their extension; the same file twice gets ~2; compared as bytes")
  func uniqueIDs() {
    func input() -> BatchInput { BatchInput(path: "x", id: "", outputName: FilePath(), group: nil, size: 0) }
    let found: [(input: BatchInput, relative: [UInt8])] = [
      (input(), Array("a.txt".utf8)), (input(), Array("a.md".utf8)), (input(), Array("b.txt".utf8)),
      (input(), Array("b.txt".utf8)), (input(), Array("caf\u{E9}.txt".utf8)), (input(), Array("cafe\u{301}.txt".utf8)),
      (input(), Array("d/.hidden".utf8)), (input(), Array("d/.hidden.txt".utf8)), (input(), [0x6E, 0xE9, 0x2E, 0x74]),
    ]
    let ids = BatchInputs.assignIDs(found).map(\.id)
    #expect(ids == ["a.txt", "a.md", "b.txt", "b.txt~2", "caf\u{E9}", "cafe\u{301}", "d/.hidden", "d/.hidden.txt", "n%E9"])
    #expect(Set(ids.map { Array($0.utf8) }).count == ids.count)
  }

  @Test("labels: one directory argument adds nothing; several keep the shortest distinguishing tail")
  func labels() throws {
    try Self.withDirectory { dir in
      for path in ["a/site/x.txt", "b/site/x.txt", "other/y.txt"] { try Self.write("t", dir.appendingPathComponent(path)) }
      let root = FilePath(dir.path)
      #expect(BatchInputs.labels([.path(root.appending("a/site"))]) == [[]])
      let labels = BatchInputs.labels([.path(root.appending("a/site")), .path(root.appending("b/site")), .path(root.appending("other"))])
      #expect(labels.map { String(decoding: $0, as: UTF8.self) } == ["a/site", "b/site", "other"])
      let listed = BatchInputs.list([.path(root.appending("a/site")), .path(root.appending("b/site")), .standardInput])
      #expect(listed.map(\.id) == ["a/site/x", "b/site/x", "stdin"])
    }
  }

  @Test("files: the paths and problems of list, in the same order, without ids")
  func files() throws {
    try Self.withDirectory { dir in
      for path in ["d/b.txt", "d/a.txt", "d/e/c.txt", "f.txt"] { try Self.write("t", dir.appendingPathComponent(path)) }
      let root = FilePath(dir.path)
      let arguments: [BatchArgument] = [
        .path(root.appending("d")), .standardInput, .path(root.appending("f.txt")), .path(root.appending("none")),
      ]
      let files = BatchInputs.files(arguments)
      #expect(files.map(\.path) == BatchInputs.list(arguments).map(\.path))
      #expect(files.map { $0.path?.lastComponent?.string ?? "-" } == ["a.txt", "b.txt", "c.txt", "-", "f.txt", "none"])
      #expect(files.allSatisfy { $0.id.isEmpty && $0.problem == nil })
    }
  }

  @Test("labels: each argument's shortest tail that no other shares, among thousands of file arguments")
  func labelsOfManyFiles() {
    let root = FilePath("/r")
    // x/a/f and y/a/f share "a/f"; z/b/f has "b/f" alone; each n/k/f.txt its own "k/f.txt".
    var arguments: [BatchArgument] = ["x/a/f", "y/a/f", "z/b/f", "w/g"].map { .path(root.appending($0)) }
    arguments += (0..<4000).map { .path(root.appending("n/\($0)/f.txt")) }
    arguments.append(.path(root.appending("x/a/f")))  // the same path twice: the whole path
    let labels = BatchInputs.labels(arguments).map { String(decoding: $0, as: UTF8.self) }
    #expect(labels.prefix(4) == ["r/x/a/f", "y/a/f", "b/f", "g"])
    #expect(labels[4] == "0/f.txt" && labels[4003] == "3999/f.txt")
    #expect(labels.last == "r/x/a/f")
  }

  @Test("walks skip the output directory and our temporary files")
  func walkSkips() throws {
    try Self.withDirectory { dir in
      try Self.write("t", dir.appendingPathComponent("in/a.txt"))
      try Self.write("t", dir.appendingPathComponent("in/out/a.json"))
      try Self.write("t", dir.appendingPathComponent("in/.b.json.matn-tmp-123-abcdef"))
      let out = try #require(BatchPath.identity(of: FilePath(dir.appendingPathComponent("in/out").path)))
      let listed = BatchInputs.list([.path(FilePath(dir.appendingPathComponent("in").path))], skipping: [out])
      #expect(listed.map(\.id) == ["a"])
    }
  }

  @Test("each file is read once when the first pass can keep it, twice beyond keptBytes; the same articles either way")
  func readOnce() throws {
    try Self.withDirectory { dir in
      let texts = SiteBoilerplateTests.articles(7)
      for (index, text) in texts.enumerated() { try Self.write(text, dir.appendingPathComponent("in/\(index).txt")) }
      let total = texts.reduce(0) { $0 + $1.utf8.count }
      func run(keptBytes: Int, jobs: Int) throws -> (bytes: [[UInt8]], summary: ArticleBatch.Summary) {
        var configuration = ArticleBatch.Configuration(arguments: [.path(FilePath(dir.appendingPathComponent("in").path))])
        configuration.limits.keptBytes = keptBytes
        configuration.jobs = jobs
        var bytes: [[UInt8]] = []
        let summary = try ArticleBatch(configuration).run { bytes.append($0.bytes) }
        return (bytes, summary)
      }
      let once = try run(keptBytes: 1 << 20, jobs: 2)
      #expect(once.summary.readTwice == 0 && once.summary.parsed == 7)
      #expect(once.bytes.allSatisfy { String(decoding: $0, as: UTF8.self).contains("repeated in 7 of 7 files") })
      let twice = try run(keptBytes: 0, jobs: 1)
      #expect(twice.summary.readTwice == 7)
      #expect(twice.bytes == once.bytes)
      // Half the bytes: about half the files kept (each worker its share of the budget).
      let half = try run(keptBytes: total / 2, jobs: 2)
      #expect(half.summary.readTwice > 0 && half.summary.readTwice < 7)
      #expect(half.bytes == once.bytes)

      // A file read twice that changed in between: its article says so.
      var configuration = ArticleBatch.Configuration(arguments: [.path(FilePath(dir.appendingPathComponent("in").path))])
      configuration.limits.keptBytes = 0
      configuration.limits.batchFiles = 1
      configuration.jobs = 1
      var warnings: [[String]] = []
      try ArticleBatch(configuration).run(progress: { progress in
        if progress.done == 1 { try? Self.write(texts[6] + "A line added later.\n", dir.appendingPathComponent("in/6.txt")) }
      }) { item in
        if case .success(let article) = item.result { warnings.append(article.report.warnings.map(\.message)) }
      }
      #expect(warnings.count == 7)
      #expect(warnings.dropLast().allSatisfy { $0.isEmpty })
      #expect(warnings.last?.first?.contains("6.txt' changed while the batch ran") == true, "\(warnings)")
    }
  }

  @Test("attach: each parsed article's attachment made on the workers, in input order; none for a failure; no bytes rendered when asked not to")
  func attachments() throws {
    try Self.withDirectory { dir in
      let input = try Self.writeArticlesAndBinary(5, under: dir)
      for (jobs, renders) in [(1, true), (2, false)] {
        var configuration = ArticleBatch.Configuration(arguments: [.path(FilePath(input.path))])
        configuration.jobs = jobs
        configuration.rendersStream = renders
        configuration.attach = { article in "\(article.id):\(article.paragraphs.count)" }
        var seen: [(attachment: String?, expected: String?, bytes: Int)] = []
        try ArticleBatch(configuration).run { item in
          var expected: String?
          if case .success(let article) = item.result { expected = "\(article.id):\(article.paragraphs.count)" }
          seen.append((item.attachment as? String, expected, item.bytes.count))
        }
        #expect(seen.count == 6)
        #expect(seen.allSatisfy { $0.attachment == $0.expected }, "\(seen)")
        #expect(seen.filter { $0.expected == nil }.count == 1)
        // Rendered: every item has its record (an error record for the failure); not: none.
        #expect(seen.allSatisfy { renders ? $0.bytes > 0 : $0.bytes == 0 })
      }
    }
  }

  @Test("listed: a caller's listing of the arguments is taken as the batch's own, unless outputs are skipped")
  func listedInputs() throws {
    try Self.withDirectory { dir in
      let input = try Self.writeArticlesAndBinary(3, under: dir)
      let arguments: [BatchArgument] = [.path(FilePath(input.path))]
      func ids(_ listed: [BatchInput]?, output: ArticleBatch.Output = .stream) throws -> [String] {
        var configuration = ArticleBatch.Configuration(arguments: arguments)
        configuration.listed = listed
        configuration.output = output
        return try ArticleBatch(configuration).inputs.map(\.id)
      }
      let all = BatchInputs.list(arguments)
      #expect(try ids(all) == ids(nil) && all.count == 4)
      // The listing given is the one used: a part of it, the same ids.
      #expect(try ids(Array(all.prefix(2))) == Array(all.prefix(2).map(\.id)))
      // An output directory inside the inputs is skipped by the batch's own walk.
      let output = FilePath(input.appendingPathComponent("out").path)
      try FileManager.default.createDirectory(atPath: output.string, withIntermediateDirectories: true)
      #expect(try ids(Array(all.prefix(2)), output: .directory(output)).count == 4)
    }
  }

  @Test("a file the first pass cannot decode is counted as read twice too, and fails once, in the parse")
  func readTwiceUndecodable() throws {
    try Self.withDirectory { dir in
      let input = try Self.writeArticlesAndBinary(6, under: dir)
      var configuration = ArticleBatch.Configuration(arguments: [.path(FilePath(input.path))])
      configuration.limits.keptBytes = 0
      configuration.jobs = 1
      let summary = try ArticleBatch(configuration).run { _ in }
      #expect(summary.readTwice == 7)
      #expect(summary.parsed == 6 && summary.failed == 1)
    }
  }

  @Test("site boilerplate: each distinct text counts once however the files are shared out")
  func siteBoilerplateDeterministic() {
    let texts = SiteBoilerplateTests.articles(6) + Array(repeating: "Same Title\nSame body of a copied article.\nSame end\n", count: 8)
    var single = SiteBoilerplate.Builder()
    for text in texts { single.add(text) }
    var left = SiteBoilerplate.Builder(), right = SiteBoilerplate.Builder()
    for (index, text) in texts.enumerated() {
      if index % 2 == 0 { left.add(text) } else { right.add(text) }
    }
    var merged = left
    merged.merge(right)
    #expect(single.build() == merged.build())
    #expect(merged.build().files == 7)
    #expect(merged.build().count(of: "Same Title") == nil)
    #expect(merged.build().count(of: "Follow Example Daily for more") == 6)
  }

  @Test("stale temporary names: ours with a dead or our own process id, and the earlier naming")
  func staleNames() {
    #expect(TemporaryFiles.isStale(Array(".a.json.matn-tmp-\(getpid())-AbC123".utf8)))
    #expect(!TemporaryFiles.isStale(Array(".a.json.matn-tmp-1-AbC123".utf8)))  // init is alive
    #expect(TemporaryFiles.isStale(Array("a.json.tmp-AbC123".utf8)))
    #expect(!TemporaryFiles.isStale(Array("a.tmp-AbC123".utf8)))
    #expect(!TemporaryFiles.isStale(Array("notes.matn-tmp-1-AbC123".utf8)))
    #expect(!TemporaryFiles.isStale(Array(".a.json.matn-tmp-x-AbC123".utf8)))
  }

  @Test("an atomic file is registered while open and leaves nothing when discarded")
  func atomicFile() throws {
    try Self.withDirectory { dir in
      let target = FilePath(dir.appendingPathComponent("sub/out.json").path)
      var file = try AtomicFile(path: target)
      try file.write(Array("{}".utf8))
      let listing = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path)
      #expect(listing.count == 1 && listing[0].hasPrefix(".out.json.matn-tmp-\(getpid())-"))
      file.discard()
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path).isEmpty)
      try AtomicFile.write(Array("{}".utf8), to: target)
      #expect(try String(contentsOfFile: target.string, encoding: .utf8) == "{}")
      // Another writer (a database) may write the temporary file by its path; flush and
      // commit publish what it wrote; a committed file cannot be flushed again.
      let other = FilePath(dir.appendingPathComponent("sub/other.db").path)
      var shared = try AtomicFile(path: other)
      try "written by path".write(toFile: shared.temporaryPath.string, atomically: false, encoding: .utf8)
      try shared.flush()
      try shared.commit()
      #expect(try String(contentsOfFile: other.string, encoding: .utf8) == "written by path")
      #expect(throws: AtomicFile.Failure.self) { try shared.flush() }
    }
  }

  @Test("base64: standard and URL-safe alphabets, optional padding, line breaks ignored; garbage refused")
  func base64() throws {
    let bytes: [UInt8] = [0xFF, 0xEF, 0x00, 0x41, 0xFB]
    let encoded = Base64.encode(bytes)
    #expect(encoded == "/+8AQfs=")
    #expect(try Base64.decode(encoded.utf8) == bytes)
    #expect(try Base64.decode("_-8AQfs".utf8) == bytes)
    #expect(try Base64.decode("/+8A\r\nQfs=".utf8) == bytes)
    #expect(throws: Base64.Invalid.self) { try Base64.decode("/+8A*Qfs=".utf8) }
    #expect(throws: Base64.Invalid.self) { try Base64.decode("A".utf8) }
    #expect(throws: Base64.Invalid.self) { try Base64.decode("QQ=A".utf8) }
  }

  @Test("JSON records: fields, escapes, numbers as written, deep unknown values, errors with offsets")
  func jsonRecords() {
    let plain = JSONRecord(Array(#"{"id":"a","text":"x\n\u00e9\ud83d\ude00","title":null,"extra":{"k":[1,2,{"z":true}]}}"#.utf8))
    #expect(plain.syntaxError == nil)
    #expect(plain.id == "a")
    #expect(plain.text == "x\né😀")
    #expect(plain.title == nil)
    #expect(JSONRecord(Array(#"{"id":-1.5e3}"#.utf8)).id == "-1.5e3")
    let deep = String(repeating: "{\"a\":", count: 2_000) + "1" + String(repeating: "}", count: 2_000)
    let nested = JSONRecord(Array(#"{"id":"deep","x":\#(deep)}"#.utf8))
    #expect(nested.syntaxError == nil && nested.id == "deep")
    let lone = JSONRecord(Array(#"{"id":"l","text":"\udc80"}"#.utf8))
    #expect(lone.problems.first?.contains("lone surrogate") == true)
    let path = JSONRecord(Array(#"{"path":"caf\udce9.txt"}"#.utf8))
    #expect(path.path == Array("caf".utf8) + [0xE9] + Array(".txt".utf8))
    let wrong = JSONRecord(Array(#"{"id":"w","text":["no"]}"#.utf8))
    #expect(wrong.problems == ["\"text\" is not a string"])
    #expect(wrong.id == "w")
    let broken = JSONRecord(Array(#"{"id":"b","text":"x" "y"}"#.utf8))
    #expect(broken.syntaxError == "',' or '}' expected at byte 21")
    #expect(broken.id == "b")
    #expect(JSONRecord(Array(#"{"id":"t"} x"#.utf8)).syntaxError?.hasPrefix("text after the JSON object") == true)
    #expect(JSONRecord(Array("{\"text\":\"a\u{1}\"}".utf8)).syntaxError?.contains("control character") == true)
    #expect(JSONRecord([0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xE9, 0x22, 0x7D]).syntaxError == "not UTF-8 at byte 6")
    #expect(JSONRecord(Array(#"[1,2]"#.utf8)).syntaxError == "not a JSON object at byte 0")
    #expect(JSONRecord(Array(#"{"a":[1,]}"#.utf8)).syntaxError != nil)
    #expect(JSONRecord(Array(#"{"a":01}"#.utf8)).syntaxError != nil)
  }

  @Test("LineReader: lines across reads, CR LF, a last line without a newline, over-long lines skipped")
  func lineReader() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    let long = [UInt8](repeating: 0x61, count: 200_000)
    let input = Array("one\r\n".utf8) + long + [0x0A] + Array("two\n\nthree".utf8)
    let writeEnd = fds[1]
    let writer = Thread {
      input.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          offset += max(0, Glibc.write(writeEnd, raw.baseAddress!.advanced(by: offset), min(7_000, raw.count - offset)))
        }
      }
      close(writeEnd)
    }
    writer.start()
    var reader = LineReader(fd: fds[0], limit: 100_000)
    var lines: [String] = []
    while let line = reader.next() {
      switch line {
      case .bytes(let bytes): lines.append(String(decoding: bytes, as: UTF8.self))
      case .tooLong(let length): lines.append("too long \(length)")
      }
    }
    close(fds[0])
    #expect(lines == ["one", "too long 200000", "two", "", "three"])
  }

  @Test("readContent: plain UTF-8 as text, small or large; a mark, a NUL, bad bytes or a legacy charset as bytes; same decoding")
  func readContent() throws {
    try Self.withDirectory { dir in
      let cases: [(String, [UInt8], Bool)] = [
        ("plain", Array("A title\n\nسلام دنیا and more.\n".utf8), true),
        ("marked", [0xEF, 0xBB, 0xBF] + Array("Marked text.\n".utf8), false),
        ("nul", Array("a".utf8) + [0] + Array("b".utf8), false),
        ("damaged", Array("caf".utf8) + [0xE9] + Array(" au lait, a longer line of text here.\n".utf8), false),
        ("empty", [], false),
      ]
      // Both ways of reading: into a buffer copied into the String, and, past
      // InputFile.copiedSize, a chunk of that size at a time. The large texts put a two-,
      // three- and four-byte sequence across the first chunk's end (the ASCII before them
      // moves it), a U+FEFF there (a character, not a mark, past the start), a NUL or a
      // bad byte in the second chunk.
      let large = Array(String(repeating: "سلام دنیا and more text.\n", count: InputFile.copiedSize / 20).utf8)
      let edge = InputFile.copiedSize
      func across(_ scalar: String, shift: Int) -> [UInt8] {
        // Lines of ASCII up to the sequence (a stream's test below cuts at a line end).
        let line = Array(String(repeating: "a", count: 79).utf8) + [0x0A]
        let head = Array((0..<edge - shift).map { line[$0 % line.count] })
        return head + Array(scalar.utf8) + large[...large[..<1_000].lastIndex(of: 0x0A)!]
      }
      var sizes: [(String, [UInt8], Bool)] = [
        ("large", large, true), ("large damaged", large + [0xE9, 0x0A], false),
        ("large marked", [0xEF, 0xBB, 0xBF] + large, false),
        ("large with U+FEFF across", across("\u{FEFF}", shift: 1), true),
        ("large with a NUL after the first chunk", large + [0, 0x0A], false),
        ("large cut short", Array(large.prefix(edge + 1)) + [0xD8], false),
      ]
      for scalar in ["س", "€", "😀"] {
        for shift in 1..<scalar.utf8.count { sizes.append(("large, \(scalar) across at \(shift)", across(scalar, shift: shift), true)) }
      }
      #expect(large.count > InputFile.copiedSize)
      for (name, bytes, asText) in cases + sizes {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        let content = try InputFile.readContent(FilePath(url.path))
        if case .utf8 = content { #expect(asText, "\(name)") } else { #expect(!asText, "\(name)") }
        #expect(content.byteCount == bytes.count)
        switch content {
        case .utf8(let text): #expect(Array(text.utf8) == bytes, "\(name)")
        case .bytes(let read): #expect(read == bytes, "\(name)")
        }
        let policy = DecodingPolicy()
        let viaContent = try? policy.decode(content)
        let viaBytes = try? policy.decode(bytes)
        #expect(viaContent?.string == viaBytes?.string, "\(name)")
        #expect(viaContent?.repairs == viaBytes?.repairs, "\(name)")
        // A stream (standard input, a pipe) comes the same way.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        // Within a pipe's buffer (written before it is read): a large case's first lines
        // and its last two bytes.
        let small =
          bytes.count <= 60_000 ? bytes : Array(bytes[...bytes[..<60_000].lastIndex(of: 0x0A)!]) + bytes.suffix(2)
        #expect(small.withUnsafeBytes { Glibc.write(ends[1], $0.baseAddress, $0.count) } == small.count)
        close(ends[1])
        let streamed = try InputFile.streamContent(fd: ends[0], limit: .max)
        close(ends[0])
        if case .utf8 = streamed { #expect(asText, "stream \(name)") } else { #expect(!asText, "stream \(name)") }
        #expect(streamed.byteCount == small.count)
        #expect((try? policy.decode(streamed))?.string == (try? policy.decode(small))?.string, "stream \(name)")
      }
    }
  }
}

@Suite("ordered work without batch barriers")
struct OrderedWorkTests {
  /// Results come in order whatever the threads' timing, and the items started but
  /// not delivered never exceed the window (in number, and in cost unless one item
  /// alone is over it).
  @Test("results in order; the window bounds the items in flight by number and by cost, a costly item alone")
  func orderAndWindow() throws {
    let costs = [10, 10, 10, 50, 10, 10, 10, 10, 5, 5, 5, 5, 5, 5, 5, 5]
    let started = Mutex<[Int]>([])
    var delivered: [Int] = []
    var worstItems = 0, worstCost = 0
    let done = try OrderedWork.run(
      count: costs.count, jobs: 3, window: (items: 3, cost: 30), cost: { costs[$0] },
      work: { i -> Int in
        started.withLock { $0.append(i) }
        // Later items finish first now and then: order must not depend on it.
        if i % 3 == 0 { usleep(2000) }
        return i * i
      },
      deliver: { i, result in
        #expect(result == i * i)
        // Item i is handed over: those started after it are the ones in flight.
        let inFlight = started.withLock { $0.filter { $0 > i } }
        worstItems = max(worstItems, inFlight.count)
        if inFlight.count > 1 { worstCost = max(worstCost, inFlight.map { costs[$0] }.reduce(0, +)) }
        delivered.append(i)
        return true
      })
    #expect(done)
    #expect(delivered == Array(0..<costs.count))
    #expect(worstItems <= 3)
    #expect(worstCost <= 30)
  }

  @Test("a deliver that answers false stops the run; a throw is rethrown; nothing starts after")
  func stops() throws {
    let started = Atomic<Int>(0)
    let done = try OrderedWork.run(
      count: 1000, jobs: 2, window: (items: 4, cost: .max), cost: { _ in 1 },
      work: { i -> Int in
        started.add(1, ordering: .relaxed)
        return i
      },
      deliver: { i, _ in i < 10 })
    #expect(!done)
    #expect(started.load(ordering: .relaxed) <= 10 + 1 + 4)
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try OrderedWork.run(
        count: 100, jobs: 2, window: (items: 4, cost: .max), cost: { _ in 1 }, work: { $0 },
        deliver: { i, _ in
          if i == 5 { throw Stop() }
          return true
        })
    }
  }

  @Test("one job, one item and no items")
  func edges() throws {
    var seen: [Int] = []
    #expect(
      try OrderedWork.run(
        count: 5, jobs: 1, window: (1, 0), cost: { _ in 100 }, work: { $0 },
        deliver: { i, r in
          seen.append(r); return true
        }))
    #expect(seen == [0, 1, 2, 3, 4])
    #expect(
      try OrderedWork.run(
        count: 0, jobs: 4, window: (8, 8), cost: { _ in 1 }, work: { $0 },
        deliver: { _, _ in
          Issue.record("no item"); return true
        }))
  }
}
