/// A publisher's house rules for Persian text, on top of a profile: how the ezafe is
/// written, what happens to Arabic-Indic digits, compounds to write with a half-space,
/// and words no rule may touch. Read from
/// a JSON file (`matn clean --style FILE`; `matn clean --print-style` prints the
/// defaults to start from):
///
/// ```json
/// {
///   "ezafe": "hamza",
///   "digits": "persian",
///   "compounds": ["به عنوان", "خوش‌آمد"],
///   "protectedWords": ["علي‌بابا", "توانبخشی"]
/// }
/// ```
///
/// A field left out keeps the profile's choice; an unknown field, a wrong value, a
/// compound that is not two or more Arabic-script words or a protected "word" that is
/// not one is an error, never ignored. A protected word is never changed, so listing a
/// glued compound there keeps it glued.
public struct HouseStyle: Sendable, Hashable, Codable {
  /// What happens to Arabic-Indic digits (٠–٩) in Persian text. ASCII digits and the
  /// numbers written with them always stay as they are (PERSIAN.md rule 7).
  public enum Digits: String, Sendable, Hashable, Codable, CaseIterable {
    /// Arabic-Indic digits → Persian digits (۰–۹).
    case persian
    /// As typed.
    case asTyped = "as-typed"
  }

  /// The ezafe after silent ه; nil keeps the profile's.
  public var ezafe: EzafeStyle?
  /// Arabic-Indic digits; nil keeps the profile's.
  public var digits: Digits?
  /// Compounds written with a half-space between their parts, on top of the shipped
  /// list (see ``TextNormalizer/Options/compounds``).
  public var compounds: [String]?
  /// Words no Persian rule touches (see ``TextNormalizer/Options/protectedWords``).
  public var protectedWords: [String]?

  public init(
    ezafe: EzafeStyle? = nil, digits: Digits? = nil, compounds: [String]? = nil, protectedWords: [String]? = nil
  ) {
    self.ezafe = ezafe
    self.digits = digits
    self.compounds = compounds
    self.protectedWords = protectedWords
  }

  /// Every choice of `profile` written out: what `--print-style` prints.
  public init(profile: TextNormalizer.Profile) {
    let options = TextNormalizer.Options(profile: profile)
    self.init(
      ezafe: options.ezafeStyle, digits: options.persianDigits ? .persian : .asTyped, compounds: options.compounds,
      protectedWords: options.protectedWords.sorted())
  }

  /// Applies the choices this style makes to `options`.
  public func apply(to options: inout TextNormalizer.Options) {
    if let ezafe { options.ezafeStyle = ezafe }
    if let digits { options.persianDigits = digits == .persian }
    if let compounds { options.compounds = compounds }
    if let protectedWords { options.protectedWords = Set(protectedWords) }
  }

  /// Why this style cannot be used, if it cannot: a protected word that is not one
  /// Arabic-script word (letters, marks, ZWNJ), a compound that is not two or more of
  /// them separated by single spaces or ZWNJ.
  public func problems() -> [String] {
    var problems: [String] = []
    for word in protectedWords ?? [] where !Self.isWord(word) {
      problems.append("protectedWords: «\(word)» is not one Arabic-script word (letters, marks and ZWNJ only)")
    }
    for compound in compounds ?? [] {
      // Split on scalars: ZWNJ is a grapheme extender, never a Character of its own.
      let parts = compound.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == " " || $0 == "\u{200C}" }
      if parts.count < 2 || !parts.allSatisfy({ Self.isWord(String(String.UnicodeScalarView($0))) }) {
        problems.append(
          "compounds: «\(compound)» is not two or more Arabic-script words separated by a space or a ZWNJ")
      }
    }
    return problems
  }

  private static func isWord(_ word: String) -> Bool {
    let classes = ScalarClasses.shared
    let scalars = word.unicodeScalars.map(\.value)
    return !scalars.isEmpty
      && scalars.allSatisfy {
        $0 == 0x200C || classes($0).contains(.arabicScript) && !classes($0).isDisjoint(with: [.letter, .mark])
      }
  }

  private enum CodingKeys: String, CodingKey, CaseIterable {
    case ezafe, digits, compounds, protectedWords
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: any Decoder) throws {
    let all = try decoder.container(keyedBy: AnyKey.self)
    let known = Set(CodingKeys.allCases.map(\.rawValue))
    if let unknown = all.allKeys.first(where: { !known.contains($0.stringValue) }) {
      throw Swift.DecodingError.dataCorrupted(
        .init(
          codingPath: [unknown],
          debugDescription: "unknown field '\(unknown.stringValue)' (known: \(known.sorted().joined(separator: ", ")))"))
    }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    ezafe = try container.decodeIfPresent(EzafeStyle.self, forKey: .ezafe)
    digits = try container.decodeIfPresent(Digits.self, forKey: .digits)
    compounds = try container.decodeIfPresent([String].self, forKey: .compounds)
    protectedWords = try container.decodeIfPresent([String].self, forKey: .protectedWords)
  }
}
