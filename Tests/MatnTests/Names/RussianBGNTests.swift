import Foundation
import Testing

@testable import Matn

@Suite("RussianBGN")
struct RussianBGNTests {
  let indexer = NameIndexer.shared
  /// The 66 letters of the Russian alphabet and the hyphen: the fast path's domain.
  static let alphabet: [Unicode.Scalar] =
    (0x0410...0x044F).compactMap(Unicode.Scalar.init) + ["Ё", "ё", "-"]

  /// The words where the fast path and ICU disagree, up to `limit` of them.
  func disagreements(_ words: some Sequence<String>, limit: Int = 10) -> [String] {
    var out: [String] = []
    for word in words {
      let fast = RussianBGN.romanize(Substring(word))
      let icu = indexer.russianICU(Substring(word))
      if fast != icu {
        out.append("\(word): fast \(fast ?? "nil"), ICU \(icu)")
        if out.count == limit { break }
      }
    }
    return out
  }

  @Test("equals ICU on every word of one to three letters and hyphens (300,000 words)")
  func exhaustive() {
    let a = Self.alphabet
    var words: [String] = []
    words.reserveCapacity(a.count * a.count * a.count + a.count * a.count + a.count)
    for x in a {
      words.append(String(x))
      for y in a {
        words.append(String(String.UnicodeScalarView([x, y])))
        for z in a { words.append(String(String.UnicodeScalarView([x, y, z]))) }
      }
    }
    #expect(disagreements(words) == [])
  }

  @Test("equals ICU on 30,000 random words of 4 to 12 letters (fixed seed)")
  func random() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func nextRandom() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    // Lower-case letters dominate real names: draw them four times as often.
    let lower = Self.alphabet.filter { $0.properties.isLowercase }
    let pool = Self.alphabet + lower + lower + lower
    let words = (0..<30_000).map { _ in
      String(String.UnicodeScalarView((0..<(4 + nextRandom() % 9)).map { _ in pool[nextRandom() % pool.count] }))
    }
    #expect(disagreements(words) == [])
  }

  @Test("equals ICU on every word of the Russian names in ../shared/data (when present)")
  func sharedData() throws {
    let root = Fixtures.repositoryRoot.deletingLastPathComponent()
    let dir = root.appendingPathComponent("shared/data/names")
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasPrefix("ru_") }
    var words: [String] = []
    for file in files {
      let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(separator: "\n") {
        let native = line.split(separator: "\t").first ?? ""
        words += native.split(separator: " ").map(String.init)
      }
    }
    #expect(disagreements(words) == [])
    #expect(files.isEmpty || words.count > 2000)
  }

  @Test("words outside the Russian alphabet are left to ICU")
  func outsideTheAlphabet() {
    for word in ["Київ", "е\u{301}ль", "Ёлка1", "Ivan", "Пётр"] {
      let fast = RussianBGN.romanize(Substring(word))
      #expect((fast == nil) == (word != "Пётр"), "\(word)")
    }
    #expect(indexer.keys(for: "Київ").display == indexer.russianICU("Київ").capitalizedFirst)
  }

  @Test("examples: context rules for е, ё, ы, э, й, тс, шч and capitals")
  func examples() {
    let cases = [
      ("Елена", "Yelena"), ("Подъём", "Podyem"), ("Ильич", "Ilich"), ("Усть-Елань", "Ust-Yelan"),
      ("ЖУК", "ZHUK"), ("Жук", "Zhuk"), ("Юе", "Yuye"), ("Шэ", "SHe"), ("Шь", "Sh"), ("аее", "ayee"),
      ("тс", "ts"), ("тС", "tS"), ("Шч", "Shch"), ("ЁЛКА", "YELKA"),
    ]
    for (word, expected) in cases { #expect(RussianBGN.romanize(Substring(word)) == expected, "\(word)") }
  }
}

extension String {
  fileprivate var capitalizedFirst: String { NameIndexer.capitalized(self) }
}
