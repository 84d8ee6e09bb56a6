import CICUShim

/// A calendar system whose dates ``CalendarConversion`` converts.
public enum CalendarIdentifier: String, Sendable, Hashable, CaseIterable {
  /// The proleptic Gregorian calendar of ISO 8601 (Gregorian rules before 1582 too).
  case gregorian
  /// The Solar Hijri (Jalali) calendar of Iran and Afghanistan, ICU's `persian`:
  /// 1 Farvardin is Nowruz; leap years by ICU's 33-year arithmetic rule.
  case persian
  /// The lunar Hijri calendar by the Umm al-Qura tables (ICU's `islamic-umalqura`,
  /// tabled for 1300–1600 AH, tabular outside): the months as announced in Saudi Arabia,
  /// which follow the real new moon. ICU 72's table agrees with the published Umm
  /// al-Qura tables (as in the `hijridate` package) for every month of 1420–1449 AH
  /// (1999–2028); before 1420 and from 1450 many month starts differ by 1–2 days.
  case islamicUmmAlQura = "islamic-umalqura"
  /// The tabular lunar Hijri calendar (ICU's `islamic-civil`: 30-year cycle, Friday
  /// epoch), which drifts a day or two from the months as announced.
  case islamicCivil = "islamic-civil"

  var shimKind: Int32 {
    switch self {
    case .gregorian: Int32(CICU_CALENDAR_GREGORIAN)
    case .persian: Int32(CICU_CALENDAR_PERSIAN)
    case .islamicUmmAlQura: Int32(CICU_CALENDAR_ISLAMIC_UMALQURA)
    case .islamicCivil: Int32(CICU_CALENDAR_ISLAMIC_CIVIL)
    }
  }
}

/// A calendar date: year, month (1–12) and day of month, in some calendar.
public struct CalendarDate: Hashable, Sendable, CustomStringConvertible {
  /// The year of the calendar's current era (AD, AP or AH).
  public var year: Int
  /// The month, 1-based (1 is January, Farvardin or Muharram).
  public var month: Int
  /// The day of the month, 1-based.
  public var day: Int

  /// A date from its fields; whether it exists in a calendar is checked on conversion.
  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// `yyyy-mm-dd`, such as `"1394-11-12"` (years below 1000 padded to four digits).
  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let digits = String(n.magnitude)
      return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}

/// The day of the week, numbered as ICU numbers it (1 is Sunday, 7 is Saturday).
public enum Weekday: Int, Sendable, Hashable, CaseIterable {
  case sunday = 1
  case monday, tuesday, wednesday, thursday, friday, saturday
}

/// Converts dates between the Gregorian, Persian (Jalali) and lunar Hijri calendars,
/// checking them strictly: a day the month does not have (30 Esfand in a common year,
/// 31 Mehr, February 30) is an error, never rolled over into the next month.
///
/// ```swift
/// let date = try CalendarConversion.convert(
///   CalendarDate(year: 1394, month: 11, day: 12), from: .persian, to: .gregorian)
/// date.description   // "2016-02-01"
/// ```
///
/// The corresponding C functions are `ucal_open` (with `@calendar=persian` and so on),
/// `ucal_setAttribute(UCAL_LENIENT, false)`, `ucal_set`, `ucal_getMillis`,
/// `ucal_setMillis` and `ucal_get`.
///
/// - Thread safety: thread-safe; each thread keeps its own open ICU calendars.
public enum CalendarConversion {
  /// `date`, written in calendar `from`, as a date of calendar `to`.
  ///
  /// - Throws: ``ICUError/illegalArgument`` when `date` does not exist in `from` (a
  ///   year below 1, a month outside 1–12, a day the month does not have).
  public static func convert(_ date: CalendarDate, from: CalendarIdentifier, to: CalendarIdentifier)
    throws(ICUError) -> CalendarDate
  {
    let fields = try convertFields(date, from: from, to: to)
    return CalendarDate(year: fields.year, month: fields.month, day: fields.day)
  }

  /// The day of the week of `date`, written in `calendar`.
  ///
  /// - Throws: ``ICUError/illegalArgument`` when `date` does not exist in `calendar`.
  public static func weekday(of date: CalendarDate, in calendar: CalendarIdentifier) throws(ICUError) -> Weekday {
    let fields = try convertFields(date, from: calendar, to: .gregorian)
    guard let weekday = Weekday(rawValue: fields.weekday) else { throw .internalProgramError }
    return weekday
  }

  /// Whether `date` exists in `calendar`.
  public static func isValid(_ date: CalendarDate, in calendar: CalendarIdentifier) -> Bool {
    (try? convertFields(date, from: calendar, to: calendar)) != nil
  }

  private static func convertFields(_ date: CalendarDate, from: CalendarIdentifier, to: CalendarIdentifier)
    throws(ICUError) -> (year: Int, month: Int, day: Int, weekday: Int)
  {
    guard let year = Int32(exactly: date.year), let month = Int32(exactly: date.month),
      let day = Int32(exactly: date.day)
    else { throw .illegalArgument }
    var status: Int32 = 0
    var out: (year: Int32, month: Int32, day: Int32, weekday: Int32) = (0, 0, 0, 0)
    cicu_calendar_convert(
      from.shimKind, year, month, day, to.shimKind, &out.year, &out.month, &out.day, &out.weekday, &status)
    try ICU.check(status)
    return (Int(out.year), Int(out.month), Int(out.day), Int(out.weekday))
  }
}
