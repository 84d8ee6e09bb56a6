import ArgumentParser

/// Whether swift-argument-parser looks for a request of a completion script.
///
/// The parser checks every command line for `--generate-completion-script` by parsing it
/// twice more as two commands of its own (building their argument sets by reflection):
/// about 0.8 ms of a 6 ms process (`scripts/bench-startup`). It skips that check when the
/// root command names a super-command (`CommandConfiguration._superCommandName`), so
/// ``MatnCommand`` names one while ``skipsCheck`` is on: only for a command line
/// without that option, and never while a message is written, where the super-command
/// would show in the usage line (``withFullConfiguration(_:)``).
enum CompletionRequests {
  /// On while parsing a command line that cannot ask for a completion script.
  nonisolated(unsafe) static var skipsCheck = false

  /// Whether `arguments` (after the program name) may ask for a completion script, or
  /// for anything else the parser answers itself (help, the version, its JSON dump).
  static func mayAsk(_ arguments: [String]) -> Bool {
    arguments.contains { argument in
      argument.hasPrefix("--generate-completion") || argument.hasPrefix("---") || argument == "-h"
        || argument == "--help" || argument == "--version" || argument.hasPrefix("--experimental")
    } || arguments.first == "help"
  }

  /// Parses `arguments` with the check skipped, or nil when the parser should see them
  /// the usual way (they may ask for a script, help or the version, or they fail to
  /// parse, so that the message is the usual one).
  static func parse(_ arguments: [String]) -> (any ParsableCommand)? {
    guard !mayAsk(arguments) else { return nil }
    skipsCheck = true
    defer { skipsCheck = false }
    // Only a command that does its own work: a parent without a subcommand prints help,
    // and help is the parser's own command.
    guard let command = try? MatnCommand.parseAsRoot(arguments),
      leaves.contains(ObjectIdentifier(type(of: command)))
    else { return nil }
    return command
  }

  /// The commands that do their own work (not a parent of others, not the parser's).
  static let leaves: Set<ObjectIdentifier> = Set(
    FileOperands.commands.map { ObjectIdentifier($0.type) } + [ObjectIdentifier(IndexBuild.self), ObjectIdentifier(Search.self)])
}
