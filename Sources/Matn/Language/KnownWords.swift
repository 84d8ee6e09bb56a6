/// The short words each language of the model is known to write
/// (`Resources/Language/known-words.tsv`, derived by `scripts/derive-langid-known-words`
/// from training-side text), read in place from `Tables/known-words.bin`, which
/// `scripts/build-tables` writes from it (``computedSections()``).
///
/// The identifier's fit test counts how many of a text's short words its answer writes:
/// a language we do not model that reads as a close relative, letter by letter, writes
/// its function words differently (Galician «unha», «non» against Spanish «una», «no»).
///
/// - Thread safety: a `Sendable` value, read-only.
struct KnownWords: @unchecked Sendable {
  /// The language codes of the list, in the order of ``starts``.
  let codes: [String]
  /// Per code, the index of its first key in ``keys`` (one more entry: the end).
  private let starts: UnsafeBufferPointer<UInt64>
  /// The words' keys (``LanguageModel/wordKey(_:)``), sorted within each language.
  private let keys: UnsafeBufferPointer<UInt64>
  /// Per model language (after ``resolved(to:)``), the index of its code (-1: no list).
  private let languages: [Int]
  private let owner: OwnedWords?

  static let resourceName = "Tables/known-words.bin"
  static let sectionCount = 3

  /// The table read in place from ``resourceName``; computed from the word list when it
  /// is missing or malformed.
  static var embeddedOrComputed: KnownWords {
    PackedTable.embedded(resourceName, sections: sectionCount).flatMap { KnownWords($0) }
      // The sections were just computed in the table format: they always read back.
      ?? KnownWords(PackedTable(sections: computedSections()))!
  }

  /// The words in `table` (sections as ``computedSections()`` writes them), its codes
  /// not yet resolved to a model's languages.
  init?(_ table: PackedTable) {
    guard table.sections.count == Self.sectionCount else { return nil }
    let codes = String(decoding: table.utf8(0), as: UTF8.self).split(separator: "\t").map(String.init)
    let starts = table.sections[1], keys = table.sections[2]
    guard starts.count == codes.count + 1, starts.allSatisfy({ Int(UInt64(littleEndian: $0)) <= keys.count })
    else { return nil }
    self.codes = codes
    self.starts = starts
    self.keys = keys
    languages = []
    owner = table.owner
  }

  private init(_ words: KnownWords, languages: [Int]) {
    codes = words.codes
    starts = words.starts
    keys = words.keys
    self.languages = languages
    owner = words.owner
  }

  /// The same words with model language k's list at `codes[k]` (a model's languages).
  func resolved(to codes: [String]) -> KnownWords {
    let index = Dictionary(self.codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    return KnownWords(self, languages: codes.map { index[$0] ?? -1 })
  }

  /// Whether model language `language` has a list (after ``resolved(to:)``).
  @inline(__always)
  func hasList(_ language: Int) -> Bool { language >= 0 && language < languages.count && languages[language] >= 0 }

  /// Whether model language `language` is known to write the word of `key`.
  ///
  /// - Complexity: O(log *n*) in the language's words.
  func contains(_ key: UInt64, language: Int) -> Bool {
    guard hasList(language) else { return false }
    let c = languages[language]
    var low = Int(UInt64(littleEndian: starts[c])), high = Int(UInt64(littleEndian: starts[c + 1]))
    while low < high {
      let middle = (low + high) >> 1
      if UInt64(littleEndian: keys[middle]) < key { low = middle + 1 } else { high = middle }
    }
    return low < Int(UInt64(littleEndian: starts[c + 1])) && UInt64(littleEndian: keys[low]) == key
  }

  /// The source of `Tables/known-words.bin`, parsed from `Language/known-words.tsv`
  /// (rows `language<TAB>word`): the codes (UTF-8, tab-separated), per code the start of
  /// its keys (and the end), the keys sorted within each code.
  static func computedSections() -> [[UInt64]] {
    var byCode: [String: Set<UInt64>] = [:]
    let words = EmbeddedTable.resourceBytes("Language/known-words.tsv")
    for line in words.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
      let fields = Array(line).split(separator: UInt8(ascii: "\t"))
      guard fields.count == 2, let key = fields[1].withUnsafeBufferPointer({ LanguageModel.wordKey(utf8: $0[...]) })
      else { continue }
      byCode[String(decoding: fields[0], as: UTF8.self), default: []].insert(key)
    }
    let codes = byCode.keys.sorted()
    var starts: [UInt64] = [0]
    var keys: [UInt64] = []
    for code in codes {
      keys += byCode[code, default: []].sorted()
      starts.append(UInt64(keys.count))
    }
    return [PackedTable.utf8Section(Array(codes.joined(separator: "\t").utf8)), starts, keys]
  }
}
