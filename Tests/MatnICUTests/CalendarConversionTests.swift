import Testing

@testable import MatnICU

/// Expected dates are facts checked independently of ICU: Nowruz and the leap years of
/// the Iranian calendar as published (and by the `jdatetime` Python package), Umm
/// al-Qura dates by the `hijridate` package (its own copy of the Umm al-Qura table) and
/// as announced in Saudi Arabia, tabular dates by `convertdate`.
@Suite("CalendarConversion")
struct CalendarConversionTests {
  private func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)
  }

  private func gregorian(_ d: CalendarDate, _ calendar: CalendarIdentifier) throws -> String {
    try CalendarConversion.convert(d, from: calendar, to: .gregorian).description
  }

  @Test(
    "Persian dates to Gregorian and back",
    arguments: [
      (1394, 11, 12, "2016-02-01"),  // 12 Bahman 1394
      (1357, 11, 22, "1979-02-11"),  // 22 Bahman 1357, the revolution's anniversary
      (1394, 7, 30, "2015-10-22"),  // 30 Mehr: the last day of a 30-day month
      (1394, 12, 10, "2016-02-29"),  // a Gregorian leap day
    ])
  func persian(year: Int, month: Int, day: Int, expected: String) throws {
    let d = date(year, month, day)
    #expect(try gregorian(d, .persian) == expected)
    let parts = expected.split(separator: "-").compactMap { Int($0) }
    #expect(try CalendarConversion.convert(date(parts[0], parts[1], parts[2]), from: .gregorian, to: .persian) == d)
  }

  @Test("1 Farvardin (Nowruz), 1395–1404")
  func nowruz() throws {
    let expected = [
      1395: "2016-03-20", 1396: "2017-03-21", 1397: "2018-03-21", 1398: "2019-03-21", 1399: "2020-03-20",
      1400: "2021-03-21", 1401: "2022-03-21", 1402: "2023-03-21", 1403: "2024-03-20", 1404: "2025-03-21",
    ]
    for (year, day) in expected {
      #expect(try gregorian(date(year, 1, 1), .persian) == day, "Nowruz \(year)")
    }
  }

  @Test("30 Esfand exists in leap years only")
  func esfand30() throws {
    #expect(try gregorian(date(1395, 12, 30), .persian) == "2017-03-20")
    #expect(try gregorian(date(1399, 12, 30), .persian) == "2021-03-20")
    #expect(try gregorian(date(1403, 12, 30), .persian) == "2025-03-20")
    for common in [1394, 1396, 1400, 1402] {
      #expect(throws: ICUError.illegalArgument) { try gregorian(date(common, 12, 30), .persian) }
    }
  }

  @Test("impossible fields are errors, not rolled over")
  func strict() {
    let cases: [(CalendarDate, CalendarIdentifier)] = [
      (date(1394, 7, 31), .persian),  // Mehr has 30 days
      (date(1394, 1, 32), .persian),
      (date(1394, 13, 1), .persian),
      (date(1394, 0, 1), .persian),
      (date(2016, 2, 30), .gregorian),
      (date(2015, 2, 29), .gregorian),
      (date(2016, 4, 31), .gregorian),
      (date(2016, 1, 0), .gregorian),
      (date(0, 1, 1), .gregorian),
      (date(1437, 5, 30), .islamicUmmAlQura),  // Jumada al-Ula 1437 has 29 days by Umm al-Qura
      (date(1437, 4, 30), .islamicCivil),  // even months of the tabular calendar have 29
    ]
    for (d, calendar) in cases {
      #expect(throws: ICUError.illegalArgument, "\(d) \(calendar)") {
        try CalendarConversion.convert(d, from: calendar, to: .gregorian)
      }
      #expect(!CalendarConversion.isValid(d, in: calendar))
    }
    #expect(CalendarConversion.isValid(date(2016, 2, 29), in: .gregorian))
  }

  @Test(
    "Umm al-Qura dates",
    arguments: [
      (1437, 4, 22, "2016-02-01"),
      (1437, 4, 30, "2016-02-09"),  // Rabi al-Thani 1437 has 30 days by Umm al-Qura
      (1437, 9, 1, "2016-06-06"),  // 1 Ramadan 1437
      (1438, 1, 1, "2016-10-02"),  // 1 Muharram 1438
      (1445, 9, 1, "2024-03-11"),  // 1 Ramadan 1445
      (1445, 10, 1, "2024-04-10"),  // Eid al-Fitr 1445
      (1446, 1, 1, "2024-07-07"),  // 1 Muharram 1446
    ])
  func ummAlQura(year: Int, month: Int, day: Int, expected: String) throws {
    #expect(try gregorian(date(year, month, day), .islamicUmmAlQura) == expected)
  }

  @Test("the tabular calendar differs from Umm al-Qura by a day at times")
  func civil() throws {
    #expect(try gregorian(date(1437, 4, 22), .islamicCivil) == "2016-02-02")
    #expect(try gregorian(date(1437, 9, 1), .islamicCivil) == "2016-06-07")
    #expect(try gregorian(date(1445, 9, 1), .islamicCivil) == "2024-03-11")
    #expect(
      try CalendarConversion.convert(date(2016, 2, 29), from: .gregorian, to: .islamicUmmAlQura)
        == date(1437, 5, 20))
    #expect(
      try CalendarConversion.convert(date(2016, 2, 29), from: .gregorian, to: .islamicCivil)
        == date(1437, 5, 20))
  }

  @Test("Gregorian is proleptic: no Julian calendar before 1582")
  func proleptic() throws {
    // 1500 was a leap year in the Julian calendar only; 5–14 October 1582 exist only
    // in the proleptic Gregorian calendar.
    #expect(!CalendarConversion.isValid(date(1500, 2, 29), in: .gregorian))
    #expect(CalendarConversion.isValid(date(1582, 10, 10), in: .gregorian))
    #expect(try CalendarConversion.weekday(of: date(1582, 10, 10), in: .gregorian) == .sunday)
  }

  @Test("weekdays")
  func weekdays() throws {
    #expect(try CalendarConversion.weekday(of: date(2016, 2, 1), in: .gregorian) == .monday)
    #expect(try CalendarConversion.weekday(of: date(1394, 11, 12), in: .persian) == .monday)
    #expect(try CalendarConversion.weekday(of: date(1357, 11, 22), in: .persian) == .sunday)
    #expect(try CalendarConversion.weekday(of: date(1445, 10, 1), in: .islamicUmmAlQura) == .wednesday)
    #expect(throws: ICUError.illegalArgument) {
      try CalendarConversion.weekday(of: date(2015, 2, 29), in: .gregorian)
    }
  }

  @Test("dates print as yyyy-mm-dd")
  func description() {
    #expect(date(1394, 11, 12).description == "1394-11-12")
    #expect(date(622, 3, 9).description == "0622-03-09")
  }
}

extension CalendarConversionTests {
  @Test("conversions from many tasks at once agree (each thread has its own calendars)")
  func concurrent() async throws {
    let expected = try CalendarConversion.convert(
      CalendarDate(year: 1394, month: 11, day: 12), from: .persian, to: .gregorian)
    let results = await withTaskGroup(of: Bool.self) { group in
      for task in 0..<8 {
        group.addTask {
          for i in 0..<2_000 {
            // Interleave calendars so a shared calendar object would be caught mid-use.
            let other = CalendarDate(year: 1437, month: 1 + (i + task) % 12, day: 1)
            guard (try? CalendarConversion.convert(other, from: .islamicUmmAlQura, to: .persian)) != nil,
              (try? CalendarConversion.convert(
                CalendarDate(year: 1394, month: 11, day: 12), from: .persian, to: .gregorian)) == expected
            else { return false }
          }
          return true
        }
      }
      return await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(results == Array(repeating: true, count: 8))
  }
}
