#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

import Matn
import SystemPackage

/// Command-line arguments as the bytes the shell passed. Swift's `CommandLine.arguments`
/// (and so swift-argument-parser) decode them as UTF-8 with U+FFFD for invalid bytes,
/// which would make a file named in Latin-1 impossible to open; a path argument is
/// mapped back to its argv bytes here.
enum RawArguments {
  /// Each argv entry's bytes, after the program name.
  private static let raw: [[UInt8]] = (1..<Int(CommandLine.argc)).map { index in
    guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
    return Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
  }

  /// The path for argument `argument`: its own bytes when they are valid UTF-8, else the
  /// bytes of the argv entry it was decoded from (the first one, for an argument that
  /// appears as `--option=VALUE` or after an option name).
  static func path(_ argument: String) -> FilePath {
    // U+FFFD is EF BF BD in UTF-8: most paths have no byte EF to look further for.
    guard argument.utf8.contains(0xEF), argument.unicodeScalars.contains("\u{FFFD}") else { return FilePath(argument) }
    let decoded = Array(argument.utf8)
    for entry in raw {
      if Array(String(decoding: entry, as: UTF8.self).utf8) == decoded { return FilePath(bytes: entry) }
      // --option=VALUE
      if let equals = entry.firstIndex(of: UInt8(ascii: "=")), entry.first == UInt8(ascii: "-") {
        let value = Array(entry[(equals + 1)...])
        if Array(String(decoding: value, as: UTF8.self).utf8) == decoded { return FilePath(bytes: value) }
      }
    }
    return FilePath(argument)
  }

  /// `"-"` is standard input; anything else a path.
  static func argument(_ argument: String) -> BatchArgument {
    argument == "-" ? .standardInput : .path(path(argument))
  }
}
