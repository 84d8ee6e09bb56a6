import ArgumentParser
import Matn

/// `matn`: the command-line face of the Matn toolkit. Commands are thin: they parse
/// arguments and do I/O; all text logic lives in the `Matn` library.

struct MatnCommand: ParsableCommand {
  /// The configuration below, naming a super-command while ``CompletionRequests`` has the
  /// parser skip its check for a completion-script request.
  static var configuration: CommandConfiguration {
    CompletionRequests.skipsCheck ? withoutCompletionCheck : fullConfiguration
  }

  private static let withoutCompletionCheck: CommandConfiguration = {
    var configuration = fullConfiguration
    configuration._superCommandName = "matn"
    return configuration
  }()

  private static let fullConfiguration = CommandConfiguration(
    commandName: "matn",
    abstract: "Turn raw, mixed-script news text into clean, structured text.",
    discussion: """
      Matn («متن», "text") turns raw news text into clean, structured text: normalize \
      parses raw article files into articles (JSON, JSON Lines or text); clean \
      normalises plain text (cleanup, Persian orthography on Persian spans, Unicode \
      forms, search keys); decode shows how files decode; detect identifies languages \
      and scripts; names lists person names with index keys; translit romanises \
      names; bidi check finds dangerous bidi controls; show prints mixed \
      Persian/English readably in a terminal without bidi support; index build stores \
      articles in an SQLite index that search queries by name or text in any script.

      Files and directories: every command that reads files takes directories too, \
      walked recursively; a file that cannot be read or decoded is reported with its \
      path and the reason, the others go on, and the exit code is 1.
      """,
    version: MatnInfo.fullVersion,
    // Each command names itself (`commandName`): without one, swift-argument-parser
    // derives the name with `String(describing:)` of the type at every start, dynamic
    // casts that scan every protocol conformance in the binary (about 0.7 ms a process).
    subcommands: [
      Normalize.self, Clean.self, Decode.self, Detect.self, Show.self, BidiCommand.self, Translit.self, Names.self, IndexCommand.self, Search.self,
    ]
  )
}
