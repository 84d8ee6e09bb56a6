import MatnICU

/// Repairs mojibake: UTF-8 that someone decoded with a single-byte charset (windows-1252,
/// ISO-8859-1, windows-1256, windows-1251, windows-1250, windows-1253, windows-1254,
/// windows-1257, ISO-8859-2, MacRoman, DOS 437) and saved again — once or more.
///
/// One layer at a time, line by line. First the whole line: when it looks like mojibake
/// (``badness(_:repaired:)`` above 0: characters glued together that real text does not
/// glue, `Ã©`, `â€`, `Ð±`), maps back in one charset to bytes that are UTF-8 — allowing
/// for CESU-8, bytes lost to U+FFFD and byte A0 turned into a space, see
/// ``redecode(_:_:)`` — and the result looks less like mojibake, it is decoded whole.
/// Otherwise, for text that mixes mojibake with real text, sequence by sequence: where
/// the characters map back, in one of those charsets, to a well-formed UTF-8 sequence,
/// that sequence is decoded in their place.
/// Conservative by construction (text that is not mojibake is never changed):
/// - three- and four-byte sequences are accepted (`â€™` → ’, `ðŸ˜€` → 😀): their
///   character patterns do not occur in real text;
/// - a run of such characters that maps back, as a whole, to UTF-8 with at least two
///   multi-byte sequences is decoded whole (`Ø³Ù„Ø§Ù…` → سلام; `ط³ظ„ط§ظ…` → سلام from
///   windows-1256; one layer of double encoding per round);
/// - a lone two-byte sequence is accepted when it and another in the same word decode
///   to letters (`ÄŒeÅ¡tina` → Čeština), or when it is one of the common Latin-1 pairs
///   (`Ã©` → é, `Ã±` → ñ…) — not rarer pairs such as `Ã¥`, which names really contain —
///   or, in a word of ASCII letters, where it reads as mojibake (`RÄ«ga`, not `BÅ™`);
/// - a sequence right after a character that only a continuation byte explains is the
///   tail of a garble that did not decode, and stays;
/// - a decoded character that is a control, a mark on nothing, or unassigned rejects
///   the sequence.
enum MojibakeRepair {
  /// One charset's map from the characters it decodes bytes 0x80–0xFF to, back to bytes.
  struct Charset {
    var name: String
    var bytes: [UInt32: UInt8]
  }

  /// The charsets UTF-8 is commonly misread as: Western, Arabic (Matn's own case that
  /// ftfy does not handle), Cyrillic, Central European, Greek, Baltic, Mac and DOS.
  static let charsets: [Charset] = [
    "windows-1252", "ISO-8859-1", "windows-1256", "windows-1251", "windows-1250", "windows-1253", "windows-1257",
    "macintosh", "ibm-437", "windows-1254", "ISO-8859-2",
  ].compactMap { name in
    guard let converter = try? Converter(encoding: name) else { return nil }
    var map: [UInt32: UInt8] = [:]
    for byte in UInt8(0x80)...0xFF {
      let decoded = converter.decode([byte])
      guard decoded.invalidByteOffsets.isEmpty, let scalar = decoded.string.unicodeScalars.first,
        decoded.string.unicodeScalars.count == 1
      else { continue }
      map[scalar.value] = byte
    }
    if name.hasPrefix("windows-") {
      // "Sloppy" Windows charsets: the bytes they leave undefined (windows-1252's 81 8D 8F
      // 90 9D) come through as the C1 controls of the same number.
      for byte in UInt8(0x80)...0x9F where !map.values.contains(byte) { map[UInt32(byte)] = byte }
    }
    return Charset(name: name, bytes: map)
  }

  /// What windows-1252 decodes bytes 0x80–0x9F to (nil where it leaves them undefined).
  private static let c1AsWindows1252: [UInt32?] = {
    guard let converter = try? Converter(encoding: "windows-1252") else { return Array(repeating: nil, count: 32) }
    return (UInt8(0x80)...0x9F).map { byte in
      let decoded = converter.decode([byte])
      guard decoded.invalidByteOffsets.isEmpty, let v = decoded.string.unicodeScalars.first?.value, v > 0x9F else {
        return nil
      }
      return v
    }
  }()

  /// Latin-1 letters whose two-byte mojibake (Ã + one character) is common enough to
  /// repair alone: é è á í ó ú ñ ç ã â ê ô ü ö ä à õ ï î û ë ß ò, and À (French
  /// sentences start with it).
  private static let commonLatinSecondBytes: Set<UInt8> = [
    0xA9, 0xA8, 0xA1, 0xAD, 0xB3, 0xBA, 0xB1, 0xA7, 0xA3, 0xA2, 0xAA, 0xB4, 0xBC, 0xB6, 0xA4, 0xA0, 0xB5, 0xAF, 0xAE,
    0xBB, 0xAB, 0x9F, 0xB2, 0x80,
  ]

