extension TextNormalizer {
  /// Where a long text may be cut so that normalising the pieces one after another
  /// gives exactly what normalising it whole gives: byte offsets, from 0 to the end,
  /// about `size` bytes apart (further where no cut is allowed; one segment when none is).
  ///
  /// A cut falls inside a word of two or more ASCII letters with a space on each side
  /// (`… the deb|ate …`), on a line whose quotation marks are balanced up to there. No
  /// rule of any stage looks across such a place:
  /// - cleanup, spacing and the orthography stages look past spaces, marks, ZWNJ,
  ///   tatweel and invisibles only, never past a letter;
  /// - the word is a Latin word, protected whole or in parts alike (no URL, e-mail,
  ///   entity or number can hold a word bounded by spaces), and an Arabic-script span
  ///   ends at a Latin letter, so spans and their decisions are the same (the document's
  ///   language of undecided spans is voted over all segments first);
  /// - straight quotes pair in order within a line and curly ones nest: with none open,
  ///   pairing after the cut does not depend on what came before, and the letters
  ///   around the cut answer the "Persian text beside the quote" question on each side;
  /// - Unicode normalization forms never compose across two ASCII letters, and a line
  ///   cut in two is counted once in the report.
  ///
  /// - Complexity: O(*n*) in the length of the text.
  static func segments(of text: String, every size: Int) -> [Int] {
    var text = text
    return text.withUTF8 { segments(of: $0, every: size) }
  }

  /// The same over valid UTF-8.
  static func segments(of bytes: UnsafeBufferPointer<UInt8>, every size: Int) -> [Int] {
    var cuts = [0]
    let n = bytes.count
    @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    var straightOpen = false
    var curlyDepth = 0
    var i = 0
    while i < n {
      // Skip, sixteen bytes at a time, every byte the rules below pass over: all but line
      // breaks, quotes, and (past the segment size, with no quote open) a space before
      // an ASCII letter.
      let spacesFrom = !straightOpen && curlyDepth == 0 ? cuts[cuts.count - 1] + size : n
      i = UTF8Scan.nextSegmentStop(bytes, from: i, spacesFrom: spacesFrom)
      guard i < n else { break }
      let b = bytes[i]
      // Line breaks as cleanup makes them (LF, CR, NEL, LS, PS) reset quote pairing.
      if b == 0x0A || b == 0x0D || (b == 0xC2 && i + 1 < n && bytes[i + 1] == 0x85)
        || (b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9))
      {
        straightOpen = false
        curlyDepth = 0
      } else if b == 0x22 {
        straightOpen.toggle()
      } else if b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9C {
        curlyDepth += 1
      } else if b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9D {
        curlyDepth = max(0, curlyDepth - 1)
      } else if b == 0x20 && i - cuts[cuts.count - 1] >= size && !straightOpen && curlyDepth == 0 {
        // A word after this space: ASCII letters up to the next space.
        var j = i + 1
        while j < n && isLetter(bytes[j]) { j += 1 }
        if j - (i + 1) >= 2 && j < n && bytes[j] == 0x20 {
          cuts.append(i + 2)
        }
        i = j
        continue
      }
      i += 1
    }
    cuts.append(n)
    return cuts
  }
}
