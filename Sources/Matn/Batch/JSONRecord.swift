/// One JSON Lines input record of the article filter, read by a scanner of our own:
/// linear in the line's length, with no nesting limit (unknown fields are skipped
/// however deep they go), and with an answer for every edge case:
///
/// - `id`: a string, or a number kept as written (`1.0` stays `"1.0"`); `null` is no id.
/// - `text`, `title`: strings; a lone surrogate escape (`\ud800`) is a problem of the
///   record, named with its field.
/// - `path`: a string; lone surrogate escapes `\udc80`…`\udcff` stand for the raw
///   bytes 0x80…0xFF of a file name that is not UTF-8 (Python's `surrogateescape`, so
///   `json.dumps(os.fsdecode(name))` round-trips).
/// - `base64`: the standard or URL-safe alphabet, padding optional, line breaks ignored.
/// - A field of the wrong type or given twice is a problem; the id is kept when it was
///   read. Invalid JSON (or invalid UTF-8) is a syntax error with its byte offset; the
///   id is kept when it came before the error.
struct JSONRecord {
  var id: String?
  var text: String?
  var path: [UInt8]?
  var title: String?
  var base64: [UInt8]?
  /// Fields that were present but unusable.
  var problems: [String] = []
  /// Why the line is not a JSON object, with its byte offset.
  var syntaxError: String?

  init(_ line: [UInt8]) {
    line.withUnsafeBufferPointer { buffer in
      var scanner = Scanner(bytes: buffer)
      do {
        try scanner.record(into: &self)
      } catch {
        syntaxError = "\(error)"
      }
    }
  }

  struct SyntaxError: Error, CustomStringConvertible {
    var message: String
    var offset: Int
    var description: String { "\(message) at byte \(offset)" }
  }

  private enum Field: String, CaseIterable { case id, text, path, title, base64 }

  /// What a string may hold.
  private enum StringMode { case text, path }

  private enum ParsedString {
    case text(String)
    case bytes([UInt8])
    case loneSurrogate(UInt32)
  }

  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    var current: UInt8? { i < bytes.count ? bytes[i] : nil }

