import ArgumentParser
import Matn

/// `matn translit`: one name per line in, one romanisation or key per line out.
struct Translit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "translit",
    abstract: "Romanise names, one per line, or print their index keys.",
    discussion: """
      Reads one name per line (Persian, Cyrillic, Han, Latin or any script; lines end at \
      LF, CR LF, CR, NEL, LS or PS unless --line-ends lf) and prints exactly one line per \
      input line, in order, each ended by LF: the display romanisation, its ASCII fold, \
      or the cross-script phonetic key — the interface of names_eval.py.
      """
  )

  enum Key: String, ExpressibleByArgument, CaseIterable {
    case display, ascii, phonetic
  }

  @Option(name: .long, help: "What to print: display, ascii or phonetic.")
  var key: Key = .display

  @Option(
    name: .long, help: "Print the best K romanisations of each name with their scores: form<TAB>score pairs, tab-separated, on the name's line.")
  var top: Int?

  @Option(name: .long, help: "Persian spellings: iran (default), afghanistan (Malekzadeh / Malikzada) or any (all labels alike).")
  var style: Style = .iran

  enum Style: String, ExpressibleByArgument, CaseIterable {
    case any, iran, afghanistan
  }

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A directory with fa-name-lexicon.tsv and fa-name-model.bin to use instead of the built-in ones (cross-validation).", visibility: .hidden))
  var persianNames: String?

  @OptionGroup var lines: LineEndOptions

  @OptionGroup var decoding: DecodingOptions

  @Argument(help: "Files; '-' (or none) reads standard input.")
  var files: [String] = []

  func run() throws {
    var indexer = NameIndexer.shared
    if let dir = persianNames {
      let lexicon = String(decoding: try InputFile.read(RawArguments.path(dir + "/fa-name-lexicon.tsv")), as: UTF8.self)
      let binary = try InputFile.read(RawArguments.path(dir + "/fa-name-model.bin"))
      guard let custom = NameIndexer(persianNameLexicon: lexicon, persianNameModelBinary: Array(binary)) else {
        throw ValidationError("\(dir)/fa-name-model.bin is not a model written by scripts/derive-name-romanizer")
      }
      indexer = custom
    }
    switch style {
    case .any: indexer.persianStyle = .any
    case .iran: indexer.persianStyle = .iran
    case .afghanistan: indexer.persianStyle = .afghanistan
    }
    if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    var output = StandardOutput()
    try decoding.forEachFile(files, output: &output) { _, decoded, output in
      var out = ""
      for line in lines.lines(of: decoded.string) {
        if let top {
          out += indexer.romanize(String(line), top: top).map { "\($0.text)\t\(Self.score($0.score))" }
            .joined(separator: "\t")
          out += "\n"
          continue
        }
        let keys = indexer.keys(for: String(line))
        switch key {
        case .display: out += keys.display
        case .ascii: out += keys.ascii
        case .phonetic: out += keys.phonetic
        }
        out += "\n"
      }
      output.write(out)
    }
  }

  /// A score with three decimals (no Foundation formatting).
  static func score(_ s: Double) -> String {
    let milli = Int((s * 1000).rounded())
    let frac = String(milli % 1000)
    return "\(milli / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
  }
}
