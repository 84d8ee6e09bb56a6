import Foundation
import Testing

@Suite("matn clean")
struct CleanCommandTests {
  @Test("the article profile by default, from standard input")
  func standardInput() throws {
    let result = try CLI.run(["clean"], stdin: Array("Cafe\u{301} \u{FEFB}  يك\r\n".utf8))
    #expect(result.status == 0)
    #expect(result.text == "Caf\u{E9} \u{644}\u{627} یک\n")
    #expect(result.stderr.isEmpty)
  }

  @Test(
    "profiles",
    arguments: [
      ("display", "کِتاب\u{00A0}ها", "کِتاب\u{00A0}ها"),
      ("article", "کِتاب ها", "کتاب\u{200C}ها"),
      ("model", "x² كتاب", "x2 کتاب"),
      ("index", "كتاب‌های Café", "کتابهای cafe"),
    ])
  func profiles(profile: String, input: String, expected: String) throws {
    let result = try CLI.run(["clean", "--profile", profile], stdin: Array(input.utf8))
    #expect(result.status == 0)
    #expect(Array(result.text.unicodeScalars) == Array(expected.unicodeScalars), "\(profile)")
  }

  @Test(
    "--ezafe writes the ezafe after silent ه in one style (default hamza)",
    arguments: [
      ([], "خانه\u{0654} ما"), (["--ezafe", "hamza"], "خانه\u{0654} ما"), (["--ezafe", "yeh"], "خانه\u{200C}ی ما"),
      (["--ezafe", "as-typed"], "خانه ی ما"),
    ])
  func ezafe(flags: [String], expected: String) throws {
    let result = try CLI.run(["clean"] + flags, stdin: Array("خانه ی ما".utf8))
    #expect(result.status == 0)
    #expect(Array(result.text.unicodeScalars) == Array(expected.unicodeScalars), "\(flags)")
  }

