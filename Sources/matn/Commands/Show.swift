import ArgumentParser
import Matn

/// `matn show`: mixed Persian/English text made readable in a terminal without bidi
/// support.
struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print text readably in a terminal without bidi support.",
    discussion: """
      Each line is shaped (joined Arabic letter forms) and reordered into display \
      order, with mirrored brackets and direction controls removed. The output is for \
      reading only: do not store or process it as text.
      """
  )

  @OptionGroup var decoding: DecodingOptions

  @Argument(help: "Files to show; '-' (or none) reads standard input.")
  var files: [String] = []

  func run() throws {
    var output = StandardOutput()
    try decoding.forEachFile(files, output: &output) { _, decoded, output in
      var text = TerminalDisplay.render(decoded.string)
      if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
      output.write(text)
    }
  }
}
