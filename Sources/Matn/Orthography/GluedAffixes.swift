/// Where a Persian word typed glued to its affix takes its ZWNJ (PERSIAN.md A.6, the
/// glued half of it; ``AffixJoiner`` applies it and joins the spaced half):
///
/// - «می»/«نمی», after a glued preverb or not, + a conjugated form of a known verb stem
///   (a bare present stem is not enough: مینه stays):
///   `میکنند` → `می‌کنند`, `نمیتواند` → `نمی‌تواند`, `برمیگردد` → `برمی‌گردد`;
/// - a word ending in silent ه + ای ام ات اش اند ایم اید: `خانهای` → `خانه‌ای`,
///   `شدهاند` → `شده‌اند` (the ه-word from the lexicon, or a past participle; «Xهای» whose
///   X is a word too, نامهای, only before the end of a phrase: ``readsBothWays(_:_:at:)``);
/// - a word + ها های هایی هایم هایت هایش هایمان هایتان هایشان: `رسانهها` → `رسانه‌ها`;
/// - a known adjective + تر/ترین: `بزرگترین` → `بزرگ‌ترین` (not بهتر بیشتر پیشتر کمتر مهتر
///   کهتر).
///
/// Never split: a word the lexicon knows whole, alone or with a final ی/یی or a
/// possessive ending (میان، میهن، میراث، میانجی، تنها، انتهای، انتهایش، میدانی، سهام); a
/// word whose stem would end in a letter that does not join the next (کارها needs
/// nothing); a segment with marks.
///
/// Works on one ZWNJ-free segment of a token (scalar indices into the text): the first
/// segment may lose a prefix, the last a suffix. Every token of a Persian span passes
/// here, so the affixes are matched by comparing scalars, and a word is hashed only when
/// its shape already fits a rule.
struct GluedAffixes {
  let lexicon: PersianLexicon
  let classOf = ScalarClasses.shared

  private static let meem: UInt32 = 0x0645, yeh: UInt32 = 0x06CC, noon: UInt32 = 0x0646
  private static let heh: UInt32 = 0x0647, alef: UInt32 = 0x0627, beh: UInt32 = 0x0628
  private static let teh: UInt32 = 0x062A, reh: UInt32 = 0x0631, dal: UInt32 = 0x062F
  private static let sheen: UInt32 = 0x0634, feh: UInt32 = 0x0641, waw: UInt32 = 0x0648
  /// Comparatives usually written glued, though «X تر» with a space is joined with ZWNJ.
  private static let gluedByUsage = WordSet(["پیش"].map { WordSet.key($0) })

