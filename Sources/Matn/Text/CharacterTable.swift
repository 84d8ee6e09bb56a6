import MatnICU

/// The facts about characters that every stage reads, in one table of three columns:
/// for each BMP scalar its script (``scripts``), its ``ScalarClass`` (``classes``) and
/// its lowercase letter (``lowercase``). Each column is built on first use, once per
/// process, asking ICU and the standard library's Unicode data each question once (the
/// class column reads the script column instead of asking again), and never freed
/// (plain pointers: no retain, no bounds check per lookup). A command that needs one
/// column does not pay for the others (`matn detect` never builds the classes).
/// Supplementary scalars (emoji, historic scripts, rare Han) are asked on the fly.
///
/// Tables for one consumer (``StageScan`` bits, the script itemizer's classes, the date
/// tokenizer's roles) are derived from these columns, never asked of ICU again. Hot
/// loops keep a column in a local (`let scripts = CharacterTable.scripts`).
enum CharacterTable {
  /// What ``LowercaseColumn/subscript(_:)`` returns for a scalar whose lowercase
  /// mapping is several scalars (İ → i̇), and for every supplementary scalar: ask
  /// `properties.lowercaseMapping`.
  static let expands = UInt32.max

  static var scripts: ScriptColumn { ScriptColumn.shared }
  static var classes: ScalarClasses { ScalarClasses.shared }
  static var lowercase: LowercaseColumn { LowercaseColumn.shared }
}

/// The Script property of every BMP scalar.
struct ScriptColumn: @unchecked Sendable {
  private let table: UnsafePointer<Int16>

  fileprivate static let shared: ScriptColumn = {
    let table = UnsafeMutablePointer<Int16>.allocate(capacity: 0x10000)
    for v in 0..<0x10000 {
      let script = Unicode.Scalar(UInt32(v)).map { Script(of: $0) } ?? .unknown  // surrogates
      table[v] = Int16(truncatingIfNeeded: script.rawValue)
    }
    return ScriptColumn(table: UnsafePointer(table))
  }()

  @inline(__always)
  subscript(_ v: UInt32) -> Script {
    if v < 0x10000 { return Script(rawValue: Int32(table[Int(v)])) }
    return Unicode.Scalar(v).map { Script(of: $0) } ?? .common
  }
}

/// The ``ScalarClass`` of every BMP scalar; stages keep one in a stored property.
struct ScalarClasses: @unchecked Sendable {
  /// 64 Ki entries.
  private let bmp: UnsafePointer<UInt16>

  static let shared: ScalarClasses = {
    let scripts = CharacterTable.scripts
    let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x10000)
    for v in 0..<0x10000 {
      table[v] = Unicode.Scalar(UInt32(v)).map { ScalarClass.compute($0, script: scripts[UInt32(v)]).rawValue } ?? 0
    }
    return ScalarClasses(bmp: UnsafePointer(table))
  }()

  @inline(__always)
  func callAsFunction(_ value: UInt32) -> ScalarClass {
    value < 0x10000 ? ScalarClass(rawValue: bmp[Int(value)]) : ScalarClass.compute(value)
  }
}

/// The lowercase letter of every BMP scalar: its lowercase mapping when that is one
/// alphabetic scalar (the scalar itself for an alphabetic scalar without case), 0 when
/// it is one scalar that is not alphabetic, ``CharacterTable/expands`` when it is
/// several scalars or the scalar is supplementary.
struct LowercaseColumn: @unchecked Sendable {
  private let table: UnsafePointer<UInt32>

  fileprivate static let shared: LowercaseColumn = {
    let table = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
    for v in 0..<0x10000 {
      switch v {
      // Han ideographs and Hangul syllables are letters without case; surrogates and
      // private use are not letters: no need to ask.
      case 0x4E00...0x9FFF, 0xAC00...0xD7A3: table[v] = UInt32(v)
      case 0xD800...0xF8FF: table[v] = 0
      default: table[v] = letter(of: Unicode.Scalar(UInt32(v))!)
      }
    }
    return LowercaseColumn(table: UnsafePointer(table))
  }()

  private static func letter(of scalar: Unicode.Scalar) -> UInt32 {
    let properties = scalar.properties
    guard properties.changesWhenLowercased else { return properties.isAlphabetic ? scalar.value : 0 }
    let lower = properties.lowercaseMapping.unicodeScalars
    guard lower.count == 1, let m = lower.first else { return CharacterTable.expands }
    return m.properties.isAlphabetic ? m.value : 0
  }

  @inline(__always)
  subscript(_ v: UInt32) -> UInt32 { v < 0x10000 ? table[Int(v)] : CharacterTable.expands }
}
