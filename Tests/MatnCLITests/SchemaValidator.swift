import Foundation

/// A JSON Schema (draft 2020-12) validator for the keywords Matn's schema uses: `$ref`
/// to `#/$defs/…`, `anyOf`, `oneOf`, `type`, `enum`, `required`, `properties`,
/// `additionalProperties`, `items`, `minimum`, `maximum`, `pattern`. A keyword it does
/// not know fails validation, so the schema cannot outgrow the checker unnoticed.
struct SchemaValidator {
  let root: [String: Any]

  init(json: String) throws {
    root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
  }

  /// The problems of `value` against the schema, as "path: problem"; empty when valid.
  func problems(_ value: Any) -> [String] {
    var found: [String] = []
    check(value, against: root, at: "$", into: &found)
    return found
  }

  /// The problems of one JSON document.
  func problems(json: String) -> [String] {
    guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else {
      return ["not JSON: \(json.prefix(80))"]
    }
    return problems(value)
  }

  private static let known: Set<String> = [
    "$schema", "$ref", "$defs", "title", "description", "anyOf", "oneOf", "type", "enum", "required", "properties",
    "additionalProperties", "items", "minimum", "maximum", "pattern", "contentEncoding",
  ]

  private func check(_ value: Any, against schema: [String: Any], at path: String, into found: inout [String]) {
    for key in schema.keys where !Self.known.contains(key) { found.append("\(path): the checker does not know \(key)") }
    if let ref = schema["$ref"] as? String {
      guard ref.hasPrefix("#/$defs/"), let defs = root["$defs"] as? [String: Any],
        let target = defs[String(ref.dropFirst("#/$defs/".count))] as? [String: Any]
      else {
        found.append("\(path): unresolved \(ref)")
        return
      }
      check(value, against: target, at: path, into: &found)
    }
    if let options = schema["anyOf"] as? [[String: Any]] {
      let matching = options.filter { option in
        var inner: [String] = []
        check(value, against: option, at: path, into: &inner)
        return inner.isEmpty
      }
      if matching.isEmpty { found.append("\(path): matches none of anyOf") }
    }
    if let options = schema["oneOf"] as? [[String: Any]] {
      let count = options.filter { option in
        var inner: [String] = []
        check(value, against: option, at: path, into: &inner)
        return inner.isEmpty
      }.count
      if count != 1 { found.append("\(path): matches \(count) of oneOf") }
    }
    if let type = schema["type"] {
      let types = (type as? [String]) ?? [type as! String]
      if !types.contains(where: { Self.has(value, type: $0) }) { found.append("\(path): not \(types.joined(separator: "|"))") }
    }
    if let allowed = schema["enum"] as? [Any] {
      if !allowed.contains(where: { ($0 as? NSObject)?.isEqual(value) == true }) { found.append("\(path): \(value) not in enum") }
    }
    if let object = value as? [String: Any] {
      for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
        found.append("\(path): missing \(key)")
      }
      let properties = schema["properties"] as? [String: Any] ?? [:]
      for (key, member) in object {
        if let described = properties[key] as? [String: Any] {
          check(member, against: described, at: "\(path).\(key)", into: &found)
        } else if let extra = schema["additionalProperties"] {
          if let allowed = extra as? Bool {
            if !allowed { found.append("\(path): unexpected \(key)") }
          } else if let described = extra as? [String: Any] {
            check(member, against: described, at: "\(path).\(key)", into: &found)
          }
        }
      }
    }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
      for (index, item) in array.enumerated() { check(item, against: items, at: "\(path)[\(index)]", into: &found) }
    }
    if let number = value as? NSNumber, !(value is String) {
      if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { found.append("\(path): below \(minimum)") }
      if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { found.append("\(path): above \(maximum)") }
    }
    if let string = value as? String, let pattern = schema["pattern"] as? String {
      if string.range(of: pattern, options: .regularExpression) == nil { found.append("\(path): '\(string)' !~ \(pattern)") }
    }
  }

  private static func has(_ value: Any, type: String) -> Bool {
    switch type {
    case "object": return value is [String: Any]
    case "array": return value is [Any]
    case "string": return value is String
    case "null": return value is NSNull
    case "number": return !(value is String) && value is NSNumber
    case "integer":
      guard !(value is String), let number = value as? NSNumber else { return false }
      return number.doubleValue == number.doubleValue.rounded()
    case "boolean": return value is Bool
    default: return false
    }
  }
}
