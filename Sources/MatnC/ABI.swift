import Matn

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// The plumbing of the C ABI (include/matn.h): statuses, UTF-8 in, malloc'd buffers
// out, batches. No text logic lives in this target: each entry point maps its
// arguments to one call of Matn's public API and writes the answer's bytes.

/// `matn_status` values (matn.h).
enum Status {
  static let ok: Int32 = 0
  static let null: Int32 = 1
  static let utf8: Int32 = 2
  static let argument: Int32 = 3
  static let article: Int32 = 4
  static let memory: Int32 = 5
}

/// Why a call failed: a status and the message for `*error`.
struct Failure: Error {
  var status: Int32
  var message: String

  static func argument(_ message: String) -> Failure { Failure(status: Status.argument, message: message) }
  static func null(_ what: String) -> Failure { Failure(status: Status.null, message: "\(what) is NULL") }
  static let memory = Failure(status: Status.memory, message: "out of memory")

  /// `bytes`, said to be `what`, are not valid UTF-8.
  static func utf8(_ bytes: UnsafeBufferPointer<UInt8>, what: String) -> Failure {
    Failure(status: Status.utf8, message: "\(what) is not valid UTF-8: an invalid sequence at byte \(invalidOffset(bytes))")
  }
}

public typealias CString = UnsafePointer<CChar>
public typealias OutBytes = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
public typealias OutOffsets = UnsafeMutablePointer<UnsafeMutablePointer<Int>?>

/// The `length` bytes at `pointer` (not yet known to be UTF-8); NULL is allowed for none.
func bytes(_ pointer: CString?, _ length: Int, what: String = "text") throws(Failure) -> UnsafeBufferPointer<UInt8> {
  guard length > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
  guard let pointer else { throw .null(what) }
  return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
}

/// `bytes` as a String; they must be valid UTF-8.
func utf8Text(_ bytes: UnsafeBufferPointer<UInt8>, what: String = "text") throws(Failure) -> String {
  if bytes.isEmpty { return "" }
  if let text = String(validating: bytes, as: UTF8.self) { return text }
  throw .utf8(bytes, what: what)
}

/// The offset of the first byte that does not begin a valid UTF-8 sequence.
func invalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
  UTF8Scan.scan(bytes).firstInvalid ?? bytes.count
}

/// An optional NUL-terminated UTF-8 argument (a profile, a style, a code list).
func option(_ pointer: CString?, what: String) throws(Failure) -> String? {
  guard let pointer else { return nil }
  return try utf8Text(bytes(pointer, strlen(pointer), what: what), what: what)
}

/// Writes the failure's message into `*message` (when the caller asked for it) and
/// returns its status.
func fail(_ failure: Failure, _ message: OutBytes?) -> Int32 {
  message?.pointee = strdup(failure.message)
  return failure.status
}

// MARK: - Output

/// The bytes a call hands out: memory from malloc, grown by realloc as results are
/// appended and handed to the caller as it is (no copy at the end); freed here unless
/// handed out. Appending after an allocation failed does nothing: ``handOut()`` then
/// gives nil.
struct Output: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>?
  private var capacity = 0
  private var failed = false
  /// Bytes written so far.
  private(set) var count = 0

  init(capacity: Int = 0) {
    if capacity > 0 { reserve(capacity) }
  }

  deinit { free(base) }

  /// Room for `extra` more bytes (capacity at least doubles, so appends cost O(1) each).
  private mutating func reserve(_ extra: Int) {
    guard !failed, count + extra > capacity else { return }
    let wanted = max(count + extra, 2 * capacity, 64)
    guard let grown = realloc(base, wanted) else {
      failed = true
      return
    }
    base = grown.assumingMemoryBound(to: UInt8.self)
    capacity = wanted
  }

  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard !bytes.isEmpty, let source = bytes.baseAddress else { return }
    reserve(bytes.count)
    guard !failed, let base else { return }
    (base + count).initialize(from: source, count: bytes.count)
    count += bytes.count
  }

  mutating func append(_ byte: UInt8) {
    reserve(1)
    guard !failed, let base else { return }
    base[count] = byte
    count += 1
  }

  /// Appends the UTF-8 of `string`.
  mutating func write(_ string: String) {
    var string = string
    string.withUTF8 { append($0) }
  }

  /// Appends a number as Swift prints it ("0.9987", "1.0", "5e-05"): the shortest
  /// decimal that reads back as the same Double.
  mutating func write(_ number: Double) { write(number.description) }

  mutating func write(_ number: Int) { write(String(number)) }

  mutating func tab() { append(UInt8(ascii: "\t")) }

  mutating func newline() { append(UInt8(ascii: "\n")) }

  /// The Unicode scalars of the bytes from `start` on (the bytes that do not continue
  /// a sequence).
  func scalars(from start: Int) -> Int {
    guard let base, start < count else { return 0 }
    return UTF8Offsets.scalars(in: UnsafeBufferPointer(start: base + start, count: count - start))
  }

  /// The bytes for the caller to free with `matn_free` (at least one byte, so that the
  /// pointer is never NULL), or nil when memory ran out.
  consuming func handOut() -> UnsafeMutablePointer<CChar>? {
    if !failed && base == nil { reserve(1) }
    let result = failed ? nil : base
    if failed { free(base) }
    discard self
    return result.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
  }
}

