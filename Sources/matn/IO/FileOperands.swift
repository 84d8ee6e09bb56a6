import ArgumentParser
import FoundationEssentials

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
/// Which arguments are operands follows from the options the command declares (read
/// from the parser's own description of the command, so it cannot drift): an argument
/// that does not start with '-' (or is '-') and is not the value of the option before
/// it, and everything after `--`. A command line with anything the split does not know
/// (`--help`, an unknown option, grouped short flags) or that fails to parse or
/// validate is handed whole to the parser, so help and error messages are the
/// parser's own.
enum FileOperands {
  /// Fewer operands than this go through the parser as usual.
  static let minimum = 16

  /// The commands that take file operands, by the words that name them.
  static let commands: [(path: [String], type: any FileOperandCommand.Type)] = [
    (["normalize"], Normalize.self), (["clean"], Clean.self), (["decode"], Decode.self),
    (["detect"], Detect.self), (["names"], Names.self), (["show"], Show.self),
    (["translit"], Translit.self), (["bidi", "check"], BidiCheck.self),
  ]

  /// The command `arguments` (after the program name) ask for, parsed with its file
  /// operands set directly, or nil when the parser should see the whole command line.
  static func parse(_ arguments: [String]) -> (any ParsableCommand)? {
    guard arguments.count > minimum,
      let (path, type) = commands.first(where: { arguments.starts(with: $0.path) }),
      let options = OptionNames(type),
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
  /// `-o`).
  struct OptionNames {
    var values: Set<String> = []
    var flags: Set<String> = []

    /// The names `type` declares, or nil when it has an option that takes several values
    /// (then an argument after it may be its value or an operand).
    init?(_ type: any ParsableCommand.Type) {
      guard let info = try? JSONDecoder().decode(Dump.self, from: Data(type._dumpHelp().utf8)) else { return nil }
      for argument in info.command.arguments ?? [] {
        let names = (argument.names ?? []).map { name in
          switch name.kind {
          case "long": "--" + name.name
          case "short": "-" + name.name
          default: "-" + name.name
          }
        }
        switch argument.kind {
        case "option":
          if argument.isRepeating { return nil }
          values.formUnion(names)
        case "flag": flags.formUnion(names)
        default: break
        }
      }
    }

    /// What is read of swift-argument-parser's JSON description of a command.
    private struct Dump: Decodable {
      struct Command: Decodable { var arguments: [Argument]? }
      struct Argument: Decodable {
        var kind: String
        var isRepeating: Bool
        var names: [Name]?
      }
      struct Name: Decodable {
        var kind: String
        var name: String
      }
      var command: Command
    }
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
