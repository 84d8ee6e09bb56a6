import CICUShim

/// The Unicode Bidirectional Algorithm (UAX #9) over ICU's `ubidi`.
///
/// Set a text, then query its resolved levels, directional runs and visual order.
/// All positions are scalar indices (elements of `text.unicodeScalars`) and, for runs,
/// UTF-8 byte offsets too; ICU's UTF-16 indices never leak out.
///
/// ```swift
/// let bidi = try Bidi()
/// try bidi.setText("abc \u{0627}\u{0644}\u{0641} 123", paragraphLevel: .defaultLeftToRight)
/// bidi.levels()                  // [0,0,0,0,1,1,1,1,2,2,2]: digits after Arabic are AN
/// bidi.runs().map(\.direction)   // visual order: [.leftToRight, .leftToRight, .rightToLeft]
/// ```
///
/// For text that runs in one direction only, ICU reports every level as the paragraph
/// level (the visual order is the same); explicit embeddings inside such text are not
/// reflected in ``levels()``.
///
/// Note that ICU's `ubidi_getBaseDirection` does not skip isolates; a paragraph level
/// of ``ParagraphLevel/defaultLeftToRight`` resolves the base direction properly (P2, P3).
///
/// - Thread safety: not `Sendable`. One object per task; it can be reused for many texts.
public final class Bidi {
  /// The paragraph embedding level to use.
  public enum ParagraphLevel: Sendable, Hashable {
    /// Left-to-right (level 0).
    case leftToRight
    /// Right-to-left (level 1).
    case rightToLeft
    /// From the first strong character (rules P2–P3), left-to-right if there is none.
    case defaultLeftToRight
    /// From the first strong character, right-to-left if there is none.
    case defaultRightToLeft

    var rawValue: UInt8 {
      switch self {
      case .leftToRight: 0
      case .rightToLeft: 1
      case .defaultLeftToRight: UInt8(CICU_BIDI_DEFAULT_LTR)
      case .defaultRightToLeft: UInt8(CICU_BIDI_DEFAULT_RTL)
      }
    }
  }

  /// A direction.
  public enum Direction: Sendable, Hashable {
    case leftToRight, rightToLeft
    /// The text has both directions.
    case mixed
    /// Reserved: ICU reports text without strong characters in the paragraph's
    /// direction, so ``Bidi/direction`` never returns this today.
    case neutral
  }

  /// A maximal run of one embedding level.
  public struct Run: Sendable, Hashable {
    /// Scalar indices of the run in logical order.
    public var scalars: Range<Int>
    /// UTF-8 byte offsets of the run.
    public var utf8: Range<Int>
    /// The run's embedding level.
    public var level: UInt8
    /// Left-to-right for even levels, right-to-left for odd ones.
    public var direction: Direction { level & 1 == 0 ? .leftToRight : .rightToLeft }
  }

  /// A paragraph of the text (paragraphs end after a paragraph separator, rule P1).
  public struct Paragraph: Sendable, Hashable {
    /// Scalar indices of the paragraph, separator included.
    public var scalars: Range<Int>
    /// The paragraph embedding level.
    public var level: UInt8
  }