  @Test(
    "--half-space-confidence: 0 gives a glued plural its half-space, the default keeps it; a probability or an error",
    arguments: [([], "کتابها و رسانه\u{200C}ها"), (["--half-space-confidence", "0"], "کتاب\u{200C}ها و رسانه\u{200C}ها")])
  func halfSpaceConfidence(flags: [String], expected: String) throws {
    let result = try CLI.run(["clean"] + flags, stdin: Array("کتابها و رسانهها".utf8))
    #expect(result.status == 0)
    #expect(Array(result.text.unicodeScalars) == Array(expected.unicodeScalars), "\(flags)")
    let bad = try CLI.run(["clean", "--half-space-confidence", "1.5"], stdin: Array("کتابها".utf8))
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("probability from 0 to 1"))
  }

  @Test("--report lists the changes per stage on standard error; --ranges locates them")
  func report() throws {
    let input = Array("يك\u{200F} x\n".utf8)
    let result = try CLI.run(["clean", "--report", "--ranges"], stdin: input)
    #expect(result.status == 0)
    #expect(result.text == "یک x\n")
    #expect(result.stderr.contains("report for standard input: 3 changes"))
    #expect(result.stderr.contains("cleanup: bidiControl 1"))
    #expect(result.stderr.contains("orthography: arabicYeh 1, arabicKaf 1"))
    #expect(result.stderr.contains("bidi controls removed at byte offsets: 4"))
    // Ranges as START-END, sorted by offset (the stages recorded bidiControl first).
    let ranges = result.stderr.split(separator: "\n").filter { $0.first == " " && $0.dropFirst(2).first?.isNumber == true }
    #expect(ranges == ["  0-2 arabicYeh", "  2-4 arabicKaf", "  4-7 bidiControl"])
  }

  @Test("--help says what clean decodes: the legacy charsets it detects too")
  func helpListsDecoders() throws {
    let help = try CLI.run(["clean", "--help"]).text.replacingOccurrences(of: "\n", with: " ")
      .replacingOccurrences(of: "  ", with: " ")
    for charset in ["UTF-16 without a mark", "windows-1256", "ISO-8859-6", "windows-1252", "mojibake", "--encoding"] {
      #expect(help.contains(charset), "\(charset)")
    }
  }

  @Test("--form and --profile do not combine; --ranges needs --report")
  func conflictingOptions() throws {
    let both = try CLI.run(["clean", "--form", "nfc", "--profile", "article"], stdin: [])
    #expect(both.status != 0)
    #expect(both.stderr.contains("--form"))
    let ranges = try CLI.run(["clean", "--ranges"], stdin: [])
    #expect(ranges.status != 0)
  }

  @Test(
    "each form",
    arguments: [
      ("nfc", "e\u{301}\u{FB01}", "\u{E9}\u{FB01}"),
      ("nfd", "\u{E9}", "e\u{301}"),
      ("nfkc", "\u{FEFB}\u{FB01}", "\u{644}\u{627}fi"),
      ("nfkd", "\u{E9}\u{FB01}", "e\u{301}fi"),
      ("nfkc-cf", "Stra\u{DF}E\u{200C}", "strasse"),
    ])
  func forms(form: String, input: String, expected: String) throws {
    let result = try CLI.run(["clean", "--form", form, "-"], stdin: Array(input.utf8))
    #expect(result.status == 0)
    #expect(Array(result.text.unicodeScalars) == Array(expected.unicodeScalars))
  }

  @Test("files are written in order; names starting with _ or . are ordinary; inputs are not modified")
  func files() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("_a.txt"), b = dir.appendingPathComponent(".b.txt")
    try Data("one e\u{301}\n".utf8).write(to: a)
    try Data("two\n".utf8).write(to: b)
    let result = try CLI.run(["clean", "--form", "nfc", a.path, b.path])
    #expect(result.status == 0)
    #expect(result.text == "one \u{E9}\ntwo\n")
    #expect(try Data(contentsOf: a) == Data("one e\u{301}\n".utf8))
  }

  @Test("an unreadable path is named, the other files still processed, exit code 1; a directory is walked")
  func unreadablePath() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = dir.appendingPathComponent("good.txt")
    try Data("ok\n".utf8).write(to: good)
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("gone.txt").path, withDestinationPath: "/nonexistent/matn")
    let missing = dir.appendingPathComponent("missing.txt").path
    let result = try CLI.run(["clean", missing, good.path, dir.path])
    #expect(result.status == 1)
    #expect(result.text == "ok\nok\n")  // good.txt, then good.txt again from the walk
    #expect(result.stderr.contains("matn: cannot read '\(missing)': No such file or directory"))
    #expect(result.stderr.contains("matn: cannot read '\(dir.path)/gone.txt': a link to nothing"))
  }

  @Test("damaged UTF-8: replaced by U+FFFD, or with --strict an error naming the byte offset")
  func damagedUTF8() throws {
    let sentence = "سلام دنیا، این متن فارسی است و با یونی‌کد نوشته شده است.\n"
    let input = Array(sentence.utf8) + [0xFF] + Array("x".utf8)
    let lenient = try CLI.run(["clean", "--form", "nfc"], stdin: input)
    #expect(lenient.status == 0)
    #expect(lenient.text == sentence + "\u{FFFD}x")
    let strict = try CLI.run(["clean", "--strict"], stdin: input)
    #expect(strict.status == 1)
    #expect(strict.stdout.isEmpty)
    #expect(strict.stderr.hasPrefix("matn: standard input: invalid UTF-8 at byte offset \(sentence.utf8.count) (line 2, column 1)"))
  }

  @Test("a windows-1256 file is detected and normalised without naming the charset")
  func legacyCharsetDetected() throws {
    // «اين يك متن فارسي است» in windows-1256 (which has no ی: writers use ي).
    let bytes: [UInt8] = [
      0xC7, 0xED, 0xE4, 0x20, 0xED, 0xDF, 0x20, 0xE3, 0xCA, 0xE4, 0x20, 0xDD, 0xC7, 0xD1, 0xD3, 0xED,
      0x20, 0xC7, 0xD3, 0xCA, 0x0A,
    ]
    let result = try CLI.run(["clean"], stdin: bytes)
    #expect(result.status == 0)
    #expect(result.text == "این یک متن فارسی است\n")
  }

  @Test("an unknown form is a usage error")
  func unknownForm() throws {
    let result = try CLI.run(["clean", "--form", "nfx"], stdin: [])
    #expect(result.status != 0)
    #expect(result.stderr.contains("nfx"))
  }

  @Test("empty input gives empty output")
  func emptyInput() throws {
    let result = try CLI.run(["clean"], stdin: [])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
  }

  @Test("the bundled sample normalises")
  func bundledSample() throws {
    let sample = CLI.repositoryRoot.appendingPathComponent("Resources/samples/raw-article-en-fa-footer.txt")
    let result = try CLI.run(["clean", sample.path])
    #expect(result.status == 0)
    #expect(result.text.contains("Caf\u{E9} Roug\u{E9}"))
    #expect(result.text.contains("طراحی و اجرا: گروه فناوری کیان – سال ۱۴۰۳"))
    #expect(!result.text.contains("\u{00A0}"))
    #expect(!result.text.contains("\r"))
  }
}

