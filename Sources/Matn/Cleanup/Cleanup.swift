import MatnICU

/// Stage 1 — cleanup of invisible and control characters, line endings, space
/// separators and Arabic presentation forms, in one pass over the decoded text.
///
/// Bidi controls are removed from canonical text and their original offsets recorded
/// (display rendering re-adds isolates where needed).
///
/// Half-spaces in disguise: the characters people type for a half-space — LRM, RLM,
/// ARABIC LETTER MARK, ZWSP, ZWNBSP, SOFT HYPHEN, ZWJ, and the visible NOT SIGN — become
/// one ZWNJ between two Arabic-script letters when the first joins the next one and no
/// ZWNJ stands there already (``halfSpace(at:_:_:_:)``, the one place that decides);
/// anywhere else the invisible ones are removed, each counted by its kind. (Spans are
/// not decided yet at this stage: Arabic-script letters, not Persian ones; ZWNJ is
/// right in Urdu, Pashto and Kurdish as well.) ZWJ is one of them too (issue #18 lists
/// it, and `scripts/eval-halfspace` counts one between letters as a half-space): between
/// two joining letters it changes nothing one sees, but the writer put a character
/// there, and a ZWNJ keeps the place without losing a letter. Elsewhere it is removed,
/// and it is kept in emoji sequences and Indic conjuncts.
///
/// Marks on the wrong script: a combining mark of one script on a letter of another
/// — an Arabic mark on a Latin letter ("Antَnio", a fatha left by a Persian keyboard), a
/// Latin accent on an Arabic letter — is removed (``ChangeKind/wrongScriptMark``). The
/// base is the last letter before the mark, past the marks kept on it and past ZWNJ and
/// tatweel (which later stages may remove); which script a
/// mark belongs to is a ``ScalarClass`` fact (``ScalarClass/arabicScript``,
/// ``ScalarClass/latinMark``).
struct Cleanup {
  let classOf = ScalarClasses.shared
  struct Options: Sendable, Hashable {
    /// No-break, thin and other space separators → SPACE.
    var spaceSeparators = true
    /// Tab → SPACE.
    var tabs = true
    /// Arabic presentation forms → NFKC of just those code points.
    var presentationForms = true
  }

  var options: Options

  func apply(_ buffer: TextBuffer, _ report: inout ChangeRecorder) -> TextBuffer {
    var out = Rewriter(buffer)
    let s = buffer.scalars
    let n = s.count
    // UTF-8 offset in the original input of scalar `offsetIndex`, advanced only when a
    // bidi control needs its position.
    var offset: Int32 = 0
    var offsetIndex = 0
    var halfSpaceRun = HalfSpaceRun()
    var markBase = OutputLookBehind()
    var i = 0
    while i < n {
      // Skip, in one call, what this stage never changes.
      let j = out.keepUnchanged(from: i, Self.stops)
      if j > i {
        i = j
        continue
      }
      let v = s[i]
      defer { i += 1 }
      switch v {
      case 0x0D:
        if i + 1 < n && s[i + 1] == 0x0A {
          out.delete(i, .lineEnding, &report)
        } else {
          out.replace(i, with: 0x0A, .lineEnding, &report)
        }
      case 0x85, 0x2028:
        out.replace(i, with: 0x0A, .lineEnding, &report)
      case 0x2029:
        out.replace(i..<i + 1, with: [0x0A, 0x0A], .lineEnding, &report)
      case 0x09:
        if options.tabs { out.replace(i, with: 0x20, .tab, &report) } else { out.keep(i) }
      case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
        if options.spaceSeparators { out.replace(i, with: 0x20, .spaceSeparator, &report) } else { out.keep(i) }
      case 0xFEFF where halfSpace(at: i, out, s, &halfSpaceRun) == .zwnj:
        out.replace(i, with: 0x200C, .zeroWidthSpaceAsZWNJ, &report)
      case 0xFEFF:
        out.delete(i, .byteOrderMark, &report)
      case 0x200B where halfSpace(at: i, out, s, &halfSpaceRun) == .zwnj:
        out.replace(i, with: 0x200C, .zeroWidthSpaceAsZWNJ, &report)
      case 0x200B, 0x2060, 0x180E:
        out.delete(i, .zeroWidthSpace, &report)
      case 0x00AD:
        if halfSpace(at: i, out, s, &halfSpaceRun) == .zwnj {
          out.replace(i, with: 0x200C, .halfSpace, &report)
        } else {
          out.delete(i, .softHyphen, &report)
        }
      case 0x00AC:
        switch halfSpace(at: i, out, s, &halfSpaceRun) {
        case .zwnj: out.replace(i, with: 0x200C, .halfSpace, &report)
        case .redundant: out.delete(i, .halfSpace, &report)
        case .none: out.keep(i)
        }
      case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
        if v == 0x200E || v == 0x200F || v == 0x061C, halfSpace(at: i, out, s, &halfSpaceRun) == .zwnj {
          out.replace(i, with: 0x200C, .bidiMarkAsZWNJ, &report)
          break
        }
        while offsetIndex < i {
          offset += Int32(TextBuffer.width(s[offsetIndex]))
          offsetIndex += 1
        }
        report.recordBidiControl(at: offset)
        out.delete(i, .bidiControl, &report)
      case 0x200D where halfSpace(at: i, out, s, &halfSpaceRun) == .zwnj:
        // Typed as a half-space like the others (issue #18): «وي‍ژه» becomes «وی‌ژه»,
        // the spelling its writer's keyboard made, not one this stage guesses.
        out.replace(i, with: 0x200C, .joinerAsZWNJ, &report)
      case 0x200D:
        if keepsJoiner(out.lastOutput, s, i) {
          out.keep(i)
        } else {
          out.delete(i, .strayJoiner, &report)
        }
      case 0x00...0x1F, 0x7F...0x9F:
        out.delete(i, .controlCharacter, &report)
      case 0xFB50...0xFDFF, 0xFE70...0xFEFE:
        if options.presentationForms, let mapping = PresentationForms.mapping(v) {
          out.replace(i..<i + 1, with: mapping, .presentationForm, &report)
        } else {
          out.keep(i)
        }
      default:
        if wrongScript(mark: v, base: &markBase, out) {
          out.delete(i, .wrongScriptMark, &report)
        } else {
          out.keep(i)
        }
      }
    }
    return out.output
  }

