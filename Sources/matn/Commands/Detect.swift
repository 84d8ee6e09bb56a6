import ArgumentParser
import Matn

/// `matn detect`: the language of each document, paragraph or line.
struct Detect: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "detect",
    abstract: "Identify the language of files, paragraphs or lines.",
    discussion: """
      Prints BCP 47 codes ("und" when a unit has no letters). With --per line, exactly \
      one code per input line and nothing else, in order — the interface of evaluation \
      harnesses; lines end at LF, CR LF, CR, NEL, LS or PS, or with --line-ends lf at \
      line feeds only (langid_eval.py's texts hold NEL). Paragraphs are separated by \
      blank lines, whichever of those ends them. Otherwise one line per unit: \
      FILE[:LINE] (--per run: FILE:START-END byte range, then the run's ISO 15924 \
      script), the code, its confidence and the runners-up, tab-separated; a unit of \
      several lines whose lines, sentences or script runs are in different languages \
      gets the largest one's share of its letters as confidence, the next shares as \
      runners-up and a fifth column "mix: CODE SHARE, ...". Confidences are \
      calibrated; --min-confidence 0.5 answers "und" for a text the model explains \
      badly (a language it does not know) or cannot decide. Directories are walked \
      recursively, as matn normalize walks them; a file that cannot be read or decoded \
      is reported on standard error, the others go on, and the exit code is 1.
      """
  )

  enum Unit: String, ExpressibleByArgument, CaseIterable {
    case document, paragraph, run, line
  }

  @Option(
    name: .long,
    help:
      "What to identify: document, paragraph (blank-line separated), run (each run of one script, cut at sentence boundaries, with its UTF-8 byte range) or line."
  )
  var per: Unit = .document

  @Option(name: .long, help: "Answer only among these languages (comma-separated codes).")
  var languages: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Answer \"und\" for a unit whose confidence is below P (0 to 1).",
      discussion:
        "Confidences are calibrated: of the answers given with 0.9, about nine in ten are right. A text in a language the model does not know mostly gets a low one, or \"und\" already.",
      valueName: "P"))
  var minConfidence: Double = 0

  @Flag(help: .hidden)
  var fitDiagnostics = false

  /// The n-gram scorer alone, without the close pairs' second stage (for
  /// scripts/train-langid-pairs).
  @Flag(help: .hidden)
  var noPairStage = false

  @OptionGroup var lines: LineEndOptions

  @OptionGroup var decoding: DecodingOptions

  @Argument(help: "Files or directories (walked recursively); '-' (or none) reads standard input.")
  var files: [String] = []

  func validate() throws {
    guard minConfidence >= 0 && minConfidence <= 1 else {
      throw ValidationError("--min-confidence must be between 0 and 1, not \(minConfidence)")
    }
    if let languages {
      let unknown = Set(Self.codes(languages)).subtracting(LanguageIdentifier.supportedLanguages)
      if !unknown.isEmpty {
        throw ValidationError("unknown language code(s): \(unknown.sorted().joined(separator: ", "))")
      }
    }
  }

  static func codes(_ list: String) -> [String] {
    list.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
  }

  func run() throws {
    var identifier = languages.map { LanguageIdentifier(languages: Set(Self.codes($0))) } ?? .default
    identifier.usesPairStage = !noPairStage
    var output = StandardOutput()
    try decoding.forEachFile(files, output: &output) { path, decoded, output in
      let text = decoded.string
      switch per {
      case .line where fitDiagnostics:
        var out = ""
        for line in lines.lines(of: text) {
          let d = identifier.fitDiagnostics(line) ?? [:]
          out += d.keys.sorted().map { "\($0)=\(d[$0]!)" }.joined(separator: " ") + "\n"
        }
        output.write(out)
      case .line:
        var out = ""
        for line in lines.lines(of: text) {
          out += identifier.identify(line).requiring(confidence: minConfidence).language
          out += "\n"
        }
        output.write(out)
      case .document:
        output.write(Self.describe(identifier.identify(text).requiring(confidence: minConfidence), unit: path))
      case .run:
        // Each run of one script, cut at sentence boundaries and merged again where the
        // language goes on: an English article's Persian footer is its own span,
        // located by its bytes in the decoded text.
        for span in identifier.spans(in: text) {
          let range = span.utf8Range
          output.write(
            Self.describe(
              span.guess.requiring(confidence: minConfidence),
              unit: "\(path):\(range.lowerBound)-\(range.upperBound)\t\(span.script)"))
        }
      case .paragraph:
        for paragraph in TextLines.paragraphs(of: text) {
          output.write(
            Self.describe(
              identifier.identify(paragraph.text).requiring(confidence: minConfidence), unit: "\(path):\(paragraph.line)"))
        }
      }
    }
  }

  static func describe(_ guess: LanguageGuess, unit: String) -> String {
    let runners = guess.alternatives.map { "\($0.language) \(percent($0.confidence))" }.joined(separator: ", ")
    guard !guess.mix.isEmpty else { return "\(unit)\t\(guess.language)\t\(percent(guess.confidence))\t\(runners)\n" }
    let mix = guess.mix.map { "\($0.language) \(percent($0.confidence))" }.joined(separator: ", ")
    return "\(unit)\t\(guess.language)\t\(percent(guess.confidence))\t\(runners)\tmix: \(mix)\n"
  }

  /// A probability as a percentage with one decimal, without Foundation.
  static func percent(_ value: Double) -> String { String(format1: value, scale: 100) + "%" }
}

extension String {
  fileprivate func trimmingWhitespace() -> String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
