import SystemPackage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Writes a file atomically: the bytes go to a temporary file beside the target, which
/// is flushed to disk and renamed over it, so a reader never sees half a file and an
/// interrupted run leaves the old file (or none), never a truncated one.
///
/// Temporary files are named `.<name>.matn-tmp-<pid>-XXXXXX` and registered in
/// ``TemporaryFiles`` while they exist: a run removes those of dead processes from the
/// directories it writes into, and SIGINT/SIGTERM remove those in flight (see
/// ``TemporaryFiles/removeOnTermination()``).
public struct AtomicFile {
  /// Why a file could not be written.
  public struct Failure: Error, CustomStringConvertible, Sendable {
    public var path: FilePath
    public var reason: String
    public var description: String { "cannot write \(BatchPath.display(path)): \(reason)" }
  }

  public let path: FilePath
  private let temporary: FilePath
  private var fd: Int32

  /// The temporary file the bytes go to until ``commit()`` (another writer, such as a
  /// database, may write it by this path; ``commit()`` flushes whatever it holds).
  public var temporaryPath: FilePath { temporary }

  /// Opens a temporary file for `path`, creating missing parent directories.
  public init(path: FilePath) throws(Failure) {
    self.path = path
    try Self.makeParents(of: path)
    guard let name = path.lastComponent else { throw Failure(path: path, reason: "not a file name") }
    var template = path.removingLastComponent().bytes
    if !template.isEmpty && template.last != UInt8(ascii: "/") { template.append(UInt8(ascii: "/")) }
    template += TemporaryFiles.templateName(for: name)
    var chars = template.map { CChar(bitPattern: $0) } + [0]
    guard let fd = TemporaryFiles.create(&chars) else {
      throw Failure(path: path, reason: InputFile.errorText(errno))
    }
    self.fd = fd
    temporary = FilePath(platformString: chars)
    fchmod(fd, 0o644)
  }

  /// Appends `bytes`.
  public mutating func write(_ bytes: [UInt8]) throws(Failure) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 {
        if errno == EINTR { continue }
        let reason = InputFile.errorText(errno)
        discard()
        throw Failure(path: path, reason: reason)
      }
      offset += n
    }
  }

  /// Flushes what the temporary file holds so far to disk (by whichever writer), so
  /// that ``commit()`` has less left to flush.
  public func flush() throws(Failure) {
    guard fd >= 0 else { throw Failure(path: path, reason: "already closed") }
    guard fsync(fd) == 0 || errno == EINVAL else { throw Failure(path: path, reason: InputFile.errorText(errno)) }
  }

  /// Flushes and renames the temporary file over the target.
  public mutating func commit() throws(Failure) {
    guard fd >= 0 else { throw Failure(path: path, reason: "already closed") }
    defer {
      fd = -1
      TemporaryFiles.unregister(temporary)
    }
    guard fsync(fd) == 0 || errno == EINVAL, close(fd) == 0 else {
      let reason = InputFile.errorText(errno)
      _ = temporary.withPlatformString { unlink($0) }
      throw Failure(path: path, reason: reason)
    }
    let renamed = temporary.withPlatformString { from in path.withPlatformString { to in rename(from, to) } }
    guard renamed == 0 else {
      let reason = InputFile.errorText(errno)
      _ = temporary.withPlatformString { unlink($0) }
      throw Failure(path: path, reason: reason)
    }
  }

  /// Removes the temporary file; the target is left as it was.
  public mutating func discard() {
    guard fd >= 0 else { return }
    close(fd)
    _ = temporary.withPlatformString { unlink($0) }
    TemporaryFiles.unregister(temporary)
    fd = -1
  }

  /// Writes `bytes` to `path` atomically.
  public static func write(_ bytes: [UInt8], to path: FilePath) throws(Failure) {
    var file = try AtomicFile(path: path)
    try file.write(bytes)
    try file.commit()
  }

  private static func makeParents(of path: FilePath) throws(Failure) {
    var prefix = path.root.map { FilePath(root: $0) } ?? FilePath()
    for component in path.removingLastComponent().components {
      prefix.append(component)
      let made = prefix.withPlatformString { mkdir($0, 0o755) }
      if made != 0 && errno != EEXIST {
        throw Failure(path: path, reason: "cannot create directory \(BatchPath.display(prefix)): \(InputFile.errorText(errno))")
      }
    }
  }
}