  /// Whether `v` is a mark of one script on a letter of another: an Arabic-script mark
  /// on a Latin letter, or a Latin mark on an Arabic letter.
  private func wrongScript(mark v: UInt32, base: inout OutputLookBehind, _ out: Rewriter) -> Bool {
    let mark = classOf(v)
    guard mark.contains(.mark), mark.contains(.arabicScript) || mark.contains(.latinMark) else { return false }
    // Past the marks kept on the letter, and past ZWNJ and tatweel, which later stages
    // may remove (a mark after them would then sit on the letter: one pass must do).
    let k = base.last(out) { classOf($0).contains(.mark) || $0 == 0x200C || $0 == 0x0640 }
    guard k >= 0 else { return false }
    let letter = classOf(out.outputScalar(k))
    guard letter.contains(.letter) else { return false }
    return mark.contains(.arabicScript) ? letter.contains(.latin) : letter.contains(.arabicScript)
  }

  private static let stops = ScalarScan.Stops(stop: StageScan.cleanup)

  /// Whether this stage may change `v` (what the scan stops at; the rules decide).
  static func attends(_ v: UInt32) -> Bool {
    switch v {
    case 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x00A0, 0x1680, 0x2000...0x200B, 0x200D...0x200F, 0x202A...0x202F, 0x205F,
      0x2060, 0x2066...0x2069, 0x3000, 0xFEFF, 0x180E, 0x00AD, 0x00AC, 0x061C, 0xFB50...0xFDFF, 0xFE70...0xFEFE:
      true
    default:
      // Marks that may sit on a letter of another script.
      ScalarClass.of(v).contains(.mark) && !ScalarClass.of(v).isDisjoint(with: [.arabicScript, .latinMark])
    }
  }

  /// What a character typed for a half-space stands for at its place.
  enum HalfSpace {
    /// The half-space of its word: it becomes ZWNJ.
    case zwnj
    /// Between two Arabic letters, but the word needs no other ZWNJ there: after a
    /// letter that does not join the next one, or beside a ZWNJ (typed, or made from
    /// an earlier character of the same run).
    case redundant
    /// Not between two Arabic letters.
    case none
  }

