#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads whole input files (or standard input) as bytes, with errors that name the path
/// and say what went wrong. Inputs are never modified.
enum InputFile {
  /// Why a path could not be read.
  struct Failure: Error, CustomStringConvertible {
    var path: String
    var reason: String
    /// The input is larger than the limit it was read with.
    var tooLarge = false
    var description: String { "cannot read \(InputFile.displayName(path)): \(reason)" }
  }

  /// How diagnostics name `path`.
  static func displayName(_ path: String) -> String { path == "-" ? "standard input" : "'\(path)'" }

  /// Reads all bytes of `path`; `"-"` is standard input. More than `limit` bytes is
  /// an error (with `tooLarge` set), found before reading when the size is known.
  static func read(_ path: String, limit: Int = .max) throws(Failure) -> [UInt8] {
    if path == "-" { return try readAll(fd: 0, path: path, sizeHint: 0, limit: limit) }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw Failure(path: path, reason: errorText(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw Failure(path: path, reason: errorText(errno)) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw Failure(path: path, reason: "is a directory") }
    if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > limit {
      throw Failure(path: path, reason: "\(info.st_size) bytes, more than the limit of \(limit)", tooLarge: true)
    }
    return try readAll(fd: fd, path: path, sizeHint: Int(info.st_size), limit: limit)
  }

  private static func readAll(fd: Int32, path: String, sizeHint: Int, limit: Int) throws(Failure) -> [UInt8] {
    var bytes = [UInt8]()
    bytes.reserveCapacity(sizeHint > 0 ? sizeHint + 1 : 1 << 16)
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

  private static func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
