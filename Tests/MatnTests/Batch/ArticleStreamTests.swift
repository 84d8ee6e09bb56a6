import Foundation
import SystemPackage
import Synchronization
import Testing

@testable import Matn

@Suite("Async article streams: input order, bounded memory, cancellation")
struct ArticleStreamTests {
  static func story(_ k: Int) -> String {
    "Story number \(k) about the harbour\n\nThe harbour was busy on day \(k), the port said in a statement.\n"
  }

  @Test("texts, bytes and files come out in input order at any number of jobs; a bad input is an outcome")
  func order() async throws {
    try await BatchTests.withDirectoryAsync { dir in
      let file = dir.appendingPathComponent("on-disk.txt")
      try Self.story(99).write(to: file, atomically: true, encoding: .utf8)
      var inputs = (0..<150).map { ArticleInput.text(Self.story($0), id: "t\($0)") }
      inputs.insert(.bytes([0xEF, 0xBB, 0xBF] + Array(Self.story(500).utf8), id: "bom"), at: 10)
      inputs.insert(.bytes([], id: "empty"), at: 20)
      inputs.insert(.file(FilePath(file.path)), at: 30)
      inputs.insert(.file("/nonexistent/matn/x.txt"), at: 40)
      for jobs in [1, 2, 4] {
        var outcomes: [ArticleOutcome] = []
        for await outcome in ArticleParser().articles(from: inputs, jobs: jobs) { outcomes.append(outcome) }
        #expect(outcomes.map(\.position) == Array(inputs.indices))
        #expect(outcomes.map(\.id) == inputs.map(\.id))
        #expect(outcomes[30].id == "on-disk")
        #expect((try? outcomes[30].result.get().title) == "Story number 99 about the harbour")
        #expect((try? outcomes[10].result.get().title) == "Story number 500 about the harbour")
        if case .failure(let failure) = outcomes[20].result { #expect(failure.kind == .empty) } else { Issue.record("empty") }
        if case .failure(let failure) = outcomes[40].result { #expect(failure.kind == .unreadable) } else { Issue.record("x") }
        #expect((try? outcomes[149 + 4].result.get().title) == "Story number 149 about the harbour")
      }
    }
  }

  final class Counter: Sendable {
    let value = Atomic<Int>(0)
    func load(ordering: AtomicLoadOrdering) -> Int { value.load(ordering: .sequentiallyConsistent) }
    func add(_ n: Int, ordering: AtomicUpdateOrdering) { value.add(n, ordering: .sequentiallyConsistent) }
  }

  /// A sequence that counts how far it was read.
  struct Counted: Sequence, Sendable {
    let pulled: Counter
    let total: Int
    struct Iterator: IteratorProtocol {
      let sequence: Counted
      var k = 0
      mutating func next() -> ArticleInput? {
        guard k < sequence.total else { return nil }
        sequence.pulled.add(1, ordering: .relaxed)
        k += 1
        return .text(ArticleStreamTests.story(k), id: "s\(k)")
      }
    }
    func makeIterator() -> Iterator { Iterator(sequence: self) }
  }

  @Test("a consumer that stops reading holds the workers: inputs are read at most two batches ahead")
  func bounded() async throws {
    let pulled = Counter()
    let inputs = Counted(pulled: pulled, total: 100_000)
    let stream = ArticleParser().articles(from: inputs, jobs: 2)
    var iterator = stream.makeAsyncIterator()
    _ = await iterator.next()
    try await Task.sleep(for: .milliseconds(300))
    let batch = 64
    #expect(pulled.load(ordering: .relaxed) <= 3 * batch, "\(pulled.load(ordering: .relaxed)) read")
    _ = iterator  // dropped here: the workers are released
  }

  @Test("cancelling the consuming task stops the stream: no more inputs are read")
  func cancellation() async throws {
    let pulled = Counter()
    let inputs = Counted(pulled: pulled, total: 1_000_000)
    let consumer = Task {
      var count = 0
      for await _ in ArticleParser().articles(from: inputs, jobs: 2) { count += 1 }
      return count
    }
    try await Task.sleep(for: .milliseconds(300))
    consumer.cancel()
    let count = await consumer.value
    let readAtCancel = pulled.load(ordering: .relaxed)
    try await Task.sleep(for: .milliseconds(300))
    #expect(count < 1_000_000)
    #expect(pulled.load(ordering: .relaxed) == readAtCancel, "reading went on after cancellation")
  }

  @Test("a batch's items as an AsyncSequence: the same items as run(), in order")
  func batchItems() async throws {
    try await BatchTests.withDirectoryAsync { dir in
      for k in 0..<12 {
        try BatchTests.write(Self.story(k), dir.appendingPathComponent("in/\(String(format: "%02d", k)).txt"))
      }
      try Data().write(to: dir.appendingPathComponent("in/empty.txt"))
      var configuration = ArticleBatch.Configuration(arguments: [.path(FilePath(dir.appendingPathComponent("in").path))])
      configuration.jobs = 2
      let batch = try ArticleBatch(configuration)
      var expected: [String] = []
      try batch.run { expected.append(String(decoding: $0.bytes, as: UTF8.self)) }
      var seen: [String] = []
      for await item in batch.items() { seen.append(String(decoding: item.bytes, as: UTF8.self)) }
      #expect(seen == expected)
      #expect(seen.count == 13)
    }
  }
}

extension BatchTests {
  static func withDirectoryAsync(_ body: (URL) async throws -> Void) async throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("matn-stream-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    try await body(url)
  }
}
