/// Names in Persian text: given names and titles as evidence, followed by name parts.
extension NameExtractor {
  /// What one Persian word can be in a name.
  enum PersianWord {
    case stop
    /// A common given name (our curated list, or a lexicon given name): starts a name alone.
    case strongGiven
    /// Another given name (many are also ordinary words): needs a title or a family name.
    case given
    /// A lexicon family name, or a word with a clear family-name ending (-زاده, -پور…).
    case family
    /// A word ending in -ی: a family name only next to other evidence.
    case weakFamily
    /// A frequent word or an adjective (محمودی, عظیمی, دانشجو, مفید are also family
    /// names): a family name only as the last part after a common given name or a title,
    /// when what follows is a word that follows names in news («امروز», «در», «گفت»…).
    case common
    case unknown
  }

  /// Words that end a name whose last word is a frequent word («حسین محمودی امروز»): times
  /// of day, «نیز», «هم», «که», «در» and the verbs of saying — not «به», «از», «و», «را», «با»,
  /// which follow the noun of a phrase as often («تصمیم به», «تقدیر و تشکر», «بنا به»).
  static let afterCommonNameWords: Set<UInt64> = Set(
    [
      "امروز", "در", "ظهر", "صبح", "عصر", "شب", "امشب", "دیروز", "روز", "که", "نیز", "هم", "گفت", "افزود", "اظهار",
      "تصریح",
    ].map { NameTables.key($0) }
      + timeWords)

  /// Times that follow a speaker's name in news and are never part of it: «بعدازظهر»,
  /// «دیشب», weekdays («X سه‌شنبه گفت»).
  static let timeWords: [UInt64] = [
    "بعدازظهر", "قبلازظهر", "دیشب", "فردا", "اکنون", "اخیرا", "شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه",
    "پنجشنبه", "جمعه", "شامگاه", "صبحگاه", "سحرگاه", "بامداد", "همچنین", "هنگام",
  ].map { NameTables.key($0) }

  /// Words that follow a name in Persian news: «حسین محمودی امروز در گفت‌وگو…».
  static let afterNameWords: Set<UInt64> = Set(
    [
      "امروز", "در", "با", "ظهر", "صبح", "عصر", "شب", "امشب", "دیروز", "روز", "که", "نیز", "هم", "به", "از", "و", "را",
      "گفت", "افزود", "اظهار", "تصریح", "پس",
    ].map { NameTables.key($0) }
      + timeWords)

