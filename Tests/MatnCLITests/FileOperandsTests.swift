import ArgumentParser
import Foundation
import Testing

@testable import matn

/// The option names `FileOperands` splits a long command line by are the ones each
/// command declares, as the parser's own description of the command
/// (`--experimental-dump-help`) names them.
@Suite("file operands: option names")
struct FileOperandsTests {
  /// What is read of swift-argument-parser's JSON description of a command.
  struct Dump: Decodable {
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

  @Test("each command's option and flag names are what it declares; none takes several values")
  func namesMatchDeclarations() throws {
    #expect(FileOperands.commands.count == 8)
    for (path, type, names) in FileOperands.commands {
      let dump = try JSONDecoder().decode(Dump.self, from: Data(type._dumpHelp().utf8))
      var declared = FileOperands.OptionNames(values: [], flags: [])
      for argument in dump.command.arguments ?? [] {
        let written = (argument.names ?? []).map { ($0.kind == "long" ? "--" : "-") + $0.name }
        switch argument.kind {
        case "option":
          #expect(!argument.isRepeating, "\(path): \(written) takes several values")
          declared.values.formUnion(written)
        case "flag": declared.flags.formUnion(written)
        default: break
        }
      }
      #expect(declared == names, "\(path.joined(separator: " ")): FileOperands.commands is stale")
    }
  }
}
