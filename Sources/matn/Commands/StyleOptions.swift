import ArgumentParser
import Matn

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A house style for the Persian rules: shared by `clean` and `normalize`.
struct StyleOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "Ezafe after silent ه: hamza («خانهٔ ما», ISIRI/Academy, the default), yeh («خانه‌ی ما») or as-typed.")
  var ezafe: EzafeStyle?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A house style (JSON): ezafe, digits, compounds, protectedWords; --ezafe overrides its ezafe.",
      valueName: "file"))
  var style: String?

  @Flag(name: .long, help: "Print the house style in force (the profile's, with --style and --ezafe over it) as JSON and exit.")
  var printStyle = false

  /// The house style of these options: the file's, with --ezafe over it; nil for none.
  func houseStyle() throws -> HouseStyle? {
    var result: HouseStyle?
    if let style {
      let bytes: [UInt8]
      do {
        bytes = try InputFile.read(style == "-" ? nil : RawArguments.path(style), limit: 1 << 20)
      } catch {
        throw ValidationError("--style: \(error.description)")
      }
      let decoded: HouseStyle
      do {
        decoded = try JSONDecoder().decode(HouseStyle.self, from: Data(bytes))
      } catch let error as Swift.DecodingError {
        throw ValidationError("--style \(style): \(Self.describe(error))")
      }
      let problems = decoded.problems()
      if !problems.isEmpty { throw ValidationError("--style \(style): \(problems.joined(separator: "; "))") }
      result = decoded
    }
    if let ezafe {
      var overridden = result ?? HouseStyle()
      overridden.ezafe = ezafe
      result = overridden
    }
    return result
  }

  /// Prints the style in force for `profile` as pretty JSON.
  func print(profile: TextNormalizer.Profile) throws {
    var options = TextNormalizer.Options(profile: profile)
    try houseStyle()?.apply(to: &options)
    var effective = HouseStyle(profile: profile)
    effective.ezafe = options.ezafeStyle
    effective.digits = options.persianDigits ? .persian : .asTyped
    effective.compounds = options.compounds
    effective.protectedWords = options.protectedWords.sorted()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var stdout = StandardOutput()
    stdout.write(String(decoding: try encoder.encode(effective), as: UTF8.self) + "\n")
    stdout.flush()
  }

  private static func describe(_ error: Swift.DecodingError) -> String {
    func path(_ context: Swift.DecodingError.Context) -> String {
      let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
      return keys.isEmpty ? "" : keys.joined(separator: ".") + ": "
    }
    switch error {
    case .dataCorrupted(let context): return path(context) + context.debugDescription
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
      return path(context) + context.debugDescription
    @unknown default: return "\(error)"
    }
  }
}

extension EzafeStyle: ExpressibleByArgument {}
