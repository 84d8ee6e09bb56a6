import MatnICU

/// The working form of text inside the normaliser: one array of scalar values, with
/// per-scalar span flags and (when a caller asked for change ranges) each scalar's
/// origin in the original UTF-8 input.
///
/// Stages never edit a buffer in place: they stream it into a ``Rewriter``, which keeps
/// the arrays aligned and records every change. That one mechanism is what makes the
/// change report exact.
struct TextBuffer {
  var scalars: [UInt32]
  var flags: [SpanFlags]
  /// ``StageScan`` bits of each scalar, kept aligned by the ``Rewriter``: what lets a
  /// stage skip, eight scalars at a time, everything it never changes.
  var bits: [UInt16]
  /// Original UTF-8 byte range of each scalar (nil when ranges are not tracked).
  var origins: [Range<Int32>]?
  /// Where ``bits`` come from: the table of whoever runs the stages.
  let table: ScalarScan.Table
  /// Whether a stage has changed a scalar since the buffer was decoded: while it has
  /// not, the text is still the input, whose UTF-8 need not be written again.
  fileprivate(set) var edited = false

  init(_ text: String, trackOrigins: Bool, table: ScalarScan.Table) {
    var text = text
    self = text.withUTF8 { TextBuffer(utf8: $0, trackOrigins: trackOrigins, table: table) }
  }

  /// The buffer of valid UTF-8 `utf8` (a String's storage, or a part of it cut at a
  /// scalar boundary).
  init(utf8: UnsafeBufferPointer<UInt8>, trackOrigins: Bool, table: ScalarScan.Table) {
    self.table = table
    // Valid UTF-8: decoded without checks, each scalar's bits written as it is decoded.
    var decoded = 0
    var bits: [UInt16] = []
    scalars = [UInt32](unsafeUninitializedCapacity: utf8.count) { out, count in
      bits = [UInt16](unsafeUninitializedCapacity: utf8.count) { bitsOut, bitsCount in
        if let s = out.baseAddress, let b = bitsOut.baseAddress { decoded = table.decode(utf8, into: s, bits: b) }
        bitsCount = decoded
      }
      count = decoded
    }
    self.bits = bits
    if trackOrigins {
      var origins: [Range<Int32>] = []
      origins.reserveCapacity(scalars.count)
      var offset: Int32 = 0
      for v in scalars {
        let width = Int32(Self.width(v))
        origins.append(offset..<offset + width)
        offset += width
      }
      self.origins = origins
    } else {
      origins = nil
    }
    flags = [SpanFlags](repeating: [], count: scalars.count)
  }

  /// The buffer of `count` code points stored as fixed-width units of `width` bytes (1,
  /// 2 or 4; see ``ScalarScan/Table/decode(units:count:width:into:bits:)``), or nil when
  /// one is not a scalar value. Origins are not tracked (they count UTF-8 bytes).
  init?(units: UnsafeRawPointer, count: Int, width: Int, table: ScalarScan.Table) {
    self.table = table
    var decoded: Int?
    var bits: [UInt16] = []
    scalars = [UInt32](unsafeUninitializedCapacity: count) { out, outCount in
      bits = [UInt16](unsafeUninitializedCapacity: count) { bitsOut, bitsCount in
        if let s = out.baseAddress, let b = bitsOut.baseAddress {
          decoded = table.decode(units: units, count: count, width: width, into: s, bits: b)
        }
        bitsCount = decoded ?? 0
      }
      outCount = decoded ?? 0
    }
    guard decoded != nil else { return nil }
    self.bits = bits
    origins = nil
    flags = [SpanFlags](repeating: [], count: scalars.count)
  }

  var count: Int { scalars.count }

  /// The text as a `String`. The scalars are valid by construction, so the UTF-8 is
  /// written once into a scratch buffer and adopted without re-validation.
  var string: String {
    scalars.withUnsafeBufferPointer { Self.string(of: $0) }
  }

