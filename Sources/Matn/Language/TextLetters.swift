import MatnICU

/// The letters of a text as the language model reads them: runs of alphabetic scalars
/// (letters and the vowel signs and marks that belong to them), lower-cased (each
/// scalar by its full lowercase mapping, as `String.lowercased()`), in one buffer;
/// `wordEnds[k]` is where word k ends.
///
/// It also notes where the text may change language (``segmentStarts``): after a line
/// break, after a sentence's end (. ! ? ؟ ۔ । followed by a space or a line break, or
/// the ideographic 。！？), and where a word's script differs from the previous word's.
struct TextLetters {
  var scalars: [UInt32] = []
  var wordEnds: [Int] = []
  /// The words (indices into ``wordEnds``) that start a segment, the first word aside:
  /// empty for a text of one line, one sentence and one script.
  var segmentStarts: [Int] = []
  /// Whether a line break separates two of the words (a text of several lines).
  var spansLines = false

  /// A segment boundary is due before the next word.
  private var boundaryDue = false
  /// A line break came since the last word.
  private var lineBreakDue = false
  /// The last scalar was a sentence terminator that ends a sentence when a space follows.
  private var afterTerminator = false
  /// The script of the previous word's first letter (a script of its own, not Common).
  private var lastScript = Script.unknown

  init() {}

  /// Reads valid UTF-8 (a Swift string's bytes).
  init(utf8: UnsafeBufferPointer<UInt8>) {
    scalars.reserveCapacity(utf8.count)
    let lowercase = CharacterTable.lowercase
    var i = 0
    let n = utf8.count
    while i < n {
      let (v, length) = ScalarScan.scalar(utf8, at: i)
      i += length
      if Self.isOptionalMark(v) { continue }
      let letter = lowercase[v]
      if letter == 0 {
        endWord()
        noteBoundary(v)
      } else if letter != CharacterTable.expands {
        startLetter(letter)
        scalars.append(letter)
      } else {
        // A lowercase mapping of several scalars (İ → i̇), or a supplementary scalar.
        for m in Unicode.Scalar(v)!.properties.lowercaseMapping.unicodeScalars {
          if m.properties.isAlphabetic {
            startLetter(m.value)
            scalars.append(m.value)
          } else {
            endWord()
          }
        }
      }
    }
    endWord()
  }

