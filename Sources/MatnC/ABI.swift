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
}

public typealias CString = UnsafePointer<CChar>
public typealias OutBytes = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
public typealias OutOffsets = UnsafeMutablePointer<UnsafeMutablePointer<Int>?>

/// The text of `length` bytes at `pointer`, which must be valid UTF-8.
func utf8Text(_ pointer: CString?, _ length: Int, what: String = "text") throws(Failure) -> String {
  guard length > 0 else { return "" }
  guard let pointer else { throw .null(what) }
  let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
  if let text = String(validating: bytes, as: UTF8.self) { return text }
  throw Failure(status: Status.utf8, message: "\(what) is not valid UTF-8: an invalid sequence at byte \(invalidOffset(bytes))")
}

/// The offset of the first byte that does not begin a valid UTF-8 sequence.
func invalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
  var parser = Unicode.UTF8.ForwardParser()
  var iterator = bytes.makeIterator()
  var offset = 0
  while true {
    switch parser.parseScalar(from: &iterator) {
    case .valid(let encoded): offset += encoded.count
    case .emptyInput: return offset
    case .error: return offset
    }
  }
}

/// An optional NUL-terminated UTF-8 argument (a profile, a style, a code list).
func option(_ pointer: CString?, what: String) throws(Failure) -> String? {
  guard let pointer else { return nil }
  return try utf8Text(pointer, strlen(pointer), what: what)
}

/// A copy of `bytes` in memory from malloc (at least one byte, so that it is never NULL).
func allocate(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutableRawPointer? {
  guard let memory = malloc(max(bytes.count, 1)) else { return nil }
  if let base = bytes.baseAddress, bytes.count > 0 { memcpy(memory, base, bytes.count) }
  return memory
}

/// Writes the failure's message into `*message` (when the caller asked for it) and
/// returns its status.
func fail(_ failure: Failure, _ message: OutBytes?) -> Int32 {
  message?.pointee = strdup(failure.message)
  return failure.status
}

/// One text in, one buffer out: clears the outputs, runs `body`, copies its bytes into
/// `*out` and maps a thrown ``Failure`` to its status and message. A failure `body`
/// returns instead keeps the output (an article's error record) beside its message.
func single(
  _ out: OutBytes?, _ outLength: UnsafeMutablePointer<Int>?, _ message: OutBytes?,
  _ body: (inout [UInt8]) throws(Failure) -> Failure?
) -> Int32 {
  message?.pointee = nil
  guard let out, let outLength else { return fail(.null("an output pointer"), message) }
  out.pointee = nil
  outLength.pointee = 0
  var bytes: [UInt8] = []
  let kept: Failure?
  do {
    kept = try body(&bytes)
  } catch {
    return fail(error, message)
  }
  guard let memory = bytes.withUnsafeBytes(allocate) else { return fail(.memory, message) }
  out.pointee = memory.assumingMemoryBound(to: CChar.self)
  outLength.pointee = bytes.count
  guard let kept else { return Status.ok }
  return fail(kept, message)
}

/// Many texts in, one buffer and its offsets out (matn.h, "Batches"). `each` appends
/// the result for text `i` to the buffer; a thrown ``Failure`` names the text.
func batch(
  _ data: CString?, _ offsets: UnsafePointer<Int>?, _ count: Int, _ out: OutBytes?, _ outOffsets: OutOffsets?,
  _ message: OutBytes?, _ each: (_ index: Int, _ start: CString?, _ length: Int, inout [UInt8]) throws(Failure) -> Void
) -> Int32 {
  message?.pointee = nil
  guard let out, let outOffsets else { return fail(.null("an output pointer"), message) }
  out.pointee = nil
  outOffsets.pointee = nil
  guard count >= 0 else { return fail(.argument("count is negative"), message) }
  guard let offsets else { return fail(.null("offsets"), message) }
  var bytes: [UInt8] = []
  var ends = [Int](repeating: 0, count: count + 1)
  do throws(Failure) {
    for i in 0..<count {
      let start = offsets[i]
      let end = offsets[i + 1]
      guard start >= 0, end >= start else {
        throw Failure.argument("offsets[\(i)] = \(start) and offsets[\(i + 1)] = \(end): offsets must not decrease")
      }
      do {
        try each(i, data.map { $0 + start }, end - start, &bytes)
      } catch {
        throw Failure(status: error.status, message: "text \(i): \(error.message)")
      }
      ends[i + 1] = bytes.count
    }
  } catch {
    return fail(error, message)
  }
  guard let memory = bytes.withUnsafeBytes(allocate) else { return fail(.memory, message) }
  guard let table = ends.withUnsafeBytes(allocate) else {
    free(memory)
    return fail(.memory, message)
  }
  out.pointee = memory.assumingMemoryBound(to: CChar.self)
  outOffsets.pointee = table.assumingMemoryBound(to: Int.self)
  return Status.ok
}

extension Array where Element == UInt8 {
  /// Appends the UTF-8 of `string`.
  mutating func write(_ string: String) {
    var string = string
    string.withUTF8 { append(contentsOf: $0) }
  }

  /// Appends a number as Swift prints it ("0.9987", "1.0", "5e-05"): the shortest
  /// decimal that reads back as the same Double.
  mutating func write(_ number: Double) { write(number.description) }

  mutating func write(_ number: Int) { write(String(number)) }

  mutating func tab() { append(UInt8(ascii: "\t")) }

  mutating func newline() { append(UInt8(ascii: "\n")) }
}
