import CICUShim

/// The Unicode Joining_Type property (ArabicShaping.txt): how a character joins its
/// neighbours in cursive scripts such as Arabic.
public enum JoiningType: Int32, Sendable, Hashable {
  /// Does not join (ء, most non-Arabic characters).
  case nonJoining = 0
  /// Causes joining (ZWJ, tatweel).
  case joinCausing = 1
  /// Joins on both sides (ب, ه, ی).
  case dualJoining = 2
  /// Joins only to the left.
  case leftJoining = 3
  /// Joins only to the preceding letter (ا, د, ر, و): a ZWNJ after it is meaningless.
  case rightJoining = 4
  /// Transparent to joining (marks).
  case transparent = 5
}

/// The Unicode Bidi_Paired_Bracket_Type property (BidiBrackets.txt): whether a
/// character is an opening or closing paired bracket, as used by rule N0 of the bidi
/// algorithm (and by script itemizers, which give a closing bracket the script of its
/// opening one).
public enum BidiPairedBracketType: Int32, Sendable, Hashable {
  /// Not a paired bracket (quotation marks such as « » and “ ” are not).
  case none = 0
  /// An opening bracket: `(`, `[`, `{`, `⁅`, `「`…
  case open = 1
  /// A closing bracket: `)`, `]`, `}`, `⁆`, `」`…
  case close = 2
}

extension Unicode.Scalar {
  /// The scalar's Bidi_Paired_Bracket_Type.
  ///
  /// The corresponding C function is `u_getIntPropertyValue(c, UCHAR_BIDI_PAIRED_BRACKET_TYPE)`.
  public var bidiPairedBracketType: BidiPairedBracketType {
    BidiPairedBracketType(rawValue: cicu_bidi_paired_bracket_type(value)) ?? .none
  }

  /// The scalar's Bidi_Paired_Bracket: the bracket that pairs with it (`)` for `(`,
  /// `(` for `)`), or the scalar itself when it is not a paired bracket.
  ///
  /// The corresponding C function is `u_getBidiPairedBracket`.
  public var bidiPairedBracket: Unicode.Scalar {
    Unicode.Scalar(cicu_bidi_paired_bracket(value)) ?? self
  }

  /// The scalar's Joining_Type.
  ///
  /// The corresponding C function is `u_getIntPropertyValue(c, UCHAR_JOINING_TYPE)`.
  public var joiningType: JoiningType {
    JoiningType(rawValue: cicu_joining_type(value)) ?? .nonJoining
  }

  /// Whether the scalar has the Extended_Pictographic property (emoji and the
  /// pictographs reserved for them), as used by grapheme and emoji segmentation.
  ///
  /// The corresponding C function is `u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)`.
  public var isExtendedPictographic: Bool { cicu_is_extended_pictographic(value) != 0 }

  /// Whether the scalar is an emoji skin-tone modifier (Emoji_Modifier).
  public var isEmojiModifier: Bool { cicu_is_emoji_modifier(value) != 0 }
}
