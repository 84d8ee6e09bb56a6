#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How sure a half-space for a glued word is to be the writer's (issue #18), from what the
/// text has shown so far: one logistic model over every optional split ``AffixJoiner``
/// finds, and one cut-off.
///
/// Required splits are not weighed: a glued «می»/«نمی» verb and an affix after a silent ه
/// («میکنند», «رسانهها», «شدهاند») have no standard glued spelling. Optional ones are:
/// a plural suffix (not after silent ه), تر/ترین, a compound's ZWNJ (from a list or the
/// compound-part rule). Their glued spelling is standard too, and a house that writes
/// «فعالیتها», «مهمترین», «توانبخشی» glued does so by choice.
///
/// The evidence is the text's own, counted from its start to the end of the stretch being
/// decided (a stretch: text without a Latin letter, where a long text may be cut into
/// segments; the counts are carried from one segment to the next, so the pieces give what
/// the whole gives):
/// - how it writes «می»/«نمی»: apart with a space («می شود»: a writer without a half-space
///   key, who glues plurals by habit), glued («میشود») or with a ZWNJ;
/// - how many half-spaces it already writes, and how many optional splits it has;
/// - how often it writes a plural apart («کتاب ها»);
/// - per split, the length of the part before it (short stems glue more often).
///
/// The weights were fitted by `scripts/fit-split-confidence` (logistic regression, L2 1.0)
/// on the half-spaces Matn added to the 750 Fars files as published and with every ZWNJ
/// removed, labelled by the files' own ZWNJ places, and checked by two-fold
/// cross-validation on even and odd files. The cut-off: an optional split is made when its
/// probability is at least 0.99, the lowest of the cut-offs the script tries at which
/// the held-out lenient precision of the stripped files (either spelling right where the
/// files write a word both ways) reaches hazm's, the peer issue #18 measures against
/// (held out: 99.80% / 41.49% at 0.99, 99.70% / 47.17% at 0.98, what the required splits
/// reach; hazm 99.75% / 31.65%): a split whose glued spelling is standard too is left out
/// rather than made wrongly, as recall has the margin (see BENCHMARKS.md).
public enum SplitConfidence {
  /// The kind of an optional split.
  enum Kind: UInt8 {
    case plural = 0, comparative = 1, compound = 2
  }

  /// Per kind: the model's intercept.
  static let kindWeights: (plural: Double, comparative: Double, compound: Double) = (-0.479, -1.613, 0.660)
  /// log((spaced «می» + ½) / («می» written any way + 1)).
  static let spacedMiWeight = -0.765
  /// log(1 + half-spaces).
  static let halfSpaceWeight = -1.461
  /// log(1 + optional splits).
  static let candidateWeight = -0.388
  /// 1 when the text has half-spaces and at least as many as optional splits.
  static let manyHalfSpacesWeight = -1.402
  /// log((spaced plurals + ½) / (spaced plurals + optional splits + 1)).
  static let spacedPluralWeight = -0.447
  /// The part before the split: min(letters, 10) / 5.
  static let stemWeight = 0.761
  /// An optional split is made when the model gives it at least this probability.
  public static let defaultProbability = 0.99
  /// Its logit, what a split's score must reach.
  static let cutOff = logit(defaultProbability)

  /// log(p / (1 − p)); −∞ at 0 and +∞ at 1 (every split, none).
  static func logit(_ p: Double) -> Double {
    if p <= 0 { return -.infinity }
    if p >= 1 { return .infinity }
    return log(p / (1 - p))
  }

  /// What the text has shown so far.
  struct Evidence: Equatable {
    /// Half-spaces the text writes (a ZWNJ after a letter that joins).
    var halfSpaces = 0
    /// «می»/«نمی» + a verb form: apart with a space, glued, with a ZWNJ.
    var spacedMi = 0
    var gluedMi = 0
    var zwnjMi = 0
    /// A word + a plural suffix apart with a space.
    var spacedPlurals = 0
    /// Optional splits found (made or not).
    var candidates = 0

    /// The part of the score the whole text shares.
    func textScore() -> Double {
      let h = Double(halfSpaces), c = Double(candidates), plurals = Double(spacedPlurals)
      let mi = Double(spacedMi + gluedMi + zwnjMi)
      var z = SplitConfidence.spacedMiWeight * log((Double(spacedMi) + 0.5) / (mi + 1))
      z += SplitConfidence.halfSpaceWeight * log1p(h) + SplitConfidence.candidateWeight * log1p(c)
      if halfSpaces > 0 && halfSpaces >= candidates { z += SplitConfidence.manyHalfSpacesWeight }
      z += SplitConfidence.spacedPluralWeight * log((plurals + 0.5) / (plurals + c + 1))
      return z
    }
  }

  /// Whether an optional split of `kind`, after a part of `stemLength` scalars, is made in
  /// a text whose shared score is `textScore`.
  static func keeps(_ kind: Kind, stemLength: Int, textScore: Double, cutOff: Double = cutOff) -> Bool {
    let w: Double
    switch kind {
    case .plural: w = kindWeights.plural
    case .comparative: w = kindWeights.comparative
    case .compound: w = kindWeights.compound
    }
    return w + textScore + stemWeight * Double(min(stemLength, 10)) / 5 >= cutOff
  }
}
