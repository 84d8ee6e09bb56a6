import SystemPackage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// One input for ``ArticleParser/articles(from:decoding:jobs:maxBytes:)``: text, raw
/// bytes in any charset, or a file to read, with the id its article gets.
public struct ArticleInput: Sendable, Hashable {
  enum Content: Sendable, Hashable {
    case text(String)
    case bytes([UInt8])
    case file(FilePath)
  }

  /// The article's id.
  public var id: String
  /// A title given by the caller (the text's own first line is then body, unless it
  /// repeats it).
  public var title: String?
  var content: Content

  /// Text already decoded.
  public static func text(_ text: String, id: String, title: String? = nil) -> ArticleInput {
    ArticleInput(id: id, title: title, content: .text(text))
  }

  /// Raw bytes, decoded by the stream's ``DecodingPolicy`` (byte order marks, UTF-8,
  /// UTF-16, legacy charsets, mojibake repair).
  public static func bytes(_ bytes: [UInt8], id: String, title: String? = nil) -> ArticleInput {
    ArticleInput(id: id, title: title, content: .bytes(bytes))
  }

  /// A file, read when its turn comes (so a long list of paths costs no memory).
  public static func file(_ path: FilePath, id: String? = nil, title: String? = nil) -> ArticleInput {
    let name = path.lastComponent.map { $0.stem } ?? path.string
    return ArticleInput(id: id ?? name, title: title, content: .file(path))
  }
}

/// One result of an ``ArticleStream``: the input's position and id, and its article or
/// why there is none.
public struct ArticleOutcome: Sendable {
  /// The input's position in the sequence, from 0.
  public var position: Int
  /// The input's id.
  public var id: String
  /// The article, or why the input gave none.
  public var result: Result<Article, ArticleFailure>
}

/// Articles from a sequence of inputs, parsed in parallel and delivered in input order
/// as an `AsyncSequence`, with bounded memory.
///
/// ```swift
/// let inputs = [
///   ArticleInput.text("Title Line\n\nThe first paragraph of the story.\n", id: "one"),
///   ArticleInput.file("story.txt"),
/// ]
/// for await outcome in ArticleParser().articles(from: inputs) {
///   switch outcome.result {
///   case .success(let article): print(article.id, article.title ?? "")
///   case .failure(let failure): print(outcome.id, failure.message)
///   }
/// }
/// ```
///
/// The inputs are read on worker threads of their own, at most `2 × batch` ahead of the
/// consumer (a batch is 32 inputs per job, at least 64): a consumer that stops reading
/// holds the workers, so memory is bounded by two batches of articles however long the
/// sequence is. Cancelling the consuming task (or leaving the loop) stops the workers
/// after the inputs they are parsing; nothing more is read.
public struct ArticleStream: AsyncSequence, Sendable {
  public typealias Element = ArticleOutcome

  let start: @Sendable () -> OrderedChannel<ArticleOutcome>

  public struct AsyncIterator: AsyncIteratorProtocol {
    let lease: ChannelLease<ArticleOutcome>

    public mutating func next() async -> ArticleOutcome? {
      await lease.channel.next()
    }
  }

  /// Each iteration parses the inputs anew.
  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(lease: ChannelLease(start()))
  }
}

