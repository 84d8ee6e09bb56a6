import Testing

@testable import Matn

/// The model that decides optional half-spaces (issue #18): its evidence moves the score the
/// way its weights say, and its cut-off's ends mean every split and none.
@Suite("Split confidence")
struct SplitConfidenceTests {
  typealias Evidence = SplitConfidence.Evidence

  @Test("the cut-off: probability 0 is −∞ (every split), 1 is +∞ (none), 0.99 its logit")
  func cutOff() {
    #expect(SplitConfidence.logit(0) == -.infinity)
    #expect(SplitConfidence.logit(1) == .infinity)
    #expect(abs(SplitConfidence.cutOff - 4.59511985013459) < 1e-12)
    #expect(SplitConfidence.keeps(.comparative, stemLength: 1, textScore: -100, cutOff: SplitConfidence.logit(0)))
    #expect(!SplitConfidence.keeps(.compound, stemLength: 10, textScore: 100, cutOff: SplitConfidence.logit(1)))
  }

  @Test("glued «می» verbs raise the score; «می» apart, half-spaces and spaced plurals lower it")
  func evidence() {
    let base = Evidence(candidates: 1)
    var glued = base
    glued.gluedMi = 10
    var spaced = base
    spaced.spacedMi = 10
    var halved = base
    halved.halfSpaces = 10
    var plurals = base
    plurals.spacedPlurals = 10
    #expect(glued.textScore() > base.textScore())
    #expect(spaced.textScore() < base.textScore())
    #expect(halved.textScore() < base.textScore())
    #expect(plurals.textScore() < base.textScore())
  }

  @Test("per kind and stem: a compound is likelier than a plural, a plural than a comparative; longer stems likelier")
  func kinds() {
    func score(_ kind: SplitConfidence.Kind, _ stem: Int) -> Double {
      // The lowest text score at which the split is made: lower means likelier.
      var lo = -50.0, hi = 50.0
      for _ in 0..<60 {
        let mid = (lo + hi) / 2
        if SplitConfidence.keeps(kind, stemLength: stem, textScore: mid) { hi = mid } else { lo = mid }
      }
      return hi
    }
    #expect(score(.compound, 4) < score(.plural, 4))
    #expect(score(.plural, 4) < score(.comparative, 4))
    #expect(score(.plural, 8) < score(.plural, 3))
    #expect(score(.plural, 10) == score(.plural, 14), "stems are counted up to 10 letters")
  }
}
