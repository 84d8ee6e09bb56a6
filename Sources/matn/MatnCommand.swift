import ArgumentParser
import Matn

/// `matn`: the command-line face of the Matn toolkit. Commands are thin: they parse
/// arguments and do I/O; all text logic lives in the `Matn` library.

struct MatnCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "matn",
    abstract: "Turn raw, mixed-script news text into clean, structured text.",
    discussion: """
      Matn («متن», "text") normalises raw article files: decoding, cleanup, Persian \
      orthography on Persian spans, Unicode forms, search keys; language and script \
      detection, bidi hygiene and name keys as they land.
      """,
    version: MatnInfo.version,
    subcommands: [Normalize.self, Clean.self, Decode.self, Detect.self, Show.self, BidiCommand.self, Translit.self, Names.self]
  )
}
