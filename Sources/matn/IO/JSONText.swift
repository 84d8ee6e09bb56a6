/// Minimal JSON writing for the CLI's JSON Lines output (the CLI stays Foundation-free).
enum JSONText {
  /// `s` as a JSON string literal: quotes, backslashes and control characters escaped,
  /// everything else (Persian letters included) written as UTF-8.
  static func string(_ s: String) -> String {
    var out = "\""
    for v in s.unicodeScalars {
      switch v {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if v.value < 0x20 {
          let hex = String(v.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(v)
        }
      }
    }
    return out + "\""
  }

  /// An object from keys and already-encoded values, in the given order.
  static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }
}
