import TestSupport
import Testing

@testable import Matn

@Suite("Persian name decoder: successor records and the ranking's shared work")
struct PersianNameDecoderTests {
  /// Real name parts and random words of Persian letters (2-14 letters, the letters the
  /// model has graphones for, a few it has not).
  static let words: [String] = {
    var rng = SplitMix64(seed: 19)
    let letters = Array("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئ".unicodeScalars)
    var out = [
      "محمدرضا", "قوکاسیان", "خورشیددوست", "پرستوکیانی", "ژیلاوندی", "ټکړی", "ب", "شه", "دیبازرانی", "بابخانلویی",
      "شکرخندی", "نطنزیانی", "دهنمکیان", "سمنانیان", "یوسفزمانی", "عععع", "ااااا",
    ]
    for _ in 0..<400 {
      let n = Int.random(in: 2...14, using: &rng)
      out.append(String(String.UnicodeScalarView((0..<n).map { _ in letters.randomElement(using: &rng)! })))
    }
    return out
  }()

  @Test("the decoder reading successor records gives what probing the table gives, scores to the bit")
  func successorRecords() throws {
    let model = PersianNameModel.shared
    #expect(model.successors != nil)
    var decoded = 0
    for word in Self.words {
      let letters = PersianNameModel.fold(word.unicodeScalars)
      for (style, beam, k) in [(PersianNameStyle.iran, 8, 8), (.afghanistan, 8, 3), (.iran, 4, 1), (.iran, 1, 1)] {
        let records = model.decode(letters, beam: beam, k: k, style: style)
        let probed = model.decode(letters, beam: beam, k: k, style: style, successorLists: false)
        #expect(records.map(\.0) == probed.map(\.0), "\(word)")
        #expect(records.map(\.1.bitPattern) == probed.map(\.1.bitPattern), "\(word)")
        if !records.isEmpty { decoded += 1 }
      }
    }
    #expect(decoded > 1000)
  }

  @Test("the Latin letter model's totals shared between spellings that begin alike equal each spelling's own")
  func sharedLatinTotals() {
    let model = PersianNameModel.shared
    var compared = 0
    for word in Self.words {
      let letters = PersianNameModel.fold(word.unicodeScalars)
      let plain = model.decode(letters, beam: 8, k: 8, latinWeight: 0, contextWeight: 0)
      let ranked = model.decode(letters, beam: 8, k: 8, contextWeight: 0)
      let expected = plain.map { ($0.0, $0.1 + PersianNameModel.latinWeight * model.latinLogProb($0.0)) }
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      #expect(ranked.map(\.0) == expected.map(\.0), "\(word)")
      #expect(ranked.map(\.1.bitPattern) == expected.map(\.1.bitPattern), "\(word)")
      compared += ranked.count
    }
    #expect(compared > 2000)
  }

  @Test("a table with an n-gram whose context has no row gets no successor records; the decoder probes it")
  func missingContext() throws {
    // The tiny model's bigram "0 3" without the row of its context "0".
    let lines = PersianNameModelTests.tinyModel.split(separator: "\n").filter { !$0.hasPrefix("N\t0\t") }
    let model = PersianNameModel(lexicon: [], model: lines)
    #expect(model.successors == nil)
    let complete = PersianNameModel(lexicon: [], model: PersianNameModelTests.tinyModel.split(separator: "\n"))
    #expect(complete.successors != nil)
    let letters = PersianNameModel.fold("برک".unicodeScalars)
    #expect(model.decode(letters, beam: 8, k: 2).map(\.0) == ["bark", "berk"])
  }
}
