import CICUShim

/// Unicode security checks (UTS #39) through ICU's spoof checker: restriction levels
/// (which scripts an identifier mixes), confusable pairs and skeletons.
///
/// ```swift
/// let spoof = SpoofChecker.shared
/// spoof.check("Аli").restrictionLevel                // .minimallyRestrictive (Cyrillic А + Latin)
/// spoof.skeleton("Аli") == spoof.skeleton("Ali")     // true
/// spoof.confusability("Аli", "Ali")                  // [.mixedScriptConfusable]
/// ```
///
/// - Thread safety: `Sendable`. A checker is configured once, in its initialiser; after
///   that only ICU's const functions are called, which uspoof.h documents as thread safe
///   ("The test functions for checking a single identifier, or for testing whether two
///   identifiers are possible confusable, are thread safe. They may be called
///   concurrently, from multiple threads, using the same USpoofChecker instance").
public final class SpoofChecker: @unchecked Sendable {
  /// The checks of UTS #39 a checker performs or a check failed (`USpoofChecks`).
  public struct Checks: OptionSet, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Two strings of one script that look alike.
    public static let singleScriptConfusable = Checks(rawValue: Int32(CICU_SPOOF_SINGLE_SCRIPT_CONFUSABLE))
    /// Two strings that look alike where at least one mixes scripts or they differ in script.
    public static let mixedScriptConfusable = Checks(rawValue: Int32(CICU_SPOOF_MIXED_SCRIPT_CONFUSABLE))
    /// Two single-script strings of different scripts that look alike.
    public static let wholeScriptConfusable = Checks(rawValue: Int32(CICU_SPOOF_WHOLE_SCRIPT_CONFUSABLE))
    /// All three kinds of confusable.
    public static let confusable: Checks = [.singleScriptConfusable, .mixedScriptConfusable, .wholeScriptConfusable]
    /// An identifier less restricted (mixing more scripts) than the checker's level.
    public static let restrictionLevel = Checks(rawValue: Int32(CICU_SPOOF_RESTRICTION_LEVEL))
    /// Invisible characters or sequences unlikely to display (a mark repeated).
    public static let invisible = Checks(rawValue: Int32(CICU_SPOOF_INVISIBLE))
    /// Digits of more than one numbering system.
    public static let mixedNumbers = Checks(rawValue: Int32(CICU_SPOOF_MIXED_NUMBERS))
    /// A combining dot hidden by the letter before it ("i" + U+0307).
    public static let hiddenOverlay = Checks(rawValue: Int32(CICU_SPOOF_HIDDEN_OVERLAY))
  }

  /// How many scripts an identifier mixes, from UTS #39 §5.2 (`URestrictionLevel`),
  /// ordered from the most to the least restricted.
  public enum RestrictionLevel: Int32, Sendable, Hashable, Comparable, CaseIterable {
    /// Only ASCII.
    case ascii = 0x1000_0000
    /// One script (plus Common and Inherited).
    case singleScriptRestrictive = 0x2000_0000
    /// One script, or Latin with Han and Hiragana/Katakana, Bopomofo or Hangul.
    case highlyRestrictive = 0x3000_0000
    /// Latin with one other recommended script except Cyrillic and Greek.
    case moderatelyRestrictive = 0x4000_0000
    /// Any mix of recommended scripts: Latin with Cyrillic, Greek with Cyrillic.
    case minimallyRestrictive = 0x5000_0000
    /// Anything, including characters outside the identifier profile.
    case unrestrictive = 0x6000_0000

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
  }

  /// What ``check(_:)`` found.
  public struct CheckResult: Sendable, Hashable {
    /// The enabled checks `text` failed; empty when it passed them all.
    public var failed: Checks
    /// The restriction level of the text (UTS #39 §5.2), whatever the checker's level.
    public var restrictionLevel: RestrictionLevel?
  }

  private let raw: OpaquePointer

  /// Opens a checker running `checks` and, for ``Checks/restrictionLevel``, failing
  /// identifiers less restricted than `restrictionLevel` (ICU's default: highly
  /// restrictive).
  ///
  /// The corresponding C functions are `uspoof_open`, `uspoof_setChecks` and
  /// `uspoof_setRestrictionLevel`.
  public init(
    checks: Checks = [.confusable, .restrictionLevel], restrictionLevel: RestrictionLevel = .highlyRestrictive
  ) throws(ICUError) {
    var status: Int32 = 0
    // USPOOF_AUX_INFO: the restriction level of each checked string comes back too.
    let raw = cicu_spoof_open(checks.rawValue | 0x4000_0000, restrictionLevel.rawValue, &status)
    try ICU.check(status)
    guard let raw else { throw .memoryAllocation }
    self.raw = raw
  }

  deinit { cicu_spoof_close(raw) }

  /// A checker with the confusable and restriction-level checks, shared by the process.
  public static let shared: SpoofChecker = {
    do throws(ICUError) { return try SpoofChecker() } catch {
      preconditionFailure("ICU spoof-checking data is unavailable: \(error.name)")
    }
  }()

  /// The checks `text` fails and its restriction level.
  ///
  /// The corresponding C function is `uspoof_check2UTF8`.
  ///
  /// - Complexity: O(*n*) in the length of `text` (under 2 GiB).
  public func check(_ text: String) -> CheckResult {
    let bits = withUTF8(text) { utf8, status in cicu_spoof_check_utf8(pointer, utf8.base, utf8.count, &status) }
    return CheckResult(
      failed: Checks(rawValue: bits & Int32(CICU_SPOOF_ALL_CHECKS)),
      restrictionLevel: RestrictionLevel(rawValue: bits & Int32(CICU_SPOOF_RESTRICTION_LEVEL_MASK)))
  }

  /// The kinds of confusable `a` and `b` are among the checker's confusable checks;
  /// empty when they are not confusable.
  ///
  /// The corresponding C function is `uspoof_areConfusableUTF8`.
  ///
  /// - Complexity: O(*n*) in the lengths of the strings.
  public func confusability(_ a: String, _ b: String) -> Checks {
    let bits = withUTF8(a) { a, status in
      withUTF8(b) { b, _ in
        cicu_spoof_are_confusable_utf8(pointer, a.base, a.count, b.base, b.count, &status)
      }
    }
    return Checks(rawValue: bits & Checks.confusable.rawValue)
  }

  /// The skeleton of `text` (UTS #39 §4): NFD, each character replaced by its
  /// confusable prototype, NFD again. Two strings are confusable when their skeletons
  /// are equal. A skeleton is a key for comparison, not text to show: "m" becomes "rn".
  ///
  /// The corresponding C function is `uspoof_getSkeletonUTF8`.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public func skeleton(_ text: String) -> String {
    var out: UnsafeMutablePointer<UInt8>?
    let n = withUTF8(text) { utf8, status in cicu_spoof_skeleton_utf8(pointer, utf8.base, utf8.count, &out, &status) }
    return ICU.adoptString(out, count: n)
  }

  private var pointer: OpaquePointer { raw }

  /// Runs one ICU call on the UTF-8 of `text`; a failure (only possible for a bug or
  /// exhausted memory: Swift strings are well-formed) traps.
  private func withUTF8(
    _ text: String, _ body: ((base: UnsafePointer<UInt8>, count: Int32), inout Int32) -> Int32
  ) -> Int32 {
    var text = text
    return text.withUTF8 { buffer in
      precondition(buffer.count < Int32.max, "text longer than 2 GiB: split it first")
      var status: Int32 = 0
      let result = ICU.nonNull(buffer) { base in body((base, Int32(buffer.count)), &status) }
      ICU.expect(status, "uspoof")
      return result
    }
  }
}