  /// Per BMP code point: 1 maps to a two-byte UTF-8 lead in some charset, 2 to a
  /// continuation byte, 4 is Arabic-script text (see ``arabicText(_:)``), 8 a three-byte
  /// lead, 16 a four-byte lead, 32 a lead that is suspect before a space. An
  /// ``EmbeddedTable`` read in place (it took 11 ICU converters and 0.5 ms at each
  /// start); ``computedClasses()`` is its source. Never written, never freed: safe to
  /// read from any thread.
  nonisolated(unsafe) private static let classes: UnsafePointer<UInt8> =
    EmbeddedTable.load(classesResourceName, count: 0x10000, of: UInt8.self)
    ?? {
      let computed = computedClasses()
      let table = UnsafeMutablePointer<UInt8>.allocate(capacity: computed.count)
      table.initialize(from: computed, count: computed.count)
      return UnsafePointer(table)
    }()

  /// The embedded table of ``classes``.
  static let classesResourceName = "Tables/mojibake-classes.bin"

  /// The source of ``classes``: each BMP scalar's bits, from the charsets' byte maps.
  static func computedClasses() -> [UInt8] {
    var table = [UInt8](repeating: 0, count: 0x10000)
    for charset in charsets {
      for (scalar, byte) in charset.bytes where scalar < 0x10000 {
        if byte >= 0xC2 && byte <= 0xDF { table[Int(scalar)] |= 1 }
        if byte >= 0xE0 && byte <= 0xEF { table[Int(scalar)] |= 8 }
        if byte >= 0xF0 && byte <= 0xF4 { table[Int(scalar)] |= 16 }
        if byte >= 0x80 && byte <= 0xBF { table[Int(scalar)] |= 2 }
      }
    }
    // Common punctuation that only MacRoman or DOS charsets turn into a lead byte: as a
    // lead it starts nothing in the news Matn reads (it still continues sequences).
    for v in [0xA0, 0xAB, 0xBB, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026] {
      table[v] &= ~UInt8(1 | 8 | 16)
    }
    for v in 0..<0x10000 where arabicText(UInt32(v)) { table[v] |= 4 }
    // Persian sites put soft hyphens inside words (for ZWNJ): a letter then a soft hyphen
    // is no reason to look at a line. (Mojibake of ح, ط then a soft hyphen, still is
    // repaired: a line of mojibake has pairs that are not Arabic-script on both sides.)
    table[0xAD] |= 4
    // U+FFFD can stand for a continuation byte a decoder could not map (lossy mojibake).
    table[0xFFFD] |= 2
    // Â and Ã before a space: a no-break space or à whose byte A0 became a space.
    table[0xC2] |= 32
    table[0xC3] |= 32
    return table
  }