    func fail(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: i) }

    mutating func whitespace() {
      while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
      whitespace()
      guard current == byte else { throw fail(current == nil ? "the line ends where \(what) was expected" : "\(what) expected") }
      i += 1
    }

    mutating func record(into record: inout JSONRecord) throws(SyntaxError) {
      whitespace()
      guard current != nil else { throw fail("an empty line, not a JSON record") }
      guard current == UInt8(ascii: "{") else { throw fail("not a JSON object") }
      i += 1
      whitespace()
      var seen = Set<String>()
      if current == UInt8(ascii: "}") {
        i += 1
      } else {
        while true {
          whitespace()
          guard current == UInt8(ascii: "\"") else { throw fail("a field name expected") }
          let key = try string(mode: .text)
          try expect(UInt8(ascii: ":"), "':'")
          whitespace()
          if case .text(let name) = key, let field = Field(rawValue: name) {
            if !seen.insert(name).inserted { record.problems.append("\"\(name)\" is given twice") }
            try value(of: field, into: &record)
          } else {
            try skipValue()
          }
          whitespace()
          if current == UInt8(ascii: ",") {
            i += 1
            continue
          }
          try expect(UInt8(ascii: "}"), "',' or '}'")
          break
        }
      }
      whitespace()
      if current != nil { throw fail("text after the JSON object") }
    }

    private mutating func value(of field: Field, into record: inout JSONRecord) throws(SyntaxError) {
      if matchLiteral("null") { return }
      if field == .id, let c = current, c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39) {
        let start = i
        try number()
        record.id = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        return
      }
      guard current == UInt8(ascii: "\"") else {
        try skipValue()
        record.problems.append(field == .id ? "\"id\" is neither a string nor a number" : "\"\(field.rawValue)\" is not a string")
        return
      }
      switch try string(mode: field == .path ? .path : .text) {
      case .loneSurrogate(let unit):
        let hex = String(unit, radix: 16)
        record.problems.append("\"\(field.rawValue)\" holds a lone surrogate escape \\u\(hex), which is no character")
      case .bytes(let raw):
        record.path = raw
      case .text(let value):
        switch field {
        case .id: record.id = value
        case .text: record.text = value
        case .path: record.path = Array(value.utf8)
        case .title: record.title = value
        case .base64:
          do { record.base64 = try Base64.decode(value.utf8) } catch {
            record.problems.append("\"base64\" is not base64: \(error)")
          }
        }
      }
    }

    private mutating func matchLiteral(_ literal: StaticString) -> Bool {
      let count = literal.utf8CodeUnitCount
      guard i + count <= bytes.count else { return false }
      for k in 0..<count where bytes[i + k] != literal.utf8Start[k] { return false }
      i += count
      return true
    }

    private mutating func digits() -> Bool {
      let start = i
      while let c = current, c >= 0x30 && c <= 0x39 { i += 1 }
      return i > start
    }

    private mutating func number() throws(SyntaxError) {
      if current == UInt8(ascii: "-") { i += 1 }
      if current == UInt8(ascii: "0") {
        i += 1
      } else if !digits() {
        throw fail("a number expected")
      }
      if current == UInt8(ascii: ".") {
        i += 1
        guard digits() else { throw fail("digits expected after '.'") }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        i += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { i += 1 }
        guard digits() else { throw fail("digits expected in an exponent") }
      }
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
      guard i + 4 <= bytes.count else { throw fail("a \\u escape needs four hex digits") }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let c = bytes[i]
        let digit: UInt32
        switch c {
        case 0x30...0x39: digit = UInt32(c - 0x30)
        case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
        case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
        default: throw fail("a \\u escape needs four hex digits")
        }
        value = value << 4 | digit
        i += 1
      }
      return value
    }

    /// A string at `i` (on its opening quote). In `.path` mode, lone surrogates
    /// U+DC80…U+DCFF are raw bytes and the result is `.bytes`.
    private mutating func string(mode: StringMode) throws(SyntaxError) -> ParsedString {
      i += 1
      var out: [UInt8] = []
      var rawBytes = false
      var lone: UInt32?
      while true {
        guard let c = current else { throw fail("the line ends inside a string") }
        if c == UInt8(ascii: "\"") {
          i += 1
          break
        }
        if c < 0x20 { throw fail("a control character inside a string (write it as an escape)") }
        if c != UInt8(ascii: "\\") {
          // A run up to the next quote, backslash or control (all ASCII, so the run ends
          // on a character boundary), validated and copied in one go.
          let start = i
          while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 { i += 1 }
          let run = UnsafeBufferPointer(rebasing: bytes[start..<i])
          if let bad = UTF8Scan.scan(run).firstInvalid {
            i = start + bad
            throw fail("not UTF-8")
          }
          out.append(contentsOf: run)
          continue
        }
        i += 1
        guard let e = current else { throw fail("the line ends inside an escape") }
        i += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var unit = try hex4()
          if unit >= 0xD800 && unit < 0xDC00, i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"),
            bytes[i + 1] == UInt8(ascii: "u")
          {
            let save = i
            i += 2
            let low = try hex4()
            if low >= 0xDC00 && low < 0xE000 {
              unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            } else {
              i = save
            }
          }
          if unit >= 0xD800 && unit < 0xE000 {
            if mode == .path && unit >= 0xDC80 && unit <= 0xDCFF {
              out.append(UInt8(unit - 0xDC00))
              rawBytes = true
            } else if lone == nil {
              lone = unit
            }
            continue
          }
          out.append(contentsOf: String(Character(Unicode.Scalar(unit)!)).utf8)
        default:
          i -= 1
          throw fail("an unknown escape \\\(Character(Unicode.Scalar(e)))")
        }
      }
      if let lone { return .loneSurrogate(lone) }
      if rawBytes { return .bytes(out) }
      return .text(String(decoding: out, as: UTF8.self))
    }

    /// Skips one JSON value of any depth, checking its syntax, without recursion.
    mutating func skipValue() throws(SyntaxError) {
      var open: [UInt8] = []  // the closing bracket of each open container
      while true {
        whitespace()
        guard let c = current else { throw fail("the line ends where a value was expected") }
        var ended = true
        switch c {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          i += 1
          whitespace()
          let close = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
          if current == close {
            i += 1
          } else {
            open.append(close)
            if close == UInt8(ascii: "}") { try memberName() }
            ended = false
          }
        case UInt8(ascii: "\""): _ = try string(mode: .text)
        case UInt8(ascii: "-"), 0x30...0x39: try number()
        default:
          guard matchLiteral("true") || matchLiteral("false") || matchLiteral("null") else { throw fail("a JSON value expected") }
        }
        guard ended else { continue }
        // After a value: close containers, or move to the next element.
        while let close = open.last {
          whitespace()
          if current == UInt8(ascii: ",") {
            i += 1
            if close == UInt8(ascii: "}") { try memberName() }
            break
          }
          guard current == close else { throw fail("',' or '\(Character(Unicode.Scalar(close)))' expected") }
          i += 1
          open.removeLast()
        }
        if open.isEmpty { return }
      }
    }

    private mutating func memberName() throws(SyntaxError) {
      whitespace()
      guard current == UInt8(ascii: "\"") else { throw fail("a field name expected") }
      _ = try string(mode: .text)
      try expect(UInt8(ascii: ":"), "':'")
    }
  }
}
