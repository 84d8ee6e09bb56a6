/// A Swift fast path for ICU 72's `Russian-Latin/BGN; Latin-ASCII` on words written in
/// the 33-letter Russian alphabet (and hyphens), giving what ``NameIndexer`` keeps of
/// ICU's output: the letters (ë as e; the primes ʹ ʺ and the separator · dropped).
///
/// It follows ICU's rule file (CLDR `ru-ru_Latn-BGN`) as ICU applies it: a first pass
/// for е ё ы э after a vowel, й ъ ь or a consonant, a second for the letters, each rule's
/// preceding context matched against the text already rewritten and its following
/// context against the text not yet rewritten; Case contexts are Unicode's Uppercase
/// and Lowercase properties (so ь and Latin letters count). `Tests/MatnTests/
/// RussianBGNTests` compares it with ICU on every word of up to three letters and
/// hyphens, on random longer words and on every Russian name in ../shared/data.
///
/// ICU (`Han-Latin`, `Russian-Latin/BGN`) costs a few microseconds per call; this
/// runs in well under one, which is what keeps Russian names above 100,000 a second.
enum RussianBGN {
  /// The romanisation of `word`, or nil when it has a scalar outside А–я, Ё, ё and "-"
  /// (ICU then handles it).
  ///
  /// - Complexity: O(*n*) in the length of `word`.
  static func romanize(_ word: Substring) -> String? {
    var input: [Unicode.Scalar] = []
    input.reserveCapacity(word.unicodeScalars.count)
    for v in word.unicodeScalars {
      guard (0x0410...0x044F).contains(v.value) || v.value == 0x0401 || v.value == 0x0451 || v == "-" else { return nil }
      input.append(v)
    }
    let rewritten = secondPass(firstPass(input))
    var out = String.UnicodeScalarView()
    for v in rewritten {
      switch v {
      case "ë": out.append("e")
      case "Ë": out.append("E")
      case "ʹ", "ʺ", "·": continue
      default: out.append(v)
      }
    }
    return String(out)
  }

  static let upperVowels: Set<Unicode.Scalar> = ["А", "Е", "Ё", "Э", "И", "О", "У", "Ы", "Ю", "Я"]
  static let lowerVowels: Set<Unicode.Scalar> = ["а", "е", "ё", "э", "и", "о", "у", "ы", "ю", "я"]
  /// Before е (and ё): after these, it is "ye".
  static let yeAfterUpper: Set<Unicode.Scalar> = upperVowels.union(["Й", "Ъ", "Ь"])
  static let yeAfterAny: Set<Unicode.Scalar> = upperVowels.union(lowerVowels).union(["Й", "й", "Ъ", "ъ", "Ь", "ь"])
  /// After й and Ы: a separator "·" before these.
  static let separatedAfterY: Set<Unicode.Scalar> = ["А", "а", "У", "у", "Ы", "ы", "Э", "э"]
  static let separatedAfterSmallYeru: Set<Unicode.Scalar> = ["а", "у", "ы", "э"]

