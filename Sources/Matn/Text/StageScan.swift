import MatnICU

/// What each stage must look at, one bit per question, in one table: stages skip
/// everything else with ``ScalarScan/Table/next(in:from:_:)`` — a branch-free C loop —
/// and apply their exact rules only where a scan stops. The bits may say "look" too
/// often (every supplementary scalar has all of them), never too rarely: a stage's
/// slow path must keep what it does not change.
enum StageScan {
  /// Cleanup may change it (controls, invisibles, space separators, line separators,
  /// presentation forms, bidi controls).
  static let cleanup: UInt16 = 1 << 0
  /// May start a protected span: printable ASCII but the space, Latin letters, emoji.
  static let protectedStart: UInt16 = 1 << 1
  /// Ends an Arabic-script span: line feed, quotation marks, a letter of another script.
  static let spanBoundary: UInt16 = 1 << 2
  /// An Arabic-script letter.
  static let arabicLetter: UInt16 = 1 << 3
  /// Persian letters may change it, or it may continue a run of repeated letters:
  /// ي ى ك ۀ ە, tatweel, short vowels, Arabic-Indic digits, ZWNJ.
  static let persianLetters: UInt16 = 1 << 4
  /// Persian punctuation may change or space it (everything but spaces, letters of
  /// any script, digits and other inert scalars).
  static let punctuation: UInt16 = 1 << 5
  /// SPACE.
  static let space: UInt16 = 1 << 6
  /// LINE FEED.
  static let lineFeed: UInt16 = 1 << 7
  /// Part of a Persian token: an Arabic-script letter or mark (of the BMP), ZWNJ.
  static let token: UInt16 = 1 << 8
  /// A quotation mark that may become a guillemet: `"` `“` `”`.
  static let quote: UInt16 = 1 << 9
  /// ZERO WIDTH NON-JOINER.
  static let zwnj: UInt16 = 1 << 12
  /// An Arabic-script letter other than tatweel (what the span classifier counts).
  static let countedLetter: UInt16 = 1 << 10
  /// A letter the span classifier takes as evidence (Urdu ے, Pashto ښ, Persian پ…).
  static let evidenceLetter: UInt16 = 1 << 11
  /// A mark that may end a clause (``isClauseMark(_:)``): segmentation decides a span
  /// whose clauses disagree clause by clause.
  static let clauseMark: UInt16 = 1 << 13
  /// Not simple in NFC (``Normalizer/isSimple(_:)``): a text without it is in NFC as it
  /// stands (the last stage, ``UnicodeForm``, reads the bits instead of the UTF-8).
  static let notNFCSimple: UInt16 = 1 << 14

  /// The bits that follow from a scalar's character facts alone; the stages' own bits
  /// (``cleanup``, ``persianLetters``, ``punctuation``, ``evidenceLetter``,
  /// ``notNFCSimple``) come from
  /// each stage's declared interests, combined into a table by whoever runs the stages
  /// (`StageTable` in Pipeline/).
  static func characterBits(_ v: UInt32) -> UInt16 {
    let c = ScalarClass.compute(v)
    var bits: UInt16 = 0
    if (v > 0x20 && v < 0x7F) || c.isSuperset(of: [.latin, .letter]) || c.contains(.emoji) { bits |= protectedStart }
    if [0x0A, 0x22, 0xAB, 0xBB, 0x201C, 0x201D].contains(v) || c.contains(.letter) && !c.contains(.arabicScript) {
      bits |= spanBoundary
    }
    if c.isSuperset(of: .arabicLetter) { bits |= arabicLetter }
    if v == 0x20 { bits |= space }
    if v == 0x0A { bits |= lineFeed }
    if v == 0x200C || c.contains(.arabicScript) && (c.contains(.letter) || c.contains(.mark)) { bits |= token }
    if v == 0x22 || v == 0x201C || v == 0x201D { bits |= quote }
    if v == 0x200C { bits |= zwnj }
    if c.isSuperset(of: .arabicLetter) && v != 0x0640 { bits |= countedLetter }
    if isClauseMark(v) { bits |= clauseMark }
    return bits
  }

  /// Marks that end a sentence or a clause (. ! ? ؟ ; ؛ , ، : … ۔), brackets and the
  /// verse marks (( ) [ ] { } ﴾ ﴿).
  static func isClauseMark(_ v: UInt32) -> Bool {
    switch v {
    case 0x21, 0x28, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5B, 0x5D, 0x7B, 0x7D: true
    case 0x060C, 0x061B, 0x061F, 0x06D4, 0x2026, 0xFD3E, 0xFD3F: true
    default: false
    }
  }

  /// Supplementary scalars have every bit but ``token``: the stages look at them
  /// closely, and they never belong to a Persian token.
  static let supplementary: UInt16 = ~token
}
