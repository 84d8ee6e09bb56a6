import TestSupport
import Testing

@testable import MatnICU

@Suite("Normalizer")
struct NormalizerTests {
  @Test(
    "each form",
    arguments: [
      (Normalizer.Form.nfc, "e\u{301}", "\u{E9}"),
      (.nfd, "\u{E9}", "e\u{301}"),
      (.nfkc, "\u{FB01}\u{2075}", "fi5"),
      (.nfkd, "\u{1E9B}\u{323}", "s\u{323}\u{307}"),
      (.nfkcCasefold, "Stra\u{DF}e \u{FB01} \u{2167}", "strasse fi viii"),
      // Persian presentation forms and lam-alef under NFKC.
      (.nfkc, "\u{FEFB}\u{FB8F}", "\u{644}\u{627}\u{6A9}"),
      // NFKC_Casefold drops ZWNJ, ZWJ, bidi controls and the BOM (default ignorables).
      (.nfkcCasefold, "\u{FEFF}می\u{200C}روم\u{200F}", "میروم"),
    ])
  func forms(form: Normalizer.Form, input: String, expected: String) {
    let output = Normalizer.shared(form).normalize(input)
    #expect(Array(output.unicodeScalars) == Array(expected.unicodeScalars))
    #expect(Normalizer.shared(form).isNormalized(output))
  }

  @Test("a normalized string comes back as the same storage, not a copy")
  func alreadyNormalizedIsReturnedUntouched() {
    // Large enough to be heap-allocated, mixed-script, and already NFC.
    let text = String(repeating: "Tehran, تهران ۱۴۰۳ — café\n", count: 1000)
    let result = Normalizer.nfc.normalize(text)
    let same = text.utf8.withContiguousStorageIfAvailable { a in
      result.utf8.withContiguousStorageIfAvailable { b in a.baseAddress == b.baseAddress }
    }
    #expect(same == true)
  }

  @Test("text that needs changes gets a new, correct string")
  func changedTextIsCopied() {
    let text = String(repeating: "cafe\u{301} ", count: 1000)
    let result = Normalizer.nfc.normalize(text)
    #expect(result == String(repeating: "caf\u{E9} ", count: 1000))
    #expect(result.utf8.count == text.utf8.count - 1000)
  }

  @Test("decomposition that outgrows the first buffer guess is retried exactly")
  func largeExpansion() {
    // U+FDFA expands to 18 scalars (33 bytes) under NFKD: far beyond 2x.
    let text = String(repeating: "\u{FDFA}", count: 500)
    let result = Normalizer.nfkd.normalize(text)
    #expect(result.unicodeScalars.count == 18 * 500)
    #expect(Normalizer.nfkd.isNormalized(result))
  }

  @Test("empty input")
  func empty() {
    for form in Normalizer.Form.allCases {
      #expect(Normalizer.shared(form).normalize("") == "")
      #expect(Normalizer.shared(form).isNormalized(""))
    }
  }

