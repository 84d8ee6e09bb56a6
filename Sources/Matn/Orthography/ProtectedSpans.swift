import MatnICU

/// Finds the spans that pass through the normaliser byte-identical: URLs, e-mail
/// addresses, HTML entities, numbers written with ASCII digits and separators
/// (`1,200`, `3.14`, `12:30`, `2024-03-12`), Latin words and emoji sequences.
///
/// Numbers in Persian or Arabic-Indic digits inside Persian text are Persian text: the
/// digit and decimal-separator rules apply to them (PERSIAN.md A.3, A.7).
///
/// So do the words a house style never touches (``TextNormalizer/Options/protectedWords``):
/// an Arabic-script word (letters, marks, ZWNJ) whose scalars are one of them, exactly.
struct ProtectedSpans {
  let classOf = ScalarClasses.shared
  /// Keys (``WordSet/key(_:)``) of the words never touched; nil for none.
  var words: WordSet?

  func mark(_ buffer: inout TextBuffer) {
    let scan = buffer
    buffer.flags.withUnsafeMutableBufferPointer { flags in
      mark(scan, &flags)
      if let words { mark(words, scan, &flags) }
    }
  }

  private func mark(_ words: WordSet, _ buffer: TextBuffer, _ flags: inout UnsafeMutableBufferPointer<SpanFlags>) {
    buffer.bits.withUnsafeBufferPointer { bits in
      buffer.scalars.withUnsafeBufferPointer { scalars in
        ScalarScan.forEachToken(bits: bits, in: 0..<scalars.count, tokenMask: StageScan.token) { token in
          if words.contains(WordSet.key(scalars[token.range])) {
            for k in token.range { flags[k].insert(.protected) }
          }
          return nil
        }
      }
    }
  }

  private func mark(_ buffer: TextBuffer, _ flags: inout UnsafeMutableBufferPointer<SpanFlags>) {
    let s = buffer.scalars
    let n = s.count
    var i = 0
    while i < n {
      // Skip, in one call, what never starts a protected span (Arabic-script text,
      // spaces, most punctuation).
      i = buffer.next(from: i, Self.stops)
      guard i < n else { break }
      let v = s[i]
      if v < 0x80, v != 0x20, let end = url(s, i) ?? email(s, i) ?? entity(s, i) {
        for k in i..<end { flags[k].insert(.protected) }
        i = end
        continue
      }
      let c = classOf(v)
      if v >= 0x30 && v <= 0x39 {
        let end = asciiNumber(s, i)
        for k in i..<end { flags[k].insert(.protected) }
        i = end
      } else if c.contains(.latin) && c.contains(.letter) {
        var j = i + 1
        while j < n {
          let w = s[j]
          let cw = classOf(w)
          // A URL glued to a word starts its own span (Tehranhttps://…).
          if (w == 0x68 || w == 0x66) && url(s, j) != nil { break }
          if cw.contains(.latin) || cw.contains(.mark) && !cw.contains(.arabicScript) { j += 1; continue }
          // Apostrophes and hyphens inside a word: don't, Ali-Akbar.
          if (w == 0x27 || w == 0x2019 || w == 0x2D) && j + 1 < n && classOf(s[j + 1]).contains(.latin) {
            j += 2
            continue
          }
          break
        }
        for k in i..<j { flags[k].insert(.protected) }
        i = j
      } else if c.contains(.emoji) || (isRegionalIndicator(v)) {
        var j = i + 1
        while j < n {
          let w = s[j]
          if classOf(w).contains(.emoji) || w == 0x200D || w == 0xFE0F || isRegionalIndicator(w)
            || (w >= 0xE0020 && w <= 0xE007F)
          {
            j += 1
          } else {
            break
          }
        }
        for k in i..<j { flags[k].insert(.protected) }
        i = j
      } else {
        i += 1
      }
    }
  }

  private static let stops = ScalarScan.Stops(stop: StageScan.protectedStart)

  private func isRegionalIndicator(_ v: UInt32) -> Bool { v >= 0x1F1E6 && v <= 0x1F1FF }

  @inline(__always)
  private func isASCIIAlnum(_ v: UInt32) -> Bool {
    (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
  }

  private func matches(_ s: [UInt32], _ i: Int, _ ascii: StaticString) -> Bool {
    guard s.count - i >= ascii.utf8CodeUnitCount else { return false }
    var k = i
    for u in UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount) {
      guard k < s.count else { return false }
      var v = s[k]
      if v >= 0x41 && v <= 0x5A { v += 0x20 }
      if v != UInt32(u) { return false }
      k += 1
    }
    return true
  }

