/// The calendar a date was written in.
public enum CalendarSystem: String, Codable, Sendable, CaseIterable {
  /// The Gregorian calendar.
  case gregorian
  /// The Solar Hijri (Jalali) calendar of Iran: «۱۲ بهمن ۱۳۹۴», 1394/11/12.
  case persian
  /// The lunar Hijri calendar: «۲۲ ربیع‌الثانی ۱۴۳۷», "22 Rabi al-Thani 1437 AH".
  /// Converted by ICU's Umm al-Qura tables, so a date written by a country that sights
  /// the moon itself (Iran) may convert one day off; before 1420 AH (1999) and from
  /// 1450 AH (2028) ICU's table itself may be 1–2 days off the published one.
  case islamic
}

/// A full date (day, month and year) found in a text.
///
/// ```swift
/// let found = DateFinder.scan("دوشنبه ۱۲ بهمن ۱۳۹۴").dates[0]
/// found.date       // "2016-02-01"
/// found.calendar   // .persian
/// found.written    // "1394-11-12"
/// ```
public struct PublishedDate: Codable, Sendable, Hashable {
  /// The ISO 8601 Gregorian calendar date, "2016-02-01", with the time only where one
  /// was written: "2016-02-01T14:30" (or "…T14:30:05"). The time is as written: no zone.
  public var date: String
  /// The calendar the date was written in.
  public var calendar: CalendarSystem
  /// The date in its own calendar, `yyyy-mm-dd` ("1394-11-12" for 12 Bahman 1394); no time.
  public var written: String
  /// The text as found in the source, weekday and time included.
  public var text: String
  /// The UTF-8 byte offsets of `text` in the string searched.
  public var utf8Range: Range<Int>

  /// Creates a date from its parts (``DateFinder`` makes them from text).
  public init(date: String, calendar: CalendarSystem, written: String, text: String, utf8Range: Range<Int>) {
    self.date = date
    self.calendar = calendar
    self.written = written
    self.text = text
    self.utf8Range = utf8Range
  }
}

/// Text that looked like a full date but was not taken as one, and why.
///
/// `reason` starts with a keyword: `two-digit year`, `ambiguous day and month`,
/// `invalid date`, `year out of range` or `weekday`, then a colon and the details:
/// "weekday: written Monday but 2016-02-02 is a Tuesday".
public struct RejectedDate: Sendable, Hashable {
  /// The text as found in the source.
  public var text: String
  /// The UTF-8 byte offsets of `text` in the string searched.
  public var utf8Range: Range<Int>
  /// Why it is not a date: a keyword, a colon, the details.
  public var reason: String

  /// Creates a rejection from its parts (``DateFinder`` makes them from text).
  public init(text: String, utf8Range: Range<Int>, reason: String) {
    self.text = text
    self.utf8Range = utf8Range
    self.reason = reason
  }
}

/// Finds dates written in English, Persian and Arabic text, in the Gregorian, Persian
/// (Jalali) and lunar Hijri calendars, and gives each as an ISO 8601 Gregorian date.
///
/// Forms read: "Monday, February 1, 2016", "Feb. 1st, 2016", "1 February 2016",
/// "01 Feb 2016 14:30", "2016-02-01T14:30", «دوشنبه، ۱۲ بهمن‌ماه ۱۳۹۴ - ۱۴:۳۰»,
/// «۱۳۹۴/۱۱/۱۲», «۱ فوریه ۲۰۱۶», «۲۲ ربیع‌الثانی ۱۴۳۷ ه.ق», "22 Rabi al-Thani 1437 AH",
/// with Persian, Arabic-Indic or ASCII digits and Arabic or Persian letters. Month
/// names come from one table per calendar (`DateNames`).
///
/// Nothing is guessed: a date without a year ("February 1") is skipped; a two-digit
/// year, a `dd/mm/yyyy` that could be `mm/dd/yyyy` (`dd.mm.yyyy` with dots is read as
/// day first), a day the month does not have, a
/// year outside 1800–2100 (Gregorian), 1200–1480 (Persian) or 1250–1520 (Hijri) and a
/// weekday that contradicts the date are rejected with a reason. Numeric `yyyy/mm/dd`
/// dates are Persian for years 1200–1480 and Gregorian for 1800–2100 unless a marker
/// after them («ه.ق», «ق», "AH", «میلادی», "AD", «ه.ش») says otherwise.
///
/// - Thread safety: thread-safe (pure functions).
public enum DateFinder {
  /// Every date written in `text`, in order, with the ones that looked like dates but
  /// were invalid or ambiguous.
  ///
  /// ```swift
  /// let (dates, rejected) = DateFinder.scan("On Feb. 1, 2016 (or 31/02/2016)…")
  /// dates[0].date          // "2016-02-01"
  /// rejected[0].reason     // "invalid date: 2016-02-31 does not exist in the Gregorian calendar"
  /// ```
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `text`: a byte scan for digits, and
  ///   only lines with digits are split into tokens.
  public static func scan(_ text: String) -> (dates: [PublishedDate], rejected: [RejectedDate]) {
    var text = text
    return text.withUTF8 { DateScanner(bytes: $0).scan(lines: 0..<$0.count) }
  }
}

/// Scans UTF-8 for digits, tokenizes the lines they are in and reads dates there.
struct DateScanner {
  let bytes: UnsafeBufferPointer<UInt8>

  /// Dates and rejected near-dates in `range`.
  func scan(lines range: Range<Int>) -> (dates: [PublishedDate], rejected: [RejectedDate]) {
    var dates: [PublishedDate] = []
    var rejected: [RejectedDate] = []
    var tokens: [DateToken] = []
    var i = range.lowerBound
    while let digit = nextDigit(from: i, to: range.upperBound) {
      var lineStart = digit
      while lineStart > i, TextLines.terminatorLength(bytes, endingAt: lineStart - 1) == 0 { lineStart -= 1 }
      var lineEnd = digit
      while lineEnd < range.upperBound, TextLines.terminatorLength(bytes, at: lineEnd) == 0 { lineEnd += 1 }
      DateTokenizer.tokenize(bytes, lineStart..<lineEnd, into: &tokens)
      DateGrammar(bytes: bytes, tokens: tokens).forEachMatch { _, outcome in
        switch outcome {
        case .date(let date): dates.append(date)
        case .rejected(let r): rejected.append(r)
        }
      }
      i = lineEnd
    }
    return (dates, rejected)
  }

  /// The offset of the next digit (ASCII, Persian or Arabic-Indic) in `from..<to`.
  private func nextDigit(from: Int, to: Int) -> Int? {
    var i = from
    while i < to {
      let b = bytes[i]
      if b &- 0x30 < 10 { return i }
      // U+06F0–06F9 is DB B0–B9; U+0660–0669 is D9 A0–A9.
      if b | 0x02 == 0xDB && i + 1 < to {  // D9 or DB
        let c = bytes[i + 1]
        if (b == 0xDB && c &- 0xB0 < 10) || (b == 0xD9 && c &- 0xA0 < 10) { return i }
      }
      i += 1
    }
    return nil
  }
}
