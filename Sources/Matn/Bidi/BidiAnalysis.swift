import MatnICU

/// The Unicode Bidirectional Algorithm (UAX #9) resolved for one paragraph: its base
/// direction, the embedding level of each scalar, its directional runs and its visual
/// order.
///
/// The base direction comes from rules P2–P3, which this type applies itself over
/// Bidi_Class values: the first strong character (L, R or AL) decides, and characters
/// between an isolate initiator (LRI, RLI, FSI) and its matching PDI are skipped. A
/// plain first-strong scan such as ICU's `ubidi_getBaseDirection` does not skip
/// isolates, so «⁨Tehran⁩ تهران» would wrongly come out left-to-right.
///
/// ```swift
/// let analysis = BidiAnalysis("قیمت iPhone 15 است")
/// analysis.baseDirection              // .rightToLeft
/// analysis.runs.map(\.direction)      // visual order: [.rightToLeft, .leftToRight, .rightToLeft]
/// analysis.runs[1].utf8               // the UTF-8 bytes of "iPhone 15"
/// ```
///
/// Positions (``scalars``, ``Run/scalars``, ``visualOrder``) are indices into
/// `text.unicodeScalars` of the text that was analysed, and UTF-8 byte offsets for
/// ``utf8`` and ``Run/utf8``; for a paragraph from ``paragraphs(of:direction:)`` they
/// count from the start of the whole text.
///
/// One limitation inherited from ICU: when a paragraph turns out to run in one
/// direction only, ``levels`` holds the paragraph level for every scalar, even inside
/// explicit embeddings (the visual order is the same either way).
///
/// - Thread safety: a `Sendable` value.
public struct BidiAnalysis: Sendable, Hashable {
  /// A resolved direction.
  public enum Direction: Sendable, Hashable {
    case leftToRight, rightToLeft

    /// The embedding level of a paragraph in this direction: 0 or 1.
    public var level: UInt8 { self == .leftToRight ? 0 : 1 }

    /// The direction of text at embedding `level`: even levels are left-to-right.
    public init(level: UInt8) { self = level & 1 == 0 ? .leftToRight : .rightToLeft }
  }

  /// How to choose a paragraph's base direction.
  public enum ParagraphDirection: Sendable, Hashable {
    case leftToRight, rightToLeft
    /// From the first strong character, skipping isolates (rules P2–P3); the given
    /// direction when the paragraph has no strong character outside isolates.
    case firstStrong(otherwise: Direction)

    /// First strong character, left-to-right when there is none (UAX #9's default).
    public static let automatic = ParagraphDirection.firstStrong(otherwise: .leftToRight)
  }

  /// A maximal run of one embedding level.
  public struct Run: Sendable, Hashable {
    /// Scalar indices of the run, in logical order.
    public var scalars: Range<Int>
    /// UTF-8 byte offsets of the run.
    public var utf8: Range<Int>
    /// The run's embedding level.
    public var level: UInt8
    /// Left-to-right for even levels, right-to-left for odd ones.
    public var direction: Direction { Direction(level: level) }

    public init(scalars: Range<Int>, utf8: Range<Int>, level: UInt8) {
      self.scalars = scalars
      self.utf8 = utf8
      self.level = level
    }
  }

  /// Scalar indices of the paragraph, its separator (if any) included.
  public let scalars: Range<Int>
  /// UTF-8 byte offsets of the paragraph.
  public let utf8: Range<Int>
  /// The paragraph embedding level (0 left-to-right, 1 right-to-left).
  public let level: UInt8
  /// The resolved embedding level of each scalar of the paragraph: `levels[i]` is the
  /// level of scalar `scalars.lowerBound + i`. Characters that rule X9 removes
  /// (embedding controls, BN) get the level of their neighbourhood.
  public let levels: [UInt8]
  /// The directional runs in visual order, left to right on screen.
  public let runs: [Run]
  /// The visual order: element *v* is the scalar index shown at visual position *v*
  /// (left to right on screen).
  public let visualOrder: [Int]

  /// The resolved base direction of the paragraph.
  public var baseDirection: Direction { Direction(level: level) }

  /// The embedding level of the scalar at index `scalar` (an index into the analysed
  /// text, within ``scalars``).
  public func level(at scalar: Int) -> UInt8 { levels[scalar - scalars.lowerBound] }

  /// Analyses `paragraph` as one paragraph.
  ///
  /// `paragraph` should hold one paragraph (a trailing separator is fine). Should it
  /// hold several, all of them are laid out with the level the first one resolves
  /// to; use ``paragraphs(of:direction:)`` to give each its own.
  ///
  /// - Precondition: `paragraph` is shorter than 2 GiB of UTF-8.
  /// - Complexity: O(*n*) in the length of `paragraph`.
  public init(_ paragraph: String, direction: ParagraphDirection = .automatic) {
    self.init(paragraph, direction: direction, scalarOffset: 0, utf8Offset: 0, using: Self.makeBidi())
  }

