import ArgumentParser
import Matn

/// `matn translit`: one name per line in, one romanisation or key per line out.
struct Translit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Romanise names, one per line, or print their index keys.",
    discussion: """
      Reads one name per line (Persian, Cyrillic, Han, Latin or any script) and prints \
      exactly one line per input line, in order: the display romanisation, its ASCII \
      fold, or the cross-script phonetic key — the interface of names_eval.py.
      """
  )

  enum Key: String, ExpressibleByArgument, CaseIterable {
    case display, ascii, phonetic
  }

  @Option(name: .long, help: "What to print: display, ascii or phonetic.")
  var key: Key = .display

  @OptionGroup var decoding: DecodingOptions

  @Argument(help: "Files; '-' reads standard input.")
  var files: [String] = ["-"]

  func run() throws {
    let indexer = NameIndexer.shared
    var output = StandardOutput()
    try decoding.forEachFile(files, output: &output) { _, decoded, output in
      let text = decoded.string
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      if text.hasSuffix("\n") { lines.removeLast() }
      var out = ""
      for line in lines {
        let name = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        let keys = indexer.keys(for: name)
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
