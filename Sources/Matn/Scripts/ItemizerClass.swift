import MatnICU

/// What the script itemizer needs to know about a scalar: how it takes part in a
/// script run, the scripts it may belong to, whether it is a letter, and whether it
/// opens or closes a pair of punctuation.
///
/// Derived from ``CharacterTable`` (script, letter) and the itemizer's own questions to
/// ICU (Script_Extensions, Bidi_Paired_Bracket_Type); BMP scalars are looked up in one
/// table of class numbers built once, supplementary scalars (emoji, historic scripts,
/// rare Han) are classified on the fly.
struct ItemizerClass: Hashable, Sendable {
  enum Kind: UInt8, Hashable, Sendable {
    /// Common, Inherited or Unknown with no narrower Script_Extensions (space, ASCII
    /// digits and punctuation, emoji, ZWNJ, ZWJ, most combining marks, private use):
    /// joins whatever run is open.
    case neutral
    /// Inherited with Script_Extensions (Arabic harakat are Arab Syrc): joins the open
    /// run and narrows its candidates when they allow it; never starts a run.
    case inheritedNarrowing
    /// Common with Script_Extensions (Arabic comma, tatweel, danda, CJK punctuation,
    /// prolonged sound mark ー): may only join a run of one of those scripts.
    case commonNarrowing
    /// A character of one script (letters, script-specific digits and marks).
    case strong
  }

  /// Roles in pairs of punctuation.
  struct Pairing: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    /// Opens a pair: an opening paired bracket, or an opening quotation mark.
    static let opens = Pairing(rawValue: 1)
    /// Closes a pair.
    static let closes = Pairing(rawValue: 2)
    /// Ends a paragraph (LF, CR, NEL, PARAGRAPH SEPARATOR): open pairs are forgotten.
    static let endsParagraph = Pairing(rawValue: 4)
  }

  var kind: Kind
  /// The Script property value.
  var script: Script
  /// The scripts a run holding this scalar may have (Script_Extensions, with the
  /// ISO 15924 unions of Han, see ``ItemizerClass/unions``); ``ScriptSet/all`` for neutral scalars.
  var candidates: ScriptSet
  /// Where the scalar is counted in the letter histogram: its script value for a letter
  /// (general category L*) of one script, ``nonLetterSlot`` otherwise.
  var letterSlot: Int
  var pairing: Pairing

  /// The histogram slot of everything that is not a letter of one script.
  static let nonLetterSlot = 256

  /// The composite ISO 15924 codes a run of mixed CJK scripts resolves to, with the
  /// scripts each covers: a Japanese sentence mixes Han, Hiragana and Katakana, a
  /// Korean one Hangul and Han, a Chinese one with annotations Han and Bopomofo. A
  /// scalar of a covered script is also a candidate for the union, so such a run stays
  /// whole and is named by the union (`Jpan`), while a run of one script keeps its own
  /// name (`Hani`, `Kana`).
  static let unions: [(union: Script, covers: ScriptSet)] = [
    (.japanese, ScriptSet([.han, .hiragana, .katakana])),
    (.korean, ScriptSet([.han, .hangul])),
    (.hanWithBopomofo, ScriptSet([.han, .bopomofo])),
  ]

  init(_ value: UInt32) {
    guard let scalar = Unicode.Scalar(value) else {  // a surrogate: never in a String
      self.init(kind: .neutral, script: .unknown, candidates: .all, letterSlot: Self.nonLetterSlot, pairing: [])
      return
    }
    let script = CharacterTable.scripts[value]
    let extensions = Script.extensions(of: scalar)
    var candidates = ScriptSet(extensions)
    let kind: Kind
    switch script {
    case .common, .unknown:
      kind = extensions.allSatisfy { $0 == .common || $0 == .unknown } ? .neutral : .commonNarrowing
    case .inherited:
      kind = extensions == [.inherited] ? .neutral : .inheritedNarrowing
    default:
      kind = .strong
      candidates.insert(script)
    }
    if kind == .neutral {
      candidates = .all
    } else {
      for (union, covers) in Self.unions where !candidates.intersection(covers).isEmpty { candidates.insert(union) }
    }
    let isLetter = CharacterTable.classes(value).contains(.letter)
    var pairing: Pairing = []
    switch scalar.bidiPairedBracketType {
    case .open: pairing.insert(.opens)
    case .close: pairing.insert(.closes)
    case .none: break
    }
    if PairedPunctuation.quotationOpeners.contains(value) { pairing.insert(.opens) }
    if PairedPunctuation.quotationClosers.contains(value) { pairing.insert(.closes) }
    if value == 0x0A || value == 0x0D || value == 0x85 || value == 0x2029 { pairing.insert(.endsParagraph) }
    self.init(
      kind: kind, script: script, candidates: candidates,
      letterSlot: isLetter && kind == .strong ? Int(script.rawValue) : Self.nonLetterSlot, pairing: pairing)
  }

  private init(kind: Kind, script: Script, candidates: ScriptSet, letterSlot: Int, pairing: Pairing) {
    self.kind = kind
    self.script = script
    self.candidates = candidates
    self.letterSlot = letterSlot
    self.pairing = pairing
  }
}

