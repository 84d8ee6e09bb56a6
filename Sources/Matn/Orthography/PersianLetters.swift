import MatnICU

/// Stage 3a — Persian letters, digits, marks and ZWNJ, in Persian spans only
/// (PERSIAN.md A.3–A.5). Protected spans and spans of other Arabic-script languages
/// pass through untouched.
struct PersianLetters {
  let classOf = ScalarClasses.shared
  struct Options: Sendable, Hashable {
    /// ي ى → ی, ك → ک, ۀ → ه + U+0654.
    var letters = true
    /// Arabic-Indic digits → Persian digits.
    var digits = true
    /// Remove tatweel.
    var tatweel = true
    /// Remove short-vowel marks (fatha, kasra, damma, sukun, shadda, tanwin other than
    /// tanwin-fath on alef).
    var diacritics = true
    /// Reduce a letter repeated three or more times in a word to one (informal
    /// elongation), unless a morpheme boundary falls inside the run (جبهه + ها).
    var repeatedLetters = true
    /// ZWNJ hygiene: collapse runs; drop at word edges and after non-joining letters.
    var zwnj = true
  }

  var options: Options

  func apply(_ buffer: TextBuffer, _ report: inout ChangeRecorder) -> TextBuffer {
    var buffer = buffer
    substituteInPlace(&buffer, &report)
    var out = Rewriter(buffer)
    let s = buffer.scalars
    let flags = buffer.flags
    let n = s.count
    let stops = options.repeatedLetters ? Self.stopsWithRuns : Self.stops
    // Long runs of ZWNJ, marks or tatweel are scanned once, not once per scalar.
    var memo = Memo()
    var i = 0
    while i < n {
      // Skip, in one call, what this stage never changes: everything but the scalars
      // it rewrites or removes, and letters next to one of those or to their own
      // repetition (where a run of repeated letters may start).
      let j = out.keepUnchanged(from: i, stops)
      if j > i {
        i = j
        continue
      }
      let f = flags[i]
      // Persian spans only; ZWNJ outside any Arabic-script span is hygiene-checked too.
      guard f.contains(.persian), !f.contains(.protected) else {
        // ZWNJ hygiene is about invisible junk, not Persian spelling: it applies in
        // every Arabic-script span and outside spans.
        if s[i] == 0x200C, options.zwnj, !f.contains(.protected) {
          zwnj(at: i, s, inPersian: false, &memo, &out, &report)
        } else if s[i] == 0x0640, options.tatweel, f.contains(.otherArabicScript), !f.contains(.protected) {
          // A dash typed as tatweel is punctuation, not a letter of the span's
          // language: it is a dash in an Arabic quotation too. Kashida inside a word
          // of another language stays, as its writer stretched it.
          i = tatweel(at: i, s, stretching: false, &memo, &out, &report)
          continue
        } else {
          out.keep(i)
        }
        i += 1
        continue
      }
      if options.repeatedLetters, let last = squeezeRepeats(from: i, s, flags, &out, &report) { i = last }
      i = rewrite(at: i, s, &memo, &out, &report)
    }
    return out.output
  }

  /// A letter stretched by repetition (compared after folding: يیي and ههۀ are runs
  /// too) keeps its last letter. Tatweel and marks this stage removes, and a ZWNJ after
  /// a letter that does not join (which this stage removes), do not break a run; any
  /// other ZWNJ does. A run with a morpheme boundary inside is no elongation
  /// (``isMorphemeBoundary(_:_:_:_:)``). Returns the run's last letter when a run of
  /// three or more was squeezed.
  private func squeezeRepeats(
    from i: Int, _ s: [UInt32], _ flags: [SpanFlags], _ out: inout Rewriter, _ report: inout ChangeRecorder
  ) -> Int? {
    let v = s[i], n = s.count
    guard classOf(v).isSuperset(of: .arabicLetter) else { return nil }
    let folded = fold(v)
    let transparentZWNJ = classOf(v).contains(.nonJoiningNext)
    var letters = 1, last = i, j = i + 1
    while j < n && flags[j].contains(.persian) {
      if fold(s[j]) == folded {
        letters += 1
        last = j
      } else if !(deletes(s[j]) || (s[j] == 0x200C && transparentZWNJ)) {
        break
      }
      j += 1
    }
    guard letters >= 3, !(letters <= 4 && isMorphemeBoundary(i, last, s, flags)) else { return nil }
    for k in i..<last {
      let kind: ChangeKind =
        fold(s[k]) == folded ? .repeatedLetter : s[k] == 0x0640 ? .tatweel : s[k] == 0x200C ? .zwnjAfterNonJoiner : .diacritic
      out.delete(k, kind, &report)
    }
    return last
  }