  /// Analyses each paragraph of `text` (paragraphs end after a paragraph separator —
  /// line feed, carriage return, CR LF, U+2029 and the other Bidi_Class B characters —
  /// rule P1), each with its own base direction when `direction` is ``ParagraphDirection/firstStrong(otherwise:)``.
  ///
  /// ```swift
  /// BidiAnalysis.paragraphs(of: "Hello\nسلام").map(\.baseDirection)   // [.leftToRight, .rightToLeft]
  /// ```
  ///
  /// - Precondition: each paragraph is shorter than 2 GiB of UTF-8.
  /// - Complexity: O(*n*) in the length of `text`.
  public static func paragraphs(of text: String, direction: ParagraphDirection = .automatic) -> [BidiAnalysis] {
    let bidi = makeBidi()
    var result: [BidiAnalysis] = []
    var paragraph = String.UnicodeScalarView()
    var scalarStart = 0
    var utf8Start = 0
    var scalarIndex = 0
    var utf8Index = 0
    var previousWasCarriageReturn = false

    func flush() {
      guard !paragraph.isEmpty else { return }
      result.append(
        BidiAnalysis(String(paragraph), direction: direction, scalarOffset: scalarStart, utf8Offset: utf8Start, using: bidi))
      paragraph.removeAll(keepingCapacity: true)
      scalarStart = scalarIndex
      utf8Start = utf8Index
    }

    for scalar in text.unicodeScalars {
      // CR LF is one separator: the LF stays with the CR's paragraph.
      if previousWasCarriageReturn && scalar != "\n" { flush() }
      previousWasCarriageReturn = false
      paragraph.append(scalar)
      scalarIndex += 1
      utf8Index += UTF8.width(scalar)
      if scalar == "\r" {
        previousWasCarriageReturn = true
      } else if scalar.bidiClass == .paragraphSeparator {
        flush()
      }
    }
    flush()
    return result
  }

  /// The direction of the first strong character of `scalars`, skipping characters
  /// between an isolate initiator and its matching PDI and stopping at a paragraph
  /// separator (UAX #9 rules P2–P3); nil when there is none.
  ///
  /// ```swift
  /// BidiAnalysis.firstStrongDirection(of: "\u{2066}abc\u{2069} سلام".unicodeScalars)   // .rightToLeft
  /// ```
  ///
  /// - Complexity: O(*n*), stopping at the first strong character.
  public static func firstStrongDirection(of scalars: some Sequence<Unicode.Scalar>) -> Direction? {
    var isolateDepth = 0
    for scalar in scalars {
      let bidiClass = scalar.bidiClass
      switch bidiClass {
      case .paragraphSeparator: return nil
      case .leftToRightIsolate, .rightToLeftIsolate, .firstStrongIsolate: isolateDepth += 1
      case .popDirectionalIsolate: if isolateDepth > 0 { isolateDepth -= 1 }
      case .leftToRight where isolateDepth == 0: return .leftToRight
      case .rightToLeft where isolateDepth == 0, .arabicLetter where isolateDepth == 0: return .rightToLeft
      default: break
      }
    }
    return nil
  }

  /// Analyses `text` with a `Bidi` the caller may reuse; offsets are added to every
  /// position, for a paragraph cut out of a longer text.
  init(_ text: String, direction: ParagraphDirection, scalarOffset: Int, utf8Offset: Int, using bidi: Bidi) {
    let base: Direction =
      switch direction {
      case .leftToRight: .leftToRight
      case .rightToLeft: .rightToLeft
      case .firstStrong(let otherwise): Self.firstStrongDirection(of: text.unicodeScalars) ?? otherwise
      }
    do {
      try bidi.setText(text, paragraphLevel: base == .leftToRight ? .leftToRight : .rightToLeft)
    } catch {
      preconditionFailure("BidiAnalysis: ICU could not analyse a paragraph of \(text.utf8.count) bytes: \(error)")
    }
    level = base.level
    levels = bidi.levels()
    scalars = scalarOffset..<(scalarOffset + levels.count)
    utf8 = utf8Offset..<(utf8Offset + text.utf8.count)
    runs = bidi.runs().map {
      Run(
        scalars: ($0.scalars.lowerBound + scalarOffset)..<($0.scalars.upperBound + scalarOffset),
        utf8: ($0.utf8.lowerBound + utf8Offset)..<($0.utf8.upperBound + utf8Offset), level: $0.level)
    }
    let order = bidi.visualOrder()
    visualOrder = scalarOffset == 0 ? order : order.map { $0 + scalarOffset }
  }

  static func makeBidi() -> Bidi {
    do { return try Bidi() } catch { preconditionFailure("BidiAnalysis: ICU could not open a bidi object: \(error)") }
  }
}
