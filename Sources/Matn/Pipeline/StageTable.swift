import MatnICU

/// The one scan table of the normaliser: each scalar's ``StageScan`` bits, the
/// character bits from `Text/` and each stage's declared interests (its `attends`,
/// `inert` or `letterKind`). The stages never build it; the pipeline that runs them
/// does, so the stages depend on `Text/` only. It is an ``EmbeddedTable`` read in place;
/// ``bits(_:)`` is its source, which `scripts/build-tables` writes it from.
enum StageTable {
  /// The embedded table's resource.
  static let resourceName = "Tables/stage-scan.bin"

  static let shared = ScalarScan.Table.embedded(resourceName, supplementary: StageScan.supplementary, bits)

  /// The table's source: each scalar's bits.
  static func bits(_ v: UInt32) -> UInt16 {
    var bits = StageScan.characterBits(v)
    if Cleanup.attends(v) { bits |= StageScan.cleanup }
    if PersianLetters.attends(v) { bits |= StageScan.persianLetters }
    if !PersianPunctuation.inert(v) && v != 0x20 { bits |= StageScan.punctuation }
    if LetterStatisticsClassifier.letterKind(v) != 0 { bits |= StageScan.evidenceLetter }
    if !Normalizer.nfc.isSimple(v) { bits |= StageScan.notNFCSimple }
    return bits
  }

  /// The entries of the embedded table, as computed from ``bits(_:)``.
  static func computed() -> [UInt16] { ScalarScan.Table.entries(supplementary: StageScan.supplementary, bits) }
}
