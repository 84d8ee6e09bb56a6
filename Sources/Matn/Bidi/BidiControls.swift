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

  // MARK: - Analysis

  static func isLineBreak(_ v: Unicode.Scalar) -> Bool {
    switch v.value {
    case 0x0A, 0x0D, 0x1C...0x1E, 0x85, 0x2029: true
    default: false
    }
  }

  /// One scalar of a line with its position.
  struct Item {
    var scalar: Unicode.Scalar
    var kind: Kind?
    var offset: Int
    var column: Int
  }

  struct Analysis {
    var findings: [Finding] = []
    /// Offsets of the controls `.keepBalanced` removes.
    var unsafe: Set<Int> = []
  }

  /// Lines are found on the UTF-8 bytes; only a line that holds a control becomes
  /// ``Item``s (one per scalar of that line), so a huge line without controls costs no
  /// memory beyond the text, and a line with controls costs its own items only.
  static func analyse(_ text: String) -> Analysis {
    var analysis = Analysis()
    var lineNumber = 1
    var inBlockComment = false
    var bidi: Bidi? = nil
    var text = text
    text.withUTF8 { bytes in
      let n = bytes.count
      var start = 0, i = 0
      var hasControl = false
      func flush(_ end: Int) {
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if hasControl {
          checkLine(items(line, at: start), line: lineNumber, inBlockComment: &inBlockComment, bidi: &bidi, into: &analysis)
        } else {
          // Only the block-comment state matters here; its syntax is ASCII, so the
          // bytes serve as well as the scalars.
          _ = literals(
            count: line.count, at: { UInt32(line[$0]) }, whitespaceBefore: { whitespace(before: $0, in: line) },
            inBlockComment: &inBlockComment)
        }
        hasControl = false
      }
      while i < n {
        let b = bytes[i]
        if b < 0x80 {
          if b == 0x0A || b == 0x0D || (b >= 0x1C && b <= 0x1E) {
            flush(i)
            lineNumber += 1
            // CR LF is one line break.
            i += b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A ? 2 : 1
            start = i
            continue
          }
          i += 1
          continue
        }
        let (v, length) = UTF8Decoding.scalar(bytes, at: i)
        if v == 0x85 || v == 0x2029 {
          flush(i)
          lineNumber += 1
          i += length
          start = i
          continue
        }
        if !hasControl, let scalar = Unicode.Scalar(v), Kind(scalar) != nil { hasControl = true }
        i += length
      }
      flush(n)
    }
    return analysis
  }

  /// The scalars of `line` (valid UTF-8 starting at byte `offset` of the text) as items,
  /// columns from 1.
  private static func items(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> [Item] {
    var items: [Item] = []
    var k = 0
    while k < line.count {
      let (v, length) = UTF8Decoding.scalar(line, at: k)
      let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
      items.append(Item(scalar: scalar, kind: Kind(scalar), offset: offset + k, column: items.count + 1))
      k += length
    }
    return items
  }

  /// Whether the scalar that ends just before byte `k` of `line` is white space (true at
  /// the start of the line).
  private static func whitespace(before k: Int, in line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard k > 0 else { return true }
    var j = k - 1
    while j > 0 && line[j] & 0xC0 == 0x80 { j -= 1 }
    return Unicode.Scalar(UTF8Decoding.scalar(line, at: j).value)?.properties.isWhitespace ?? false
  }

  enum LiteralKind { case string, comment }

  /// String literals (between matching `"` or `'` on the line) and comments (`//` or
  /// `#` after a space or at the start of the line to the end of the line; `/* … */`,
  /// which may span lines) as index ranges into `items`.
  static func literals(_ items: [Item], inBlockComment: inout Bool) -> [(Range<Int>, LiteralKind)] {
    literals(
      count: items.count, at: { items[$0].scalar.value },
      whitespaceBefore: { $0 == 0 || items[$0 - 1].scalar.properties.isWhitespace }, inBlockComment: &inBlockComment)
  }

  /// The same over any units of a line: `at(k)` is unit `k` (a scalar, or a UTF-8 byte:
  /// every character the syntax looks for is ASCII), `whitespaceBefore(k)` whether the
  /// scalar before unit `k` is white space (or `k` is 0).
  ///
  /// - Complexity: O(*n*): a quote with no partner on the line is looked for once, not
  ///   again at each later quote of its kind (none of those has a partner either).
  static func literals(
    count: Int, at unit: (Int) -> UInt32, whitespaceBefore: (Int) -> Bool, inBlockComment: inout Bool
  ) -> [(Range<Int>, LiteralKind)] {
    var spans: [(Range<Int>, LiteralKind)] = []
    var i = 0
    var blockStart = inBlockComment ? 0 : -1
    var unpaired: Set<Unicode.Scalar> = []
    func at(_ k: Int) -> Unicode.Scalar? { k < count ? Unicode.Scalar(unit(k)) : nil }
    while i < count {
      let c = at(i)!
      if blockStart >= 0 {
        if c == "*" && at(i + 1) == "/" {
          spans.append((blockStart..<(i + 2), .comment))
          blockStart = -1
          i += 2
          continue
        }
        i += 1
        continue
      }
      if c == "/" && at(i + 1) == "*" {
        blockStart = i
        i += 2
        continue
      }
      if (c == "/" && at(i + 1) == "/") || (c == "#" && whitespaceBefore(i)) {
        spans.append((i..<count, .comment))
        return finish(spans, blockStart: -1, count: count, &inBlockComment)
      }
      if (c == "\"" || c == "'") && !unpaired.contains(c) {
        var j = i + 1
        while j < count && at(j) != c {
          if at(j) == "\\" { j += 1 }
          j += 1
        }
        if j < count {
          spans.append((i..<(j + 1), .string))
          i = j + 1
          continue
        }
        // A later quote of this kind was either seen by this search or skipped as
        // escaped, and a search from just after it follows the same path: no partner.
        unpaired.insert(c)
      }
      i += 1
    }
    return finish(spans, blockStart: blockStart, count: count, &inBlockComment)
  }

  private static func finish(
    _ spans: [(Range<Int>, LiteralKind)], blockStart: Int, count: Int, _ inBlock: inout Bool
  ) -> [(Range<Int>, LiteralKind)] {
    var spans = spans
    if blockStart >= 0 { spans.append((blockStart..<count, .comment)) }
    inBlock = blockStart >= 0
    return spans
  }

  /// An open embedding, override or isolate.
  struct Open {
    var index: Int
    var kind: Kind
    /// For overrides: whether a covered character is shown reversed.
    var reverses = false
  }

  /// Pairs the controls of `range`, UAX #9 style: PDF closes the innermost embedding
  /// or override unless an isolate is innermost; PDI closes the innermost isolate and
  /// every embedding inside it. Returns the closed pairs, the openers left open (or
  /// closed only implicitly by a PDI) and the stray closers.
  static func pair(_ items: [Item], _ range: Range<Int>)
    -> (pairs: [(open: Open, close: Int)], unterminated: [Open], stray: [Int])
  {
    var stack: [Open] = []
    var pairs: [(open: Open, close: Int)] = []
    var unterminated: [Open] = []
    var stray: [Int] = []
    var openIsolates = 0  // on the stack: a PDI with none is stray without a search
    for i in range {
      guard let kind = items[i].kind else {
        if var top = stack.last, top.kind.isOverride, reversedUnder(top.kind, items[i].scalar) {
          top.reverses = true
          stack[stack.count - 1] = top
        }
        continue
      }
      if kind.opensEmbedding || kind.opensIsolate {
        stack.append(Open(index: i, kind: kind))
        if kind.opensIsolate { openIsolates += 1 }
      } else if kind == .pdf {
        if let top = stack.last, top.kind.opensEmbedding {
          pairs.append((stack.removeLast(), i))
        } else {
          stray.append(i)
        }
      } else if kind == .pdi {
        if openIsolates > 0, let k = stack.lastIndex(where: { $0.kind.opensIsolate }) {
          unterminated += stack[(k + 1)...]
          pairs.append((stack[k], i))
          stack.removeSubrange(k...)
          openIsolates -= 1
        } else {
          stray.append(i)
        }
      }
    }
    unterminated += stack
    return (pairs, unterminated, stray)
  }

  /// Whether `scalar`, under override `kind`, is shown in the opposite order from its own.
  static func reversedUnder(_ kind: Kind, _ scalar: Unicode.Scalar) -> Bool {
    switch (kind, strongDirection(scalar)) {
    case (.rlo, .leftToRight?), (.lro, .rightToLeft?): true
    case (.rlo, nil): scalar.properties.numericType == .decimal
    default: false
    }
  }

  enum Direction { case leftToRight, rightToLeft }

  /// The strong direction of a letter, approximated by block; nil for everything else.
  static func strongDirection(_ v: Unicode.Scalar) -> Direction? {
    guard v.properties.isAlphabetic else { return nil }
    switch v.value {
    case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
      return .rightToLeft
    default:
      return .leftToRight
    }
  }

  static func isWordScalar(_ v: Unicode.Scalar) -> Bool {
    v == "_" || v.properties.isAlphabetic || v.properties.numericType == .decimal
  }

  /// Where each item of a line sits, computed in one pass so that a line of many
  /// controls costs O(*n*): whether its whitespace-delimited token is a URL, and its
  /// nearest neighbours that are not controls.
  struct Surroundings {
    var inURL: [Bool]
    var previous: [Int]  // index of the nearest earlier non-control, or -1
    var next: [Int]  // index of the nearest later non-control, or items.count

    init(_ items: [Item]) {
      let n = items.count
      inURL = [Bool](repeating: false, count: n)
      var start = 0
      while start < n {
        var end = start
        while end < n, !items[end].scalar.properties.isWhitespace { end += 1 }
        if end > start {
          // URL: the token contains "://" or starts with "www.".
          let word = String(String.UnicodeScalarView(items[start..<end].map(\.scalar)))
          if word.contains("://") || word.lowercased().hasPrefix("www.") {
            for k in start..<end { inURL[k] = true }
          }
        }
        start = end + 1
      }
      previous = [Int](repeating: -1, count: n)
      next = [Int](repeating: n, count: n)
      var last = -1
      for k in 0..<n {
        previous[k] = last
        if items[k].kind == nil { last = k }
      }
      last = n
      for k in stride(from: n - 1, through: 0, by: -1) {
        next[k] = last
        if items[k].kind == nil { last = k }
      }
    }
  }

  /// What kind of token a control at `i` sits inside, if any.
  static func token(around i: Int, in items: [Item], _ surroundings: Surroundings) -> String? {
    if surroundings.inURL[i] { return "a URL" }

    // Neighbours, skipping other controls.
    let a = surroundings.previous[i], b = surroundings.next[i]
    if a >= 0, b < items.count {
      let x = items[a].scalar, y = items[b].scalar
      let isDigit = { (v: Unicode.Scalar) in v.properties.numericType == .decimal }
      if isDigit(x) && isDigit(y) { return "a number" }
      if isWordScalar(x) && isWordScalar(y) {
        // One identifier: both sides of one direction (a Latin name glued to a Persian
        // suffix is two words in two directions, not an identifier).
        let dx = strongDirection(x), dy = strongDirection(y)
        if dx == dy || dx == nil || dy == nil { return "a word" }
      }
    }
    return nil
  }

  static func checkLine(
    _ items: [Item], line: Int, inBlockComment: inout Bool, bidi: inout Bidi?, into analysis: inout Analysis
  ) {
    var found: [Int: Finding] = [:]
    func report(_ i: Int, _ severity: Severity, _ rule: Rule, _ message: String, unsafe: Bool = false) {
      let item = items[i]
      guard let kind = item.kind else { return }
      if let old = found[i], old.severity >= severity { return }
      let control = Control(kind: kind, utf8Offset: item.offset, line: line, column: item.column)
      found[i] = Finding(control: control, severity: severity, rule: rule, message: message)
      if unsafe { analysis.unsafe.insert(item.offset) }
    }
    func name(_ i: Int) -> String {
      let k = items[i].kind!
      return "\(k.rawValue) (U+\(String(k.scalar.value, radix: 16, uppercase: true)))"
    }

    // 1. Pairing over the line.
    let whole = pair(items, 0..<items.count)
    if !whole.unterminated.isEmpty {
      let visible = changesDisplay(items, removing: Set(whole.unterminated.map(\.index)), bidi: &bidi)
      for open in whole.unterminated {
        if visible {
          report(
            open.index, .error, .unterminated,
            "\(name(open.index)) is not closed on this line and changes how the rest of it is displayed",
            unsafe: true)
        } else {
          report(
            open.index, .warning, .unterminated,
            "\(name(open.index)) is not closed on this line (no visible effect here)", unsafe: true)
        }
      }
    }
    for i in whole.stray {
      report(i, .warning, .stray, "\(name(i)) has nothing to close (ignored by the bidi algorithm)", unsafe: true)
    }
    for (open, close) in whole.pairs {
      if open.kind.isOverride {
        if open.reverses {
          let what = open.kind == .rlo ? "left-to-right letters or digits" : "right-to-left letters"
          report(open.index, .error, .reversingOverride, "\(name(open.index)) displays \(what) in reverse order", unsafe: true)
          report(close, .error, .reversingOverride, "\(name(close)) closes an override that reverses text", unsafe: true)
        } else {
          report(open.index, .warning, .harmlessOverride, "\(name(open.index)) overrides direction (reverses nothing here)")
        }
      } else {
        report(open.index, .note, .balanced, "balanced \(name(open.index)) … \(name(close))")
      }
    }
    for open in whole.unterminated where open.kind.isOverride && open.reverses {
      report(open.index, .error, .reversingOverride, "\(name(open.index)) is not closed and displays text in reverse order", unsafe: true)
    }

    // 2. Tokens: identifiers, numbers, URLs.
    let surroundings = Surroundings(items)
    var partner: [Int: Int] = [:]
    for (open, close) in whole.pairs {
      partner[open.index] = close
      partner[close] = open.index
    }
    for (i, item) in items.enumerated() {
      guard let kind = item.kind, let where_ = token(around: i, in: items, surroundings) else { continue }
      if kind.isMark {
        if where_ == "a URL" {
          report(i, .warning, .insideToken, "\(name(i)) inside \(where_)")
        } else {
          report(i, .note, .insideToken, "\(name(i)) inside \(where_)")
        }
      } else {
        report(i, .error, .insideToken, "\(name(i)) inside \(where_) reorders how it is displayed")
        // The other end of the pair belongs to the same tampered token.
        if let other = partner[i] {
          report(other, .error, .insideToken, "\(name(other)) pairs with a control inside \(where_)")
        }
      }
    }

    // 3. String literals and comments: pairing within each; embeddings and overrides.
    for (range, kind) in literals(items, inBlockComment: &inBlockComment) {
      let what = kind == .string ? "string literal" : "comment"
      let local = pair(items, range)
      for open in local.unterminated {
        report(open.index, .error, .insideLiteral, "\(name(open.index)) is not closed inside its \(what)")
      }
      for i in local.stray {
        report(i, .error, .insideLiteral, "\(name(i)) inside a \(what) closes nothing opened in it")
      }
      // A literal that leaks direction is tampered with: every control in it is an error.
      let tampered = !local.unterminated.isEmpty || !local.stray.isEmpty
      for (open, close) in local.pairs {
        if open.kind.opensEmbedding || tampered {
          report(open.index, .error, .insideLiteral, "\(name(open.index)) inside a \(what) reorders it")
          report(close, .error, .insideLiteral, "\(name(close)) inside a \(what) reorders it")
        } else {
          report(open.index, .warning, .insideLiteral, "balanced \(name(open.index)) … \(name(close)) inside a \(what)")
        }
      }
    }
    analysis.findings += found.keys.sorted().map { found[$0]! }
  }

  /// Whether removing the controls at `indices` changes the visual order of the line.
  static func changesDisplay(_ items: [Item], removing indices: Set<Int>, bidi: inout Bidi?) -> Bool {
    let with = String(String.UnicodeScalarView(items.map(\.scalar)))
    let without = String(String.UnicodeScalarView(items.indices.filter { !indices.contains($0) }.map { items[$0].scalar }))
    do {
      if bidi == nil { bidi = try Bidi() }
      guard let bidi else { return true }
      try bidi.setText(with)
      let a = bidi.reordered([.mirror, .removeControls])
      try bidi.setText(without)
      let b = bidi.reordered([.mirror, .removeControls])
      return a != b
    } catch {
      return true
    }
  }
}
