import Synchronization
import SystemPackage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The temporary files of ``AtomicFile``: named so that a later run can tell them from
/// anything else, registered while they exist, and removed when a run is interrupted.
///
/// A name is `.<target name>.matn-tmp-<pid>-XXXXXX`. A file of that shape whose process
/// is no longer running is stale (a run killed with SIGKILL, a crash, a power cut):
/// ``removeStale(under:)`` deletes those at the start of a run into that directory.
public enum TemporaryFiles {
  static let marker = Array(".matn-tmp-".utf8)

  private struct Registry: ~Copyable {
    var paths: [FilePath: Void] = [:]
    var terminating = false
  }

  private static let registry = Mutex(Registry())

  /// `.<name>.matn-tmp-<pid>-XXXXXX` for mkstemp.
  static func templateName(for name: FilePath.Component) -> [UInt8] {
    [UInt8(ascii: ".")] + name.bytes + marker + Array("\(getpid())-XXXXXX".utf8)
  }

  /// mkstemp on `template` (NUL-terminated, rewritten in place), registered.
  static func create(_ template: inout [CChar]) -> Int32? {
    if handlerWanted.load(ordering: .acquiring) { removeOnTermination() }
    return registry.withLock { registry -> Int32? in
      let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard fd >= 0 else { return nil }
      let path = FilePath(platformString: template)
      if registry.terminating {
        // Termination is removing what is registered: this one would be missed.
        _ = path.withPlatformString { unlink($0) }
        close(fd)
        errno = EINTR
        return nil
      }
      registry.paths[path] = ()
      return fd
    }
  }

  static func unregister(_ path: FilePath) {
    registry.withLock { _ = $0.paths.removeValue(forKey: path) }
  }

  /// Removes every temporary file in flight; later ones are refused. Returns how many.
  @discardableResult
  public static func removeAllInFlight() -> Int {
    registry.withLock { registry in
      registry.terminating = true
      for path in registry.paths.keys { _ = path.withPlatformString { unlink($0) } }
      defer { registry.paths.removeAll() }
      return registry.paths.count
    }
  }

  /// The process id in `name` if it is one of our temporary names.
  static func processID(inName name: [UInt8]) -> Int32? {
    guard name.first == UInt8(ascii: "."), let range = name.firstRange(of: marker) else { return nil }
    let rest = name[range.upperBound...]
    guard let dash = rest.firstIndex(of: UInt8(ascii: "-")), rest.distance(from: dash, to: rest.endIndex) == 7,
      let pid = Int32(String(decoding: rest[..<dash], as: UTF8.self)), pid > 0
    else { return nil }
    return pid
  }

  /// Whether `name` is one of our temporary names (a walk never reads them as input).
  static func isTemporaryName(_ name: [UInt8]) -> Bool { processID(inName: name) != nil }

  /// Whether `name` is one of our temporary names whose process is gone (or is this
  /// process, which has made none yet when a run starts).
  static func isStale(_ name: [UInt8]) -> Bool {
    if isLegacyTemporary(name) { return true }
    guard let pid = processID(inName: name) else { return false }
    if pid == getpid() { return !registry.withLock { $0.paths.keys.contains { $0.lastComponent?.bytes == name } } }
    return kill(pid, 0) != 0 && errno == ESRCH
  }

  /// The names of earlier versions: `<name>.json.tmp-XXXXXX` (also `.txt`, `.jsonl`),
  /// with no process id to check; only ever looked for in an output directory.
  static func isLegacyTemporary(_ name: [UInt8]) -> Bool {
    let suffix = Array(".tmp-".utf8)
    guard name.count > 11, Array(name[(name.count - 11)..<(name.count - 6)]) == suffix,
      name.suffix(6).allSatisfy({ isalnum(Int32($0)) != 0 })
    else { return false }
    let stem = name.prefix(name.count - 11)
    return [".json", ".txt", ".jsonl"].contains { stem.count > $0.utf8.count && stem.suffix($0.utf8.count).elementsEqual($0.utf8) }
  }

  /// Deletes stale temporary files of ours in `directory` and, if `recursive`, its
  /// subdirectories (links not followed). Returns the paths removed.
  @discardableResult
  public static func removeStale(under directory: FilePath, recursive: Bool = true) -> [FilePath] {
    var removed: [FilePath] = []
    var pending = [directory]
    while let current = pending.popLast() {
      guard let handle = current.withPlatformString({ opendir($0) }) else { continue }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
        if name == [0x2E] || name == [0x2E, 0x2E] { continue }
        guard let component = FilePath.Component(platformString: name.map { CChar(bitPattern: $0) } + [0]) else { continue }
        let path = current.appending(component)
        if entry.pointee.d_type == UInt8(DT_DIR) {
          if recursive { pending.append(path) }
        } else if isStale(name), path.withPlatformString({ unlink($0) }) == 0 {
          removed.append(path)
        }
      }
    }
    return removed
  }

  /// ``removeOnTermination()`` when the first temporary file is made, not before: a
  /// process that makes none (writing to standard output) starts no thread and installs
  /// no handler (0.08 ms of a 5 ms start). Until then a signal ends the process as usual,
  /// with nothing to remove. Call once, early.
  public static func removeOnTerminationFromFirstFile() {
    handlerWanted.store(true, ordering: .releasing)
  }

  private static let handlerWanted = Atomic<Bool>(false)

  /// Makes SIGINT, SIGTERM and SIGHUP remove the temporary files in flight before the
  /// process ends with that signal (its usual exit status, 128 + the signal). Call once,
  /// early; the handler only writes to a pipe, and a thread of its own does the work.
  public static func removeOnTermination() {
    let installed = handlerInstalled.withLock { installed -> Bool in
      defer { installed = true }
      return installed
    }
    guard !installed else { return }
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return }
    signalPipe = fds[1]
    let reader = fds[0]
    for sig in terminationSignals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { sig in
        var byte = UInt8(truncatingIfNeeded: sig)
        _ = write(TemporaryFiles.signalPipe, &byte, 1)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = SA_RESTART
      sigaction(sig, &action, nil)
    }
    var thread = pthread_t()
    let started = pthread_create(
      &thread, nil,
      { argument in
        let reader = Int32(Int(bitPattern: argument))
        var byte: UInt8 = 0
        while read(reader, &byte, 1) != 1 {}
        TemporaryFiles.removeAllInFlight()
        let sig = Int32(byte)
        signal(sig, SIG_DFL)
        kill(getpid(), sig)
        return nil
      }, UnsafeMutableRawPointer(bitPattern: Int(reader)))
    if started == 0 { pthread_detach(thread) }
  }

  static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  private static let handlerInstalled = Mutex(false)
  nonisolated(unsafe) static var signalPipe: Int32 = -1
}
