import CMatnKernels

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text as fixed-width code units (the `_units` functions of matn.h): a host's own
/// string storage, one, two or four bytes per code point (Python's str: Latin-1, UCS-2,
/// UTF-32, the narrowest its text fits), read in place and written in the host's form,
/// so that the host neither encodes its string to UTF-8 nor decodes the result.
enum CodeUnits {
  /// Checks the arguments of a text of `count` units of `width` bytes at `units`.
  static func check(_ units: UnsafeRawPointer?, count: Int, width: Int32) throws(Failure) {
    guard width == 1 || width == 2 || width == 4 else { throw .argument("width must be 1, 2 or 4, not \(width)") }
    guard count >= 0 else { throw .argument("count is negative") }
    guard count == 0 || units != nil else { throw .null("text") }
  }

  /// The failure for units that are not all scalar values: which code point, and why.
  static func invalid(_ units: UnsafeRawPointer, count: Int, width: Int32) -> Failure {
    for index in 0..<count {
      let value: UInt32
      switch width {
      case 2: value = UInt32(units.load(fromByteOffset: 2 * index, as: UInt16.self))
      case 4: value = units.load(fromByteOffset: 4 * index, as: UInt32.self)
      default: continue
      }
      guard (0xD800...0xDFFF).contains(value) || value > 0x10FFFF else { continue }
      let hex = String(value, radix: 16, uppercase: true)
      let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      let why = value > 0x10FFFF ? "above U+10FFFF" : "a surrogate"
      return Failure(status: Status.utf8, message: "text is not valid Unicode: code point \(index) is U+\(padded), \(why)")
    }
    return Failure(status: Status.utf8, message: "text is not valid Unicode")
  }

  /// `scalars` (valid scalar values) as code units of the narrowest width that holds
  /// them, as ``handOut(_:)`` gives, without going through UTF-8.
  static func handOut(scalars: [UInt32]) -> (units: UnsafeMutableRawPointer, count: Int, width: Int32)? {
    scalars.withUnsafeBufferPointer { s -> (UnsafeMutableRawPointer, Int, Int32)? in
      let width = s.baseAddress.map { mk_scalars_width($0, Int64(s.count)) } ?? 1
      guard let memory = malloc((s.count + 16) * Int(width)) else { return nil }
      if let base = s.baseAddress { mk_scalars_to_units(base, Int64(s.count), width, memory) }
      return (memory, s.count, width)
    }
  }

  /// `text` as code units of the narrowest width that holds it (1, 2 or 4), in memory
  /// from malloc for the caller to free, with their count; nil when memory ran out.
  static func handOut(_ text: String) -> (units: UnsafeMutableRawPointer, count: Int, width: Int32)? {
    var text = text
    return text.withUTF8 { utf8 -> (UnsafeMutableRawPointer, Int, Int32)? in
      var width: Int32 = 1
      let count = utf8.baseAddress.map { Int(mk_utf8_units($0, Int64(utf8.count), &width)) } ?? 0
      // The decoder's vector steps store whole registers: sixteen units of room past the end.
      guard let memory = malloc((count + 16) * Int(width)) else { return nil }
      if let base = utf8.baseAddress { _ = mk_utf8_to_units(base, Int64(utf8.count), width, memory) }
      return (memory, count, width)
    }
  }
}
