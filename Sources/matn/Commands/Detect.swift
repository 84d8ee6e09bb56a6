import ArgumentParser
import Matn

/// `matn detect`: the language of each document, paragraph or line.
struct Detect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Identify the language of files, paragraphs or lines.",
    discussion: """
      Prints BCP 47 codes ("und" when a unit has no letters). With --per line, exactly \
      one code per input line and nothing else, in order (lines are split at line feeds \
      only) — the interface of evaluation harnesses. Otherwise one line per unit: \
      FILE[:LINE] (--per run: FILE:START-END byte range, then the run's ISO 15924 \
      script), the code, its confidence and the runners-up, tab-separated.
      """
  )

  enum Unit: String, ExpressibleByArgument, CaseIterable {
    case document, paragraph, run, line
  }

  @Option(
    name: .long,
    help: "What to identify: document, paragraph (blank-line separated), run (each run of one script, cut at sentence boundaries, with its UTF-8 byte range) or line.")
  var per: Unit = .document

  @Option(name: .long, help: "Answer only among these languages (comma-separated codes).")
  var languages: String?

  @OptionGroup var decoding: DecodingOptions

  @Argument(help: "Files; '-' reads standard input.")
  var files: [String] = ["-"]

  func validate() throws {
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
    let identifier = languages.map { LanguageIdentifier(languages: Set(Self.codes($0))) } ?? .default
    var output = StandardOutput()
    try decoding.forEachFile(files, output: &output) { path, decoded, output in
      let text = decoded.string
      switch per {
      case .line:
        // Lines cut on the bytes (a line feed is one byte in UTF-8; CR LF's CR, NEL, LS
        // and PS stay inside the line, as the harness's interface asks).
        let utf8 = text.utf8
        var out = ""
        var start = utf8.startIndex
        while start < utf8.endIndex {
          let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
          out += identifier.identify(text[start..<end]).language
          out += "\n"
          start = end < utf8.endIndex ? utf8.index(after: end) : end
        }
        output.write(out)
      case .document:
        output.write(Self.describe(identifier.identify(text), unit: path))
      case .run:
        // Each run of one script, cut at sentence boundaries and merged again where the
        // language goes on: an English article's Persian footer is its own span,
        // located by its bytes in the decoded text.
        for span in identifier.spans(in: text) {
          let range = span.utf8Range
          output.write(
            Self.describe(span.guess, unit: "\(path):\(range.lowerBound)-\(range.upperBound)\t\(span.script)"))
        }
      case .paragraph:
        var number = 0, start = 1
        var paragraph: [Substring] = []
        func flush() {
          guard !paragraph.isEmpty else { return }
          output.write(Self.describe(identifier.identify(paragraph.joined(separator: "\n")), unit: "\(path):\(start)"))
          paragraph = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
          number += 1
          if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            flush()
          } else {
            if paragraph.isEmpty { start = number }
            paragraph.append(line)
          }
        }
        flush()
      }
    }
  }

  static func describe(_ guess: LanguageGuess, unit: String) -> String {
    let runners = guess.alternatives.map { "\($0.language) \(percent($0.confidence))" }.joined(separator: ", ")
    return "\(unit)\t\(guess.language)\t\(percent(guess.confidence))\t\(runners)\n"
  }

  /// A probability as a percentage with one decimal, without Foundation.
  static func percent(_ value: Double) -> String {
    let tenths = Int((value * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }
}

extension String {
  fileprivate func trimmingWhitespace() -> String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
