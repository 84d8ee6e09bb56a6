import CMatnKernels
import CMatnResources
import MatnICU

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The character n-gram model behind ``LanguageIdentifier``, read in place from the
/// embedded `Language/langid.bin` (made by `scripts/train-langid` from lingua-rs's
/// Apache-2.0 n-gram tables; see Resources/Language/README.md).
///
/// Nothing is copied at load: the language list and script sets are parsed once (the
/// first time a text is identified), and lookups read the embedded bytes directly.
struct LanguageModel: @unchecked Sendable {
  /// One language of the model.
  struct Language: Sendable {
    /// BCP 47 (ISO 639-1) code.
    var code: String
    /// Its prior, in nats, added to its score: learnt by scripts/train-langid on
    /// training-side text so that no language draws the others' short texts.
    var prior: Double
    /// How well its n-grams explain its own text: the median n-gram score per letter of
    /// its training-side sentences (nil: no such text, no test).
    var fit: Double?
    /// The scripts its letters are written in (those with ≥ 5% of its letter mass).
    var scripts: Set<Script>
    /// The same as bits, by script code (codes below 256), for the hot path.
    var scriptBits: ScriptSet
    /// The log-probability that one of its Arabic-script words holds none of the letters
    /// Persian never writes (Urdu's ے ہ ں…, Sorani's ە ێ ۆ…, Pashto's, Sindhi's): learnt
    /// by scripts/train-langid from its text (`%none` rows of words.tsv); 0 for a language
    /// that writes none of them (Persian, Arabic) or has no such row.
    var wordsWithoutOwnLetters = 0.0
  }

  let languages: [Language]
  /// Each language's ``Language/scriptBits``, for the scorer (an array of the sets alone:
  /// reading them from ``languages`` copies each language's record).
  let scriptSets: [ScriptSet]
  /// The confidence scale: a guess's confidence is the softmax of the scores times this
  /// (learnt with the priors: n-gram scores sum evidence that is not independent).
  let confidenceScale: Double
  /// How far (nats per letter) a text's fit may fall below its answer's ``Language/fit``
  /// before its confidence falls, scaled by √(letters / 100): learnt by
  /// scripts/train-langid on short news sentences of our own languages (cross-validated,
  /// about one in a thousand falls further). The identifier's fit test now weighs the
  /// shortfall with the answer's lead over the runner-up, by constants of its own
  /// (``LanguageIdentifier/fitFactor(_:_:_:_:gap:shortWords:known:)``); this stays in the file for
  /// train-langid's report and scripts/tune-langid-und's diagnostics.
  let fitThreshold: Double
  /// What Arabic pays (in quanta, ≤ 0) for a Persian yeh ی and a Persian kaf ک it
  /// reads as ي and ك: the log of the share of its yehs (kafs) its own unigram table
  /// writes in the Persian form (lingua's Arabic news: about 1 in 560 yehs, 1 in 1,050
  /// kafs). Arabic quoted in Persian text is typed with the Persian letters; read as
  /// they are, every n-gram around them was unseen to Arabic, and a Quran verse went to
  /// Urdu, Balochi or Sindhi. Zero when the model has no Arabic.
  let persianYehCost: Int32, persianKafCost: Int32
  /// Each language's lane in the scorer (``LanguageIdentifier``'s scores are kept by
  /// lane while a text is scored): languages of one script sit side by side, so that an
  /// n-gram's scores for them are one dense vector (scripts/layout-langid).
  let lanes: [Int]
  /// Quantisation steps per nat of every stored score (the file's own: 4 for quarter
  /// nats, 8 for eighths).
  let quantum: Double
  /// The records of the directory's slots: each slot's n-grams' entries, then their
  /// scores (see `mk_lid_table`); a ``Cell`` holds a byte offset into them.
  private let records: UnsafePointer<UInt8>
  /// The same table for the C lookups (``resolve(_:tops:from:to:into:)``).
  private let table: mk_lid_table

