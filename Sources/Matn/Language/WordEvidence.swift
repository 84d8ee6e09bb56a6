/// The words that speak for Arabic, Persian or Urdu (`Resources/Language/words.tsv`,
/// derived by `scripts/train-langid`), read in place from `Tables/word-evidence.bin`,
/// which `scripts/build-tables` writes from it (``computedSections()``).
///
/// For a word's key (``LanguageModel/wordKey(_:)``), the languages it speaks for and its
/// log-likelihood ratio for each, in the order of the word list.
///
/// - Thread safety: a `Sendable` value, read-only.
struct WordEvidence: @unchecked Sendable {
  /// The language codes of the word list, in the order the postings number them.
  let codes: [String]
  /// Per code, the index of its language in the model (-1: not in the model).
  private let languages: [Int]
  private let slots: UnsafeBufferPointer<UInt64>
  /// Per slot: the first posting (high 32 bits) and the posting count (low 32 bits).
  private let spans: UnsafeBufferPointer<UInt64>
  /// Per posting: the code's index, then the ratio's bits.
  private let postings: UnsafeBufferPointer<UInt64>
  private let owner: OwnedWords?
  /// Per language that writes letters Persian never writes, the log of the share of its
  /// words that have none of them (the word list's `%none` rows;
  /// ``LanguageModel/Language/wordsWithoutOwnLetters``).
  let wordsWithoutOwnLetters: [(code: String, logShare: Double)]

  static let resourceName = "Tables/word-evidence.bin"
  static let sectionCount = 5

  /// The table read in place from ``resourceName``; computed from the word list when it
  /// is missing or malformed.
  static var embeddedOrComputed: WordEvidence {
    PackedTable.embedded(resourceName, sections: sectionCount).flatMap { WordEvidence($0) }
      // The sections were just computed in the table format: they always read back.
      ?? WordEvidence(PackedTable(sections: computedSections()))!
  }

  /// The evidence in `table` (sections as ``computedSections()`` writes them), its
  /// codes not yet resolved to a model's languages.
  init?(_ table: PackedTable) {
    guard table.sections.count == Self.sectionCount else { return nil }
    let slots = table.sections[1], spans = table.sections[2]
    guard slots.count > 0, slots.count & (slots.count - 1) == 0, spans.count == slots.count else { return nil }
    codes = String(decoding: table.utf8(0), as: UTF8.self).split(separator: "\t").map(String.init)
    languages = Array(repeating: -1, count: codes.count)
    self.slots = slots
    self.spans = spans
    postings = table.sections[3]
    owner = table.owner
    wordsWithoutOwnLetters = table.utf8(4).split(separator: UInt8(ascii: "\n")).compactMap { row in
      let fields = row.split(separator: UInt8(ascii: "\t"))
      guard fields.count == 2, let value = fields[1].withUnsafeBufferPointer({ LanguageModel.decimal($0[...]) })
      else { return nil }
      return (String(decoding: fields[0], as: UTF8.self), value)
    }
  }

  private init(_ evidence: WordEvidence, languages: [Int]) {
    codes = evidence.codes
    self.languages = languages
    slots = evidence.slots
    spans = evidence.spans
    postings = evidence.postings
    owner = evidence.owner
    wordsWithoutOwnLetters = evidence.wordsWithoutOwnLetters
  }

  /// The same evidence with its codes numbered as `codes` (a model's languages) number
  /// them; a code not among them gives no evidence.
  func resolved(to codes: [String]) -> WordEvidence {
    let index = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    return WordEvidence(self, languages: self.codes.map { index[$0] ?? -1 })
  }

  /// Whether no word gives evidence.
  var isEmpty: Bool { postings.isEmpty }

  /// The languages word `key` speaks for, with their ratios, or nil when it speaks for
  /// none.
  ///
  /// - Complexity: O(1) expected.
  @inline(__always)
  subscript(key: UInt64) -> Postings? {
    guard let i = WordSet.slot(of: key, in: slots) else { return nil }
    let span = UInt64(littleEndian: spans[i])
    let start = Int(span >> 32), count = Int(span & 0xFFFF_FFFF)
    guard 2 * (start + count) <= postings.count else { return nil }
    return Postings(postings: UnsafeBufferPointer(rebasing: postings[2 * start..<2 * (start + count)]), languages: languages)
  }

  /// The postings of one word: its languages (indices in the model) and ratios.
  struct Postings: Sequence {
    fileprivate let postings: UnsafeBufferPointer<UInt64>
    fileprivate let languages: [Int]

    struct Iterator: IteratorProtocol {
      fileprivate let postings: UnsafeBufferPointer<UInt64>
      fileprivate let languages: [Int]
      fileprivate var position = 0

      mutating func next() -> (language: Int, ratio: Double)? {
        while position + 1 < postings.count {
          let code = Int(truncatingIfNeeded: UInt64(littleEndian: postings[position]))
          let ratio = Double(bitPattern: UInt64(littleEndian: postings[position + 1]))
          position += 2
          if code >= 0 && code < languages.count && languages[code] >= 0 { return (languages[code], ratio) }
        }
        return nil
      }
    }

    func makeIterator() -> Iterator { Iterator(postings: postings, languages: languages) }
  }

  /// The source of `Tables/word-evidence.bin`, parsed from `Language/words.tsv` (rows
  /// `language<TAB>word<TAB>ratio`, and `%none<TAB>language<TAB>log-share`): the codes
  /// (UTF-8, tab-separated), the key slots (placed in increasing order), per slot its
  /// postings' span, the postings, the `%none` rows (UTF-8, `language<TAB>log-share`
  /// lines).
  static func computedSections() -> [[UInt64]] {
    var codes: [String] = []
    var byKey: [UInt64: [(code: Int, ratio: Double)]] = [:]
    var none: [UInt8] = []
    let words = EmbeddedTable.resourceBytes("Language/words.tsv")
    for line in words.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
      let fields = Array(line).split(separator: UInt8(ascii: "\t"))
      guard fields.count == 3 else { continue }
      if fields[0].elementsEqual("%none".utf8) {
        none += fields[1] + [UInt8(ascii: "\t")] + fields[2] + [UInt8(ascii: "\n")]
        continue
      }
      let key = fields[1].withUnsafeBufferPointer { LanguageModel.wordKey(utf8: $0[...]) }
      let ratio = fields[2].withUnsafeBufferPointer { LanguageModel.decimal($0[...]) }
      guard let key, let ratio else { continue }
      let code = String(decoding: fields[0], as: UTF8.self)
      let index = codes.firstIndex(of: code) ?? codes.count
      if index == codes.count { codes.append(code) }
      byKey[key, default: []].append((index, ratio))
    }
    let slots = WordSet.slots(byKey.keys)
    var spans = [UInt64](repeating: 0, count: slots.count)
    var postings: [UInt64] = []
    slots.withUnsafeBufferPointer { placed in
      for key in byKey.keys.sorted() {
        guard let i = WordSet.slot(of: key, in: placed), let list = byKey[key] else { continue }
        spans[i] = UInt64(postings.count / 2) << 32 | UInt64(list.count)
        for (code, ratio) in list { postings += [UInt64(code), ratio.bitPattern] }
      }
    }
    return [
      PackedTable.utf8Section(Array(codes.joined(separator: "\t").utf8)), slots, spans, postings,
      PackedTable.utf8Section(none),
    ]
  }
}
