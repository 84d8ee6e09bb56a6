import CICUShim

/// Arabic shaping: each Arabic letter replaced by the presentation form of its place in
/// the word (initial, medial, final, isolated), lam + alef by its ligature — what a
/// terminal that draws every code point alone needs to show joined Arabic script.
///
/// The corresponding C function is `u_shapeArabic` (letters shaped, logical order,
/// length allowed to shrink for lam-alef ligatures).
///
/// - Thread safety: a pure function.
public enum ArabicShaping {
  /// `text` (in logical order) with its Arabic letters shaped.
  public static func shape(_ text: String) -> String {
    var text = text
    return text.withUTF8 { utf8 in
      precondition(utf8.count < Int32.max, "text longer than 2 GiB: split it first")
      var status: Int32 = 0
      var out: UnsafeMutablePointer<UInt8>?
      let n = cicu_shape_arabic_utf8(
        utf8.baseAddress, Int32(utf8.count),
        UInt32(CICU_SHAPE_LETTERS_SHAPE | CICU_SHAPE_TEXT_DIRECTION_LOGICAL | CICU_SHAPE_LENGTH_GROW_SHRINK), &out,
        &status)
      ICU.expect(status, "u_shapeArabic")
      return ICU.adoptString(out, count: n)
    }
  }
}
