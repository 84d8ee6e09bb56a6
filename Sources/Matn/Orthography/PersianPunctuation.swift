import MatnICU

/// Stage 3c — punctuation in Persian context (PERSIAN.md A.7):
/// - `?` after a Persian word → `؟`; `,` `;` between Persian words → `،` `؛`;
/// - no space before `، ؛ ؟ ! . : » )` and one after `، ؛ ؟ ! :` when a Persian
///   word follows; none inside `« »` and `( )`;
/// - `"…"` and `“…”` around or next to Persian text → `«…»`;
/// - `.` between Persian digits → the Persian decimal separator `٫`; `,` grouping
///   Persian digits by thousands (where the source grouped them) → `٬`; `%` after
///   Persian digits → `٪`, with no space before it. ASCII digits keep their signs.
/// English inside Persian keeps its own punctuation (`«Hello, world?»`); protected
/// spans are never touched.
struct PersianPunctuation {
  let classOf = ScalarClasses.shared
  func apply(_ buffer: TextBuffer, _ report: inout ChangeRecorder) -> TextBuffer {
    let text = Context(buffer: buffer, quotes: guillemetPairs(buffer), classOf: classOf)
    let s = buffer.scalars, n = s.count
    var out = Rewriter(buffer)
    var i = 0
    while i < n {
      // Skip, in one call, what no rule here starts at: letters, digits, and spaces
      // with no punctuation or space beside them.
      let next = out.keepUnchanged(from: i, Self.stops)
      if next > i {
        i = next
        continue
      }
      if buffer.flags[i].contains(.protected) {
        out.keep(i)
        i += 1
      } else if s[i] == 0x20 {
        i = spaces(from: i, text, &out, &report)
      } else if Self.inert(s[i]) {
        // Fast path: a stretch of letters and everything else no rule here looks at
        // (ASCII letters and digits included), kept in one call.
        let j = s.withUnsafeBufferPointer { sp in
          var j = i + 1
          while j < n && Self.inert(sp[j]) { j += 1 }
          return j
        }
        out.keep(i..<j)
        i = j
      } else {
        mark(at: i, text, &out, &report)
        i += 1
      }
    }
    return out.output
  }

  /// What the rules ask of the text around a position.
  private struct Context {
    let s: [UInt32]
    let flags: [SpanFlags]
    let quotes: QuoteRoles
    let classOf: ScalarClasses
    var n: Int { s.count }

    init(buffer: TextBuffer, quotes: QuoteRoles, classOf: ScalarClasses) {
      s = buffer.scalars
      flags = buffer.flags
      self.quotes = quotes
      self.classOf = classOf
    }

    func isPersian(_ k: Int) -> Bool {
      guard k >= 0 && k < n, flags[k].contains(.persian), !flags[k].contains(.protected) else { return false }
      let v = s[k]
      if v >= 0x06F0 && v <= 0x06F9 { return true }
      let c = classOf(v)
      return c.contains(.arabicScript) && (c.contains(.letter) || c.contains(.mark))
    }

    func isPersianLetter(_ k: Int) -> Bool {
      isPersian(k) && classOf(s[k]).contains(.letter)
    }

    func isPersianDigit(_ k: Int) -> Bool {
      isPersian(k) && s[k] >= 0x06F0 && s[k] <= 0x06F9
    }

    /// Whether the `,` at `k` groups Persian digits by thousands: one to three digits
    /// before it (from the number's start or the previous separator), exactly three
    /// after it.
    func groupsThousands(_ k: Int) -> Bool {
      guard k + 3 < n, isPersianDigit(k + 1), isPersianDigit(k + 2), isPersianDigit(k + 3) else { return false }
      if k + 4 < n && classOf(s[k + 4]).contains(.digit) { return false }
      var j = k - 1
      while j >= 0 && isPersianDigit(j) { j -= 1 }
      let digits = k - 1 - j
      guard digits >= 1 && digits <= 3 else { return false }
      let separator = j >= 0 && (s[j] == 0x2C || s[j] == 0x066C)
      let startOfNumber = j < 0 || !(classOf(s[j]).contains(.digit) || separator)
      let middleGroup = digits == 3 && separator && isPersianDigit(j - 1)
      return startOfNumber || middleGroup
    }