@Suite("matn decode")
struct DecodeCommandTests {
  @Test("one line per file: encoding, confidence, repairs; failures on standard error")
  func decode() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let utf8 = dir.appendingPathComponent("a.txt"), utf16 = dir.appendingPathComponent("b.txt")
    let binary = dir.appendingPathComponent("c.bin")
    try Data("سلام\n".utf8).write(to: utf8)
    try Data([0xFF, 0xFE] + Array("hi".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: utf16)
    try Data([0x00, 0x01, 0x02]).write(to: binary)
    let result = try CLI.run(["decode", utf8.path, utf16.path, binary.path])
    #expect(result.status == 1)
    #expect(
      result.text == """
        \(utf8.path): UTF-8, confidence 1.00, 5 characters; no repairs
        \(utf16.path): UTF-16LE, confidence 1.00, 2 characters; removed the UTF-16LE byte order mark

        """)
    #expect(result.stderr.contains("'\(binary.path)': binary data, not text (NUL byte at offset 0)"))
  }

  @Test("--encoding names a legacy charset for decode and clean; --strict fails on bad bytes")
  func namedEncoding() throws {
    let cp1256: [UInt8] = [0xD3, 0xE1, 0xC7, 0xE3, 0x0A]  // «سلام»
    let decoded = try CLI.run(["decode", "--encoding", "windows-1256"], stdin: cp1256)
    #expect(decoded.text == "-: windows-1256, confidence 1.00, 5 characters; no repairs\n")
    let normalized = try CLI.run(["clean", "--encoding", "windows-1256"], stdin: cp1256)
    #expect(normalized.text == "سلام\n")
    let strict = try CLI.run(["clean", "--encoding", "ISO-8859-6", "--strict"], stdin: [0x41, 0xA1])
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("invalid ISO-8859-6 byte sequence at byte offset 1"))
  }

  @Test("clean reads UTF-16 with and without a byte order mark")
  func cleanUTF16() throws {
    let text = "سلام دنیا، این متن است.\n"
    let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(try CLI.run(["clean"], stdin: [0xFF, 0xFE] + le).text == text)
    #expect(try CLI.run(["clean"], stdin: le).text == text)
  }
}

@Suite("matn")
struct RootCommandTests {
  @Test("--version prints the version")
  func version() throws {
    let result = try CLI.run(["--version"])
    #expect(result.status == 0)
    // "0.1.0 (ICU 72.1, Unicode 15.0)": the version, and the ICU and Unicode it runs on.
    let line = result.text.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(line.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+ \(ICU [0-9]+(\.[0-9]+)*, Unicode [0-9]+(\.[0-9]+)*\)/) != nil, "\(line)")
  }

  @Test("--help lists the commands")
  func help() throws {
    let result = try CLI.run(["--help"])
    #expect(result.status == 0)
    #expect(result.text.contains("normalize"))
    #expect(result.text.contains("clean"))
    let sub = try CLI.run(["clean", "--help"])
    #expect(sub.text.contains("--form"))
  }
}

@Suite("matn clean --style")
struct StyleCommandTests {
  @Test("--print-style prints the profile's style; edited and given back with --style, it rules")
  func printAndUse() throws {
    let printed = try CLI.run(["clean", "--print-style"])
    #expect(printed.status == 0)
    #expect(printed.text.contains("\"ezafe\" : \"hamza\"") && printed.text.contains("\"digits\" : \"persian\""))
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("house.json")
    try printed.text.replacingOccurrences(of: "\"hamza\"", with: "\"yeh\"").write(to: file, atomically: true, encoding: .utf8)
    let styled = try CLI.run(["clean", "--style", file.path], stdin: Array("خانه ی ما\n".utf8))
    #expect(styled.status == 0)
    #expect(styled.text == "خانه\u{200C}ی ما\n")
    // --ezafe over the file; --print-style shows what is in force.
    let both = try CLI.run(["clean", "--style", file.path, "--ezafe", "hamza", "--print-style"])
    #expect(both.text.contains("\"ezafe\" : \"hamza\""))
    // The same style through normalize.
    let article = try CLI.run(["normalize", "--style", file.path, "--format", "text"], stdin: Array("عنوان\n\nخانه ی ما بزرگ است.\n".utf8))
    #expect(article.status == 0)
    #expect(article.text.contains("خانه\u{200C}ی ما"), "\(article.text)")
  }

  @Test("a style file that cannot be read or is not a style is a usage error naming the file and the field")
  func badStyle() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for (json, expected) in [
      (#"{"ezafa": "yeh"}"#, "unknown field 'ezafa'"), (#"{"ezafe": "kasra"}"#, "ezafe"), ("not json", "not valid JSON"),
      (#"{"protectedWords": ["a b"]}"#, "«a b» is not one Arabic-script word"),
    ] {
      let file = directory.appendingPathComponent("style.json")
      try json.write(to: file, atomically: true, encoding: .utf8)
      let result = try CLI.run(["clean", "--style", file.path], stdin: Array("x\n".utf8))
      #expect(result.status == 64)
      #expect(result.stderr.contains("style.json") && result.stderr.contains(expected), "\(result.stderr)")
    }
    let missing = try CLI.run(["clean", "--style", directory.appendingPathComponent("none.json").path])
    #expect(missing.status == 64 && missing.stderr.contains("none.json"))
  }
}
