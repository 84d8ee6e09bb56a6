import CMatnKernels

/// The hot loops over scalars: text held as an array of scalar values (the normaliser's
/// working form), in C — UTF-8 in and out (sixteen ASCII characters a step), per-scalar
/// table bits, and a vector scan over those bits for the next scalar a stage must look
/// at — and one scalar at a time from a string's UTF-8.
///
/// - Thread safety: pure functions; a ``Table`` is immutable once built.
enum ScalarScan {
  /// The scalar at `i` of well-formed UTF-8 (not checked: a `String`'s storage), and
  /// its length in bytes: for loops that walk a string's bytes and stop at scalars.
  @inline(__always)
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
    let b0 = UInt32(bytes[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
    if b0 < 0xF0 {
      return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
    }
    return (
      (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
        | UInt32(bytes[i + 3] & 0x3F), 4
    )
  }

  /// Encodes valid scalar values (not checked) as UTF-8 into `out`, which has room for
  /// 4 × `scalars.count` bytes. Returns the number of bytes written.
  static func encode(_ scalars: UnsafeBufferPointer<UInt32>, into out: UnsafeMutablePointer<UInt8>) -> Int {
    guard let base = scalars.baseAddress, !scalars.isEmpty else { return 0 }
    return Int(mk_scalars_to_utf8(base, Int64(scalars.count), out))
  }

  /// Encodes `count` code points stored as fixed-width units of `width` bytes (1, 2 or 4)
  /// as UTF-8 into `out`, which has room for `width` 1: 2 × `count` bytes, 2: 3 ×
  /// `count`, 4: 4 × `count`. Returns the number of bytes, or nil at a surrogate or a
  /// value above U+10FFFF.
  static func encode(units: UnsafeRawPointer, count: Int, width: Int, into out: UnsafeMutablePointer<UInt8>) -> Int? {
    let written = mk_units_to_utf8(units, Int64(count), Int32(width), out)
    return written < 0 ? nil : Int(written)
  }

  /// Sixteen bits of facts per scalar, chosen by the caller: one entry per BMP scalar,
  /// and one shared by every supplementary scalar — by default every bit set, so scans
  /// stop there and the caller decides exactly.
  struct Table: @unchecked Sendable {
    /// 65,537 entries, never written after initialisation and never freed: a table is
    /// built once per process and kept in a `static let`.
    private let entries: UnsafePointer<UInt16>

    /// Builds the table from `bits` of each BMP scalar value (surrogates included) and
    /// the bits of every `supplementary` scalar.
    init(supplementary: UInt16 = 0xFFFF, _ bits: (UInt32) -> UInt16) {
      let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x10001)
      for v in 0..<0x10000 { table[v] = bits(UInt32(v)) }
      table[0x10000] = supplementary
      entries = UnsafePointer(table)
    }

    /// A table whose 65,537 entries are already laid out (an ``EmbeddedTable``).
    init(entries: UnsafePointer<UInt16>) { self.entries = entries }

    /// The 65,537 entries of the table `bits` and `supplementary` would build, in order
    /// (the source of an ``EmbeddedTable``).
    static func entries(supplementary: UInt16 = 0xFFFF, _ bits: (UInt32) -> UInt16) -> [UInt16] {
      (0..<0x10000).map { bits(UInt32($0)) } + [supplementary]
    }

    /// The table stored as the ``EmbeddedTable`` `name`, or built from `bits` when the
    /// binary lacks it.
    static func embedded(_ name: String, supplementary: UInt16 = 0xFFFF, _ bits: (UInt32) -> UInt16) -> Table {
      if let entries = EmbeddedTable.load(name, count: 0x10001, of: UInt16.self) { return Table(entries: entries) }
      return Table(supplementary: supplementary, bits)
    }

    /// The bits of `value`.
    @inline(__always)
    subscript(_ value: UInt32) -> UInt16 { entries[value > 0xFFFF ? 0x10000 : Int(value)] }

    /// Decodes well-formed UTF-8 (not checked) into `scalars` and writes the bits of each
    /// to `bits`, in one pass; both have room for `utf8.count` values. Returns the number
    /// of scalars.
    func decode(
      _ utf8: UnsafeBufferPointer<UInt8>, into scalars: UnsafeMutablePointer<UInt32>, bits: UnsafeMutablePointer<UInt16>
    ) -> Int {
      guard let base = utf8.baseAddress, !utf8.isEmpty else { return 0 }
      return Int(mk_utf8_to_scalars_bits(base, Int64(utf8.count), entries, scalars, bits))
    }

    /// The code points of `count` fixed-width units of `width` bytes (1, 2 or 4: a host's
    /// string, such as Python's str) into `scalars`, with the bits of each into `bits`;
    /// both have room for `count` values. Returns nil at a surrogate or a value above
    /// U+10FFFF (no scalar value).
    func decode(
      units: UnsafeRawPointer, count: Int, width: Int, into scalars: UnsafeMutablePointer<UInt32>,
      bits: UnsafeMutablePointer<UInt16>
    ) -> Int? {
      let decoded = mk_units_to_scalars_bits(units, Int64(count), Int32(width), entries, scalars, bits)
      return decoded < 0 ? nil : Int(decoded)
    }

    /// Writes the bits of each of `scalars` to `out` (room for `scalars.count`).
    func lookUp(_ scalars: UnsafeBufferPointer<UInt32>, into out: UnsafeMutablePointer<UInt16>) {
      guard let base = scalars.baseAddress, !scalars.isEmpty else { return }
      mk_scalars_lookup(base, Int64(scalars.count), entries, out)
    }
  }

  /// The first index from `start` where a scan with `stops` stops, or `scalars.count`;
  /// `bits` holds the table bits of each of `scalars` (eight scalars per step, SSE2).
  static func next(
    bits: UnsafeBufferPointer<UInt16>, scalars: UnsafeBufferPointer<UInt32>, from start: Int, _ stops: Stops
  ) -> Int {
    precondition(bits.count == scalars.count, "one set of bits per scalar")
    guard let b = bits.baseAddress, let s = scalars.baseAddress, start < scalars.count else { return scalars.count }
    return Int(mk_scalars_next_attention(b, s, Int64(start), Int64(scalars.count), stops.c))
  }

  /// Where a scan stops: at a scalar with any ``stop`` bit; at one with a ``context``
  /// bit whose previous or next scalar has a ``neighbours`` bit (a missing neighbour,
  /// at either end of the text, has every bit); and, with ``repeats``, at one with a
  /// ``context`` bit followed by the same scalar.
  struct Stops: Sendable, Hashable {
    var stop: UInt16
    var context: UInt16
    var neighbours: UInt16
    var repeats: Bool

    init(stop: UInt16, context: UInt16 = 0, neighbours: UInt16 = 0, repeats: Bool = false) {
      self.stop = stop
      self.context = context
      self.neighbours = neighbours
      self.repeats = repeats
    }

    var c: mk_attention {
      mk_attention(stop: stop, context: context, neighbours: neighbours, repeats: repeats ? 1 : 0)
    }
  }
}

extension ScalarScan {
  /// A run of token scalars found by
  /// ``forEachToken(bits:in:tokenMask:countMask:skipMask:_:)``.
  struct Token: Sendable, Hashable {
    /// Its scalars.
    var range: Range<Int>
    /// How many of its scalars have a bit of the count mask.
    var counted: Int
    /// How many of its scalars have a bit of the skip mask.
    var skipped: Int

