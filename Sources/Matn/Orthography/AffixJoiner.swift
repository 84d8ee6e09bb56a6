import CMatnKernels
import MatnICU

/// Stage 3b — affix ZWNJ and compounds, Persian spans only (PERSIAN.md A.6).
///
/// A space between a word and its affix becomes ZWNJ (or disappears after a letter
/// that does not join the next one):
/// - «می»/«نمی» + a conjugated form of a known verb stem (`می خواهد` → `می‌خواهد`;
///   `میز`, `ماه می ۲۰۲۴` are left alone);
/// - a word + ها/های/هایی and their possessive forms;
/// - a known adjective + تر/ترین (not بهتر مهتر کهتر بیشتر کمتر, written glued);
/// - a word ending in silent ه + ای/ام/ات/اش/اند/ایم/اید (`خانه ای` → `خانه‌ای`).
/// Two free words are never joined, except a two-part compound the user listed
/// (``TextNormalizer/Options/compounds``: `به عنوان` → `به‌عنوان`); a glued compound gets
/// its ZWNJ when the compound lexicon names it (`آگاهسیستم` → `آگاه‌سیستم`, `بینالمللی` →
/// `بین‌المللی`), also before a glued affix or ending (`تفاهمنامههای`, `دانشآموزان`). With
/// `splitsGlued`, a word typed glued to its affix gets its ZWNJ too (`میکنند` → `می‌کنند`,
/// see ``GluedAffixes``). A split whose glued spelling is standard too (a plural, تر/ترین,
/// one of hazm's compounds) is made only when ``SplitConfidence`` finds the text lost its
/// half-spaces.
///
/// It also writes the ezafe after silent ه in one style (``EzafeStyle``): a token scan
/// sees every spelling of it.
struct AffixJoiner {
  let classOf = ScalarClasses.shared
  var lexicon: PersianLexicon
  /// The compounds joined (the shipped ones and the user's).
  var compounds = Compounds.shared
  /// Spaced affixes, compounds and (with ``splitsGlued``) glued affixes.
  var joins = true
  var splitsGlued = true
  var ezafe = EzafeStyle.hamza
  /// The logit an optional split's score must reach (``SplitConfidence``).
  var cutOff = SplitConfidence.cutOff
  /// Whether words `glue` left alone are remembered for the next texts (``QuietTokens``):
  /// only with the shipped compounds and glued affixes split, the one configuration the
  /// shared tables serve.
  var remembersQuietTokens = false

  private typealias Edit = (range: Range<Int>, replacement: [UInt32], kind: ChangeKind)

  /// A token's scalars; its key (FNV-1a of its scalars, as in ``PersianLexicon``) is
  /// computed only for the few tokens a rule looks up.
  private struct Token {
    var range: Range<Int>

    func key(_ s: UnsafeBufferPointer<UInt32>) -> UInt64 {
      var h = FNV.basis
      for k in range { h = FNV.step(h, s[k]) }
      return h
    }
  }

  func apply(_ buffer: TextBuffer, _ report: inout ChangeRecorder) -> TextBuffer {
    var buffer = buffer
    var evidence = SplitConfidence.Evidence()
    apply(&buffer, &report, &evidence)
    return buffer
  }

  /// The same on `buffer` itself, a text of its own.
  func apply(_ buffer: inout TextBuffer, _ report: inout ChangeRecorder) {
    var evidence = SplitConfidence.Evidence()
    apply(&buffer, &report, &evidence)
  }

  /// The same on `buffer` itself: when every change is one scalar for one (a space
  /// become ZWNJ), written in place, with no copy of the buffer. `evidence`: what the
  /// text before `buffer` showed (``SplitConfidence``), updated with what `buffer` shows
  /// (a long text's segments pass it on).
  func apply(_ buffer: inout TextBuffer, _ report: inout ChangeRecorder, _ evidence: inout SplitConfidence.Evidence) {
    if remembersQuietTokens && joins && splitsGlued {
      QuietTokens.withTable { apply(&buffer, &report, &evidence, quiet: $0) }
    } else {
      apply(&buffer, &report, &evidence, quiet: nil)
    }
  }