  /// Whether the run of one letter from `first` to `last` (three or four of it) is two
  /// morphemes meeting: a word ending in the letter twice and a suffix starting with it
  /// (جبهه + ها, دهه + هایش), or a prefix and a stem likewise — at most two of the
  /// letter on each side. The word is read past marks and tatweel, up to a ZWNJ or
  /// anything that is not an Arabic letter.
  private func isMorphemeBoundary(_ first: Int, _ last: Int, _ s: [UInt32], _ flags: [SpanFlags]) -> Bool {
    let letter = fold(s[first])
    func inWord(_ k: Int) -> Bool {
      flags[k].contains(.persian) && (classOf(s[k]).isSuperset(of: .arabicLetter) || deletes(s[k]))
    }
    // Affixes are short (نمی, هایشان): a word going on further than one could reach
    // has none there, and is not scanned to its end (a word of 10,000 letters).
    var start = first
    while start > 0 && first - start < 8 && inWord(start - 1) { start -= 1 }
    let prefixes = start == 0 || !inWord(start - 1)
    var end = last + 1
    while end < s.count && end - last < 16 && inWord(end) { end += 1 }
    let suffixes = end == s.count || !inWord(end)
    guard prefixes || suffixes else { return false }
    // The run's letters (ZWNJ after a non-joiner inside is skipped), in order.
    var run: [Int] = []
    for k in first...last where fold(s[k]) == letter { run.append(k) }
    for split in 1..<run.count where split <= 2 && run.count - split <= 2 {
      let p = run[split]
      var suffix = FNV.basis, prefix = FNV.basis
      for k in p..<end where s[k] != 0x200C && !deletes(s[k]) { suffix = FNV.step(suffix, fold(s[k])) }
      for k in start..<p where s[k] != 0x200C && !deletes(s[k]) { prefix = FNV.step(prefix, fold(s[k])) }
      if suffixes && Affixes.plural.contains(suffix) || prefixes && Affixes.verbPrefixes.contains(prefix) { return true }
    }
    return false
  }

  /// The letter rules for the scalar at `i` of a Persian span: yeh, kaf, heh with yeh,
  /// digits, tatweel, vowel marks, ZWNJ. Returns the next index to look at.
  private func rewrite(
    at i: Int, _ s: [UInt32], _ memo: inout Memo, _ out: inout Rewriter, _ report: inout ChangeRecorder
  ) -> Int {
    let v = s[i], n = s.count
    switch v {
    case 0x064A where options.letters:
      if i + 1 < n && s[i + 1] == 0x0654 {
        // ي + hamza above is a decomposed ئ: keep it ئ rather than ی + ٔ.
        out.replace(i..<i + 2, with: CollectionOfOne(0x0626), .arabicYeh, &report)
        return i + 2
      }
      out.replace(i, with: 0x06CC, .arabicYeh, &report)
    case 0x0649 where options.letters:
      out.replace(i, with: 0x06CC, .arabicYeh, &report)
    case 0x0643 where options.letters:
      out.replace(i, with: 0x06A9, .arabicKaf, &report)
    case 0x06C0 where options.letters:
      out.replace(i..<i + 1, with: [0x0647, 0x0654], .hehWithYeh, &report)
    case 0x06D5 where options.letters && i + 1 < n && s[i + 1] == 0x0654:
      out.replace(i, with: 0x0647, .hehWithYeh, &report)
    case 0x0660...0x0669 where options.digits:
      out.replace(i, with: v - 0x0660 + 0x06F0, .arabicIndicDigit, &report)
    case 0x0640 where options.tatweel:
      return tatweel(at: i, s, stretching: true, &memo, &out, &report)
    case 0x064C...0x0652 where options.diacritics:
      out.delete(i, .diacritic, &report)
    case 0x064B where options.diacritics:
      // Tanwin-fath is written on alef (اتفاقاً, or ًا): keep it there.
      let k = memo.beforeMarks.last(out) { classOf($0).contains(.mark) }
      let before = k >= 0 ? out.outputScalar(k) : 0
      let j = memo.marks.end(from: i + 1, count: n) { classOf(s[$0]).contains(.mark) }
      if Self.isAlef(before) || (j < n && Self.isAlef(s[j])) {
        out.keep(i)
      } else {
        out.delete(i, .diacritic, &report)
      }
    case 0x200C where options.zwnj:
      zwnj(at: i, s, inPersian: true, &memo, &out, &report)
    default:
      out.keep(i)
    }
    return i + 1
  }

