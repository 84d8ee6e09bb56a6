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
    /// The path is a directory (a command that walks directories walks it instead).
    public var isDirectory = false
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
      problem = Failure(path: path, reason: "is a directory", isDirectory: true)
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
  /// (no NUL, no byte order mark) comes as a `String`, checked once; one of over
  /// ``copiedSize`` bytes is read straight into the String's storage, so that its bytes
  /// and its text never exist at once: a 100 MB line costs 100 MB, not 200. Standard
  /// input (nil) is read whole and, when plain UTF-8, copied into a `String` and its bytes
  /// let go (``streamContent(fd:limit:)``).
  public static func readContent(_ path: FilePath?, limit: Int = .max, kinds: Kinds = .any) throws(Failure) -> Content {
    guard let path else { return try streamContent(fd: 0, limit: limit) }
    let flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | (kinds == .regularOnly ? O_NONBLOCK : 0)
    let fd = path.withPlatformString { open($0, flags) }
    guard fd >= 0 else { throw Failure(path: path, reason: errorText(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw Failure(path: path, reason: errorText(errno)) }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR { throw Failure(path: path, reason: "is a directory", isDirectory: true) }
    if kinds == .regularOnly && type != S_IFREG {
      throw Failure(path: path, reason: "not a regular file (\(typeName(type)))")
    }
    if type == S_IFREG, Int(info.st_size) > limit {
      throw Failure(path: path, reason: "\(info.st_size) bytes, more than the limit of \(limit)", tooLarge: true)
    }
    let size = Int(info.st_size)
    guard type == S_IFREG, size > 0 else { return .bytes(try readAll(fd: fd, path: path, sizeHint: 0, limit: limit)) }
    if size <= copiedSize {
      // Read into a buffer and copy into a String unchecked: the scan has checked it, and
      // the String's own check would read the text again at a fraction of its speed.
      let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
      defer { buffer.deallocate() }
      let (filled, failure) = fill(fd, buffer)
      if let failure { throw Failure(path: path, reason: errorText(failure)) }
      let bytes = UnsafeBufferPointer(rebasing: buffer[..<filled])
      guard filled == size, isPlainUTF8(bytes) else {
        return .bytes(Array(bytes) + (try rest(fd: fd, path: path, limit: max(0, limit - filled))))
      }
      let text = String(copying: UTF8Span(unchecked: bytes.span))
      let more = try rest(fd: fd, path: path, limit: max(0, limit - size))
      return more.isEmpty ? .utf8(text) : .bytes(Array(bytes) + more)
    }
    // A larger file is read a chunk at a time into one buffer, each chunk checked by the
    // scan and appended to the text unchecked (a String's own check of what is read into
    // its storage reads it again at a fraction of the scan's speed): the text and one
    // chunk exist at once, never the file's bytes and its text.
    let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: copiedSize)
    defer { chunk.deallocate() }
    var text = ""
    text.reserveCapacity(size)
    var carried = 0  // the start of a sequence the last chunk cut, moved to the front
    var read = 0
    while true {
      let want = min(chunk.count - carried, size - read)
      let (filled, failure) = fill(fd, UnsafeMutableBufferPointer(rebasing: chunk[carried..<carried + want]))
      if let failure { throw Failure(path: path, reason: errorText(failure)) }
      read += filled
      let end = carried + filled
      // The last chunk (or a file that shrank) is checked whole; another is cut before a
      // sequence it does not hold whole.
      let last = read >= size || filled < want
      let cut = last ? end : UTF8Scan.lastSequenceStart(UnsafeBufferPointer(rebasing: chunk[..<end]))
      let bytes = UnsafeBufferPointer(rebasing: chunk[..<cut])
      guard isPlainUTF8(bytes, atStart: text.isEmpty) else {
        // Not plain UTF-8: the bytes, all of them, for the decoder.
        var all = Array(text.utf8) + Array(UnsafeBufferPointer(rebasing: chunk[..<end]))
        all += try readAll(fd: fd, path: path, sizeHint: size - read, limit: max(0, limit - all.count))
        return .bytes(all)
      }
      if cut > 0 { text.append(String(copying: UTF8Span(unchecked: bytes.span))) }
      carried = end - cut
      if carried > 0 { UnsafeMutableRawPointer(chunk.baseAddress!).copyMemory(from: chunk.baseAddress! + cut, byteCount: carried) }
      if last { break }
    }
    // The file may have grown since fstat: anything more goes the slow way.
    let more = try rest(fd: fd, path: path, limit: max(0, limit - size))
    return more.isEmpty ? .utf8(text) : .bytes(Array(text.utf8) + more)
  }

  /// The content of a stream whose size is not known (standard input, a pipe): its
  /// bytes, or, when they are plain UTF-8 (as a file is taken as text), a `String` copied
  /// from them, the bytes released before the text is worked on. Handed on as bytes, both
  /// lived until the caller was done: `matn detect --per line` over the 5.4 MB of the
  /// dev sentences on a harness's pipe peaked 7.5 MB higher than on the same file named.
  static func streamContent(fd: Int32, limit: Int) throws(Failure) -> Content {
    let bytes = try readAll(fd: fd, path: nil, sizeHint: 0, limit: limit)
    guard !bytes.isEmpty, bytes.withUnsafeBufferPointer({ isPlainUTF8($0) }) else { return .bytes(bytes) }
    return .utf8(bytes.withUnsafeBufferPointer { String(copying: UTF8Span(unchecked: $0.span)) })
  }

  /// Files up to this size are read into a buffer and copied into their `String`
  /// (``readContent(_:limit:kinds:)``); larger ones straight into its storage, so that a
  /// large file's bytes and text never exist at once.
  static let copiedSize = 1 << 20

  /// Reads `fd` into `buffer` until it is full or the file ends: the bytes read, or the
  /// error number of a failed read.
  private static func fill(_ fd: Int32, _ buffer: UnsafeMutableBufferPointer<UInt8>) -> (Int, Int32?) {
    var filled = 0
    while filled < buffer.count {
      let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
      if n < 0 && errno == EINTR { continue }
      if n < 0 { return (0, errno) }
      if n == 0 { break }
      filled += n
    }
    return (filled, nil)
  }

  /// Valid UTF-8 with no NUL and no byte order mark: text as it is. (`atStart`: the
  /// bytes start the file, where a U+FEFF is a byte order mark, not a character.)
  private static func isPlainUTF8(_ bytes: UnsafeBufferPointer<UInt8>, atStart: Bool = true) -> Bool {
    let scan = UTF8Scan.scan(bytes)
    let marked = atStart && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    return scan.firstInvalid == nil && scan.firstNUL == nil && !marked
  }

  /// What is left to read of `fd` after the size it had when opened (a file that grew),
  /// as ``readAll(fd:path:sizeHint:limit:)`` reads it; at the end of the file (the
  /// common case) one read of one byte finds that out, with no buffer set up.
  private static func rest(fd: Int32, path: FilePath, limit: Int) throws(Failure) -> [UInt8] {
    var first: UInt8 = 0
    while true {
      let n = Glibc.read(fd, &first, 1)
      if n == 0 { return [] }
      if n > 0 { break }
      if errno != EINTR { throw Failure(path: path, reason: errorText(errno)) }
    }
    guard limit > 0 else { throw Failure(path: path, reason: "more than the limit of \(limit) bytes", tooLarge: true) }
    return try [first] + readAll(fd: fd, path: path, sizeHint: 0, limit: limit - 1)
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