  /// Scans Arabic-script words. A name is a title chain («آیت‌الله سید») followed by
  /// name parts, or a given name followed by given names and a family name (a lexicon
  /// part, a word with a family-name ending such as -ی, -زاده, -نژاد, «-پور», or — right
  /// after a given name — up to two other words that are not function words, verbs,
  /// adjectives or frequent words).
  /// After an office («وزیر», «رئیس‌جمهور») the first part must be a given name or a
  /// lexicon part. Words are compared through a fold (ي/ك, ZWNJ), offsets are the original's.
  ///
  /// - Complexity: O(*n*) in the number of tokens.
  /// Pairs a second reading may accept go to `pairs` (see ``familyPair(at:_:)``), words
  /// that are names only if the document makes them speakers twice to `speakers` (see
  /// ``wordSpeaker(at:_:)``).
  func persianMentions(
    _ text: NameTokens, found: inout [Found], pending: inout [Int], pairs: inout [Int], speakers: inout [Int]
  ) {
    let tokens = text.tokens
    var i = 0
    while i < tokens.count {
      guard tokens[i].script == .arabic else {
        i += 1
        continue
      }
      // A chain of titles.
      var k = i
      var titleKind: NameTables.Title.Kind?
      var lastTitle = (start: i, length: 0, kind: NameTables.Title.Kind.honorific)
      while k < tokens.count, tokens[k].script == .arabic, k == i || connected(tokens[k - 1]),
        let (length, kind) = title(at: k, in: tokens)
      {
        if titleKind != .honorific { titleKind = kind }
        lastTitle = (k, length, kind)
        k += length
      }
      // An office of one word that ends a chain after an honorific, with no name after
      // it, is the name: «آیت‌الله صدر و…» («صدر», chairman, is also a family name).
      // (Only after a cleric's title: «آقای شهردار را» addresses the mayor.)
      if lastTitle.kind == .office, lastTitle.length == 1, lastTitle.start > i, titleKind == .honorific,
        (i..<lastTitle.start).contains(where: { Self.clericTitles.contains(tokens[$0].key) }),
        k >= tokens.count || !connected(tokens[k - 1]) || tokens[k].script != .arabic
          || Self.afterNameWords.contains(tokens[k].key)
      {
        k = lastTitle.start
      }
      let titled = k > i
      // A title that always names a person after it (not «امام», «شهید», «استاد», whose
      // next word may be an epithet or a field: «امام زمان», «استاد دانشگاه»).
      let strict = titled && (i..<k).contains { Self.strictTitles.contains(tokens[$0].key) }
      // A name after a place word is the name of the place: «میدان امام خمینی», «پایانه شهید کلانتری».
      if i > 0, tokens[i - 1].script == .arabic, connected(tokens[i - 1]), tables.thingWords.contains(tokens[i - 1].key) {
        i = max(k, i + 1)
        continue
      }
      guard k < tokens.count, tokens[k].script == .arabic, !titled || connected(tokens[k - 1]) || tokens[k - 1].quoted
      else {
        i = max(k, i + 1)
        continue
      }
      // A name in quotation marks after an honorific: «مولانا «فقیر محمد»», «سناتور «مک کین»»
      // (after an office it may be the office's object: «رهبر «جماعت‌الدعوه»»).
      if titleKind == .honorific, tokens[k - 1].quoted, let last = quotedName(at: k, text) {
        found.append(Found(first: k, last: last, titleFirst: i))
        i = last + 1
        continue
      }
      // The name parts.
      var parts: [PersianWord] = []
      // Whether a family name with a family-name ending is in (see ``continuesFamily(_:apart:)``).
      var familyIn = false
      var m = k
      while m < tokens.count, parts.count < 5, tokens[m].script == .arabic, m == k || connected(tokens[m - 1]) {
        if title(at: m, in: tokens) != nil && m > k { break }
        // A word that follows names ends one: a time («… بعدازظهر»), «در», «که».
        if m > k && Self.afterCommonNameWords.contains(tokens[m].key) { break }
        // «بن» (son of) between a given name and another name word: «اسامه بن لادن».
        if m > k, parts.last == .strongGiven || parts.last == .given, Self.sonOf.contains(tokens[m].key),
          m + 1 < tokens.count, connected(tokens[m]), tokens[m + 1].script == .arabic, tokens[m + 1].letterCount >= 3
        {
          let next = persianWord(tokens[m + 1], folded: text.folded)
          guard next != .stop && next != .common else { break }
          parts.append(.given)
          parts.append(.family)
          m += 2
          continue
        }
        // A family-name ending written apart never starts a name («شیخ زاده» after a title).
        if m == k && tables.isFamilyEnding(tokens[m], in: text.folded) { break }
        // A given name written apart from its «الله» or «الدین» («روح الله», «بیت الله»,
        // «جلال الدین»): one name part, read as the word written joined.
        let joined = joinedGiven(at: m, text)
        var word = joined ?? persianWord(tokens[m], folded: text.folded)
        // A month that is also a given name, before a family name: «محرم شهبازی».
        if word == .stop && m == k && wordGiven(at: m, text) { word = .strongGiven }
        if word == .stop { break }
        // A lexicon name part after the first word is a family name («محمدجواد ظریف»).
        if (word == .given || word == .strongGiven) && !parts.isEmpty {
          // A persons' last word only after a common given name or a title: the
          // given-name list also holds ordinary words («فولاد مبارکه»).
          if tables.persianParts.contains(tokens[m].key) {
            word = .family
          } else if tables.persianFamily.contains(tokens[m].key) {
            word = parts.last == .strongGiven || titled ? .family : .weakFamily
          }
        }
        // A word written apart from its ending «ای» («خامنه ای»): one name part.
        let apart =
          joined != nil
          || (m + 1 < tokens.count && connected(tokens[m]) && tokens[m + 1].script == .arabic
            && Self.separateEnding.contains(tokens[m + 1].key))
        if apart && joined == nil && (word == .unknown || word == .common || word == .weakFamily) { word = .family }
        // The word after a common foreign given name is its family name: a word no list
        // knows («پل برمر», «جو هارت»), or — after one that is no Persian word — any word
        // («هری کین»; not after «جان», «پل», which are words too).
        // (A word no list knows after one that is no Persian word is read as before: up to
        // two such words, «خوزه لوئیس رودریگز»; a frequent word not before a verb or «به»:
        // «یانگ منتشر شد», «نواز موسوم به».)
        let foreignLead = m == k + 1 && parts.count == 1 && tables.persianForeignGiven.contains(tokens[k].key)
        let foreignFamily =
          foreignLead && tokens[m].letterCount >= 3 && !Self.afterNameWords.contains(tokens[m].key)
          && ((word == .unknown && parts[0] == .given && foreignLooking(tokens[m], text.folded))
            || (word == .common && parts[0] == .strongGiven && !verbOrObjectFollows(m, text)))
        if foreignFamily { word = .family }
        // A foreign given name that is also a verb stem («جو», «خوان») is one only first,
        // before a word no list knows («جو هارت»; not «عباس خوان», «جو مصطفی…»).
        if (m > k || !(m + 1 < tokens.count && connected(tokens[m]))) && tables.persianForeignGiven.contains(tokens[m].key)
          && isVerbForm(tokens[m])
        {
          break
        }
        if m == k + 1 && !foreignFamily && isVerbForm(tokens[k]) { break }
        // A family-name ending written apart from the part before it: «فیروز آبادی», «احمدی نژاد».
        if m > k && word != .stop && tables.isFamilyEnding(tokens[m], in: text.folded) { word = .family }
        // After a family name, another word only if it is a family-name part too, or the
        // name ends after it («علی محمدی تقدیر و تشکر», «حسن حسینی متولد ۱۳۳۵»).
        if familyIn && !continuesFamily(tokens[m], apart: apart, text.folded)
          && !endsNameStrictly(after: apart ? m + 1 : m, text)
        {
          break
        }
        if word == .common {
          // A frequent word as the last part, after a common given name or an honorific
          // (after an office it is the office's object: «دبیر جشنواره گفت»), when a word
          // that ends names follows. Straight after a given name (which wants a family
          // name) any such word will do; after another part a preposition makes it the
          // head of a phrase («ژنرال مشرف تصمیم به»). Kept as `.common`: alone after an
          // honorific it is an epithet («امام زمان»), no name.
          // (A given name that is also a word, «مشرف», wants the stricter ending: «ژنرال
          // مشرف تصمیم به» is no name.)
          // (A common given name read as a lexicon family name counts: «محمد حسن فایده و…».)
          let afterGiven =
            parts.last == .strongGiven || (parts.last == .family && tables.persianCommonGiven.contains(tokens[m - 1].key))
          // Straight after a title that always names a person, the word is the name
          // («ژنرال مشرف تصمیم…», «آیت‌الله صدر»).
          let ends =
            !connected(tokens[m]) || m + 1 >= tokens.count || tokens[m + 1].script != .arabic
            || (afterGiven ? Self.afterNameWords : Self.afterCommonNameWords).contains(tokens[m + 1].key)
            || (strict && parts.isEmpty)
          // After two name parts, not the noun of a phrase or compound verb: «سعید فتاح
          // تجلیل به عمل آمد» (honoured), «X Y اشاره کرد».
          guard afterGiven || titleKind == .honorific, ends, tokens[m].letterCount >= 3,
            !Self.afterNameWords.contains(tokens[m].key), parts.count < 2 || !verbOrObjectFollows(m, text)
          else { break }
          parts.append(.common)
          m += 1
          // The name may go on after it there: «حجت‌الاسلام نجات فیاضی».
          if strict && parts.count == 1 { continue }
          break
        }
        if word == .unknown {
          // Up to two unknown words after a common given name (after a title, any given
          // name) — unless a verb follows (the noun of a compound verb: «دیدار کردند»).
          let lead = parts.last == .unknown ? parts.dropLast().last : parts.last
          let afterGiven = lead == .strongGiven || (titled && lead == .given)
          let verbFollows =
            m + 1 < tokens.count && connected(tokens[m]) && tokens[m + 1].script == .arabic
            && persian.verbForms.contains(tokens[m + 1].key) && !tables.notNames.contains(tokens[m + 1].key)
            && !Self.speechVerbs.contains(tokens[m + 1].key)
          guard afterGiven && !verbFollows else { break }
        }
        parts.append(word)
        familyIn = familyIn || (word == .family && marksFamily(tokens[m], text.folded))
        m += apart ? 2 : 1
      }
      // A name and «آباد» written apart is a place's name: «فیروز آباد», «محمود آباد» (read
      // as a name with an ending written apart, or ending the name).
      if let end = (k + 1..<min(m + 1, tokens.count)).first(where: { tokens[$0].key == Self.abad }),
        connected(tokens[end - 1])
      {
        i = end + 1
        continue
      }
      let accepted: Bool
      if let first = parts.first {
        let rest = parts.dropFirst()
        switch titleKind {
        case .honorific?:
          // A given name that is no ordinary word, alone after an honorific when the name
          // ends there («آقای بیگی استاندار»; not «امیر ارشد»); any word after a title
          // that always names a person («ژنرال مشرف»).
          accepted =
            parts.count >= 2 || (first != .given && first != .common)
            || (first == .given && !ordinaryWord(tokens[k]) && endsName(after: k, text))
            || (strict && parts.count == 1)
        case .office?:
          // A given name that is also a word wants a name part that is no word after it:
          // after an office, two words are as often the office's organisation («مدیرعامل
          // فولاد مبارکه», steel and a town).
          accepted =
            first == .strongGiven || first == .family
            || (first == .given && rest.contains { $0 != .given }
              && (!ordinaryWord(tokens[k]) || (k + 1..<m).contains { !ordinaryWord(tokens[$0]) }))
        case nil:
          // A given name after a common given name is a family name too («علی یوسفی»).
          accepted = (first == .strongGiven && !rest.isEmpty) || (first == .given && rest.contains(.family))
        }
      } else {
        accepted = false
      }
      // The subject of a clause, ended by a word that follows names: «، محمد حسن اکبری مطلق
      // امروز در…» — longer than what the word-by-word reading accepts.
      if !titled, let last = clauseSubject(at: k, text), !accepted || last > m - 1 {
        found.append(Found(first: k, last: last, titleFirst: nil))
        i = last + 1
      } else if accepted {
        found.append(Found(first: k, last: m - 1, titleFirst: titled ? i : nil))
        i = m
      } else if titleKind == .office, parts.first == nil, let last = foreignName(at: k, text) {
        // After an office, as at a clause's start: «دستیار فابیو کاپلو در…».
        found.append(Found(first: k, last: last, titleFirst: i))
        i = last + 1

      } else if !titled, let last = quotedGivenName(at: k, text) {
        found.append(Found(first: k, last: last, titleFirst: nil))
        i = last + 1
      } else if !titled, let last = appositionName(at: k, text) {
        found.append(Found(first: k, last: last, titleFirst: nil))
        i = last + 1
      } else if !titled, familyBeforeOffice(at: k, text) {
        found.append(Found(first: k, last: k, titleFirst: nil))
        i = k + 1
      } else if !titled, spokenAlone(at: k, text) {
        found.append(Found(first: k, last: k, titleFirst: nil))
        i = k + 1
      } else {
        // Not an ending alone («زاده»): a name written «حسین زاده» does not make it one.
        if !titled && parts.count <= 1 && tokens[k].letterCount >= 3 && !tables.isFamilyEnding(tokens[k], in: text.folded)
          && !compoundEnd(tokens[k], text.folded)
        {
          pending.append(k)
        }
        if !titled && familyPair(at: k, text) { pairs.append(k) }
        if !titled && parts.isEmpty && wordSpeaker(at: k, text) { speakers.append(k) }
        i = k + 1
      }
    }
    listNames(text, found: &found)
    // After the lists: the run after a plural title holds every item of its own list.
    pluralTitleNames(text, found: &found)
  }

