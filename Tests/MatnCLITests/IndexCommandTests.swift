import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `matn index build` and `matn search` end to end, the crash safety of the index, and
/// the engine template of docs/SEARCH.md.
@Suite("index and search (CLI)")
struct IndexCommandTests {
  static let english = IndexFixtures.english
  static let persian = IndexFixtures.persian

  @Test("index build then search: a Persian query lists the English article, with mention, offset and snippet")
  func buildAndSearch() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let articles = dir.appendingPathComponent("articles")
    try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
    try Self.english.write(to: articles.appendingPathComponent("en.txt"), atomically: true, encoding: .utf8)
    try Self.persian.write(to: articles.appendingPathComponent("fa.txt"), atomically: true, encoding: .utf8)
    let db = dir.appendingPathComponent("news.db").path
    let build = try CLI.run(["index", "build", articles.path, "--db", db])
    #expect(build.status == 0, "\(build.stderr)")
    #expect(build.stderr.contains("2 inputs: 2 indexed, 0 unchanged, 0 failed"), "\(build.stderr)")
    let search = try CLI.run(["search", "ولایتی", "--db", db, "--lang", "en"])
    #expect(search.status == 0)
    #expect(search.text.hasPrefix("1. en — Iran and Iraq discuss regional security\n   ascii: Ali Akbar Velayati ¶0@"), "\(search.text)")
    #expect(search.text.contains("[Ali Akbar Velayati]"))
    let jsonl = try CLI.run(["search", "Velayati", "--db", db, "--format", "jsonl", "--lang", "fa"])
    let hit = try JSONSerialization.jsonObject(with: Data(jsonl.stdout)) as! [String: Any]
    #expect(hit["article"] as? String == "fa" && hit["match"] as? String == "ascii")
    #expect(hit["mention"] as? String == "علی‌اکبر ولایتی" && hit["paragraph"] as? Int == 0 && hit["offset"] as? Int == 0)
    // Again: nothing changed, nothing parsed.
    let again = try CLI.run(["index", "build", articles.path, "--db", db])
    #expect(again.stderr.contains("2 inputs: 0 indexed, 2 unchanged"), "\(again.stderr)")
    // Articles already normalised, as JSON Lines.
    let normalized = try CLI.run(["normalize", "--format", "jsonl", articles.path])
    let fromJSONL = try CLI.run(["index", "build", "--jsonl", "-", "--db", dir.appendingPathComponent("j.db").path], stdin: normalized.stdout)
    #expect(fromJSONL.status == 0 && fromJSONL.stderr.contains("2 indexed"), "\(fromJSONL.stderr)")
    // No index: a clear error, no file created.
    let missing = try CLI.run(["search", "x", "--db", dir.appendingPathComponent("none.db").path])
    #expect(missing.status == 1 && missing.stderr.contains("no such index"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("none.db").path))
  }

  @Test("SIGKILL during index build leaves an index that opens and answers; the rerun completes it")
  func killedBuild() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = dir.appendingPathComponent("first"), more = dir.appendingPathComponent("more")
    try FileManager.default.createDirectory(at: first, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: more, withIntermediateDirectories: true)
    try Self.english.write(to: first.appendingPathComponent("velayati.txt"), atomically: true, encoding: .utf8)
    let samples = try FileManager.default.contentsOfDirectory(
      at: CLI.repositoryRoot.appendingPathComponent("Resources/samples"), includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "txt" }.map { try String(contentsOf: $0, encoding: .utf8) }
    for i in 0..<400 {
      try (samples[i % samples.count] + "\nCopy \(i).\n").write(
        to: more.appendingPathComponent("a\(i).txt"), atomically: false, encoding: .utf8)
    }
    let db = dir.appendingPathComponent("news.db").path
    #expect(try CLI.run(["index", "build", first.path, "--db", db]).status == 0)
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["index", "build", "--quiet", "--batch", "8", "--jobs", "1", first.path, more.path, "--db", db]
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Killed once a batch of the new files is committed (a search finds one), mid-run.
    var committed = false
    for _ in 0..<600 where process.isRunning && !committed {
      usleep(50_000)
      committed = try CLI.run(["search", "Copy", "--db", db, "--format", "jsonl", "--limit", "1"]).text.contains("\"article\":\"more/")
    }
    let killedMidRun = process.isRunning
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(killedMidRun && committed, "the build ended before it could be killed")
    // The index opens and answers: the article indexed before is still found.
    let search = try CLI.run(["search", "ولایتی", "--db", db, "--format", "jsonl"])
    #expect(search.status == 0, "\(search.stderr)")
    #expect(search.text.contains("velayati\""), "\(search.text)")
    // The rerun indexes what the killed run had not committed, and nothing twice.
    let rerun = try CLI.run(["index", "build", first.path, more.path, "--db", db])
    #expect(rerun.status == 0, "\(rerun.stderr)")
    let line = rerun.stderr.split(separator: "\n").last.map(String.init) ?? ""
    let indexed = Int(line.split(separator: " ").drop { $0 != "inputs:" }.dropFirst().first ?? "") ?? -1
    #expect(line.contains("401 inputs: ") && indexed > 0 && indexed < 400, "\(line)")
    let final = try CLI.run(["index", "build", first.path, more.path, "--db", db])
    #expect(final.stderr.contains("401 inputs: 0 indexed, 401 unchanged"), "\(final.stderr)")
    // The same answers as an index built in one go.
    let clean = dir.appendingPathComponent("clean.db").path
    #expect(try CLI.run(["index", "build", first.path, more.path, "--db", clean]).status == 0)
    func articles(_ db: String) throws -> [String] {
      let out = try CLI.run(["search", "Copy", "--db", db, "--format", "jsonl", "--limit", "1000"]).text
      return out.split(separator: "\n").compactMap { line in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["article"] as? String
      }.sorted()
    }
    let resumed = try articles(db), whole = try articles(clean)
    #expect(resumed.count > 100 && resumed == whole)
  }

  @Test("a new index is built in a temporary file and renamed when done: killed, it leaves no index; the next build starts over")
  func killedFirstBuild() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let more = dir.appendingPathComponent("more")
    try FileManager.default.createDirectory(at: more, withIntermediateDirectories: true)
    for i in 0..<300 {
      try (Self.english + "\nCopy \(i).\n").write(to: more.appendingPathComponent("a\(i).txt"), atomically: false, encoding: .utf8)
    }
    let db = dir.appendingPathComponent("news.db").path
    func temporaries() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".news.db.matn-tmp-") }
    }
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["index", "build", "--quiet", "--batch", "8", "--jobs", "1", more.path, "--db", db]
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Killed once the temporary file holds some batches, mid-run.
    var started = false
    for _ in 0..<600 where process.isRunning && !started {
      usleep(20_000)
      started = try temporaries().contains { name in
        ((try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)[.size] as? Int) ?? 0) > 100_000
      }
    }
    let killedMidRun = process.isRunning
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(killedMidRun && started, "the build ended before it could be killed")
    #expect(!FileManager.default.fileExists(atPath: db), "a killed first build published an index")
    #expect(try temporaries().count == 1)
    let missing = try CLI.run(["search", "Velayati", "--db", db])
    #expect(missing.status == 1 && missing.stderr.contains("no such index"), "\(missing.stderr)")
    // The next build removes the dead run's file, builds anew and publishes.
    let rerun = try CLI.run(["index", "build", more.path, "--db", db])
    #expect(rerun.status == 0 && rerun.stderr.contains("300 inputs: 300 indexed, 0 unchanged"), "\(rerun.stderr)")
    #expect(try temporaries().isEmpty)
    // The same answers as a build never interrupted (the copies' shared lines are the
    // site's boilerplate; each copy's own line is its text).
    let clean = dir.appendingPathComponent("clean.db").path
    #expect(try CLI.run(["index", "build", more.path, "--db", clean]).status == 0)
    let found = try CLI.run(["search", "Copy", "--db", db, "--format", "jsonl", "--limit", "1000"]).text
    #expect(found.split(separator: "\n").count == 300)
    #expect(found == (try CLI.run(["search", "Copy", "--db", clean, "--format", "jsonl", "--limit", "1000"]).text))
    // Published in WAL mode: later builds update it batch by batch.
    let header = try Data(contentsOf: URL(fileURLWithPath: db)).prefix(20)
    #expect(header[18] == 2 && header[19] == 2, "not in WAL mode")
  }

  @Test("the OpenSearch/Elasticsearch template: valid against its schema, and maps only fields normalize writes")
  func engineTemplate() throws {
    let folder = CLI.repositoryRoot.appendingPathComponent("Resources/search")
    let template = try String(contentsOf: folder.appendingPathComponent("opensearch-template.json"), encoding: .utf8)
    let schema = try SchemaValidator(
      json: try String(contentsOf: folder.appendingPathComponent("opensearch-template.schema.json"), encoding: .utf8))
    #expect(schema.problems(json: template).isEmpty, "\(schema.problems(json: template))")
    // A key analysed as text would be split and folded again: the schema refuses it.
    let analysed = template.replacingOccurrences(of: "\"phonetic\": { \"type\": \"keyword\" }", with: "\"phonetic\": { \"type\": \"text\" }")
    #expect(analysed != template && !schema.problems(json: analysed).isEmpty)
    // Every mapped field is one that matn normalize writes (its JSON Schema's article).
    let articleSchema = try JSONSerialization.jsonObject(with: Data(try CLI.run(["normalize", "--schema"]).stdout)) as! [String: Any]
    let article = (articleSchema["$defs"] as! [String: Any])["article"] as! [String: Any]
    let written = article["properties"] as! [String: Any]
    let root = try JSONSerialization.jsonObject(with: Data(template.utf8)) as! [String: Any]
    let mapped = (((root["template"] as! [String: Any])["mappings"] as! [String: Any])["properties"] as! [String: Any])
    for (field, mapping) in mapped {
      #expect(written[field] != nil, "\(field) is not a field of the article JSON")
      guard let sub = (mapping as? [String: Any])?["properties"] as? [String: Any] else { continue }
      let fieldSchema = Self.resolve(written[field] as? [String: Any] ?? [:], in: articleSchema)
      let itemSchema = Self.resolve(fieldSchema["items"] as? [String: Any] ?? fieldSchema, in: articleSchema)
      let fieldProperties = itemSchema["properties"] as? [String: Any] ?? [:]
      for name in sub.keys { #expect(fieldProperties[name] != nil, "\(field).\(name) is not written") }
    }
  }

  static func resolve(_ schema: [String: Any], in root: [String: Any]) -> [String: Any] {
    var schema = schema
    if let anyOf = schema["anyOf"] as? [[String: Any]], let first = anyOf.first(where: { $0["type"] as? String != "null" }) {
      schema = first
    }
    if let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/") {
      return ((root["$defs"] as? [String: Any])?[String(ref.dropFirst(8))] as? [String: Any]) ?? schema
    }
    return schema
  }
}
