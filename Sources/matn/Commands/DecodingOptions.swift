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

  /// Decodes each file of `paths` in turn and hands it to `body` with its name ('-' for
  /// standard input). Directories are walked as `matn normalize` walks them (the
  /// library's `BatchInputs`: recursively, in byte order of names). A file that cannot
  /// be read or decoded is reported on standard error and the rest go on. Flushes
  /// `output` at the end and exits with status 1 if any file failed.
  func forEachFile(
    _ paths: [String], output: inout StandardOutput, _ body: (String, DecodedText, inout StandardOutput) throws -> Void
  ) throws {
    var failures = 0
    for input in BatchInputs.list(paths.map(RawArguments.argument)) {
      let name = input.path?.string ?? "-"
      if let problem = input.problem {
        Diagnostics.error("cannot read \(BatchPath.display(input.path)): \(problem)")
        failures += 1
        continue
      }
      do {
        try body(name, try policy.decode(InputFile.readContent(input.path)), &output)
      } catch let error as InputFile.Failure {
        Diagnostics.error(error.description)
        failures += 1
      } catch let error as DecodingError {
        Diagnostics.error("\(BatchPath.display(input.path)): \(error)")
        failures += 1
      }
    }
    output.flush()
    if failures > 0 { throw ExitCode(1) }
  }

  /// Whether `paths` name more than one file: several arguments, or a directory.
  static func several(_ paths: [String]) -> Bool {
    paths.count > 1 || paths.contains { $0 != "-" && RawArguments.path($0).isDirectory }
  }
}

extension InputFile {
  /// How diagnostics name a path argument.
  static func displayName(_ path: String) -> String { path == "-" ? "standard input" : "'\(path)'" }
}
