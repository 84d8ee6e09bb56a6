// Calendar conversion (ucal): Gregorian, Persian (Jalali) and Hijri dates, fields
// checked strictly.

#include "cicu_shim.h"
#include "internal.h"

#include <unicode/ucal.h>

namespace {

constexpr int32_t kCalendarKinds = 4;

const char *const kLocales[kCalendarKinds] = {
  "en@calendar=gregorian",
  "en@calendar=persian",
  "en@calendar=islamic-umalqura",
  "en@calendar=islamic-civil",
};

/// One open calendar per kind for this thread: `ucal_open` costs far more than a
/// conversion, and a UCalendar may not be used by two threads at once.
struct ThreadCalendars {
  UCalendar *open[kCalendarKinds] = {};

  ~ThreadCalendars() {
    for (UCalendar *calendar : open) {
      if (calendar != nullptr) ucal_close(calendar);
    }
  }

  UCalendar *get(int32_t kind, UErrorCode &ec) {
    if (U_FAILURE(ec)) return nullptr;
    if (kind < 0 || kind >= kCalendarKinds) {
      ec = U_ILLEGAL_ARGUMENT_ERROR;
      return nullptr;
    }
    if (open[kind] == nullptr) {
      static const UChar utc[] = {u'U', u'T', u'C', 0};
      UCalendar *calendar = ucal_open(utc, -1, kLocales[kind], UCAL_DEFAULT, &ec);
      if (U_FAILURE(ec)) return nullptr;
      ucal_setAttribute(calendar, UCAL_LENIENT, 0);
      // ISO 8601 is proleptic Gregorian: no switch to the Julian calendar in 1582.
      if (kind == CICU_CALENDAR_GREGORIAN) ucal_setGregorianChange(calendar, U_DATE_MIN, &ec);
      if (U_FAILURE(ec)) {
        ucal_close(calendar);
        return nullptr;
      }
      open[kind] = calendar;
    }
    return open[kind];
  }
};

thread_local ThreadCalendars calendars;

}  // namespace

extern "C" void cicu_calendar_convert(int32_t from, int32_t year, int32_t month, int32_t day, int32_t to,
                                      int32_t *outYear, int32_t *outMonth, int32_t *outDay,
                                      int32_t *outWeekday, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return;
  UCalendar *source = calendars.get(from, ec);
  UCalendar *target = calendars.get(to, ec);
  if (U_FAILURE(ec)) return;
  if (year < 1 || month < 1 || month > 12 || day < 1) {
    ec = U_ILLEGAL_ARGUMENT_ERROR;
    return;
  }
  ucal_clear(source);
  // Gregorian years count in the AD era; the Persian and Islamic calendars have one era (0).
  ucal_set(source, UCAL_ERA, from == CICU_CALENDAR_GREGORIAN ? 1 : 0);
  ucal_set(source, UCAL_YEAR, year);
  ucal_set(source, UCAL_MONTH, month - 1);
  ucal_set(source, UCAL_DATE, day);
  UDate millis = ucal_getMillis(source, &ec);  // non-lenient: invalid fields fail here
  if (U_FAILURE(ec)) return;
  // Belt and braces: the fields must read back exactly as they were set.
  if (ucal_get(source, UCAL_YEAR, &ec) != year || ucal_get(source, UCAL_MONTH, &ec) != month - 1 ||
      ucal_get(source, UCAL_DATE, &ec) != day) {
    if (U_SUCCESS(ec)) ec = U_ILLEGAL_ARGUMENT_ERROR;
    return;
  }
  ucal_setMillis(target, millis, &ec);
  int32_t targetYear = ucal_get(target, UCAL_YEAR, &ec);
  // A Gregorian date before 1 AD has era 0 (BC): give it as an ISO 8601 year (1 BC = 0).
  if (to == CICU_CALENDAR_GREGORIAN && ucal_get(target, UCAL_ERA, &ec) == 0) targetYear = 1 - targetYear;
  *outYear = targetYear;
  *outMonth = ucal_get(target, UCAL_MONTH, &ec) + 1;
  *outDay = ucal_get(target, UCAL_DATE, &ec);
  *outWeekday = ucal_get(target, UCAL_DAY_OF_WEEK, &ec);
}
