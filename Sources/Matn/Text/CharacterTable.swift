import MatnICU

/// The facts about characters that every stage reads, in one table: for each BMP scalar
/// its ``ScalarClass``, its script, and its lowercase letter. Built once per process,
/// in one pass that asks ICU and the standard library's Unicode data each question
/// once, and never freed (plain pointers: no retain, no bounds check per lookup).
/// Supplementary scalars (emoji, historic scripts, rare Han) are asked on the fly.
///
/// Tables for one consumer (``StageScan`` bits, the script itemizer's classes, the date
/// tokenizer's roles) are derived from these facts, never asked of ICU again.
struct CharacterTable: @unchecked Sendable {
  /// What ``lowercaseLetter(_:)`` returns for a scalar whose lowercase mapping is
  /// several scalars (İ → i̇), and for every supplementary scalar: ask
  /// `properties.lowercaseMapping`.
  static let expands = UInt32.max

  let classes: ScalarClasses
  private let scripts: UnsafePointer<Int16>
  private let lowercase: UnsafePointer<UInt32>

  static let shared: CharacterTable = {
    let classes = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x10000)
    let scripts = UnsafeMutablePointer<Int16>.allocate(capacity: 0x10000)
    let lowercase = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
    for v in 0..<0x10000 {
      guard let scalar = Unicode.Scalar(UInt32(v)) else {  // surrogates
        classes[v] = 0
        scripts[v] = Int16(truncatingIfNeeded: Script.unknown.rawValue)
        lowercase[v] = 0
        continue
      }
      let script = Script(of: scalar)
      scripts[v] = Int16(truncatingIfNeeded: script.rawValue)
      classes[v] = ScalarClass.compute(scalar, script: script).rawValue
      lowercase[v] = lowercaseLetter(of: scalar)
    }
    return CharacterTable(
      classes: ScalarClasses(bmp: UnsafePointer(classes)), scripts: UnsafePointer(scripts),
      lowercase: UnsafePointer(lowercase))
  }()

  /// The Script property of `v`.
  @inline(__always)
  func script(_ v: UInt32) -> Script {
    if v < 0x10000 { return Script(rawValue: Int32(scripts[Int(v)])) }
    return Unicode.Scalar(v).map { Script(of: $0) } ?? .common
  }

  /// The lowercase mapping of `v` when that is one alphabetic scalar (`v` itself for an
  /// alphabetic scalar without case), 0 when it is one scalar that is not alphabetic,
  /// ``expands`` when it is several scalars or `v` is supplementary.
  @inline(__always)
  func lowercaseLetter(_ v: UInt32) -> UInt32 { v < 0x10000 ? lowercase[Int(v)] : Self.expands }

  private static func lowercaseLetter(of scalar: Unicode.Scalar) -> UInt32 {
    let properties = scalar.properties
    guard properties.changesWhenLowercased else { return properties.isAlphabetic ? scalar.value : 0 }
    let lower = properties.lowercaseMapping.unicodeScalars
    guard lower.count == 1, let m = lower.first else { return expands }
    return m.properties.isAlphabetic ? m.value : 0
  }
}

/// The ``ScalarClass`` column of ``CharacterTable``; stages keep one in a stored property.
struct ScalarClasses: @unchecked Sendable {
  /// 64 Ki entries.
  fileprivate let bmp: UnsafePointer<UInt16>

  static var shared: ScalarClasses { CharacterTable.shared.classes }

  @inline(__always)
  func callAsFunction(_ value: UInt32) -> ScalarClass {
    value < 0x10000 ? ScalarClass(rawValue: bmp[Int(value)]) : ScalarClass.compute(value)
  }
}