  /// The repaired text and the number of sequences repaired (0: unchanged).
  ///
  /// - Complexity: O(*n*); text with no character pair that mojibake could be made of
  ///   (almost all text) is cleared by one fast scan in C.
  static func repair(_ text: String) -> (String, Int) {
    var text = text
    // Repair line by line, and only the lines with a suspect: the C scan goes from one
    // suspect to the next (its state resets at every ASCII byte, so at every line break),
    // and the rest of the text is copied as bytes.
    let result = text.withUTF8 { utf8 -> (String, Int) in
      var output: [UInt8] = []
      var total = 0
      var copied = 0  // bytes of `utf8` already accounted for in `output`
      var from = 0  // start of the line the next scan begins at
      while from < utf8.count,
        let found = UTF8Scan.firstMojibakeSuspect(UnsafeBufferPointer(rebasing: utf8[from...]), classes: classes)
      {
        let suspect = from + found
        var start = suspect
        while start > from && utf8[start - 1] != 0x0A { start -= 1 }
        var end = suspect
        while end < utf8.count && utf8[end] != 0x0A { end += 1 }
        // The line's scalars; most lines the scan stops at cannot change (``mayRepair(_:)``).
        var scalars: [UInt32] = []
        scalars.reserveCapacity(end - start)
        var k = start
        while k < end {
          let (v, length) = ScalarScan.scalar(utf8, at: k)
          scalars.append(v)
          k += length
        }
        let (repaired, count) = mayRepair(scalars) ? repairLine(scalars) : ("", 0)
        if count > 0 {
          if output.isEmpty { output.reserveCapacity(utf8.count) }
          output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<start]))
          output.append(contentsOf: repaired.utf8)
          copied = end
          total += count
        }
        from = end + 1
      }
      guard total > 0 else { return ("", 0) }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied...]))
      return (String(decoding: output, as: UTF8.self), total)
    }
    return result.1 > 0 ? result : (text, 0)
  }

  /// The repair of the line of `scalars` (see the type's documentation), and the
  /// number of repairs (when 0, the string is empty).
  private static func repairLine(_ scalars: [UInt32]) -> (String, Int) {
    var scalars = scalars
    var total = 0
    // Twice-encoded text needs a second round; four rounds bound the work.
    // Each round peels one layer: the whole line when it re-decodes in one charset and
    // reads better for it; else, with the charset that explains the most of it, the runs
    // and sequences that do (charsets are not mixed within a layer). A round tries only
    // the charsets in which it may change something (``repairCharsets(_:)``).
    for _ in 0..<4 {
      let (sequences, wholeCharsets, _) = repairCharsets(scalars)
      if wholeCharsets != 0, let (whole, count) = redecodeWhole(scalars[...], among: wholeCharsets) {
        scalars = whole
        total += count
        continue
      }
      guard sequences != 0 else { break }
      var best: (scalars: [UInt32], count: Int) = (scalars, 0)
      for (k, charset) in charsets.enumerated() where sequences & 1 << k != 0 {
        let (next, count) = repairOnce(scalars, charset)
        if count > best.count { best = (next, count) }
      }
      if best.count == 0 { break }
      scalars = best.scalars
      total += best.count
    }
    // C1 control characters left in text are windows-1252 punctuation that a Latin-1
    // decoder let through (parlé\u{85} → parlé…).
    for k in scalars.indices where scalars[k] >= 0x80 && scalars[k] <= 0x9F {
      if let replacement = c1AsWindows1252[Int(scalars[k] - 0x80)] {
        scalars[k] = replacement
        total += 1
      }
    }
    guard total > 0 else { return ("", 0) }
    var view = String.UnicodeScalarView()
    for v in scalars { view.append(Unicode.Scalar(v)!) }
    return (String(view), total)
  }

  /// Where a round of ``repairLine(_:)`` may change `s` (a necessary condition, not a
  /// sufficient one), by charset (bit k for ``charsets``[k]):
  /// - `sequences`: the charsets in which a character standing for a UTF-8 lead byte is
  ///   followed by as many standing for continuation bytes (or U+FFFD for one) as the
  ///   lead needs, not all of them Arabic-script text, or `Ã` stands for the lead C3 and
  ///   a space follows it: ``repairOnce(_:_:)`` decodes only runs and sequences of these
  ///   (every character of a run it decodes whole is in such a sequence);
  /// - `whole`: the charsets in which the whole line may re-decode
  ///   (``redecode(_:_:)``): every character a byte of it, every lead followed by its
  ///   continuation bytes or what may stand for one (U+FFFD, `?`, a space), no other
  ///   byte above 7F, and at least one lead;
  /// - `controls`: whether it holds a C1 control (turned into windows-1252 punctuation).
  /// The suspect scan's pairs are looser (a lead in one charset next to a continuation
  /// in another, a three-byte lead with one continuation, a lead before a space): a
  /// Czech, Polish, Slovak, Greek or Cyrillic line that has one seldom has either here,
  /// and a line that has one is tried in those charsets only.
  static func repairCharsets(_ s: [UInt32]) -> (sequences: UInt64, whole: UInt64, controls: Bool) {
    var sequences: UInt64 = 0, controls = false
    // Those in which the whole line may still re-decode, those in which it met a lead,
    // and those that expect one, two or three more continuation bytes.
    var whole: UInt64 = 0xFFFF, leads: UInt64 = 0
    var need1: UInt64 = 0, need2: UInt64 = 0, need3: UInt64 = 0
    for i in s.indices {
      let v = s[i]
      let need = need1 | need2 | need3
      if v < 0x80 || v == 0xFFFD {
        if v == 0x20 || v == 0x3F || v == 0xFFFD {
          (need1, need2, need3) = (need2, need3, 0)  // a byte lost on the way, or A0
        } else {
          whole &= ~need
          (need1, need2, need3) = (0, 0, 0)
        }
        continue
      }
      if v <= 0x9F { controls = true }
      let role = sequenceRole(v)
      let continuation = role & 0xFFFF, lead2 = role >> 16 & 0xFFFF, lead3 = role >> 32 & 0xFFFF, lead4 = role >> 48
      let lead = lead2 | lead3 | lead4
      whole &= need & continuation | ~need & lead
      leads |= ~need & lead
      need1 = (need2 & continuation | ~need & lead2) & whole
      need2 = (need3 & continuation | ~need & lead3) & whole
      need3 = ~need & lead4 & whole
      guard lead != 0, i + 1 < s.count else { continue }
      if v == 0xC3 && s[i + 1] == 0x20 { sequences |= lead2 }
      var charsets: UInt64 = 0xFFFF  // those in which the sequence goes on so far
      for width in 2...4 where i + width <= s.count && charsets != 0 {
        charsets &= sequenceRole(s[i + width - 1]) & 0xFFFF
        let found = charsets & (role >> (16 * UInt64(width - 1))) & 0xFFFF
        if found & ~sequences != 0 && !s[i..<i + width].allSatisfy(arabicText) { sequences |= found }
      }
    }
    return (sequences, whole & ~(need1 | need2 | need3) & leads, controls)
  }

  /// Whether ``repairLine(_:)`` may change `s` (see ``repairCharsets(_:)``; a line
  /// re-decoded whole must also look like mojibake, ``badness(_:repaired:)`` above 0).
  static func mayRepair(_ s: [UInt32]) -> Bool {
    let (sequences, whole, controls) = repairCharsets(s)
    return controls || sequences != 0 || (whole != 0 && badness(s[...]) > 0)
  }

  /// A character's roles in UTF-8 sequences in the charsets of ``charsets`` (bit k of
  /// each field for charset k): bits 0–15 a continuation byte (U+FFFD in every charset:
  /// a byte lost on the way), 16–31 a two-byte lead, 32–47 a three-byte lead, 48–63 a
  /// four-byte lead.
  private static func sequenceRole(_ v: UInt32) -> UInt64 {
    v < 0x2600 ? sequenceRoles.low[Int(v)] : sequenceRoles.high[v] ?? 0
  }

  /// ``sequenceRole(_:)`` of U+0000–U+25FF (where the charsets' characters mostly are)
  /// in an array, of the others in a dictionary; made from ``charsets`` when a line
  /// first needs them.
  private static let sequenceRoles: (low: [UInt64], high: [UInt32: UInt64]) = {
    precondition(charsets.count <= 16)
    var low = [UInt64](repeating: 0, count: 0x2600)
    var high: [UInt32: UInt64] = [:]
    func add(_ v: UInt32, _ bits: UInt64) {
      if v < 0x2600 { low[Int(v)] |= bits } else { high[v, default: 0] |= bits }
    }
    for (k, charset) in charsets.enumerated() {
      for (scalar, byte) in charset.bytes {
        let field: UInt64
        switch byte {
        case 0x80...0xBF: field = 0
        case 0xC2...0xDF: field = 16
        case 0xE0...0xEF: field = 32
        case 0xF0...0xF4: field = 48
        default: continue
        }
        add(scalar, 1 << (field + UInt64(k)))
      }
    }
    add(0xFFFD, 0xFFFF)
    return (low, high)
  }()

  /// The charsets a whole line is re-decoded with, in order: the first whose result
  /// reads better wins.
  static let wholeLineCharsets: [(index: Int, charset: Charset)] = [
    "ISO-8859-1", "windows-1252", "windows-1251", "windows-1250", "windows-1253", "windows-1254", "windows-1257",
    "ISO-8859-2", "macintosh", "ibm-437", "windows-1256",
  ].compactMap { name in charsets.firstIndex { $0.name == name }.map { ($0, charsets[$0]) } }

  /// The line re-decoded whole (see ``redecode(_:_:)``), when it looks like mojibake
  /// (``badness(_:repaired:)`` above 0) and the result looks less so; nil otherwise.
  ///
  /// The same characters can be UTF-8 in two charsets (`Ć«` is C3 AB, ë, in windows-1257
  /// and C6 AB, ƫ, in windows-1250): the result that scores lowest wins, then the one
  /// with the fewest capitals between small letters (Esperanto ĝ, not Ļ), then the one
  /// with the fewest characters no legacy charset has (ë, not ƫ), then the earlier
  /// charset.
  /// Only the charsets of `among` are tried (bit k for ``charsets``[k]; the others
  /// are known not to re-decode the line, ``repairCharsets(_:)``).
  static func redecodeWhole(_ s: ArraySlice<UInt32>, among: UInt64 = .max) -> ([UInt32], Int)? {
    let before = badness(s)
    guard before > 0 else { return nil }
    var best: (scalars: [UInt32], count: Int, rank: (Int, Int, Int))?
    for (k, charset) in wholeLineCharsets where among & 1 << k != 0 {
      guard let (decoded, count) = redecode(s, charset), count > 0 else { continue }
      let after = badness(decoded[...], repaired: true)
      guard after < before else { continue }
      let rank = (
        after, capitalsInWords(decoded),
        decoded.count { $0 >= 0x80 && $0 != 0xFFFD && !inLegacyCharset.contains($0) }
      )
      if best == nil || rank < best!.rank { best = (decoded, count, rank) }
    }
    return best.map { ($0.scalars, $0.count) }
  }

  /// How many capitals beyond ASCII stand between two small letters (konvertiĻoj).
  private static func capitalsInWords(_ s: [UInt32]) -> Int {
    func category(_ v: UInt32) -> Unicode.GeneralCategory? { Unicode.Scalar(v)?.properties.generalCategory }
    return s.indices.dropFirst().dropLast().count { k in
      s[k] >= 0x80 && category(s[k]) == .uppercaseLetter && category(s[k - 1]) == .lowercaseLetter
        && category(s[k + 1]) == .lowercaseLetter
    }
  }

  /// Every character some charset of ``charsets`` has: the letters and signs real text
  /// commonly uses.
  private static let inLegacyCharset: Set<UInt32> = Set(charsets.flatMap { $0.bytes.keys.filter { $0 > 0x9F } })

  /// One pass with one charset: whole runs first, then single sequences.
  static func repairOnce(_ s: [UInt32], _ charset: Charset) -> ([UInt32], Int) {
    // A run of non-ASCII characters that maps back, as a whole, to well-formed UTF-8
    // holding at least two multi-byte sequences (or one of three or four bytes) is
    // mojibake through and through: decode it whole (this is what undoes double and
    // triple encoding, one layer per round).
    var out: [UInt32] = []
    out.reserveCapacity(s.count)
    var count = 0
    var i = 0
    var pending = 0  // start of text not yet copied
    while i < s.count {
      guard s[i] >= 0x80, charset.bytes[s[i]] != nil else {
        i += 1
        continue
      }
      var j = i
      var bytes: [UInt8] = []
      while j < s.count, s[j] >= 0x80, let b = charset.bytes[s[j]] {
        bytes.append(b)
        j += 1
      }
      if j - i >= 2, !s[i..<j].allSatisfy(arabicText), let decoded = String(validating: bytes, as: UTF8.self) {
        let scalars = decoded.unicodeScalars
        let multibyte = scalars.filter { $0.value >= 0x80 }.count
        // One long sequence alone is trusted only for punctuation and symbols (’ “ – €),
        // not for letters an accented Latin pair can spell by chance (á´´ → ᴴ).
        // (And not when a symbol this charset lacks sits against the run: then the run is
        // the middle of a garble of another charset, ã¢â‚¬å¡.)
        let symbol =
          multibyte == 1 && scalars.contains { ($0.value >= 0x2000 && $0.value < 0x2C00) || ($0.value >= 0x1F000 && $0.value < 0x20000) }
          && !(i > 0 && foreignSymbol(s[i - 1])) && !(j < s.count && foreignSymbol(s[j]))
        if (multibyte >= 2 || symbol) && scalars.allSatisfy(acceptable) && plausible(scalars)
          && (!s[i..<j].contains(where: arabicLetter) || scalars.allSatisfy(arabicOrPunctuation))
        {
          out.append(contentsOf: s[pending..<i])
          out.append(contentsOf: scalars.map(\.value))
          count += multibyte
          pending = j
        }
      }
      i = j
    }
    // Once a pass has found whole runs of Arabic-script mojibake, the one-letter words
    // between them (و in «Ùˆ», «ظˆ») are mojibake too.
    if count > 0 {
      out.append(contentsOf: s[pending...])
      let (withSingles, singles) = arabicSingles(out, charset)
      return (withSingles, count + singles)
    }
    return repairSequences(s, charset)
  }

  /// Two-character runs that decode to one Arabic-script letter, in text where whole
  /// runs of Arabic-script mojibake were just found.
  private static func arabicSingles(_ s: [UInt32], _ charset: Charset) -> ([UInt32], Int) {
    var out: [UInt32] = []
    out.reserveCapacity(s.count)
    var count = 0
    var i = 0
    while i < s.count {
      if i + 1 < s.count, s[i] >= 0x80, s[i + 1] >= 0x80, let lead = charset.bytes[s[i]],
        let trail = charset.bytes[s[i + 1]], lead >= 0xD8 && lead <= 0xDB, trail & 0xC0 == 0x80,
        i + 2 == s.count || s[i + 2] < 0x80 || charset.bytes[s[i + 2]] == nil,
        i == 0 || s[i - 1] < 0x80 || charset.bytes[s[i - 1]] == nil,
        !(arabicText(s[i]) && arabicText(s[i + 1])),
        let decoded = String(validating: [lead, trail], as: UTF8.self)?.unicodeScalars.first,
        decoded.properties.generalCategory == .otherLetter || decoded.properties.generalCategory == .decimalNumber
      {
        out.append(decoded.value)
        count += 1
        i += 2
        continue
      }
      out.append(s[i])
      i += 1
    }
    return (out, count)
  }

  /// Single sequences inside runs that are not mojibake as a whole.
  /// A sequence of characters that may stand for the UTF-8 bytes of one scalar.
  private struct Candidate {
    var range: Range<Int>
    var scalar: UInt32
    var lead: UInt8
    var second: UInt8
  }

  /// Repairs the sequences of `s` that read as UTF-8 mis-decoded in `charset`: every
  /// candidate is found first, then each is accepted by the rules for long sequences
  /// (three bytes or more) or for pairs. Returns the text and the number repaired.
  private static func repairSequences(_ s: [UInt32], _ charset: Charset) -> ([UInt32], Int) {
    let candidates = candidateSequences(s, charset)
    guard !candidates.isEmpty else { return (s, 0) }
    let accepted = candidates.indices.map { k in
      candidates[k].range.count >= 3 ? acceptsLong(k, candidates, s) : acceptsPair(k, candidates, s)
    }
    return apply(candidates, accepted, to: s)
  }

  /// Every place where characters could stand for a UTF-8 sequence in `charset`.
  private static func candidateSequences(_ s: [UInt32], _ charset: Charset) -> [Candidate] {
    var candidates: [Candidate] = []
    var i = 0
    var lastEnd = 0  // where the last candidate ended
    while i < s.count {
      guard s[i] >= 0x80, let lead = charset.bytes[s[i]], lead >= 0xC2 && lead <= 0xF4 else {
        i += 1
        continue
      }
      // A sequence that starts right after a character only a continuation byte explains
      // (or a symbol this charset lacks) is the tail of a longer garble that did not
      // decode: leave it all (ã†â€™… stays).
      if i > 0, i != lastEnd, s[i - 1] >= 0x80, !commonPunctuation(s[i - 1]),
        charset.bytes[s[i - 1]].map({ $0 & 0xC0 == 0x80 }) ?? foreignSymbol(s[i - 1])
      {
        i += 1
        continue
      }
      // à whose A0 became a space (`relatifs Ã la`): Ã before a space, after a small
      // letter (and a space) or at the start of the line. The space stays, unless it was
      // all that was left of A0 (see ``redecode(_:_:)``).
      if lead == 0xC3, s[i] == 0xC3, i + 1 < s.count, s[i + 1] == 0x20,
        i == 0 || asciiLowercase(s, i - 1) || (s[i - 1] == 0x20 && asciiLowercase(s, i - 2))
      {
        var end = i + 2
        while end < s.count && s[end] < 0x80 && s[end] != 0x20 { end += 1 }
        if let (decoded, _) = redecode(s[i..<end], charset) {
          candidates.append(Candidate(range: decoded.count > 1 && decoded[1] == 0x20 ? i..<i + 1 : i..<i + 2, scalar: 0xE0, lead: lead, second: 0xA0))
          i += 2
          lastEnd = i
          continue
        }
      }
      let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
      guard i + width <= s.count else { break }
      var bytes = [lead]
      for k in 1..<width {
        guard let b = charset.bytes[s[i + k]], b & 0xC0 == 0x80 else { break }
        bytes.append(b)
      }
      // Lossy mojibake: a decoder that could not map the last byte (windows-1252 leaves
      // 0x9D undefined) put U+FFFD for it — `â€�` was a quotation mark, which one is
      // lost; the sequence becomes U+FFFD, as the last byte already did.
      // (Never Arabic letters: a damaged byte after Persian لپ is not this.)
      if width == 3, bytes.count == 2, s[i + 2] == 0xFFFD, !s[i..<i + 2].contains(where: arabicLetter),
        String(validating: bytes + [0x80], as: UTF8.self) != nil || String(validating: bytes + [0xBF], as: UTF8.self) != nil
      {
        candidates.append(Candidate(range: i..<i + 3, scalar: 0xFFFD, lead: lead, second: bytes[1]))
        i += 3
        lastEnd = i
        continue
      }
      guard bytes.count == width, !s[i..<i + width].allSatisfy(arabicText),
        let decoded = String(validating: bytes, as: UTF8.self),
        let scalar = decoded.unicodeScalars.first, acceptable(scalar),
        !s[i..<i + width].contains(where: arabicLetter) || arabicOrPunctuation(scalar)
      else {
        i += 1
        continue
      }
      candidates.append(Candidate(range: i..<i + width, scalar: scalar.value, lead: lead, second: bytes[1]))
      i += width
      lastEnd = i
    }
    return candidates
  }

  /// Long sequences: punctuation and symbols, emoji, a Latin letter inside an ASCII
  /// word, or next to another candidate.
  private static func acceptsLong(_ k: Int, _ candidates: [Candidate], _ s: [UInt32]) -> Bool {
    let c = candidates[k]
    // Long sequences: punctuation and symbols (’ “ – €), emoji, or next to another.
    // (Emoji and symbols of plane 1 — not the CJK of plane 2 that Cyrillic
    // р­’­ spells by chance.)
    let symbol =
      (c.scalar >= 0x2000 && c.scalar < 0x2C00) || (c.scalar >= 0x1F000 && c.scalar < 0x20000)
      || c.scalar == 0xFFFD
    let neighbour =
      (k > 0 && candidates[k - 1].range.upperBound == c.range.lowerBound)
      || (k + 1 < candidates.count && candidates[k + 1].range.lowerBound == c.range.upperBound)
    // A Latin letter (Latin Extended Additional and later blocks: Vietnamese) inside
    // a word of ASCII letters (Tiáº¿ng → Tiếng). Not other scripts: Brontë…” spells
    // Hangul 녔 by chance. Three letters are a word, not a sequence: at least one of the
    // characters standing for continuation bytes is a symbol (º ¿ » ‡), not the šť of
    // Slovak zvlášť, which ISO-8859-2 maps to E1 B9 BB.
    let latin =
      (0x1E00...0x1EFF).contains(c.scalar) || (0x2C60...0x2C7F).contains(c.scalar)
      || (0xA720...0xA7FF).contains(c.scalar) || (0xAB30...0xAB6F).contains(c.scalar)
    let category = Unicode.Scalar(c.scalar)!.properties.generalCategory
    let inWord =
      latin && (category == .lowercaseLetter || category == .uppercaseLetter)
      && (asciiLetter(s, c.range.lowerBound - 1) || asciiLetter(s, c.range.upperBound))
      && !s[c.range.dropFirst()].allSatisfy { Unicode.Scalar($0)?.properties.isAlphabetic ?? false }
    return symbol || neighbour || inWord
  }

  /// Two-byte sequences: letters next to another repaired sequence, common Latin-1
  /// pairs, capitals in capital words, Latin Extended-A letters in ASCII words.
  private static func acceptsPair(_ k: Int, _ candidates: [Candidate], _ s: [UInt32]) -> Bool {
    let c = candidates[k]
    // Two-byte sequences: a letter of Arabic script, Hebrew, Greek or Cyrillic next to
    // another repaired sequence, or a common Latin-1 pair.
    let scalar = Unicode.Scalar(c.scalar)!
    let script = scalar.properties.generalCategory
    let isLetter = [.lowercaseLetter, .uppercaseLetter, .otherLetter, .modifierLetter].contains(script)
    // Two sequences in one word (directly adjacent, or with ASCII letters between:
    // «ÄŒeÅ¡tina» → Čeština) both decoding to letters.
    func sameWord(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
      guard a.upperBound <= b.lowerBound, b.lowerBound - a.upperBound <= 20 else { return false }
      return (a.upperBound..<b.lowerBound).allSatisfy { asciiLetter(s, $0) }
    }
    func letter(_ v: UInt32) -> Bool {
      [.lowercaseLetter, .uppercaseLetter, .otherLetter, .modifierLetter]
        .contains(Unicode.Scalar(v)!.properties.generalCategory)
    }
    let inWordWithAnother =
      (k > 0 && sameWord(candidates[k - 1].range, c.range) && letter(candidates[k - 1].scalar))
      || (k + 1 < candidates.count && sameWord(c.range, candidates[k + 1].range) && letter(candidates[k + 1].scalar))
    // A no-break space after a capital letter is usually just that (SELKÄ EDELLÄ).
    // The characters standing for the lead byte are letters (Ã Ä Å), not line-art
    // symbols that DOS charsets also map there (├┤a┼┐ is drawing, not Latin).
    // (MacRoman's √ is the one symbol that commonly stands for the lead byte C3.)
    let leadIsLetter = letter(s[c.range.lowerBound]) || s[c.range.lowerBound] == 0x221A
    if isLetter && inWordWithAnother && leadIsLetter && s[c.range.upperBound - 1] != 0xA0 { return true }
    // Common Latin-1 pairs spelled Ã, MacRoman's √, or windows-1256's أ within Latin
    // letters (Cafأ©, not مئنأ and a no-break space) — not windows-1251's Г, which with
    // і makes C3 B3 in Гісторыка.
    let before = c.range.lowerBound - 1, after = c.range.upperBound
    let latinLead =
      [0xC3, 0x221A].contains(s[c.range.lowerBound])
      || (s[c.range.lowerBound] == 0x0623 && (asciiLetter(s, before) || asciiLetter(s, after)))
    if c.lead == 0xC3 && commonLatinSecondBytes.contains(c.second) && latinLead { return true }
    // Around the sequence: an ASCII letter on one side, and on the other an ASCII
    // letter or no letter at all (not the Ä of MÄ£ÄM).
    func noLetter(_ at: Int) -> Bool { at < 0 || at >= s.count || !letter(s[at]) }
    let inAsciiWord =
      (asciiLetter(s, before) && (asciiLetter(s, after) || noLetter(after)))
      || (asciiLetter(s, after) && noLetter(before))
    // A capital À–Þ in a word of ASCII capitals (HÃ”TEL → HÔTEL, OÃ™ ET → OÙ ET): the
    // characters windows-1252 puts at 80–9F (” ™ ‘ œ) do not follow Ã in real words.
    let upperBefore = asciiLetter(s, before, uppercase: true)
    let upperAfter = asciiLetter(s, after, uppercase: true) || noLetter(after)
    // These two rules take a lone pair in a word only where it reads as mojibake
    // (``badness(_:)``): not Å™ or ÅØ, which Scandinavian capitals spell.
    let looksBad = badness(s[max(0, before)..<min(s.count, after + 1)]) > 0
    if c.lead == 0xC3 && c.second <= 0x9E && script == .uppercaseLetter && s[c.range.lowerBound] == 0xC3
      && upperBefore && upperAfter && looksBad
    {
      return true
    }
    // A letter of Latin Extended-A (Ä°stanbul → İstanbul, RÄ«ga → Rīga, LietuviÅ³ →
    // Lietuvių), spelled Ä or Å and one character, in a word of ASCII letters.
    if (c.lead == 0xC4 || c.lead == 0xC5) && isLetter && (s[c.range.lowerBound] == 0xC4 || s[c.range.lowerBound] == 0xC5)
      && c.second != 0xA0 && inAsciiWord && looksBad
    {
      return true
    }
    return false
  }

  /// `s` with the accepted candidates replaced by their scalars, and how many.
  private static func apply(_ candidates: [Candidate], _ accepted: [Bool], to s: [UInt32]) -> ([UInt32], Int) {
    var out: [UInt32] = []
    out.reserveCapacity(s.count)
    var position = 0
    var count = 0
    for (k, c) in candidates.enumerated() where accepted[k] {
      out.append(contentsOf: s[position..<c.range.lowerBound])
      out.append(c.scalar)
      position = c.range.upperBound
      count += 1
    }
    out.append(contentsOf: s[position...])
    return (out, count)
  }

  /// Whether decoded text reads as text: no modifier letters, which real Cyrillic
  /// capitals spell by chance (ВІКІ would become ²ʲ). Intermediate layers of double
  /// mojibake are full of symbols, so symbols are not held against a run.
  private static func plausible(_ scalars: String.UnicodeScalarView) -> Bool {
    // ˆ (U+02C6) is windows-1252's 0x88 and a staple of mojibake itself.
    !scalars.contains { $0.value < 0x2000 && $0.value != 0x02C6 && $0.properties.generalCategory == .modifierLetter }
  }

  /// What mojibake spelled with Arabic letters (windows-1256) decodes to: Arabic script
  /// and punctuation, or — one layer of double encoding — windows-1252 characters.
  /// Arabic letters that decode to Latin Extended-B or Greek (ا” → ǔ, د” → ϔ) are
  /// Kurdish or Persian text with curly quotes, not mojibake.
  private static func arabicOrPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v < 0x100 || arabicText(v) || (v >= 0x2000 && v <= 0x206F) || (v >= 0xFB50 && v <= 0xFEFF)
      || windows1252Characters.contains(v)
  }

  private static let windows1252Characters = Set(charsets.first { $0.name == "windows-1252" }?.bytes.keys ?? [:].keys)

  /// Punctuation and spaces that stand for themselves next to mojibake, though a charset
  /// maps them to a continuation byte: no-break space, soft hyphen, dashes, quotation
  /// marks, bullet, ellipsis.
  private static func commonPunctuation(_ v: UInt32) -> Bool {
    [0xA0, 0xAD, 0xAB, 0xBB, 0xB7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026].contains(v)
  }

  /// A symbol of the upper half of some charset (not common punctuation).
  private static func foreignSymbol(_ v: UInt32) -> Bool {
    v >= 0x80 && !commonPunctuation(v) && !kind(v).isDisjoint(with: [.odd, .opening, .closing, .currency, .numeric, .box])
  }

  private static func asciiLowercase(_ s: [UInt32], _ at: Int) -> Bool {
    at >= 0 && at < s.count && s[at] >= 0x61 && s[at] <= 0x7A
  }

  /// Whether `s[at]` exists and is an ASCII letter (uppercase only, if asked).
  private static func asciiLetter(_ s: [UInt32], _ at: Int, uppercase: Bool = false) -> Bool {
    guard at >= 0 && at < s.count else { return false }
    return (s[at] >= 0x41 && s[at] <= 0x5A) || (!uppercase && s[at] >= 0x61 && s[at] <= 0x7A)
  }

  private static func arabicLetter(_ v: UInt32) -> Bool {
    (v >= 0x0600 && v <= 0x06FF) || (v >= 0x0750 && v <= 0x077F)
  }

  /// Characters of real Arabic-script text: letters, marks, ZWNJ/ZWJ and Arabic
  /// punctuation. A run made only of these is Persian or Arabic, never mojibake — even
  /// when its windows-1256 bytes happen to form valid UTF-8 (عکس‌ها, شکل‌گیری).
  private static func arabicText(_ v: UInt32) -> Bool {
    (v >= 0x0600 && v <= 0x06FF) || (v >= 0x0750 && v <= 0x077F) || v == 0x200C || v == 0x200D || v == 0xAB
      || v == 0xBB
  }

  /// A decoded character worth trusting: not a control, unassigned, private-use or
  /// noncharacter code point.
  private static func acceptable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .unassigned, .privateUse, .surrogate: return false
    default: return !scalar.properties.isNoncharacterCodePoint
    }
  }
}
