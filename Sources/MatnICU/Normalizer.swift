import CICUShim

/// Unicode normalization (UAX #15) of UTF-8 text through ICU's `Normalizer2`.
///
/// Normalizers are immutable ICU singletons: share them freely across threads.
///
/// ```swift
/// Normalizer.nfc.normalize("e\u{301}")          // "é"
/// Normalizer.nfkcCasefold.normalize("ﬁ Ⅻ")      // "fi xii"
/// ```
///
/// Input that is already normalized is returned as the very same string — the same
/// storage, no allocation — after a quick check that runs at memory speed.
///
/// - Thread safety: `Sendable`; every method may be called concurrently.
public struct Normalizer: @unchecked Sendable {
  /// A normalization form.
  public enum Form: String, CaseIterable, Sendable {
    /// Canonical composition.
    case nfc
    /// Canonical decomposition.
    case nfd
    /// Compatibility composition.
    case nfkc
    /// Compatibility decomposition.
    case nfkd
    /// NFKC with case folding and removal of default-ignorable code points
    /// (`NFKC_Casefold`, used for search keys).
    case nfkcCasefold = "nfkc-cf"

    var shimValue: Int32 {
      switch self {
      case .nfc: Int32(CICU_NORM_NFC)
      case .nfd: Int32(CICU_NORM_NFD)
      case .nfkc: Int32(CICU_NORM_NFKC)
      case .nfkd: Int32(CICU_NORM_NFKD)
      case .nfkcCasefold: Int32(CICU_NORM_NFKC_CASEFOLD)
      }
    }

    /// Whether this form composes (output is never much longer than input).
    var composes: Bool { self == .nfc || self == .nfkc || self == .nfkcCasefold }
  }

  /// The form this normalizer produces.
  public let form: Form
  private let instance: UnsafeRawPointer

  /// Opens the normalizer for `form`.
  ///
  /// Fails only when ICU's normalization data is missing.
  /// The corresponding C++ functions are `Normalizer2::getNFCInstance` and its siblings.
  public init(form: Form) throws(ICUError) {
    var status: Int32 = 0
    let instance = cicu_normalizer_instance(form.shimValue, &status)
    try ICU.check(status)
    guard let instance else { throw .missingResource }
    self.form = form
    self.instance = instance
  }

  private init(preloaded form: Form) {
    do { self = try Normalizer(form: form) } catch {
      preconditionFailure("ICU normalization data for \(form) is unavailable: \(error.name)")
    }
  }

  /// Canonical composition (NFC).
  public static let nfc = Normalizer(preloaded: .nfc)
  /// Canonical decomposition (NFD).
  public static let nfd = Normalizer(preloaded: .nfd)
  /// Compatibility composition (NFKC).
  public static let nfkc = Normalizer(preloaded: .nfkc)
  /// Compatibility decomposition (NFKD).
  public static let nfkd = Normalizer(preloaded: .nfkd)
  /// NFKC_Casefold, for search keys.
  public static let nfkcCasefold = Normalizer(preloaded: .nfkcCasefold)

  /// The shared normalizer for `form`.
  public static func shared(_ form: Form) -> Normalizer {
    switch form {
    case .nfc: nfc
    case .nfd: nfd
    case .nfkc: nfkc
    case .nfkd: nfkd
    case .nfkcCasefold: nfkcCasefold
    }
  }

  /// Whether `scalar` is simple in this form: a normalization boundary before it and
  /// unchanged by the form on its own, so that a text made only of simple scalars is
  /// already in the form, whatever their order. False for supplementary scalars
  /// (conservative: ICU decides).
  /// The corresponding C++ functions are `Normalizer2::hasBoundaryBefore` and
  /// `Normalizer2::getDecomposition`.
  public func isSimple(_ scalar: UInt32) -> Bool { cicu_normalizer_is_simple(form.shimValue, scalar) != 0 }

  /// Whether `text` is already in this normalizer's form.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length; stops at the first unnormalized spot.
  /// The corresponding C++ function is `Normalizer2::isNormalizedUTF8`.
  public func isNormalized(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { isNormalized($0, chunkLimit: Self.chunkLimit, wellFormed: true) }
  }

