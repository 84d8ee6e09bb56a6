#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A bounded hand-over from one producer thread to one async consumer, in order: the
/// bridge between the POSIX threads of ``ParallelBatches`` and an `AsyncSequence`.
///
/// The producer blocks in ``send(_:)`` while `capacity` elements wait, so memory stays
/// bounded however slow the consumer; the consumer suspends in ``next()`` (never
/// blocking a thread of Swift's cooperative pool). ``cancel()`` — the consumer's task
/// cancelled, or its iterator dropped — empties the channel and makes every later
/// ``send(_:)`` answer false, so the producer stops.
final class OrderedChannel<Element: Sendable>: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let notFull = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var buffer: [Element] = []
  private var head = 0
  private var finished = false
  private var cancelled = false
  private var waiting: CheckedContinuation<Element?, Never>?
  let capacity: Int

  init(capacity: Int) {
    self.capacity = max(1, capacity)
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(notFull, nil)
  }

  deinit {
    pthread_cond_destroy(notFull)
    pthread_mutex_destroy(mutex)
    notFull.deallocate()
    mutex.deallocate()
  }

  /// Whether the consumer has gone.
  var isCancelled: Bool {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return cancelled
  }

  /// Hands `element` over, waiting while the channel is full. False when the consumer
  /// has gone: the producer should stop.
  @discardableResult
  func send(_ element: Element) -> Bool {
    pthread_mutex_lock(mutex)
    while buffer.count - head >= capacity && !cancelled { pthread_cond_wait(notFull, mutex) }
    if cancelled {
      pthread_mutex_unlock(mutex)
      return false
    }
    if let consumer = waiting {
      waiting = nil
      pthread_mutex_unlock(mutex)
      consumer.resume(returning: element)
      return true
    }
    buffer.append(element)
    pthread_mutex_unlock(mutex)
    return true
  }

  /// No more elements: the consumer gets nil once the channel is empty.
  func finish() {
    pthread_mutex_lock(mutex)
    finished = true
    let consumer = waiting
    waiting = nil
    pthread_mutex_unlock(mutex)
    consumer?.resume(returning: nil)
  }

  /// The consumer has gone: waiting elements are dropped and the producer released.
  func cancel() {
    pthread_mutex_lock(mutex)
    cancelled = true
    buffer.removeAll()
    head = 0
    let consumer = waiting
    waiting = nil
    pthread_cond_broadcast(notFull)
    pthread_mutex_unlock(mutex)
    consumer?.resume(returning: nil)
  }

  /// The next element in order, or nil when the producer has finished or the task was
  /// cancelled.
  func next() async -> Element? {
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
        pthread_mutex_lock(mutex)
        if head < buffer.count {
          let element = buffer[head]
          head += 1
          if head == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            head = 0
          } else if head >= 64 && head * 2 >= buffer.count {
            buffer.removeFirst(head)
            head = 0
          }
          pthread_cond_signal(notFull)
          pthread_mutex_unlock(mutex)
          continuation.resume(returning: element)
        } else if finished || cancelled {
          pthread_mutex_unlock(mutex)
          continuation.resume(returning: nil)
        } else {
          waiting = continuation
          pthread_mutex_unlock(mutex)
        }
      }
    } onCancel: {
      cancel()
    }
  }
}

/// Cancels a channel when the last iterator holding it goes away (a consumer that
/// breaks out of its `for await` loop), so that the producer thread never waits forever.
final class ChannelLease<Element: Sendable>: Sendable {
  let channel: OrderedChannel<Element>
  init(_ channel: OrderedChannel<Element>) { self.channel = channel }
  deinit { channel.cancel() }
}
