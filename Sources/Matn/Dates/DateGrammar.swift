import MatnICU

/// ``DateNames`` by folded key, built once.
struct DateNameIndex: Sendable {
  static let shared = DateNameIndex()

  let months: [DateWordKey: (calendar: CalendarSystem, month: Int)]
  let weekdays: [DateWordKey: Int]
  let markers: [DateWordKey: CalendarSystem]
  let meridiems: [DateWordKey: Bool]
  let labels: Set<DateWordKey>
  let ordinals: Set<DateWordKey>
  let of = DateWordKey("of")
  let monthWord = DateWordKey("ماه")
  let yearWord = DateWordKey("سال")
  let at = DateWordKey("at")
  let hour = DateWordKey("ساعت")
  let isoT = DateWordKey("t")

  private init() {
    var months: [DateWordKey: (calendar: CalendarSystem, month: Int)] = [:]
    for (calendar, table) in [
      (CalendarSystem.gregorian, DateNames.gregorianMonths), (.persian, DateNames.persianMonths),
      (.islamic, DateNames.islamicMonths),
    ] {
      for (index, names) in table.enumerated() {
        for name in names {
          months[DateWordKey(name)] = (calendar, index + 1)
          if calendar == .persian { months[DateWordKey(name + "ماه")] = (calendar, index + 1) }
        }
      }
    }
    self.months = months
    var weekdays: [DateWordKey: Int] = [:]
    for (index, names) in DateNames.weekdays.enumerated() {
      for name in names { weekdays[DateWordKey(name)] = index + 1 }
    }
    self.weekdays = weekdays
    var markers: [DateWordKey: CalendarSystem] = [:]
    for (calendar, names) in DateNames.markers {
      for name in names { markers[DateWordKey(name)] = calendar }
    }
    self.markers = markers
    var meridiems: [DateWordKey: Bool] = [:]
    for (afternoon, names) in DateNames.meridiems {
      for name in names { meridiems[DateWordKey(name)] = afternoon }
    }
    self.meridiems = meridiems
    labels = Set(DateNames.datelineLabels.map(DateWordKey.init))
    ordinals = Set(DateNames.ordinals.map(DateWordKey.init))
  }
}

/// What one attempt to read a date at a number found.
enum DateOutcome {
  case date(PublishedDate)
  case rejected(RejectedDate)
}

/// Reads dates from the tokens of one line, one attempt per number token.
struct DateGrammar {
  let bytes: UnsafeBufferPointer<UInt8>
  let tokens: [DateToken]
  let names = DateNameIndex.shared

  /// Plausible years per calendar; a year outside is rejected, never guessed.
  static let plausibleYears: [CalendarSystem: ClosedRange<Int>] = [
    .gregorian: 1800...2100, .persian: 1200...1480, .islamic: 1250...1520,
  ]

  // MARK: Token tests

  func number(_ k: Int) -> DateToken? {
    k >= 0 && k < tokens.count && tokens[k].kind == .number ? tokens[k] : nil
  }

  func punct(_ k: Int, _ scalars: String) -> Bool {
    guard k >= 0, k < tokens.count, tokens[k].kind == .punct, let v = Unicode.Scalar(UInt32(tokens[k].value)) else {
      return false
    }
    return scalars.unicodeScalars.contains(v)
  }

  func word(_ k: Int) -> Bool { k >= 0 && k < tokens.count && tokens[k].kind == .word }

  func key(_ k: Int) -> DateWordKey { DateWordKey().adding(bytes, tokens[k].start..<tokens[k].end) }

  /// The longest entry of `table` spelled by the words from `start` on (dots between
  /// them allowed when `dots`), and the index after it.
  func lookup<V>(_ table: [DateWordKey: V], from start: Int, dots: Bool = false) -> (value: V, end: Int)? {
    var key = DateWordKey()
    var best: (value: V, end: Int)?
    var k = start
    var words = 0
    while k < tokens.count, words < 4 {
      if word(k) {
        key = key.adding(bytes, tokens[k].start..<tokens[k].end)
        words += 1
        if let value = table[key] { best = (value, k + 1) }
      } else if !(dots && punct(k, ".") && k > start) {
        break
      }
      k += 1
    }
    return best
  }