extension ArticleParser {
  /// Parses `inputs` on `jobs` threads into an ``ArticleStream``: results in input
  /// order, with bounded memory, stopped by cancellation. A failed input is an outcome
  /// with a ``ArticleFailure``, never an end of the stream.
  ///
  /// - Parameters:
  ///   - inputs: Any sequence of ``ArticleInput``, read lazily in batches.
  ///   - decoding: How bytes and files become text.
  ///   - jobs: Worker threads (default: the number of processors).
  ///   - maxBytes: The largest file, in bytes.
  public func articles<Inputs: Sequence & Sendable>(
    from inputs: Inputs, decoding: DecodingPolicy = DecodingPolicy(), jobs: Int = ArticleBatch.processors,
    maxBytes: Int = 256 << 20
  ) -> ArticleStream where Inputs.Element == ArticleInput {
    let job = ArticleJob(parser: self, decoding: decoding, maxBytes: maxBytes)
    let jobs = max(1, jobs)
    let batch = ParallelBatches.batchSize(jobs: jobs)
    return ArticleStream {
      let channel = OrderedChannel<ArticleOutcome>(capacity: batch)
      let producer = WorkerThread.detached {
        defer { channel.finish() }
        var iterator = inputs.makeIterator()
        var position = 0
        while !channel.isCancelled {
          var chunk: [(Int, ArticleInput)] = []
          while chunk.count < batch, let input = iterator.next() {
            chunk.append((position, input))
            position += 1
          }
          if chunk.isEmpty { return }
          let outcomes = ParallelBatches.map(chunk, jobs: jobs) { position, input -> ArticleOutcome? in
            guard !channel.isCancelled else { return nil }
            return ArticleOutcome(position: position, id: input.id, result: job.article(input))
          }
          for outcome in outcomes {
            guard let outcome, channel.send(outcome) else { return }
          }
        }
      }
      _ = producer
      return channel
    }
  }
}

extension ArticleBatch {
  /// The number of processors online: the default number of jobs.
  public static var processors: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  /// The batch's items as an `AsyncSequence`, in input order, with the guarantees of
  /// ``run(progress:deliver:)`` (outputs written and checked as it writes them) and
  /// bounded memory: the batch waits while a batch of items is unread. Cancelling the
  /// consuming task (or leaving the loop) stops it after the files in progress; the
  /// output file of ``Output/file(_:)`` is then discarded.
  ///
  /// ```swift
  /// let batch = try ArticleBatch(ArticleBatch.Configuration(arguments: [.path("articles")]))
  /// for await item in batch.items() {
  ///   if case .success(let article) = item.result { print(article.id, article.paragraphs.count) }
  /// }
  /// ```
  ///
  /// A failure to write the output file ends the sequence; ``run(progress:deliver:)``
  /// reports it as an error.
  public func items() -> AsyncStreamOfItems {
    let batch = self
    return AsyncStreamOfItems {
      let capacity = batch.configuration.limits.batchFiles ?? ParallelBatches.batchSize(jobs: max(1, batch.configuration.jobs))
      let channel = OrderedChannel<Item>(capacity: capacity)
      _ = WorkerThread.detached {
        defer { channel.finish() }
        _ = try? batch.run(isCancelled: { channel.isCancelled }, progress: { _ in }) { item in channel.send(item) }
      }
      return channel
    }
  }

  /// The items of a batch, in input order (``items()``).
  public struct AsyncStreamOfItems: AsyncSequence, Sendable {
    public typealias Element = Item
    let start: @Sendable () -> OrderedChannel<Item>

    public struct AsyncIterator: AsyncIteratorProtocol {
      let lease: ChannelLease<Item>
      public mutating func next() async -> Item? { await lease.channel.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(lease: ChannelLease(start())) }
  }
}

extension ArticleJob {
  /// Reads (a file), decodes (bytes) and parses one stream input.
  func article(_ input: ArticleInput) -> Result<Article, ArticleFailure> {
    switch input.content {
    case .file(let path):
      return article(path: path, id: input.id, title: input.title)
    case .bytes(let bytes):
      return article(bytes: bytes, id: input.id, path: nil, isFile: false, title: input.title)
    case .text(let text):
      // Text that is plain already skips decoding; a NUL or a leading U+FEFF goes the
      // way of bytes, where decoding deals with them.
      if !text.utf8.contains(0), !text.hasPrefix("\u{FEFF}") {
        return article(text: text, id: input.id, title: input.title)
      }
      return article(bytes: Array(text.utf8), id: input.id, path: nil, isFile: false, title: input.title)
    }
  }
}
