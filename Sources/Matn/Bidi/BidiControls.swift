import MatnICU

/// Finds explicit bidi formatting characters and reports the dangerous ones — Trojan
/// Source (CVE-2021-42574) patterns — following Unicode's UTS #55 (Source Code Handling
/// of Bidi) and modelled on gcc's `-Wbidi-chars=unpaired`.
///
/// ```swift
/// let findings = BidiControls.check("x = \"user\u{202E} \u{2066}// admin\u{2069} \u{2066}\"")
/// findings.map(\.severity)   // [.error, .error, ...]: an override inside a string
/// let clean = BidiControls.apply(.keepBalanced, to: text)   // drops only dangerous controls
/// ```
///
/// Pairing is checked per line, as gcc does (UAX #9 ends every embedding, override and
/// isolate at a paragraph separator; in source code a line is the unit a reader sees),
/// and again inside each string literal and comment on the line (UTS #55: a literal
/// should not leak direction into the code around it). Lines end at LF, CR, CR LF,
/// U+0085, U+2029 and U+001C–U+001E. Columns count Unicode scalars, from 1.
///
/// Severities:
/// - ``Severity/error``: display differs from logical order in a dangerous way — an
///   opener left open at the end of the line that changes how the line is displayed
///   (checked by running the UBA with and without it), an override that reverses
///   letters or digits of the other direction, any embedding/override/isolate inside
///   an identifier, number or URL, an embedding or override inside a string literal or
///   comment, any control unpaired within its string literal or comment, and every
///   control of a string literal or comment that holds such an unpaired one.
/// - ``Severity/warning``: suspicious but harmless — an opener left open with no visible
///   effect on its line, a stray PDF or PDI (UAX #9 ignores it), an override that
///   reverses nothing, a balanced isolate inside a string or comment, a mark inside a URL.
/// - ``Severity/note``: a balanced embedding or isolate in prose, a mark (LRM, RLM, ALM)
///   inside a number or an identifier. Marks anywhere else — ordinary Persian and
///   English prose is full of them — are not reported.
///
/// Strong direction is approximated from the scalar (letters of the Hebrew, Arabic,
/// Syriac, Thaana, N'Ko… blocks are right-to-left, other letters left-to-right).
///
/// - Complexity: O(*n*) in the length of the text, plus one UBA run per line that
///   ends with an opener still open.
/// - Thread safety: stateless; call from any thread.
public enum BidiControls {
  /// The twelve explicit directional formatting characters of UAX #9.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case lre = "LRE", rle = "RLE", pdf = "PDF", lro = "LRO", rlo = "RLO"
    case lri = "LRI", rli = "RLI", fsi = "FSI", pdi = "PDI"
    case lrm = "LRM", rlm = "RLM", alm = "ALM"

    public init?(_ scalar: Unicode.Scalar) {
      switch scalar.value {
      case 0x202A: self = .lre
      case 0x202B: self = .rle
      case 0x202C: self = .pdf
      case 0x202D: self = .lro
      case 0x202E: self = .rlo
      case 0x2066: self = .lri
      case 0x2067: self = .rli
      case 0x2068: self = .fsi
      case 0x2069: self = .pdi
      case 0x200E: self = .lrm
      case 0x200F: self = .rlm
      case 0x061C: self = .alm
      default: return nil
      }
    }

    /// The character itself.
    public var scalar: Unicode.Scalar {
      let values: [Kind: UInt32] = [
        .lre: 0x202A, .rle: 0x202B, .pdf: 0x202C, .lro: 0x202D, .rlo: 0x202E, .lri: 0x2066,
        .rli: 0x2067, .fsi: 0x2068, .pdi: 0x2069, .lrm: 0x200E, .rlm: 0x200F, .alm: 0x061C,
      ]
      return Unicode.Scalar(values[self]!)!
    }

