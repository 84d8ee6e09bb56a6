import Synchronization
import Matn

/// The keys a name is indexed and searched by, for every run of its words: the
/// native words folded as search keys (``SearchKey``), and the ASCII and phonetic keys
/// of each of its top romanisations (``NameIndexer/romanize(_:top:style:)``).
///
/// A run of words lets «ولایتی» find "Ali Akbar Velayati" by its last word, and "Ali
/// Akbar Velayati" find «علی‌اکبر ولایتی» whole.
struct NameKey: Hashable, Sendable {
  enum Kind: Int, Sendable, Comparable {
    /// The words as written, folded (`SearchKey`): a same-script exact match.
    case native = 0
    /// The lower-case ASCII romanisation (the ``NameKeys/ascii`` key).
    case ascii = 1
    /// The consonant skeleton (the ``NameKeys/phonetic`` key).
    case phonetic = 2
    /// A consonant skeleton with one letter left out (stored only): a skeleton one
    /// letter longer, shorter or different finds it (``MentionKeys/near(_:)``).
    case near = 3

    static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
  }

  var kind: Kind
  var key: String
  /// The ASCII form this key came from (for ranking phonetic matches by closeness);
  /// the key itself for native keys.
  var ascii: String
  /// True when the run is the whole name.
  var whole: Bool
  /// Which romanisation it came from (0: the top one).
  var rank: Int
}

enum MentionKeys {
  /// How many romanisations of an Arabic-script name are indexed and searched.
  static let romanizations = 3
  /// The longest run of words that is keyed on its own (a whole name is always keyed).
  static let longestRun = 3
  /// The shortest skeleton that is also keyed with each letter left out (``NameKey/Kind/near``):
  /// shorter ones would meet too many others.
  static let shortestNear = 5

  /// The keys of `name` (as written) and of its runs of words, without duplicates;
  /// `stored` adds the ``NameKey/Kind/near`` keys of the whole name's skeletons (what
  /// the index stores for a mention; a query looks its own variants up instead; a run
  /// of a longer name one letter from a query is too often someone else).
  static func keys(of name: String, indexer: NameIndexer = .shared, stored: Bool = false) -> [NameKey] {
    var out: [NameKey] = []
    var seen = Set<String>()
    func add(_ key: NameKey) {
      guard !key.key.isEmpty, key.key != "_", seen.insert("\(key.kind.rawValue)\u{1F}\(key.key)").inserted else { return }
      out.append(key)
    }
    let nativeWords = words(SearchKey.make(name))
    for (run, whole) in runs(nativeWords.count) {
      add(NameKey(kind: .native, key: run.map { nativeWords[$0] }.joined(separator: " "), ascii: "", whole: whole, rank: 0))
    }
    for (rank, romanization) in romanizationsOf(name, indexer: indexer).enumerated() {
      let asciiWords = words(indexer.keys(for: romanization).ascii)
      for (run, whole) in runs(asciiWords.count) {
        let ascii = run.map { asciiWords[$0] }.joined(separator: " ")
        add(NameKey(kind: .ascii, key: ascii, ascii: ascii, whole: whole, rank: rank))
        let phonetic = Self.phonetic(ascii, indexer: indexer)
        if phonetic.count >= 2 {
          add(NameKey(kind: .phonetic, key: phonetic, ascii: ascii, whole: whole, rank: rank))
        }
        if stored && whole {
          for variant in near(phonetic) {
            add(NameKey(kind: .near, key: variant, ascii: ascii, whole: whole, rank: rank))
          }
        }
      }
    }
    return out
  }

  /// A skeleton of ``shortestNear`` letters or more with each letter left out in turn
  /// (none for a shorter one): two skeletons one edit apart (a letter more, less or
  /// different) share one of these, or one is the other's.
  static func near(_ phonetic: String) -> [String] {
    let letters = Array(phonetic.unicodeScalars)
    guard letters.count >= shortestNear, phonetic != "_" else { return [] }
    var out: [String] = []
    for i in letters.indices {
      var v = String.UnicodeScalarView()
      v.append(contentsOf: letters[..<i])
      v.append(contentsOf: letters[(i + 1)...])
      let s = String(v)
      if !out.contains(s) { out.append(s) }
    }
    return out
  }