  /// Options for ``reordered(_:)``.
  public struct ReorderingOptions: OptionSet, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// Replace characters with the Bidi_Mirrored property by their mirror images in
    /// right-to-left runs (`(` becomes `)`).
    public static let mirror = ReorderingOptions(rawValue: UInt16(CICU_BIDI_DO_MIRRORING))
    /// Insert LRM around numbers so they stay with their text.
    public static let insertMarksForNumbers = ReorderingOptions(rawValue: UInt16(CICU_BIDI_INSERT_LRM_FOR_NUMERIC))
    /// Drop bidi control characters from the output.
    public static let removeControls = ReorderingOptions(rawValue: UInt16(CICU_BIDI_REMOVE_BIDI_CONTROLS))
  }

  private let raw: OpaquePointer

  /// Creates an analyser.
  ///
  /// The corresponding C function is `ubidi_open`.
  public init() throws(ICUError) {
    var status: Int32 = 0
    let raw = cicu_bidi_open(&status)
    try ICU.check(status)
    guard let raw else { throw .memoryAllocation }
    self.raw = raw
  }

  deinit { cicu_bidi_close(raw) }

  /// Runs the algorithm on `text`, which may hold several paragraphs.
  ///
  /// - Complexity: O(*n*).
  /// The corresponding C function is `ubidi_setPara`.
  public func setText(_ text: String, paragraphLevel: ParagraphLevel = .defaultLeftToRight) throws(ICUError) {
    var status: Int32 = 0
    try ICU.withUTF8(text) { (utf8) throws(ICUError) in
      let length = try ICU.length(utf8.count)
      ICU.nonNull(utf8) { base in cicu_bidi_set_paragraph(raw, base, length, paragraphLevel.rawValue, &status) }
    }
    try ICU.check(status)
  }

  /// The number of scalars in the current text.
  public var scalarCount: Int { Int(cicu_bidi_scalar_count(raw)) }

  /// The embedding level of the (first) paragraph.
  ///
  /// The corresponding C function is `ubidi_getParaLevel`.
  public var paragraphLevel: UInt8 { cicu_bidi_paragraph_level(raw) }

  /// The resolved base direction of the (first) paragraph.
  public var baseDirection: Direction { paragraphLevel & 1 == 0 ? .leftToRight : .rightToLeft }

  /// Whether the text is all left-to-right, all right-to-left, or mixed.
  ///
  /// The corresponding C function is `ubidi_getDirection`.
  public var direction: Direction {
    switch cicu_bidi_direction(raw) {
    case 0: .leftToRight
    case 1: .rightToLeft
    case 2: .mixed
    default: .neutral
    }
  }

  /// The paragraphs of the current text.
  ///
  /// The corresponding C function is `ubidi_getParagraphByIndex`.
  public func paragraphs() -> [Paragraph] {
    var status: Int32 = 0
    let count = cicu_bidi_paragraph_count(raw, &status)
    ICU.expect(status, "ubidi_countParagraphs")
    return (0..<count).map { index in
      var start: Int32 = 0
      var limit: Int32 = 0
      var level: UInt8 = 0
      cicu_bidi_paragraph(raw, index, &start, &limit, &level, &status)
      ICU.expect(status, "ubidi_getParagraphByIndex")
      return Paragraph(scalars: Int(start)..<Int(limit), level: level)
    }
  }

  /// The resolved embedding level of each scalar.
  ///
  /// Characters removed by rule X9 (embedding controls, BN) get the level of their
  /// neighbourhood, as ICU assigns them.
  /// The corresponding C function is `ubidi_getLevels`.
  public func levels() -> [UInt8] {
    let count = scalarCount
    return [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
      var status: Int32 = 0
      if count > 0 { cicu_bidi_levels(raw, out.baseAddress, &status) }
      ICU.expect(status, "ubidi_getLevels")
      initialized = count
    }
  }

  /// The visual order: element *v* is the logical scalar index shown at visual position *v*.
  ///
  /// The corresponding C function is `ubidi_getVisualMap`.
  public func visualOrder() -> [Int] {
    let count = scalarCount
    let order = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
      var status: Int32 = 0
      if count > 0 { cicu_bidi_visual_order(raw, out.baseAddress, &status) }
      ICU.expect(status, "ubidi_getVisualMap")
      initialized = count
    }
    return order.map(Int.init)
  }

  /// The directional runs, in visual order (left to right on screen).
  ///
  /// The corresponding C function is `ubidi_getVisualRun`.
  public func runs() -> [Run] {
    var status: Int32 = 0
    let count = cicu_bidi_run_count(raw, &status)
    ICU.expect(status, "ubidi_countRuns")
    return (0..<count).map { index in
      var scalarStart: Int32 = 0
      var scalarLength: Int32 = 0
      var utf8Start: Int32 = 0
      var utf8Length: Int32 = 0
      var level: UInt8 = 0
      cicu_bidi_run(raw, index, &scalarStart, &scalarLength, &utf8Start, &utf8Length, &level, &status)
      ICU.expect(status, "ubidi_getVisualRun")
      return Run(
        scalars: Int(scalarStart)..<Int(scalarStart + scalarLength),
        utf8: Int(utf8Start)..<Int(utf8Start + utf8Length), level: level)
    }
  }

  /// The current text in visual order, for displays without bidi support.
  ///
  /// The corresponding C function is `ubidi_writeReordered`.
  public func reordered(_ options: ReorderingOptions = [.mirror]) -> String {
    var status: Int32 = 0
    var out: UnsafeMutablePointer<UInt8>?
    let n = cicu_bidi_write_reordered(raw, options.rawValue, &out, &status)
    ICU.expect(status, "ubidi_writeReordered")
    return ICU.adoptString(out, count: n)
  }
}
