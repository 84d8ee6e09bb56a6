/// Writes JSON straight into a UTF-8 byte buffer, fields in the order given: compact
/// (one line, for JSON Lines) or pretty (two-space indent). Strings keep every
/// non-ASCII character as UTF-8 and escape only what JSON requires (quotation mark,
/// backslash, control characters) plus U+2028/U+2029, which break JavaScript readers.
///
/// Faster than Foundation's `JSONEncoder` and with a stable field order (`id` first),
/// which `Article` uses for its output; decoding the result with `JSONDecoder` gives the
/// value back (tested).
///
/// - Complexity: O(*n*) in the output size.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  private let pretty: Bool
  private var depth = 0
  /// Whether the current container has a member yet (one flag per open container).
  private var hasMember: [Bool] = []

  init(pretty: Bool = false, capacity: Int = 1024) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  mutating func beginObject() { open(UInt8(ascii: "{")) }
  mutating func endObject() { close(UInt8(ascii: "}")) }
  mutating func beginArray() { open(UInt8(ascii: "[")) }
  mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Starts a member of the current object: the key, then the value's write.
  mutating func key(_ key: String) {
    separate()
    quoted(key)
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(UInt8(ascii: " ")) }
    valuePending = true
  }

  mutating func string(_ value: String) {
    separateValue()
    quoted(value)
  }

  /// `value` in quotation marks, escaped.
  private mutating func quoted(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      var start = 0
      for (i, byte) in utf8.enumerated() {
        let escape: [UInt8]?
        switch byte {
        case 0x22: escape = [0x5C, 0x22]
        case 0x5C: escape = [0x5C, 0x5C]
        case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
        case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
        case 0x09: escape = [0x5C, UInt8(ascii: "t")]
        case 0x00..<0x20: escape = Array("\\u00".utf8) + [Self.hex(byte >> 4), Self.hex(byte & 0xF)]
        // U+2028/U+2029 are E2 80 A8/A9.
        case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
          escape = nil
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
          bytes.append(contentsOf: Array((utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
          start = i + 3
          continue
        default: escape = nil
        }
        if let escape {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
          bytes.append(contentsOf: escape)
          start = i + 1
        }
      }
      // Skip the two continuation bytes of an escaped U+2028/U+2029 already written.
      if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  mutating func integer(_ value: Int) {
    separateValue()
    bytes.append(contentsOf: Array(String(value).utf8))
  }

  /// A finite number, written as Swift prints it (shortest round-trip form).
  mutating func number(_ value: Double) {
    separateValue()
    let text = value.isFinite ? (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)) : "null"
    bytes.append(contentsOf: Array(text.utf8))
  }

  mutating func bool(_ value: Bool) {
    separateValue()
    bytes.append(contentsOf: Array((value ? "true" : "false").utf8))
  }

  mutating func null() {
    separateValue()
    bytes.append(contentsOf: Array("null".utf8))
  }

  // MARK: - Layout

  private var valuePending = false

  private mutating func open(_ bracket: UInt8) {
    separateValue()
    bytes.append(bracket)
    depth += 1
    hasMember.append(false)
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    let had = hasMember.removeLast()
    if pretty && had { newline() }
    bytes.append(bracket)
  }

  /// Before a key: a comma after the previous member, and the indent.
  private mutating func separate() {
    if let last = hasMember.last, last { bytes.append(UInt8(ascii: ",")) }
    if !hasMember.isEmpty { hasMember[hasMember.count - 1] = true }
    if pretty { newline() }
  }

  /// Before a value: nothing after a key; otherwise it is an array element.
  private mutating func separateValue() {
    if valuePending {
      valuePending = false
      return
    }
    guard !hasMember.isEmpty else { return }
    separate()
  }

  private mutating func newline() {
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
  }

  private static func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10 }
}
