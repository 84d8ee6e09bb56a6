import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Runs `work` over items on `jobs` threads and hands the results to the caller in
/// input order. The order of outputs never depends on timing.
///
/// Threads are plain POSIX threads, not Dispatch's `concurrentPerform`, whose width on
/// a loaded Linux machine was measured at one thread (97% CPU with two jobs).
package enum ParallelBatches {
  /// Items per batch for `jobs` threads: enough that a slow item rarely idles the others.
  static func batchSize(jobs: Int) -> Int { max(64, 32 * jobs) }

  /// Maps `items` with `work` on `jobs` threads; results in order.
  package static func map<Item: Sendable, Result: Sendable>(
    _ items: [Item], jobs: Int, _ work: @escaping @Sendable (Item) -> Result
  ) -> [Result] {
    guard jobs > 1, items.count > 1 else { return items.map(work) }
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer {
      results.deinitialize()
      results.deallocate()
    }
    let next = Atomic<Int>(0)
    nonisolated(unsafe) let slots = results
    let drain: @Sendable () -> Void = {
      while true {
        let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard i < items.count else { return }
        slots[i] = work(items[i])
      }
    }
    let helpers = (1..<min(jobs, items.count)).map { _ in WorkerThread(drain) }
    drain()
    for helper in helpers { helper.join() }
    return results.map { $0! }
  }

  /// Runs each of `tasks` on a thread of its own; `join()` on each returns when it has
  /// finished.
  package static func background(_ tasks: [@Sendable () -> Void]) -> [WorkerThread] {
    tasks.map { WorkerThread($0) }
  }
}

/// A POSIX thread with an 8 MiB stack running one closure.
package final class WorkerThread: @unchecked Sendable {
  private var thread = pthread_t()
  private var joined = false

  private final class Box {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }

  package init(_ body: @escaping @Sendable () -> Void) {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, 8 << 20)
    defer { pthread_attr_destroy(&attributes) }
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    let created = pthread_create(
      &thread, &attributes,
      { argument in
        let box = Unmanaged<Box>.fromOpaque(argument!).takeRetainedValue()
        box.body()
        return nil
      }, box)
    if created != 0 {
      // No thread to be had: run it here.
      Unmanaged<Box>.fromOpaque(box).takeRetainedValue().body()
      joined = true
    }
  }

  /// Runs `body` on a thread of its own that nobody joins.
  @discardableResult
  static func detached(_ body: @escaping @Sendable () -> Void) -> WorkerThread {
    let thread = WorkerThread(body)
    if !thread.joined {
      pthread_detach(thread.thread)
      thread.joined = true
    }
    return thread
  }

  package func join() {
    guard !joined else { return }
    pthread_join(thread, nil)
    joined = true
  }
}