  /// At least as many words as ``LanguageIdentifier``'s reading of `scalars` (with or
  /// without its spelling variants: ``LanguageIdentifier/letters(of:)`` then
  /// ``spellingFolded(arabic:)``) has, counted without building it; nil when a scalar
  /// may read as more than one word (a ligature such as ﷺ under NFKC) or is outside the
  /// scalars whose reading is checked here.
  ///
  /// The words are counted as ``init(utf8:)`` counts them: runs of letters, optional
  /// marks read through. Over ASCII, no-break space, the Arabic block (but U+0675–U+0678,
  /// which NFKC spells as two letters) and the zero-width and bidi format characters,
  /// NFKC only composes a letter with a mark or turns a space into a space, and the rest
  /// of the reading only removes: a ZWNJ that does not part two words, a word of marks.
  static func wordCountBound(_ scalars: UnsafeBufferPointer<UInt32>) -> Int? {
    let lowercase = CharacterTable.lowercase
    var words = 0
    var inWord = false
    for v in scalars {
      let checked =
        v < 0x80 || v == 0xA0 || (v >= 0x0600 && v <= 0x06FF && (v < 0x0675 || v > 0x0678))
        || (v >= 0x200B && v <= 0x200F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
      guard checked else { return nil }
      if isOptionalMark(v) { continue }
      if lowercase[v] != 0 {
        if !inWord { words += 1 }
        inWord = true
      } else {
        inWord = false
      }
    }
    return words
  }

  /// Arabic short vowels, tanween, shadda, sukun and the other optional marks (U+064B–
  /// U+0653, U+0656–U+065F, the superscript alef U+0670) and tatweel (U+0640): written in
  /// a Quran verse or a children's book and left out of news, in every language of the
  /// script alike, so they tell a text's register, not its language. The model reads
  /// none of them (lingua's tables have none; `scripts/train-langid` counts the region's
  /// tables without them): with them, a Balochi or Sindhi table learnt from vowelled text
  /// won vowelled Arabic. Hamza above and below (U+0654, U+0655) stay: they spell letters.
  @inline(__always)
  static func isOptionalMark(_ v: UInt32) -> Bool {
    v >= 0x0640 && v <= 0x0670 && (v == 0x0640 || (v >= 0x064B && v <= 0x065F && v != 0x0654 && v != 0x0655) || v == 0x0670)
  }

  fileprivate mutating func endWord() {
    if scalars.count > (wordEnds.last ?? 0) { wordEnds.append(scalars.count) }
  }

  /// Before letter `v` is appended: at a word's first letter, a segment starts when a
  /// boundary is due or the word's script differs from the previous word's.
  @inline(__always)
  private mutating func startLetter(_ v: UInt32) {
    afterTerminator = false
    guard scalars.count == (wordEnds.last ?? 0) else { return }
    let script = CharacterTable.scripts[v]
    var starts = boundaryDue
    if !script.isContextual {
      if script != lastScript && lastScript != .unknown { starts = true }
      lastScript = script
    }
    if starts && !wordEnds.isEmpty { segmentStarts.append(wordEnds.count) }
    if lineBreakDue && !wordEnds.isEmpty { spansLines = true }
    boundaryDue = false
    lineBreakDue = false
  }

  /// A scalar that is not a letter: a line break makes a boundary due, and so does a
  /// space or line break after a sentence terminator (closing quotes and brackets between
  /// them aside).
  @inline(__always)
  private mutating func noteBoundary(_ v: UInt32) {
    switch v {
    case 0x0A...0x0D, 0x85, 0x2028, 0x2029:
      boundaryDue = true
      lineBreakDue = true
    case 0x20, 0x09, 0xA0: if afterTerminator { boundaryDue = true }
    case 0x2E, 0x21, 0x3F, 0x061F, 0x06D4, 0x0964, 0x0965:
      afterTerminator = true
      return
    case 0x3002, 0xFF01, 0xFF1F: boundaryDue = true
    // Closing quotes and brackets after a terminator: the sentence still ends there.
    case 0x22, 0x27, 0x29, 0x5D, 0xBB, 0x2019, 0x201D: return
    default: break
    }
    afterTerminator = false
  }

  /// Words `words` of this text (their letters and ends), with no segments.
  func slice(words: Range<Int>) -> TextLetters {
    var piece = TextLetters()
    let start = words.lowerBound == 0 ? 0 : wordEnds[words.lowerBound - 1]
    piece.scalars = Array(scalars[start..<wordEnds[words.upperBound - 1]])
    piece.wordEnds = wordEnds[words].map { $0 - start }
    return piece
  }

  /// The letters without the spelling variants a Persian normaliser rewrites (see
  /// ``LanguageIdentifier/init(languages:ignoresSpellingVariants:)``): yeh and kaf in
  /// Arabic (ي ك) or Persian (ی ک) form, ۀ as ه, no tatweel or Arabic marks, and a
  /// letter repeated three or more times written once.
  func spellingFolded(arabic: Bool) -> TextLetters {
    var folded = TextLetters()
    folded.scalars.reserveCapacity(scalars.count)
    var start = 0
    for end in wordEnds {
      let wordStart = folded.scalars.count
      for v in scalars[start..<end] {
        var v = v
        switch v {
        case 0x0640, 0x064B...0x065F, 0x0670: continue
        case 0x064A, 0x0649, 0x06CC, 0x0643, 0x06A9: v = arabic ? PersianFold.arabicYehKaf(v) : PersianFold.yehKaf(v)
        case 0x06C0: v = 0x0647
        default: break
        }
        folded.scalars.append(v)
      }
      folded.collapseRepeats(from: wordStart)
      folded.endWord()
      start = end
    }
    return folded
  }

  /// The letters with Persian yeh and kaf (ی ک) in their Arabic forms (ي ك): how Arabic
  /// reads a text (``LanguageModel/persianYehCost``); `count` is how many were changed.
  func arabicYehKaf() -> (letters: TextLetters, count: Int) {
    var folded = self
    var count = 0
    for k in folded.scalars.indices {
      switch folded.scalars[k] {
      case 0x06CC:
        folded.scalars[k] = 0x064A
        count += 1
      case 0x06A9:
        folded.scalars[k] = 0x0643
        count += 1
      default: break
      }
    }
    return (folded, count)
  }

  /// Writes once a letter repeated three or more times in the word that starts at
  /// `wordStart`.
  private mutating func collapseRepeats(from wordStart: Int) {
    var k = wordStart, out = wordStart
    while k < scalars.count {
      var runEnd = k + 1
      while runEnd < scalars.count && scalars[runEnd] == scalars[k] { runEnd += 1 }
      let kept = runEnd - k >= 3 ? 1 : runEnd - k
      for _ in 0..<kept {
        scalars[out] = scalars[k]
        out += 1
      }
      k = runEnd
    }
    scalars.removeLast(scalars.count - out)
  }

  func forEachWord(_ body: (ArraySlice<UInt32>) -> Void) {
    var start = 0
    for end in wordEnds {
      body(scalars[start..<end])
      start = end
    }
  }
}