  /// What ``halfSpace(at:_:_:_:)`` found about a run of invisibles (with marks, ZWNJ and
  /// NOT SIGN among them): every scalar before `end` sees the same letters on both
  /// sides, so a run of 10,000 soft hyphens costs O(*n*), not O(*n*²).
  struct HalfSpaceRun {
    var end = -1
    /// The run stands between two Arabic letters.
    var between = false
    /// The letter before it joins the next one.
    var joins = false
    /// A ZWNJ stands in the run (typed, or written for an earlier scalar of it).
    var hasZWNJ = false
    /// The letter before, past marks and ZWNJ, found without rescanning kept marks.
    var before = OutputLookBehind()
  }

  /// Whether the half-space character at `i` (one of LRM RLM ALM ZWSP ZWNBSP SHY ZWJ
  /// NOT SIGN) is the ZWNJ of its word. Marks, ZWNJ and the invisibles this stage
  /// removes are looked past on both sides: «ه + LRM + ZWNJ + ها» keeps the typed ZWNJ
  /// and drops the LRM.
  private func halfSpace(at i: Int, _ out: Rewriter, _ s: [UInt32], _ run: inout HalfSpaceRun) -> HalfSpace {
    if i >= run.end {
      let k = run.before.last(out) { classOf($0).contains(.mark) || $0 == 0x200C }
      var hasZWNJ = false
      if k >= 0 {
        for m in (k + 1)..<out.outputCount where out.outputScalar(m) == 0x200C {
          hasZWNJ = true
          break
        }
      }
      var j = i + 1
      while j < s.count && (Self.removes(s[j]) || classOf(s[j]).contains(.mark) || s[j] == 0x200C || s[j] == 0xAC) {
        if s[j] == 0x200C { hasZWNJ = true }
        j += 1
      }
      // Tatweel is no letter of the word here: a half-space beside it is none.
      let previous = k >= 0 ? out.outputScalar(k) : 0
      let before: ScalarClass = previous != 0x0640 ? classOf(previous) : []
      run.end = j
      run.between =
        before.isSuperset(of: .arabicLetter) && j < s.count && s[j] != 0x0640 && classOf(s[j]).isSuperset(of: .arabicLetter)
      run.joins = !before.contains(.nonJoiningNext)
      run.hasZWNJ = hasZWNJ
    }
    guard run.between else { return .none }
    guard run.joins && !run.hasZWNJ else { return .redundant }
    run.hasZWNJ = true
    return .zwnj
  }

  /// Invisible characters this stage always removes.
  private static func removes(_ v: UInt32) -> Bool {
    switch v {
    case 0xFEFF, 0x200B, 0x2060, 0x180E, 0x00AD, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x200D: true
    case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F...0x84, 0x86...0x9F: true
    default: false
    }
  }

  /// ZWJ stays inside emoji sequences and between letters of scripts that need it
  /// (Indic conjuncts); elsewhere — in Arabic-script text, at word edges — it goes.
  private func keepsJoiner(_ previous: UInt32, _ s: [UInt32], _ i: Int) -> Bool {
    guard i + 1 < s.count else { return false }
    let before = classOf(previous), after = classOf(s[i + 1])
    if before.contains(.emoji) && after.contains(.emoji) { return true }
    if before.contains(.otherScript) && after.contains(.otherScript) { return true }
    return false
  }
}

/// NFKC of each Arabic presentation form, computed once from ICU.
enum PresentationForms {
  private static let table: [[UInt32]] = {
    var table = [[UInt32]](repeating: [], count: 0xFEFF - 0xFB50)
    for v in UInt32(0xFB50)..<0xFEFF {
      guard let scalar = Unicode.Scalar(v), scalar.properties.generalCategory != .unassigned else { continue }
      let folded = Normalizer.nfkc.normalize(String(scalar))
      if folded.unicodeScalars.count != 1 || folded.unicodeScalars.first!.value != v {
        table[Int(v - 0xFB50)] = folded.unicodeScalars.map(\.value)
      }
    }
    return table
  }()

  /// The NFKC letters of presentation form `v`, or nil when it has no compatibility
  /// mapping (ornate parentheses and other symbols stay).
  static func mapping(_ v: UInt32) -> [UInt32]? {
    guard v >= 0xFB50 && v < 0xFEFF else { return nil }
    let m = table[Int(v - 0xFB50)]
    return m.isEmpty ? nil : m
  }
}
