import Testing

@testable import MatnICU

/// ICU's spoof checker against the examples of ICU's own uspoof.h and UTS #39.
@Suite("SpoofChecker")
struct SpoofCheckerTests {
  let spoof = SpoofChecker.shared

  @Test("uspoof.h's examples: Harvest with a Greek Eta, 1orern and lorem, p\u{430}ypal's restriction level")
  func icuExamples() {
    #expect(spoof.confusability("Harvest", "\u{397}arvest").contains(.mixedScriptConfusable))
    #expect(spoof.skeleton("1orern") == spoof.skeleton("lorem"))
    #expect(spoof.check("p\u{430}ypal").restrictionLevel == .minimallyRestrictive)
    #expect(spoof.check("p\u{430}ypal").failed.contains(.restrictionLevel))
  }

  @Test("restriction levels: ASCII, one script, Latin with Arabic, Latin with Cyrillic")
  func restrictionLevels() {
    #expect(spoof.check("Velayati").restrictionLevel == .ascii)
    #expect(spoof.check("Владимир").restrictionLevel == .singleScriptRestrictive)
    #expect(spoof.check("ولایتی").restrictionLevel == .singleScriptRestrictive)
    #expect(spoof.check("iPhoneها").restrictionLevel == .moderatelyRestrictive)
    #expect(spoof.check("Vеlаyаti").restrictionLevel == .minimallyRestrictive)
    #expect(spoof.check("Velayati").failed.isEmpty)
  }

  @Test("Cyrillic homoglyphs: a mixed-script confusable of the Latin word, a whole-script one when all Cyrillic")
  func confusables() {
    // Cyrillic А, а, е in a Latin name.
    #expect(spoof.skeleton("Аli Аkbаr Vеlаyаti") == spoof.skeleton("Ali Akbar Velayati"))
    #expect(spoof.confusability("Vеlаyаti", "Velayati") == [.mixedScriptConfusable])
    // All Cyrillic ѕсоре against Latin scope: two single-script strings.
    #expect(spoof.confusability("ѕсоре", "scope").contains(.wholeScriptConfusable))
    #expect(spoof.confusability("Velayati", "Rouhani").isEmpty)
    #expect(spoof.skeleton("") == "")
  }

  @Test("one checker is used from many tasks at once (its checks are const and thread safe)")
  func concurrent() async {
    let results = await withTaskGroup(of: Bool.self) { group in
      for i in 0..<16 {
        group.addTask {
          let word = i % 2 == 0 ? "Vеlаyаti" : "Velayati"
          let level = SpoofChecker.shared.check(word).restrictionLevel
          return (level == .minimallyRestrictive) == (i % 2 == 0)
            && SpoofChecker.shared.skeleton(word) == SpoofChecker.shared.skeleton("Velayati")
        }
      }
      return await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(results.count == 16 && results.allSatisfy { $0 })
  }
}
