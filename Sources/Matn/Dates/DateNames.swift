/// The words dates are written with: one table per calendar for month names, and one
/// each for weekdays, calendar markers and dateline labels. Adding a spelling is adding
/// a string here; nothing else names a month.
///
/// Spellings are matched after folding (``DateWordKey``): case, Arabic ي/ك/ة/أ/إ/آ,
/// harakat, tatweel, ZWNJ, spaces, hyphens, apostrophes and dots do not matter, so
/// «ربيع الثاني», «ربیع‌الثانی» and "Rabi' al-Thani" / "Rabi al-Thani" need one entry
/// per distinct letter sequence only. Persian month names also match with «ماه»
/// appended («تیرماه»).
enum DateNames {
  /// Gregorian months in English, Persian and Arabic; entry *i* is month *i* + 1.
  static let gregorianMonths: [[String]] = [
    ["January", "Jan", "ژانویه", "جانویه", "يناير", "كانون الثاني"],
    ["February", "Feb", "فوریه", "فبریه", "فبروری", "فبراير", "شباط"],
    ["March", "Mar", "مارس", "آذار"],
    ["April", "Apr", "آوریل", "آپریل", "ابریل", "نيسان"],
    ["May", "مه", "می", "مای", "مايو", "أيار"],
    ["June", "Jun", "ژوئن", "جون", "يونيو", "حزيران"],
    ["July", "Jul", "ژوئیه", "جولای", "يوليو", "تموز"],
    ["August", "Aug", "اوت", "آگوست", "أغسطس"],
    ["September", "Sep", "Sept", "سپتامبر", "سبتمبر", "أيلول"],
    ["October", "Oct", "اکتبر", "اکتوبر", "تشرين الأول"],
    ["November", "Nov", "نوامبر", "نوفمبر", "تشرين الثاني"],
    ["December", "Dec", "دسامبر", "دیسمبر", "كانون الأول"],
  ]

  /// Solar Hijri (Jalali) months in Persian and in English press spellings.
  static let persianMonths: [[String]] = [
    ["فروردین", "Farvardin", "Farwardin"],
    ["اردیبهشت", "Ordibehesht", "Ordibehest"],
    ["خرداد", "Khordad", "Khurdad"],
    ["تیر", "Tir"],
    ["مرداد", "امرداد", "Mordad", "Amordad", "Amurdad"],
    ["شهریور", "Shahrivar", "Shahrewar"],
    ["مهر", "Mehr", "Mihr"],
    ["آبان", "Aban"],
    ["آذر", "Azar", "Adhar"],
    ["دی", "Dey", "Dei"],
    ["بهمن", "Bahman"],
    ["اسفند", "Esfand", "Esfandeh", "Isfand"],
  ]

  /// Lunar Hijri months in Persian, Arabic and common English transliterations.
  static let islamicMonths: [[String]] = [
    ["محرم", "محرم الحرام", "Muharram", "Moharram", "Muharram al-Haram"],
    ["صفر", "صفر المظفر", "Safar"],
    [
      "ربیع الاول", "Rabi al-Awwal", "Rabi ul-Awwal", "Rabi ul-Awal", "Rabi al-Awal", "Rabi al-Avval",
      "Rabi I", "Rabee al-Awwal",
    ],
    [
      "ربیع الثانی", "ربیع الآخر", "Rabi al-Thani", "Rabi ul-Thani", "Rabi al-Sani", "Rabi al-Akhir", "Rabi ul-Akhir",
      "Rabi al-Akhar", "Rabi II", "Rabee al-Thani",
    ],
    [
      "جمادی الاول", "جمادی الاولی", "Jumada al-Awwal", "Jumada al-Ula", "Jumada al-Oula", "Jumada ul-Awwal",
      "Jamadi al-Awwal", "Jamadi ul-Awwal", "Jumada I",
    ],
    [
      "جمادی الثانی", "جمادی الثانیه", "جمادی الآخر", "جمادی الآخره", "جمادی الاخری", "Jumada al-Thani",
      "Jumada al-Akhirah", "Jumada al-Akhira", "Jumada al-Sani", "Jumada ul-Thani", "Jamadi al-Thani",
      "Jamadi ul-Sani", "Jumada II",
    ],
    ["رجب", "رجب المرجب", "Rajab"],
    ["شعبان", "شعبان المعظم", "Shaban", "Shaaban"],
    ["رمضان", "رمضان المبارک", "Ramadan", "Ramazan", "Ramadhan"],
    ["شوال", "شوال المکرم", "Shawwal", "Shawal"],
    [
      "ذی القعده", "ذیقعده", "ذو القعده", "Dhu al-Qadah", "Dhu al-Qidah", "Dhul Qadah", "Dhul Qidah", "Zul Qadah",
      "Zilqad", "Zi al-Qadah",
    ],
    [
      "ذی الحجه", "ذیحجه", "ذو الحجه", "Dhu al-Hijjah", "Dhu al-Hijja", "Dhul Hijjah", "Zul Hijjah",
      "Zilhaj", "Zilhajj", "Zi al-Hijjah",
    ],
  ]

  /// Weekdays; entry *i* is weekday *i* + 1 in ICU's numbering (1 is Sunday).
  static let weekdays: [[String]] = [
    ["Sunday", "Sun", "یکشنبه", "الأحد"],
    ["Monday", "Mon", "دوشنبه", "الاثنين"],
    ["Tuesday", "Tue", "Tues", "سه شنبه", "الثلاثاء"],
    ["Wednesday", "Wed", "چهارشنبه", "الأربعاء"],
    ["Thursday", "Thu", "Thur", "Thurs", "پنجشنبه", "الخميس"],
    ["Friday", "Fri", "جمعه", "الجمعة"],
    ["Saturday", "Sat", "شنبه", "السبت"],
  ]

  /// Era markers written after a year, by the calendar they name.
  static let markers: [(CalendarSystem, [String])] = [
    (.persian, ["ه.ش", "هجری شمسی", "شمسی", "SH", "H.Sh"]),
    (.islamic, ["ه.ق", "هجری قمری", "قمری", "ق", "هـ", "AH"]),
    (.gregorian, ["میلادی", "م", "AD", "CE"]),
  ]

  /// Words that may stand around a date in a dateline without making it prose.
  static let datelineLabels: [String] = [
    "published", "posted", "updated", "last", "modified", "date", "time", "on", "at", "local", "gmt", "utc", "irst",
    "tehran", "news", "id", "code", "تاریخ", "انتشار", "منتشر", "شده", "شده در", "بروزرسانی", "به روزرسانی",
    "ساعت", "وقت", "تهران", "کد", "خبر", "کد خبر", "شناسه", "در",
  ]

  /// Words that may come between a date's parts: «ماه» after a Persian month, «سال»
  /// (year) before the year, "of" in "1st of February".
  static let fillers: [String] = ["of", "ماه", "سال"]

  /// Ordinal suffixes written straight after a day number.
  static let ordinals: [String] = ["st", "nd", "rd", "th", "ام"]

  /// Clock suffixes: before noon (`false`) and after noon (`true`).
  static let meridiems: [(afternoon: Bool, names: [String])] = [
    (false, ["am", "a.m", "ق.ظ", "صبح"]),
    (true, ["pm", "p.m", "ب.ظ", "بعدازظهر", "عصر"]),
  ]
}
