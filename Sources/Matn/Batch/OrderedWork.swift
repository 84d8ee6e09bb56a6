#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Work on items `0..<count` by `jobs` threads (the caller's one of them), handed to
/// the caller in order as soon as each is done and those before it are handed over —
/// with no barrier between batches: a thread that finishes its item takes the next
/// one rather than waiting for the slowest of a batch (on a loaded machine, for a
/// thread the system has set aside).
///
/// Memory stays bounded: an item is started only while it and the undelivered items
/// before it number at most `window.items` and cost (`cost`, e.g. input bytes) at most
/// `window.cost`; the first undelivered item always may start, however costly.
package enum OrderedWork {
  /// Runs `work` on every item and `deliver` on each result in order, on the calling
  /// thread. When `deliver` answers false or throws, no item is started after that,
  /// the threads stop once their current item is done, and `run` returns false (or
  /// rethrows); otherwise it returns true when all are delivered.
  @discardableResult
  package static func run<Result: Sendable, Failure: Error>(
    count: Int, jobs: Int, window: (items: Int, cost: Int), cost: @escaping @Sendable (Int) -> Int,
    work: @escaping @Sendable (Int) -> Result, deliver: (Int, Result) throws(Failure) -> Bool
  ) throws(Failure) -> Bool {
    guard count > 0 else { return true }
    let state = State<Result>(count: count, window: window, cost: cost)
    let helpers = (1..<max(1, min(jobs, count))).map { _ in
      WorkerThread {
        while let i = state.claim(wait: true) { state.finish(i, work(i)) }
      }
    }
    defer {
      state.stop()
      for helper in helpers { helper.join() }
    }
    while true {
      // Hand over what is ready, in order.
      while let (i, result) = state.takeReady() {
        guard try deliver(i, result) else { return false }
      }
      if state.allDelivered { return true }
      // Work on the next item if the window allows, else wait for the next result.
      if let i = state.claim(wait: false) {
        state.finish(i, work(i))
      } else {
        state.waitForReady()
      }
    }
  }

  private final class State<Result: Sendable>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when the window moves (an item delivered) or the run stops.
    private let canClaim = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Signalled when the next item to deliver is done.
    private let ready = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let count: Int
    private let window: (items: Int, cost: Int)
    private let cost: @Sendable (Int) -> Int
    /// Results by item, at `item % window.items`.
    private var slots: [Result?]
    private var next = 0, delivered = 0
    /// The cost of the items started and not yet delivered.
    private var inFlight = 0
    private var stopped = false

    init(count: Int, window: (items: Int, cost: Int), cost: @escaping @Sendable (Int) -> Int) {
      self.count = count
      self.window = (max(1, window.items), max(0, window.cost))
      self.cost = cost
      slots = Array(repeating: nil, count: max(1, window.items))
      pthread_mutex_init(mutex, nil)
      pthread_cond_init(canClaim, nil)
      pthread_cond_init(ready, nil)
    }

    deinit {
      pthread_cond_destroy(ready)
      pthread_cond_destroy(canClaim)
      pthread_mutex_destroy(mutex)
      ready.deallocate()
      canClaim.deallocate()
      mutex.deallocate()
    }

    var allDelivered: Bool {
      pthread_mutex_lock(mutex)
      defer { pthread_mutex_unlock(mutex) }
      return delivered == count
    }

    /// Whether item `next` may start now (the lock held).
    private var mayStart: Bool {
      next < count && next - delivered < window.items && (next == delivered || inFlight + cost(next) <= window.cost)
    }

    /// The next item to work on; with `wait`, waits while the window is full. Nil when
    /// every item has started or the run stopped.
    func claim(wait: Bool) -> Int? {
      pthread_mutex_lock(mutex)
      defer { pthread_mutex_unlock(mutex) }
      while !stopped && next < count && !mayStart {
        guard wait else { return nil }
        pthread_cond_wait(canClaim, mutex)
      }
      guard !stopped, next < count else { return nil }
      let i = next
      next += 1
      inFlight += cost(i)
      return i
    }

    func finish(_ i: Int, _ result: Result) {
      pthread_mutex_lock(mutex)
      slots[i % window.items] = result
      if i == delivered { pthread_cond_signal(ready) }
      pthread_mutex_unlock(mutex)
    }

    /// The next result in order if it is done.
    func takeReady() -> (Int, Result)? {
      pthread_mutex_lock(mutex)
      defer { pthread_mutex_unlock(mutex) }
      guard delivered < count, let result = slots[delivered % window.items] else { return nil }
      slots[delivered % window.items] = nil
      let i = delivered
      delivered += 1
      inFlight -= cost(i)
      pthread_cond_broadcast(canClaim)
      return (i, result)
    }

    /// Waits until the next result in order is done (or the run stopped).
    func waitForReady() {
      pthread_mutex_lock(mutex)
      while !stopped && delivered < count && slots[delivered % window.items] == nil { pthread_cond_wait(ready, mutex) }
      pthread_mutex_unlock(mutex)
    }

    func stop() {
      pthread_mutex_lock(mutex)
      stopped = true
      pthread_cond_broadcast(canClaim)
      pthread_cond_broadcast(ready)
      pthread_mutex_unlock(mutex)
    }
  }
}
