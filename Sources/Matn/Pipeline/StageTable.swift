import MatnICU

/// The one scan table of the normaliser: each scalar's ``StageScan`` bits, the
/// character bits from `Text/` and each stage's declared interests (its `attends`,
/// `inert` or `letterKind`), built once. The stages never build it; the pipeline that
/// runs them does, so the stages depend on `Text/` only.
enum StageTable {
  static let shared = ScalarScan.Table(supplementary: StageScan.supplementary) { v in
    var bits = StageScan.characterBits(v)
    if Cleanup.attends(v) { bits |= StageScan.cleanup }
    if PersianLetters.attends(v) { bits |= StageScan.persianLetters }
    if !PersianPunctuation.inert(v) && v != 0x20 { bits |= StageScan.punctuation }
    if LetterStatisticsClassifier.letterKind(v) != 0 { bits |= StageScan.evidenceLetter }
    return bits
  }
}
