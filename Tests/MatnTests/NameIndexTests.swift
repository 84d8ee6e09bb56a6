import Testing

@testable import Matn

@Suite("NameIndex")
struct NameIndexTests {
  @Test("a query in either script finds the entry; its own spelling ranks it first")
  func search() {
    var index = NameIndex<String>()
    index.insert("rouhani", spellings: ["Hassan Rouhani", "Hasan Rohani", "Hassan Rowhani"])
    index.insert("velayati", spellings: ["Ali Akbar Velayati", "Ali-Akbar Velayati"])
    #expect(index.search("حسن روحانی").first?.id == "rouhani")
    #expect(index.search("Hasan Rohani").first?.id == "rouhani")
    #expect(index.search("علی اکبر ولایتی").first?.id == "velayati")
    #expect(index.search("Ali Akbar Velayati").first?.score == 1)
    #expect(index.search("Leonid Reshetnikov").isEmpty)
  }

  @Test("entries sharing a phonetic key are ranked by the closeness of their spellings")
  func ranking() {
    var index = NameIndex<Int>()
    // Two entries whose skeletons collide (vowels and h dropped): the spelling decides.
    index.insert(1, spellings: ["Mahan"])
    index.insert(2, spellings: ["Mohen"])
    let matches = index.search("Mohen")
    #expect(matches.map(\.id) == [2, 1])
    #expect(matches[0].score > matches[1].score)
  }

  @Test("similarity is one minus the edit distance over the longer length")
  func similarity() {
    #expect(NameIndex<Int>.similarity(Array("rouhani".utf8), Array("rohani".utf8)) == 1 - 1.0 / 7)
    #expect(NameIndex<Int>.similarity([], []) == 1)
    #expect(NameIndex<Int>.similarity(Array("ab".utf8), []) == 0)
  }
}