/// The class of every BMP scalar, as a class number per scalar and one record per
/// distinct class (a few hundred), never freed. The class numbers are an
/// ``EmbeddedTable`` read in place (``computedTable()`` is its source, which
/// `scripts/build-tables` writes it from): 64 Ki numbers, then for each class the first
/// scalar that has it, from which the few hundred records are made at start-up.
struct ItemizerClasses: @unchecked Sendable {
  /// 64 Ki class numbers.
  let numbers: UnsafePointer<UInt16>
  /// The distinct classes, indexed by class number.
  let classes: UnsafePointer<ItemizerClass>
  /// What is read for every scalar, apart from the rest of its class (read only where
  /// the class changes): the class's ``ItemizerClass/letterSlot`` in the low bits,
  /// and ``inert`` for a neutral class that pairs with nothing, which changes no run.
  let quick: UnsafePointer<UInt16>
  static let inert: UInt16 = 0x8000
  static let letterSlotMask: UInt16 = 0x7FFF
  let classCount: Int

  /// The embedded table's resource.
  static let resourceName = "Tables/itemizer-classes.bin"

  static let shared: ItemizerClasses = {
    let stored = EmbeddedTable.length(resourceName) / 2
    if stored > 0x10000, let table = EmbeddedTable.load(resourceName, count: stored, of: UInt16.self) {
      let classes = (0x10000..<stored).map { ItemizerClass(UInt32(table[$0])) }
      return ItemizerClasses(numbers: table, classes: classes)
    }
    let computed = computedTable()
    return ItemizerClasses(numbers: owned(computed), classes: computed[0x10000...].map { ItemizerClass(UInt32($0)) })
  }()

  private init(numbers: UnsafePointer<UInt16>, classes: [ItemizerClass]) {
    let stored = UnsafeMutablePointer<ItemizerClass>.allocate(capacity: classes.count)
    stored.initialize(from: classes, count: classes.count)
    let quick = UnsafeMutablePointer<UInt16>.allocate(capacity: classes.count)
    for (n, c) in classes.enumerated() {
      quick[n] = UInt16(c.letterSlot) | (c.kind == .neutral && c.pairing.isEmpty ? Self.inert : 0)
    }
    self.numbers = numbers
    self.classes = UnsafePointer(stored)
    self.quick = UnsafePointer(quick)
    self.classCount = classes.count
  }

  /// The embedded table's source: the class number of each BMP scalar value (classes
  /// numbered in order of first appearance), then the first scalar of each class.
  static func computedTable() -> [UInt16] {
    var numbers: [UInt16] = []
    numbers.reserveCapacity(0x10000)
    var firsts: [UInt16] = []
    var number: [ItemizerClass: UInt16] = [:]
    for v in 0..<0x10000 {
      let c = ItemizerClass(UInt32(v))
      if let n = number[c] {
        numbers.append(n)
      } else {
        precondition(firsts.count < 0xFFFF, "too many scalar script classes")
        let n = UInt16(firsts.count)
        number[c] = n
        firsts.append(UInt16(v))
        numbers.append(n)
      }
    }
    return numbers + firsts
  }
}
