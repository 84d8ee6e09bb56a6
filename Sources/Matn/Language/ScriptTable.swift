import MatnICU

/// The script of every BMP scalar, looked up once from ICU (supplementary scalars are
/// asked directly).
struct ScriptTable: @unchecked Sendable {
  private let table: UnsafePointer<Int16>

  static let shared: ScriptTable = {
    let table = UnsafeMutablePointer<Int16>.allocate(capacity: 0x10000)
    for v in 0..<0x10000 {
      table[v] = Unicode.Scalar(UInt32(v)).map { Int16(truncatingIfNeeded: Script(of: $0).rawValue) } ?? 0
    }
    return ScriptTable(table: UnsafePointer(table))
  }()

  subscript(_ v: UInt32) -> Script {
    if v < 0x10000 { return Script(rawValue: Int32(table[Int(v)])) }
    return Unicode.Scalar(v).map { Script(of: $0) } ?? .common
  }
}
