import MatnICU

/// The script runs of a text, in order, and its letter histogram per script.
///
/// ```swift
/// let text = "قیمت iPhone 15 ۵۰ دلار"
/// let runs = ScriptRuns(text)
/// runs.map(\.script)              // [Arab, Latn, Arab]
/// runs.map { $0.text(in: text) }  // ["قیمت ", "iPhone 15 ", "۵۰ دلار"]
/// runs[0].direction               // .rightToLeft
/// runs.histogram.dominant         // Arab
/// ```
///
/// Runs are found the way font itemizers (ICU's `usc` run iterator, HarfBuzz, Blink's
/// `ScriptRunIterator`) find them, over `unicodeScalars` — never `Character`s, whose
/// clusters would hide a ZWNJ or a mark — with these rules:
///
/// - **Inherited** characters (combining marks, ZWNJ, ZWJ, variation selectors) stay in
///   the run of the character before them, whatever their Script_Extensions: «می‌خواهم»
///   is one Arabic run, and a stray Arabic fatha after a Latin letter stays Latin.
/// - **Common** characters (spaces, digits, punctuation, symbols, emoji) and
///   **Unknown** ones (private use, unassigned) join the run before them; at the start
///   of the text they join the first run that follows.
/// - **Script_Extensions** narrow that: a Common character used only with some scripts
///   joins the run before it only if that run's script is one of them, and otherwise
///   starts a run of its own, named by the first script of the text after it that it is
///   used with — or, if none follows, by its likeliest script (``ScriptRun/script``).
///   So an Arabic comma «،» or a tatweel is Arabic even at the start of a text or
///   between Latin words. Script-specific digits (Arabic-Indic ٠–٩, Persian ۰–۹)
///   are Arabic by their Script value, and through their extensions also join a
///   Thaana run.
/// - **Paired punctuation**: a closing bracket or quotation mark takes the script of
///   the run that holds its opening mark (brackets from Unicode's Bidi_Paired_Bracket,
///   quotation marks « » ‹ › “ ” ‘ ’ „ ‚ from ``PairedPunctuation``), so
///   «سلام (iPhone) دنیا» puts `)` back in the Arabic run. Up to 32 marks stay open;
///   a paragraph end forgets them.
/// - **Japanese, Korean, Chinese**: Han, Hiragana and Katakana (with the prolonged
///   sound mark ー, 々 and CJK punctuation) form one run named `Jpan`; Hangul with Han is
///   `Kore`, Han with Bopomofo `Hanb`. A run of one of those scripts alone keeps its
///   own name (`Hani`, `Hira`, `Kana`, `Hang`). ICU has these ISO 15924 unions but no
///   itemizer that uses them; we name runs by them so a Japanese sentence is one run.
///
/// - Complexity: O(*n*) in the number of scalars: one table lookup per BMP scalar and
///   set arithmetic only where the class of scalar changes.
/// - Thread safety: a `Sendable` value; finding runs is pure and may run on any number
///   of tasks at once.
public struct ScriptRuns: Sendable, Hashable, RandomAccessCollection {
  /// The runs in text order; together they cover the text exactly.
  public let runs: [ScriptRun]
  /// Letters per script in the whole text.
  public let histogram: ScriptHistogram

  /// Finds the script runs of `text`.
  ///
  /// - Complexity: O(*n*) in the number of scalars.
  public init(_ text: String) {
    (runs, histogram) = ScriptItemizer.itemize(text)
  }

  public var startIndex: Int { runs.startIndex }
  public var endIndex: Int { runs.endIndex }
  public subscript(position: Int) -> ScriptRun { runs[position] }

  /// The script with the most letters in the text, or Common (`Zyyy`) when it has none.
  public var dominantScript: Script { histogram.dominant ?? .common }
}
