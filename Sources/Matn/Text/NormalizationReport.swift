/// A kind of fix the normaliser makes. Every change it makes is one of these, counted
/// in the ``NormalizationReport``.
public enum ChangeKind: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable, Hashable {
  // Cleanup
  /// CR LF, CR, NEL or LINE SEPARATOR → LF; PARAGRAPH SEPARATOR → blank line.
  case lineEnding
  /// No-break, thin and other space separators → SPACE.
  case spaceSeparator
  /// Tab → SPACE.
  case tab
  /// A byte order mark (U+FEFF) removed.
  case byteOrderMark
  /// ZERO WIDTH SPACE or WORD JOINER removed.
  case zeroWidthSpace
  /// SOFT HYPHEN removed (outside Arabic-script words).
  case softHyphen
  /// A C0 or C1 control character removed.
  case controlCharacter
  /// A bidi control (LRE RLE PDF LRO RLO LRI RLI FSI PDI LRM RLM ALM) removed.
  case bidiControl
  /// ZERO WIDTH JOINER removed: outside emoji sequences and Indic conjuncts, where it
  /// is no half-space.
  case strayJoiner
  /// NOT SIGN or SOFT HYPHEN typed as a half-space (between two Arabic letters, the
  /// first joining the next) → ZWNJ.
  case halfSpace
  /// LRM, RLM or ARABIC LETTER MARK typed as a half-space → ZWNJ.
  case bidiMarkAsZWNJ
  /// ZERO WIDTH SPACE or ZERO WIDTH NO-BREAK SPACE typed as a half-space → ZWNJ.
  case zeroWidthSpaceAsZWNJ
  /// ZERO WIDTH JOINER typed as a half-space (between two Arabic letters, the first
  /// joining the next) → ZWNJ.
  case joinerAsZWNJ
  /// Spaces at the start or end of a line removed.
  case lineEdgeSpace
  /// A run of spaces reduced to one.
  case repeatedSpace
  /// More than one blank line, or blank lines at the start or end, removed.
  case blankLine
  /// A combining mark of one script on a letter of another removed: an Arabic mark
  /// (fatha, kasra, tanwin…) on a Latin letter ("Antَnio"), a Latin accent on an Arabic
  /// letter.
  case wrongScriptMark

  // Orthography (Persian spans only, except presentation forms)
  /// An Arabic presentation form → its NFKC letters.
  case presentationForm
  /// Arabic yeh ي or alef maksura ى → Persian yeh ی.
  case arabicYeh
  /// Arabic kaf ك → Persian keheh ک.
  case arabicKaf
  /// ۀ (U+06C0) → ه + hamza above (U+0654), per ISIRI 6219.
  case hehWithYeh
  /// Arabic-Indic digit → Persian digit.
  case arabicIndicDigit
  /// Tatweel (kashida) removed.
  case tatweel
  /// A short-vowel mark (fatha, kasra, damma, sukun, shadda, tanwin) removed.
  case diacritic
  /// A letter repeated three or more times for emphasis reduced to one.
  case repeatedLetter
  /// A run of ZWNJ reduced to one.
  case repeatedZWNJ
  /// ZWNJ next to a space, punctuation, digit, non-Arabic letter or text edge removed.
  case strayZWNJ
  /// ZWNJ after a letter that does not join the next one removed.
  case zwnjAfterNonJoiner
  /// A space between a word and its affix (می/نمی, ها, تر/ترین, ای/ام/اند…) → ZWNJ.
  case affixJoin
  /// A compound written glued, from the curated list, split with its ZWNJ.
  case compoundZWNJ
  /// A word typed glued to its affix split with ZWNJ (میکنند → می‌کنند, رسانهها → رسانه‌ها,
  /// خانهای → خانه‌ای, بزرگترین → بزرگ‌ترین).
  case affixSplit
  /// The ezafe after silent ه written in the chosen style (خانه ی / خانه‌ی / خانۀ → خانهٔ,
  /// or → خانه‌ی): ی and ZWNJ ↔ U+0654, the one change that trades a letter for a mark.
  case ezafe
  /// `?` `,` `;` → `؟` `،` `؛` between Persian words.
  case persianPunctuation
  /// Space before punctuation removed or space after it added, in Persian text.
  case punctuationSpacing
  /// ASCII double quotes around a Persian quotation → guillemets « ».
  case guillemets
  /// `.` between Persian digits → Persian decimal separator ٫.
  case decimalSeparator
  /// `%` after Persian digits → Persian percent sign ٪ (the space before it removed
  /// and counted as ``punctuationSpacing``).
  case percentSign
  /// `,` grouping Persian digits by thousands → Persian thousands separator ٬.
  case thousandsSeparator

  // Unicode
  /// A line changed by the profile's Unicode normalization form (NFC or NFKC).
  case unicodeNormalization

