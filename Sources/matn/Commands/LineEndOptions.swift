import ArgumentParser
import Matn

/// Where the lines of a line-oriented command end: shared by `translit` and
/// `detect --per line`. The splitting itself is the library's (``TextLines``).
struct LineEndOptions: ParsableArguments {
  enum Ends: String, ExpressibleByArgument, CaseIterable {
    case unicode, lf

    var library: TextLines.Ends { self == .lf ? .lineFeed : .unicode }
  }

  @Option(
    name: .long,
    help: """
      Where input lines end: unicode (LF, CR LF, CR, NEL U+0085, LS U+2028, PS U+2029) \
      or lf (line feeds only, for harnesses whose texts may hold the others).
      """)
  var lineEnds: Ends = .unicode

  /// The lines of `text`.
  func lines(of text: String) -> [Substring] {
    TextLines.lines(of: text, ends: lineEnds.library)
  }
}