  /// The same, skipping the glued-word search for the words `quiet` holds and adding
  /// those it leaves alone (``QuietTokens``; nil: none).
  func apply(
    _ buffer: inout TextBuffer, _ report: inout ChangeRecorder, _ evidence: inout SplitConfidence.Evidence,
    quiet: QuietTokens?
  ) {
    var edits = self.edits(buffer, &evidence, quiet: quiet)
    guard !edits.isEmpty else { return }
    // A compound edit of a token comes after the join into it: order by position.
    edits.sort { $0.range.lowerBound < $1.range.lowerBound }
    if edits.allSatisfy({ $0.range.count == 1 && $0.replacement.count == 1 }) {
      // The scalar keeps its flags and origin, as the rewriter would give them.
      for edit in edits {
        let k = edit.range.lowerBound
        buffer.set(k, to: edit.replacement[0])
        report.record(edit.kind, buffer.origins?[k] ?? 0..<0)
      }
      return
    }
    var out = Rewriter(buffer)
    var position = 0
    for edit in edits {
      out.keep(position..<edit.range.lowerBound)
      out.replace(edit.range, with: edit.replacement, edit.kind, &report)
      position = edit.range.upperBound
    }
    out.keep(position..<buffer.count)
    buffer = out.output
  }

  /// The changes to make, decided on the whole buffer before any is made.
  /// (`quiet`: the words `glue` left alone before, to skip it for them.)
  private func edits(_ buffer: TextBuffer, _ evidence: inout SplitConfidence.Evidence, quiet: QuietTokens?) -> [Edit] {
    let s = buffer.scalars
    let flags = buffer.flags
    let n = s.count
    // Stream the tokens of Persian spans (runs of Arabic letters, marks and ZWNJ),
    // deciding each join as the next token arrives; rewrite once at the end.
    var edits: [Edit] = []
    // The optional splits (``SplitConfidence``), decided at the end of each stretch of text
    // without a Latin letter with the evidence counted so far (long texts are normalised
    // in pieces cut inside Latin words, and the pieces must give what the whole gives).
    var stretch = Stretch(evidence: evidence, cutOff: cutOff)
    let glued = GluedAffixes(lexicon: lexicon)
    // The shortest token `glue` may change without a ZWNJ in it: four scalars (an affix
    // needs them), three when a user's compound has three.
    let glueFrom = compounds.mayHold(length: 3) ? 3 : 4
    var previous: Token? = nil
    var last = 0  // where the previous token ended
    // One flat loop over the token scanner's batches (``ScalarScan/forEachToken``'s
    // work without its closure): the loop's state stays in registers, not in the
    // captured variables a per-token closure reads and writes through memory.
    s.withUnsafeBufferPointer { sp in
      flags.withUnsafeBufferPointer { fp in
        buffer.bits.withUnsafeBufferPointer { bp in
          guard let bits = bp.baseAddress else { return }
          withUnsafeTemporaryAllocation(of: mk_token.self, capacity: Self.tokenBatch) { batch in
            var from = 0
            while from < n {
              var resume: Int64 = 0
              let found = Int(
                mk_scalars_tokens(
                  bits, Int64(from), Int64(n), StageScan.token, 0, StageScan.zwnj, batch.baseAddress!,
                  Int64(Self.tokenBatch), &resume))
              from = Int(resume)
              for t in 0..<found {
                let start = Int(batch[t].start), end = Int(batch[t].end), skipped = Int(batch[t].skipped)
                // The gap since the previous token: anything but plain spaces ends the chance
                // of a join, and a Latin letter ends the stretch.
                var gapIsSpaces = true, latin = false
                for k in last..<start where sp[k] != 0x20 {
                  gapIsSpaces = false
                  if sp[k] < 0x80 && (sp[k] | 0x20) &- 0x61 < 26 {
                    latin = true
                    break
                  }
                }
                if !gapIsSpaces { previous = nil }
                if stretch.pendingHeh >= 0 {
                  // A glued «Xهای» read both ways keeps its heh split only before the end of a phrase.
                  if !glued.endsPhrase(sp, gap: last..<start, next: start..<end) {
                    stretch.dropped.append(stretch.pendingHeh)
                  }
                  stretch.pendingHeh = -1
                }
                if latin { stretch.close(edits, sp) }
                last = end
                let f = fp[start]
                guard f.contains(.persian), !f.contains(.protected) else {
                  previous = nil
                  continue
                }
                // A token lies within one span (spans end only at scalars that are not
                // token scalars) and is never protected, so its scalars share their flags.
                assert(fp[start..<end].allSatisfy { $0 == f }, "a token straddles spans")
                let token = Token(range: start..<end)
                // Every ezafe spelling ends its token in ی, U+0654 or ۀ.
                if ezafe != .asTyped, case let l = sp[end - 1], l == 0x06CC || l == 0x0654 || l == 0x06C0 {
                  ezafeEdit(after: previous, token, sp, fp, &edits)
                }
                guard joins else {
                  previous = token
                  continue
                }
                // A shorter token with no ZWNJ is no glued compound or affixed word and shows
                // no half-space: most function words skip the call.
                // (`skipped`: its ZWNJs, or more when it holds a supplementary scalar.)
                if end - start >= glueFrom || skipped > 0 {
                  if skipped == 0, let quiet, let key = QuietTokens.key(sp, token.range) {
                    // A ZWNJ-free word `glue` left alone before gets no edit and adds no evidence.
                    if !quiet.contains(key) {
                      let before = edits.count
                      glue(token.range, zwnjFree: true, sp, glued, &edits, &stretch)
                      if edits.count == before { quiet.insert(key) }
                    }
                  } else {
                    glue(token.range, zwnjFree: skipped == 0, sp, glued, &edits, &stretch)
                  }
                }
                if let word = previous {
                  if word.range.upperBound + 1 == start, end - start >= 2,
                    compounds.joinsSpaced(sp, word.range, token.range)
                  {
                    // A user's «به عنوان»: the space becomes ZWNJ, or goes after a letter that does not join.
                    let gap = word.range.upperBound..<start
                    edits.append(
                      (gap, classOf(sp[gap.lowerBound - 1]).contains(.nonJoiningNext) ? [] : [0x200C], .compoundZWNJ))
                  } else if Self.mayJoinAffix(word, token, sp), case let kind = joinsAffix(word, token, sp),
                    kind != .none
                  {
                    if kind == .verb {
                      stretch.evidence.spacedMi += 1
                    } else if kind == .plural {
                      stretch.evidence.spacedPlurals += 1
                    }
                    // The word's last letter (past its marks) decides between ZWNJ and gluing.
                    var k = word.range.upperBound - 1
                    while k > word.range.lowerBound && classOf(sp[k]).contains(.mark) { k -= 1 }
                    if sp[k] != 0x200C {
                      let gap = word.range.upperBound..<token.range.lowerBound
                      edits.append((gap, classOf(sp[k]).contains(.nonJoiningNext) ? [] : [0x200C], .affixJoin))
                    }
                  }
                }
                previous = token
              }
            }
          }
        }
      }
    }
    s.withUnsafeBufferPointer { sp in
      if stretch.pendingHeh >= 0 && !glued.endsPhrase(sp, gap: last..<n, next: nil) {
        stretch.dropped.append(stretch.pendingHeh)
      }
      stretch.close(edits, sp)
    }
    evidence = stretch.evidence
    // Ascending but for an ambiguous heh split, dropped when the next token came.
    stretch.dropped.sort()
    for index in stretch.dropped.reversed() { edits.remove(at: index) }
    return edits
  }

