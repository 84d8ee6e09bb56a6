import MatnICU

/// The run-finding state machine behind ``ScriptRuns``: one pass over the UTF-8 of a
/// text, a class lookup per scalar, and candidate-set arithmetic only where the class
/// changes from one scalar to the next.
struct ScriptItemizer {
  private(set) var runs: [ScriptRun] = []
  /// The script of every run closed so far (what paired punctuation looks back at):
  /// kept even when ``runs`` is not, at 4 bytes a run.
  private var runScripts: [Script] = []
  /// Whether ``runs`` is filled (not for a histogram alone).
  private let keepsRuns: Bool
  /// Letters per script value; the last slot counts every other scalar. (A plain
  /// pointer: this is incremented once per scalar, with no bounds or uniqueness check.)
  private let letters: UnsafeMutablePointer<Int>

  // The open run.
  private var start = 0
  private var startUTF8 = 0
  private var nonLettersAtStart = 0
  /// The scripts the open run may still have (``ScriptSet/all`` until it meets a
  /// script-specific character).
  private var candidates = ScriptSet.all
  /// The script of the run's first strong character, while it is still a candidate.
  private var primary: Script?

  /// Opening marks not yet closed: the opening scalar and the index of its run.
  private var openPairs: [(opener: UInt32, run: Int)] = []
  static let maximumOpenPairs = 32

  /// Scripts in the order we prefer them when a run's candidates hold several and none
  /// came from a letter (a lone «،» is Arabic, a lone «、» Han).
  static let preference: [Script] = [
    .latin, .arabic, .cyrillic, .han, .japanese, .korean, .devanagari, .greek, .hebrew, .hangul,
    .hiragana, .katakana, .syriac, .thaana,
  ]

  /// Finds the runs (unless `keepingRuns` is false: the histogram alone, without a
  /// run record per run) and counts the letters of `text`.
  static func itemize(_ text: String, keepingRuns: Bool = true) -> (runs: [ScriptRun], histogram: ScriptHistogram) {
    let slots = ItemizerClass.nonLetterSlot + 1
    let letters = UnsafeMutablePointer<Int>.allocate(capacity: slots)
    letters.initialize(repeating: 0, count: slots)
    defer { letters.deallocate() }
    var itemizer = ScriptItemizer(letters: letters, keepsRuns: keepingRuns)
    itemizer.itemize(text)
    var counts: [Script: Int] = [:]
    for value in 0..<ItemizerClass.nonLetterSlot where letters[value] > 0 {
      counts[Script(rawValue: Int32(value))] = letters[value]
    }
    return (itemizer.runs, ScriptHistogram(counts: counts))
  }

  private init(letters: UnsafeMutablePointer<Int>, keepsRuns: Bool) {
    self.letters = letters
    self.keepsRuns = keepsRuns
  }