/// A list of offsets in memory from malloc, for the caller to free.
func handOut(_ offsets: [Int]) -> UnsafeMutablePointer<Int>? {
  guard let memory = malloc(max(offsets.count, 1) * MemoryLayout<Int>.stride) else { return nil }
  let table = memory.assumingMemoryBound(to: Int.self)
  offsets.withUnsafeBufferPointer { if let source = $0.baseAddress { table.initialize(from: source, count: $0.count) } }
  return table
}

// MARK: - Calls

/// One text in, one buffer out: clears the outputs, runs `body`, hands its output to
/// `*out` and maps a thrown ``Failure`` to its status and message. A failure `body`
/// returns instead keeps the output (an article's error record) beside its message.
func single(
  _ out: OutBytes?, _ outLength: UnsafeMutablePointer<Int>?, _ message: OutBytes?,
  _ body: (inout Output) throws(Failure) -> Failure?
) -> Int32 {
  message?.pointee = nil
  guard let out, let outLength else { return fail(.null("an output pointer"), message) }
  out.pointee = nil
  outLength.pointee = 0
  var output = Output()
  let kept: Failure?
  do {
    kept = try body(&output)
  } catch {
    return fail(error, message)
  }
  let count = output.count
  guard let memory = output.handOut() else { return fail(.memory, message) }
  out.pointee = memory
  outLength.pointee = count
  guard let kept else { return Status.ok }
  return fail(kept, message)
}

/// How a batch's offsets count (matn.h, "Batches"): in bytes, or in Unicode scalars
/// (the `_texts` functions, for callers whose strings index code points).
enum Units {
  case bytes
  /// Scalars of data that holds `length` bytes.
  case scalars(length: Int)
}

/// Many texts in, one buffer and its offsets out (matn.h, "Batches"). `each` appends
/// the result for text `i` to the output; a thrown ``Failure`` names the text.
func batch(
  _ data: CString?, _ offsets: UnsafePointer<Int>?, _ count: Int, units: Units = .bytes, _ out: OutBytes?,
  _ outLength: UnsafeMutablePointer<Int>? = nil, outOffsets: OutOffsets?, _ message: OutBytes?,
  _ each: (_ index: Int, _ text: UnsafeBufferPointer<UInt8>, inout Output) throws(Failure) -> Void
) -> Int32 {
  message?.pointee = nil
  guard let out, let outOffsets else { return fail(.null("an output pointer"), message) }
  out.pointee = nil
  outOffsets.pointee = nil
  outLength?.pointee = 0
  guard count >= 0 else { return fail(.argument("count is negative"), message) }
  guard let offsets else { return fail(.null("offsets"), message) }
  let base = data.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) }
  // Room for outputs as long as the inputs and a little more, at once (results are
  // seldom longer than their texts).
  var output: Output
  switch units {
  case .bytes: output = Output(capacity: count > 0 ? max(offsets[count] - offsets[0], 0) * 33 / 32 + 64 : 0)
  case .scalars(let length): output = Output(capacity: max(length, 0) * 33 / 32 + 64)
  }
  var ends = [Int](repeating: 0, count: count + 1)
  do throws(Failure) {
    // Where text i starts in bytes (scalar offsets are counted on from the last one).
    var byte = 0
    if case .scalars(let length) = units {
      guard length >= 0 else { throw .argument("length is negative") }
      guard base != nil || length == 0 else { throw .null("data") }
      guard count == 0 || offsets[0] >= 0 else { throw .argument("offsets[0] = \(offsets[0]) is negative") }
      if count > 0, let base {
        guard let start = UTF8Offsets.advance(base, from: 0, scalars: offsets[0], limit: length) else {
          throw .argument("offsets[0] = \(offsets[0]) runs past the data")
        }
        byte = start
      }
    }
    for i in 0..<count {
      let start = offsets[i]
      let end = offsets[i + 1]
      guard start >= 0, end >= start else {
        throw Failure.argument("offsets[\(i)] = \(start) and offsets[\(i + 1)] = \(end): offsets must not decrease")
      }
      let text: UnsafeBufferPointer<UInt8>
      let before = output.count
      switch units {
      case .bytes:
        if end == start {
          text = UnsafeBufferPointer(start: nil, count: 0)
        } else if let base {
          text = UnsafeBufferPointer(start: base + start, count: end - start)
        } else {
          throw Failure.null("data")
        }
      case .scalars(let length):
        guard end > start, let base else {
          text = UnsafeBufferPointer(start: nil, count: 0)
          break
        }
        guard let next = UTF8Offsets.advance(base, from: byte, scalars: end - start, limit: length) else {
          throw Failure.argument("offsets[\(i + 1)] = \(end) runs past the data")
        }
        text = UnsafeBufferPointer(start: base + byte, count: next - byte)
        byte = next
      }
      do {
        try each(i, text, &output)
      } catch {
        throw Failure(status: error.status, message: "text \(i): \(error.message)")
      }
      switch units {
      case .bytes: ends[i + 1] = output.count
      case .scalars: ends[i + 1] = ends[i] + output.scalars(from: before)
      }
    }
  } catch {
    return fail(error, message)
  }
  let length = output.count
  guard let memory = output.handOut() else { return fail(.memory, message) }
  guard let table = handOut(ends) else {
    free(memory)
    return fail(.memory, message)
  }
  out.pointee = memory
  outLength?.pointee = length
  outOffsets.pointee = table
  return Status.ok
}