  /// The longest entry of `table` spelled by words ending at `last`, and its first index.
  func lookup<V>(_ table: [DateWordKey: V], endingAt last: Int) -> (value: V, start: Int)? {
    var start = last
    var best: (value: V, start: Int)?
    while start >= 0, last - start < 4, word(start) {
      var key = DateWordKey()
      for k in start...last { key = key.adding(bytes, tokens[k].start..<tokens[k].end) }
      if let value = table[key] { best = (value, start) }
      start -= 1
    }
    return best
  }

  func isKey(_ k: Int, _ key: DateWordKey) -> Bool { word(k) && self.key(k) == key }

  // MARK: Dates

  /// The date, or the rejected near-date, that the number token at `anchor` is part of,
  /// with the token range it covers.
  func match(anchor a: Int) -> (tokens: Range<Int>, outcome: DateOutcome)? {
    numeric(a) ?? dayFirst(a) ?? monthFirst(a)
  }

  /// Calls `body` with each date or rejected near-date of the line, in order; a number
  /// inside one is not read again.
  func forEachMatch(_ body: (Range<Int>, DateOutcome) -> Void) {
    var k = 0
    while k < tokens.count {
      guard tokens[k].kind == .number, let found = match(anchor: k) else {
        k += 1
        continue
      }
      body(found.tokens, found.outcome)
      k = max(found.tokens.upperBound, k + 1)
    }
  }

  /// `y/m/d`, `d/m/y` or `m/d/y` with one separator (`/`, `-` or `.`) and no spaces;
  /// `d.m.y` with dots.
  func numeric(_ a: Int) -> (tokens: Range<Int>, outcome: DateOutcome)? {
    let separators = "/-."
    guard let p0 = number(a), let p1 = number(a + 2), let p2 = number(a + 4), punct(a + 1, separators),
      tokens[a + 3].value == tokens[a + 1].value, !p1.spaced, !p2.spaced, !tokens[a + 1].spaced,
      !tokens[a + 3].spaced
    else { return nil }
    // Not part of a longer chain of numbers (a version, an address, a phone number).
    let chain = "/-.:"
    if punct(a - 1, chain), !tokens[a].spaced, let before = number(a - 2), !tokens[a - 1].spaced, before.end > 0 {
      return nil
    }
    if punct(a + 5, chain), !tokens[a + 5].spaced, number(a + 6) != nil, !tokens[a + 6].spaced { return nil }
    let dot = tokens[a + 1].value == 0x2E
    let first = weekdayStart(before: a)
    var end = a + 5
    let marker = lookup(names.markers, from: end, dots: true)
    if let marker { end = marker.end }
    func calendar(_ year: Int) -> CalendarSystem? {
      if let marker { return marker.value }
      return [CalendarSystem.persian, .gregorian].first { Self.plausibleYears[$0]?.contains(year) == true }
    }
    if p0.digits == 4, p1.digits <= 2, p2.digits <= 2 {
      guard let cal = calendar(p0.value) else { return nil }
      return complete(cal, p0.value, p1.value, p2.value, first: first, end: end)
    }
    if p2.digits == 4, p0.digits <= 2, p1.digits <= 2, let cal = calendar(p2.value) {
      let (x, y) = (p0.value, p1.value)
      // Day first when it cannot be the month, and with dots (day.month.year: the US,
      // the one month-first custom, writes slashes).
      if x == y || (x > 12 && y <= 12) || (dot && y <= 12) {
        return complete(cal, p2.value, y, x, first: first, end: end)
      }
      if y > 12 && x <= 12 { return complete(cal, p2.value, x, y, first: first, end: end) }
      guard x <= 12, y <= 12, x > 0, y > 0 else { return nil }
      return reject(
        a, end,
        "ambiguous day and month: \(text(a, a + 5)) may be day \(x) of month \(y) or day \(y) of month \(x)")
    }
    if !dot, p0.digits <= 2, p1.digits <= 2, p2.digits == 2, (1...31).contains(p0.value),
      (1...31).contains(p1.value), min(p0.value, p1.value) <= 12
    {
      return reject(a, end, "two-digit year: \(text(a, a + 5)) does not say its century or calendar")
    }
    if !dot, p0.digits == 2, p1.digits <= 2, p2.digits <= 2, (1...12).contains(p1.value),
      (1...31).contains(p2.value)
    {
      return reject(a, end, "two-digit year: \(text(a, a + 5)) does not say its century or calendar")
    }
    return nil
  }

