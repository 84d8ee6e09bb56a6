import CSQLite

/// An SQLite error: the operation and SQLite's message.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
  public var code: Int32
  public var message: String
  public var description: String { message }
}

/// One connection to an SQLite database file (a thin layer over the C API: statements,
/// bindings, transactions). Not `Sendable`: one thread uses one connection.
final class SQLiteDatabase {
  let handle: OpaquePointer
  private var cache: [String: SQLiteStatement] = [:]

  /// Opens (or creates, when `create`) the database at `path`.
  init(path: String, readOnly: Bool = false, create: Bool = true) throws(SQLiteError) {
    var db: OpaquePointer?
    var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
    if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
    flags |= SQLITE_OPEN_NOMUTEX
    let status = sqlite3_open_v2(path, &db, flags, nil)
    guard status == SQLITE_OK, let db else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      if let db { sqlite3_close_v2(db) }
      throw SQLiteError(code: status, message: "cannot open \(path): \(message)")
    }
    handle = db
    sqlite3_busy_timeout(db, 5000)
  }

  private var closed = false

  deinit { close() }

  /// Closes the connection before its last reference goes (later calls throw).
  func close() {
    guard !closed else { return }
    closed = true
    cache.removeAll()
    sqlite3_close_v2(handle)
  }

  private static let closedError = SQLiteError(code: SQLITE_MISUSE, message: "the database connection is closed")

  /// Runs one or more statements without results.
  func execute(_ sql: String) throws(SQLiteError) {
    guard !closed else { throw Self.closedError }
    var error: UnsafeMutablePointer<CChar>?
    let status = sqlite3_exec(handle, sql, nil, nil, &error)
    if status != SQLITE_OK {
      let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
      sqlite3_free(error)
      throw SQLiteError(code: status, message: message)
    }
  }

  /// A prepared statement, kept for reuse (bindings are cleared on each `reset`).
  func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
    guard !closed else { throw Self.closedError }
    if let cached = cache[sql] {
      cached.reset()
      return cached
    }
    var stmt: OpaquePointer?
    let status = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
    guard status == SQLITE_OK, let stmt else { throw error(status) }
    let statement = SQLiteStatement(stmt, database: self)
    cache[sql] = statement
    return statement
  }

  func error(_ status: Int32) -> SQLiteError {
    SQLiteError(code: status, message: String(cString: sqlite3_errmsg(handle)))
  }

  var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
  func transaction<T>(_ body: () throws -> T) throws -> T {
    try execute("BEGIN IMMEDIATE")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }
}

/// A prepared statement: bind by position (1-based), step, read columns (0-based).
final class SQLiteStatement {
  let handle: OpaquePointer
  unowned let database: SQLiteDatabase
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  init(_ handle: OpaquePointer, database: SQLiteDatabase) {
    self.handle = handle
    self.database = database
  }

  deinit { sqlite3_finalize(handle) }

  func reset() {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
  }

  @discardableResult
  func bind(_ values: SQLiteValue...) -> SQLiteStatement {
    bind(values)
  }

  @discardableResult
  func bind(_ values: [SQLiteValue]) -> SQLiteStatement {
    for (k, value) in values.enumerated() {
      let i = Int32(k + 1)
      switch value {
      case .null: sqlite3_bind_null(handle, i)
      case .int(let v): sqlite3_bind_int64(handle, i, v)
      case .double(let v): sqlite3_bind_double(handle, i, v)
      case .text(let s):
        let bytes = Array(s.utf8)
        bytes.withUnsafeBufferPointer { buffer in
          buffer.withMemoryRebound(to: CChar.self) { chars in
            if let base = chars.baseAddress {
              _ = sqlite3_bind_text64(handle, i, base, sqlite3_uint64(chars.count), Self.transient, UInt8(SQLITE_UTF8))
            } else {
              _ = sqlite3_bind_text(handle, i, "", 0, Self.transient)
            }
          }
        }
      }
    }
    return self
  }

  /// Steps once: true when a row is ready.
  func step() throws(SQLiteError) -> Bool {
    let status = sqlite3_step(handle)
    switch status {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default: throw database.error(status)
    }
  }

  /// Steps to the end (a statement without results).
  func run() throws(SQLiteError) {
    while try step() {}
    sqlite3_reset(handle)
  }

  func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
  func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
  func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
  func text(_ column: Int32) -> String {
    guard let bytes = sqlite3_column_text(handle, column) else { return "" }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  }
  func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
}

enum SQLiteValue {
  case null
  case int(Int64)
  case double(Double)
  case text(String)
}

extension SQLiteValue {
  static func optional(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
  static func int(_ v: Int) -> SQLiteValue { .int(Int64(v)) }
}
