import ArgumentParser
import Matn

/// `matn decode`: how each file decodes — encoding, confidence, repairs.
struct Decode: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decode",
    abstract: "Show how files decode: encoding, confidence and repairs.",
    discussion: """
      For each FILE (or standard input for '-'), prints one line: the encoding, how \
      sure the detector is, the sizes, and every repair (a removed byte order mark, \
      invalid byte sequences replaced by U+FFFD with their byte offsets). A file that \
      cannot be read or decoded is reported on standard error; the exit code is then 1.
      """
  )

  @OptionGroup var decoding: DecodingOptions

  @Flag(name: .long, help: "Write the decoded text (UTF-8) instead of the summary line.")
  var text = false

  @Argument(help: "Files to decode; '-' (or none) reads standard input.")
  var files: [String] = []

  func run() throws {
    var output = StandardOutput()
    try decoding.forEachFile(files, output: &output) { path, decoded, output in
      output.write(text ? decoded.string : Self.describe(decoded, path: path) + "\n")
    }
  }

  static func describe(_ text: DecodedText, path: String) -> String {
    var line =
      "\(path): \(text.encoding), confidence \(String(format2: text.confidence)), "
      + "\(text.string.unicodeScalars.count) characters"
    line += text.repairs.isEmpty ? "; no repairs" : "; " + text.repairs.map(\.description).joined(separator: "; ")
    return line
  }
}

extension String {
  /// A number with two decimals, without Foundation.
  fileprivate init(format2 value: Double) {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    self = "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