  /// Kashida stretches a word: between two letters it goes (`stretching`; else it
  /// stays). A run of tatweel anywhere else is a dash (۱ــ بند، ۶ــ۱) and becomes one.
  /// Returns where the run ends.
  private func tatweel(
    at i: Int, _ s: [UInt32], stretching: Bool, _ memo: inout Memo, _ out: inout Rewriter,
    _ report: inout ChangeRecorder
  ) -> Int {
    var j = i
    while j < s.count && s[j] == 0x0640 { j += 1 }
    let k = memo.beforeMarksAndZWNJ.last(out) { classOf($0).contains(.mark) || $0 == 0x200C }
    let afterLetter = k >= 0 && classOf(out.outputScalar(k)).isSuperset(of: .arabicLetter) && out.outputScalar(k) != 0x0640
    let beforeLetter = isKashida(at: i, s, &memo)
    if afterLetter && (beforeLetter || stretching && tatweelInHalfSpace(at: i, s) != nil) {
      for t in i..<j {
        if stretching { out.delete(t, .tatweel, &report) } else { out.keep(t) }
      }
    } else {
      out.replace(i..<j, with: CollectionOfOne(0x2013), .tatweel, &report)
    }
    return j
  }

  /// The one-for-one substitutions (ي ى → ی, ك → ک, Arabic-Indic → Persian digits)
  /// made in place: no copy, and the stretches the rewriter keeps stay long. A ي
  /// before hamza above is left for the rewriting pass, which makes it ئ.
  private func substituteInPlace(_ buffer: inout TextBuffer, _ report: inout ChangeRecorder) {
    guard options.letters || options.digits else { return }
    let letters = options.letters, digits = options.digits
    let n = buffer.count
    var i = buffer.next(from: 0, Self.stops)
    while i < n {
      defer { i = buffer.next(from: i + 1, Self.stops) }
      let v = buffer.scalars[i], f = buffer.flags[i]
      guard v >= 0x0643 && v <= 0x0669, f.contains(.persian), !f.contains(.protected) else { continue }
      let replacement: UInt32
      let kind: ChangeKind
      switch v {
      case 0x064A where letters && !(i + 1 < n && buffer.scalars[i + 1] == 0x0654):
        replacement = 0x06CC
        kind = .arabicYeh
      case 0x0649 where letters:
        replacement = 0x06CC
        kind = .arabicYeh
      case 0x0643 where letters:
        replacement = 0x06A9
        kind = .arabicKaf
      case 0x0660...0x0669 where digits:
        replacement = v - 0x0660 + 0x06F0
        kind = .arabicIndicDigit
      default:
        continue
      }
      buffer.set(i, to: replacement)
      report.record(kind, buffer.origins?[i] ?? 0..<0)
    }
  }

  /// The letter `v` becomes in Persian text (for comparing runs).
  @inline(__always)
  private func fold(_ v: UInt32) -> UInt32 {
    guard options.letters else { return v }
    return v == 0x06C0 ? 0x0647 : PersianFold.yehKaf(v)
  }

  private static let stops = ScalarScan.Stops(stop: StageScan.persianLetters)
  private static let stopsWithRuns = ScalarScan.Stops(
    stop: StageScan.persianLetters, context: StageScan.arabicLetter, neighbours: StageScan.persianLetters,
    repeats: true)

  /// Whether this stage may change `v`, or `v` may continue a run of repeated letters:
  /// ي ى ك ۀ ە, tatweel, short vowels, Arabic-Indic digits, ZWNJ (the scan stops there).
  static func attends(_ v: UInt32) -> Bool {
    switch v {
    case 0x064A, 0x0649, 0x0643, 0x06C0, 0x06D5, 0x0640, 0x064B...0x0652, 0x0660...0x0669, 0x200C: true
    default: false
    }
  }

  @inline(__always)
  private static func isAlef(_ v: UInt32) -> Bool { v == 0x0627 || v == 0x0623 || v == 0x0625 || v == 0x0622 }

  /// Whether this stage deletes `v` (so rules look past it).
  @inline(__always)
  private func deletes(_ v: UInt32) -> Bool {
    (v == 0x0640 && options.tatweel) || (v >= 0x064B && v <= 0x0652 && options.diacritics)
  }

