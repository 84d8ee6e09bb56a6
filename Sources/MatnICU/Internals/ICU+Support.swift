import CICUShim

/// Namespace for helpers shared by the wrappers; nothing here is public.
enum ICU {
  /// Throws when `status` is a failure; warnings count as success.
  @inline(__always)
  static func check(_ status: Int32) throws(ICUError) {
    if status > 0 { throw ICUError(rawValue: status) }
  }

  /// Traps on a failure that only a bug or exhausted memory can cause.
  @inline(__always)
  static func expect(_ status: Int32, _ what: @autoclosure () -> String) {
    if status > 0 {
      preconditionFailure("ICU failed in \(what()): \(ICUError(rawValue: status).name)")
    }
  }

  /// ICU lengths are `int32_t`; longer inputs are rejected (or chunked by the caller).
  @inline(__always)
  static func length(_ count: Int) throws(ICUError) -> Int32 {
    guard count <= Int(Int32.max) else { throw .illegalArgument }
    return Int32(count)
  }

  /// Runs `body` on the UTF-8 bytes of `text` without copying a native string.
  @inline(__always)
  static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws(ICUError) -> R)
    throws(ICUError) -> R
  {
    var text = text
    return try withUTF8(&text, body)
  }

  @inline(__always)
  static func withUTF8<R>(
    _ text: inout String, _ body: (UnsafeBufferPointer<UInt8>) throws(ICUError) -> R
  ) throws(ICUError) -> R {
    // `String.withUTF8` is `rethrows`, which erases typed errors: carry the result out.
    var result: Result<R, ICUError>!
    text.withUTF8 { buffer in
      do throws(ICUError) { result = .success(try body(buffer)) } catch { result = .failure(error) }
    }
    return try result.get()
  }

  /// Takes ownership of a shim-allocated UTF-8 buffer and makes a `String` of it.
  static func adoptString(_ pointer: UnsafeMutablePointer<UInt8>?, count: Int32) -> String {
    guard let pointer else { return "" }
    defer { cicu_free(pointer) }
    return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(count)), as: UTF8.self)
  }

  /// Takes ownership of a shim-allocated byte buffer and copies it into an array.
  static func adoptBytes(_ pointer: UnsafeMutablePointer<UInt8>?, count: Int32) -> [UInt8] {
    guard let pointer else { return [] }
    defer { cicu_free(pointer) }
    return Array(UnsafeBufferPointer(start: pointer, count: Int(count)))
  }

  /// Runs `body` with a base address that is never nil (ICU rejects NULL with length 0).
  @inline(__always)
  static func nonNull<R>(_ buffer: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<UInt8>) -> R) -> R {
    if let base = buffer.baseAddress { return body(base) }
    var zero: UInt8 = 0
    return withUnsafePointer(to: &zero) { body($0) }
  }
}

/// Versions of the ICU library in use.
public enum ICUVersion {
  /// The ICU library version, such as "72.1".
  public static var library: String { String(cString: cicu_icu_version()) }
  /// The Unicode version ICU implements, such as "15.0".
  public static var unicode: String { String(cString: cicu_unicode_version()) }
}