  /// `[weekday] day [st] [of] month [.] [ماه] [,] [سال] year [marker] [time]`.
  func dayFirst(_ a: Int) -> (tokens: Range<Int>, outcome: DateOutcome)? {
    guard let day = number(a), day.digits <= 2, (1...31).contains(day.value) else { return nil }
    var k = a + 1
    if word(k), !tokens[k].spaced, names.ordinals.contains(key(k)) { k += 1 }
    if isKey(k, names.of) { k += 1 }
    guard let month = lookup(names.months, from: k) else { return nil }
    return afterMonth(month.value, day: day.value, first: weekdayStart(before: a), k: month.end)
  }

  /// `[weekday] month [.] day [st] [,] year [marker] [time]`.
  func monthFirst(_ a: Int) -> (tokens: Range<Int>, outcome: DateOutcome)? {
    guard let day = number(a), day.digits <= 2, (1...31).contains(day.value) else { return nil }
    let last = punct(a - 1, ".") ? a - 2 : a - 1
    guard let month = lookup(names.months, endingAt: last), lookup(names.months, from: month.start)?.end == last + 1
    else { return nil }
    var k = a + 1
    if word(k), !tokens[k].spaced, names.ordinals.contains(key(k)) { k += 1 }
    if punct(k, ",،") { k += 1 }
    return year(month.value, day: day.value, first: weekdayStart(before: month.start), k: k)
  }

  private func afterMonth(_ month: (calendar: CalendarSystem, month: Int), day: Int, first: Int, k start: Int)
    -> (tokens: Range<Int>, outcome: DateOutcome)?
  {
    var k = start
    if punct(k, "."), !tokens[k].spaced { k += 1 }
    if isKey(k, names.monthWord) { k += 1 }
    if punct(k, ",،") { k += 1 }
    if isKey(k, names.yearWord) { k += 1 }
    return year(month, day: day, first: first, k: k)
  }

  /// The year at `k` and what may follow it.
  private func year(_ month: (calendar: CalendarSystem, month: Int), day: Int, first: Int, k: Int)
    -> (tokens: Range<Int>, outcome: DateOutcome)?
  {
    guard let year = number(k) else { return nil }  // no year: not a full date
    // A year run into more digits ("2016.5", "1394/11") is something else.
    if punct(k + 1, "/.-:"), !tokens[k + 1].spaced, number(k + 2) != nil, !tokens[k + 2].spaced { return nil }
    if year.digits == 2 {
      return reject(first, k + 1, "two-digit year: \(text(first, k + 1)) does not say its century")
    }
    guard year.digits == 4 else { return nil }
    var end = k + 1
    // A marker of the month's own calendar is part of the date; another one is not read.
    if let marker = lookup(names.markers, from: end, dots: true), marker.value == month.calendar {
      end = marker.end
    }
    return complete(month.calendar, year.value, month.month, day, first: first, end: end)
  }

  /// Where a weekday written before token `start` begins ("Monday, …", «دوشنبه ۱۲ …»),
  /// or `start` when there is none.
  func weekdayStart(before start: Int) -> Int {
    let last = punct(start - 1, ",،") ? start - 2 : start - 1
    return lookup(names.weekdays, endingAt: last)?.start ?? start
  }