  /// The optional splits of a stretch of text without a Latin letter, decided when it
  /// closes (``SplitConfidence``). A value the token loop owns (not variables a local
  /// function captures), so that its updates need no run-time exclusivity checks.
  private struct Stretch {
    /// What the text has shown so far, this stretch included.
    var evidence: SplitConfidence.Evidence
    /// The stretch's optional splits: their index in the edits, kind and the length of
    /// the part before them.
    var optional: [(edit: Int, kind: SplitConfidence.Kind, stem: Int)] = []
    /// Indices of the edits dropped by stretches already closed, and ambiguous heh splits
    /// dropped.
    var dropped: [Int] = []
    /// The edit of a glued «Xهای» split as X‌ه + ای that reads X + های too
    /// (``GluedAffixes/readsBothWays(_:_:at:)``), decided when the next token comes; −1.
    var pendingHeh = -1

    /// The logit an optional split's score must reach.
    let cutOff: Double

    init(evidence: SplitConfidence.Evidence, cutOff: Double) {
      self.evidence = evidence
      self.cutOff = cutOff
    }

    /// Notes the optional split `edits[edit]` at scalar `at`, after a part from `from`.
    mutating func add(_ edit: Int, _ kind: SplitConfidence.Kind, from: Int, at: Int) {
      optional.append((edit, kind, at - from))
      evidence.candidates += 1
    }