  /// Titles in the plural, which head a list of names: «شهیدان X و Y», «سرداران X و Y».
  static let pluralTitles: Set<UInt64> = Set(
    ["شهیدان", "شهدا", "سرداران", "امیران", "سرلشکران", "سرتیپان", "سرهنگان", "آیات", "حجج"].map { NameTables.key($0) })

  /// Whether a word alone may be a family name by its form: a family name by the lists or
  /// its ending, or a word no list knows that looks like a name (not a plural or a verb)
  /// — no function word, verb, frequent word, adjective, title, place word, abstract
  /// noun or given name (a given name alone is a person's only with a title), of four
  /// letters or more.
  /// With `joined`, a word no list knows may also be two known words written as one.
  func familyLike(_ t: NameToken, _ folded: [UInt32], joined: Bool = false) -> Bool {
    guard t.script == .arabic, t.letterCount >= 4, contextNamePart(t, folded: folded), !ordinaryWord(t),
      !tables.persianGiven.contains(t.key), !tables.persianWordGiven.contains(t.key), !abstractOrPlural(t, folded)
    else { return false }
    let word = persianWord(t, folded: folded)
    return word == .family || word == .weakFamily || (word == .unknown && (joined || foreignLooking(t, folded)))
  }

  /// Names of one word each after a title in the plural, joined by «و» («شهیدان X و Y
  /// و سایر…»): two or more words that may be family names (``familyLike(_:_:)``), each
  /// followed by «و», a punctuation mark or the clause's end.
  func pluralTitleNames(_ text: NameTokens, found: inout [Found]) {
    let tokens = text.tokens
    let and = NameTables.key("و")
    let taken = Set(found.flatMap { Array($0.first...$0.last) })
    var items: [Int] = []
    for i in tokens.indices where tokens[i].script == .arabic && Self.pluralTitles.contains(tokens[i].key) {
      var run: [Int] = []
      var s = i + 1
      while s < tokens.count, connected(tokens[s - 1]), !taken.contains(s), familyLike(tokens[s], text.folded, joined: true) {
        let last = s + 1 >= tokens.count || !connected(tokens[s]) || tokens[s + 1].script != .arabic
        if !last && tokens[s + 1].key != and { break }
        run.append(s)
        if last || s + 2 >= tokens.count || !connected(tokens[s + 1]) { break }
        s += 2
      }
      if run.count >= 2 { items += run }
    }
    guard !items.isEmpty else { return }
    found += items.map { Found(first: $0, last: $0, titleFirst: nil) }
    found.sort { $0.first < $1.first }
  }

  /// Whether a word in a name's family-name place marks it as one by its ending («محمدی»,
  /// «ناظمیان‌پور», «واقعی») or is an ending written apart («همتی زاده»), and is no common
  /// given name («علی»).
  func marksFamily(_ t: NameToken, _ folded: [UInt32]) -> Bool {
    (tables.familyEnding(t, in: folded) != nil || tables.isFamilyEnding(t, in: folded))
      && !tables.persianCommonGiven.contains(t.key)
  }

  /// Whether a word continues a family name already read: a lexicon part or a persons'
  /// last word («هاشمی رفسنجانی»), a word with a family-name ending of two letters or more
  /// («نجف‌پور بوشهری» reads the other way), an ending written apart («احمدی نژاد»), or
  /// a word written apart from its ending «ای». A word that only ends in «ی» does not
  /// («ناظمیان‌پور دقایقی»): Persian names are given names, then family names.
  func continuesFamily(_ t: NameToken, apart: Bool, _ folded: [UInt32]) -> Bool {
    apart || tables.persianParts.contains(t.key) || tables.persianFamily.contains(t.key)
      || tables.familyEnding(t, in: folded) == .strong || tables.isFamilyEnding(t, in: folded)
  }

  /// Whether a name certainly ends after token `m`: a punctuation mark or the window's
  /// end, a word that follows names («امروز», «در», «که», a time), a verb of saying, an
  /// office, a speaker frame, or a word in another script — not a number («متولد ۱۳۳۵»),
  /// «و» («تقدیر و تشکر») or any other word.
  func endsNameStrictly(after m: Int, _ text: NameTokens) -> Bool {
    let tokens = text.tokens
    if m + 1 >= tokens.count || tokens[m].endsClause { return true }
    guard connected(tokens[m]) else { return false }
    let next = tokens[m + 1]
    return next.script != .arabic || Self.afterCommonNameWords.contains(next.key) || Self.speechVerbs.contains(next.key)
      || title(at: m + 1, in: tokens)?.kind == .office || speakerFrame(at: m + 1, tokens)
  }

  /// Whether a word is also a frequent word or an adjective («ارشد» senior, «مشرف»).
  func ordinaryWord(_ t: NameToken) -> Bool {
    persian.adjectives.contains(t.key) || tables.frequentArabicScript.contains(t.key)
  }

  /// Whether the name can end with token `m`: the clause ends there, or the next word
  /// follows names («امروز», «در», «که», a time), is a verb of saying or an office.
  func endsName(after m: Int, _ text: NameTokens) -> Bool {
    let tokens = text.tokens
    return !connected(tokens[m]) || m + 1 >= tokens.count || tokens[m + 1].script != .arabic
      || Self.afterCommonNameWords.contains(tokens[m + 1].key) || Self.speechVerbs.contains(tokens[m + 1].key)
      || title(at: m + 1, in: tokens)?.kind == .office
  }

