/// How Arabic-script letters are folded for comparison: the one place that says that
/// Arabic ي and ى are Persian ی and Arabic ك is Persian ک, and which heh and alef
/// variants a looser comparison takes as one letter. The normaliser's rules, search
/// keys, text keys, dates and names all fold through here.
enum PersianFold {
  /// ي ى → ی, ك → ک; any other value unchanged.
  @inline(__always)
  static func yehKaf(_ v: UInt32) -> UInt32 {
    switch v {
    case 0x064A, 0x0649: 0x06CC
    case 0x0643: 0x06A9
    default: v
    }
  }

  /// The other way, to Arabic spelling: ی ى → ي, ک → ك (what the language model reads
  /// Arabic in); any other value unchanged.
  @inline(__always)
  static func arabicYehKaf(_ v: UInt32) -> UInt32 {
    switch v {
    case 0x06CC, 0x0649: 0x064A
    case 0x06A9: 0x0643
    default: v
    }
  }

  /// ``yehKaf(_:)`` and, for matching names typed in any Arabic-script habit: ۀ ة ھ ە ہ
  /// → ه, أ إ ٱ → ا, ؤ → و.
  @inline(__always)
  static func nameLetter(_ v: UInt32) -> UInt32 {
    switch v {
    case 0x06C0, 0x0629, 0x06BE, 0x06D5, 0x06C1: 0x0647
    case 0x0623, 0x0625, 0x0671: 0x0627
    case 0x0624: 0x0648
    default: yehKaf(v)
    }
  }
}