    /// LRE, RLE, LRO, RLO: closed by PDF.
    public var opensEmbedding: Bool { [.lre, .rle, .lro, .rlo].contains(self) }
    /// LRI, RLI, FSI: closed by PDI.
    public var opensIsolate: Bool { [.lri, .rli, .fsi].contains(self) }
    /// LRO, RLO.
    public var isOverride: Bool { self == .lro || self == .rlo }
    /// LRM, RLM, ALM: invisible strong (or, for ALM, Arabic-letter) characters with no scope.
    public var isMark: Bool { self == .lrm || self == .rlm || self == .alm }
  }

  /// One control character and where it is.
  public struct Control: Sendable, Hashable {
    public var kind: Kind
    /// Byte offset in the text's UTF-8.
    public var utf8Offset: Int
    /// Line number, from 1.
    public var line: Int
    /// Column in Unicode scalars, from 1.
    public var column: Int

    public init(kind: Kind, utf8Offset: Int, line: Int, column: Int) {
      self.kind = kind
      self.utf8Offset = utf8Offset
      self.line = line
      self.column = column
    }
  }

  /// How bad a finding is; ordered note < warning < error.
  public enum Severity: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
    case note, warning, error
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { ["note", "warning", "error"][rawValue] }
  }

  /// Which rule a finding comes from.
  public enum Rule: String, Sendable, Hashable {
    /// An opener still open at the end of its line.
    case unterminated
    /// A PDF or PDI with nothing to close.
    case stray
    /// An override covering strong characters or digits of the other direction.
    case reversingOverride
    /// An override that reverses nothing.
    case harmlessOverride
    /// A control inside a word (identifier), number or URL.
    case insideToken
    /// A control inside a string literal or comment.
    case insideLiteral
    /// A balanced embedding or isolate in prose.
    case balanced
  }

  /// One reported control.
  public struct Finding: Sendable, Hashable, CustomStringConvertible {
    public var control: Control
    public var severity: Severity
    public var rule: Rule
    public var message: String
    /// `LINE:COLUMN: severity: message`.
    public var description: String { "\(control.line):\(control.column): \(severity): \(message)" }
  }

  /// What ``apply(_:to:)`` removes.
  public enum Policy: String, Sendable, Hashable, CaseIterable {
    /// Remove every control, marks included.
    case strip
    /// Remove only unterminated openers, stray closers and overrides that reverse
    /// letters (with their PDF); keep everything balanced and harmless.
    case keepBalanced = "keep-balanced"
    /// Change nothing; only report.
    case report
  }

  /// The outcome of ``apply(_:to:)``.
  public struct Result: Sendable, Hashable {
    /// The text after the policy.
    public var text: String
    /// Every finding in the input (the same as ``check(_:)``).
    public var findings: [Finding]
    /// The controls removed, with their positions in the input.
    public var removed: [Control]
  }

  /// Every explicit control in `text`, in order.
  ///
  /// - Complexity: O(*n*).
  public static func scan(_ text: String) -> [Control] {
    var controls: [Control] = []
    walk(text, lineBreak: {}) { v, offset, line, column in
      if let kind = Kind(v) {
        controls.append(Control(kind: kind, utf8Offset: offset, line: line, column: column))
      }
    }
    return controls
  }

  /// Walks the scalars of `text` with their UTF-8 offset, line and column (lines and
  /// columns from 1, columns in scalars; CR LF is one line break): `lineBreak` at each
  /// break, `visit` for every other scalar.
  static func walk(
    _ text: String, lineBreak: () -> Void, visit: (_ scalar: Unicode.Scalar, _ offset: Int, _ line: Int, _ column: Int) -> Void
  ) {
    var line = 1, column = 0, offset = 0
    var previous: Unicode.Scalar = " "
    for v in text.unicodeScalars {
      defer {
        offset += v.utf8.count
        previous = v
      }
      if v == "\n" && previous == "\r" { continue }
      if isLineBreak(v) {
        lineBreak()
        line += 1
        column = 0
        continue
      }
      column += 1
      visit(v, offset, line, column)
    }
  }

  /// The findings for `text`, in order of position.
  ///
  /// - Complexity: O(*n*), plus one UBA run per line that ends with an opener open.
  public static func check(_ text: String) -> [Finding] {
    analyse(text).findings
  }

  /// Applies `policy` to `text`: returns the cleaned text, the findings and the
  /// removed controls with their input offsets.
  ///
  /// - Complexity: O(*n*).
  public static func apply(_ policy: Policy, to text: String) -> Result {
    let analysis = analyse(text)
    let remove: Set<Int>
    switch policy {
    case .report: remove = []
    case .strip: remove = Set(scan(text).map(\.utf8Offset))
    case .keepBalanced: remove = analysis.unsafe
    }
    guard !remove.isEmpty else { return Result(text: text, findings: analysis.findings, removed: []) }
    var out = String.UnicodeScalarView()
    var removed: [Control] = []
    let byOffset = Dictionary(scan(text).map { ($0.utf8Offset, $0) }, uniquingKeysWith: { a, _ in a })
    var offset = 0
    for v in text.unicodeScalars {
      if remove.contains(offset), let control = byOffset[offset] {
        removed.append(control)
      } else {
        out.append(v)
      }
      offset += v.utf8.count
    }
    return Result(text: String(out), findings: analysis.findings, removed: removed)
  }
}
