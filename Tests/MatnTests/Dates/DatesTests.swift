import Foundation
import Testing

@testable import Matn

@Suite("Dates")
struct DatesTests {
  static let rows = try! Fixtures.table("dates.tsv")

  @Test("fixture table: every form, rejection and non-date")
  func table() throws {
    #expect(Self.rows.count > 60)
    for (line, fields) in Self.rows {
      let input = fields[0]
      let (dates, rejected) = DateFinder.scan(input)
      let place = "dates.tsv:\(line) \(input)"
      switch fields[1] {
      case "none":
        #expect(dates.isEmpty && rejected.isEmpty, "\(place): \(dates) \(rejected)")
      case "reject":
        #expect(dates.isEmpty, "\(place): \(dates)")
        #expect(rejected.count == 1, "\(place): \(rejected)")
        guard let r = rejected.first else { continue }
        #expect(r.reason.hasPrefix(fields[2] + ":"), "\(place): \(r.reason)")
        if fields.count > 3 { #expect(r.text == fields[3], "\(place)") }
        #expect(Array(input.utf8)[r.utf8Range].elementsEqual(r.text.utf8), "\(place)")
      default:
        #expect(dates.count == 1 && rejected.isEmpty, "\(place): \(dates) \(rejected)")
        guard let d = dates.first else { continue }
        #expect(d.date == fields[1], "\(place)")
        #expect(d.calendar.rawValue == fields[2], "\(place)")
        #expect(d.written == fields[3], "\(place)")
        if fields.count > 4 { #expect(d.text == fields[4], "\(place)") }
        #expect(Array(input.utf8)[d.utf8Range].elementsEqual(d.text.utf8), "\(place)")
      }
    }
  }
}

extension DatesTests {
  @Test("several dates and rejections in one text, in order, with byte offsets")
  func several() {
    let text = "Report — گزارش: ۱۲ بهمن ۱۳۹۴ and 2016-02-02, not 30 Feb 2016; then ۱۳۹۵/۰۱/۰۱.\nEnd"
    let (dates, rejected) = DateFinder.scan(text)
    #expect(dates.map(\.date) == ["2016-02-01", "2016-02-02", "2016-03-20"])
    #expect(rejected.map(\.text) == ["30 Feb 2016"])
    let bytes = Array(text.utf8)
    for d in dates { #expect(String(decoding: bytes[d.utf8Range], as: UTF8.self) == d.text) }
    #expect(dates[0].utf8Range.lowerBound == "Report — گزارش: ".utf8.count)
  }

  @Test("a name means one thing: no month, weekday or marker spelling shares a key")
  func namesDisjoint() {
    var seen: [DateWordKey: String] = [:]
    let all =
      (DateNames.gregorianMonths + DateNames.persianMonths + DateNames.islamicMonths + DateNames.weekdays).flatMap {
        $0
      } + DateNames.markers.flatMap(\.1)
    for name in all {
      let key = DateWordKey(name)
      if let other = seen[key], other != name { Issue.record("\(name) and \(other) fold to one key") }
      seen[key] = name
    }
  }
}

extension DatesTests {
  @Test("datelines: the date, and whether the whole line is dateline material")
  func datelines() throws {
    let rows = try Fixtures.table("datelines.tsv")
    #expect(rows.count >= 15)
    for (line, fields) in rows {
      let found = DateFinder.dateline(fields[0][...])
      if fields[1] == "none" {
        #expect(found == nil, "datelines.tsv:\(line): \(String(describing: found))")
        continue
      }
      #expect(found?.date.date == fields[1], "datelines.tsv:\(line)")
      #expect(found?.wholeLine == (fields[2] == "whole"), "datelines.tsv:\(line)")
    }
  }

  @Test("a dateline's range counts from the start of the string the line was cut from")
  func datelineOffsets() throws {
    let text = "عنوان خبر\nTEHRAN, Feb. 1, 2016 (MNA) – body"
    let line = try #require(text.split(separator: "\n").last)
    let found = try #require(DateFinder.dateline(line))
    #expect(String(decoding: Array(text.utf8)[found.date.utf8Range], as: UTF8.self) == "Feb. 1, 2016")
  }
}

extension DatesTests {
  @Test("the documented examples hold")
  func documented() throws {
    let found = try #require(DateFinder.scan("دوشنبه ۱۲ بهمن ۱۳۹۴").dates.first)
    #expect(found.date == "2016-02-01" && found.calendar == .persian && found.written == "1394-11-12")
    let (dates, rejected) = DateFinder.scan("On Feb. 1, 2016 (or 31/02/2016)…")
    #expect(dates.map(\.date) == ["2016-02-01"])
    #expect(rejected.map(\.reason) == ["invalid date: 2016-02-31 does not exist in the Gregorian calendar"])
    #expect(
      DateFinder.scan("Monday, February 2, 2016").rejected.map(\.reason) == [
        "weekday: written Monday but 2016-02-02 is a Tuesday"
      ])
    let line = "TEHRAN, Feb. 1, 2016 (MNA) – Iran's president said…"[...]
    #expect(DateFinder.dateline(line)?.date.date == "2016-02-01")
    #expect(DateFinder.dateline(line)?.wholeLine == false)
    #expect(DateFinder.dateline("دوشنبه ۱۲ بهمن ۱۳۹۴ - ۱۴:۳۰"[...])?.wholeLine == true)
  }

  @Test("a published date round-trips through JSON")
  func codable() throws {
    let date = try #require(DateFinder.scan("۱۲ بهمن ۱۳۹۴").dates.first)
    let data = try JSONEncoder().encode(date)
    #expect(try JSONDecoder().decode(PublishedDate.self, from: data) == date)
  }
}

extension DatesTests {
  @Test(
    "a date's line ends at any line terminator (TextLines), never taking a byte of one",
    arguments: ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"])
  func lineEnds(end: String) throws {
    let text = "12 March 2016" + end + "Monday, February 1, 2016" + end + "۱۳۹۴/۱۱/۱۲" + end
    let dates = DateFinder.scan(text).dates
    #expect(dates.map(\.date) == ["2016-03-12", "2016-02-01", "2016-02-01"])
    let bytes = Array(text.utf8)
    for date in dates {
      #expect(String(decoding: bytes[date.utf8Range], as: UTF8.self) == date.text)
      #expect(!date.text.unicodeScalars.contains { [0x0A, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) })
    }
  }
}