  /// Whether a token of four scalars or more may hold a glued affix, from its first and
  /// last letters alone: «می» (after a preverb or «ن») at the start, or an alef among the
  /// last three (ها، ای ام ات اش های، اند ایم اید هایی هایم…), or تر / ترین: a prefix
  /// is looked for in the first segment, a suffix in the last, so the token's ends decide.
  @inline(__always)
  static func mayBeAffixed(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Bool {
    let a = r.lowerBound, e = r.upperBound
    // In arithmetic, not a branch per letter (the letters of running text defeat the
    // branch predictor): a scalar below U+0627 or past the bits takes bit 63, which is 0.
    let prefix = prefixLetters &>> UInt64(min(s[a] &- 0x0627, 63)) & 1
    let c1 = s[e - 1], c2 = s[e - 2], c3 = s[e - 3]
    // 0 when a letter matches: an alef among the last three, تر, ترین.
    let alefs = min(c1 ^ alef, min(c2 ^ alef, c3 ^ alef))
    let comparatives = min((c1 ^ reh) | (c2 ^ teh), (c1 ^ noon) | (c2 ^ yeh) | (c3 ^ reh))
    return prefix | (min(alefs, comparatives) == 0 ? 1 : 0) != 0
  }

  /// The first letters of «می» and of the preverbs before it (م ن ب د ف و), a bit each
  /// from U+0627 (bit 63 clear).
  private static let prefixLetters: UInt64 = 1 << 0x1E | 1 << 0x1F | 1 << 0x01 | 1 << 0x08 | 1 << 0x1A | 1 << 0x21

  @inline(__always)
  private func key(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> UInt64 {
    var h = FNV.basis
    for k in r { h = FNV.step(h, s[k]) }
    return h
  }

  /// The index where a ZWNJ goes in segment `r` of `s`, or nil. `first`/`last`: whether
  /// the segment starts/ends its token (a prefix is looked for only in a first segment,
  /// a suffix only in a last one).
  func splitPoint(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>, first: Bool, last: Bool) -> Int? {
    guard r.count >= 4 else { return nil }
    let prefix = first ? prefixSplit(s, r) : nil
    guard let at = prefix ?? (last ? suffixSplit(s, r) : nil) else { return nil }
    for k in r where classOf(s[k]).contains(.mark) { return nil }
    let guards = lexicon.affixGuards
    if guards.contains(key(s, r)) { return nil }
    // A guard with a final ی (میدانی، انتهای، تنهایی) or, before a suffix, a possessive
    // ending (انتهایش; after a prefix «یم» is a personal ending: میگویم is no میگو).
    let e = r.upperBound
    if s[e - 1] == Self.yeh {
      if guards.contains(key(s, r.lowerBound..<e - 1)) { return nil }
      if s[e - 2] == Self.yeh && guards.contains(key(s, r.lowerBound..<e - 2)) { return nil }
    }
    if prefix == nil {
      let c = s[e - 1]
      if (c == Self.meem || c == Self.teh || c == Self.sheen) && s[e - 2] == Self.yeh
        && guards.contains(key(s, r.lowerBound..<e - 2))
      {
        return nil  // یم یت یش
      }
      if c == Self.noon && s[e - 2] == Self.alef && s[e - 4] == Self.yeh
        && (s[e - 3] == Self.meem || s[e - 3] == Self.teh || s[e - 3] == Self.sheen)
        && r.count > 4 && guards.contains(key(s, r.lowerBound..<e - 4))
      {
        return nil  // یمان یتان یشان
      }
    }
    return at
  }

  /// After «می»/«نمی» (and a glued preverb: بر در باز فرو فرا ور وا) when the rest is a
  /// conjugated verb form.
  private func prefixSplit(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Int? {
    let a = r.lowerBound, c0 = s[a]
    if let k = miSplit(s, from: a, r) { return k }
    // Preverbs: 2 or 3 letters before می.
    var p = 0
    switch c0 {
    case Self.beh:  // بر، باز
      if s[a + 1] == Self.reh {
        p = 2
      } else if s[a + 1] == Self.alef && s[a + 2] == 0x0632 {
        p = 3
      }
    case Self.dal:  // در
      if s[a + 1] == Self.reh { p = 2 }
    case Self.feh:  // فرو، فرا
      if s[a + 1] == Self.reh && (s[a + 2] == Self.waw || s[a + 2] == Self.alef) { p = 3 }
    case Self.waw:  // ور، وا
      if s[a + 1] == Self.reh || s[a + 1] == Self.alef { p = 2 }
    default: break
    }
    guard p > 0, r.count > p + 3 else { return nil }
    return miSplit(s, from: a + p, r)
  }

  /// The index after «می»/«نمی» at `q` when what follows to the end of `r` is a verb form.
  @inline(__always)
  private func miSplit(_ s: UnsafeBufferPointer<UInt32>, from q: Int, _ r: Range<Int>) -> Int? {
    var afterMi: Int
    if s[q] == Self.meem && s[q + 1] == Self.yeh {
      afterMi = q + 2
    } else if s[q] == Self.noon && s[q + 1] == Self.meem && q + 2 < r.upperBound && s[q + 2] == Self.yeh {
      afterMi = q + 3
    } else {
      return nil
    }
    guard r.upperBound - afterMi >= 2 else { return nil }
    let k = key(s, afterMi..<r.upperBound)
    return lexicon.verbForms.contains(k) && !lexicon.bareStemsOnly.contains(k) ? afterMi : nil
  }

  /// Before a silent-heh, plural or comparative suffix.
  private func suffixSplit(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Int? {
    let e = r.upperBound, n = r.count
    let c1 = s[e - 1], c2 = s[e - 2]
    // ای ام ات اش (after ه at e-3); اند ایم اید (after ه at e-4).
    if c2 == Self.alef && (c1 == Self.yeh || c1 == Self.meem || c1 == Self.teh || c1 == Self.sheen) {
      if let k = hehSplit(s, r, stemEnd: e - 2, ای: c1 == Self.yeh) { return k }
    } else if s[e - 3] == Self.alef && n >= 5
      && ((c2 == Self.noon && c1 == Self.dal) || (c2 == Self.yeh && (c1 == Self.meem || c1 == Self.dal)))
    {
      if let k = hehSplit(s, r, stemEnd: e - 3, ای: false, ایم: c2 == Self.yeh && c1 == Self.meem) { return k }
    }
    // ها های هایی هایم هایت هایش هایمان هایتان هایشان: where «ها» starts.
    var ha = -1
    if c1 == Self.alef && c2 == Self.heh {
      ha = e - 2
    } else if c1 == Self.yeh && c2 == Self.alef && s[e - 3] == Self.heh {
      ha = e - 3
    } else if n >= 5 && s[e - 2] == Self.yeh && s[e - 3] == Self.alef && s[e - 4] == Self.heh
      && (c1 == Self.yeh || c1 == Self.meem || c1 == Self.teh || c1 == Self.sheen)
    {
      ha = e - 4
    } else if n >= 7 && c1 == Self.noon && c2 == Self.alef && s[e - 4] == Self.yeh && s[e - 5] == Self.alef
      && s[e - 6] == Self.heh && (s[e - 3] == Self.meem || s[e - 3] == Self.teh || s[e - 3] == Self.sheen)
    {
      ha = e - 6
    }
    if ha >= 0 { return pluralSplit(s, r.lowerBound..<ha) }
    // تر ترین
    var stemEnd = -1
    if c1 == Self.reh && c2 == Self.teh {
      stemEnd = e - 2
    } else if c1 == Self.noon && c2 == Self.yeh && s[e - 3] == Self.reh && s[e - 4] == Self.teh && n >= 6 {
      stemEnd = e - 4
    }
    guard stemEnd - r.lowerBound >= 2, !classOf(s[stemEnd - 1]).contains(.nonJoiningNext) else { return nil }
    let k = key(s, r.lowerBound..<stemEnd)
    return lexicon.adjectives.contains(k) && !Affixes.gluedComparatives.contains(k) && !Self.gluedByUsage.contains(k)
      ? stemEnd : nil
  }

  /// «Xه» (ending at `stemEnd`) + ای ام ات اش اند ایم اید, X‌ه a silent-heh stem. For ای
  /// the plural reading (X + های) competes: the heh reading needs a stem listed as
  /// preferring it (glued compounds included: تفاهمنامهای; a stem the lexicon does not
  /// know reads as a plural). «Xهایم» reads two ways too (X‌ه + ایم, X + هایم): where
  /// «Xهای» is X + های, so is «Xهایم» (چشم‌هایم), unless X is a past stem and Xه its
  /// participle (داشته‌ایم, not داشت‌هایم; چشم is a present form of چشیدن, no past stem).
  private func hehSplit(
    _ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>, stemEnd: Int, ای: Bool, ایم: Bool = false
  ) -> Int? {
    guard stemEnd - r.lowerBound >= 3, s[stemEnd - 1] == Self.heh else { return nil }
    let before = s[stemEnd - 2]
    guard before != Self.alef && before != Self.waw && before != 0x0622 else { return nil }
    let k = key(s, r.lowerBound..<stemEnd)
    if ای { return lexicon.hehStemsBeforePlural.contains(k) ? stemEnd : nil }
    guard lexicon.hehStems.contains(k) else { return nil }
    if ایم && !lexicon.hehStemsBeforePlural.contains(k) {
      // A past stem ends in د or ت (verbs.tsv) and is a verb form (the third person),
      // also after the negative ن (نشده‌ایم).
      let x = stemEnd - 1, a = r.lowerBound
      let pastStem =
        (s[x - 1] == Self.dal || s[x - 1] == Self.teh)
        && (lexicon.verbForms.contains(key(s, a..<x)) || (s[a] == Self.noon && lexicon.verbForms.contains(key(s, a + 1..<x))))
      if !pastStem { return nil }
    }
    return stemEnd
  }

  /// Whether the split at `k` of the segment `r`, before its final «ای» after a silent ه,
  /// competes with the plural reading: X, the segment before «های», is a word too (زبان
  /// and زبانه, نام and نامه, سد and سده: a word hazm tags with frequency ≥ 10,000,
  /// ``PersianLexicon/hehStemsReadBothWays``), so «Xهای» is X‌ه + ای or X + های (written
  /// glued after a letter that does not join). ``AffixJoiner`` keeps the split only where
  /// the next word rules the plural out (``endsPhrase``).
  func readsBothWays(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>, at k: Int) -> Bool {
    guard r.upperBound - k == 2, k - r.lowerBound >= 3, s[k] == Self.alef, s[k + 1] == Self.yeh, s[k - 1] == Self.heh
    else { return false }
    return lexicon.hehStemsReadBothWays.contains(key(s, r.lowerBound..<k))
  }

  /// Words a plural's ezafe never stands before: prepositions, conjunctions, «را», copulas.
  private static let phraseWords = WordSet(
    "که از به در با برای تا بر را و است نیست بود باشد شد نیز".split(separator: " ").map { WordSet.key(String($0)) })

  /// Whether a glued «Xهای» followed by `gap` (the scalars up to the next token) and the
  /// token `next` (nil at the text's end) ends its phrase, which a plural «X‌های» cannot:
  /// it carries an ezafe, so a noun phrase follows it. Before a line end or sentence
  /// punctuation, at the text's end, before a word of ``phraseWords`` or a «می»/«نمی»
  /// verb written with its half-space. A digit, a Latin word or a quotation mark next
  /// decides nothing (false).
  func endsPhrase(_ s: UnsafeBufferPointer<UInt32>, gap: Range<Int>, next: Range<Int>?) -> Bool {
    for k in gap where s[k] != 0x20 {
      switch s[k] {
      case 0x0A, 0x0D, 0x85, 0x2028, 0x2029, 0x2E, 0x2C, 0x3A, 0x3B, 0x21, 0x3F, 0x29, 0x5D, 0x060C, 0x061B, 0x061F,
        0x06D4, 0xBB, 0x2026:
        return true
      default:
        return false
      }
    }
    guard let next else { return true }
    if Self.phraseWords.contains(key(s, next)) { return true }
    let a = next.lowerBound, n = next.count
    return n > 3 && s[a] == Self.meem && s[a + 1] == Self.yeh && s[a + 2] == 0x200C
      || n > 4 && s[a] == Self.noon && s[a + 1] == Self.meem && s[a + 2] == Self.yeh && s[a + 3] == 0x200C
  }

  /// The index where a ZWNJ goes in the glued compound `s[r]` that no list names: a
  /// word hazm tags + a second part hazm writes after a ZWNJ in nearly every compound
  /// it lists with that part (``PersianLexicon/compoundParts``: «کلنگزنی» → «کلنگ‌زنی»,
  /// «لندننشین» → «لندن‌نشین»), the longest part first. Never when `s[r]` is a hazm word,
  /// alone or + ی ان ها های یی ای گان (بازیکنان: بازیکن + ان, not بازی‌کنان), or
  /// carries a mark, or the first part ends in a letter that does not join.
  func compoundPartSplit(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Int? {
    let e = r.upperBound
    guard r.count >= 5 else { return nil }
    let bit = PersianLexicon.partEndBit(s[e - 2], s[e - 1])
    guard lexicon.compoundPartEnds[bit >> 6] >> UInt64(bit & 63) & 1 != 0 else { return nil }
    var at: Int? = nil
    let longest = min(lexicon.longestCompoundPart, r.count - 2)
    // Whether the last `length` scalars are a part after a stem hazm tags.
    func splits(_ length: Int) -> Bool {
      let cut = e - length
      return !classOf(s[cut - 1]).contains(.nonJoiningNext) && lexicon.compoundParts.contains(key(s, cut..<e))
        && lexicon.compoundStems.contains(key(s, r.lowerBound..<cut))
    }
    if lexicon.longestCompoundPart <= Self.partLengths && e >= Self.partLengths {
      // The lengths whose last scalars may be a part, all keyed at once with no branch
      // (the loops are unrolled; scalars before `r` may be read but their lengths are
      // dropped), then only those tried, the longest first.
      let filter = lexicon.compoundPartFilter
      let v1 = UInt64(s[e - 1])
      let v2 = UInt64(s[e - 2])
      let v3 = UInt64(s[e - 3])
      let v4 = UInt64(s[e - 4])
      let v5 = UInt64(s[e - 5])
      let v6 = UInt64(s[e - 6])
      let v7 = UInt64(s[e - 7])
      let v8 = UInt64(s[e - 8])
      let v9 = UInt64(s[e - 9])
      let v10 = UInt64(s[e - 10])
      @inline(__always) func step(_ h: UInt64, _ v: UInt64) -> UInt64 { (h ^ v) &* FNV.prime }
      @inline(__always) func candidate(_ h: UInt64, _ length: Int) -> UInt32 {
        let bit = PersianLexicon.partFilterBit(h)
        return UInt32(truncatingIfNeeded: filter[bit &>> 6] &>> UInt64(bit & 63) & 1) &<< UInt32(length)
      }
      var candidates: UInt32 = 0
      candidates |= candidate(step(step(FNV.basis, v2), v1), 2)
      candidates |= candidate(step(step(step(FNV.basis, v3), v2), v1), 3)
      candidates |= candidate(step(step(step(step(FNV.basis, v4), v3), v2), v1), 4)
      candidates |= candidate(step(step(step(step(step(FNV.basis, v5), v4), v3), v2), v1), 5)
      candidates |= candidate(step(step(step(step(step(step(FNV.basis, v6), v5), v4), v3), v2), v1), 6)
      candidates |= candidate(step(step(step(step(step(step(step(FNV.basis, v7), v6), v5), v4), v3), v2), v1), 7)
      candidates |= candidate(step(step(step(step(step(step(step(step(FNV.basis, v8), v7), v6), v5), v4), v3), v2), v1), 8)
      candidates |= candidate(step(step(step(step(step(step(step(step(step(FNV.basis, v9), v8), v7), v6), v5), v4), v3), v2), v1), 9)
      candidates |= candidate(step(step(step(step(step(step(step(step(step(step(FNV.basis, v10), v9), v8), v7), v6), v5), v4), v3), v2), v1), 10)
      candidates &= (UInt32(2) &<< UInt32(longest)) &- 1
      while candidates != 0 {
        let length = 31 - candidates.leadingZeroBitCount
        candidates &= ~(UInt32(1) &<< UInt32(length))
        if splits(length) {
          at = e - length
          break
        }
      }
    } else {
      for length in stride(from: longest, through: 2, by: -1) where splits(length) {
        at = e - length
        break
      }
    }
    guard let cut = at else { return nil }
    for k in r where classOf(s[k]).contains(.mark) { return nil }
    let guards = lexicon.compoundGuards
    if guards.contains(key(s, r)) { return nil }
    for ending in Self.partGuardEndings where ending.count < r.count - 2 {
      var matches = true
      for (i, v) in ending.enumerated() where s[e - ending.count + i] != v {
        matches = false
        break
      }
      if matches && guards.contains(key(s, r.lowerBound..<e - ending.count)) { return nil }
    }
    return cut
  }

  /// The longest compound part the branch-free search in ``compoundPartSplit(_:_:)``
  /// handles (the lexicon's longest has 9 scalars; a longer one takes the loop).
  private static let partLengths = 10

  /// The endings after which a hazm word stays whole (see ``compoundPartSplit(_:_:)``).
  private static let partGuardEndings: [[UInt32]] = ["ی", "ان", "ها", "های", "یی", "ای", "گان"].map {
    $0.unicodeScalars.map(\.value)
  }

  /// X + a plural suffix: X ends in a joining letter and is known when it has two
  /// letters (ده‌ها; not فیها، ایها). Longer words that only end like a plural are guards
  /// (تنها، انتها، گرانبها).
  private func pluralSplit(_ s: UnsafeBufferPointer<UInt32>, _ stem: Range<Int>) -> Int? {
    guard stem.count >= 2, !classOf(s[stem.upperBound - 1]).contains(.nonJoiningNext) else { return nil }
    if stem.count == 2 { return lexicon.shortStems.contains(key(s, stem)) ? stem.upperBound : nil }
    return stem.upperBound
  }
}
