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

/// The Unicode Bidi_Class property (DerivedBidiClass.txt): a character's type for the
/// bidirectional algorithm (UAX #9). Raw values are ICU's `UCharDirection`.
public enum BidiClass: Int32, Sendable, Hashable, CaseIterable {
  /// Strong left-to-right (L): Latin, Cyrillic, Han letters.
  case leftToRight = 0
  /// Strong right-to-left (R): Hebrew letters.
  case rightToLeft = 1
  /// European number (EN): ASCII and Persian/Extended Arabic-Indic digits.
  case europeanNumber = 2
  /// European number separator (ES): `+`, `-`.
  case europeanSeparator = 3
  /// European number terminator (ET): `$`, `%`, `#`.
  case europeanTerminator = 4
  /// Arabic number (AN): Arabic-Indic digits ٠–٩, the Arabic decimal separator.
  case arabicNumber = 5
  /// Common number separator (CS): `,`, `.`, `:`, `/`.
  case commonSeparator = 6
  /// Paragraph separator (B): line feed, carriage return, U+2029.
  case paragraphSeparator = 7
  /// Segment separator (S): tab.
  case segmentSeparator = 8
  /// White space (WS).
  case whiteSpace = 9
  /// Other neutral (ON): most punctuation and symbols.
  case otherNeutral = 10
  /// Left-to-right embedding (LRE, U+202A).
  case leftToRightEmbedding = 11
  /// Left-to-right override (LRO, U+202D).
  case leftToRightOverride = 12
  /// Strong right-to-left Arabic letter (AL): Arabic, Persian, Syriac, Thaana letters.
  case arabicLetter = 13
  /// Right-to-left embedding (RLE, U+202B).
  case rightToLeftEmbedding = 14
  /// Right-to-left override (RLO, U+202E).
  case rightToLeftOverride = 15
  /// Pop directional format (PDF, U+202C).
  case popDirectionalFormat = 16
  /// Nonspacing mark (NSM).
  case nonspacingMark = 17
  /// Boundary neutral (BN): ZWJ, ZWNJ, soft hyphen, controls.
  case boundaryNeutral = 18
  /// First-strong isolate (FSI, U+2068).
  case firstStrongIsolate = 19
  /// Left-to-right isolate (LRI, U+2066).
  case leftToRightIsolate = 20
  /// Right-to-left isolate (RLI, U+2067).
  case rightToLeftIsolate = 21
  /// Pop directional isolate (PDI, U+2069).
  case popDirectionalIsolate = 22

  /// Strong right-to-left: R or AL.
  public var isStrongRightToLeft: Bool { self == .rightToLeft || self == .arabicLetter }

  /// An isolate initiator: LRI, RLI or FSI.
  public var isIsolateInitiator: Bool {
    self == .leftToRightIsolate || self == .rightToLeftIsolate || self == .firstStrongIsolate
  }
}

extension Unicode.Scalar {
  /// The scalar's Bidi_Class.
  ///
  /// The corresponding C function is `u_charDirection`.
  public var bidiClass: BidiClass {
    BidiClass(rawValue: cicu_bidi_class(value)) ?? .leftToRight
  }

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
