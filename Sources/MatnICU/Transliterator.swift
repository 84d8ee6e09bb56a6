import CICUShim
import Synchronization

/// An ICU transform, such as `Russian-Latin/BGN`, `Han-Latin/Names` or a custom rule set.
///
/// Opening a transliterator is expensive (`Any-Latin; Latin-ASCII` takes 14–32 ms), so
/// open each once and reuse it; ``shared(id:)`` keeps a process-wide cache.
///
/// ```swift
/// let t = try Transliterator(id: "Russian-Latin/BGN")
/// t.transliterate("Решетников")    // "Reshetnikov"
/// ```
///
/// - Thread safety: not `Sendable` — an ICU transliterator may not be used by two
///   threads at once. Use ``SharedTransliterator`` to share one, or ``clone()`` to
///   give each task its own.
public final class Transliterator {
  /// The direction in which an ID's transform is applied.
  public enum Direction: Sendable {
    case forward, reverse
  }

  let handle: TransliteratorHandle

  init(handle: TransliteratorHandle) { self.handle = handle }

  /// Opens the system transliterator with `id`, such as `"Arabic-Latin"` or a compound
  /// `"Any-Latin; Latin-ASCII"`.
  ///
  /// - Throws: ``ICUError/invalidID`` for an unknown ID.
  /// The corresponding C++ function is `Transliterator::createInstance`.
  public convenience init(id: String, direction: Direction = .forward) throws(ICUError) {
    self.init(handle: try TransliteratorHandle(id: id, rules: nil, direction: direction))
  }

  /// Compiles a custom transliterator from ICU transform `rules`, naming it `id`.
  ///
  /// - Throws: ``TransliteratorRuleError`` with ICU's code (such as
  ///   ``ICUError/malformedRule``) and the position of the faulty rule.
  /// The corresponding C++ function is `Transliterator::createFromRules`.
  public convenience init(id: String, rules: String, direction: Direction = .forward)
    throws(TransliteratorRuleError)
  {
    self.init(handle: try TransliteratorHandle(compiling: rules, id: id, direction: direction))
  }

  /// The transliterator's ID.
  public var id: String { handle.id }

  /// Applies the transform to `text`.
  ///
  /// - Complexity: O(*n*) in the length of `text` for the usual rule sets; the
  ///   text is converted to UTF-16 and back in C.
  /// The corresponding C++ function is `Transliterator::transliterate`.
  public func transliterate(_ text: String) -> String { handle.transliterate(text) }

  /// An independent copy that can be sent to another task.
  ///
  /// The corresponding C++ function is `Transliterator::clone`.
  public func clone() throws(ICUError) -> Transliterator {
    Transliterator(handle: try handle.clone())
  }

  /// The IDs of all system transliterators.
  public static var availableIDs: [String] {
    var status: Int32 = 0
    var out: UnsafeMutablePointer<UInt8>?
    let n = cicu_translit_available_ids(&out, &status)
    ICU.expect(status, "Transliterator::getAvailableIDs")
    return ICU.adoptString(out, count: n).split(separator: "\n").map(String.init)
  }

  /// A shared, thread-safe transliterator for `id` from a process-wide cache: the
  /// first call opens it, later calls return the same object.
  public static func shared(id: String) throws(ICUError) -> SharedTransliterator {
    try SharedTransliterator.cached(id: id, rules: nil)
  }

  /// A shared, thread-safe transliterator compiled from `rules`, cached by `id` and rules.
  public static func shared(id: String, rules: String) throws(TransliteratorRuleError) -> SharedTransliterator {
    do { return try SharedTransliterator.cached(id: id, rules: rules) } catch {
      throw TransliteratorRuleError(code: error, line: -1, offset: -1)
    }
  }
}

/// A transliterator that any number of tasks can use at once.
///
/// It keeps a pool of clones of one compiled transliterator: a call takes a clone from
/// the pool (making one if the pool is empty), transliterates without holding the
/// lock, and returns it. Concurrent callers never wait on each other's text.
///
/// - Thread safety: `Sendable`.
public final class SharedTransliterator: Sendable {
  private let prototype: TransliteratorHandle
  private let pool = Mutex<[TransliteratorHandle]>([])

  /// Wraps a new transliterator for `id` (see ``Transliterator/init(id:direction:)``).
  public convenience init(id: String, direction: Transliterator.Direction = .forward) throws(ICUError) {
    self.init(prototype: try TransliteratorHandle(id: id, rules: nil, direction: direction))
  }

  /// Wraps a new transliterator compiled from `rules`.
  public convenience init(id: String, rules: String, direction: Transliterator.Direction = .forward)
    throws(TransliteratorRuleError)
  {
    self.init(prototype: try TransliteratorHandle(compiling: rules, id: id, direction: direction))
  }

  init(prototype: TransliteratorHandle) { self.prototype = prototype }

