#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Writes a file atomically: the bytes go to a temporary file beside the target,
/// which is flushed to disk and renamed over it, so a reader never sees half a file
/// and an interrupted run leaves the old file (or none), never a truncated one.
struct AtomicFile {
  struct Failure: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write '\(path)': \(reason)" }
  }

  let path: String
  private let temporary: String
  private var fd: Int32

  /// Opens a temporary file for `path`, creating missing parent directories.
  init(path: String) throws(Failure) {
    self.path = path
    try Self.makeParents(of: path)
    var template = Array((path + ".tmp-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
    self.fd = fd
    self.temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    fchmod(fd, 0o644)
  }

  /// Appends `bytes`.
  mutating func write(_ bytes: [UInt8]) throws(Failure) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        discard()
        throw Failure(path: path, reason: reason)
      }
      offset += n
    }
  }

  /// Flushes and renames the temporary file over the target.
  mutating func commit() throws(Failure) {
    defer { fd = -1 }
    guard fsync(fd) == 0 || errno == EINVAL, close(fd) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw Failure(path: path, reason: reason)
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw Failure(path: path, reason: reason)
    }
  }

  /// Removes the temporary file; the target is left as it was.
  mutating func discard() {
    guard fd >= 0 else { return }
    close(fd)
    unlink(temporary)
    fd = -1
  }

  /// Writes `bytes` to `path` atomically.
  static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
    var file = try AtomicFile(path: path)
    try file.write(bytes)
    try file.commit()
  }

  private static func makeParents(of path: String) throws(Failure) {
    var prefix = ""
    let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    for (i, part) in parts.enumerated() {
      prefix += (i == 0 ? "" : "/") + part
      guard !prefix.isEmpty else { continue }
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw Failure(path: path, reason: "cannot create directory '\(prefix)': \(String(cString: strerror(errno)))")
      }
    }
  }
}