  @Test("chunked normalization (for inputs over 2 GiB) gives the same result", arguments: [7, 16, 64, 1000])
  func chunking(limit: Int) {
    let line = "cafe\u{301} \u{FB01} قیمت ﻻ 12\n"
    let lines = String(repeating: line, count: 50)
    let oneLine = String(repeating: "e\u{301}\u{323}a\u{30A}", count: 200)  // no line feeds at all
    for text in [lines, oneLine] {
      for form in Normalizer.Form.allCases {
        let n = Normalizer.shared(form)
        let whole = n.normalize(text)
        let chunked = n.normalize(text, chunkLimit: limit)
        #expect(Array(chunked.unicodeScalars) == Array(whole.unicodeScalars), "\(form), limit \(limit)")
        var copy = whole
        copy.withUTF8 { #expect(n.isNormalized($0, chunkLimit: limit)) }
      }
    }
  }

  @Test("byte-buffer API appends and repairs ill-formed input with U+FFFD")
  func bufferAPI() {
    var output: [UInt8] = Array("> ".utf8)
    let bytes: [UInt8] = Array("e\u{301}".utf8) + [0xFF]
    bytes.withUnsafeBufferPointer { Normalizer.nfc.normalize($0, into: &output) }
    #expect(String(decoding: output, as: UTF8.self) == "> \u{E9}\u{FFFD}")
  }

  /// Starters, composites, combining marks (some that compose backwards or reorder),
  /// Arabic with hamza and madda, Hangul jamo and syllables, singletons, compatibility
  /// characters, ZWNJ, supplementary characters, upper case (for NFKC_Casefold).
  static let palette: [String] = [
    "a", "A", " ", "\n", "e", "\u{301}", "\u{E9}", "\u{323}", "\u{307}", "\u{1E0B}", "ا", "\u{654}", "\u{653}",
    "\u{655}", "\u{623}", "و", "ی", "ه", "\u{6C0}", "\u{64E}", "\u{651}", "\u{652}", "\u{64B}", "\u{200C}",
    "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "\u{212B}", "\u{F900}", "\u{958}", "\u{FB01}", "\u{FEFB}",
    "\u{2075}", "\u{1D15E}", "😀", "\u{0CBF}", "\u{0CD5}", "\u{0F73}", "\u{0344}", "\u{037E}", "Ω", "\u{2126}", "ß",
    "ẞ", "\u{3099}", "か",
    // Around the vector scan's lead-byte ranges: Arabic marks (D8 90, D9 8B, D9 B0, DB 96),
    // Arabic-Indic and Persian digits, Hebrew points, ZWJ, other E2 80 xx.
    "\u{0610}", "\u{0670}", "\u{06D6}", "\u{06E1}", "\u{0660}", "\u{06F0}", "\u{05B0}", "ש", "\u{200D}", "\u{2000}",
    "\u{2014}", "پ", "گ", "سلام ", "hello world ", String(repeating: "متن فارسی ", count: 4),
  ]

  /// Random texts of the palette for `form`, short and long in turn (long ones exercise the
  /// 16-byte vector scan and put windows between its runs).
  static func randomTexts(_ form: Normalizer.Form, seed: UInt64, count: Int) -> [String] {
    var generator = SplitMix64(seed: UInt64(Normalizer.Form.allCases.firstIndex(of: form)!) &+ seed)
    return (0..<count).map { round in
      let length = Int(generator.next() % (round % 2 == 0 ? 12 : 100))
      return (0..<length).map { _ in palette[Int(generator.next() % UInt64(palette.count))] }.joined()
    }
  }

  static func hex(_ text: String) -> String { text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ") }

  @Test("the table-driven fast check agrees with ICU's check on random text", arguments: Normalizer.Form.allCases)
  func fastCheckAgreesWithICU(form: Normalizer.Form) {
    let normalizer = Normalizer.shared(form)
    for text in Self.randomTexts(form, seed: 7, count: 4000) {
      #expect(normalizer.isNormalized(text) == normalizer.icuIsNormalized(text), "\(form): \(Self.hex(text))")
    }
  }

  @Test("normalising window by window gives what ICU gives on the whole text", arguments: Normalizer.Form.allCases)
  func windowsAgreeWithICU(form: Normalizer.Form) {
    let normalizer = Normalizer.shared(form)
    for text in Self.randomTexts(form, seed: 31, count: 3000) {
      let expected = normalizer.icuNormalized(text)
      #expect(Array(normalizer.normalize(text).utf8) == Array(expected.utf8), "\(form): \(Self.hex(text))")
    }
  }

  @Test("one mark out of order in a long text: only its window changes")
  func oneWindowInALongText() {
    let clean = String(repeating: "این یک متن فارسی است و this is English.\n", count: 2000)
    // Fatha (combining class 30) after shadda (33) is out of canonical order: it moves
    // before it.
    let text = clean + "ب\u{651}\u{64E}" + clean
    let result = Normalizer.nfc.normalize(text)
    #expect(result == clean + "ب\u{64E}\u{651}" + clean)
    #expect(Array(result.utf8) == Array(Normalizer.nfc.icuNormalized(text).utf8))
  }

  @Test("normalizers may be used from many tasks at once")
  func concurrentUse() async {
    let input = String(repeating: "cafe\u{301} تهران ", count: 200)
    let expected = Normalizer.nfc.normalize(input)
    await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<8 { group.addTask { Normalizer.nfc.normalize(input) == expected } }
      for await ok in group { #expect(ok) }
    }
  }
}