  /// Whether the UTF-8 bytes in `utf8` are already in this normalizer's form.
  package func isNormalized(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    isNormalized(utf8, chunkLimit: Self.chunkLimit, wellFormed: false)
  }

  /// - Parameter wellFormed: the bytes are a `String`'s (valid UTF-8), so the prefix
  ///   scan may use its vector path.
  func isNormalized(_ utf8: UnsafeBufferPointer<UInt8>, chunkLimit: Int, wellFormed: Bool = false) -> Bool {
    // A table-driven scan settles the common case; ICU checks from where it stopped
    // (a normalization boundary).
    var start = 0
    if let base = utf8.baseAddress {
      let length = Int32(clamping: min(utf8.count, chunkLimit))
      start = Int(
        wellFormed
          ? cicu_normalizer_simple_prefix_valid_utf8(form.shimValue, base, length)
          : cicu_normalizer_simple_prefix_utf8(form.shimValue, base, length))
    }
    while start < utf8.count {
      let end = chunkEnd(utf8, from: start, limit: chunkLimit)
      var status: Int32 = 0
      let yes = ICU.nonNull(UnsafeBufferPointer(rebasing: utf8[start..<end])) { base in
        cicu_normalizer_is_normalized_utf8(instance, base, Int32(end - start), &status)
      }
      ICU.expect(status, "isNormalizedUTF8")
      if yes == 0 { return false }
      start = end
    }
    return true
  }

  /// ICU's own check, without the table-driven prefix scan (a test oracle).
  func icuIsNormalized(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { utf8 in
      var status: Int32 = 0
      let yes = ICU.nonNull(utf8) { cicu_normalizer_is_normalized_utf8(instance, $0, Int32(utf8.count), &status) }
      ICU.expect(status, "isNormalizedUTF8")
      return yes != 0
    }
  }

  /// After this many windows in a text, each this many bytes from the last or fewer on
  /// average, the text goes to ICU whole (``normalizedWindows(_:)``).
  static let denseWindows = 16
  static let denseGap = 256

  /// `text` normalised whole by ICU, without the windows of ``normalize(_:)`` (a test
  /// oracle).
  func icuNormalized(_ text: String) -> String {
    var text = text
    return text.withUTF8 { normalizedChunk($0) }
  }

  /// Returns `text` in this normalizer's form.
  ///
  /// When `text` is already normalized, the result is `text` itself: no copy and no
  /// allocation.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length. Inputs longer than 2 GiB (ICU's
  ///   `int32_t` limit) are processed in chunks split at line feeds (or, within
  ///   one huge line, at another normalization boundary), so the result is the same.
  /// The corresponding C++ function is `Normalizer2::normalizeUTF8`.
  public func normalize(_ text: String) -> String {
    normalize(text, chunkLimit: Self.chunkLimit)
  }

  func normalize(_ text: String, chunkLimit: Int) -> String {
    var text = text
    let result: String? = text.withUTF8 { utf8 in
      if utf8.count <= chunkLimit { return normalizedWindows(utf8) }
      return isNormalized(utf8, chunkLimit: chunkLimit, wellFormed: true) ? nil : normalized(utf8, chunkLimit: chunkLimit)
    }
    return result ?? text
  }

