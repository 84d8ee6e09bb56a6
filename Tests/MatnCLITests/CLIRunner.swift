import Foundation
import Testing

/// Runs the built `matn` binary, end to end, as users do.
enum CLI {
  struct Result {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
    var text: String { String(decoding: stdout, as: UTF8.self) }
  }

  /// The `matn` executable next to the test bundle in the build folder, or the one
  /// `MATN_TEST_EXECUTABLE` names (to run these tests against another build, such as
  /// the previous release, and see which reproductions it fails).
  static var executable: URL {
    if let path = ProcessInfo.processInfo.environment["MATN_TEST_EXECUTABLE"] { return URL(fileURLWithPath: path) }
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var dir = exe.deletingLastPathComponent()
    // On Linux the test runner is `.build/<config>/<Package>PackageTests.xctest`.
    if dir.pathExtension == "xctest" { dir = dir.deletingLastPathComponent() }
    return dir.appendingPathComponent("matn")
  }

  static func run(_ arguments: [String], stdin: [UInt8] = []) throws -> Result {
    try run(executable: executable, arguments, stdin: stdin)
  }

  /// Runs any program (a shell for tests that need its redirections and limits).
  static func run(
    executable: URL, _ arguments: [String], stdin: [UInt8] = [], directory: URL? = nil, environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let input = Pipe(), output = Pipe(), error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Feed stdin and drain both outputs concurrently so no pipe fills up.
    let writer = Thread {
      input.fileHandleForWriting.write(Data(stdin))
      try? input.fileHandleForWriting.close()
    }
    writer.start()
    // The semaphore orders the reader's write of errData before the read below (polling
    // Thread.isFinished did not: a data race under the thread sanitizer).
    nonisolated(unsafe) var errData = Data()
    let errDone = DispatchSemaphore(value: 0)
    let errReader = Thread {
      errData = (try? error.fileHandleForReading.readToEnd()) ?? Data()
      errDone.signal()
    }
    errReader.start()
    let outData = (try? output.fileHandleForReading.readToEnd()) ?? Data()
    process.waitUntilExit()
    errDone.wait()
    return Result(
      status: process.terminationStatus, stdout: [UInt8](outData),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A temporary directory for one test, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("matn-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The repository root (for the bundled sample).
  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }
}