  /// The text of valid scalar values (not checked: a buffer's), written as UTF-8 once
  /// into a scratch buffer and adopted without re-validation.
  static func string(of s: UnsafeBufferPointer<UInt32>) -> String {
    if s.isEmpty { return "" }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: s.count * 4) { scratch in
      let o = ScalarScan.encode(s, into: scratch.baseAddress!)
      return String(copying: UTF8Span(unchecked: UnsafeBufferPointer(rebasing: scratch[..<o]).span))
    }
  }

  /// A `String` of valid UTF-8 `utf8` (not checked again: a `String`'s storage or a
  /// part of it cut at a scalar boundary), copied once.
  static func string(unchecked utf8: UnsafeBufferPointer<UInt8>) -> String {
    if utf8.isEmpty { return "" }
    return String(copying: UTF8Span(unchecked: utf8.span))
  }

  /// The first index from `i` where a scan with `stops` stops (see ``StageScan``), or
  /// `end` (default ``count``): the scan sees the text as ending there.
  func next(from i: Int, upTo end: Int? = nil, _ stops: ScalarScan.Stops) -> Int {
    let end = end ?? scalars.count
    return bits.withUnsafeBufferPointer { b in
      scalars.withUnsafeBufferPointer { s in
        ScalarScan.next(
          bits: UnsafeBufferPointer(rebasing: b[..<end]), scalars: UnsafeBufferPointer(rebasing: s[..<end]), from: i,
          stops)
      }
    }
  }

  /// Marks the buffer as changed from the input it will be compared with: a buffer
  /// decoded from an earlier stage's output (a segment's cleaned text).
  mutating func markEdited() { edited = true }

  /// Replaces scalar `i` in place by `value` (same flags and origin).
  mutating func set(_ i: Int, to value: UInt32) {
    scalars[i] = value
    bits[i] = table[value]
    edited = true
  }

  /// UTF-8 length of scalar value `v`.
  @inline(__always)
  static func width(_ v: UInt32) -> Int { v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4 }
}

/// Per-scalar facts established by segmentation.
struct SpanFlags: OptionSet, Sendable {
  let rawValue: UInt8
  /// Inside a URL, e-mail address, number with separators, HTML entity, Latin word or
  /// emoji sequence: passes through unchanged.
  static let protected = SpanFlags(rawValue: 1 << 0)
  /// Inside an Arabic-script span decided to be Persian: Persian orthography applies.
  static let persian = SpanFlags(rawValue: 1 << 1)
  /// Inside an Arabic-script span of another language (Arabic, Urdu, Pashto, Kurdish…).
  static let otherArabicScript = SpanFlags(rawValue: 1 << 2)
}

/// Streams a buffer into a new one, recording each change.
///
/// Kept scalars are not copied one by one: the rewriter remembers the pending stretch
/// of kept source scalars and copies it in bulk when a change comes (or at the end).
/// A stage that changes nothing hands back its input without any copy.
struct Rewriter {
  private var out: TextBuffer
  private let source: TextBuffer
  /// Source scalars `pending` are kept but not yet copied to `out`.
  private var pending = 0..<0
  /// Whether anything has been changed (until then `out` stays empty).
  private var changed = false

  init(_ source: TextBuffer) {
    self.source = source
    var empty = source
    empty.scalars = []
    empty.flags = []
    empty.bits = []
    if empty.origins != nil { empty.origins = [] }
    self.out = empty
  }

  /// The rewritten buffer.
  var output: TextBuffer {
    mutating get {
      if !changed && pending == 0..<source.count { return source }
      flush()
      // Anything but the source itself counts as edited (a stage that kept every
      // scalar in more than one stretch made an equal copy: rare, and only slower).
      out.edited = true
      return out
    }
  }

  /// Number of scalars written so far.
  var outputCount: Int { out.scalars.count + pending.count }

  /// The `k`-th scalar written so far.
  @inline(__always)
  func outputScalar(_ k: Int) -> UInt32 {
    k < out.scalars.count ? out.scalars[k] : source.scalars[pending.lowerBound + k - out.scalars.count]
  }

  /// The last scalar written so far (0 if none).
  var lastOutput: UInt32 {
    let n = outputCount
    return n == 0 ? 0 : outputScalar(n - 1)
  }