  /// Names in a list with names found («جعفر فیروزآبادی، آرمین بندار، وحید جدی و …»): an
  /// item of two words after a found name and a comma or «و», whose first word is a given
  /// name and second no function word, verb, title or place word, ended by a comma, «و»,
  /// «از» or the clause's end. Each item found this way may lead to the next.
  func listNames(_ text: NameTokens, found: inout [Found]) {
    let tokens = text.tokens
    var queue = found.filter { tokens[$0.first].script == .arabic }.map { (last: $0.last, single: $0.first == $0.last) }
    var taken = Set(found.flatMap { Array($0.first...$0.last) })
    let and = NameTables.key("و")
    let from = NameTables.key("از")
    while let (last, single) = queue.popLast() {
      if single || tokens[last].quoted || tokens[last].quoteAfter, let item = singleItem(after: last, text),
        !taken.contains(item)
      {
        found.append(Found(first: item, last: item, titleFirst: nil))
        taken.insert(item)
        queue.append((item, true))
        continue
      }
      var s = last + 1
      if tokens[last].endsClause && !tokens[last].endsSentence {
        // A comma, colon or semicolon, then the item.
      } else if connected(tokens[last]), s < tokens.count, tokens[s].key == and {
        s += 1
      } else {
        continue
      }
      guard s + 1 < tokens.count, !taken.contains(s), !taken.contains(s + 1), tokens[s].script == .arabic, tokens[s + 1].script == .arabic,
        connected(tokens[s]), !tables.titleStarts.contains(tokens[s].key)
      else { continue }
      let first = persianWord(tokens[s], folded: text.folded)
      guard first == .given || first == .strongGiven, tokens[s + 1].letterCount >= 2,
        !tables.titleStarts.contains(tokens[s + 1].key), !tables.thingWords.contains(tokens[s + 1].key),
        persianWord(tokens[s + 1], folded: text.folded) != .stop
      else { continue }
      let e = s + 1
      // The last item after «و», its second word marked as a family name by its ending
      // («…، کبری X و زیبا بنی‌طالبی دو بانوی…»), ends there whatever follows.
      let ends =
        (tokens[e].endsClause && !tokens[e].endsSentence) || !connected(tokens[e]) || e + 1 >= tokens.count
        || tokens[e + 1].script != .arabic || tokens[e + 1].key == and || tokens[e + 1].key == from
        || (tokens[s - 1].key == and && marksFamily(tokens[e], text.folded))
      guard ends else { continue }
      found.append(Found(first: s, last: e, titleFirst: nil))
      taken.formUnion([s, e])
      queue.append((e, false))
    }
    found.sort { $0.first < $1.first }
  }

  /// A name of one word after a name of one word and «و», as names are listed side by
  /// side («بابایی و X و…», «"X Y" و "Z"»; a name in quotation marks may be longer): a word that is no function word, verb,
  /// frequent word, adjective, title, place word or given name (a given name alone is a
  /// person's only with a title), of four letters or more, a family name by the lists or
  /// its ending, or a word no list knows that looks like a name (not a plural or a verb);
  /// the list item ends there (a punctuation mark, «و», another script, or the closing
  /// quotation mark when the name before was quoted too). Returns the word's index.
  func singleItem(after last: Int, _ text: NameTokens) -> Int? {
    let tokens = text.tokens
    let and = NameTables.key("و")
    let quoted = tokens[last].quoted || tokens[last].quoteAfter
    guard last + 2 < tokens.count, connected(tokens[last]) || quoted, tokens[last + 1].key == and,
      tokens[last + 1].script == .arabic
    else { return nil }
    let s = last + 2
    let t = tokens[s]
    // (In quotation marks a word no list knows may be two names joined: «"ظفراقبال"».)
    guard connected(tokens[s - 1]) || quoted, familyLike(t, text.folded, joined: quoted) else { return nil }
    let ends =
      quoted
      ? t.quoted || t.quoteAfter
      : (t.endsClause || !connected(t) || s + 1 >= tokens.count || tokens[s + 1].script != .arabic
        || tokens[s + 1].key == and)
    return ends ? s : nil
  }

  /// The last word of a name of two to four words in quotation marks that starts with a
  /// given name, none of its words a title, a frequent word or an adjective, or one
  /// joined to «و» («با مشارکت «تری جونز»»; not «"نایب امیر ارشد"»): the marks
  /// set the words apart as one proper name, and the given name makes it a person's
  /// («"جنبش اجرای…"» starts with no given name, «"پیمان منع…"» holds a word).
  func quotedGivenName(at k: Int, _ text: NameTokens) -> Int? {
    let tokens = text.tokens
    guard k > 0, tokens[k - 1].quoted, let last = quotedName(at: k, text), last > k else { return nil }
    let first = persianWord(tokens[k], folded: text.folded)
    // A given name that is also a word («حافظ», «پیام») wants a name part after it: a given
    // or lexicon name, or a word with a family-name ending («"حافظ محمد سعید"»; not the
    // journal «"پیام بهارستان"»).
    guard
      first == .given || first == .strongGiven
        || (tables.persianWordGiven.contains(tokens[k].key)
          && (k + 1...last).contains { m in
            let word = persianWord(tokens[m], folded: text.folded)
            return word == .strongGiven || word == .family || marksFamily(tokens[m], text.folded)
          })
    else { return nil }
    for m in k...last {
      let t = tokens[m]
      if tables.titleStarts.contains(t.key) || conjoined(t, text.folded)
        || (m > k && ordinaryWord(t) && !tables.persianCommonGiven.contains(t.key))
      {
        return nil
      }
    }
    return last
  }

  /// Whether a word is «و» written joined to a frequent word or an adjective
  /// («ومقاومت» for «و مقاومت»).
  func conjoined(_ t: NameToken, _ folded: [UInt32]) -> Bool {
    guard t.foldedEnd - t.foldedStart > 2, folded[t.foldedStart] == 0x648 else { return false }
    let rest = PersianLexicon.key(Array(folded[t.foldedStart + 1..<t.foldedEnd]))
    return tables.frequentArabicScript.contains(rest) || persian.adjectives.contains(rest)
  }

  /// The last word of a name in quotation marks starting at `k` (one to four words,
  /// none a function word or verb, the closing mark straight after the last).
  func quotedName(at k: Int, _ text: NameTokens) -> Int? {
    let tokens = text.tokens
    var m = k
    while m < tokens.count, m - k < 4, tokens[m].script == .arabic, persianWord(tokens[m], folded: text.folded) != .stop,
      !tables.thingWords.contains(tokens[m].key)
    {
      if tokens[m].quoted || tokens[m].quoteAfter { return m }
      guard connected(tokens[m]) else { return nil }
      m += 1
    }
    return nil
  }

