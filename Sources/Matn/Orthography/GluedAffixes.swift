/// Where a Persian word typed glued to its affix takes its ZWNJ (PERSIAN.md A.6, the
/// glued half of it; ``AffixJoiner`` applies it and joins the spaced half):
///
/// - «می»/«نمی», after a glued preverb or not, + a conjugated form of a known verb stem:
///   `میکنند` → `می‌کنند`, `نمیتواند` → `نمی‌تواند`, `برمیگردد` → `برمی‌گردد`;
/// - a word ending in silent ه + ای ام ات اش اند ایم اید: `خانهای` → `خانه‌ای`,
///   `شدهاند` → `شده‌اند` (the ه-word from the lexicon, or a past participle);
/// - a word + ها های هایی هایم هایت هایش هایمان هایتان هایشان: `رسانهها` → `رسانه‌ها`;
/// - a known adjective + تر/ترین: `بزرگترین` → `بزرگ‌ترین` (not بهتر بیشتر پیشتر کمتر مهتر
///   کهتر).
///
/// Never split: a word the lexicon knows whole, alone or with a final ی/یی or a
/// possessive ending (میان، میهن، میراث، میانجی، تنها، انتهای، انتهایش، میدانی، سهام); a word whose stem would end in a letter
/// that does not join the next (کارها needs nothing); a segment with marks.
///
/// Works on one ZWNJ-free segment of a token (scalar indices into the text): the first
/// segment may lose a prefix, the last a suffix.
struct GluedAffixes {
  let lexicon: PersianLexicon
  let classOf = ScalarClasses.shared

  private static let meem: UInt32 = 0x0645, yeh: UInt32 = 0x06CC, noon: UInt32 = 0x0646
  private static let heh: UInt32 = 0x0647, alef: UInt32 = 0x0627, beh: UInt32 = 0x0628
  private static let teh: UInt32 = 0x062A, reh: UInt32 = 0x0631
  /// Preverbs written glued before می (برمی‌گردد، درمی‌آید، بازمی‌گردد).
  private static let preverbs: [[UInt32]] = ["بر", "در", "باز", "فرو", "فرا", "ور", "وا"].map(scalars)
  /// Longest first, so «هایشان» is not read as «های» + «شان».
  private static let plurals: [[UInt32]] =
    ["هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایت", "هایش", "های", "ها"].map(scalars)
  private static let hehSuffixes: [[UInt32]] = ["اند", "ایم", "اید", "ای", "ام", "اش", "ات"].map(scalars)
  private static let comparatives: [[UInt32]] = ["ترین", "تر"].map(scalars)
  /// Comparatives usually written glued, though «X تر» with a space is joined with ZWNJ.
  private static let gluedByUsage = WordSet(["پیش"].map { WordSet.key($0) })
  private static let guardEndings: [[UInt32]] =
    ["ی", "یی", "یم", "یت", "یش", "یمان", "یتان", "یشان"].map(scalars)

  private static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

  @inline(__always)
  private func key(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> UInt64 {
    var h = FNV.basis
    for k in r { h = FNV.step(h, s[k]) }
    return h
  }

  @inline(__always)
  private func hasSuffix(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>, _ suffix: [UInt32]) -> Bool {
    guard r.count > suffix.count else { return false }
    var k = r.upperBound - suffix.count
    for v in suffix {
      if s[k] != v { return false }
      k += 1
    }
    return true
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
    for ending in Self.guardEndings.prefix(prefix == nil ? Self.guardEndings.count : 2) where hasSuffix(s, r, ending) {
      if guards.contains(key(s, r.lowerBound..<r.upperBound - ending.count)) { return nil }
    }
    return at
  }

  /// After «می»/«نمی» (and a preverb) when the rest is a verb form.
  private func prefixSplit(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Int? {
    let c0 = s[r.lowerBound]
    guard c0 == Self.meem || c0 == Self.noon || c0 == Self.beh || c0 == 0x062F || c0 == 0x0641 || c0 == 0x0648
    else { return nil }
    var starts = [r.lowerBound]
    if c0 != Self.meem {
      for p in Self.preverbs where r.count > p.count + 3 && s[r.lowerBound] == p[0] {
        if (0..<p.count).allSatisfy({ s[r.lowerBound + $0] == p[$0] }) { starts.append(r.lowerBound + p.count) }
      }
    }
    for q in starts {
      var afterMi: Int
      if s[q] == Self.noon && q + 2 < r.upperBound && s[q + 1] == Self.meem && s[q + 2] == Self.yeh {
        afterMi = q + 3
      } else if s[q] == Self.meem && s[q + 1] == Self.yeh {
        afterMi = q + 2
      } else {
        continue
      }
      if r.upperBound - afterMi >= 2 && lexicon.verbForms.contains(key(s, afterMi..<r.upperBound)) {
        return afterMi
      }
    }
    return nil
  }

  /// Before a plural, silent-heh or comparative suffix.
  private func suffixSplit(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Int? {
    let lastLetter = s[r.upperBound - 1]
    // Every suffix ends in one of these: ا ی م ت ش د ن ر.
    switch lastLetter {
    case Self.alef, Self.yeh, Self.meem, Self.teh, 0x0634, 0x062F, Self.noon, Self.reh: break
    default: return nil
    }
    if let at = hehSplit(s, r) { return at }
    if lastLetter == Self.alef || lastLetter == Self.yeh || lastLetter == Self.meem || lastLetter == Self.teh
      || lastLetter == 0x0634 || lastLetter == Self.noon
    {
      for suffix in Self.plurals where hasSuffix(s, r, suffix) {
        return pluralSplit(s, r.lowerBound..<r.upperBound - suffix.count)
      }
    }
    if lastLetter == Self.reh || lastLetter == Self.noon {
      for suffix in Self.comparatives where hasSuffix(s, r, suffix) {
        let stem = r.lowerBound..<r.upperBound - suffix.count
        guard stem.count >= 2, !classOf(s[stem.upperBound - 1]).contains(.nonJoiningNext) else { return nil }
        let k = key(s, stem)
        return lexicon.adjectives.contains(k) && !Affixes.gluedComparatives.contains(k)
          && !Self.gluedByUsage.contains(k) ? stem.upperBound : nil
      }
    }
    return nil
  }

  /// «Xه» + ای ام ات اش اند ایم اید, X‌ه a silent-heh stem. For ای the plural reading
  /// (X + های) competes: the heh reading needs a stem listed as preferring it.
  private func hehSplit(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Int? {
    for suffix in Self.hehSuffixes where hasSuffix(s, r, suffix) {
      let stem = r.lowerBound..<r.upperBound - suffix.count
      guard stem.count >= 3, s[stem.upperBound - 1] == Self.heh else { return nil }
      let before = s[stem.upperBound - 2]
      guard before != Self.alef && before != 0x0648 && before != 0x0622 else { return nil }
      let k = key(s, stem)
      if suffix.count != 2 || suffix[1] != Self.yeh {
        return lexicon.hehStems.contains(k) ? stem.upperBound : nil
      }
      // ای: X‌ه + ای or X + های (a stem the lexicon does not know reads as a plural).
      return lexicon.hehStemsBeforePlural.contains(k) ? stem.upperBound : nil
    }
    return nil
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