  /// The top romanisations of `name`: several for an Arabic-script name (its spellings
  /// differ in the vowels the script does not write), one otherwise.
  static func romanizationsOf(_ name: String, indexer: NameIndexer) -> [String] {
    let primary = indexer.keys(for: name).display
    guard name.unicodeScalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) else { return [primary] }
    var out = [primary]
    for r in indexer.romanize(name, top: romanizations) where !out.contains(r.text) && out.count < romanizations {
      out.append(r.text)
    }
    return out
  }

  /// Contiguous runs of up to ``longestRun`` words, and the whole name; for a name of
  /// three words or more, also its first and last word together (a given and a family
  /// name without the middle one: "Bijan Zanganeh" for "Bijan Namdar Zanganeh").
  static func runs(_ count: Int) -> [([Int], Bool)] {
    guard count > 0 else { return [] }
    var out: [([Int], Bool)] = [(Array(0..<count), true)]
    for length in 1...min(longestRun, count) {
      for start in 0...(count - length) where !(start == 0 && length == count) {
        out.append((Array(start..<start + length), false))
      }
    }
    if count >= 3 { out.append(([0, count - 1], false)) }
    return out
  }

  /// The phonetic key of an ASCII form (``NameKeys/phonetic``).
  static func phonetic(_ ascii: String, indexer: NameIndexer) -> String {
    indexer.keys(for: ascii).phonetic
  }

  /// Whether two ASCII forms have as many words, each beginning with the same
  /// consonant of its skeleton (or both with none): spellings differ in the middle and
  /// at the end of words more than at their start ("Hatami" is not "Khatami").
  static func sameInitials(_ a: String, _ b: String, indexer: NameIndexer) -> Bool {
    let x = words(a), y = words(b)
    guard x.count == y.count else { return false }
    for (u, v) in zip(x, y) where phonetic(u, indexer: indexer).first != phonetic(v, indexer: indexer).first {
      return false
    }
    return true
  }

  /// Words split on spaces and hyphens.
  static func words(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{200C}" }).map(String.init)
  }

  /// 1 − Levenshtein distance / longer length over the letters (spaces and hyphens ignored).
  static func similarity(_ a: String, _ b: String) -> Double {
    let x = Array(a.utf8.filter { $0 != 0x20 && $0 != 0x2D }), y = Array(b.utf8.filter { $0 != 0x20 && $0 != 0x2D })
    if x.isEmpty || y.isEmpty { return x.count == y.count ? 1 : 0 }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return 1 - Double(previous[y.count]) / Double(max(x.count, y.count))
  }
}

/// The per-word keys of the text columns: each word's ASCII romanisation (a Latin word
/// as it is) and its phonetic key, memoised per word (news vocabulary repeats): each
/// thread reads a snapshot of the table without contention, and a word it has not
/// seen is looked up in the shared table (another thread may have romanised it since)
/// before it is romanised and added there, so no word is romanised twice in a build.
///
/// The words of other scripts than Latin are also kept, with their skeletons, for the
/// index's `words` table (``fresh()``): a Latin query's word finds the native words
/// with its skeleton there (``ArticleIndex/reverseWords(_:minimum:nameShare:)``).
final class WordKeys: Sendable {
  typealias Keys = (ascii: String, sound: String)
  let indexer: NameIndexer
  private let shared = Mutex<(known: [String: Keys], fresh: [(word: String, sound: String)])>(([:], []))
  private let names = Mutex<[String: [NameKey]]>([:])

  init(indexer: NameIndexer) { self.indexer = indexer }

  /// A thread's view: the shared table as it was when the thread began.
  struct Local {
    var known: [String: Keys]
  }

  func local() -> Local { Local(known: shared.withLock { $0.known }) }

  /// The words of other scripts than Latin keyed since the last call, with their
  /// skeletons (each once per build).
  func fresh() -> [(word: String, sound: String)] {
    shared.withLock { state in
      defer { state.fresh.removeAll() }
      return state.fresh
    }
  }

  func keys(_ word: String, _ local: inout Local) -> Keys {
    if let hit = local.known[word] { return hit }
    if let hit = shared.withLock({ $0.known[word] }) {
      local.known[word] = hit
      return hit
    }
    let ascii: String
    let latin = word.utf8.allSatisfy({ $0 < 0x80 })
    if latin {
      ascii = word
    } else {
      ascii = String(indexer.keys(for: word).ascii.filter { $0 != " " && $0 != "-" })
    }
    let sound = ascii.isEmpty ? "" : MentionKeys.phonetic(ascii, indexer: indexer)
    let value = (ascii, sound == "_" ? "" : sound)
    shared.withLock { state in
      if state.known.updateValue(value, forKey: word) == nil && !latin && !value.1.isEmpty {
        state.fresh.append((word, value.1))
      }
    }
    local.known[word] = value
    return value
  }

  /// The stored keys of a mention's name (``MentionKeys/keys(of:indexer:stored:)``),
  /// memoised per name (news names the same people again and again).
  func mentionKeys(_ name: String) -> [NameKey] {
    if let hit = names.withLock({ $0[name] }) { return hit }
    let keys = MentionKeys.keys(of: name, indexer: indexer, stored: true)
    names.withLock { $0[name] = keys }
    return keys
  }

  /// The romanised and phonetic columns of a search key text: one token per word
  /// (a word without letters left keeps its place with `_`, so phrases stay aligned).
  func columns(_ key: String, _ local: inout Local) -> (roman: String, sound: String) {
    var roman: [String] = [], sound: [String] = []
    for word in ArticleIndex.tokens(key) {
      let k = keys(word, &local)
      roman.append(k.ascii.isEmpty ? "_" : k.ascii)
      sound.append(k.sound.isEmpty ? "_" : k.sound)
    }
    return (roman.joined(separator: " "), sound.joined(separator: " "))
  }
}