  /// A person named as the subject at the start of a clause (the text's start, or after
  /// a comma, colon, sentence end or opening quotation mark: «به گزارش فارس از بیرجند، X Y
  /// امروز…», «افزود: X Y، Z W،…»): a given
  /// name and one to three more name words, ended by a word that follows names («امروز»,
  /// «در», a verb of saying), an office in apposition, or the clause's end. After a
  /// given name that is a frequent word or an adjective («پروانه», «روحیه») another
  /// name part (a given or lexicon family name) follows: «، حبیب زارع افزود». Returns the
  /// index of the name's last word.
  func clauseSubject(at k: Int, _ text: NameTokens) -> Int? {
    let tokens = text.tokens
    guard k == 0 ? text.startsClause : tokens[k - 1].endsClause || tokens[k - 1].quoted else { return nil }
    let word = persianWord(tokens[k], folded: text.folded)
    let first: PersianWord = word == .stop && wordGiven(at: k, text) ? .strongGiven : word
    if first == .unknown { return foreignName(at: k, text) }
    guard first == .strongGiven || first == .given else { return nil }
    let ordinary =
      first == .given
      && (persian.adjectives.contains(tokens[k].key) || tables.frequentArabicScript.contains(tokens[k].key))
    var family = false
    var familyIn = false
    var m = k
    while m - k < 3, connected(tokens[m]), m + 1 < tokens.count, tokens[m + 1].script == .arabic {
      let t = tokens[m + 1]
      guard t.letterCount >= 2, !tables.titleStarts.contains(t.key), !tables.thingWords.contains(t.key),
        !Self.afterNameWords.contains(t.key), !Self.speechVerbs.contains(t.key)
      else { break }
      let word = persianWord(t, folded: text.folded)
      // A third or fourth word must be a name part or a frequent word ending the name
      // («محمد حسن اکبری مطلق»), not any word («ربعلی واقعی سیب‌زمینی‌کار مهربانی»).
      guard word != .stop, m - k < 2 || word != .unknown else { break }
      // After a family name, a word that is no family-name part only as the name's end
      // («اکبری مطلق امروز»; not «ناظمیان‌پور دقایقی پیش», «واقعی سیب‌زمینی‌کار»).
      guard !familyIn || continuesFamily(t, apart: false, text.folded) || endsNameStrictly(after: m + 1, text)
      else { break }
      familyIn = familyIn || (word != .stop && marksFamily(t, text.folded))
      // After a given name that is also a word, a name part.
      family = family || word == .family || word == .given || word == .strongGiven
      m += 1
      // What follows the words read so far: a time, «در», «که», a verb of saying, an
      // office, the clause's end — not «و», «به», «از», which join nouns as often
      // («روحیه ایثارگری و…»).
      let ends =
        !connected(tokens[m]) || m + 1 >= tokens.count || tokens[m + 1].script != .arabic
        || Self.afterCommonNameWords.contains(tokens[m + 1].key) || Self.speechVerbs.contains(tokens[m + 1].key)
        || title(at: m + 1, in: tokens)?.kind == .office || speakerFrame(at: m + 1, tokens)
      if ends { return !ordinary || family ? m : nil }
    }
    return nil
  }

  /// A word no list knows before a word with a family-name ending of two letters or more,
  /// the name ending there («، زلاتان ایبراهیموویچ روز گذشته…», «دستیار فابیو کاپلو در»):
  /// a foreign given name and its family name. Not «-یان», also the plural of a noun in
  /// «-ی» («استقرار روحانیان»). Returns the index of the family name.
  func foreignName(at k: Int, _ text: NameTokens) -> Int? {
    let tokens = text.tokens
    guard persianWord(tokens[k], folded: text.folded) == .unknown, connected(tokens[k]),
      tables.familyEnding(tokens[k], in: text.folded) == nil, k + 1 < tokens.count,
      contextNamePart(tokens[k + 1], folded: text.folded),
      tables.familyEnding(tokens[k + 1], in: text.folded) == .strong,
      !text.folded[tokens[k + 1].foldedStart..<tokens[k + 1].foldedEnd].reversed().starts(with: Self.pluralYan),
      endsNameStrictly(after: k + 1, text)
    else { return nil }
    return k + 1
  }

  /// A given name and a word that is no function word, verb, frequent word, title or
  /// place word («فرشته بنی‌طالبی»; not «جوری همه»): a name when the document also writes the second
  /// word as a name's last word (``mentions(in:)`` reads the windows again for them) —
  /// the evidence a given name that is also an ordinary word («فرشته» angel, «فراز» rise)
  /// lacks on its own.
  func familyPair(at k: Int, _ text: NameTokens) -> Bool {
    let tokens = text.tokens
    guard k + 1 < tokens.count, connected(tokens[k]), tokens[k + 1].letterCount >= 3,
      contextNamePart(tokens[k + 1], folded: text.folded), !compoundEnd(tokens[k + 1], text.folded)
    else { return false }
    let first = persianWord(tokens[k], folded: text.folded)
    // Also a given name that is a word too («فراز کمالوند», «زیبا بنی‌طالبی»), or a word no
    // list knows ending in «و», as foreign given names do and Persian nouns seldom
    // («فرانکو بالدینی», «یوکیو ادانو»; not «اظهارات مشرف», «شهادت سلیمانی»).
    return first == .given || first == .strongGiven || (first == .common && tables.persianWordGiven.contains(tokens[k].key))
      || (first == .unknown && tokens[k].letterCount >= 4 && text.folded[tokens[k].foldedEnd - 1] == Self.waw
        && !startsWithMi(tokens[k], text.folded))
  }

  /// «و», the last letter of many foreign given names.
  static let waw: UInt32 = 0x648

  /// Whether a word starts with «می» or «نمی», as Persian verbs do («می‌رود», written joined).
  func startsWithMi(_ t: NameToken, _ folded: [UInt32]) -> Bool {
    let word = folded[t.foldedStart..<t.foldedEnd]
    let meem: UInt32 = 0x645, noon: UInt32 = 0x646, yeh: UInt32 = 0x6CC
    return word.starts(with: [meem, yeh]) || word.starts(with: [noon, meem, yeh])
  }

  /// Whether a word is «می» or «نمی» written joined to a verb form the lexicon knows
  /// («می‌شوند», «نمی‌دهند»): a verb, never a name («میرزا», «میلاد» are no «می» and a
  /// verb).
  /// The subjunctive and imperative «ب» and the negative «ن» count too («بدهند», «نباشند»)
  /// before a verb form of four letters or more, unless a name list has the word.
  func prefixedVerb(_ t: NameToken, _ folded: [UInt32]) -> Bool {
    guard t.letterCount >= 4 else { return false }
    let word = folded[t.foldedStart..<t.foldedEnd]
    let beh: UInt32 = 0x628, noon: UInt32 = 0x646, meem: UInt32 = 0x645, yeh: UInt32 = 0x6CC
    let s = word.startIndex
    let rest: ArraySlice<UInt32>
    // «می», «نمی» (as ``startsWithMi(_:_:)``, without its arrays: this runs for every word).
    if word[s] == meem && word[s + 1] == yeh {
      rest = word.dropFirst(2)
    } else if word[s] == noon && word[s + 1] == meem && word[s + 2] == yeh {
      rest = word.dropFirst(3)
    } else if word[s] == beh || word[s] == noon {
      rest = word.dropFirst()
      // (A verb form of four letters or more: «بسرا» is a name, «سرا» a stem too.)
      guard rest.count >= 4, persian.verbForms.contains(PersianLexicon.key(rest)),
        !tables.persianGiven.contains(t.key), !tables.persianCommonGiven.contains(t.key),
        !tables.persianFamily.contains(t.key), !tables.persianPersonsGiven.contains(t.key)
      else { return false }
    } else {
      return false
    }
    return rest.count >= 3 && persian.verbForms.contains(PersianLexicon.key(rest))
      && !tables.persianParts.contains(t.key)
  }

  /// Whether a word is a verb form and no name part: «جو» (seek), «خوان» (read), which
  /// are also foreign given names.
  func isVerbForm(_ t: NameToken) -> Bool {
    persian.verbForms.contains(t.key) && !tables.persianParts.contains(t.key)
  }