    /// The previous scalar that is neither a space nor a mark (a mark's letter stands for it).
    func previousNonSpace(_ k: Int) -> Int {
      var j = k - 1
      while j >= 0 && (s[j] == 0x20 || classOf(s[j]).contains(.mark)) { j -= 1 }
      return j
    }

    func nextNonSpace(_ k: Int) -> Int {
      var j = k + 1
      while j < n && s[j] == 0x20 { j += 1 }
      return j
    }

    /// The scalar at `k` as it will be written (quotes and ASCII marks converted).
    func converted(_ k: Int) -> UInt32 {
      if let open = quotes[k] { return open ? 0xAB : 0xBB }
      return s[k]
    }
  }

  /// Marks that take no space before them after a Persian word.
  private static func closes(_ v: UInt32) -> Bool {
    switch v {
    case 0x060C, 0x061B, 0x061F, 0x21, 0x2E, 0x3A, 0xBB, 0x29, 0x5D, 0x3F, 0x2C, 0x3B: true
    default: false
    }
  }

  /// The spaces from `i`: dropped before a closing mark that follows Persian text and
  /// just inside « or ( when Persian text follows, kept otherwise. Returns where they end.
  private func spaces(from i: Int, _ text: Context, _ out: inout Rewriter, _ report: inout ChangeRecorder) -> Int {
    var j = i
    while j < text.n && text.s[j] == 0x20 { j += 1 }
    let before = i - 1, after = j
    var drop = false
    // No space before a closing mark that follows Persian text.
    if after < text.n, !text.flags[after].contains(.protected), Self.closes(text.converted(after)), text.isPersian(before) {
      drop = true
    }
    // No space between Persian digits and their percent sign.
    if after < text.n, text.s[after] == 0x25 || text.s[after] == 0x066A, text.isPersianDigit(before) { drop = true }
    // No space just inside « or ( when Persian text follows.
    if before >= 0, text.converted(before) == 0xAB || text.s[before] == 0x28, text.isPersian(after) { drop = true }
    if drop {
      for k in i..<j { out.delete(k, .punctuationSpacing, &report) }
    } else {
      out.keep(i..<j)
    }
    return j
  }

  /// The mark at `i`: `?` `,` `;` in Persian context become ؟ ، ؛, `.` between Persian
  /// digits ٫, quotes of a Persian pair guillemets; one space after ، ؛ ؟ ! : when a
  /// Persian word follows directly.
  private func mark(at i: Int, _ text: Context, _ out: inout Rewriter, _ report: inout ChangeRecorder) {
    let v = text.s[i]
    var written = v
    switch v {
    case 0x3F where text.isPersianLetter(text.previousNonSpace(i)):
      written = 0x061F
    case 0x2C where text.isPersianLetter(text.previousNonSpace(i)) && text.isPersianLetter(text.nextNonSpace(i)):
      written = 0x060C
    case 0x3B where text.isPersianLetter(text.previousNonSpace(i)) && text.isPersianLetter(text.nextNonSpace(i)):
      written = 0x061B
    case 0x2E
    where (0x06F0...0x06F9).contains(out.lastOutput) && text.isPersian(i + 1)
      && (0x06F0...0x06F9).contains(text.s[i + 1]):
      out.replace(i, with: 0x066B, .decimalSeparator, &report)
      return
    case 0x2C where text.isPersianDigit(i - 1) && text.groupsThousands(i):
      out.replace(i, with: 0x066C, .thousandsSeparator, &report)
      return
    case 0x25 where text.isPersianDigit(text.previousNonSpace(i)):
      out.replace(i, with: 0x066A, .percentSign, &report)
      return
    case 0x22, 0x201C, 0x201D:
      if let open = text.quotes[i] {
        out.replace(i, with: open ? 0xAB : 0xBB, .guillemets, &report)
        return
      }
    default:
      break
    }
    if written != v {
      out.replace(i, with: written, .persianPunctuation, &report)
    } else {
      out.keep(i)
    }
    // One space after ، ؛ ؟ ! : when a Persian word follows directly.
    if written == 0x060C || written == 0x061B || written == 0x061F || written == 0x21 || written == 0x3A,
      text.isPersian(text.previousNonSpace(i)), text.isPersianLetter(i + 1)
    {
      out.insert(0x20, before: i + 1, flagsFrom: i, .punctuationSpacing, &report)
    }
  }

  private static let stops = ScalarScan.Stops(
    stop: StageScan.punctuation, context: StageScan.space, neighbours: StageScan.punctuation | StageScan.space)
  private static let quotesAndLines = ScalarScan.Stops(stop: StageScan.quote | StageScan.lineFeed)

