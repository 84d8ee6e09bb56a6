#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Reads lines from a file descriptor as bytes, without the line feed (and a carriage
/// return before it), in time linear in the input: each byte is searched once and
/// moved at most once. A line longer than `limit` is skipped to its end and reported
/// by its length, so one huge line neither exhausts memory nor desynchronises the lines
/// after it.
public struct LineReader {
  public enum Line: Sendable {
    case bytes([UInt8])
    case tooLong(Int)
  }

  private let fd: Int32
  private let limit: Int
  private var buffer: [UInt8] = []
  /// Where the current line starts.
  private var start = 0
  /// Bytes before this offset are known to hold no line feed.
  private var scanned = 0
  private var atEnd = false
  /// The error that ended reading, if one did.
  public private(set) var readError: Int32?

  public init(fd: Int32, limit: Int) {
    self.fd = fd
    self.limit = limit
  }

  public mutating func next() -> Line? {
    var skipped = 0  // bytes of an over-long line already dropped
    while true {
      if let newline = findNewline() {
        let length = newline - start
        defer {
          start = newline + 1
          scanned = start
        }
        if skipped > 0 || length > limit { return .tooLong(skipped + length) }
        let end = length > 0 && buffer[newline - 1] == 0x0D ? newline - 1 : newline
        return .bytes(Array(buffer[start..<end]))
      }
      if buffer.count - start > limit {
        skipped += buffer.count - start
        buffer.removeAll(keepingCapacity: true)
        start = 0
        scanned = 0
      }
      if atEnd {
        guard start < buffer.count || skipped > 0 else { return nil }
        let length = buffer.count - start
        defer {
          buffer.removeAll()
          start = 0
          scanned = 0
        }
        if skipped > 0 || length > limit { return .tooLong(skipped + length) }
        let end = length > 0 && buffer[buffer.count - 1] == 0x0D ? buffer.count - 1 : buffer.count
        return .bytes(Array(buffer[start..<end]))
      }
      fill()
    }
  }

  private mutating func findNewline() -> Int? {
    guard scanned < buffer.count else { return nil }
    let found = buffer.withUnsafeBytes { raw -> Int? in
      guard let hit = memchr(raw.baseAddress! + scanned, 0x0A, raw.count - scanned) else { return nil }
      return raw.baseAddress!.distance(to: UnsafeRawPointer(hit))
    }
    scanned = found ?? buffer.count
    return found
  }

  private mutating func fill() {
    // Move the unread part to the front only when it is at most half the buffer, so
    // each byte moves at most once on average.
    if start > 0 && start >= buffer.count - start {
      buffer.removeFirst(start)
      scanned -= start
      start = 0
    }
    let chunk = 1 << 16
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: chunk))
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, chunk) }
      if n < 0 && errno == EINTR { continue }
      if n < 0 { readError = errno }
      buffer.removeLast(chunk - max(n, 0))
      if n <= 0 { atEnd = true }
      return
    }
  }
}
