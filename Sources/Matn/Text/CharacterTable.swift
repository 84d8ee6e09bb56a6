import MatnICU

/// The facts about characters that every stage reads, in one table of three columns:
/// for each BMP scalar its script (``scripts``), its ``ScalarClass`` (``classes``) and
/// its lowercase letter (``lowercase``). Each column is an ``EmbeddedTable`` read in
/// place from `Resources/Tables` (plain pointers: no retain, no bounds check per
/// lookup); its `computed()` function is the source `scripts/build-tables` writes it
/// from, asking ICU and the standard library's Unicode data each question once (the
/// class column reads the script column instead of asking again). A command that
/// needs one column touches only its pages. Supplementary scalars (emoji, historic
/// scripts, rare Han) are asked on the fly.
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

  /// The embedded column's resource.
  static let resourceName = "Tables/scripts.bin"

  fileprivate static let shared = ScriptColumn(
    table: EmbeddedTable.load(resourceName, count: 0x10000, of: Int16.self) ?? owned(computed()))

  /// The column's source: ICU's Script of each BMP scalar value (Unknown for surrogates).
  static func computed() -> [Int16] {
    (0..<0x10000).map { v in
      let script = Unicode.Scalar(UInt32(v)).map { Script(of: $0) } ?? .unknown  // surrogates
      return Int16(truncatingIfNeeded: script.rawValue)
    }
  }

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

  /// The embedded column's resource.
  static let resourceName = "Tables/classes.bin"

  static let shared = ScalarClasses(
    bmp: EmbeddedTable.load(resourceName, count: 0x10000, of: UInt16.self) ?? owned(computed()))

  /// The column's source: ``ScalarClass/compute(_:script:)`` of each BMP scalar value
  /// (no class for surrogates).
  static func computed() -> [UInt16] {
    let scripts = CharacterTable.scripts
    return (0..<0x10000).map { v in
      Unicode.Scalar(UInt32(v)).map { ScalarClass.compute($0, script: scripts[UInt32(v)]).rawValue } ?? 0
    }
  }

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

  /// The embedded column's resource.
  static let resourceName = "Tables/lowercase.bin"

  fileprivate static let shared = LowercaseColumn(
    table: EmbeddedTable.load(resourceName, count: 0x10000, of: UInt32.self) ?? owned(computed()))

  /// The column's source: the standard library's lowercase mapping of each BMP scalar.
  static func computed() -> [UInt32] {
    (0..<0x10000).map { v in
      switch v {
      // Han ideographs and Hangul syllables are letters without case; surrogates and
      // private use are not letters: no need to ask.
      case 0x4E00...0x9FFF, 0xAC00...0xD7A3: UInt32(v)
      case 0xD800...0xF8FF: 0
      default: letter(of: Unicode.Scalar(UInt32(v))!)
      }
    }
  }

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

/// A computed table copied into memory that is never freed, for a process whose binary
/// lacks the embedded one.
func owned<T>(_ values: [T]) -> UnsafePointer<T> {
  let table = UnsafeMutablePointer<T>.allocate(capacity: values.count)
  table.initialize(from: values, count: values.count)
  return UnsafePointer(table)
}