    mutating func close(_ edits: [Edit], _ s: UnsafeBufferPointer<UInt32>) {
      guard !optional.isEmpty else { return }
      let score = evidence.textScore()
      for split in optional
      where !SplitConfidence.keeps(split.kind, stemLength: split.stem, textScore: score, cutOff: cutOff) {
        dropped.append(split.edit)
      }
      optional.removeAll(keepingCapacity: true)
    }
  }

  /// The ezafe after silent ه in the chosen style. Forms: «خانه ی ما» (ی a word of its
  /// own, one space on each side, a Persian word after it), «خانه‌ی ما» (a Persian word
  /// after it), «خانهٔ» and «خانۀ» (ezafe by their spelling). The word before needs three
  /// letters or more and a silent ه (not after ا و آ: راه، کوه); «ی» anywhere else (a
  /// letter named in a list, «ی» before punctuation or a digit) is left alone.
  private func ezafeEdit(
    after previous: Token?, _ token: Token, _ s: UnsafeBufferPointer<UInt32>, _ f: UnsafeBufferPointer<SpanFlags>,
    _ edits: inout [Edit]
  ) {
    let r = token.range, n = s.count
    func silentHeh(endingAt k: Int, from lower: Int) -> Bool {
      Affixes.endsInSilentHeh(s, lower..<k)
    }
    func wordFollows(_ k: Int) -> Bool {
      k + 1 < n && s[k] == 0x20 && classOf(s[k + 1]).isSuperset(of: .arabicLetter) && f[k + 1].contains(.persian)
        && !f[k + 1].contains(.protected)
    }
    let last = s[r.upperBound - 1]
    if r.count == 1 && last == 0x06CC {
      // «خانه ی ما»
      guard let word = previous, r.lowerBound - word.range.upperBound == 1,
        silentHeh(endingAt: word.range.upperBound, from: word.range.lowerBound), wordFollows(r.upperBound)
      else { return }
      if ezafe == .hamza {
        edits.append((word.range.upperBound..<r.upperBound, [0x0654], .ezafe))
      } else {
        edits.append((word.range.upperBound..<r.lowerBound, [0x200C], .ezafe))
      }
    } else if last == 0x06CC && ezafe == .hamza {
      // «خانه‌ی ما»
      guard r.count >= 5, s[r.upperBound - 2] == 0x200C, silentHeh(endingAt: r.upperBound - 2, from: r.lowerBound),
        wordFollows(r.upperBound)
      else { return }
      edits.append((r.upperBound - 2..<r.upperBound, [0x0654], .ezafe))
    } else if ezafe == .yeh && (last == 0x0654 && r.count >= 4 && silentHeh(endingAt: r.upperBound - 1, from: r.lowerBound)) {
      // «خانهٔ»
      edits.append((r.upperBound - 1..<r.upperBound, [0x200C, 0x06CC], .ezafe))
    } else if ezafe == .yeh && last == 0x06C0 && r.count >= 3 {
      // «خانۀ» (when the letters stage leaves ۀ as it is)
      edits.append((r.upperBound - 1..<r.upperBound, [0x0647, 0x200C, 0x06CC], .ezafe))
    }
  }

