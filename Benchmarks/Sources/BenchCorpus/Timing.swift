/// Runs of whole passes for the throughput drivers: each run repeats `pass` until at
/// least one pass and `minSeconds` have elapsed.
public struct Timing: Sendable {
  /// Units (bytes, texts…) per second of the best run, and the mean over runs.
  public var best = 0.0, mean = 0.0
  /// The best single pass, in units per second.
  public var bestPass = 0.0
  /// Passes over all runs.
  public var passes = 0

  /// Times `runs` runs of `pass`, which processes `units` units each time.
  public init(runs: Int, minSeconds: Double, units: Double, pass: () -> Void) {
    let clock = ContinuousClock()
    var sum = 0.0
    for _ in 0..<runs {
      var elapsed = Duration.zero
      var count = 0
      while count < 1 || elapsed < .seconds(minSeconds) {
        let start = clock.now
        pass()
        let took = clock.now - start
        elapsed += took
        count += 1
        bestPass = max(bestPass, units / (took / .seconds(1)))
      }
      let rate = units * Double(count) / (elapsed / .seconds(1))
      best = max(best, rate)
      sum += rate
      passes += count
    }
    mean = runs > 0 ? sum / Double(runs) : 0
  }
}
