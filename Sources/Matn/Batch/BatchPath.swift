import SystemPackage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Paths as the file system has them: bytes. Two names that differ only in Unicode
/// normalization (`café` in NFC and in NFD) are two files, and a name that is not
/// UTF-8 is opened, listed and written by its bytes. Strings appear only where a
/// person reads a path: diagnostics (invalid bytes as `\xE9`), ids (`%E9`) and JSON
/// (`source.path` with U+FFFD, and `source.pathBytes` in base64 when it is not UTF-8).
extension FilePath {
  /// The path's bytes, without a terminating NUL.
  public var bytes: [UInt8] {
    withPlatformString { pointer in
      Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
    }
  }

  /// A path from its bytes (a NUL, which no path can hold, ends it). Inlinable, so that
  /// a caller's list of thousands of paths does not go through unspecialised generics.
  @inlinable
  public init(bytes: some Sequence<UInt8>) {
    var chars = bytes.prefix { $0 != 0 }.map { CChar(bitPattern: $0) }
    chars.append(0)
    self.init(platformString: chars)
  }

  /// Whether the path is valid UTF-8.
  public var isUTF8: Bool { String(validating: self) != nil }

  /// The path for a person to read: invalid bytes written `\xE9`.
  public var displayString: String { BatchPath.escaped(bytes, style: .backslash) }

  /// Whether the path names a directory (links followed).
  public var isDirectory: Bool { BatchPath.isDirectory(self) }
}

extension FilePath.Component {
  /// The component's bytes.
  public var bytes: [UInt8] {
    withPlatformString { pointer in
      Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
    }
  }
}

/// Helpers for paths in messages, ids and output names.
public enum BatchPath {
  enum EscapeStyle { case backslash, percent }

  /// `bytes` as a string, each byte of an invalid UTF-8 sequence written `\xE9` or `%E9`.
  static func escaped(_ bytes: [UInt8], style: EscapeStyle) -> String {
    if let valid = String(validating: bytes, as: UTF8.self) { return valid }
    var result = ""
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length = lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0
      if length > 0, index + length <= bytes.count, let piece = String(validating: bytes[index..<index + length], as: UTF8.self) {
        result += piece
        index += length
      } else {
        let hex = String(bytes[index], radix: 16, uppercase: true)
        result += (style == .backslash ? "\\x" : "%") + (hex.count == 1 ? "0" + hex : hex)
        index += 1
      }
    }
    return result
  }

  /// How diagnostics name a path: quoted, invalid bytes as `\xE9` (`nil`: standard input).
  public static func display(_ path: FilePath?) -> String {
    guard let path else { return "standard input" }
    return "'\(path.displayString)'"
  }

  static func isDirectory(_ path: FilePath) -> Bool {
    var info = stat()
    return path.withPlatformString { stat($0, &info) } == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// The file's identity (device and inode), following links; nil if it does not exist.
  static func identity(of path: FilePath) -> FileIdentity? {
    var info = stat()
    let found = path.withPlatformString { stat($0, &info) } == 0
    return found ? FileIdentity(info) : nil
  }

  /// The absolute path with every link resolved; for a path that does not exist yet,
  /// its deepest existing ancestor resolved and the rest appended.
  static func canonical(_ path: FilePath) -> FilePath {
    var absolute = path
    if !absolute.isAbsolute {
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      if getcwd(&buffer, buffer.count) != nil {
        absolute = FilePath(platformString: buffer).pushing(path)
      }
    }
    absolute.lexicallyNormalize()
    var head = absolute
    var tail: [FilePath.Component] = []
    while true {
      if let resolved = head.withPlatformString({ realpath($0, nil) }) {
        defer { free(resolved) }
        var result = FilePath(platformString: resolved)
        result.append(tail.reversed())
        return result
      }
      guard let last = head.lastComponent else { return absolute }
      tail.append(last)
      head.removeLastComponent()
    }
  }
}

/// A file's device and inode: the same file whatever the path that reaches it.
public struct FileIdentity: Hashable, Sendable {
  var device: UInt64
  var inode: UInt64

  init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}