  private mutating func flush() {
    if out.scalars.capacity == 0 {
      let capacity = source.count + source.count / 16 + 16
      out.scalars.reserveCapacity(capacity)
      out.flags.reserveCapacity(capacity)
      out.bits.reserveCapacity(capacity)
      if out.origins != nil { out.origins!.reserveCapacity(capacity) }
    }
    guard !pending.isEmpty else { return }
    source.scalars.withUnsafeBufferPointer { out.scalars.append(contentsOf: UnsafeBufferPointer(rebasing: $0[pending])) }
    source.flags.withUnsafeBufferPointer { out.flags.append(contentsOf: UnsafeBufferPointer(rebasing: $0[pending])) }
    source.bits.withUnsafeBufferPointer { out.bits.append(contentsOf: UnsafeBufferPointer(rebasing: $0[pending])) }
    if let origins = source.origins { out.origins!.append(contentsOf: origins[pending]) }
    pending = pending.upperBound..<pending.upperBound
  }

  /// Copies source scalar `i` unchanged.
  @inline(__always)
  mutating func keep(_ i: Int) {
    if i == pending.upperBound {
      pending = pending.lowerBound..<i + 1
    } else {
      flush()
      pending = i..<i + 1
    }
  }

  /// Copies, in one call, the source scalars from `i` up to where a scan with `stops`
  /// stops (see ``StageScan``): what the stage never changes. Returns that index.
  mutating func keepUnchanged(from i: Int, _ stops: ScalarScan.Stops) -> Int {
    let j = source.next(from: i, stops)
    keep(i..<j)
    return j
  }

  /// Copies source scalars `range` unchanged.
  @inline(__always)
  mutating func keep(_ range: Range<Int>) {
    if range.isEmpty { return }
    if range.lowerBound == pending.upperBound {
      pending = pending.lowerBound..<range.upperBound
    } else {
      flush()
      pending = range
    }
  }

  /// Writes `values` in place of source scalars `range` (empty `values` deletes them).
  mutating func replace(
    _ range: Range<Int>, with values: some Collection<UInt32>, _ kind: ChangeKind, _ report: inout ChangeRecorder
  ) {
    flush()
    changed = true
    out.edited = true
    if values.isEmpty && !report.spacingDisturbed {
      // Deleting everything between two spaces (or a space and a line edge) leaves
      // spacing for the whitespace stage to tidy again.
      let before = lastOutput, after = range.upperBound < source.count ? source.scalars[range.upperBound] : 0x0A
      if (before == 0 || before == 0x20 || before == 0x0A) && (after == 0x20 || after == 0x0A) {
        report.spacingDisturbed = true
      }
    }
    let flags = range.lowerBound < source.count ? source.flags[range.lowerBound] : []
    var origin: Range<Int32> = 0..<0
    if let origins = source.origins {
      if range.isEmpty {
        let at = range.lowerBound < origins.count ? origins[range.lowerBound].lowerBound : (origins.last?.upperBound ?? 0)
        origin = at..<at
      } else {
        origin = origins[range.lowerBound].lowerBound..<origins[range.upperBound - 1].upperBound
      }
    }
    for v in values {
      out.scalars.append(v)
      out.flags.append(flags)
      out.bits.append(out.table[v])
      if out.origins != nil { out.origins!.append(origin) }
    }
    pending = range.upperBound..<range.upperBound
    report.record(kind, origin)
  }

  /// Replaces source scalar `i` by one scalar.
  @inline(__always)
  mutating func replace(_ i: Int, with value: UInt32, _ kind: ChangeKind, _ report: inout ChangeRecorder) {
    replace(i..<i + 1, with: CollectionOfOne(value), kind, &report)
  }

  /// Deletes source scalar `i`.
  @inline(__always)
  mutating func delete(_ i: Int, _ kind: ChangeKind, _ report: inout ChangeRecorder) {
    replace(i..<i + 1, with: EmptyCollection(), kind, &report)
  }

  /// Inserts `value` before source scalar `i` (or at the end), taking the flags of
  /// scalar `flagsFrom`.
  mutating func insert(
    _ value: UInt32, before i: Int, flagsFrom: Int, _ kind: ChangeKind, _ report: inout ChangeRecorder
  ) {
    flush()
    changed = true
    out.edited = true
    var origin: Range<Int32> = 0..<0
    if let origins = source.origins {
      let at = i < origins.count ? origins[i].lowerBound : (origins.last?.upperBound ?? 0)
      origin = at..<at
    }
    out.scalars.append(value)
    out.flags.append(source.flags[flagsFrom])
    out.bits.append(out.table[value])
    if out.origins != nil { out.origins!.append(origin) }
    pending = i..<i
    report.record(kind, origin)
  }
}
