/// Stage 3a — Persian letters, digits, marks and ZWNJ, in Persian spans only
/// (PERSIAN.md A.3–A.5). Protected spans and spans of other Arabic-script languages
/// pass through untouched.
struct PersianLetters {
  let classOf = ScalarClasses.shared
  struct Options: Sendable, Hashable {
    /// ي ى → ی, ك → ک, ۀ → ه + U+0654.
    var letters = true
    /// Arabic-Indic digits → Persian digits.
    var digits = true
    /// Remove tatweel.
    var tatweel = true
    /// Remove short-vowel marks (fatha, kasra, damma, sukun, shadda, tanwin other than
    /// tanwin-fath on alef).
    var diacritics = true
    /// Reduce a letter repeated three or more times to one (informal elongation).
    var repeatedLetters = true
    /// ZWNJ hygiene: collapse runs; drop at word edges and after non-joining letters.
    var zwnj = true
  }

  var options: Options

  func apply(_ buffer: TextBuffer, _ report: inout ChangeRecorder) -> TextBuffer {
    var out = Rewriter(buffer)
    let s = buffer.scalars
    let flags = buffer.flags
    let n = s.count
    var i = 0
    while i < n {
      let v = s[i]
      let f = flags[i]
      // Persian spans only; ZWNJ outside any Arabic-script span is hygiene-checked too.
      guard f.contains(.persian), !f.contains(.protected) else {
        if v == 0x200C, options.zwnj, !f.contains(.otherArabicScript) {
          zwnj(at: i, s, &out, &report)
        } else {
          out.keep(i)
        }
        i += 1
        continue
      }
      switch v {
      case 0x064A where options.letters:
        if i + 1 < n && s[i + 1] == 0x0654 {
          // ي + hamza above is a decomposed ئ: keep it ئ rather than ی + ٔ.
          out.replace(i..<i + 2, with: CollectionOfOne(0x0626), .arabicYeh, &report)
          i += 2
          continue
        }
        out.replace(i, with: 0x06CC, .arabicYeh, &report)
      case 0x0649 where options.letters:
        out.replace(i, with: 0x06CC, .arabicYeh, &report)
      case 0x0643 where options.letters:
        out.replace(i, with: 0x06A9, .arabicKaf, &report)
      case 0x06C0 where options.letters:
        out.replace(i..<i + 1, with: [0x0647, 0x0654], .hehWithYeh, &report)
      case 0x06D5 where options.letters && i + 1 < n && s[i + 1] == 0x0654:
        out.replace(i, with: 0x0647, .hehWithYeh, &report)
      case 0x0660...0x0669 where options.digits:
        out.replace(i, with: v - 0x0660 + 0x06F0, .arabicIndicDigit, &report)
      case 0x0640 where options.tatweel:
        out.delete(i, .tatweel, &report)
      case 0x064C...0x0652 where options.diacritics:
        out.delete(i, .diacritic, &report)
      case 0x064B where options.diacritics:
        // Tanwin-fath is written on alef (اتفاقاً, or ًا): keep it there.
        if out.lastOutput == 0x0627 || (i + 1 < n && s[i + 1] == 0x0627) { out.keep(i) } else {
          out.delete(i, .diacritic, &report)
        }
      case 0x200C where options.zwnj:
        zwnj(at: i, s, &out, &report)
      default:
        if options.repeatedLetters && i + 2 < n && s[i + 1] == v && s[i + 2] == v
          && classOf(v).isSuperset(of: .arabicLetter)
        {
          var j = i + 3
          while j < n && s[j] == v { j += 1 }
          out.keep(i)
          for k in (i + 1)..<j { out.delete(k, .repeatedLetter, &report) }
          i = j
          continue
        }
        out.keep(i)
      }
      i += 1
    }
    return out.output
  }

  /// ZWNJ is kept only between a letter that joins the next one and an Arabic-script
  /// letter (or between two letters of another script that uses it, such as Indic).
  private func zwnj(at i: Int, _ s: [UInt32], _ out: inout Rewriter, _ report: inout ChangeRecorder) {
    if i + 1 < s.count && s[i + 1] == 0x200C {
      out.delete(i, .repeatedZWNJ, &report)
      return
    }
    // The letter before, skipping marks (a ZWNJ after a vowel mark still follows its letter).
    var k = out.outputCount - 1
    while k >= 0 && classOf(out.outputScalar(k)).contains(.mark) { k -= 1 }
    let before = k >= 0 ? classOf(out.outputScalar(k)) : []
    let after = i + 1 < s.count ? classOf(s[i + 1]) : []
    if before.contains(.otherScript) && before.contains(.letter) && after.contains(.otherScript)
      && after.contains(.letter)
    {
      out.keep(i)
    } else if !before.isSuperset(of: .arabicLetter) || !(after.isSuperset(of: .arabicLetter) || after.contains(.mark) && after.contains(.arabicScript)) {
      out.delete(i, .strayZWNJ, &report)
    } else if before.contains(.nonJoiningNext) {
      out.delete(i, .zwnjAfterNonJoiner, &report)
    } else {
      out.keep(i)
    }
  }
}
