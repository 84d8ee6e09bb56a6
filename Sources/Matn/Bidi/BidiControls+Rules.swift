import MatnICU

// The rules of bidi control hygiene: lines found on bytes, items only for lines that
// hold a control, pairing per UAX #9, the checks of each control in its context.
extension BidiControls {
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
        let (v, length) = ScalarScan.scalar(bytes, at: i)
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
  static func items(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> [Item] {
    var items: [Item] = []
    var k = 0
    while k < line.count {
      let (v, length) = ScalarScan.scalar(line, at: k)
      let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
      items.append(Item(scalar: scalar, kind: Kind(scalar), offset: offset + k, column: items.count + 1))
      k += length
    }
    return items
  }

  /// Whether the scalar that ends just before byte `k` of `line` is white space (true at
  /// the start of the line).
  static func whitespace(before k: Int, in line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard k > 0 else { return true }
    var j = k - 1
    while j > 0 && line[j] & 0xC0 == 0x80 { j -= 1 }
    return Unicode.Scalar(ScalarScan.scalar(line, at: j).value)?.properties.isWhitespace ?? false
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
    var findings = LineFindings(items: items, line: line)
    let whole = pair(items, 0..<items.count)
    checkPairing(whole, &findings, bidi: &bidi)
    checkTokens(whole, &findings)
    checkLiterals(inBlockComment: &inBlockComment, &findings)
    analysis.findings += findings.found.keys.sorted().map { findings.found[$0]! }
    analysis.unsafe.formUnion(findings.unsafe)
  }

  /// The findings of one line, the most severe per control.
  struct LineFindings {
    let items: [Item]
    let line: Int
    var found: [Int: Finding] = [:]
    /// Offsets of the controls `.keepBalanced` removes.
    var unsafe: Set<Int> = []

    mutating func report(_ i: Int, _ severity: Severity, _ rule: Rule, _ message: String, unsafe: Bool = false) {
      let item = items[i]
      guard let kind = item.kind else { return }
      if let old = found[i], old.severity >= severity { return }
      let control = Control(kind: kind, utf8Offset: item.offset, line: line, column: item.column)
      found[i] = Finding(control: control, severity: severity, rule: rule, message: message)
      if unsafe { self.unsafe.insert(item.offset) }
    }

    func name(_ i: Int) -> String {
      let k = items[i].kind!
      return "\(k.rawValue) (U+\(String(k.scalar.value, radix: 16, uppercase: true)))"
    }
  }

  typealias Pairing = (pairs: [(open: Open, close: Int)], unterminated: [Open], stray: [Int])

  /// 1. Pairing over the line: openers left open (an error where they change the
  /// display), stray closers, overrides that reverse text, balanced pairs.
  static func checkPairing(_ whole: Pairing, _ f: inout LineFindings, bidi: inout Bidi?) {
    if !whole.unterminated.isEmpty {
      let visible = changesDisplay(f.items, removing: Set(whole.unterminated.map(\.index)), bidi: &bidi)
      for open in whole.unterminated {
        if visible {
          f.report(
            open.index, .error, .unterminated,
            "\(f.name(open.index)) is not closed on this line and changes how the rest of it is displayed",
            unsafe: true)
        } else {
          f.report(
            open.index, .warning, .unterminated,
            "\(f.name(open.index)) is not closed on this line (no visible effect here)", unsafe: true)
        }
      }
    }
    for i in whole.stray {
      f.report(i, .warning, .stray, "\(f.name(i)) has nothing to close (ignored by the bidi algorithm)", unsafe: true)
    }
    for (open, close) in whole.pairs {
      if open.kind.isOverride {
        if open.reverses {
          let what = open.kind == .rlo ? "left-to-right letters or digits" : "right-to-left letters"
          f.report(open.index, .error, .reversingOverride, "\(f.name(open.index)) displays \(what) in reverse order", unsafe: true)
          f.report(close, .error, .reversingOverride, "\(f.name(close)) closes an override that reverses text", unsafe: true)
        } else {
          f.report(open.index, .warning, .harmlessOverride, "\(f.name(open.index)) overrides direction (reverses nothing here)")
        }
      } else {
        f.report(open.index, .note, .balanced, "balanced \(f.name(open.index)) … \(f.name(close))")
      }
    }
    for open in whole.unterminated where open.kind.isOverride && open.reverses {
      f.report(open.index, .error, .reversingOverride, "\(f.name(open.index)) is not closed and displays text in reverse order", unsafe: true)
    }
  }

  /// 2. Controls inside identifiers, numbers and URLs (and the other end of their pair).
  static func checkTokens(_ whole: Pairing, _ f: inout LineFindings) {
    let items = f.items
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
          f.report(i, .warning, .insideToken, "\(f.name(i)) inside \(where_)")
        } else {
          f.report(i, .note, .insideToken, "\(f.name(i)) inside \(where_)")
        }
      } else {
        f.report(i, .error, .insideToken, "\(f.name(i)) inside \(where_) reorders how it is displayed")
        // The other end of the pair belongs to the same tampered token.
        if let other = partner[i] {
          f.report(other, .error, .insideToken, "\(f.name(other)) pairs with a control inside \(where_)")
        }
      }
    }
  }

  /// 3. String literals and comments: pairing within each; embeddings and overrides.
  static func checkLiterals(inBlockComment: inout Bool, _ f: inout LineFindings) {
    for (range, kind) in literals(f.items, inBlockComment: &inBlockComment) {
      let what = kind == .string ? "string literal" : "comment"
      let local = pair(f.items, range)
      for open in local.unterminated {
        f.report(open.index, .error, .insideLiteral, "\(f.name(open.index)) is not closed inside its \(what)")
      }
      for i in local.stray {
        f.report(i, .error, .insideLiteral, "\(f.name(i)) inside a \(what) closes nothing opened in it")
      }
      // A literal that leaks direction is tampered with: every control in it is an error.
      let tampered = !local.unterminated.isEmpty || !local.stray.isEmpty
      for (open, close) in local.pairs {
        if open.kind.opensEmbedding || tampered {
          f.report(open.index, .error, .insideLiteral, "\(f.name(open.index)) inside a \(what) reorders it")
          f.report(close, .error, .insideLiteral, "\(f.name(close)) inside a \(what) reorders it")
        } else {
          f.report(open.index, .warning, .insideLiteral, "balanced \(f.name(open.index)) … \(f.name(close)) inside a \(what)")
        }
      }
    }
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
