import MatnICU

/// Stage 1 — cleanup of invisible and control characters, line endings, space
/// separators and Arabic presentation forms, in one pass over the decoded text.
///
/// Bidi controls are removed from canonical text and their original offsets recorded
/// (display rendering re-adds isolates where needed). Between two Arabic letters, the
/// characters people type for a half-space (NOT SIGN, SOFT HYPHEN, RLM) become ZWNJ.
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
      case 0xFEFF:
        out.delete(i, .byteOrderMark, &report)
      case 0x200B, 0x2060, 0x180E:
        out.delete(i, .zeroWidthSpace, &report)
      case 0x00AD:
        if betweenArabicLetters(out, s, i, &halfSpaceRun) {
          out.replace(i, with: 0x200C, .halfSpace, &report)
        } else {
          out.delete(i, .softHyphen, &report)
        }
      case 0x00AC:
        if betweenArabicLetters(out, s, i, &halfSpaceRun) {
          out.replace(i, with: 0x200C, .halfSpace, &report)
        } else {
          out.keep(i)
        }
      case 0x200F where betweenArabicLetters(out, s, i, &halfSpaceRun):
        out.replace(i, with: 0x200C, .halfSpace, &report)
      case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
        while offsetIndex < i {
          offset += Int32(TextBuffer.width(s[offsetIndex]))
          offsetIndex += 1
        }
        report.recordBidiControl(at: offset)
        out.delete(i, .bidiControl, &report)
      case 0x200D:
        if keepsJoiner(out.lastOutput, s, i) { out.keep(i) } else { out.delete(i, .strayJoiner, &report) }
      case 0x00...0x1F, 0x7F...0x9F:
        out.delete(i, .controlCharacter, &report)
      case 0xFB50...0xFDFF, 0xFE70...0xFEFE:
        if options.presentationForms, let mapping = PresentationForms.mapping(v) {
          out.replace(i..<i + 1, with: mapping, .presentationForm, &report)
        } else {
          out.keep(i)
        }
      default:
        out.keep(i)
      }
    }
    return out.output
  }

  private static let stops = ScalarScan.Stops(stop: StageScan.cleanup)

  /// Whether this stage may change `v` (what the scan stops at; the rules decide).
  static func attends(_ v: UInt32) -> Bool {
    switch v {
    case 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x00A0, 0x1680, 0x2000...0x200B, 0x200D...0x200F, 0x202A...0x202F, 0x205F,
      0x2060, 0x2066...0x2069, 0x3000, 0xFEFF, 0x180E, 0x00AD, 0x00AC, 0x061C, 0xFB50...0xFDFF, 0xFE70...0xFEFE:
      true
    default: false
    }
  }

  /// The answer of ``betweenArabicLetters(_:_:_:_:)`` for the rest of a run of
  /// invisibles: every scalar before `end` sees the same letters on both sides, so a run
  /// of 10,000 soft hyphens costs O(*n*), not O(*n*²).
  struct HalfSpaceRun {
    var end = -1
    var answer = false
    /// The letter before, past marks and ZWNJ, found without rescanning kept marks.
    var before = OutputLookBehind()
  }

  /// Whether the scalar at `i` sits between two Arabic letters (a half-space typed
  /// with the wrong character).
  private func betweenArabicLetters(_ out: Rewriter, _ s: [UInt32], _ i: Int, _ run: inout HalfSpaceRun) -> Bool {
    if i < run.end { return run.answer }
    // Look past marks, and past the invisibles this stage removes.
    let k = run.before.last(out) { classOf($0).contains(.mark) || $0 == 0x200C }
    var j = i + 1
    while j < s.count && (Self.removes(s[j]) || classOf(s[j]).contains(.mark) || s[j] == 0x200C || s[j] == 0xAC) { j += 1 }
    run.end = j
    run.answer =
      k >= 0 && classOf(out.outputScalar(k)).isSuperset(of: .arabicLetter)
      && j < s.count && classOf(s[j]).isSuperset(of: .arabicLetter)
    return run.answer
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