  static func isUpper(_ v: Unicode.Scalar?) -> Bool { v?.properties.isUppercase ?? false }
  static func isLower(_ v: Unicode.Scalar?) -> Bool { v?.properties.isLowercase ?? false }
  static func isVowel(_ v: Unicode.Scalar) -> Bool { upperVowels.contains(v) || lowerVowels.contains(v) }
  /// `$consonants`: any cased letter that is not a Russian vowel.
  static func isConsonant(_ v: Unicode.Scalar?) -> Bool {
    guard let v else { return false }
    return (v.properties.isUppercase || v.properties.isLowercase) && !isVowel(v)
  }
  /// `$wordBoundary`: the start, or anything but a letter, mark or number.
  static func isBoundary(_ v: Unicode.Scalar?) -> Bool {
    guard let v else { return true }
    switch v.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
      return false
    default: return true
    }
  }

  /// The rules before `::Null`: ы after a vowel, э after a consonant, е ё after a vowel,
  /// й, ъ or ь.
  static func firstPass(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(s.count + 4)
    for (i, c) in s.enumerated() {
      let prev = out.last
      let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
      let replacement: String? = {
        guard let prev else { return nil }
        switch c {
        case "ы" where lowerVowels.contains(prev): return "·y"
        case "Ы", "ы":
          guard upperVowels.contains(prev) else { return nil }
          return isLower(next) ? "·y" : "·Y"
        case "Э", "э":
          guard isConsonant(prev), prev != "Й", prev != "й" else { return nil }
          return c == "Э" ? "·E" : "·e"
        case "Е", "Ё":
          guard yeAfterUpper.contains(prev) else { return nil }
          let vowel = c == "Е" ? "E" : "Ë"
          return isUpper(next) ? "Y" + vowel : "Y" + vowel.lowercased()
        case "е", "ё":
          return yeAfterAny.contains(prev) ? (c == "е" ? "ye" : "yë") : nil
        default: return nil
        }
      }()
      if let replacement { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(c) }
    }
    return out
  }

  /// Letters with one spelling whatever their neighbours.
  static let plain: [Unicode.Scalar: String] = [
    "А": "A", "а": "a", "Б": "B", "б": "b", "В": "V", "в": "v", "Г": "G", "г": "g", "Д": "D", "д": "d",
    "ж": "zh", "З": "Z", "з": "z", "И": "I", "и": "i", "К": "K", "к": "k", "Л": "L", "л": "l", "М": "M", "м": "m",
    "Н": "N", "н": "n", "О": "O", "о": "o", "П": "P", "п": "p", "Р": "R", "р": "r", "С": "S", "с": "s",
    "У": "U", "у": "u", "Ф": "F", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "щ": "shch",
    "Ъ": "ʺ", "ъ": "ʺ", "Ь": "ʹ", "ь": "ʹ", "Э": "E", "э": "e", "ю": "yu", "я": "ya",
  ]
  /// Capitals written as a digraph: title case before a lower-case letter, else all caps.
  static let digraphs: [Unicode.Scalar: String] = [
    "Ж": "ZH", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ю": "YU", "Я": "YA",
  ]

  /// The alphabetic rules after `::Null`.
  static func secondPass(_ t: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(t.count * 2)
    var i = 0
    while i < t.count {
      let c = t[i]
      let next: Unicode.Scalar? = i + 1 < t.count ? t[i + 1] : nil
      let afterNext: Unicode.Scalar? = i + 2 < t.count ? t[i + 2] : nil
      var consumed = 1
      let replacement: String
      switch c {
      case "Е": replacement = isBoundary(out.last) ? (isUpper(next) ? "YE" : "Ye") : "E"
      case "е": replacement = isBoundary(out.last) ? "ye" : "e"
      case "Ё":
        let following = next == "·" && (isUpper(afterNext) || isLower(afterNext)) ? afterNext : next
        if isBoundary(out.last) && isUpper(following) {
          replacement = "YË"
        } else if isBoundary(out.last) && isLower(following) {
          replacement = "Yë"
        } else {
          replacement = "Ë"
        }
      case "ё": replacement = isBoundary(out.last) ? "yë" : "ë"
      case "Й": replacement = next.map(separatedAfterY.contains) == true ? "Y·" : "Y"
      case "й": replacement = next.map(separatedAfterY.contains) == true ? "y·" : "y"
      case "Ы": replacement = next.map(separatedAfterY.contains) == true ? "Y·" : "Y"
      case "ы": replacement = next.map(separatedAfterSmallYeru.contains) == true ? "y·" : "y"
      case "Т" where next == "С": (replacement, consumed) = ("T·S", 2)
      case "Т" where next == "с": (replacement, consumed) = ("T·s", 2)
      case "Т": replacement = "T"
      case "т" where next == "с": (replacement, consumed) = ("t·s", 2)
      case "т": replacement = "t"
      case "Ш" where next == "Ч": (replacement, consumed) = ("SH·CH", 2)
      case "Ш" where next == "ч": (replacement, consumed) = ("Sh·ch", 2)
      case "ш" where next == "ч": (replacement, consumed) = ("sh·ch", 2)
      case "ш": replacement = "sh"
      default:
        if let caps = digraphs[c] {
          replacement = isLower(next) ? caps.prefix(1) + caps.dropFirst().lowercased() : caps
        } else {
          replacement = plain[c] ?? String(c)
        }
      }
      out.append(contentsOf: replacement.unicodeScalars)
      i += consumed
    }
    return out
  }
}
