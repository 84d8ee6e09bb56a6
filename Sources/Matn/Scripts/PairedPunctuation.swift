import MatnICU

/// Pairs of punctuation whose closing mark takes the script of the run holding the
/// opening one, as ICU's and HarfBuzz's script itemizers do: every Bidi_Paired_Bracket
/// pair from ICU (`(` `)`, `[` `]`, `{` `}`, `「` `」`, `《` `》`…), and the quotation
/// marks below, which are not bidi brackets.
///
/// The straight ASCII quotes `"` and `'` open and close with the same character, so
/// they cannot be paired from context: they stay ordinary Common characters.
enum PairedPunctuation {
  /// Quotation marks (opening, closing): guillemets as in Persian, French and Russian,
  /// English curly quotes, and German low-high quotes.
  static let quotations: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [
    ("«", "»"), ("‹", "›"), ("“", "”"), ("‘", "’"), ("„", "“"), ("„", "”"), ("‚", "‘"), ("‚", "’"),
  ]

  static let quotationOpeners = Set(quotations.map(\.open.value))
  static let quotationClosers = Set(quotations.map(\.close.value))

  /// Every pair, `open << 32 | close`.
  static let pairs: Set<UInt64> = {
    var pairs = Set(quotations.map { UInt64($0.open.value) << 32 | UInt64($0.close.value) })
    for v in UInt32(0)..<0x10000 {
      guard let scalar = Unicode.Scalar(v), scalar.bidiPairedBracketType == .open else { continue }
      pairs.insert(UInt64(v) << 32 | UInt64(scalar.bidiPairedBracket.value))
    }
    return pairs
  }()

  /// Whether `close` closes a pair opened by `open`.
  static func closes(_ close: UInt32, _ open: UInt32) -> Bool { pairs.contains(UInt64(open) << 32 | UInt64(close)) }
}
