// TEMPORARY (not to be committed): the APIs two helpers are building.
public struct ExtractedName: Codable, Sendable, Hashable {
  public var text: String
  public var script: String
  public var display: String
  public var key: String
  public var phonetic: String
  public var mentions: Int
}
public struct NameExtractor: Sendable {
  public init() {}
  public func names(in text: String) -> [ExtractedName] { [] }
}
