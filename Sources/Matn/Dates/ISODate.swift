import MatnICU

/// A Gregorian calendar date with the time of day when one was written (no zone), the
/// value behind an ISO 8601 text such as `"2016-02-01"` or `"2016-02-01T14:30"`.
///
/// ```swift
/// let date = ISODate("2016-02-01T14:30")!
/// date.year, date.month, date.day   // 2016, 2, 1
/// date.hour, date.minute            // 14, 30
/// date.description                  // "2016-02-01T14:30"
/// date < ISODate("2016-02-02")!     // true
/// ```
///
/// `Codable` as its ISO 8601 text, so an ``Article``'s JSON keeps its shape. It holds
/// what was written and no more: no zone is assumed, and seconds appear only when
/// they were written.
public struct ISODate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, LosslessStringConvertible {
  /// The year (of the common era).
  public var year: Int
  /// The month, 1–12.
  public var month: Int
  /// The day of the month, 1–31.
  public var day: Int
  /// The hour, 0–23, when a time was written.
  public var hour: Int?
  /// The minute, when a time was written.
  public var minute: Int?
  /// The second, when one was written.
  public var second: Int?

  public init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil, second: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = hour == nil ? nil : (minute ?? 0)
    self.second = hour == nil ? nil : second
  }

  /// Reads `yyyy-mm-dd`, `yyyy-mm-ddThh:mm` or `yyyy-mm-ddThh:mm:ss`; nil for anything
  /// else (fields out of range included).
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public init?(_ text: String) {
    let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
    let day = parts[0].split(separator: "-", omittingEmptySubsequences: false)
    guard day.count == 3, day[0].utf8.count == 4, day[1].utf8.count == 2, day[2].utf8.count == 2,
      let y = Self.number(day[0]), let m = Self.number(day[1]), let d = Self.number(day[2]),
      (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    self.init(year: y, month: m, day: d)
    guard parts.count == 2 else { return }
    let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
    guard (2...3).contains(time.count), time.allSatisfy({ $0.utf8.count == 2 }),
      let h = Self.number(time[0]), let min = Self.number(time[1]), h < 24, min < 60
    else { return nil }
    hour = h
    minute = min
    if time.count == 3 {
      guard let s = Self.number(time[2]), s < 61 else { return nil }
      second = s
    }
  }

  /// The date without its time, for calendar conversion (`CalendarConversion`).
  public var calendarDate: CalendarDate { CalendarDate(year: year, month: month, day: day) }

  /// ISO 8601: `yyyy-mm-dd`, then `Thh:mm` (and `:ss`) when a time was written.
  public var description: String {
    var text = calendarDate.description
    if let hour, let minute {
      text += "T" + Self.two(hour) + ":" + Self.two(minute)
      if let second { text += ":" + Self.two(second) }
    }
    return text
  }

  /// Earlier first; a date without a time sorts before the same date with one.
  public static func < (a: ISODate, b: ISODate) -> Bool {
    (a.year, a.month, a.day, a.hour ?? -1, a.minute ?? -1, a.second ?? -1)
      < (b.year, b.month, b.day, b.hour ?? -1, b.minute ?? -1, b.second ?? -1)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let value = ISODate(text) else {
      throw Swift.DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 date")
    }
    self = value
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  private static func number(_ digits: Substring) -> Int? {
    guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return Int(digits)
  }

  private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
