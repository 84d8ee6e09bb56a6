import CICUShim

/// An error reported by ICU: a `UErrorCode`.
///
/// Like `Errno` in swift-system, this is a `RawRepresentable` struct rather than an
/// enum, so codes that ICU adds later remain representable. Positive raw values are
/// failures; negative ones are warnings, which ICU treats as success and which Matn
/// never throws.
///
/// ```swift
/// do { _ = try Transliterator(id: "No-Such") }
/// catch { print(error.name) }   // "U_INVALID_ID"
/// ```
public struct ICUError: Error, RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  /// The `UErrorCode` value.
  public let rawValue: Int32

  /// Creates an error from a `UErrorCode` value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// ICU's symbolic name for the code, such as `"U_BUFFER_OVERFLOW_ERROR"`.
  ///
  /// The corresponding C function is `u_errorName`.
  public var name: String { String(cString: cicu_error_name(rawValue)) }

  /// Whether the code denotes a failure (ICU's `U_FAILURE`).
  public var isFailure: Bool { rawValue > 0 }

  public var description: String { "ICU error \(name) (\(rawValue))" }

  /// An argument was out of range or otherwise invalid (`U_ILLEGAL_ARGUMENT_ERROR`).
  public static let illegalArgument = ICUError(rawValue: 1)
  /// A resource, such as ICU data for a service, is missing (`U_MISSING_RESOURCE_ERROR`).
  public static let missingResource = ICUError(rawValue: 2)
  /// A file could not be found (`U_FILE_ACCESS_ERROR`).
  public static let fileAccess = ICUError(rawValue: 4)
  /// A bug in ICU or in how it was called (`U_INTERNAL_PROGRAM_ERROR`).
  public static let internalProgramError = ICUError(rawValue: 5)
  /// Memory could not be allocated (`U_MEMORY_ALLOCATION_ERROR`).
  public static let memoryAllocation = ICUError(rawValue: 7)
  /// An index was out of bounds (`U_INDEX_OUTOFBOUNDS_ERROR`).
  public static let indexOutOfBounds = ICUError(rawValue: 8)
  /// Conversion: an unmappable input sequence (`U_INVALID_CHAR_FOUND`).
  public static let invalidCharFound = ICUError(rawValue: 10)
  /// Conversion: an incomplete input sequence at the end (`U_TRUNCATED_CHAR_FOUND`).
  public static let truncatedCharFound = ICUError(rawValue: 11)
  /// Conversion: an illegal input sequence (`U_ILLEGAL_CHAR_FOUND`).
  public static let illegalCharFound = ICUError(rawValue: 12)
  /// A result did not fit in the supplied buffer (`U_BUFFER_OVERFLOW_ERROR`).
  public static let bufferOverflow = ICUError(rawValue: 15)
  /// The operation is not supported (`U_UNSUPPORTED_ERROR`).
  public static let unsupported = ICUError(rawValue: 16)
  /// A transliterator rule is malformed (`U_MALFORMED_RULE`).
  public static let malformedRule = ICUError(rawValue: 0x10001)
  /// An unknown transliterator ID (`U_INVALID_ID`).
  public static let invalidID = ICUError(rawValue: 0x10021)
}
