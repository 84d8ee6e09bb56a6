import ArgumentParser
import Matn

/// `matn bidi`: bidi control hygiene.
struct BidiCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bidi",
    abstract: "Check explicit bidi control characters (Trojan Source, CVE-2021-42574).",
    subcommands: [BidiCheck.self]
  )
}

/// `matn bidi check`: compiler-style findings for dangerous bidi controls, for CI.
struct BidiCheck: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Report dangerous bidi controls as FILE:LINE:COLUMN: severity: message.",
    discussion: """
      Follows Unicode's UTS #55 and gcc's -Wbidi-chars=unpaired: errors for embeddings, \
      overrides and isolates left open where they change the display, overrides that \
      reverse letters, and controls inside identifiers, numbers, URLs, string literals \
      and comments; warnings for suspicious but harmless controls; notes for balanced \
      ones. Marks (LRM, RLM, ALM) in prose are not reported. Words whose letters mix \
      scripts confusably (Cyrillic а in a Latin word: ICU's spoof checker, UTS #39) are \
      always printed, as notes. Notes never change the exit code. Columns count Unicode \
      scalars from 1; lines are counted after decoding. A summary goes to standard \
      error. Directories are walked recursively, as matn normalize walks them; a file \
      that cannot be read or decoded is reported and the others are still checked. \
      The exit code is 1 when any error is found (or any warning, with \
      --warnings-as-errors), or when a file cannot be read or decoded.
      """
  )

  @OptionGroup var decoding: DecodingOptions

  @Flag(name: .long, help: "Treat warnings as errors (exit code 1 when any is found).")
  var warningsAsErrors = false

  @Flag(
    name: .long,
    help: "Also print the notes about controls (balanced controls, marks inside numbers and identifiers).")
  var notes = false

  @Argument(help: "Files or directories (walked recursively) to check; '-' (or none) reads standard input.")
  var files: [String] = []

  func run() throws {
    var output = StandardOutput()
    var counts: [BidiControls.Severity: Int] = [:]
    var checked = 0
    var decodingFailed = false
    do {
      try decoding.forEachFile(files, output: &output) { path, decoded, output in
        checked += 1
        // Controls and confusable words, in the order of their position.
        var lines: [(line: Int, column: Int, text: String)] = []
        for finding in BidiControls.check(decoded.string) {
          var severity = finding.severity
          if warningsAsErrors && severity == .warning { severity = .error }
          counts[severity, default: 0] += 1
          guard severity > .note || notes else { continue }
          lines.append((finding.control.line, finding.control.column, "\(severity): \(finding.message)"))
        }
        for word in ConfusableWords.check(decoded.string) {
          counts[word.severity, default: 0] += 1
          lines.append((word.line, word.column, "\(word.severity): \(word.message)"))
        }
        lines.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        for line in lines { output.write("\(path):\(line.line):\(line.column): \(line.text)\n") }
      }
    } catch let exit as ExitCode {
      decodingFailed = exit != .success
    }
    let errors = counts[.error, default: 0], warnings = counts[.warning, default: 0], noted = counts[.note, default: 0]
    Diagnostics.info(
      "matn bidi check: \(checked) file\(checked == 1 ? "" : "s") checked, "
        + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), "
        + "\(noted) note\(noted == 1 ? "" : "s")")
    if errors > 0 || decodingFailed { throw ExitCode(1) }
  }
}
