import MatnICU
import Synchronization

/// Text whose words mix scripts the way a spoof does: letters of scripts that UTS #39
/// never lets one identifier combine (Latin with Cyrillic or Greek, Cyrillic with
/// Greek…), where the word looks like a word of one script. `Аli Аkbаr Vеlаyаti` with
/// Cyrillic А, а and е looks like the Latin "Ali Akbar Velayati".
///
/// ```swift
/// let mark = MixedScriptConfusable(in: "Аli Аkbаr Vеlаyаti")!
/// mark.scripts     // ["Cyrl", "Latn"]
/// mark.looksLike   // "Ali Akbar Velayati"
/// MixedScriptConfusable(in: "Владимир Путин")   // nil: one script
/// MixedScriptConfusable(in: "iPhoneها")         // nil: Latin with Arabic is allowed
/// ```
///
/// ICU decides (``SpoofChecker``): a word is a candidate when its restriction level is
/// minimally restrictive or looser (UTS #39 §5.2); its look-alike replaces each letter
/// outside the word's main script (the script of most of its letters) by a letter of
/// that script with the same confusable skeleton (of the same case where one exists);
/// the word is marked only when every such letter has a look-alike and ICU finds the
/// word and the look-alike mixed-script confusable. A word is a run of letters and
/// combining marks.
///
/// - Complexity: O(*n*) in the length of the text; ICU is asked only about words
///   holding letters of two scripts. The first look-alike of a script builds a table of
///   its letters' skeletons (about a millisecond).
/// - Thread safety: `Sendable`; the shared checker and tables may be used from any thread.
public struct MixedScriptConfusable: Sendable, Hashable, Codable {
  /// ISO 15924 codes of the scripts mixed in the confusable words, sorted: `["Cyrl", "Latn"]`.
  public var scripts: [String]
  /// ISO 15924 code of the script the text imitates: `Latn`.
  public var script: String
  /// The text with each confusable word written in ``script`` alone: what a reader sees.
  public var looksLike: String
  /// The UTS #39 skeleton of the text: equal for all confusable spellings, a key for
  /// comparison rather than text to show ("m" becomes "rn").
  public var skeleton: String

  public init(scripts: [String], script: String, looksLike: String, skeleton: String) {
    self.scripts = scripts
    self.script = script
    self.looksLike = looksLike
    self.skeleton = skeleton
  }

  /// The mark of `text`, or nil when none of its words is a mixed-script confusable.
  public init?(in text: String) {
    var looksLike = ""
    var scripts = Set<String>()
    var target: Script?
    var found = false
    var rest = text[...]
    while let start = rest.unicodeScalars.firstIndex(where: Self.isWordScalar) {
      let end = rest.unicodeScalars[start...].firstIndex(where: { !Self.isWordScalar($0) }) ?? rest.endIndex
      looksLike += rest[rest.startIndex..<start]
      let word = rest[start..<end]
      if let analysis = Self.analyse(word) {
        found = true
        looksLike += analysis.looksLike
        scripts.formUnion(analysis.scripts.map(\.code))
        if target == nil { target = analysis.script }
      } else {
        looksLike += word
      }
      rest = rest[end...]
    }
    guard found, let target else { return nil }
    looksLike += rest
    self.init(
      scripts: scripts.sorted(), script: target.code, looksLike: looksLike,
      skeleton: SpoofChecker.shared.skeleton(String(text)))
  }

  /// The mark of one word (a run of ``isWordScalar`` scalars, or a word with hyphens
  /// and apostrophes), or nil when it is not a mixed-script confusable.
  static func word(_ word: Substring) -> MixedScriptConfusable? {
    guard let analysis = analyse(word) else { return nil }
    return MixedScriptConfusable(
      scripts: analysis.scripts.map(\.code).sorted(), script: analysis.script.code, looksLike: analysis.looksLike,
      skeleton: SpoofChecker.shared.skeleton(String(word)))
  }

  /// Letters and combining marks make words; everything else separates them.
  @inline(__always)
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) }
    let properties = scalar.properties
    if properties.isAlphabetic { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// A confusable word's look-alike in its main script, the scripts it mixes, and that script.
  static func analyse(_ word: Substring) -> (looksLike: String, scripts: [Script], script: Script)? {
    // Cheap exits first: ASCII, and words of one script.
    guard word.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
    var first: Script?
    let mixed = word.unicodeScalars.contains { scalar in
      let script = scalar.isASCII ? Script.latin : Script(of: scalar)
      guard !script.isContextual else { return false }
      if first == nil { first = script }
      return script != first
    }
    guard mixed else { return nil }
    var counts: [(script: Script, count: Int)] = []  // in order of first letter
    for scalar in word.unicodeScalars {
      let script = scalar.isASCII ? Script.latin : Script(of: scalar)
      guard !script.isContextual else { continue }
      if let k = counts.firstIndex(where: { $0.script == script }) {
        counts[k].count += 1
      } else {
        counts.append((script, 1))
      }
    }
    guard counts.count >= 2 else { return nil }
    let text = String(word)
    let spoof = SpoofChecker.shared
    guard let level = spoof.check(text).restrictionLevel, level >= .minimallyRestrictive else { return nil }
    // The main script: most letters; on a tie, the first written.
    let most = counts.map(\.count).max() ?? 0
    guard let main = counts.first(where: { $0.count == most })?.script else { return nil }
    let table = LookAlikes.table(for: main)
    var looksLike = String.UnicodeScalarView()
    for scalar in word.unicodeScalars {
      let script = scalar.isASCII ? Script.latin : Script(of: scalar)
      if script == main || script.isContextual {
        looksLike.append(scalar)
        continue
      }
      guard let letter = table.letter(like: scalar, skeleton: spoof.skeleton(String(scalar))) else { return nil }
      looksLike.append(letter)
    }
    let result = String(looksLike)
    guard spoof.confusability(text, result).contains(.mixedScriptConfusable) else { return nil }
    return (result, counts.map(\.script), main)
  }
}

/// The letters of one script by confusable skeleton, built from ICU's data on first use.
struct LookAlikes: Sendable {
  var letters: [String: [Unicode.Scalar]] = [:]

  private static let tables = Mutex<[Int32: LookAlikes]>([:])

  /// The table of `script`: its letters in U+0000–U+2FFF (the alphabets, their
  /// extensions and the letterlike symbols) by skeleton.
  static func table(for script: Script) -> LookAlikes {
    if let table = tables.withLock({ $0[script.rawValue] }) { return table }
    var table = LookAlikes()
    let spoof = SpoofChecker.shared
    for value in UInt32(0x41)...0x2FFF {
      guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic, Script(of: scalar) == script else {
        continue
      }
      table.letters[spoof.skeleton(String(scalar)), default: []].append(scalar)
    }
    tables.withLock { $0[script.rawValue] = table }
    return table
  }

  /// The letter with `skeleton` (that of `scalar`), of the same case as `scalar` where
  /// one is, else the first in code point order.
  func letter(like scalar: Unicode.Scalar, skeleton: String) -> Unicode.Scalar? {
    guard let candidates = letters[skeleton] else { return nil }
    let upper = scalar.properties.isUppercase
    return candidates.first { $0.properties.isUppercase == upper } ?? candidates.first
  }
}