  /// Whether a verb form or «به» follows token `m`: the word is then the noun of a compound
  /// verb or a phrase («منتشر شد», «موسوم به»).
  func verbOrObjectFollows(_ m: Int, _ text: NameTokens) -> Bool {
    let tokens = text.tokens
    guard m + 1 < tokens.count, connected(tokens[m]), tokens[m + 1].script == .arabic else { return false }
    let next = tokens[m + 1]
    return next.key == Self.to || (persian.verbForms.contains(next.key) && !Self.speechVerbs.contains(next.key))
  }

  /// Whether a word no list knows may be a foreign name: not the plural of a known word
  /// («شهیدان», «رزمندگان»), a verb with «می» / «نمی» («می‌سپارند»), nor two known words
  /// of three letters or more written as one («مهرشهر»; this also rules out some names:
  /// «فرا» + «نکو»).
  func foreignLooking(_ t: NameToken, _ folded: [UInt32]) -> Bool {
    let word = Array(folded[t.foldedStart..<t.foldedEnd])
    func known(_ w: ArraySlice<UInt32>) -> Bool {
      let key = PersianLexicon.key(w)
      return tables.frequentArabicScript.contains(key) || persian.adjectives.contains(key)
        || tables.titleStarts.contains(key) || tables.persianGiven.contains(key)
    }
    let alef: UInt32 = 0x627, noon: UInt32 = 0x646, gaf: UInt32 = 0x6AF, heh: UInt32 = 0x647, yeh: UInt32 = 0x6CC
    if word.count >= 5, word[word.count - 2] == alef, word[word.count - 1] == noon {
      let stem = word.dropLast(2)
      if known(stem) { return false }
      if stem.last == gaf && known(stem.dropLast() + [heh]) { return false }
      if stem.last == yeh && known(stem.dropLast()) { return false }
    }
    let meem: UInt32 = 0x645
    if word.count >= 4, word[0] == meem, word[1] == yeh { return false }
    if word.count >= 5, word[0] == noon, word[1] == meem, word[2] == yeh { return false }
    if word.count >= 6 {
      for cut in 3...(word.count - 3) where known(word[..<cut]) && known(word[cut...]) { return false }
    }
    return true
  }

  /// Whether a word is «الله» or «الدین», the end of a compound given name written apart.
  func compoundEnd(_ t: NameToken, _ folded: [UInt32]) -> Bool {
    let word = folded[t.foldedStart..<t.foldedEnd]
    return Self.compoundEnds.contains { $0.elementsEqual(word) }
  }

  /// Whether a frame of speaking starts at `m`: «با» and a noun of speaking («X با اشاره
  /// به…», «X با بیان اینکه…», «X با تأکید بر…») or «در گفت‌وگو» («X در گفت‌وگو با
  /// خبرنگار…»), or «در پایان» / «در ادامه» and a verb of saying («X در پایان افزود») —
  /// what follows a speaker's name in Persian news.
  func speakerFrame(at m: Int, _ tokens: [NameToken]) -> Bool {
    guard m + 1 < tokens.count, connected(tokens[m]), tokens[m + 1].script == .arabic else { return false }
    if tokens[m].key == Self.inside && Self.sequel.contains(tokens[m + 1].key) {
      return m + 2 < tokens.count && connected(tokens[m + 1]) && Self.speechVerbs.contains(tokens[m + 2].key)
    }
    return (tokens[m].key == Self.with && Self.speakingNouns.contains(tokens[m + 1].key))
      || (tokens[m].key == Self.inside && Self.conversation.contains(tokens[m + 1].key))
  }

  /// «یان» (the plural of a noun in «ی», and a family-name ending), letters last first.
  static let pluralYan: [UInt32] = [0x646, 0x627, 0x6CC]

  /// «بن» and «بنت» (son, daughter of) inside Arabic names.
  static let sonOf: Set<UInt64> = Set(["بن", "بنت"].map { NameTables.key($0) })

  /// Compass adjectives that end the names of provinces and regions written as one word
  /// («خراسان‌جنوبی», «آذربایجان‌شرقی»), letters last first.
  static let compassEnds: [[UInt32]] = ["جنوبی", "شمالی", "شرقی", "غربی", "مرکزی", "رضوی"].map {
    Array($0.unicodeScalars.map(\.value).reversed())
  }

  /// «پایان» (end) and «ادامه» (continuation): «در پایان افزود», «در ادامه گفت».
  static let sequel: Set<UInt64> = Set(["پایان", "ادامه"].map { NameTables.key($0) })

  /// «آباد» (settled), which ends places' names: «فیروز آباد».
  static let abad = NameTables.key("آباد")
  static let with = NameTables.key("با")
  static let to = NameTables.key("به")
  static let inside = NameTables.key("در")
  static let conversation: Set<UInt64> = Set(["گفت‌وگو", "گفتگو", "مصاحبه"].map { NameTables.key($0) })
  static let speakingNouns: Set<UInt64> = Set(
    ["اشاره", "بیان", "تاکید", "تأکید", "انتقاد", "ابراز", "اعلام", "یادآوری"].map { NameTables.key($0) })

  /// Verbs of saying that follow the speaker's name in Persian news: «X افزود», «X اظهار داشت».
  static let speechVerbs: Set<UInt64> = Set(
    ["گفت", "افزود", "اظهار", "اظهارداشت", "تصریح", "یادآور", "خاطرنشان", "تاکید", "تأکید", "ادامه"].map { NameTables.key($0) })

  /// Whether a word can be part of a name that only its context marks: not a function
  /// word, verb, frequent word or adjective, title or place word.
  func contextNamePart(_ t: NameToken, folded: [UInt32]) -> Bool {
    guard t.script == .arabic, t.letterCount >= 2, !tables.thingWords.contains(t.key),
      !tables.titleStarts.contains(t.key)
    else { return false }
    switch persianWord(t, folded: folded) {
    case .stop, .common: return false
    default: return true
    }
  }

  /// Two or three name-like words followed by an office, in apposition: «سرگئی لاوروف
  /// وزیر خارجه», «"X Y" رئیس جمهور». The words must start a clause or follow a function
  /// word; unless the name is quoted, one of them must be a listed name or have a
  /// family-name ending. Returns the index of the name's last word.
  func appositionName(at k: Int, _ text: NameTokens) -> Int? {
    let tokens = text.tokens
    if k > 0, tokens[k - 1].script == .arabic, connected(tokens[k - 1]),
      persianWord(tokens[k - 1], folded: text.folded) != .stop
    {
      return nil
    }
    var n = 0
    var evidence = false
    while n < 3, k + n < tokens.count, n == 0 || connected(tokens[k + n - 1]),
      contextNamePart(tokens[k + n], folded: text.folded)
    {
      evidence = evidence || persianWord(tokens[k + n], folded: text.folded) != .unknown
      n += 1
      let last = k + n - 1
      // Unknown words only in quotes: «مراسم معارفه فرمانده» is no name.
      guard n >= 2, last + 1 < tokens.count, tokens[last + 1].script == .arabic,
        (evidence && connected(tokens[last])) || tokens[last].quoted
      else { continue }
      if let (_, kind) = title(at: last + 1, in: tokens), kind == .office { return last }
    }
    return nil
  }

