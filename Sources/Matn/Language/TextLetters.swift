import MatnICU

/// The letters of a text as the language model reads them: runs of alphabetic scalars
/// (letters and the vowel signs and marks that belong to them), lower-cased (each
/// scalar by its full lowercase mapping, as `String.lowercased()`), in one buffer;
/// `wordEnds[k]` is where word k ends.
struct TextLetters {
  var scalars: [UInt32] = []
  var wordEnds: [Int] = []

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
      let letter = lowercase[v]
      if letter == 0 {
        endWord()
      } else if letter != CharacterTable.expands {
        scalars.append(letter)
      } else {
        // A lowercase mapping of several scalars (İ → i̇), or a supplementary scalar.
        for m in Unicode.Scalar(v)!.properties.lowercaseMapping.unicodeScalars {
          if m.properties.isAlphabetic { scalars.append(m.value) } else { endWord() }
        }
      }
    }
    endWord()
  }

  fileprivate mutating func endWord() {
    if scalars.count > (wordEnds.last ?? 0) { wordEnds.append(scalars.count) }
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