  /// The ZWNJs a token typed without them needs: each ZWNJ-free segment that is a glued
  /// compound gets its ZWNJs; otherwise (with ``splitsGlued``) a prefix is looked for in
  /// the first segment and a suffix in the last, and the stem before a suffix, or before
  /// a final ی / ان, may be a compound in turn (تفاهمنامههای, دانشآموزان).
  /// The splits whose glued spelling is also standard (all but after «می»/«نمی» and
  /// before an affix after a silent ه) go to the stretch's optional ones, and the token's
  /// half-spaces (a ZWNJ after a letter that joins) and «می» verbs to its evidence: one
  /// pass over the token finds its segments, their keys and its half-spaces.
  /// `zwnjFree`: the token has no ZWNJ (its one segment needs no search).
  private func glue(
    _ r: Range<Int>, zwnjFree: Bool, _ s: UnsafeBufferPointer<UInt32>, _ glued: GluedAffixes, _ edits: inout [Edit],
    _ stretch: inout Stretch
  ) {
    let affixed = splitsGlued && r.count >= 4 && GluedAffixes.mayBeAffixed(s, r)
    var start = r.lowerBound
    while start < r.upperBound {
      var end = start
      if zwnjFree {
        end = r.upperBound
      } else {
        while end < r.upperBound && s[end] != 0x200C { end += 1 }
      }
      // The segment's key, when a compound may be that word or (in a last segment of five
      // scalars or more) the stem before its final ی or ان, looked up below: FNV-1a is a
      // running hash, so the stem's key comes along. Most words are too short for any
      // compound or shaped like none.
      var stemEnd = -1, stem = false
      if zwnjFree || end == r.upperBound && end - start >= 5 {
        // In arithmetic: the length and the ending of running words defeat the branch
        // predictor. (A token without ZWNJ that reaches here has three scalars or more,
        // so every scalar read is its own.)
        let l1 = s[end - 1], l2 = s[end - 2]
        let yeh = l1 == 0x06CC
        let ending: UInt64 = (end - start >= 5 ? 1 : 0) & ((yeh ? 1 : 0) | ((l1 ^ 0x0646) | (l2 ^ 0x0627) == 0 ? 1 : 0))
        let candidate = yeh ? end - 1 : end - 2
        stem = ending & compounds.holdBit(s, start..<max(candidate, start + 2)) != 0
        stemEnd = stem ? candidate : -1
      }
      let whole = compounds.mayHold(s, start..<end)
      var key = FNV.basis, keyBefore1 = FNV.basis, keyBefore2 = FNV.basis
      if whole || stem {
        for k in start..<end {
          keyBefore2 = keyBefore1
          keyBefore1 = key
          key = FNV.step(key, s[k])
        }
      }
      if end < r.upperBound && end > r.lowerBound && !classOf(s[end - 1]).contains(.nonJoiningNext) {
        stretch.evidence.halfSpaces += 1
        if start == r.lowerBound && Affixes.isVerbPrefix(s, start..<end) { stretch.evidence.zwnjMi += 1 }
      }
      let segment = start..<end
      start = end + 1
      let editsBefore = edits.count
      defer {
        // A glued compound no list names, when no rule below gave the segment a ZWNJ.
        if edits.count == editsBefore && splitCompoundPart(segment, s, glued, &edits) {
          let cut = edits[edits.count - 1].range.lowerBound
          stretch.add(edits.count - 1, .compound, from: segment.lowerBound, at: cut)
        }
      }
      if whole, let entry = compounds.entry(key: key, count: segment.count) {
        let before = edits.count
        insertCompound(at: segment.lowerBound, entry.offsets, s, &edits)
        if !entry.required { addCompound(edits, from: before, segment.lowerBound, &stretch) }
        continue
      }
      let first = segment.lowerBound == r.lowerBound, last = segment.upperBound == r.upperBound
      if affixed && (first || last) && segment.count >= 4,
        let k = glued.splitPoint(s, segment, first: first, last: last)
      {
        // Glued «می»/«نمی» verbs and affixes after a silent ه («رسانهها», «خانهای») have no
        // standard glued spelling: they are split whatever the text does.
        if Affixes.isVerbPrefix(s, segment.lowerBound..<k) {
          stretch.evidence.gluedMi += 1
        } else if !Affixes.endsInSilentHeh(s, segment.lowerBound..<k) {
          stretch.add(edits.count, s[k] == 0x0647 ? .plural : .comparative, from: segment.lowerBound, at: k)
        } else if last && glued.readsBothWays(s, segment, at: k) {
          stretch.pendingHeh = edits.count
        }
        edits.append((k..<k, [0x200C], .affixSplit))
        let before = edits.count
        var required = false
        if let entry = compounds.entry(s, segment.lowerBound..<k) {
          insertCompound(at: segment.lowerBound, entry.offsets, s, &edits)
          required = entry.required
        } else {
          splitCompoundPart(segment.lowerBound..<k, s, glued, &edits)
        }
        if !required { addCompound(edits, from: before, segment.lowerBound, &stretch) }
        continue
      }
      guard stem else { continue }
      let stemKey = stemEnd == segment.upperBound - 1 ? keyBefore1 : keyBefore2
      if let entry = compounds.entry(key: stemKey, count: stemEnd - segment.lowerBound) {
        let before = edits.count
        insertCompound(at: segment.lowerBound, entry.offsets, s, &edits)
        if !entry.required { addCompound(edits, from: before, segment.lowerBound, &stretch) }
      }
    }
  }

