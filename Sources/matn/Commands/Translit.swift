import ArgumentParser
import Matn

/// `matn translit`: one name per line in, one romanisation or key per line out.
struct Translit: ParsableCommand {
  static let configuration = CommandConfiguration(
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

  @OptionGroup var lines: LineEndOptions

  @OptionGroup var decoding: DecodingOptions

  @Argument(help: "Files; '-' reads standard input.")
  var files: [String] = ["-"]

  func run() throws {
    let indexer = NameIndexer.shared
    var output = StandardOutput()
    try decoding.forEachFile(files, output: &output) { _, decoded, output in
      var out = ""
      for line in lines.lines(of: decoded.string) {
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
}
