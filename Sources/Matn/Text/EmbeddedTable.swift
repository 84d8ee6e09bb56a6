import CMatnResources

/// Tables of facts per BMP scalar, read in place from `Resources/Tables` (linked into the
/// binary by CMatnResources) instead of being computed from Unicode properties at start-up.
///
/// Each table has a source: a `computed()` function beside the type that reads it, which
/// asks ICU and the standard library (or the stages' rules) about every scalar.
/// `scripts/build-tables` writes the computed values into `Resources/Tables`, and
/// `EmbeddedTableTests` fails when an embedded table differs from its source (a rule or
/// the Unicode version changed and the table was not rebuilt).
///
/// Format: the values, little-endian, one per BMP scalar value in order (plus any extra
/// entries the type documents), nothing else; the resource is 16-byte aligned.
enum EmbeddedTable {
  /// The values of the embedded resource `name` when it holds exactly `count` values of
  /// `T`, else nil (then the caller computes the table).
  ///
  /// - Complexity: O(1); the pages are touched only where the table is read.
  static func load<T: FixedWidthInteger>(_ name: String, count: Int, of type: T.Type) -> UnsafePointer<T>? {
    #if _endian(big)
      return nil
    #else
      var length: Int64 = 0
      guard let bytes = matn_resource(name, &length), length == Int64(count * MemoryLayout<T>.stride) else {
        return nil
      }
      return UnsafeRawPointer(bytes).assumingMemoryBound(to: T.self)
    #endif
  }

  /// The length in bytes of an embedded resource, 0 when there is none.
  static func length(_ name: String) -> Int {
    var length: Int64 = 0
    return matn_resource(name, &length) == nil ? 0 : Int(length)
  }

  /// The bytes of an embedded resource, empty when there is none (for the tests that
  /// compare a table with its source).
  static func resourceBytes(_ name: String) -> [UInt8] {
    var length: Int64 = 0
    guard let bytes = matn_resource(name, &length), length > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: bytes, count: Int(length)))
  }

  /// `values` in the table format: little-endian, in order.
  static func bytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(values.count * MemoryLayout<T>.size)
    for value in values {
      let little = value.littleEndian
      withUnsafeBytes(of: little) { out.append(contentsOf: $0) }
    }
    return out
  }
}