  /// Whether the tatweel run at `i` is followed (past marks) by an Arabic letter, the
  /// forward half of being kashida rather than a dash.
  private func isKashida(at i: Int, _ s: [UInt32], _ memo: inout Memo) -> Bool {
    let j = memo.tatweelAndMarks.end(from: i, count: s.count) { s[$0] == 0x0640 || classOf(s[$0]).contains(.mark) }
    return j < s.count && s[j] != 0x0640 && classOf(s[j]).isSuperset(of: .arabicLetter)
  }

  /// Whether the tatweel run at `i` stands between two ZWNJs inside a word
  /// («هزینه‌ـ‌منفعت»: a ZWNJ before it, a ZWNJ after it, an Arabic letter past that):
  /// the word's half-space, stretched, not a dash. Where the run ends, or nil.
  private func tatweelInHalfSpace(at i: Int, _ s: [UInt32]) -> Int? {
    guard i > 0, s[i - 1] == 0x200C else { return nil }
    var j = i
    while j < s.count && s[j] == 0x0640 { j += 1 }
    var k = j
    while k < s.count && s[k] == 0x200C { k += 1 }
    guard k > j, k < s.count, s[k] != 0x0640, classOf(s[k]).isSuperset(of: .arabicLetter) else { return nil }
    return j
  }

  /// What this stage remembers of its last scans (see ``ForwardRunMemo``,
  /// ``OutputLookBehind``): each run is looked at once, whatever its length.
  struct Memo {
    /// The last ZWNJ run looked at: from a ZWNJ to the first scalar past it that
    /// stays, with its last ZWNJ.
    var zwnjRun: (range: Range<Int>, lastZWNJ: Int, inPersian: Bool)?
    var marks = ForwardRunMemo()
    var tatweelAndMarks = ForwardRunMemo()
    var beforeMarks = OutputLookBehind()
    var beforeMarksAndZWNJ = OutputLookBehind()
  }

  /// ZWNJ is kept only between a letter that joins the next one and an Arabic-script
  /// letter (or between two letters of another script that uses it, such as Indic).
  private func zwnj(
    at i: Int, _ s: [UInt32], inPersian: Bool, _ memo: inout Memo, _ out: inout Rewriter,
    _ report: inout ChangeRecorder
  ) {
    // What follows once this stage is done: in Persian spans, past the marks it
    // removes and past kashida (a tatweel run between letters); past other ZWNJs.
    // Every ZWNJ of one run sees the same end: the run is scanned once (memo.zwnjRun).
    let next: Int
    let repeated: Bool
    if let run = memo.zwnjRun, run.inPersian == inPersian, run.range.contains(i) {
      next = run.range.upperBound
      repeated = run.lastZWNJ > i
    } else {
      var j = i + 1
      var lastZWNJ = i
      while j < s.count {
        let w = s[j]
        if w == 0x200C {
          lastZWNJ = j
          j += 1
        } else if inPersian && w >= 0x064B && w <= 0x0652 && options.diacritics {
          j += 1
        } else if inPersian && w == 0x0640 && options.tatweel && isKashida(at: j, s, &memo) {
          j += 1
        } else if inPersian && w == 0x0640 && options.tatweel, let end = tatweelInHalfSpace(at: j, s) {
          j = end
        } else {
          break
        }
      }
      memo.zwnjRun = (i..<j, lastZWNJ, inPersian)
      next = j
      repeated = lastZWNJ > i
    }
    if repeated {
      out.delete(i, .repeatedZWNJ, &report)
      return
    }
    // The letter before, skipping marks (a ZWNJ after a vowel mark still follows its letter).
    let k = memo.beforeMarks.last(out) { classOf($0).contains(.mark) }
    let before = k >= 0 ? classOf(out.outputScalar(k)) : []
    // A tatweel still ahead here is a dash in the making, not a letter.
    let dash = next < s.count && s[next] == 0x0640 && inPersian && options.tatweel
    let after = next < s.count && !dash ? classOf(s[next]) : []
    if before.contains(.otherScript) && before.contains(.letter) && after.contains(.otherScript)
      && after.contains(.letter)
    {
      out.keep(i)
    } else if !before.isSuperset(of: .arabicLetter)
      || !(after.isSuperset(of: .arabicLetter) || after.contains(.mark) && after.contains(.arabicScript))
    {
      out.delete(i, .strayZWNJ, &report)
    } else if before.contains(.nonJoiningNext) {
      out.delete(i, .zwnjAfterNonJoiner, &report)
    } else {
      out.keep(i)
    }
  }
}
