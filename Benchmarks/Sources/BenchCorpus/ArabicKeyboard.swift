// The generated corpus as typed on an Arabic keyboard, the way much Persian news text
// arrives: Arabic yeh ي (U+064A) for ی, Arabic kaf ك (U+0643) for ک, and a plain space
// where a ZWNJ belongs (می شود, کتاب ها). Normalising it gives the orthography stage
// real work: letter mapping and affix joining (the `article` profile restores most of
// what this removes).

public enum ArabicKeyboard {
  /// `text` with ی → ي, ک → ك and every ZWNJ → space. Same length in scalars.
  public static func retype(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x06CC: scalars.append("\u{064A}")
      case 0x06A9: scalars.append("\u{0643}")
      case 0x200C: scalars.append(" ")
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}
