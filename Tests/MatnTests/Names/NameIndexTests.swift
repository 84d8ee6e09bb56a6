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

  @Test("a spelling keyed by its Chinese syllables is also found by its consonant skeleton")
  func chineseSkeletonFallback() {
    var index = NameIndex<Int>()
    index.insert(1, spellings: ["Shazui"])  // sha-zui: its syllables are its key
    index.insert(2, spellings: ["Mehdi"])
    #expect(NameIndexer.shared.keys(for: "Shazui").phonetic != NameIndexer.shared.keys(for: "Sha Ju").phonetic)
    #expect(index.search("Sha Ju").map(\.id) == [1])  // 沙咀 read sha ju: the skeleton sz meets
    #expect(index.search("Shazui").map(\.id) == [1])
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

  @Test("equally close entries: the one whose matching spelling comes earlier in its list ranks first")
  func spellingPosition() {
    var index = NameIndex<Int>()
    // A village once also called Pervomayskoye, inserted first, and the one called so.
    index.insert(1, spellings: ["Yurovka", "Pervomayskoye"])
    index.insert(2, spellings: ["Pervomayskoye", "Pervomajskoe"])
    let matches = index.search("Первомайское")
    #expect(matches.map(\.id) == [2, 1])
    #expect(matches.map(\.spelling) == [0, 1])
    #expect(matches[0].score == matches[1].score)
  }

  @Test("spaces and hyphens do not count in the similarity: Tai Ping = Taiping = Tai-ping")
  func separatorsIgnored() {
    var index = NameIndex<Int>()
    index.insert(1, spellings: ["Tai Ping"])
    index.insert(2, spellings: ["Taipong"])
    #expect(index.search("Taiping").map(\.id) == [1, 2])
    #expect(index.search("Tai-ping").first?.score == 1)
  }

  @Test("a Han query is also looked up by its ordinary first reading and without a place generic")
  func hanAlternatives() {
    var index = NameIndex<Int>()
    index.insert(1, spellings: ["Le Jia"])
    index.insert(2, spellings: ["Xianning", "Hsien-ning"])
    index.insert(3, spellings: ["Changning"])
    index.insert(4, spellings: ["Zhangning"])
    #expect(index.search("乐嘉").first?.id == 1)
    #expect(index.search("咸宁市").first?.id == 2)
    // The family-name reading 长 Chang is the query's own; Zhang only the ordinary one.
    #expect(index.search("长宁").map(\.id) == [3, 4])
  }

  @Test("a Han query is also looked up by its characters' other readings (黄埔 Huangpu, not Huangbu)")
  func hanOtherReadings() {
    var index = NameIndex<Int>()
    index.insert(1, spellings: ["Huangbao"])
    index.insert(2, spellings: ["Huangpu"])
    index.insert(3, spellings: ["Diwopu"])
    #expect(index.search("黄埔").first?.id == 2)
    // Two characters with other readings (地 di, 堡 pu) and a generic (乡) at once.
    #expect(index.search("地窝堡乡").first?.id == 3)
  }

  @Test("names with no consonant in the key are found among themselves")
  func vowelOnlyNames() {
    var index = NameIndex<Int>()
    index.insert(1, spellings: ["Ai Weiwei"])
    index.insert(2, spellings: ["Hey"])
    #expect(index.search("艾未未").first?.id == 1)
    #expect(index.search("Hay").first?.id == 2)
  }

  @Test("a Persian query is also looked up by its next romanisations: Munir scores as exact")
  func persianAlternatives() {
    var index = NameIndex<Int>()
    index.insert(1, spellings: ["Munir"])
    #expect(NameIndexer.shared.romanize("منیر") == "Monir")
    #expect(NameIndexer.shared.alternativeKeys(for: "منیر").contains { $0.display == "Munir" })
    #expect(index.search("منیر").first?.score == 1)
    #expect(NameIndexer.shared.alternativeKeys(for: "Monir").isEmpty)
  }
}
