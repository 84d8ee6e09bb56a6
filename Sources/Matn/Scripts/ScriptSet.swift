import MatnICU

/// A set of scripts as a 256-bit mask (ICU 72 has 200 script values): the candidate
/// scripts of a run, intersected in four machine words.
struct ScriptSet: Hashable, Sendable {
  private var words: (UInt64, UInt64, UInt64, UInt64)

  private init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

  /// No script.
  static let empty = ScriptSet(words: (0, 0, 0, 0))
  /// Every script: the candidates of a run that has met no script-specific character.
  static let all = ScriptSet(words: (~0, ~0, ~0, ~0))

  init<S: Sequence<Script>>(_ scripts: S) {
    self = .empty
    for script in scripts { insert(script) }
  }

  static func == (a: ScriptSet, b: ScriptSet) -> Bool {
    a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(words.0)
    hasher.combine(words.1)
    hasher.combine(words.2)
    hasher.combine(words.3)
  }

  var isEmpty: Bool { words.0 | words.1 | words.2 | words.3 == 0 }
  var isAll: Bool { self == .all }

  @inline(__always)
  func contains(_ script: Script) -> Bool {
    let v = Int(script.rawValue)
    guard v >= 0 && v < 256 else { return false }
    let bit = UInt64(1) << UInt64(v & 63)
    switch v >> 6 {
    case 0: return words.0 & bit != 0
    case 1: return words.1 & bit != 0
    case 2: return words.2 & bit != 0
    default: return words.3 & bit != 0
    }
  }

  mutating func insert(_ script: Script) {
    let v = Int(script.rawValue)
    precondition(v >= 0 && v < 256, "script value \(v) outside the 256-bit set")
    let bit = UInt64(1) << UInt64(v & 63)
    switch v >> 6 {
    case 0: words.0 |= bit
    case 1: words.1 |= bit
    case 2: words.2 |= bit
    default: words.3 |= bit
    }
  }

  @inline(__always)
  func intersection(_ other: ScriptSet) -> ScriptSet {
    ScriptSet(words: (words.0 & other.words.0, words.1 & other.words.1, words.2 & other.words.2, words.3 & other.words.3))
  }

  /// The member with the lowest script value, if any.
  var first: Script? {
    for (i, word) in [words.0, words.1, words.2, words.3].enumerated() where word != 0 {
      return Script(rawValue: Int32(i * 64 + word.trailingZeroBitCount))
    }
    return nil
  }
}
