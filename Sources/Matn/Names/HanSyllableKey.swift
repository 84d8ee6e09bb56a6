/// The phonetic key of a romanised Chinese name: its syllables, read as Hanyu Pinyin or
/// Wade-Giles, each written as the class of its initial and its final. A consonant
/// skeleton gives 马云 (Ma Yun) and 莫言 (Mo Yan) one key, `mn`, shared with every
/// other name of those consonants; this key keeps the syllables' vowels (马云 "maun")
/// while the Latin spellings of one name still meet: "Mao Tse-tung" and "Mao Zedong",
/// "Teng Hsiao-ping" and "Deng Xiaoping", "Chiang Tse-min" and "Jiang Zemin", and "Xi'an",
/// "Xian" and 西安 all have one key.
///
/// What a key keeps and merges:
/// - initials as classes that Wade-Giles does not tell apart once its apostrophes are
///   gone: b p, d t, g k, z c (ts, tz), zh ch j q (ch), with x (hs), sh, s (ss, sz), r
///   (Wade-Giles j), m, f, n, l, h on their own; y and w as the glides of the final
///   (yan = ian, wei = ui);
/// - finals without tones (Latin press spellings write none), ü as u, the Wade-Giles
///   finals as their Pinyin ones (ien ian, ieh ie, ung ong, ih and u after ts, ss: the
///   apical i, o after k and h: e), and vowels the readings of one character often
///   differ in merged: o, uo, ou and u (都 dou, du); e, ei and i (地 de, di; 勒 lei, le).
/// - Word breaks, hyphens and apostrophes are ignored, and the letters are cut into the
///   fewest syllables (Pinyin unless Wade-Giles needs fewer; among as few, the cut with
///   fewer syllables that begin with a vowel after another), so "Guang Ao", "Guangao"
///   and "Guang'ao" meet.
///
/// Many Persian, Russian and English spellings are also sequences of Pinyin syllables
/// ("Reza", "Hasan", "Rouhani"); their variants ("Riza", "Hassan", "Hamdan" beside
/// "Hamadan") would lose each other under this key. So a spelling is keyed by its
/// syllables only when one of them has a shape Persian and Russian romanisations do not
/// write: an initial x, hs, ts or tz; a final ao, ie, ieh, ue, ueh, ui, uo, uai, iao,
/// ien, iu, ang, eng, ong, ung, iang, iong, uang after a consonant; or a glide syllable
/// such as yun, yue, yuan, yao, yang, ying, yong, wang, wei. Other names keep the
/// consonant skeleton (``NameIndexer/phonetic(_:)``), and so do names whose syllables
/// have no such shape (莫言 "Mo Yan" keeps `mn`). The shapes are the Pinyin and
/// Wade-Giles finals and initials with no Persian or Russian counterpart by their
/// spelling rules; -ing, -ian and yan, you, yu were left out after the shared GeoNames
/// and Wikidata sets showed Persian spellings writing them, so those sets are not held
/// out for this choice. `scripts/eval-name-keys` measures the result (BENCHMARKS.md).
enum HanSyllableKey {
  /// The key of `ascii` (lower-case ASCII letters, spaces and hyphens, as
  /// ``NameIndexer/asciiFold(_:)`` writes), or nil when its letters are not a sequence
  /// of syllables or none of them has a Chinese shape.
  ///
  /// - Complexity: O(*n*) in the length of `ascii`.
  static func key(_ ascii: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard !ascii.isEmpty else { return nil }
    // No allocation until a parse succeeds: most names (Persian, Russian, English) fail.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ascii.count) { buffer -> [UInt8]? in
      var n = 0
      for b in ascii {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
          buffer[n] = b
          n += 1
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "'"): continue
        default: return nil
        }
      }
      guard n > 0, n <= longest else { return nil }
      let letters = UnsafeBufferPointer(rebasing: buffer[..<n])
      guard mayHaveChineseShape(letters) else { return nil }
      let table = Self.table
      return withUnsafeTemporaryAllocation(of: Table.Step.self, capacity: 2 * (n + 1)) { steps -> [UInt8]? in
        let pinyin = UnsafeMutableBufferPointer(rebasing: steps[..<(n + 1)])
        let wadeGiles = UnsafeMutableBufferPointer(rebasing: steps[(n + 1)...])
        let p = table.parse(letters, system: 0, into: pinyin)
        let w = table.parse(letters, system: 1, into: wadeGiles)
        // Pinyin unless Wade-Giles spells the letters at a lower cost (fewer syllables).
        let path: UnsafeMutableBufferPointer<Table.Step>
        if let p, w.map({ p <= $0 }) ?? true {
          path = pinyin
        } else if w != nil {
          path = wadeGiles
        } else {
          return nil
        }
        var entries: [Int32] = []
        var k = n
        var chinese = false
        while k > 0 {
          let e = path[k].entry
          entries.append(e)
          chinese = chinese || table.evidence[Int(e)]
          k = Int(path[k].from)
        }
        guard chinese else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n + 4)
        for e in entries.reversed() { out += table.keys[Int(e)] }
        return out
      }
    }
  }

  /// Names longer than this many letters are not keyed as syllables (no name is).
  static let longest = 64

  /// Every spelling with a Chinese shape (``isChineseShape(_:)``) has an x or one of
  /// these letter pairs (tested), so letters with none need no parse: most Persian,
  /// Russian and English names.
  static let shapePairs: Set<String> = ["hs", "ts", "tz", "ao", "ie", "ue", "ui", "uo", "ng", "ua", "iu", "yu", "we"]
  /// ``shapePairs`` as a 26 × 26 table of the pairs' letters.
  static let shapePairTable: [Bool] = {
    var table = [Bool](repeating: false, count: 26 * 26)
    for pair in shapePairs {
      let b = Array(pair.utf8)
      table[Int(b[0] - 0x61) * 26 + Int(b[1] - 0x61)] = true
    }
    return table
  }()

  /// Whether `letters` (a to z) have an x or a pair of ``shapePairs``.
  static func mayHaveChineseShape(_ letters: UnsafeBufferPointer<UInt8>) -> Bool {
    shapePairTable.withUnsafeBufferPointer { table in
      var previous = -1
      for b in letters {
        let c = Int(b &- 0x61)
        if c == 23 { return true }  // x
        if previous >= 0 && table[previous * 26 + c] { return true }
        previous = c
      }
      return false
    }
  }

  /// The syllables of both systems in one trie of lower-case letters.
  final class Table: Sendable {
    /// 26 child nodes per node (0: none); node 0 is the root.
    let children: [Int32]
    /// Per system (Pinyin 0, Wade-Giles 1), per node: the entry of the syllable ending
    /// there, or -1.
    let terminal: [[Int32]]
    /// Per entry: its key and whether its spelling is a Chinese shape.
    let keys: [[UInt8]]
    let evidence: [Bool]

    init(_ b: Builder) {
      (children, terminal, keys, evidence) = (b.children, b.terminal, b.keys, b.evidence)
    }

    struct Builder {
      var children: [Int32] = Array(repeating: 0, count: 26)
      var terminal: [[Int32]] = [[-1], [-1]]
      var keys: [[UInt8]] = []
      var evidence: [Bool] = []

      mutating func insert(_ spelling: String, system: Int, key: String, evidence: Bool) {
        var node = 0
        for b in spelling.utf8 {
          let slot = node * 26 + Int(b - UInt8(ascii: "a"))
          if children[slot] == 0 {
            children[slot] = Int32(terminal[0].count)
            children += Array(repeating: 0, count: 26)
            terminal[0].append(-1)
            terminal[1].append(-1)
          }
          node = Int(children[slot])
        }
        guard terminal[system][node] < 0 else { return }  // the first reading of a spelling wins
        terminal[system][node] = Int32(keys.count)
        keys.append(Array(key.utf8))
        self.evidence.append(evidence)
      }
    }

    /// A parse's best way to each position: its cost, the position before its last
    /// syllable and that syllable's entry.
    struct Step {
      var cost: Int32
      var from: Int32
      var entry: Int32
    }

    /// The cost of the fewest syllables that spell `letters` in `system`, their steps
    /// written to `steps` (one per position and the end), or nil. Among as few, the one
    /// with the fewest syllables that begin with a vowel after another (Pinyin writes an
    /// apostrophe there, which press spellings drop: "Changan" is chan-gan unless
    /// written "Chang'an"); then the path found first (earlier breaks, longer
    /// syllables first).
    func parse(_ letters: UnsafeBufferPointer<UInt8>, system: Int, into steps: UnsafeMutableBufferPointer<Step>)
      -> Int32?
    {
      let n = letters.count
      let none = Int32.max
      for k in 0...n { steps[k] = Step(cost: none, from: -1, entry: -1) }
      steps[0].cost = 0
      return children.withUnsafeBufferPointer { children in
        terminal[system].withUnsafeBufferPointer { terminal -> Int32? in
          for i in 0..<n where steps[i].cost != none {
            // Cost: syllables × (n + 1) + syllables beginning with a vowel after another.
            let c = letters[i]
            let vowel = c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75  // a e i o u
            let step = Int32(n + 1 + (vowel && i > 0 ? 1 : 0))
            let cost = steps[i].cost + step
            // The syllables starting at i, longest first: how far the trie goes, then
            // each length back from there (a syllable has at most 6 letters).
            var depth = i
            var node = 0
            while depth < n {
              let child = Int(children[node * 26 + Int(letters[depth] &- 0x61)])
              if child == 0 { break }
              node = child
              depth += 1
            }
            var end = depth
            while end > i {
              if cost < steps[end].cost {
                var node = 0
                for k in i..<end { node = Int(children[node * 26 + Int(letters[k] &- 0x61)]) }
                if terminal[node] >= 0 { steps[end] = Step(cost: cost, from: Int32(i), entry: terminal[node]) }
              }
              end -= 1
            }
          }
          return steps[n].cost == none ? nil : steps[n].cost
        }
      }
    }
  }

  static let table: Table = {
    var table = Table.Builder()
    for syllable in pinyin {
      let key = canonicalKey(syllable)
      table.insert(syllable, system: 0, key: key, evidence: isChineseShape(syllable))
      for spelling in wadeGiles(syllable) {
        table.insert(spelling, system: 1, key: key, evidence: isChineseShape(spelling))
      }
    }
    return Table(table)
  }()

  /// The Hanyu Pinyin syllables without tones (ü written v).
  static let pinyin: [String] = [
    "a", "ai", "an", "ang", "ao", "e", "ei", "en", "eng", "er", "o", "ou",
    "yi", "ya", "yan", "yang", "yao", "ye", "yin", "ying", "yo", "yong", "you", "yu", "yuan", "yue", "yun",
    "wu", "wa", "wai", "wan", "wang", "wei", "wen", "weng", "wo",
    "ba", "bai", "ban", "bang", "bao", "bei", "ben", "beng", "bi", "bian", "biao", "bie", "bin", "bing", "bo", "bu",
    "pa", "pai", "pan", "pang", "pao", "pei", "pen", "peng", "pi", "pian", "piao", "pie", "pin", "ping", "po", "pou",
    "pu",
    "ma", "mai", "man", "mang", "mao", "me", "mei", "men", "meng", "mi", "mian", "miao", "mie", "min", "ming", "miu",
    "mo", "mou", "mu",
    "fa", "fan", "fang", "fei", "fen", "feng", "fo", "fou", "fu",
    "da", "dai", "dan", "dang", "dao", "de", "dei", "den", "deng", "di", "dia", "dian", "diao", "die", "ding", "diu",
    "dong", "dou", "du", "duan", "dui", "dun", "duo",
    "ta", "tai", "tan", "tang", "tao", "te", "teng", "ti", "tian", "tiao", "tie", "ting", "tong", "tou", "tu", "tuan",
    "tui", "tun", "tuo",
    "na", "nai", "nan", "nang", "nao", "ne", "nei", "nen", "neng", "ni", "nian", "niang", "niao", "nie", "nin", "ning",
    "niu", "nong", "nou", "nu", "nuan", "nun", "nuo", "nv", "nve", "nue", "lve", "lue",
    "la", "lai", "lan", "lang", "lao", "le", "lei", "leng", "li", "lia", "lian", "liang", "liao", "lie", "lin", "ling",
    "liu", "lo", "long", "lou", "lu", "luan", "lun", "luo", "lv",
    "ga", "gai", "gan", "gang", "gao", "ge", "gei", "gen", "geng", "gong", "gou", "gu", "gua", "guai", "guan", "guang",
    "gui", "gun", "guo",
    "ka", "kai", "kan", "kang", "kao", "ke", "kei", "ken", "keng", "kong", "kou", "ku", "kua", "kuai", "kuan", "kuang",
    "kui", "kun", "kuo",
    "ha", "hai", "han", "hang", "hao", "he", "hei", "hen", "heng", "hong", "hou", "hu", "hua", "huai", "huan", "huang",
    "hui", "hun", "huo",
    "ji", "jia", "jian", "jiang", "jiao", "jie", "jin", "jing", "jiong", "jiu", "ju", "juan", "jue", "jun",
    "qi", "qia", "qian", "qiang", "qiao", "qie", "qin", "qing", "qiong", "qiu", "qu", "quan", "que", "qun",
    "xi", "xia", "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xiu", "xu", "xuan", "xue", "xun",
    "zha", "zhai", "zhan", "zhang", "zhao", "zhe", "zhei", "zhen", "zheng", "zhi", "zhong", "zhou", "zhu", "zhua",
    "zhuai", "zhuan", "zhuang", "zhui", "zhun", "zhuo",
    "cha", "chai", "chan", "chang", "chao", "che", "chen", "cheng", "chi", "chong", "chou", "chu", "chua", "chuai",
    "chuan", "chuang", "chui", "chun", "chuo",
    "sha", "shai", "shan", "shang", "shao", "she", "shei", "shen", "sheng", "shi", "shou", "shu", "shua", "shuai",
    "shuan", "shuang", "shui", "shun", "shuo",
    "ran", "rang", "rao", "re", "ren", "reng", "ri", "rong", "rou", "ru", "rua", "ruan", "rui", "run", "ruo",
    "za", "zai", "zan", "zang", "zao", "ze", "zei", "zen", "zeng", "zi", "zong", "zou", "zu", "zuan", "zui", "zun",
    "zuo",
    "ca", "cai", "can", "cang", "cao", "ce", "cen", "ceng", "ci", "cong", "cou", "cu", "cuan", "cui", "cun", "cuo",
    "sa", "sai", "san", "sang", "sao", "se", "sen", "seng", "si", "song", "sou", "su", "suan", "sui", "sun", "suo",
  ]

  /// Pinyin initials, longest first.
  static let pinyinInitials = [
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w",
  ]

  static func split(_ syllable: String) -> (initial: String, final: String) {
    for i in pinyinInitials where syllable.hasPrefix(i) { return (i, String(syllable.dropFirst(i.count))) }
    return ("", syllable)
  }

  /// Initials whose bare i is the apical vowel (zhi, ci), written ih or u in Wade-Giles.
  static let apicalInitials: Set<String> = ["zh", "ch", "sh", "r", "z", "c", "s"]

  /// The key of a Pinyin syllable: its initial's class and its final, folded.
  static func canonicalKey(_ syllable: String) -> String {
    let (initial, spelled) = split(syllable)
    var final = spelled.replacingAll("v", "u")
    if apicalInitials.contains(initial) && final == "i" { final = "ih" }
    if final == "uo" { final = "o" }
    switch initial {
    case "y":
      if final.hasPrefix("i") || final.hasPrefix("u") {
      } else if final == "ou" {
        final = "iu"
      } else {
        final = "i" + final
      }
    case "w":
      switch final {
      case _ where final.hasPrefix("u"): break
      case "ei": final = "ui"
      case "en": final = "un"
      case "o": break
      default: final = "u" + final
      }
    default: break
    }
    // Vowels the readings of one character differ in: o, uo, ou ~ u; e, ei ~ i.
    switch final {
    case "ou", "o": final = "u"
    case "ong": final = "ung"
    case "iong": final = "iung"
    default: break
    }
    final = final.replacingAll("ei", "i").replacingAll("e", "i").replacingAll("ii", "i")
    let classes: [String: String] = [
      "b": "p", "p": "p", "d": "t", "t": "t", "g": "k", "k": "k", "zh": "j", "ch": "j", "j": "j", "q": "j", "z": "z",
      "c": "z", "x": "x", "sh": "sh", "s": "s", "m": "m", "f": "f", "n": "n", "l": "l", "h": "h", "r": "r",
    ]
    return (classes[initial] ?? "") + final
  }

  /// The Wade-Giles spellings of a Pinyin syllable, apostrophes dropped and ü written u
  /// (as press spellings and ``NameIndexer/asciiFold(_:)`` leave them).
  static func wadeGiles(_ syllable: String) -> [String] {
    let (initial, spelled) = split(syllable)
    let initials: [String: String] = [
      "b": "p", "p": "p", "d": "t", "t": "t", "g": "k", "k": "k", "zh": "ch", "ch": "ch", "j": "ch", "q": "ch",
      "x": "hs", "z": "ts", "c": "ts", "s": "s", "r": "j", "sh": "sh", "m": "m", "f": "f", "n": "n", "l": "l",
      "h": "h", "y": "y", "w": "w",
    ]
    let w = initials[initial] ?? ""
    if apicalInitials.contains(initial) && spelled == "i" {
      switch initial {
      case "z", "c": return ["tzu"]
      case "s": return ["ssu", "szu"]
      default: return [w + "ih"]
      }
    }
    var final = spelled.replacingAll("v", "u")
    if initial == "y" {
      let finals = ["ou": "u", "an": "en", "e": "eh", "ue": "ueh", "ong": "ung"]
      var out = ["y" + (finals[final] ?? final)]
      if ["i", "in", "ing"].contains(final) { out.append(final) }  // i, in, ing: 一, 音, 英
      return out
    }
    let finals = ["ong": "ung", "iong": "iung", "ian": "ien", "ie": "ieh", "ue": "ueh", "er": "erh"]
    final = finals[final] ?? final
    if final == "uo" && !["g", "k", "h", "sh", ""].contains(initial) { final = "o" }
    if final == "e" && ["g", "k", "h"].contains(initial) { final = "o" }
    if final == "ui" && ["g", "k"].contains(initial) { final = "uei" }
    return [w + final]
  }

  /// Finals that, after a consonant, Persian and Russian romanisations do not write.
  /// Not ing and ian, which they do (the GeoNames variant "Latingan" of «لتینگان», the
  /// family-name suffix -ian: Ghaemian, Haddadian), nor ai, ei, ou, an, en, in, un
  /// (Kaihan, Leila, Rouhani, Hasan…).
  static let chineseFinals: Set<String> = [
    "ao", "ie", "ieh", "ue", "ueh", "ui", "uo", "iao", "iang", "iong", "ong", "ung", "eng", "ang", "uang", "uai", "ien",
    "iu",
  ]
  /// Glide syllables that Persian and Russian romanisations do not write (not yan, you,
  /// yu, written in Persian names: Royan, Ayoub, Yusef).
  static let chineseGlideSyllables: Set<String> = [
    "yun", "yue", "yueh", "yuan", "yao", "yang", "ying", "yong", "yung", "wang", "weng", "wei",
  ]

  /// Whether a spelled syllable (Pinyin or Wade-Giles) has a shape of Chinese only.
  static func isChineseShape(_ spelling: String) -> Bool {
    if chineseGlideSyllables.contains(spelling) { return true }
    let clusters = ["zh", "ch", "sh", "hs", "ts", "tz", "ss", "sz"]
    let initial: String
    if let c = clusters.first(where: { spelling.hasPrefix($0) }) {
      initial = c
    } else if let first = spelling.first, !"aeiou".contains(first) {
      initial = String(first)
    } else {
      initial = ""
    }
    if ["x", "hs", "ts", "tz"].contains(initial) { return true }
    guard !initial.isEmpty, initial != "y", initial != "w" else { return false }
    return chineseFinals.contains(String(spelling.dropFirst(initial.count)))
  }
}

extension String {
  /// `self` with every `target` replaced by `replacement` (no Foundation).
  fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = Substring(self)
    while let r = rest.firstRange(of: target) {
      out += rest[..<r.lowerBound]
      out += replacement
      rest = rest[r.upperBound...]
    }
    return out + rest
  }
}