  /// `http://…`, `https://…`, `ftp://…`, `www.…` up to white space, quotes,
  /// guillemets or Arabic-script text, without trailing punctuation.
  private func url(_ s: [UInt32], _ i: Int) -> Int? {
    let v = s[i]
    guard v == 0x68 || v == 0x48 || v == 0x66 || v == 0x46 || v == 0x77 || v == 0x57 else { return nil }
    let scheme = matches(s, i, "http://") || matches(s, i, "https://") || matches(s, i, "ftp://")
    // A scheme is distinctive anywhere; `www.` only at the start of a word.
    guard scheme || (matches(s, i, "www.") && (i == 0 || !classOf(s[i - 1]).contains(.letter))) else { return nil }
    var j = i
    while j < s.count {
      let w = s[j]
      // A URL ends at white space, quotes, angle brackets, guillemets, and Arabic-script
      // text glued to it (news text, not an IRI path).
      if w <= 0x20 || w == 0x22 || w == 0x3C || w == 0x3E || w == 0xAB || w == 0xBB || w == 0x201C || w == 0x201D
        || classOf(w).contains(.space) || classOf(w).contains(.arabicScript) || w == 0x200C || w == 0x200D
      {
        break
      }
      j += 1
    }
    while j > i {
      let w = s[j - 1]
      if [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x27, 0x60C, 0x61B, 0x61F].contains(w) { j -= 1 } else { break }
    }
    return j > i + 4 ? j : nil
  }

  /// `local@domain.tld` with an ASCII local part and domain.
  private func email(_ s: [UInt32], _ i: Int) -> Int? {
    guard isLocalPart(s[i]), i == 0 || !isLocalPart(s[i - 1]) else { return nil }
    var j = i
    while j < s.count && isLocalPart(s[j]) { j += 1 }
    guard j < s.count, s[j] == 0x40 else { return nil }
    var k = j + 1
    var lastDot = -1
    while k < s.count && (isASCIIAlnum(s[k]) || s[k] == 0x2D || s[k] == 0x2E) {
      if s[k] == 0x2E { lastDot = k }
      k += 1
    }
    while k > j + 1 && s[k - 1] == 0x2E { k -= 1 }
    guard lastDot > j + 1, lastDot < k - 2 else { return nil }
    return k
  }

  private func isLocalPart(_ v: UInt32) -> Bool {
    isASCIIAlnum(v) || v == 0x2E || v == 0x5F || v == 0x25 || v == 0x2B || v == 0x2D
  }

  /// `&amp;`, `&#1740;`, `&#x6CC;`.
  private func entity(_ s: [UInt32], _ i: Int) -> Int? {
    guard s[i] == 0x26 else { return nil }
    var j = i + 1
    if j < s.count && s[j] == 0x23 {
      j += 1
      let hex = j < s.count && (s[j] == 0x78 || s[j] == 0x58)
      if hex { j += 1 }
      let start = j
      while j < s.count && j - start < 7
        && ((s[j] >= 0x30 && s[j] <= 0x39) || hex && ((s[j] >= 0x41 && s[j] <= 0x46) || (s[j] >= 0x61 && s[j] <= 0x66)))
      {
        j += 1
      }
      guard j > start, j < s.count, s[j] == 0x3B else { return nil }
      return j + 1
    }
    let start = j
    while j < s.count && j - start < 32 && isASCIIAlnum(s[j]) { j += 1 }
    guard j - start >= 2, j < s.count, s[j] == 0x3B else { return nil }
    return j + 1
  }

  /// An ASCII-digit number with its internal separators (`1,200.50`, `12:30`,
  /// `2024-03-12`, `1/2`); a lone digit run is protected too.
  private func asciiNumber(_ s: [UInt32], _ i: Int) -> Int {
    var j = i
    while j < s.count {
      let w = s[j]
      if w >= 0x30 && w <= 0x39 { j += 1; continue }
      if [0x2C, 0x2E, 0x3A, 0x2F, 0x2D, 0x27].contains(w), j + 1 < s.count, s[j + 1] >= 0x30 && s[j + 1] <= 0x39 {
        j += 2
        continue
      }
      break
    }
    return j
  }
}