  /// A time after the date, `[, - | at ساعت] hh:mm[:ss] [am pm]`: its text and the
  /// index after it.
  func time(from start: Int) -> (text: String, end: Int)? {
    var k = start
    if punct(k, ",،-–—|") { k += 1 }
    if isKey(k, names.at) || isKey(k, names.hour) { k += 1 }
    guard let h = number(k), h.digits <= 2, punct(k + 1, ":"), let m = number(k + 2), m.digits == 2,
      !tokens[k + 1].spaced, !m.spaced, m.value < 60
    else { return nil }
    var end = k + 3
    var seconds: Int?
    if punct(end, ":"), let s = number(end + 1), s.digits == 2, s.value < 60, !tokens[end].spaced, !s.spaced {
      seconds = s.value
      end += 2
    }
    var hour = h.value
    if let meridiem = lookup(names.meridiems, from: end, dots: true) {
      guard (1...12).contains(hour) else { return nil }
      hour = hour % 12 + (meridiem.value ? 12 : 0)
      end = meridiem.end
      if punct(end, "."), !tokens[end].spaced { end += 1 }
    }
    guard hour < 24 else { return nil }
    var text = Self.twoDigits(hour) + ":" + Self.twoDigits(m.value)
    if let seconds { text += ":" + Self.twoDigits(seconds) }
    return (text, end)
  }

  static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  /// Reads a time after the date's last token (`end`), then checks and converts it.
  private func complete(
    _ calendar: CalendarSystem, _ year: Int, _ month: Int, _ day: Int, first: Int, end: Int
  ) -> (tokens: Range<Int>, outcome: DateOutcome)? {
    // ISO 8601 "2016-02-01T14:30" writes the T against the time.
    let isoTime: Bool =
      word(end) && !tokens[end].spaced && number(end + 1).map { !$0.spaced } == true
      && key(end) == names.isoT
    let time = isoTime ? self.time(from: end + 1) : self.time(from: end)
    return finish(calendar, year, month, day, first, time?.text, end: time?.end ?? end)
  }

  /// Checks a date's fields and converts it, or says why not.
  private func finish(
    _ calendar: CalendarSystem, _ year: Int, _ month: Int, _ day: Int, _ first: Int, _ time: String?, end: Int
  ) -> (tokens: Range<Int>, outcome: DateOutcome)? {
    let written = CalendarDate(year: year, month: month, day: day)
    if let range = Self.plausibleYears[calendar], !range.contains(year) {
      return reject(
        first, end,
        "year out of range: \(year) is outside \(range.lowerBound)–\(range.upperBound) for \(calendar.englishName) dates"
      )
    }
    guard month >= 1, month <= 12,
      let gregorian = try? CalendarConversion.convert(written, from: calendar.icu, to: .gregorian)
    else {
      return reject(first, end, "invalid date: \(written) does not exist in the \(calendar.englishName) calendar")
    }
    let weekdayToken = tokens[first].kind == .word ? lookup(names.weekdays, from: first) : nil
    if let weekdayToken, let actual = try? CalendarConversion.weekday(of: gregorian, in: .gregorian),
      actual.rawValue != weekdayToken.value
    {
      return reject(
        first, end,
        "weekday: written \(Self.weekdayName(weekdayToken.value)) but \(gregorian) is a \(Self.weekdayName(actual.rawValue))"
      )
    }
    let date = PublishedDate(
      date: gregorian.description + (time.map { "T" + $0 } ?? ""), calendar: calendar, written: written.description,
      text: text(first, end), utf8Range: tokens[first].start..<tokens[end - 1].end)
    return (first..<end, .date(date))
  }

  static func weekdayName(_ n: Int) -> String { DateNames.weekdays[n - 1][0] }

  func text(_ first: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[first].start..<tokens[end - 1].end]), as: UTF8.self)
  }

  private func reject(_ first: Int, _ end: Int, _ reason: String) -> (tokens: Range<Int>, outcome: DateOutcome) {
    let rejected = RejectedDate(
      text: text(first, end), utf8Range: tokens[first].start..<tokens[end - 1].end, reason: reason)
    return (first..<end, .rejected(rejected))
  }
}

extension CalendarSystem {
  var icu: CalendarIdentifier {
    switch self {
    case .gregorian: .gregorian
    case .persian: .persian
    case .islamic: .islamicUmmAlQura
    }
  }

  var englishName: String {
    switch self {
    case .gregorian: "Gregorian"
    case .persian: "Persian"
    case .islamic: "lunar Hijri"
    }
  }
}
