import ArgumentParser
import Matn

/// How input bytes become text: shared by every command that reads files.
struct DecodingOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "Decode input from this encoding (any name ICU knows, e.g. windows-1256, ISO-8859-6) instead of detecting it.")
  var encoding: String?

  @Flag(name: .long, help: "Fail on undecodable bytes instead of replacing them by U+FFFD (and reporting their offsets).")
  var strict = false

  /// Reads and decodes `path` ('-' is standard input).
  func decode(_ path: String) throws -> DecodedText {
    let bytes = try InputFile.read(path)
    if let encoding {
      return try DecodedText(bytes: bytes, encoding: .init(rawValue: encoding), strict: strict)
    }
    return try DecodedText(bytes: bytes, strict: strict)
  }
}