  /// Scalars no rule of this stage starts at: everything but spaces, the ASCII marks
  /// it converts or spaces, and the Persian marks and quotes it spaces.
  @inline(__always)
  static func inert(_ v: UInt32) -> Bool {
    if v > 0x7F {
      return v != 0x060C && v != 0x061B && v != 0x061F && v != 0xAB && v != 0xBB && v != 0x201C && v != 0x201D
        && v != 0x066A
    }
    return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
  }

  /// Quotation marks to turn into guillemets: index → true for the opening one.
  /// `"` pair up in order within a line, `“` … `”` nest (each `”` closes the latest open
  /// `“`, so converting a pair never re-pairs the others: idempotent); a pair is converted
  /// when Persian text stands before it, after it, or first inside it.
  private func guillemetPairs(_ buffer: TextBuffer) -> QuoteRoles {
    let s = buffer.scalars, flags = buffer.flags
    var result = QuoteRoles()
    let firstQuote = buffer.next(from: 0, ScalarScan.Stops(stop: StageScan.quote))
    guard firstQuote < s.count else { return result }
    result.roles = [UInt8](repeating: 0, count: s.count)
    var straight: Int? = nil
    var curly: [Int] = []

    // The first letter (or line edge) from k in the direction `step`: where the scan
    // stopped and what it found are remembered, so that a line of quotes without
    // letters between them is scanned once, not once per quote.
    var memo = [StrongMemo(step: -1), StrongMemo(step: 1)]
    func strongIsPersian(from k: Int, step: Int) -> Bool {
      let m = step < 0 ? 0 : 1
      if let answer = memo[m].answer(at: k) { return answer }
      var j = k
      var answer = false
      while j >= 0 && j < s.count && s[j] != 0x0A {
        if memo[m].covers(j) {
          answer = memo[m].value
          j = memo[m].stop
          break
        }
        let c = classOf(s[j])
        if c.contains(.letter) {
          answer = flags[j].contains(.persian) && !flags[j].contains(.protected) && c.contains(.arabicScript)
          break
        }
        j += step
      }
      memo[m].remember(from: k, stop: j, answer)
      return answer
    }
    func consider(_ open: Int, _ close: Int) {
      if strongIsPersian(from: open - 1, step: -1) || strongIsPersian(from: close + 1, step: 1)
        || strongIsPersian(from: open + 1, step: 1)
      {
        result.roles[open] = QuoteRoles.opening
        result.roles[close] = QuoteRoles.closing
      }
    }
    var i = firstQuote
    while i < s.count {
      defer { i = buffer.next(from: i + 1, Self.quotesAndLines) }
      let v = s[i]
      if flags[i].contains(.protected) { continue }
      switch v {
      case 0x0A:
        straight = nil
        curly.removeAll(keepingCapacity: true)
      case 0x22:
        if let open = straight {
          consider(open, i)
          straight = nil
        } else {
          straight = i
        }
      case 0x201C:
        curly.append(i)
      case 0x201D:
        if let open = curly.popLast() { consider(open, i) }
      default:
        break
      }
    }
    return result
  }
}

/// The last scan for a strong letter in one direction: every start between `from` and
/// `stop` (where the scan found a letter or a line edge) has the same answer.
private struct StrongMemo {
  let step: Int
  var from = 0
  var stop = 0
  var value = false
  var valid = false

  /// Whether `k` lies between the last scan's start and its stop.
  func covers(_ k: Int) -> Bool {
    valid && (step < 0 ? (stop <= k && k <= from) : (from <= k && k <= stop))
  }

  func answer(at k: Int) -> Bool? { covers(k) ? value : nil }

  mutating func remember(from k: Int, stop: Int, _ answer: Bool) {
    (from, self.stop, value, valid) = (k, stop, answer, true)
  }
}

/// Which quotation marks become guillemets: empty (no lookups) when the text has none.
struct QuoteRoles {
  static let opening: UInt8 = 1
  static let closing: UInt8 = 2
  var roles: [UInt8] = []

  /// `true` for an opening mark to convert, `false` for a closing one, nil otherwise.
  @inline(__always)
  subscript(k: Int) -> Bool? {
    guard !roles.isEmpty, roles[k] != 0 else { return nil }
    return roles[k] == Self.opening
  }
}