  /// Notes the compound ZWNJs `edits[from...]` of a segment starting at `start` as optional
  /// splits, each after the part since the one before.
  private func addCompound(_ edits: [Edit], from: Int, _ start: Int, _ stretch: inout Stretch) {
    var part = start
    for index in from..<edits.count {
      let at = edits[index].range.lowerBound
      stretch.add(index, .compound, from: part, at: at)
      part = at
    }
  }

  /// A ZWNJ in the glued compound `s[r]` that no list names (with ``splitsGlued``; see
  /// ``GluedAffixes/compoundPartSplit(_:_:)``), appended to `edits`; whether one was.
  @discardableResult
  private func splitCompoundPart(
    _ r: Range<Int>, _ s: UnsafeBufferPointer<UInt32>, _ glued: GluedAffixes, _ edits: inout [Edit]
  ) -> Bool {
    guard splitsGlued, let cut = glued.compoundPartSplit(s, r) else { return false }
    edits.append((cut..<cut, [0x200C], .compoundZWNJ))
    return true
  }

  /// A ZWNJ at each offset from `base`, unless the letter before does not join.
  private func insertCompound(
    at base: Int, _ offsets: [Int], _ s: UnsafeBufferPointer<UInt32>, _ edits: inout [Edit]
  ) {
    for offset in offsets where !classOf(s[base + offset - 1]).contains(.nonJoiningNext) {
      edits.append((base + offset..<base + offset, [0x200C], .compoundZWNJ))
    }
  }

  /// What joins a word to the next token across a space.
  private enum Join { case none, verb, plural, other }