  /// The transliterator's ID.
  public var id: String { prototype.id }

  /// Applies the transform to `text`; safe to call from any number of tasks.
  public func transliterate(_ text: String) -> String {
    let handle = pool.withLock { $0.popLast() } ?? (try? prototype.clone())
    guard let handle else {
      preconditionFailure("could not clone transliterator \(prototype.id): out of memory")
    }
    defer { pool.withLock { $0.append(handle) } }
    return handle.transliterate(text)
  }

  /// A non-shared copy for exclusive use by one task.
  public func makeTransliterator() throws(ICUError) -> Transliterator {
    Transliterator(handle: try prototype.clone())
  }

  private static let cache = Mutex<[CacheKey: SharedTransliterator]>([:])

  private struct CacheKey: Hashable {
    var id: String
    var rules: String?
  }

  static func cached(id: String, rules: String?) throws(ICUError) -> SharedTransliterator {
    let key = CacheKey(id: id, rules: rules)
    if let hit = cache.withLock({ $0[key] }) { return hit }
    // Open outside the lock: opening can take tens of milliseconds.
    let made = SharedTransliterator(prototype: try TransliteratorHandle(id: id, rules: rules, direction: .forward))
    return cache.withLock { entries in
      if let raced = entries[key] { return raced }
      entries[key] = made
      return made
    }
  }
}

/// Where a custom rule set failed to compile.
public struct TransliteratorRuleError: Error, Sendable, CustomStringConvertible {
  /// The ICU error, such as ``ICUError/malformedRule``.
  public var code: ICUError
  /// Line and offset that ICU reported for the error (0-based; -1 when unknown).
  public var line: Int
  public var offset: Int
  public var description: String { "\(code.name) at rule line \(line), offset \(offset)" }
}

/// Owns one ICU transliterator. Used by one thread at a time (the pool guarantees it for
/// ``SharedTransliterator``; the non-`Sendable` ``Transliterator`` for everyone else).
final class TransliteratorHandle: @unchecked Sendable {
  let raw: OpaquePointer
  let id: String

  /// Compiles `rules`, reporting where a syntax error is.
  convenience init(compiling rules: String, id: String, direction: Transliterator.Direction)
    throws(TransliteratorRuleError)
  {
    var line: Int32 = -1
    var offset: Int32 = -1
    do { try self.init(id: id, rules: rules, direction: direction, line: &line, offset: &offset) } catch {
      throw TransliteratorRuleError(code: error, line: Int(line), offset: Int(offset))
    }
  }

  convenience init(id: String, rules: String?, direction: Transliterator.Direction) throws(ICUError) {
    var line: Int32 = -1
    var offset: Int32 = -1
    try self.init(id: id, rules: rules, direction: direction, line: &line, offset: &offset)
  }

  init(id: String, rules: String?, direction: Transliterator.Direction, line: inout Int32, offset: inout Int32)
    throws(ICUError)
  {
    var status: Int32 = 0
    let reverse: Int32 = direction == .reverse ? 1 : 0
    var id = id
    var rulesCopy = rules ?? ""
    let hasRules = rules != nil
    let raw: OpaquePointer? = id.withUTF8 { idBuffer in
      rulesCopy.withUTF8 { rulesBuffer in
        ICU.nonNull(idBuffer) { idBase in
          ICU.nonNull(rulesBuffer) { rulesBase in
            cicu_translit_open(
              idBase, Int32(idBuffer.count), hasRules ? rulesBase : nil, Int32(rulesBuffer.count),
              reverse, &line, &offset, &status)
          }
        }
      }
    }
    try ICU.check(status)
    guard let raw else { throw .invalidID }
    self.raw = raw
    var out: UnsafeMutablePointer<UInt8>?
    var idStatus: Int32 = 0
    let n = cicu_translit_id(raw, &out, &idStatus)
    self.id = idStatus > 0 ? id : ICU.adoptString(out, count: n)
  }

  private init(raw: OpaquePointer, id: String) {
    self.raw = raw
    self.id = id
  }

  deinit { cicu_translit_close(raw) }

  func clone() throws(ICUError) -> TransliteratorHandle {
    var status: Int32 = 0
    let copy = cicu_translit_clone(raw, &status)
    try ICU.check(status)
    guard let copy else { throw .memoryAllocation }
    return TransliteratorHandle(raw: copy, id: id)
  }

  func transliterate(_ text: String) -> String {
    var text = text
    var status: Int32 = 0
    var out: UnsafeMutablePointer<UInt8>?
    let n = text.withUTF8 { buffer in
      precondition(buffer.count <= Int32.max, "text longer than 2 GiB cannot be transliterated at once")
      return ICU.nonNull(buffer) { base in cicu_translit_utf8(raw, base, Int32(buffer.count), &out, &status) }
    }
    ICU.expect(status, "Transliterator::transliterate")
    return ICU.adoptString(out, count: n)
  }
}
