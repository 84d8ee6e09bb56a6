import Foundation

/// Stops a throughput driver with `message` on standard error, prefixed by the
/// program's name, and exit status 2 (a setup error).
public func fail(_ message: String) -> Never {
  let name = (CommandLine.arguments.first.map { ($0 as NSString).lastPathComponent }) ?? "benchmark"
  FileHandle.standardError.write(Data("\(name): \(message)\n".utf8))
  exit(2)
}

/// `value`, or ``fail(_:)`` with `message` when it is nil.
public func required<T>(_ value: T?, _ message: String) -> T {
  guard let value else { fail(message) }
  return value
}
