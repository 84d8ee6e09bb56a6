import ArgumentParser
import Matn
import SystemPackage

/// How input bytes become text: shared by every command that reads files.
struct DecodingOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "Decode input from this encoding (any name ICU knows, e.g. windows-1256, ISO-8859-6) instead of detecting it.")
  var encoding: String?

  @Flag(name: .long, help: "Fail on undecodable bytes instead of replacing them by U+FFFD (and reporting their offsets).")
  var strict = false

  /// The library's decoding policy for these options.
  var policy: DecodingPolicy { DecodingPolicy(encoding: encoding, strict: strict) }

  /// Reads and decodes `path` ('-' is standard input; a name that is not UTF-8 is
  /// opened by the bytes it was given as).
  func decode(_ path: String) throws -> DecodedText {
    // Read straight into text where the file is plain UTF-8: never bytes and text at once.
    return try policy.decode(InputFile.readContent(path == "-" ? nil : RawArguments.path(path)))
  }

  /// Decodes each of `paths` in turn and hands it to `body`; a file that cannot be read
  /// or decoded is reported on standard error and the batch goes on. Flushes `output`
  /// at the end and exits with status 1 if any file failed.
  func forEachFile(
    _ paths: [String], output: inout StandardOutput, _ body: (String, DecodedText, inout StandardOutput) throws -> Void
  ) throws {
    var failures = 0
    for path in paths {
      do {
        try body(path, try decode(path), &output)
      } catch let error as InputFile.Failure {
        Diagnostics.error(error.description)
        failures += 1
      } catch let error as DecodingError {
        Diagnostics.error("\(InputFile.displayName(path)): \(error)")
        failures += 1
      }
    }
    output.flush()
    if failures > 0 { throw ExitCode(1) }
  }
}

extension InputFile {
  /// How diagnostics name a path argument.
  static func displayName(_ path: String) -> String { path == "-" ? "standard input" : "'\(path)'" }
}