    init(range: Range<Int>, counted: Int = 0, skipped: Int = 0) {
      self.range = range
      self.counted = counted
      self.skipped = skipped
    }
  }

  /// Calls `body` with each token in `range`, in order: each maximal run of scalars
  /// whose `bits` have a bit of `tokenMask`. `body` returns nil to go on, or the index
  /// to go on from (`range.upperBound` or more to stop).
  ///
  /// The scanner finds up to `batch` tokens ahead of `body`: a caller that stops early
  /// (after a window of words) asks for fewer, so that the scan does not run far past it.
  ///
  /// - Complexity: O(*n*), 64 scalars per step: the cost is per token, not per scalar.
  static func forEachToken(
    bits: UnsafeBufferPointer<UInt16>, in range: Range<Int>, tokenMask: UInt16, countMask: UInt16 = 0,
    skipMask: UInt16 = 0, batch: Int = 64, _ body: (Token) -> Int?
  ) {
    precondition(range.upperBound <= bits.count, "a range of the bits")
    precondition(batch > 0, "a batch of one token or more")
    guard let b = bits.baseAddress else { return }
    withUnsafeTemporaryAllocation(of: mk_token.self, capacity: batch) { tokens in
      var from = range.lowerBound
      while from < range.upperBound {
        var resume: Int64 = 0
        let found = Int(
          mk_scalars_tokens(
            b, Int64(from), Int64(range.upperBound), tokenMask, countMask, skipMask, tokens.baseAddress!, Int64(batch),
            &resume))
        from = Int(resume)
        for k in 0..<found {
          let t = tokens[k]
          if let next = body(Token(range: Int(t.start)..<Int(t.end), counted: Int(t.counted), skipped: Int(t.skipped))) {
            from = next
            break
          }
        }
      }
    }
  }
}
