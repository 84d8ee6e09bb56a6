#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Reads lines from a file descriptor as bytes, without the line feed (and a carriage
/// return before it). A line longer than `limit` is skipped to its end and reported
/// by its length, so one huge line neither exhausts memory nor desynchronises the
/// lines after it.
struct LineReader {
  enum Line: Sendable {
    case bytes([UInt8])
    case tooLong(Int)
  }

  private let fd: Int32
  private let limit: Int
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false

  init(fd: Int32, limit: Int) {
    self.fd = fd
    self.limit = limit
  }

  mutating func next() -> Line? {
    var skipped = 0  // bytes of an over-long line already dropped
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        var line = Array(buffer[start..<newline])
        start = newline + 1
        if skipped > 0 || line.count > limit { return .tooLong(skipped + line.count) }
        if line.last == 0x0D { line.removeLast() }
        return .bytes(line)
      }
      if buffer.count - start > limit {
        skipped += buffer.count - start
        buffer.removeAll(keepingCapacity: true)
        start = 0
      }
      if atEnd {
        guard start < buffer.count || skipped > 0 else { return nil }
        var line = Array(buffer[start...])
        buffer.removeAll()
        start = 0
        if skipped > 0 || line.count > limit { return .tooLong(skipped + line.count) }
        if line.last == 0x0D { line.removeLast() }
        return .bytes(line)
      }
      fill()
    }
  }

  private mutating func fill() {
    if start > 0 {
      buffer.removeFirst(start)
      start = 0
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 {
        atEnd = true
        return
      }
      buffer.append(contentsOf: chunk[0..<n])
      return
    }
  }
}