  /// Word evidence (Arabic, Persian, Urdu): for a word's key (``wordKey(_:)``), the
  /// languages it speaks for and its log-likelihood ratio for each (read in place from
  /// `Tables/word-evidence.bin`).
  let wordEvidence: WordEvidence

  /// The short words each language is known to write (read in place from
  /// `Tables/known-words.bin`), for the fit test.
  let knownWords: KnownWords

  /// The key of a word in ``wordEvidence`` and ``knownWords``.
  static func wordKey(_ scalars: some Sequence<UInt32>) -> UInt64 { FNV.hash(scalars) }

  /// ``wordKey(_:)`` of a word given as UTF-8 bytes; nil when they are not UTF-8.
  static func wordKey(utf8 bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
    var h = FNV.basis
    let failed = transcode(bytes.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true) {
      h = FNV.step(h, $0)
    }
    return failed ? nil : h
  }

  /// A plain decimal number such as "3.5" or "-0.7"; nil for anything else.
  static func decimal(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
    var value = 0.0, scale = 1.0, seenPoint = false, digits = 0
    var rest = bytes[...]
    let negative = rest.first == UInt8(ascii: "-")
    if negative { rest = rest.dropFirst() }
    for b in rest {
      if b == UInt8(ascii: "."), !seenPoint {
        seenPoint = true
      } else if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
        value = value * 10 + Double(b - UInt8(ascii: "0"))
        if seenPoint { scale *= 10 }
        digits += 1
      } else {
        return nil
      }
    }
    guard digits > 0 else { return nil }
    return (negative ? -value : value) / scale
  }

  /// The embedded model, parsed on first use.
  static let shared: LanguageModel? = {
    var length: Int64 = 0
    guard let bytes = matn_resource("Language/langid.bin", &length), length > 0 else { return nil }
    return LanguageModel(UnsafeRawBufferPointer(start: bytes, count: Int(length)), evidence: .embeddedOrComputed, known: .embeddedOrComputed)
  }()

  /// Parses a model file and takes the word evidence and known words for its languages;
  /// nil when the model is malformed.
  init?(_ bytes: UnsafeRawBufferPointer, evidence: WordEvidence, known: KnownWords) {
    var offset = 0
    func u32() -> Int? {
      guard offset + 4 <= bytes.count else { return nil }
      defer { offset += 4 }
      return Int(bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
    }
    func align() { offset = (offset + 3) & ~3 }
    guard bytes.count >= 36, Array(bytes[0..<8]) == Array("MATNLID1".utf8) else { return nil }
    offset = 8
    guard u32() == 4, let count = u32(), let bits = u32(), u32() != nil, let recordBytes = u32(),
      bits > 0, bits <= 24, count < 128
    else { return nil }
    func f32() -> Double {
      defer { offset += 4 }
      return Double(Float(bitPattern: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian))
    }
    guard offset + 8 <= bytes.count else { return nil }
    confidenceScale = f32()
    fitThreshold = f32()
    guard let steps = u32(), let directoryBits = u32(), steps > 0, steps <= 64, directoryBits >= bits,
      directoryBits <= bits + 16, directoryBits <= 26
    else { return nil }
    let quantum = Double(steps)
    self.quantum = quantum
    var languages: [Language] = []
    var yehCost: Int32 = 0, kafCost: Int32 = 0
    // The unigrams' mass by script, for every language at start-up: sums in an array by
    // script code (no hashing), the script from the embedded column (ICU's, as
    // `Script(of:)`), the probability of each of the 256 quanta computed once.
    let probabilities = (0...255).map { Self.probability(UInt8($0), quantum: quantum) }
    let scriptColumn = CharacterTable.scripts
    var mass = [Double](repeating: 0, count: 256)
    for _ in 0..<count {
      guard offset < bytes.count else { return nil }
      let length = Int(bytes[offset])
      offset += 1
      guard offset + length <= bytes.count else { return nil }
      let code = String(decoding: bytes[offset..<offset + length], as: UTF8.self)
      offset += length
      align()
      guard offset + 4 <= bytes.count else { return nil }
      guard offset + 8 <= bytes.count else { return nil }
      let prior = f32()
      let fit = f32()
      guard let unigrams = u32(), offset + unigrams * 8 <= bytes.count else { return nil }
      var otherMass: [Script: Double] = [:]  // scripts whose code is outside 0..<256, if any
      var yehKaf: [UInt32: Double] = [:]
      for k in 0..<unigrams {
        let scalar = bytes.loadUnaligned(fromByteOffset: offset + 8 * k, as: UInt32.self).littleEndian
        let q = bytes[offset + 8 * k + 4]
        if code == "ar" && [0x064A, 0x06CC, 0x0643, 0x06A9].contains(scalar) { yehKaf[scalar] = probabilities[Int(q)] }
        guard Unicode.Scalar(scalar) != nil else { continue }
        let script = scriptColumn[scalar]
        if script.rawValue >= 0 && script.rawValue < 256 {
          mass[Int(script.rawValue)] += probabilities[Int(q)]
        } else {
          otherMass[script, default: 0] += probabilities[Int(q)]
        }
      }
      offset += unigrams * 8
      if code == "ar" {
        yehCost = Self.variantCost(persian: yehKaf[0x06CC], arabic: yehKaf[0x064A], quantum: quantum)
        kafCost = Self.variantCost(persian: yehKaf[0x06A9], arabic: yehKaf[0x0643], quantum: quantum)
      }
      // Every quantum's probability is above 0: a script with unigrams has mass.
      var byScript = otherMass
      for code in mass.indices where mass[code] > 0 {
        byScript[Script(rawValue: Int32(code))] = mass[code]
        mass[code] = 0
      }
      let total = byScript.values.reduce(0, +)
      let scripts = Set(byScript.filter { $0.key.isContextual == false && $0.value >= 0.05 * total }.keys)
      languages.append(
        Language(code: code, prior: prior, fit: fit.isNaN ? nil : fit, scripts: scripts, scriptBits: ScriptSet(scripts)))
    }
    // Each language's lane in the scorer (scripts/layout-langid).
    guard offset + count <= bytes.count else { return nil }
    let lanes = (0..<count).map { Int(bytes[offset + $0]) }
    guard Set(lanes).count == count, lanes.allSatisfy({ $0 < count }) else { return nil }
    offset += count
    align()
    let slots = (1 << directoryBits) + 1
    let recordOffset = offset + 4 * slots
    // The records end with 64 bytes of padding (the dense vectors are read in blocks).
    guard recordOffset + recordBytes + 64 <= bytes.count, let base = bytes.baseAddress else { return nil }
    // The last slot ends the records (every record's end is the next slot's start).
    let end = Int(bytes.loadUnaligned(fromByteOffset: recordOffset - 4, as: UInt32.self).littleEndian)
    guard end == recordBytes else { return nil }
    self.lanes = lanes
    records = (base + recordOffset).assumingMemoryBound(to: UInt8.self)
    table = mk_lid_table(
      directory: (base + offset).assumingMemoryBound(to: UInt32.self), records: records,
      bits: Int32(truncatingIfNeeded: bits), directoryBits: Int32(truncatingIfNeeded: directoryBits))
    persianYehCost = yehCost
    persianKafCost = kafCost
    for (code, value) in evidence.wordsWithoutOwnLetters {
      if let k = languages.firstIndex(where: { $0.code == code }) { languages[k].wordsWithoutOwnLetters = value }
    }
    self.languages = languages
    scriptSets = languages.map(\.scriptBits)
    wordEvidence = evidence.resolved(to: languages.map(\.code))
    knownWords = known.resolved(to: languages.map(\.code))
  }

  /// log(persian / (persian + arabic)) in quanta (rounded): the share of a letter's
  /// occurrences written in the Persian form. `unseen` when the Persian form is absent.
  static func variantCost(persian: Double?, arabic: Double?, quantum: Double = quantum) -> Int32 {
    guard let persian, persian > 0 else { return Int32(LanguageIdentifier.unseen * quantum) }
    return Int32((log(persian / (persian + (arabic ?? 0))) * quantum).rounded())
  }

  /// The probability a quantised log-probability stands for, at `quantum` steps per nat.
  static func probability(_ q: UInt8, quantum: Double) -> Double { exp(-Double(q) / quantum) }
  /// Quantisation steps per nat of the embedded model (its ``quantum``; 4 without one).
  static var quantum: Double { shared?.quantum ?? 4 }

  /// Looks up the n-grams ending at `letters[from..<to]` (at most ``resolveBlock``
  /// letters), every order up to `tops[i]`, together (their cache misses overlap): for
  /// letter i and order n, `cells[5 × (i − from) + n − 1]` is a ``Cell``.
  @inline(__always)
  func resolve(
    _ letters: UnsafePointer<UInt32>, tops: UnsafePointer<UInt8>, from: Int, to: Int, into cells: UnsafeMutablePointer<UInt32>
  ) {
    withUnsafePointer(to: table) { mk_lid_resolve($0, letters, tops, Int64(from), Int64(to), cells) }
  }

  /// The lowest order ``resolve(_:tops:from:to:into:)`` looks up at a letter whose
  /// highest order is `top` (the orders below are left ``Cell/unresolved``, for the
  /// scorer to look up alone if it reaches them).
  static func lowestResolvedOrder(top: Int) -> Int { Int(mk_lid_lowest_resolved(Int32(truncatingIfNeeded: top))) }

  /// Letters per ``resolve(_:tops:from:to:into:)`` at most.
  static let resolveBlock = Int(MK_LID_BLOCK)

  /// A looked-up n-gram: absent, not looked up, or where its data are.
  enum Cell {
    static let absent = MK_LID_ABSENT
    static let unresolved = MK_LID_UNRESOLVED
    /// Whether a found n-gram's scores are a dense vector over lanes (else pairs).
    static func isDense(_ cell: UInt32) -> Bool { cell & 0xFF == MK_LID_DENSE }
    /// The scores of a found n-gram's cell, by lane (those it has).
    static func scores(_ cell: UInt32, in model: LanguageModel) -> [Int: UInt8] {
      let p = model.records + Int(cell >> 8)
      var out: [Int: UInt8] = [:]
      if cell & 0xFF == MK_LID_DENSE {
        for j in 0..<Int(p[1]) where p[2 + j] != 0xFF { out[Int(p[0]) + j] = p[2 + j] }
      } else {
        for j in 0..<Int(cell & 0xFF) { out[Int(p[2 * j])] = p[2 * j + 1] }
      }
      return out
    }
  }

  /// The ``Cell`` of the n-gram `letters` (its data, or absent).
  func cell(_ letters: UnsafeBufferPointer<UInt32>) -> UInt32 {
    withUnsafePointer(to: table) { mk_lid_lookup($0, letters.baseAddress, Int64(letters.count)) }
  }

  /// Scores letter `i` of `letters` into `scores` (by lane; every open lane in `lanes`):
  /// see `mk_lid_letter`.
  @inline(__always)
  func scoreLetter(
    _ letters: UnsafePointer<UInt32>, _ i: Int, top: Int, row: UnsafePointer<UInt32>, previous: UInt32,
    open: UnsafePointer<UInt8>, fitting: Int32, lanes: Range<Int32>, best: UnsafeMutablePointer<Int16>,
    scores: UnsafeMutablePointer<Int32>, backoff: Int32, unseen: Int32
  ) -> UInt32 {
    withUnsafePointer(to: table) {
      mk_lid_letter(
        $0, letters, Int64(i), Int32(truncatingIfNeeded: top), row, previous, open, fitting, lanes.lowerBound,
        lanes.upperBound, best, scores, backoff, unseen)
    }
  }
}