  /// The position of this kind in `allCases` (a jump table, not a hash lookup).
  var ordinal: Int {
    switch self {
    case .lineEnding: 0
    case .spaceSeparator: 1
    case .tab: 2
    case .byteOrderMark: 3
    case .zeroWidthSpace: 4
    case .softHyphen: 5
    case .controlCharacter: 6
    case .bidiControl: 7
    case .strayJoiner: 8
    case .halfSpace: 9
    case .bidiMarkAsZWNJ: 10
    case .zeroWidthSpaceAsZWNJ: 11
    case .joinerAsZWNJ: 12
    case .lineEdgeSpace: 13
    case .repeatedSpace: 14
    case .blankLine: 15
    case .wrongScriptMark: 16
    case .presentationForm: 17
    case .arabicYeh: 18
    case .arabicKaf: 19
    case .hehWithYeh: 20
    case .arabicIndicDigit: 21
    case .tatweel: 22
    case .diacritic: 23
    case .repeatedLetter: 24
    case .repeatedZWNJ: 25
    case .strayZWNJ: 26
    case .zwnjAfterNonJoiner: 27
    case .affixJoin: 28
    case .compoundZWNJ: 29
    case .affixSplit: 30
    case .ezafe: 31
    case .persianPunctuation: 32
    case .punctuationSpacing: 33
    case .guillemets: 34
    case .decimalSeparator: 35
    case .percentSign: 36
    case .thousandsSeparator: 37
    case .unicodeNormalization: 38
    }
  }

  /// The stage this kind of change belongs to.
  public var stage: NormalizationStage {
    switch self {
    case .lineEnding, .spaceSeparator, .tab, .byteOrderMark, .zeroWidthSpace, .softHyphen,
      .controlCharacter, .bidiControl, .strayJoiner, .halfSpace, .bidiMarkAsZWNJ, .zeroWidthSpaceAsZWNJ,
      .joinerAsZWNJ, .lineEdgeSpace, .repeatedSpace, .blankLine, .wrongScriptMark:
      .cleanup
    case .unicodeNormalization: .unicodeForm
    default: .orthography
    }
  }
}

/// The stages of the pipeline, in order.
public enum NormalizationStage: String, CaseIterable, Sendable, Codable {
  case cleanup, orthography, unicodeForm
}

/// One change, located in the original input.
public struct NormalizationChange: Sendable, Hashable, Codable {
  public var kind: ChangeKind
  /// UTF-8 byte offsets of the changed text in the original input (empty for an
  /// insertion, at the insertion point).
  public var utf8Range: Range<Int>
}

/// What a normalisation did: counts per kind of fix (always), the original positions
/// of removed bidi controls (always), and the original range of every change (when
/// requested with ``TextNormalizer/Options/recordsRanges``).
public struct NormalizationReport: Sendable, Hashable, Codable {
  /// How many changes of each kind were made (kinds with no change are absent).
  public var counts: [ChangeKind: Int]
  /// UTF-8 byte offsets (in the original input) of each bidi control that was removed.
  public var bidiControlOffsets: [Int]
  /// Every change with its original range, in order, if requested; else empty.
  public var changes: [NormalizationChange]

  /// Total changes.
  public var totalChanges: Int { counts.values.reduce(0, +) }

  /// The counts of one stage.
  public func counts(in stage: NormalizationStage) -> [ChangeKind: Int] {
    counts.filter { $0.key.stage == stage }
  }

  /// The count for one kind (0 if none).
  public subscript(kind: ChangeKind) -> Int { counts[kind] ?? 0 }
}

/// Accumulates counts (in a flat array: this sits on the hot path) and, on request,
/// each change's range.
struct ChangeRecorder {
  private var countsByKind: [Int]
  private(set) var changes: [NormalizationChange] = []
  private(set) var bidiControlOffsets: [Int] = []
  let recordsRanges: Bool
  /// Set when a deletion may have left two spaces together or a space at a line edge.
  var spacingDisturbed = false
  /// Added to the bidi control offsets recorded: where, in the whole input, the text
  /// being normalised starts (a segment of a long text, see ``TextNormalizer``).
  var utf8Base = 0
  private static let kinds = ChangeKind.allCases

  init(recordsRanges: Bool) {
    self.recordsRanges = recordsRanges
    countsByKind = [Int](repeating: 0, count: Self.kinds.count)
  }

  @inline(__always)
  mutating func record(_ kind: ChangeKind, _ origin: Range<Int32>) {
    countsByKind[kind.ordinal] += 1
    if recordsRanges {
      changes.append(NormalizationChange(kind: kind, utf8Range: Int(origin.lowerBound)..<Int(origin.upperBound)))
    }
  }

  /// How many changes of `kind` were recorded so far.
  func count(of kind: ChangeKind) -> Int { countsByKind[kind.ordinal] }

  mutating func recordBidiControl(at offset: Int32?) {
    if let offset { bidiControlOffsets.append(utf8Base + Int(offset)) }
  }

  var report: NormalizationReport {
    var counts: [ChangeKind: Int] = [:]
    for (i, n) in countsByKind.enumerated() where n > 0 { counts[Self.kinds[i]] = n }
    return NormalizationReport(counts: counts, bidiControlOffsets: bidiControlOffsets, changes: changes)
  }
}
