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
    // O_NONBLOCK: opening a FIFO never waits for a writer; cleared below for reading.
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
    return try readAll(fd: fd, path: path, sizeHint: type == S_IFREG ? Int(info.st_size) : 0, limit: limit)
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
