#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A one-line progress bar on standard error, drawn only when standard error is a
/// terminal and at most ten times a second.
struct Progress {
  private let total: Int
  private let enabled: Bool
  private let start = Progress.now()
  private var lastDraw = 0.0
  private var drawn = false

  init(total: Int, enabled: Bool = isTerminal(2)) {
    self.total = total
    self.enabled = enabled
  }

  mutating func update(done: Int, failed: Int) {
    guard enabled else { return }
    let now = Self.now()
    guard now - lastDraw >= 0.1 || done == total else { return }
    lastDraw = now
    let width = 30
    let filled = total == 0 ? width : width * done / max(total, 1)
    let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
    let rate = Double(done) / max(now - start, 1e-6)
    var line = "\r[\(bar)] \(done)/\(total) files"
    if failed > 0 { line += ", \(failed) failed" }
    line += ", \(Int(rate))/s "
    Diagnostics.raw(line)
    drawn = true
  }

  /// Clears the bar so the summary line starts at column 0.
  mutating func finish() {
    guard enabled, drawn else { return }
    Diagnostics.raw("\r\u{1B}[K")
    drawn = false
  }

  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
