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
    let table = LowercaseLetterTable.shared
    var i = 0
    let n = utf8.count
    while i < n {
      let (v, length) = UTF8Decoding.scalar(utf8, at: i)
      i += length
      let letter = v < 0x10000 ? table[Int(v)] : LowercaseLetterTable.expands
      if letter == 0 {
        endWord()
      } else if letter != LowercaseLetterTable.expands {
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
        case 0x064A, 0x0649, 0x06CC: v = arabic ? 0x064A : 0x06CC
        case 0x0643, 0x06A9: v = arabic ? 0x0643 : 0x06A9
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

/// For every BMP scalar, its lowercase mapping when that is one alphabetic scalar, 0
/// when it is one scalar that is not alphabetic, ``expands`` when it is several
/// scalars. Built once.
struct LowercaseLetterTable: @unchecked Sendable {
  static let expands = UInt32.max
  private let table: UnsafePointer<UInt32>

  static let shared: LowercaseLetterTable = {
    let table = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
    for v in 0..<0x10000 {
      // Han ideographs and Hangul syllables are letters without case; surrogates and
      // private use are not letters: no need to ask (this runs at start-up).
      switch v {
      case 0x4E00...0x9FFF, 0xAC00...0xD7A3:
        table[v] = UInt32(v)
        continue
      case 0xD800...0xF8FF:
        table[v] = 0
        continue
      default: break
      }
      guard let scalar = Unicode.Scalar(UInt32(v)) else {
        table[v] = 0
        continue
      }
      let properties = scalar.properties
      guard properties.changesWhenLowercased else {
        table[v] = properties.isAlphabetic ? UInt32(v) : 0
        continue
      }
      let lower = properties.lowercaseMapping.unicodeScalars
      if lower.count == 1, let m = lower.first {
        table[v] = m.properties.isAlphabetic ? m.value : 0
      } else {
        table[v] = expands
      }
    }
    return LowercaseLetterTable(table: UnsafePointer(table))
  }()

  subscript(_ v: Int) -> UInt32 { table[v] }
}

/// The script of every BMP scalar, looked up once from ICU (supplementary scalars are
/// asked directly).
struct ScriptTable: @unchecked Sendable {
  private let table: UnsafePointer<Int16>

  static let shared: ScriptTable = {
    let table = UnsafeMutablePointer<Int16>.allocate(capacity: 0x10000)
    for v in 0..<0x10000 {
      table[v] = Unicode.Scalar(UInt32(v)).map { Int16(truncatingIfNeeded: Script(of: $0).rawValue) } ?? 0
    }
    return ScriptTable(table: UnsafePointer(table))
  }()

  subscript(_ v: UInt32) -> Script {
    if v < 0x10000 { return Script(rawValue: Int32(table[Int(v)])) }
    return Unicode.Scalar(v).map { Script(of: $0) } ?? .common
  }
}
