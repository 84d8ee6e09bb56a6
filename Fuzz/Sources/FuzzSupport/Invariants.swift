// Invariant checks shared by the fuzz targets. A broken invariant traps with a
// message, which libFuzzer records as a crash (with the input saved beside it).

/// Stops the fuzzer with `message` when `condition` is false.
@inline(__always)
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
  if !condition() { fatalError("invariant broken: \(message())") }
}

/// The raw fuzz input as bytes.
public func fuzzBytes(_ start: UnsafeRawPointer?, _ count: Int) -> [UInt8] {
  guard let start, count > 0 else { return [] }
  return Array(UnsafeRawBufferPointer(start: start, count: count))
}

/// Whether the UTF-8 bytes of `string` are well-formed. Swift strings are valid by
/// construction, except those built from unchecked spans (as the decoder does after
/// its own validation): this checks that validation against the standard library's.
public func isValidUTF8(_ string: String) -> Bool {
  var copy = string
  return copy.withUTF8 { String(validating: $0, as: UTF8.self) != nil }
}

/// Whether `string` holds U+FFFD REPLACEMENT CHARACTER.
public func hasReplacement(_ string: String) -> Bool {
  string.unicodeScalars.contains("\u{FFFD}")
}

/// Checks `output` is valid UTF-8 and gained no U+FFFD unless `input` had one.
public func requireClean(_ output: String, from input: String, _ what: String) {
  require(isValidUTF8(output), "\(what): output is not valid UTF-8")
  require(!hasReplacement(output) || hasReplacement(input), "\(what): U+FFFD appeared in \(debugQuote(output))")
}

/// A short escaped rendering of `string` for failure messages.
public func debugQuote(_ string: String) -> String {
  let scalars = string.unicodeScalars
  let head = String(String.UnicodeScalarView(scalars.prefix(200)))
  return head.debugDescription + (scalars.count > 200 ? "…(\(scalars.count) scalars)" : "")
}
