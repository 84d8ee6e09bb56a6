/// Stage 3b — affix ZWNJ and compounds, Persian spans only (PERSIAN.md A.6).
///
/// A space between a word and its affix becomes ZWNJ (or disappears after a letter
/// that does not join the next one):
/// - «می»/«نمی» + a conjugated form of a known verb stem (`می خواهد` → `می‌خواهد`;
///   `میز`, `ماه می ۲۰۲۴` are left alone);
/// - a word + ها/های/هایی and their possessive forms;
/// - a known adjective + تر/ترین (not بهتر مهتر کهتر بیشتر کمتر, written glued);
/// - a word ending in silent ه + ای/ام/ات/اش/اند/ایم/اید (`خانه ای` → `خانه‌ای`).
/// Two free words are never joined; a glued compound is split only when the curated
/// list names it (`آگاهسیستم` → `آگاه‌سیستم`).
struct AffixJoiner {
  let classOf = ScalarClasses.shared
  var lexicon: PersianLexicon

  private struct Token {
    var range: Range<Int>
    var key: UInt64
  }

  func apply(_ buffer: TextBuffer, _ report: inout ChangeRecorder) -> TextBuffer {
    let s = buffer.scalars
    let flags = buffer.flags
    let n = s.count
    // Stream the tokens of Persian spans (runs of Arabic letters, marks and ZWNJ),
    // deciding each join as the next token arrives; rewrite once at the end.
    var edits: [(range: Range<Int>, replacement: [UInt32], kind: ChangeKind)] = []
    var previous: Token? = nil
    var i = 0
    while i < n {
      guard inToken(s, flags, i) else {
        // Anything but plain spaces between two tokens ends the chance of a join.
        if s[i] != 0x20 { previous = nil }
        i += 1
        continue
      }
      let (j, h) = s.withUnsafeBufferPointer { sp in
        flags.withUnsafeBufferPointer { fp in
          var j = i
          var h = PersianLexicon.fnvBasis
          while j < n && inToken(sp, fp, j) {
            h = PersianLexicon.fnv(h, sp[j])
            j += 1
          }
          return (j, h)
        }
      }
      let token = Token(range: i..<j, key: h)
      if token.range.count >= lexicon.shortestCompound, let joined = lexicon.compounds[token.key] {
        edits.append((token.range, joined, .compoundZWNJ))
      }
      if let word = previous, joinsAffix(word, token, s) {
        // The word's last letter (past its marks) decides between ZWNJ and gluing.
        var k = word.range.upperBound - 1
        while k > word.range.lowerBound && classOf(s[k]).contains(.mark) { k -= 1 }
        if s[k] != 0x200C {
          let gap = word.range.upperBound..<token.range.lowerBound
          edits.append((gap, classOf(s[k]).contains(.nonJoiningNext) ? [] : [0x200C], .affixJoin))
        }
      }
      previous = token
      i = j
    }
    guard !edits.isEmpty else { return buffer }
    // A compound edit of a token comes after the join into it: order by position.
    edits.sort { $0.range.lowerBound < $1.range.lowerBound }
    var out = Rewriter(buffer)
    var position = 0
    for edit in edits {
      out.keep(position..<edit.range.lowerBound)
      out.replace(edit.range, with: edit.replacement, edit.kind, &report)
      position = edit.range.upperBound
    }
    out.keep(position..<n)
    return out.output
  }

  private func joinsAffix(_ word: Token, _ affix: Token, _ s: [UInt32]) -> Bool {
    let w = s[word.range]
    let wordFirst = s[word.range.lowerBound], affixFirst = s[affix.range.lowerBound]
    // Cheap first-letter and length checks keep hash lookups off most word pairs.
    if (wordFirst == 0x0645 || wordFirst == 0x0646) && word.range.count <= 3 && Affixes.verbPrefixes.contains(word.key) {
      return lexicon.verbForms.contains(affix.key)
    }
    if affixFirst == 0x0647 && affix.range.count <= 6 && Affixes.plural.contains(affix.key) {
      return w.count >= 2 && w.last != 0x200C
    }
    if affixFirst == 0x062A && affix.range.count <= 4 && Affixes.comparative.contains(affix.key) {
      return lexicon.adjectives.contains(word.key) && !Affixes.gluedComparatives.contains(word.key)
    }
    if affixFirst == 0x0627 && affix.range.count <= 3 && Affixes.afterSilentHeh.contains(affix.key) {
      // Silent ه: a word of three letters or more ending in ه, not after ا or و
      // (ماه، راه، کوه end in a pronounced h).
      guard w.count >= 3, w.last == 0x0647 else { return false }
      let before = w[w.index(before: w.endIndex) - 1]
      return before != 0x0627 && before != 0x0648 && before != 0x0622
    }
    return false
  }

  /// Whether scalar `k` belongs to a token of a Persian span.
  @inline(__always)
  private func inToken(_ s: some RandomAccessCollection<UInt32>, _ flags: some RandomAccessCollection<SpanFlags>, _ k: Int)
    -> Bool
  {
    let f = flags[flags.index(flags.startIndex, offsetBy: k)]
    guard f.contains(.persian), !f.contains(.protected) else { return false }
    let v = s[s.index(s.startIndex, offsetBy: k)]
    if v >= 0x0621 && v <= 0x064A { return true }  // the common case, without a table lookup
    return isTokenScalar(v)
  }

  @inline(__always)
  private func isTokenScalar(_ v: UInt32) -> Bool {
    if v == 0x200C { return true }
    let c = classOf(v)
    return c.contains(.arabicScript) && (c.contains(.letter) || c.contains(.mark))
  }
}

enum Affixes {
  static let verbPrefixes: WordSet = keys("می نمی")
  static let plural = keys("ها های هایی هایم هایت هایش هایمان هایتان هایشان")
  static let comparative = keys("تر ترین")
  static let gluedComparatives = keys("به مه که بیش کم")
  static let afterSilentHeh = keys("ای ام ات اش اند ایم اید")

  private static func keys(_ list: String) -> WordSet {
    WordSet(list.split(separator: " ").map { PersianLexicon.key(String($0)) })
  }
}
