import ArgumentParser
import Matn

/// `matn names`: the people named in each file, with their index keys.
struct Names: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "names",
    abstract: "List the person names in files, with their index keys.",
    discussion: """
      Finds person names in English (capitalised words with titles such as President, \
      Ayatollah, Dr.), Persian (given names, family-name endings, titles such as \
      «آیت‌الله», «دکتر») and Russian text, folds "Velayati" into "Ali Akbar Velayati", \
      and prints one line per name in order of first mention: \
      display<TAB>ascii<TAB>phonetic<TAB>mentions<TAB>text, and for a name whose letters \
      mix scripts confusably (Cyrillic а in a Latin name: ICU's spoof checker, UTS #39) a \
      sixth field confusable:SCRIPT+SCRIPT (its keys are those of the name it looks \
      like). With --mentions, one line per mention instead, in text order: \
      START-END<TAB>text<TAB>script<TAB>title, START-END being the UTF-8 byte range of \
      the name in the decoded file. With several files (or a directory, walked \
      recursively as matn normalize walks it) each file's lines follow a "==> FILE <==" \
      header. --format jsonl prints one JSON object per file: {"path":…,"names":[{"text",\
      "script","display","key","phonetic","mentions"[,"confusable":{"scripts","script",\
      "looksLike","skeleton"}]}],"mentions":[{"text","start","end","script"[,"title"]}]}. \
      A file that cannot be read or decoded is reported on standard error, the others \
      go on, and the exit code is 1.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case tsv, jsonl
  }

  @Option(name: .long, help: "Output format: tsv (one line per name) or jsonl (one object per file).")
  var format: Format = .tsv

  @Flag(name: .long, help: "One line per mention with its UTF-8 byte range (tsv).")
  var mentions = false

  @OptionGroup var decoding: DecodingOptions

  @Argument(help: "Files or directories (walked recursively); '-' (or none) reads standard input.")
  var files: [String] = []

  func run() throws {
    let extractor = NameExtractor()
    var output = StandardOutput()
    let headers = decoding.several(files) && format == .tsv
    try decoding.forEachFile(files, output: &output) { path, decoded, output in
      switch format {
      case .tsv where mentions:
        var out = headers ? "==> \(path) <==\n" : ""
        for m in extractor.mentions(in: decoded.string) {
          out += "\(m.utf8Range.lowerBound)-\(m.utf8Range.upperBound)\t\(m.text)\t\(m.script)\t\(m.title ?? "")\n"
        }
        output.write(out)
      case .tsv:
        let names = extractor.names(in: decoded.string)
        var out = headers ? "==> \(path) <==\n" : ""
        for n in names {
          out += "\(n.display)\t\(n.key)\t\(n.phonetic)\t\(n.mentions)\t\(n.text)"
          if let confusable = n.confusable { out += "\tconfusable:" + confusable.scripts.joined(separator: "+") }
          out += "\n"
        }
        output.write(out)
      case .jsonl:
        let text = decoded.string
        output.write(bytes: ExtractedName.jsonLine(path: path, names: extractor.names(in: text), mentions: extractor.mentions(in: text)))
      }
    }
  }
}
