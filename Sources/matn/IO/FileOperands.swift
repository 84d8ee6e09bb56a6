import ArgumentParser

/// A command whose positional arguments are input files.
protocol FileOperandCommand: ParsableCommand {
  /// The positional file operands, in the order given.
  var files: [String] { get set }
}

/// Long lists of file operands, taken out of the command line before swift-argument-parser
/// parses it. The parser's cost per positional value grows with the number of values
/// (12,000 paths took 96% of a run), so when a command that reads files is given more
/// than ``minimum`` operands, they are set on the parsed command directly and the parser
/// sees only the options.
///
/// Which arguments are operands follows from the options the command declares (its
/// ``OptionNames``, as the parser's own description of the command names them:
/// FileOperandsTests fails when they drift apart; reading that description at run time
/// cost 0.5 ms a process, a JSON encoding and decoding): an argument
/// that does not start with '-' (or is '-') and is not the value of the option before
/// it, and everything after `--`. A command line with anything the split does not know
/// (`--help`, an unknown option, grouped short flags) or that fails to parse or
/// validate is handed whole to the parser, so help and error messages are the
/// parser's own.
enum FileOperands {
  /// Fewer operands than this go through the parser as usual.
  static let minimum = 16

  /// The commands that take file operands, by the words that name them, with their
  /// option and flag names.
  static let commands: [(path: [String], type: any FileOperandCommand.Type, names: OptionNames)] = [
    (
      ["normalize"], Normalize.self,
      OptionNames(
        values: [
          "--format", "-o", "--output", "--output-dir", "--path-root", "--jobs", "--profile", "--ezafe", "--style",
          "--max-bytes", "--encoding", "--paths-from",
        ],
        flags: [
          "--with-metadata", "--verbose", "--jsonl", "--no-paths", "--print-style", "--no-site-boilerplate", "--no-names",
          "--quiet", "--schema", "--strict", "-h", "--help",
        ])
    ),
    (
      ["clean"], Clean.self,
      OptionNames(
        values: ["--profile", "--form", "--ezafe", "--style", "--half-space-confidence", "--encoding", "--paths-from"],
        flags: ["--print-style", "--report", "--ranges", "--strict", "-h", "--help"])
    ),
    (
      ["decode"], Decode.self,
      OptionNames(values: ["--encoding", "--paths-from"], flags: ["--strict", "--text", "-h", "--help"])
    ),
    (
      ["detect"], Detect.self,
      OptionNames(
        values: ["--per", "--languages", "--min-confidence", "--line-ends", "--encoding", "--paths-from"],
        flags: ["--fit-diagnostics", "--no-pair-stage", "--strict", "-h", "--help"])
    ),
    (
      ["names"], Names.self,
      OptionNames(
        values: ["--format", "--encoding", "--paths-from"], flags: ["--mentions", "--strict", "-h", "--help"])
    ),
    (["show"], Show.self, OptionNames(values: ["--encoding", "--paths-from"], flags: ["--strict", "-h", "--help"])),
    (
      ["translit"], Translit.self,
      OptionNames(
        values: ["--key", "--top", "--style", "--persian-names", "--line-ends", "--encoding", "--paths-from"],
        flags: ["--strict", "-h", "--help"])
    ),
    (
      ["bidi", "check"], BidiCheck.self,
      OptionNames(
        values: ["--encoding", "--paths-from"],
        flags: ["--strict", "--warnings-as-errors", "--notes", "-h", "--help"])
    ),
  ]

  /// The command `arguments` (after the program name) ask for, parsed with its file
  /// operands set directly, or nil when the parser should see the whole command line.
  static func parse(_ arguments: [String]) -> (any ParsableCommand)? {
    guard arguments.count > minimum,
      let (path, type, options) = commands.first(where: { arguments.starts(with: $0.path) }),
      let split = split(arguments[path.count...], options: options), split.operands.count >= minimum
    else { return nil }
    CompletionRequests.skipsCheck = !CompletionRequests.mayAsk(arguments)
    defer { CompletionRequests.skipsCheck = false }
    do {
      guard var command = try MatnCommand.parseAsRoot(path + split.rest) as? any FileOperandCommand,
        ObjectIdentifier(Swift.type(of: command)) == ObjectIdentifier(type)
      else { return nil }
      command.files = split.operands
      try command.validate()
      return command
    } catch {
      return nil
    }
  }

  /// `arguments` (after the command's name) as options and operands, or nil when an
  /// argument is not one of `options`.
  static func split(_ arguments: ArraySlice<String>, options: OptionNames) -> (rest: [String], operands: [String])? {
    var rest: [String] = []
    var operands: [String] = []
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        operands += arguments[index...]
        break
      }
      guard argument.hasPrefix("-"), argument != "-" else {
        operands.append(argument)
        continue
      }
      rest.append(argument)
      if let equals = argument.firstIndex(of: "=") {
        guard options.values.contains(String(argument[..<equals])) else { return nil }
      } else if options.values.contains(argument) {
        guard index < arguments.endIndex else { return nil }  // the parser reports the missing value
        rest.append(arguments[index])
        index += 1
      } else if !options.flags.contains(argument) {
        return nil
      }
    }
    return (rest, operands)
  }

  /// The option and flag names of a command, as written on the command line (`--form`,
  /// `-o`). None of them takes several values (then an argument after it could be its
  /// value or an operand): FileOperandsTests checks that too.
  struct OptionNames: Equatable {
    /// The options that take a value.
    var values: Set<String>
    var flags: Set<String>
  }
}

extension Normalize: FileOperandCommand {
  var files: [String] {
    get { inputs }
    set { inputs = newValue }
  }
}

extension Clean: FileOperandCommand {}
extension Decode: FileOperandCommand {}
extension Detect: FileOperandCommand {}
extension Names: FileOperandCommand {}
extension Show: FileOperandCommand {}
extension Translit: FileOperandCommand {}
extension BidiCheck: FileOperandCommand {}
