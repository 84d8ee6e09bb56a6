#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Buffered writes to standard output.
struct StandardOutput {
  private var buffer: [UInt8] = []
  private let threshold = 1 << 16

  mutating func write(_ text: String) {
    if text.utf8.count >= threshold {
      flush()
      var text = text
      text.withUTF8 { Self.writeAll($0) }
      return
    }
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= threshold { flush() }
  }

  mutating func write(bytes: [UInt8]) {
    if bytes.count >= threshold {
      flush()
      bytes.withUnsafeBufferPointer { Self.writeAll($0) }
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= threshold { flush() }
  }

  mutating func flush() {
    buffer.withUnsafeBufferPointer { Self.writeAll($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        Diagnostics.error("cannot write to standard output: \(String(cString: strerror(errno)))")
        exit(1)
      }
      offset += n
    }
  }
}

/// Messages on standard error, prefixed with the tool's name.
enum Diagnostics {
  static func error(_ message: String) { info("matn: \(message)") }

  /// A message on standard error, as is.
  static func info(_ message: String) { raw(message + "\n") }

  /// Text on standard error with no newline added.
  static func raw(_ text: String) {
    var line = text
    line.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let n = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
        if n <= 0 { if n < 0 && errno == EINTR { continue } else { return } }
        offset += n
      }
    }
  }
}