  /// A family name alone in apposition to an office: «با حضور امیرآبادی نماینده قم»,
  /// «اظهارات پورزرندی معاون مالی شهردار». The word is a family name by the lists (a lexicon
  /// part or a persons' last word, not a given name) or by an ending of two letters or
  /// more (not «-یان», also a plural: «دانشجویان نماینده»), and no frequent word or
  /// adjective («افراد کارشناس», «علمی مشاور»), function word, title or place word; the
  /// word before is no title or given name (those readings come first).
  func familyBeforeOffice(at k: Int, _ text: NameTokens) -> Bool {
    let tokens = text.tokens
    let t = tokens[k]
    guard k + 1 < tokens.count, connected(t), tokens[k + 1].script == .arabic, t.letterCount >= 3,
      title(at: k + 1, in: tokens)?.kind == .office, contextNamePart(t, folded: text.folded), !ordinaryWord(t),
      !tables.persianCommonGiven.contains(t.key), !tables.persianGiven.contains(t.key)
    else { return false }
    let word = persianWord(t, folded: text.folded)
    guard word == .family || word == .weakFamily else { return false }
    // A noun of office or a frequent word with «ی» or «ان» is an abstract noun or a plural
    // («به دبیری رئیس», «به میزبانی نماینده», «مدیران مسئول»), unless the press lexicon
    // has it as a name part.
    if !tables.persianParts.contains(t.key), abstractOrPlural(t, text.folded) { return false }
    let listed = tables.persianParts.contains(t.key) || tables.persianFamily.contains(t.key)
    let ending =
      tables.familyEnding(t, in: text.folded) == .strong
      && !text.folded[t.foldedStart..<t.foldedEnd].reversed().starts(with: Self.pluralYan)
    return listed || ending
  }

  /// Whether a word is a title word or a frequent word followed by «ی» or «ان»: «دبیری»,
  /// «میزبانی», «مدیران».
  /// With `titlesOnly`, only a title word's («شهرداری»): a family name the lists know is
  /// often a frequent word with «ی» («طالبی»).
  func abstractOrPlural(_ t: NameToken, _ folded: [UInt32], titlesOnly: Bool = false) -> Bool {
    let word = folded[t.foldedStart..<t.foldedEnd]
    let yeh: UInt32 = 0x6CC, alef: UInt32 = 0x627, noon: UInt32 = 0x646
    var stems: [ArraySlice<UInt32>] = []
    if word.count >= 4, word.last == yeh { stems.append(word.dropLast()) }
    if word.count >= 5, word.suffix(2).elementsEqual([alef, noon]) { stems.append(word.dropLast(2)) }
    return stems.contains { stem in
      let key = PersianLexicon.key(Array(stem))
      return tables.titleStarts.contains(key)
        || (!titlesOnly && (tables.frequentArabicScript.contains(key) || persian.adjectives.contains(key)))
    }
  }

  /// Words before a month that make it a date, not a given name: «ماه محرم», «اول مهر»,
  /// «دهه محرم», «اواسط بهمن».
  static let monthLeads: Set<UInt64> = Set(
    ["ماه", "اول", "اوایل", "اواسط", "اواخر", "دهه", "نیمه", "ایام", "روز", "شب", "پایان", "ابتدای", "آغاز", "سال"].map {
      NameTables.key($0)
    })

  /// Whether the month or the word at `k`, listed among the not-names, is a given name
  /// here: a month that is also a given name («بهمن», «محرم», «رجب») or a word that starts
  /// many persons' names (``NameTables/persianWordGiven``: «امید», «کمال»), after no number and no word of a date («۲۲ بهمن», «ماه
  /// محرم»), before a family name by the lists or a clear ending («محرم شهبازی», «بهمن
  /// فرمان‌آرا»; not «بهمن ماه», «محرم امسال», «محرم بهترین», a frequent word or adjective,
  /// an abstract noun or plural: «بهار شهرداری»).
  func wordGiven(at k: Int, _ text: NameTokens) -> Bool {
    let tokens = text.tokens
    let t = tokens[k]
    guard
      (tables.months.contains(t.key)
        && (tables.persianGiven.contains(t.key) || tables.persianCommonGiven.contains(t.key)
          || tables.persianPersonsGiven.contains(t.key)))
        || tables.persianWordGiven.contains(t.key),
      k + 1 < tokens.count, connected(t), tokens[k + 1].script == .arabic, tokens[k + 1].letterCount >= 3
    else { return false }
    if k > 0 {
      let before = tokens[k - 1]
      // Digits (or another script) before it: a date.
      if !connected(before) && !before.endsClause && !before.quoted { return false }
      if connected(before) && (Self.monthLeads.contains(before.key) || tables.months.contains(before.key)) { return false }
    }
    let next = tokens[k + 1]
    // Not a common given name, which starts a name of its own («برق ایران مرتضی X»), nor
    // a word before a verb or «به» («کمال هدایت می‌کند», «ایران ارزانی شد»).
    guard !tables.notNames.contains(next.key), !tables.titleStarts.contains(next.key),
      !tables.persianCommonGiven.contains(next.key), !verbOrObjectFollows(k + 1, text),
      !(k + 2 < tokens.count && connected(next) && startsWithMi(tokens[k + 2], text.folded))
    else { return false }
    let listed = tables.persianParts.contains(next.key) || tables.persianFamily.contains(next.key)
    if ordinaryWord(next) && !listed { return false }
    if !tables.persianParts.contains(next.key) && abstractOrPlural(next, text.folded, titlesOnly: listed) { return false }
    return listed || tables.familyEnding(next, in: text.folded) == .strong || tables.isFamilyEnding(next, in: text.folded)
  }

  /// Whether token `k` starts a clause: the text's start, or after a punctuation mark
  /// that ends a clause, a quotation mark or a word in another script — not after a
  /// number («۲۸ خردادماه اظهار کرد») or a closing parenthesis («امام خمینی(ره) شهرری
  /// گفت», the end of a place's name).
  func startsClause(at k: Int, _ text: NameTokens) -> Bool {
    let tokens = text.tokens
    guard k > 0 else { return text.startsClause }
    let before = tokens[k - 1]
    return before.endsClause || before.quoted || before.quoteAfter || before.script != .arabic
  }

  /// A family name alone at the start of a clause, followed by a verb of saying:
  /// «خلیل‌زاده اظهار داشت», «X افزود». Not a frequent word, adjective or title.
  func spokenAlone(at k: Int, _ text: NameTokens) -> Bool {
    let tokens = text.tokens
    guard k + 1 < tokens.count, startsClause(at: k, text),
      connected(tokens[k]), Self.speechVerbs.contains(tokens[k + 1].key) || speakerFrame(at: k + 1, tokens),
      tokens[k].letterCount >= 3,
      contextNamePart(tokens[k], folded: text.folded)
    else { return false }
    return true
  }

  /// A frequent word or adjective that ends Wikidata persons' names, at the start of a
  /// clause before a verb of saying or a speaker frame («وارسته با اشاره به…», «وارسته
  /// تصریح کرد»): the family name of a speaker when the document writes it so twice
  /// (``mentions(in:)`` counts them), as a word would not be.
  func wordSpeaker(at k: Int, _ text: NameTokens) -> Bool {
    let tokens = text.tokens
    guard k + 1 < tokens.count, tokens[k].letterCount >= 3, tables.persianFamily.contains(tokens[k].key),
      startsClause(at: k, text), connected(tokens[k]),
      Self.speechVerbs.contains(tokens[k + 1].key) || speakerFrame(at: k + 1, tokens),
      !tables.thingWords.contains(tokens[k].key), !tables.titleStarts.contains(tokens[k].key)
    else { return false }
    return persianWord(tokens[k], folded: text.folded) == .common
  }

