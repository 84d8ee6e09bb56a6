import Foundation
import Testing

/// Locates Unicode's own data and conformance files (`BidiTest.txt`,
/// `NormalizationTest.txt`, …) for the conformance suites.
///
/// The directory is `$MATN_UNICODE_DATA` when that is set and non-empty, else
/// `/usr/share/unicode` (Debian's `unicode-data` package, which matches ICU 72's
/// Unicode 15.0). A file `X.txt` may also be stored compressed as `X.txt.bz2`;
/// it is then decompressed with `bzip2 -dc`.
///
/// Use ``available(_:)`` in a trait and ``missingReason(_:)`` as its comment, so a
/// suite is reported as skipped, with the reason, where the files are absent:
///
/// ```swift
/// @Suite(.enabled(if: UnicodeData.available("NormalizationTest.txt"),
///                 UnicodeData.skipComment("NormalizationTest.txt")))
/// struct NormalizationConformanceTests {
///   @Test func conformance() throws {
///     let text = try #require(UnicodeData.contents(of: "NormalizationTest.txt"))
///     …
///   }
/// }
/// ```
public enum UnicodeData {
  /// The environment variable that overrides the data directory.
  public static let environmentVariable = "MATN_UNICODE_DATA"

  /// The directory searched for Unicode data files.
  public static var directory: URL {
    if let value = ProcessInfo.processInfo.environment[environmentVariable], !value.isEmpty {
      return URL(fileURLWithPath: value, isDirectory: true)
    }
    return URL(fileURLWithPath: "/usr/share/unicode", isDirectory: true)
  }

  /// Where `name` is stored: the plain file if present, else its `.bz2` form.
  public enum Location: Equatable {
    case plain(URL)
    case bzip2(URL)
  }

  /// The stored form of `name`, or nil when neither `name` nor `name.bz2` exists.
  public static func location(of name: String) -> Location? {
    let plain = directory.appendingPathComponent(name)
    if isReadableFile(plain) { return .plain(plain) }
    let compressed = directory.appendingPathComponent(name + ".bz2")
    if isReadableFile(compressed) { return .bzip2(compressed) }
    return nil
  }

  /// Whether `name` can be read (as is, or as `name.bz2` with a `bzip2` tool present).
  ///
  /// Cheap: checks files only, decompresses nothing.
  public static func available(_ name: String) -> Bool { missingReason(name) == nil }

  /// Why `name` cannot be read, or nil when it can.
  public static func missingReason(_ name: String) -> String? {
    switch location(of: name) {
    case .plain: return nil
    case .bzip2(let url):
      if bzip2Tool() != nil { return nil }
      return "\(url.path) needs bzip2 to decompress, but neither /bin/bzip2 nor bzip2 on PATH was found"
    case nil:
      return "\(name) (or \(name).bz2) not found in \(directory.path); install Debian's unicode-data "
        + "package or set \(environmentVariable) to a directory holding Unicode's data files"
    }
  }

  /// A test-trait comment for `name`: the reason it is missing, for skipped suites.
  public static func skipComment(_ name: String) -> Comment {
    Comment(rawValue: missingReason(name) ?? "\(name) is available")
  }

  /// The bytes of `name` (decompressed if stored as `.bz2`), or nil if unavailable
  /// or unreadable.
  public static func bytes(of name: String) -> [UInt8]? {
    switch location(of: name) {
    case .plain(let url):
      guard let data = try? Data(contentsOf: url) else { return nil }
      return [UInt8](data)
    case .bzip2(let url):
      guard let data = decompressBzip2(url) else { return nil }
      return [UInt8](data)
    case nil:
      return nil
    }
  }

  /// The text of `name` (decompressed if stored as `.bz2`), decoded as UTF-8, or nil
  /// if unavailable or unreadable.
  public static func contents(of name: String) -> String? {
    guard let bytes = bytes(of: name) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The data lines of a property file such as `Scripts.txt`
  /// (`0600..0604 ; Arabic # …`): each line's code point range and its second field,
  /// trimmed (`"Arabic"`, or `"Arab Syrc"` in ScriptExtensions.txt). Comments and
  /// lines without a `;` are skipped.
  public static func ranges(in name: String) throws -> [(low: UInt32, high: UInt32, field: String)] {
    let text = try #require(contents(of: name), "\(name) unreadable")
    var result: [(low: UInt32, high: UInt32, field: String)] = []
    for raw in text.split(separator: "\n") {
      let fields = raw.prefix { $0 != "#" }.split(separator: ";")
      guard fields.count == 2 else { continue }
      let bounds = fields[0].split(separator: ".", omittingEmptySubsequences: true)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      let low = try #require(UInt32(bounds[0], radix: 16), "\(name): \(raw)")
      let high = bounds.count > 1 ? try #require(UInt32(bounds[1], radix: 16), "\(name): \(raw)") : low
      result.append((low, high, fields[1].trimmingCharacters(in: .whitespaces)))
    }
    return result
  }

  // MARK: - Private

  private static func isReadableFile(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && !isDirectory.boolValue && FileManager.default.isReadableFile(atPath: url.path)
  }

  /// `/bin/bzip2`, else the first executable `bzip2` on `PATH`.
  public static func bzip2Tool() -> URL? {
    let fileManager = FileManager.default
    if fileManager.isExecutableFile(atPath: "/bin/bzip2") {
      return URL(fileURLWithPath: "/bin/bzip2")
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for entry in path.split(separator: ":") where !entry.isEmpty {
      let candidate = URL(fileURLWithPath: String(entry), isDirectory: true)
        .appendingPathComponent("bzip2")
      if fileManager.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// Runs `bzip2 -dc file` and returns its standard output; nil if it fails.
  private static func decompressBzip2(_ url: URL) -> Data? {
    guard let tool = bzip2Tool() else { return nil }
    let process = Process()
    process.executableURL = tool
    process.arguments = ["-dc", url.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    // Read to the end before waiting, or a full pipe would block bzip2 forever.
    let data = (try? output.fileHandleForReading.readToEnd()) ?? Data()
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else { return nil }
    return data
  }
}
