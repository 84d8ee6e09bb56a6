import CMatnResources

/// The second stage for close languages (`Resources/Language/pairs.bin`, learnt by
/// `scripts/train-langid-pairs`, read in place): when the n-gram scorer's best two are
/// such a pair (Bosnian and Croatian, Malay and Indonesian, Bokmål and Nynorsk, …) and
/// the scorer's lead is below the pair's ``Pair/gate``, a logistic regression of that
/// pair alone decides between them,
///
///     z = bias + diffWeight × clip(score(a) − score(b), ±``clip``) + Σ weight(n-gram),
///
/// the sum over the text's words, each read as " word " (a space before and after), of
/// every n-gram of 1 to 5 of those scalars but the lone space, counted as often as it
/// occurs. It is learnt on the pair's half of lingua's test data that the dev half leaves
/// (sentences, word pairs and single words) and on the first half of the two languages'
/// UDHR texts: what tells such languages apart is a few words and endings (Bosnian
/// «historija», «sedmica», Croatian «povijest», «tjedan»), which the scorer's n-gram
/// tables, learnt for all languages at once, weigh little; two corpora keep it from
/// learning one corpus's register (Leipzig's Malay is Indonesian web text).
///
/// The scorer's evidence is kept: `diffWeight` is not learnt freely (learnt freely it fell
/// to 0.05–0.11 and the word pieces of one corpus decided, branch langid9) but chosen
/// with the pieces' penalty and ``Pair/gate`` by cross-validation from a grid of
/// fractions of the model's confidence scale, and a pair is shipped only when, held out,
/// it beats the scorer on lingua's half, does no worse on either half of the UDHR, and
/// neither of its languages loses more than 3 points of its own texts on either corpus
/// (shipped: hi/mr and af/nl; bs/hr, id/ms and nb/nn traded one language for the other).
/// When it agrees with the scorer, the scorer's guess stands.
///
/// - Thread safety: a `Sendable` value, read-only.
struct LanguagePairs: @unchecked Sendable {
  /// One pair's regression.
  struct Pair {
    /// The two languages (model indices): z > 0 speaks for `a`.
    let a: Int, b: Int
    let bias: Double, diffWeight: Double, scale: Double
    /// The stage decides only when the scorer's lead of one over the other is below this
    /// (nats); beyond it the scorer's answer stands.
    let gate: Double
    /// Open addressing: keys (0 empty), linear probing from key & (count − 1).
    let keys: UnsafeBufferPointer<UInt32>
    let weights: UnsafeBufferPointer<Int8>

    /// The weight of n-gram `key` (0 when it has none).
    @inline(__always)
    func weight(_ key: UInt32) -> Int32 {
      let mask = keys.count - 1
      var i = Int(key) & mask
      while true {
        let k = UInt32(littleEndian: keys[i])
        if k == key { return Int32(weights[i]) }
        if k == 0 { return 0 }
        i = (i + 1) & mask
      }
    }
  }

  /// The scorer's difference counted at most (nats), as `scripts/train-langid-pairs`.
  static let clip = 30.0

  let pairs: [Pair]

  static let resourceName = "Language/pairs.bin"

  /// The embedded pairs, resolved to the embedded model's languages (none without them).
  static let shared: LanguagePairs = {
    var length: Int64 = 0
    guard let model = LanguageModel.shared, let bytes = matn_resource(resourceName, &length), length > 0 else {
      return LanguagePairs(pairs: [])
    }
    let codes = model.languages.map(\.code)
    return LanguagePairs(UnsafeRawBufferPointer(start: bytes, count: Int(length)), codes: codes)
      ?? LanguagePairs(pairs: [])
  }()

  init(pairs: [Pair]) { self.pairs = pairs }

  /// Parses `bytes` (the format of `scripts/train-langid-pairs`); a pair whose languages
  /// are not among `codes` is left out; nil when the file is malformed.
  init?(_ bytes: UnsafeRawBufferPointer, codes: [String]) {
    guard bytes.count >= 16, Array(bytes[0..<8]) == Array("MATNPAIR".utf8) else { return nil }
    var offset = 8
    func u32() -> Int? {
      guard offset + 4 <= bytes.count else { return nil }
      defer { offset += 4 }
      return Int(bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
    }
    func f32() -> Double? {
      guard let bits = u32() else { return nil }
      return Double(Float(bitPattern: UInt32(bits)))
    }
    func code() -> String? {
      guard offset + 8 <= bytes.count else { return nil }
      defer { offset += 8 }
      return String(decoding: bytes[offset..<offset + 8].prefix { $0 != 0 }, as: UTF8.self)
    }
    guard u32() == 2, let count = u32() else { return nil }
    var pairs: [Pair] = []
    for _ in 0..<count {
      guard let a = code(), let b = code(), let bias = f32(), let diffWeight = f32(), let scale = f32(),
        let gate = f32(), let slots = u32(), slots > 0, slots & (slots - 1) == 0, offset + 5 * slots <= bytes.count
      else { return nil }
      let base = bytes.baseAddress! + offset
      let keys = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt32.self), count: slots)
      let weights = UnsafeBufferPointer(start: (base + 4 * slots).assumingMemoryBound(to: Int8.self), count: slots)
      offset = (offset + 5 * slots + 3) & ~3
      guard let i = codes.firstIndex(of: a), let j = codes.firstIndex(of: b) else { continue }
      pairs.append(
        Pair(a: i, b: j, bias: bias, diffWeight: diffWeight, scale: scale, gate: gate, keys: keys, weights: weights))
    }
    self.pairs = pairs
  }

  /// The pair of languages `x` and `y` (model indices), in either order.
  @inline(__always)
  func pair(_ x: Int, _ y: Int) -> Pair? {
    pairs.first { ($0.a == x && $0.b == y) || ($0.a == y && $0.b == x) }
  }

  /// The pair's z for `text` when the scorer's lead of one of its languages over the
  /// other (`scoreA`, `scoreB`, nats) is below the pair's gate; nil otherwise (the scorer
  /// decides).
  static func decide(_ pair: Pair, _ text: TextLetters, scoreA: Double, scoreB: Double) -> Double? {
    guard abs(scoreA - scoreB) < pair.gate else { return nil }
    return z(pair, text, scoreA: scoreA, scoreB: scoreB)
  }

  /// The pair's z for `text`, whose scores for its two languages are `scoreA` and
  /// `scoreB` (nats): above 0 for `pair.a`.
  static func z(_ pair: Pair, _ text: TextLetters, scoreA: Double, scoreB: Double) -> Double {
    var sum: Int32 = 0
    let space: UInt32 = 0x20
    text.forEachWord { word in
      let count = word.count + 2
      @inline(__always) func scalar(_ i: Int) -> UInt32 {
        i == 0 || i == count - 1 ? space : word[word.startIndex + i - 1]
      }
      for i in 0..<count {
        var h = FNV.basis
        for n in 1...5 {
          guard i + n <= count else { break }
          h = FNV.step(h, scalar(i + n - 1))
          if n == 1 && i == 0 || n == 1 && i == count - 1 { continue }
          let key = UInt32(truncatingIfNeeded: h >> 32)
          sum &+= pair.weight(key == 0 ? 1 : key)
        }
      }
    }
    let difference = min(Self.clip, max(-Self.clip, scoreA - scoreB))
    return pair.bias + pair.diffWeight * difference + pair.scale * Double(sum)
  }
}