  private mutating func itemize(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      guard utf8.baseAddress != nil else { return }
      let table = ItemizerClasses.shared
      let count = utf8.count
      var i = 0
      var n = 0
      // The class number of the last scalar that was not inert; max after one that
      // takes part in pairs (it needs a look every time).
      var last = UInt32.max
      while i < count {
        // Decode one scalar (the String's UTF-8 is valid).
        let (v, width) = ScalarScan.scalar(utf8, at: i)
        if v < 0x10000 {
          let number = UInt32(table.numbers[Int(v)])
          let quick = table.quick[Int(number)]
          // Nothing to do for the class of the previous scalar that changed the run state
          // (the candidates are already within its set), nor for an inert one (spaces,
          // ASCII digits, ZWNJ, marks), which leaves that state as it was.
          if number != last && quick & ItemizerClasses.inert == 0 {
            let c = table.classes[Int(number)]
            last = c.pairing.isEmpty ? number : .max
            take(c, v, at: n, utf8: i)
          }
          letters[Int(quick & ItemizerClasses.letterSlotMask)] += 1  // after take: a run it ends does not count it
        } else {
          let c = ItemizerClass(v)
          last = .max
          take(c, v, at: n, utf8: i)
          letters[c.letterSlot] += 1
        }
        i += width
        n += 1
      }
      endRun(at: n, utf8: count)
    }
  }

  /// Applies the rules to scalar `v` of class `c`, the `n`th scalar, at byte `offset`.
  private mutating func take(_ c: ItemizerClass, _ v: UInt32, at n: Int, utf8 offset: Int) {
    if !c.pairing.isEmpty {
      if c.pairing.contains(.endsParagraph) { openPairs.removeAll(keepingCapacity: true) }
      if c.pairing.contains(.closes),
        let k = openPairs.lastIndex(where: { PairedPunctuation.closes(v, $0.opener) })
      {
        let run = openPairs[k].run
        openPairs.removeSubrange(k...)
        if run < runScripts.count {  // the opening mark is in an earlier run: take its script
          force(runScripts[run], at: n, utf8: offset)
          return
        }
        narrow(by: c, at: n, utf8: offset)
        return
      }
    }
    narrow(by: c, at: n, utf8: offset)
    if c.pairing.contains(.opens) {
      if openPairs.count == Self.maximumOpenPairs { openPairs.removeFirst() }
      openPairs.append((v, runScripts.count))
    }
  }

  /// The Script and Script_Extensions rules.
  @inline(__always)
  private mutating func narrow(by c: ItemizerClass, at n: Int, utf8 offset: Int) {
    switch c.kind {
    case .neutral:
      return
    case .inheritedNarrowing:
      let common = candidates.intersection(c.candidates)
      guard !common.isEmpty else { return }  // marks never leave their base's run
      candidates = common
      if let p = primary, !common.contains(p) { primary = nil }
    case .commonNarrowing, .strong:
      let common = candidates.intersection(c.candidates)
      let strong = c.kind == .strong ? c.script : nil
      if common.isEmpty {
        endRun(at: n, utf8: offset)
        candidates = c.candidates
        primary = strong
      } else {
        candidates = common
        if let p = primary, common.contains(p) { return }
        primary = strong.flatMap { common.contains($0) ? $0 : nil }
      }
    }
  }

  /// A closing mark whose opening mark's run had `script`.
  private mutating func force(_ script: Script, at n: Int, utf8 offset: Int) {
    let only = Self.candidates(of: script)
    let common = candidates.intersection(only)
    if common.isEmpty {
      endRun(at: n, utf8: offset)
      candidates = only
    } else {
      candidates = common
    }
    primary = script
  }

  /// The candidates of a run named `script`: the script itself (and the union it
  /// belongs to, so a Han-only run and a Japanese run can still meet).
  private static func candidates(of script: Script) -> ScriptSet {
    var set = ScriptSet([script])
    for (union, covers) in ItemizerClass.unions where covers.contains(script) { set.insert(union) }
    return set
  }

  /// Closes the open run at scalar `n`, byte `offset`, and opens the next one there.
  private mutating func endRun(at n: Int, utf8 offset: Int) {
    guard n > start else { return }
    let nonLetters = letters[ItemizerClass.nonLetterSlot]
    let script = resolvedScript
    runScripts.append(script)
    if keepsRuns {
      runs.append(
        ScriptRun(
          script: script, direction: script.isRightToLeft ? .rightToLeft : .leftToRight,
          scalarRange: start..<n, utf8Range: startUTF8..<offset,
          letterCount: (n - start) - (nonLetters - nonLettersAtStart)))
    }
    start = n
    startUTF8 = offset
    nonLettersAtStart = nonLetters
    candidates = .all
    primary = nil
  }

  /// The open run's script: its first strong character's script if still a candidate,
  /// else the preferred candidate; Common if nothing narrowed it.
  private var resolvedScript: Script {
    if candidates.isAll { return .common }
    if let p = primary, candidates.contains(p) { return p }
    return Self.preference.first(where: candidates.contains) ?? candidates.first ?? .common
  }
}
