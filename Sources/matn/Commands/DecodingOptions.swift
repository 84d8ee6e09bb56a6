import ArgumentParser
import Matn
import SystemPackage

/// How input bytes become text, and which files: shared by every command that reads
/// files.
struct DecodingOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "Decode input from this encoding (any name ICU knows, e.g. windows-1256, ISO-8859-6) instead of detecting it.")
  var encoding: String?

  @Flag(name: .long, help: "Fail on undecodable bytes instead of replacing them by U+FFFD (and reporting their offsets).")
  var strict = false

  @Option(
    name: .long,
    help: "Read input paths from this file ('-' for standard input): one per line, or NUL-separated if it holds a NUL.")
  var pathsFrom: String?

  func validate() throws {
    if pathsFrom == "" { throw ValidationError("--paths-from needs a file ('-' for standard input).") }
  }

  /// The library's decoding policy for these options.
  var policy: DecodingPolicy { DecodingPolicy(encoding: encoding, strict: strict) }

  /// Decodes each file of `paths` in turn and hands it to `body` with its name ('-' for
  /// standard input). Directories are walked as `matn normalize` walks them (the
  /// library's `BatchInputs.files`: recursively, in byte order of names). A file that cannot
  /// be read or decoded is reported on standard error and the rest go on. Flushes
  /// `output` at the end and exits with status 1 if any file failed.
  ///
  /// The paths listed by `--paths-from` come first, then `paths`; with neither, standard
  /// input is read. A path is opened as a file first, and walked when the open finds a
  /// directory: a file costs no `stat` of its own (12,000 paths, 12,000 system calls).
  func forEachFile(
    _ paths: [String], output: inout StandardOutput, _ body: (String, DecodedText, inout StandardOutput) throws -> Void
  ) throws {
    var failures = 0
    /// Decodes `path` and hands it on; false when it is a directory, read nothing of.
    func decode(_ path: FilePath?, walked: Bool) throws -> Bool {
      do {
        try body(path?.string ?? "-", try policy.decode(InputFile.readContent(path)), &output)
      } catch let error as InputFile.Failure {
        if error.isDirectory && !walked { return false }
        Diagnostics.error(error.description)
        failures += 1
      } catch let error as DecodingError {
        Diagnostics.error("\(BatchPath.display(path)): \(error)")
        failures += 1
      }
      return true
    }
    for argument in try arguments(paths) {
      guard case .path(let path) = argument else {
        _ = try decode(nil, walked: false)
        continue
      }
      if try decode(path, walked: false) { continue }
      for input in BatchInputs.files([argument]) {
        if let problem = input.problem {
          Diagnostics.error("cannot read \(BatchPath.display(input.path)): \(problem)")
          failures += 1
          continue
        }
        _ = try decode(input.path, walked: true)
      }
    }
    output.flush()
    if failures > 0 { throw ExitCode(1) }
  }

  /// The inputs: the paths `--paths-from` lists, then the operands `paths` (standard
  /// input when there are neither).
  func arguments(_ paths: [String]) throws -> [BatchArgument] {
    var arguments: [BatchArgument] = []
    if let pathsFrom {
      if pathsFrom == "-" && paths.contains("-") {
        throw ValidationError("'-' (standard input) can be read only once: it is the --paths-from list.")
      }
      do {
        arguments += try Self.pathList(from: pathsFrom).map(BatchArgument.path)
      } catch {
        throw ValidationError(error.description)
      }
    }
    return arguments + (paths.isEmpty && pathsFrom == nil ? ["-"] : paths).map(RawArguments.argument)
  }

  /// Whether the inputs are more than one file: several operands, a directory, or a
  /// `--paths-from` list.
  func several(_ paths: [String]) -> Bool {
    pathsFrom != nil || paths.count > 1 || paths.contains { $0 != "-" && RawArguments.path($0).isDirectory }
  }

  /// The paths in a list file: one per line (CR LF or LF), or NUL-separated when the
  /// list holds a NUL (`find -print0`). Empty entries are skipped.
  static func pathList(from source: String) throws(InputFile.Failure) -> [FilePath] {
    let bytes = try InputFile.read(source == "-" ? nil : RawArguments.path(source))
    let separator: UInt8 = bytes.contains(0) ? 0 : UInt8(ascii: "\n")
    return bytes.split(separator: separator).compactMap { entry in
      var entry = entry[...]
      if separator != 0, entry.last == UInt8(ascii: "\r") { entry = entry.dropLast() }
      return entry.isEmpty ? nil : FilePath(bytes: entry)
    }
  }
}

extension InputFile {
  /// How diagnostics name a path argument.
  static func displayName(_ path: String) -> String { path == "-" ? "standard input" : "'\(path)'" }
}