  /// `utf8` (a String's storage, one chunk) in this form, or nil when it already is:
  /// only the windows the shim finds unnormalized (between two normalization
  /// boundaries, usually a few code points) go through ICU, the bytes between them are
  /// copied, so that a long text with one mark out of order is not normalised whole.
  /// Where such windows come densely (decomposed text: one every few bytes), ICU takes
  /// the whole text in one call instead, as one call per window would cost more.
  private func normalizedWindows(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
    guard let base = utf8.baseAddress, !utf8.isEmpty else { return nil }
    var output: [UInt8] = []
    var copied = 0
    var from = 0
    var windows = 0
    var firstWindow = 0
    while from < utf8.count {
      var status: Int32 = 0
      var windowEnd: Int32 = 0
      let start =
        from
        + Int(
          cicu_normalizer_unnormalized_window_valid_utf8(
            instance, form.shimValue, base + from, Int32(utf8.count - from), &windowEnd, &status))
      ICU.expect(status, "isNormalizedUTF8")
      if start >= utf8.count { break }
      let end = from + Int(windowEnd)
      if windows == 0 { firstWindow = start }
      windows += 1
      // Sixteen windows or more, 256 bytes apart or less on average: the whole text at
      // once, written straight into its String.
      if windows >= Self.denseWindows && (end - firstWindow) / windows <= Self.denseGap { return normalizedChunk(utf8) }
      if output.isEmpty { output.reserveCapacity(utf8.count + utf8.count / 8 + 16) }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<start]))
      output.append(contentsOf: normalizedChunk(UnsafeBufferPointer(rebasing: utf8[start..<end])).utf8)
      copied = end
      from = end
    }
    if copied == 0 && output.isEmpty { return nil }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied...]))
    // Copied bytes are cut at code point boundaries of a String, ICU writes well-formed
    // UTF-8: no re-validation.
    return output.withUnsafeBufferPointer { String(copying: UTF8Span(unchecked: $0.span)) }
  }

  /// Normalizes UTF-8 bytes, appending the result to `output`.
  ///
  /// Ill-formed sequences in `utf8` are replaced by U+FFFD.
  package func normalize(_ utf8: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    output.append(contentsOf: normalized(utf8, chunkLimit: Self.chunkLimit).utf8)
  }

  // MARK: Implementation

  /// Inputs are handed to ICU in pieces of at most this many bytes (ICU's `int32_t`).
  static let chunkLimit = Int(Int32.max) - 16

  /// The end of the next chunk: at most `limit` bytes on, pulled back to just after a
  /// line feed or, in a single huge line, to a scalar with a normalization boundary
  /// before it.
  func chunkEnd(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
    if utf8.count - start <= limit { return utf8.count }
    let hardEnd = start + limit
    var end = hardEnd
    while end > start, utf8[end - 1] != 0x0A { end -= 1 }
    if end > start { return end }
    end = hardEnd
    while end > start {
      if utf8[end] & 0xC0 != 0x80, cicu_normalizer_has_boundary_before(instance, Self.scalar(at: end, in: utf8)) != 0 {
        return end
      }
      end -= 1
    }
    preconditionFailure("no normalization boundary within \(limit) bytes")
  }

  /// The scalar value whose UTF-8 encoding starts at `i` (input is well-formed).
  private static func scalar(at i: Int, in utf8: UnsafeBufferPointer<UInt8>) -> UInt32 {
    let lead = UInt32(utf8[i])
    switch lead {
    case ..<0x80: return lead
    case ..<0xE0: return (lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
    case ..<0xF0: return (lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
    default:
      return (lead & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
        | UInt32(utf8[i + 3] & 0x3F)
    }
  }

  private func normalized(_ utf8: UnsafeBufferPointer<UInt8>, chunkLimit: Int) -> String {
    if utf8.count <= chunkLimit { return normalizedChunk(utf8) }
    var result = ""
    var start = 0
    while start < utf8.count {
      let end = chunkEnd(utf8, from: start, limit: chunkLimit)
      result += normalizedChunk(UnsafeBufferPointer(rebasing: utf8[start..<end]))
      start = end
    }
    return result
  }

  private func normalizedChunk(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
    let length = Int32(utf8.count)
    // Composed forms rarely grow; decomposed ones may. Retry once with the exact size.
    var capacity = form.composes ? utf8.count + utf8.count / 8 + 16 : utf8.count * 2 + 16
    for _ in 0..<2 {
      let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
      defer { scratch.deallocate() }
      var status: Int32 = 0
      let written = ICU.nonNull(utf8) { base in
        cicu_normalizer_normalize_utf8(instance, base, length, scratch.baseAddress, Int32(clamping: capacity), &status)
      }
      if status == ICUError.bufferOverflow.rawValue {
        capacity = Int(written)
        continue
      }
      ICU.expect(status, "normalizeUTF8")
      // ICU writes well-formed UTF-8: skip the standard library's re-validation.
      let output = UnsafeBufferPointer(rebasing: scratch[..<Int(written)])
      return String(copying: UTF8Span(unchecked: output.span))
    }
    preconditionFailure("normalizeUTF8 reported two different output lengths")
  }
}
