// Source-code literals for bidi control hygiene: string literals and comments on a
// line (and block comments across lines), where UTS #55 wants controls balanced.
extension BidiControls {
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

  static func finish(
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

}