  /// Titles that always name a person after them: ayatollahs, clerics, military ranks,
  /// «سناتور», «ژنرال» (not «خانم», also a wife's epithet and written after a name: «حاج
  /// خانم آشنا شدید», «خدیجه خانم قرار دارد»; nor «آقای», which also addresses an office
  /// or a trade: «آقای شهردار», «آقای معلم»).
  static let strictTitles: Set<UInt64> = Set(
    [
      "آیت‌الله", "آیت", "حجت‌الاسلام", "حجت", "ژنرال", "سرلشکر", "سرتیپ", "سرهنگ", "سرگرد", "سپهبد", "ارتشبد", "دریادار",
      "دریابان", "سناتور",
    ].map { NameTables.key($0) })

  /// The titles of Shia clerics («آیت‌الله», «حجت‌الاسلام»), never followed by an office alone.
  static let clericTitles: Set<UInt64> = Set(["آیت‌الله", "آیت", "حجت‌الاسلام", "حجت"].map { NameTables.key($0) })

  /// «عبدال» and «ابوال», which start compound given names.
  static let compoundStarts: [[UInt32]] = ["عبدال", "ابوال"].map { Array($0.unicodeScalars.map(\.value)) }

  /// Whether a word is a compound given name by its form: «عبدال…», «ابوال…» (Abd al-,
  /// Abu al-) and at least two letters more («عبدالمالک», not «عبدال»).
  func compoundGiven(_ t: NameToken, _ folded: [UInt32]) -> Bool {
    let word = folded[t.foldedStart..<t.foldedEnd]
    return word.count >= 7 && Self.compoundStarts.contains { word.starts(with: $0) }
  }

  /// «الله» and «الدین», which end compound given names and are often written apart.
  static let compoundEnds: [[UInt32]] = ["الله", "الدین"].map { Array($0.unicodeScalars.map(\.value)) }

  /// The role of a word and the next written together when the next is «الله» or «الدین»
  /// and the two make a listed given name («بیت الله» → «بیت‌الله»); nil otherwise.
  func joinedGiven(at m: Int, _ text: NameTokens) -> PersianWord? {
    let tokens = text.tokens
    guard m + 1 < tokens.count, connected(tokens[m]), tokens[m + 1].script == .arabic, tokens[m].letterCount >= 2,
      tokens[m + 1].letterCount == 4 || tokens[m + 1].letterCount == 5
    else { return nil }
    let next = text.folded[tokens[m + 1].foldedStart..<tokens[m + 1].foldedEnd]
    guard Self.compoundEnds.contains(where: { $0.elementsEqual(next) }) else { return nil }
    // A blessing after a name is no name: «زهرا سلام الله علیها», «صلی الله علیه».
    if m + 2 < tokens.count, connected(tokens[m + 1]), Self.blessingEnds.contains(tokens[m + 2].key) { return nil }
    let key = PersianLexicon.key(Array(text.folded[tokens[m].foldedStart..<tokens[m].foldedEnd]) + Array(next))
    if tables.persianCommonGiven.contains(key) || tables.persianPersonsGiven.contains(key) { return .strongGiven }
    return tables.persianGiven.contains(key) ? .given : nil
  }

  /// «علیه», «علیها», «علیهم», «عنه», «عنها»: the end of a blessing after «الله» («سلام الله
  /// علیها»).
  static let blessingEnds: Set<UInt64> = Set(["علیه", "علیها", "علیهم", "عنه", "عنها"].map { NameTables.key($0) })

  /// The keys of «ای» and «ئی» written apart from the word they end.
  static let separateEnding: Set<UInt64> = [NameTables.key("ای"), NameTables.key("ئی")]

  /// The key of a word that starts with «آ», written with «ا» instead («آرمین» → «ارمین»):
  /// the given-name list comes from data written without madda. Nil for other words.
  func withoutMadda(_ t: NameToken, _ folded: [UInt32]) -> UInt64? {
    guard t.foldedEnd > t.foldedStart, folded[t.foldedStart] == 0x622 else { return nil }
    var word = Array(folded[t.foldedStart..<t.foldedEnd])
    word[0] = 0x627
    return PersianLexicon.key(word)
  }

  /// «ماه» (month), which Persian writes after a month's name, often as one word.
  static let monthWord: [UInt32] = [0x645, 0x627, 0x647]

  /// Whether a word is a month and «ماه» written as one («خردادماه», «بهمن‌ماه»): a date,
  /// never a name.
  func isMonthAndMah(_ t: NameToken, _ folded: [UInt32]) -> Bool {
    let word = folded[t.foldedStart..<t.foldedEnd]
    guard word.count >= 5, word.suffix(3).elementsEqual(Self.monthWord) else { return false }
    return tables.months.contains(PersianLexicon.key(word.dropLast(3)))
  }

  /// The role a Persian word can play in a name.
  func persianWord(_ t: NameToken, folded: [UInt32]) -> PersianWord {
    // A verb form that the name lexicon has is a name part too («پناهی», you take refuge).
    // (Nor a common foreign given name: «جو», also a stem of «جستن».)
    if tables.notNames.contains(t.key) || isMonthAndMah(t, folded) || prefixedVerb(t, folded)
      || (persian.verbForms.contains(t.key) && !tables.persianParts.contains(t.key)
        && !tables.persianForeignGiven.contains(t.key))
    {
      return .stop
    }
    // A region by its form, a place and a compass adjective written as one word.
    if t.letterCount >= 7 && folded[t.foldedEnd - 1] == 0x6CC {
      let letters = folded[t.foldedStart..<t.foldedEnd].reversed()
      if Self.compassEnds.contains(where: { letters.count >= $0.count + 3 && letters.starts(with: $0) }) { return .stop }
    }
    if tables.persianCommonGiven.contains(t.key) { return .strongGiven }
    let lexicon = tables.persianParts.contains(t.key)
    // A given name that is also a frequent word or an adjective («پروانه» permit,
    // «ظریف» fine) is no evidence on its own: a family name when the lexicon has it.
    let ordinary = persian.adjectives.contains(t.key) || tables.frequentArabicScript.contains(t.key)
    // A given name that starts many persons' names, or a common foreign given name.
    if !ordinary && (tables.persianPersonsGiven.contains(t.key) || tables.persianForeignGiven.contains(t.key)) {
      return .strongGiven
    }
    if tables.persianGiven.contains(t.key) || withoutMadda(t, folded).map(tables.persianGiven.contains) == true {
      return lexicon ? (ordinary ? .family : .strongGiven) : compoundGiven(t, folded) && !ordinary ? .strongGiven : .given
    }
    if lexicon { return .family }
    if t.letterCount < 2 || tables.hasNonNameEnding(t, in: folded) { return .stop }
    if ordinary { return tables.persianForeignGiven.contains(t.key) ? .given : .common }
    // A last word of the persons' names: many are also ordinary words, so it is a
    // family name only after a common given name or a title.
    if tables.persianFamily.contains(t.key) { return .weakFamily }
    switch tables.familyEnding(t, in: folded) {
    case .strong?: return .family
    case .weak?: return .weakFamily
    case nil:
      if tables.isFamilyEnding(t, in: folded) { return .family }
      return compoundGiven(t, folded) ? .strongGiven : .unknown
    }
  }
}
