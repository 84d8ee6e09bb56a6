/// Function words that tell Persian from Arabic spans (and legacy-charset text).
enum FunctionWords {
  /// Persian function words. Affixes that normalising attaches (می، ها، اند) are not
  /// here: a span must be judged the same before and after normalisation.
  static let persian: WordSet = words(
    "است را این که از به در با برای شد شده کرد کند آن هم نیز یک بود او ما شما آنها خود باید"
      + " چه چون اگر تا پس ولی اما همه هیچ دیگر وی ایشان کنند شود بر")
  /// Arabic function words that Persian does not use as words of its own (so not
  /// عليه "against", قد "height", كما, حتى, which Persian text has too).
  static let arabic: WordSet = words(arabicList)
  private static let arabicList =
    "في على إلى الى التي الذي الذين هذا هذه ذلك تلك كانت لن هو هي أن إن حيث ثم أو"
    + " إليه وقال أيضا التى لقد ليس لكن"

  /// ``arabic`` with ي ى → ی and ك → ک, as a Persian span's normalising writes them
  /// (a word's key folded the same way is in here whenever the word is in ``arabic``).
  static let arabicInPersianSpelling: WordSet = words(
    String(arabicList.unicodeScalars.map { Character(Unicode.Scalar(PersianFold.yehKaf($0.value))!) }))

  /// The three sets together, read once by a loop over many words (each read of a
  /// static of another type is a call to check that it was made).
  /// Their slots only (``WordSet/Slots``: copying them retains nothing; the sets are
  /// statics, alive for the life of the process).
  struct Sets {
    let persian = FunctionWords.persian.unownedSlots
    let arabic = FunctionWords.arabic.unownedSlots
    let arabicInPersianSpelling = FunctionWords.arabicInPersianSpelling.unownedSlots

    static let shared = Sets()
  }

  private static func words(_ list: String) -> WordSet {
    WordSet(list.split(separator: " ").map { WordSet.key(String($0)) })
  }
}
