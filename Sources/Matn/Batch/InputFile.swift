import SystemPackage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Reads whole input files (or standard input) as bytes, with errors that name the path
/// and say what went wrong. Inputs are only ever opened for reading.
public enum InputFile {
  /// Why a path could not be read.
  public struct Failure: Error, CustomStringConvertible, Sendable {
    /// The path (nil: standard input).
    public var path: FilePath?
    public var reason: String
    /// The input is larger than the limit it was read with.
    public var tooLarge = false
    public var description: String { "cannot read \(BatchPath.display(path)): \(reason)" }
  }

  /// What may be opened.
  public enum Kinds: Sendable {
    /// Anything that reads like a file: regular files, pipes, devices (a path the
    /// user typed, such as `<(…)` or `/dev/stdin`).
    case any
    /// Regular files only: a FIFO, device, socket or `/proc/self/fd/N` is refused
    /// before a byte is read (paths that come from data, not from the user).
    case regularOnly
  }

  /// Reads all bytes of `path` (nil: standard input). More than `limit` bytes is an
  /// error (with `tooLarge` set), found before reading when the size is known.
  public static func read(_ path: FilePath?, limit: Int = .max, kinds: Kinds = .any) throws(Failure) -> [UInt8] {
    guard let path else { return try readAll(fd: 0, path: nil, sizeHint: 0, limit: limit) }
    let (fd, type, size) = try openChecked(path, limit: limit, kinds: kinds)
    defer { close(fd) }
    return try readAll(fd: fd, path: path, sizeHint: type == S_IFREG ? size : 0, limit: limit)
  }

  /// Opens `path` for reading and checks what it is: a directory, anything but a
  /// regular file where `kinds` wants one, and a regular file over `limit` are errors.
  /// Returns the descriptor (the caller closes it), the file type and the size.
  private static func openChecked(_ path: FilePath, limit: Int, kinds: Kinds) throws(Failure) -> (Int32, mode_t, Int) {
    // O_NONBLOCK: opening a FIFO never waits for a writer (only regular files are then
    // read, where it changes nothing).
    let flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | (kinds == .regularOnly ? O_NONBLOCK : 0)
    let fd = path.withPlatformString { open($0, flags) }
    guard fd >= 0 else { throw Failure(path: path, reason: errorText(errno)) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let reason = errorText(errno)
      close(fd)
      throw Failure(path: path, reason: reason)
    }
    let type = info.st_mode & S_IFMT
    var problem: Failure?
    if type == S_IFDIR {
      problem = Failure(path: path, reason: "is a directory")
    } else if kinds == .regularOnly && type != S_IFREG {
      problem = Failure(path: path, reason: "not a regular file (\(typeName(type)))")
    } else if type == S_IFREG, Int(info.st_size) > limit {
      problem = Failure(path: path, reason: "\(info.st_size) bytes, more than the limit of \(limit)", tooLarge: true)
    }
    if let problem {
      close(fd)
      throw problem
    }
    return (fd, type, Int(info.st_size))
  }

  private static func readAll(fd: Int32, path: FilePath?, sizeHint: Int, limit: Int) throws(Failure) -> [UInt8] {
    var bytes = [UInt8]()
    bytes.reserveCapacity(sizeHint > 0 ? min(sizeHint, limit) + 1 : 1 << 16)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n == 0 { break }
      if n < 0 {
        if errno == EINTR { continue }
        throw Failure(path: path, reason: errorText(errno))
      }
      bytes.append(contentsOf: chunk[0..<n])
      if bytes.count > limit {
        throw Failure(path: path, reason: "more than the limit of \(limit) bytes", tooLarge: true)
      }
    }
    return bytes
  }

  /// A file's content: text when it was read straight into a `String` (valid UTF-8,
  /// no NUL, no byte order mark: the common case), else its bytes for ``DecodedText``.
  public enum Content: Sendable {
    case utf8(String)
    case bytes([UInt8])

    /// The number of bytes read.
    public var byteCount: Int {
      switch self {
      case .utf8(let text): text.utf8.count
      case .bytes(let bytes): bytes.count
      }
    }
  }

  /// Reads `path` like ``read(_:limit:kinds:)``, but a regular file that is valid UTF-8
  /// (no NUL, no byte order mark) is read straight into the storage of a `String`, so
  /// that its bytes and its text never exist at once: a 100 MB line costs 100 MB, not 200.
  public static func readContent(_ path: FilePath?, limit: Int = .max, kinds: Kinds = .any) throws(Failure) -> Content {
    guard let path else { return .bytes(try read(nil, limit: limit, kinds: kinds)) }
    let flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | (kinds == .regularOnly ? O_NONBLOCK : 0)
    let fd = path.withPlatformString { open($0, flags) }
    guard fd >= 0 else { throw Failure(path: path, reason: errorText(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw Failure(path: path, reason: errorText(errno)) }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR { throw Failure(path: path, reason: "is a directory") }
    if kinds == .regularOnly && type != S_IFREG {
      throw Failure(path: path, reason: "not a regular file (\(typeName(type)))")
    }
    if type == S_IFREG, Int(info.st_size) > limit {
      throw Failure(path: path, reason: "\(info.st_size) bytes, more than the limit of \(limit)", tooLarge: true)
    }
    let size = Int(info.st_size)
    guard type == S_IFREG, size > 0 else { return .bytes(try readAll(fd: fd, path: path, sizeHint: 0, limit: limit)) }
    // Read into a String's storage; keep the bytes only when they are not plain UTF-8.
    var fallback: [UInt8]?
    var failure: Int32?
    let text = String(unsafeUninitializedCapacity: size) { buffer -> Int in
      var filled = 0
      while filled < size {
        let n = Glibc.read(fd, buffer.baseAddress! + filled, size - filled)
        if n < 0 && errno == EINTR { continue }
        if n < 0 {
          failure = errno
          return 0
        }
        if n == 0 { break }
        filled += n
      }
      let bytes = UnsafeBufferPointer(rebasing: buffer[..<filled])
      let scan = UTF8Scan.scan(bytes)
      let marked = filled >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
      if scan.firstInvalid == nil && scan.firstNUL == nil && !marked && filled == size { return filled }
      fallback = Array(bytes)
      return 0
    }
    if let failure { throw Failure(path: path, reason: errorText(failure)) }
    guard var bytes = fallback else {
      // The file may have grown since fstat: anything more goes the slow way.
      let more = try readAll(fd: fd, path: path, sizeHint: 0, limit: max(0, limit - size))
      return more.isEmpty ? .utf8(text) : .bytes(Array(text.utf8) + more)
    }
    bytes += try readAll(fd: fd, path: path, sizeHint: 0, limit: max(0, limit - bytes.count))
    return .bytes(bytes)
  }

  static func typeName(_ type: mode_t) -> String {
    switch type {
    case S_IFIFO: "a pipe"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    case S_IFDIR: "a directory"
    case S_IFLNK: "a link"
    default: "not a regular file"
    }
  }

  static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}