  /// Tokens the scanner hands over per call.
  private static let tokenBatch = 64

  /// The first letters and lengths ``joinsAffix(_:_:_:)`` looks at before any lookup,
  /// checked inline: most word pairs fail them, and a call per pair costs more than the check.
  @inline(__always)
  private static func mayJoinAffix(_ word: Token, _ affix: Token, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
    let wordFirst = s[word.range.lowerBound], affixFirst = s[affix.range.lowerBound]
    return (wordFirst == 0x0645 || wordFirst == 0x0646) && word.range.count <= 3 || affixFirst == 0x0647
      || affixFirst == 0x062A || affixFirst == 0x0627
  }

  private func joinsAffix(_ word: Token, _ affix: Token, _ s: UnsafeBufferPointer<UInt32>) -> Join {
    let w = UnsafeBufferPointer(rebasing: s[word.range])
    let wordFirst = s[word.range.lowerBound], affixFirst = s[affix.range.lowerBound]
    // Cheap first-letter and length checks keep hash lookups off most word pairs.
    if (wordFirst == 0x0645 || wordFirst == 0x0646) && word.range.count <= 3
      && Affixes.verbPrefixes.contains(word.key(s))
    {
      return lexicon.verbForms.contains(affix.key(s)) ? .verb : .none
    }
    if affixFirst == 0x0647 && affix.range.count <= 6 && Affixes.plural.contains(affix.key(s)) {
      return w.count >= 2 && w.last != 0x200C ? .plural : .none
    }
    if affixFirst == 0x062A && affix.range.count <= 4 && Affixes.comparative.contains(affix.key(s)) {
      let key = word.key(s)
      return lexicon.adjectives.contains(key) && !Affixes.gluedComparatives.contains(key) ? .other : .none
    }
    if affixFirst == 0x0627 && affix.range.count <= 3 && Affixes.afterSilentHeh.contains(affix.key(s)) {
      return Affixes.endsInSilentHeh(s, word.range) ? .other : .none
    }
    return .none
  }
}

enum Affixes {
  static let verbPrefixes: WordSet = keys("می نمی")
  static let plural = keys("ها های هایی هایم هایت هایش هایمان هایتان هایشان")
  static let comparative = keys("تر ترین")
  static let gluedComparatives = keys("به مه که بیش کم")
  static let afterSilentHeh = keys("ای ام ات اش اند ایم اید")

  /// Whether the word `s[r]` ends in a silent ه: three letters or more, ending in ه not
  /// after ا و آ (ماه، راه، کوه، گروه end in a pronounced h), a mark or a ZWNJ.
  static func endsInSilentHeh(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Bool {
    guard r.count >= 3, s[r.upperBound - 1] == 0x0647 else { return false }
    let before = s[r.upperBound - 2]
    return before != 0x0627 && before != 0x0648 && before != 0x0622 && before != 0x200C
      && !ScalarClasses.shared(before).contains(.mark)
  }

  /// Preverbs glued before «می»/«نمی» (برمی‌گردد).
  static let preverbs = keys("بر در باز فرو فرا ور وا")

  /// Whether `s[r]` is «می» or «نمی», alone or after a preverb: what a glued verb's split
  /// leaves before its ZWNJ.
  static func isVerbPrefix(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Bool {
    guard r.count >= 2, s[r.upperBound - 1] == 0x06CC, s[r.upperBound - 2] == 0x0645 else { return false }
    var head = r.lowerBound..<r.upperBound - 2
    if head.count > 0 && s[head.upperBound - 1] == 0x0646 { head = head.lowerBound..<head.upperBound - 1 }
    return head.isEmpty || (head.count <= 3 && preverbs.contains(PersianLexicon.key(s[head])))
  }

  private static func keys(_ list: String) -> WordSet {
    WordSet(list.split(separator: " ").map { PersianLexicon.key(String($0)) })
  }
}
