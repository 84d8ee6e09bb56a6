import ArgumentParser
import Matn
import MatnICU

/// `matn normalize`: Unicode-normalises files (or standard input) to standard output.
struct Normalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Normalise text files to a Unicode normalization form.",
    discussion: """
      Reads each FILE (or standard input for '-'), which must be UTF-8, and writes \
      the normalised text to standard output, files in the order given. A file that \
      cannot be read or is not valid UTF-8 is reported on standard error, naming the \
      path (and byte offset); the other files are still processed and the exit code \
      is 1.
      """
  )

  @Option(name: .long, help: "Normalization form: nfc, nfd, nfkc, nfkd or nfkc-cf.")
  var form: Normalizer.Form = .nfc

  @Argument(help: "Files to normalise; '-' reads standard input.")
  var files: [String] = ["-"]

  func run() throws {
    let normalizer = Normalizer.shared(form)
    var output = StandardOutput()
    var failures = 0
    for path in files {
      do {
        let bytes = try InputFile.read(path)
        let text = try DecodedText(bytes: bytes)
        output.write(normalizer.normalize(text.string))
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

extension Normalizer.Form: ExpressibleByArgument {}
