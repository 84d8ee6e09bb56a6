import ArgumentParser
import Matn

/// `matn clean`: normalises text files (or standard input) to standard output, as
/// text, without the article structure of `matn normalize`.
struct Clean: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clean",
    abstract: "Normalise plain text: cleanup, Persian orthography, Unicode form (no article structure).",
    discussion: """
      Reads each FILE (or standard input for '-'; directories are walked \
      recursively), decodes it — byte order marks (UTF-8, UTF-16, UTF-32), UTF-8 \
      with damaged bytes replaced (or refused with --strict), UTF-16 without a mark, \
      the legacy charsets windows-1256, ISO-8859-6, windows-1252 and ISO-8859-1 \
      detected from the bytes, mojibake repaired, binary data refused, or the \
      --encoding you name — and writes the normalised text to standard output as \
      UTF-8, files in the order given (matn decode shows how each file decodes).

      Profiles: display (conservative), article (default), model (article + NFKC), \
      index (search keys). With --form instead, only that Unicode normalization form \
      is applied.

      A file that cannot be read or decoded is reported on standard error, naming \
      the path (and byte offset); the other files are still processed and the exit \
      code is 1.
      """
  )

  @Option(name: .long, help: "Profile: display, article, model or index (default: article).")
  var profile: TextNormalizer.Profile?

  @Option(name: .long, help: "Apply only this Unicode normalization form: nfc, nfd, nfkc, nfkd or nfkc-cf.")
  var form: Normalizer.Form?

  @OptionGroup var style: StyleOptions

  @Option(
    name: .long,
    help: """
      Least probability (0-1) at which a glued word gets a half-space its glued spelling could \
      do without (plural, تر/ترین, compound), as estimated from the text (default 0.99; 0: every such split).
      """)
  var halfSpaceConfidence: Double?

  @Flag(name: .long, help: "Print what was changed, per stage and kind, on standard error.")
  var report = false

  @Flag(name: .long, help: "With --report, also list every change with its original UTF-8 byte range (START-END, by offset).")
  var ranges = false

  @OptionGroup var decoding: DecodingOptions

  @Argument(help: "Files to normalise; '-' (or none) reads standard input.")
  var files: [String] = []

  func validate() throws {
    if profile != nil && form != nil {
      throw ValidationError("--form applies a Unicode form alone; it cannot be combined with --profile.")
    }
    if ranges && !report { throw ValidationError("--ranges needs --report.") }
    if let p = halfSpaceConfidence, !(0...1).contains(p) {
      throw ValidationError("--half-space-confidence takes a probability from 0 to 1, not \(p).")
    }
    if (style.ezafe != nil || style.style != nil) && form != nil {
      throw ValidationError("--ezafe and --style are Persian rules; --form applies a Unicode form alone.")
    }
  }

  func run() throws {
    let chosen = profile ?? .article
    if style.printStyle { return try style.print(profile: chosen) }
    var options = TextNormalizer.Options(profile: chosen)
    options.recordsRanges = ranges
    try style.houseStyle()?.apply(to: &options)
    if let halfSpaceConfidence { options.halfSpaceConfidence = halfSpaceConfidence }
    let normalizer = TextNormalizer(profile: chosen, options: options)
    var output = StandardOutput()
    try decoding.forEachFile(files, output: &output) { path, text, output in
      if let form {
        output.write(Normalizer.shared(form).normalize(text.string))
      } else {
        let result = normalizer.normalize(text.string)
        output.write(result.text)
        if report {
          output.flush()
          Diagnostics.info(ReportFormatter.describe(result.report, for: InputFile.displayName(path), ranges: ranges))
        }
      }
    }
  }
}

extension Normalizer.Form: ExpressibleByArgument {}
extension TextNormalizer.Profile: ExpressibleByArgument {}

/// Human-readable change reports for standard error.
enum ReportFormatter {
  static func describe(_ report: NormalizationReport, for name: String, ranges: Bool) -> String {
    var lines = ["report for \(name): \(report.totalChanges) changes"]
    for stage in NormalizationStage.allCases {
      let counts = report.counts(in: stage)
      guard !counts.isEmpty else { continue }
      let items = ChangeKind.allCases.compactMap { kind in counts[kind].map { "\(kind.rawValue) \($0)" } }
      lines.append("  \(stage.rawValue): " + items.joined(separator: ", "))
    }
    if !report.bidiControlOffsets.isEmpty {
      lines.append(
        "  bidi controls removed at byte offsets: "
          + report.bidiControlOffsets.map(String.init).joined(separator: ", "))
    }
    if ranges {
      let sorted = report.changes.enumerated().sorted {
        ($0.element.utf8Range.lowerBound, $0.element.utf8Range.upperBound, $0.offset)
          < ($1.element.utf8Range.lowerBound, $1.element.utf8Range.upperBound, $1.offset)
      }
      for (_, change) in sorted {
        lines.append("  \(change.utf8Range.lowerBound)-\(change.utf8Range.upperBound) \(change.kind.rawValue)")
      }
    }
    return lines.joined(separator: "\n")
  }
}
