import MatnICU

/// Search keys (PERSIAN.md B): one function for both the index and the query, so
/// «مي‌روم», «می روم» and «میروم» meet, and so do «كتاب» and «کتاب», «۱۲» and «12».
///
/// ```swift
/// SearchKey.make("مي‌روم") == SearchKey.make("می روم")   // true
/// ```
///
/// Steps: the `article` profile (canonical Persian orthography), then NFKC_Casefold
/// (drops ZWNJ, ZWJ, bidi controls; case-folds), every decimal digit to ASCII,
/// ي ى → ی and ك → ک everywhere (Persian targets, unlike Lucene's Arabic ones), hamza
/// seats folded (أ إ آ ٱ → ا, ؤ → و, ئ → ی, ۀ/ه+ٔ → ه, ة → ه), all marks stripped
/// (Latin accents too), letters repeated three or more times reduced to one.
public enum SearchKey {
  private static let folding = TextNormalizer(profile: .index)
  private static let keepingHamza: TextNormalizer = {
    var options = TextNormalizer.Options(profile: .index)
    options.foldHamzaSeats = false
    return TextNormalizer(profile: .index, options: options)
  }()

  /// The search key of `text` (the `index` profile).
  ///
  /// - Parameter foldHamzaSeats: fold أ إ آ ٱ ؤ ئ ۀ ة to their bare letters (default);
  ///   when `false`, hamza and madda marks are kept and only harakat are stripped.
  public static func make(_ text: String, foldHamzaSeats: Bool = true) -> String {
    (foldHamzaSeats ? folding : keepingHamza).normalize(text).text
  }

  /// The search key of text that the `article` profile wrote already (an
  /// ``Article``'s paragraphs and title): ``make(_:foldHamzaSeats:)`` without running
  /// the article stages a second time. For such text the two agree (the stages leave
  /// their own output as it is); for other text use ``make(_:foldHamzaSeats:)``.
  public static func make(articleText text: String, foldHamzaSeats: Bool = true) -> String {
    (foldHamzaSeats ? folding : keepingHamza).searchKey(ofCanonical: text)
  }

  /// Per scalar below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic): bit 7 set for a
  /// nonspacing mark, the low bits one more than its decimal digit value (0: not a
  /// decimal digit). Built once from the scalar properties, so it says what they say.
  private static let low: [UInt8] = (0..<0x800).map { v in
    guard let scalar = Unicode.Scalar(UInt32(v)) else { return 0 }
    var bits: UInt8 = scalar.properties.generalCategory == .nonspacingMark ? 0x80 : 0
    if scalar.properties.numericType == .decimal, let digit = scalar.properties.numericValue { bits |= UInt8(digit) + 1 }
    return bits
  }

  /// Whether `scalar` is a nonspacing mark, and its decimal digit value.
  @inline(__always)
  private static func classify(_ scalar: Unicode.Scalar) -> (mark: Bool, digit: UInt32?) {
    let v = scalar.value
    if v < 0x800 {
      let bits = low[Int(v)]
      return (bits & 0x80 != 0, bits & 0x7F == 0 ? nil : UInt32(bits & 0x7F) - 1)
    }
    let digit = scalar.properties.numericType == .decimal ? scalar.properties.numericValue.map { UInt32($0) } : nil
    return (scalar.properties.generalCategory == .nonspacingMark, digit)
  }

  /// The folding steps after canonical orthography.
  static func fold(_ text: String, foldHamzaSeats: Bool) -> String {
    let folded = Normalizer.nfkcCasefold.normalize(text)
    // Decomposing exposes hamza and madda as marks (أ = ا + ٔ), so stripping marks
    // folds the seats; Latin accents go the same way (é = e + ́).
    let decomposed = Normalizer.nfd.normalize(folded)
    // Scalars kept in an array and encoded once (appending to a String's scalar view
    // one at a time was a tenth of an index build).
    var out: [UInt32] = []
    out.reserveCapacity(decomposed.utf8.count)
    var last: UInt32 = 0
    var run = 0
    for scalar in decomposed.unicodeScalars {
      var v = scalar.value
      let (mark, digit) = classify(scalar)
      if let digit { v = 0x30 + digit }
      v = PersianFold.yehKaf(v)
      switch v {
      case 0x0671 where foldHamzaSeats: v = 0x0627  // ٱ → ا
      case 0x0629 where foldHamzaSeats: v = 0x0647  // ة → ه
      case 0x06D5: v = 0x0647  // ە (from ۀ = ە + ٔ) → ه
      default: break
      }
      if mark && (foldHamzaSeats || !(0x0653...0x0655).contains(v)) {
        continue
      }
      if v == last && ScalarClass.of(v).contains(.letter) {
        run += 1
        if run >= 2 {
          // Third and later repetitions: reduce the whole run to one letter.
          if run == 2 { out.removeLast() }
          continue
        }
      } else {
        run = 0
      }
      out.append(v)
      last = v
    }
    let key = out.withUnsafeBufferPointer { scalars in
      String(unsafeUninitializedCapacity: max(1, 4 * scalars.count)) { ScalarScan.encode(scalars, into: $0.baseAddress!) }
    }
    return Normalizer.nfc.normalize(key)
  }
}
