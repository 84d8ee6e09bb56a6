/// The working form of text inside the normaliser: one array of scalar values, with
/// per-scalar span flags and (when a caller asked for change ranges) each scalar's
/// origin in the original UTF-8 input.
///
/// Stages never edit a buffer in place: they stream it into a ``Rewriter``, which keeps
/// the three arrays aligned and records every change. That one mechanism is what makes
/// the change report exact.
struct TextBuffer {
  var scalars: [UInt32]
  var flags: [SpanFlags]
  /// Original UTF-8 byte range of each scalar (nil when ranges are not tracked).
  var origins: [Range<Int32>]?

  init(_ text: String, trackOrigins: Bool) {
    var scalars: [UInt32] = []
    scalars.reserveCapacity(text.utf8.count)
    var origins: [Range<Int32>]? = trackOrigins ? [] : nil
    if trackOrigins {
      var offset: Int32 = 0
      for s in text.unicodeScalars {
        let width = Int32(UTF8.width(s))
        scalars.append(s.value)
        origins!.append(offset..<offset + width)
        offset += width
      }
    } else {
      for s in text.unicodeScalars { scalars.append(s.value) }
    }
    self.scalars = scalars
    self.flags = [SpanFlags](repeating: [], count: scalars.count)
    self.origins = origins
  }

  var count: Int { scalars.count }

  /// The scalar at `i`, or 0 outside the buffer (0 acts as a text edge in rules).
  @inline(__always)
  subscript(safe i: Int) -> UInt32 { i >= 0 && i < scalars.count ? scalars[i] : 0 }

  var string: String {
    var view = String.UnicodeScalarView()
    view.reserveCapacity(scalars.count)
    for v in scalars { view.append(Unicode.Scalar(v)!) }
    return String(view)
  }
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
struct Rewriter {
  private(set) var output: TextBuffer
  private let source: TextBuffer

  init(_ source: TextBuffer) {
    self.source = source
    var output = source
    output.scalars = []
    output.flags = []
    output.scalars.reserveCapacity(source.count + source.count / 16)
    output.flags.reserveCapacity(source.count + source.count / 16)
    if output.origins != nil {
      output.origins = []
      output.origins!.reserveCapacity(source.count)
    }
    self.output = output
  }

  /// Copies source scalar `i` unchanged.
  @inline(__always)
  mutating func keep(_ i: Int) {
    output.scalars.append(source.scalars[i])
    output.flags.append(source.flags[i])
    if output.origins != nil { output.origins!.append(source.origins![i]) }
  }

  /// Copies source scalars `range` unchanged.
  mutating func keep(_ range: Range<Int>) {
    output.scalars.append(contentsOf: source.scalars[range])
    output.flags.append(contentsOf: source.flags[range])
    if output.origins != nil { output.origins!.append(contentsOf: source.origins![range]) }
  }

  /// Writes `values` in place of source scalars `range` (empty `values` deletes them).
  @inline(__always)
  mutating func replace(_ range: Range<Int>, with values: some Collection<UInt32>, _ kind: ChangeKind,
                        _ report: inout ChangeRecorder) {
    let flags = range.isEmpty ? [] : source.flags[range.lowerBound]
    var origin: Range<Int32> = 0..<0
    if let origins = source.origins {
      if range.isEmpty {
        let at = range.lowerBound < origins.count ? origins[range.lowerBound].lowerBound
          : (origins.last?.upperBound ?? 0)
        origin = at..<at
      } else {
        origin = origins[range.lowerBound].lowerBound..<origins[range.upperBound - 1].upperBound
      }
    }
    for v in values {
      output.scalars.append(v)
      output.flags.append(flags)
      if output.origins != nil { output.origins!.append(origin) }
    }
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
  mutating func insert(_ value: UInt32, before i: Int, flagsFrom: Int, _ kind: ChangeKind,
                       _ report: inout ChangeRecorder) {
    var origin: Range<Int32> = 0..<0
    if let origins = source.origins {
      let at = i < origins.count ? origins[i].lowerBound : (origins.last?.upperBound ?? 0)
      origin = at..<at
    }
    output.scalars.append(value)
    output.flags.append(source.flags[flagsFrom])
    if output.origins != nil { output.origins!.append(origin) }
    report.record(kind, origin)
  }

  /// The last scalar written so far (0 if none).
  var lastOutput: UInt32 { output.scalars.last ?? 0 }
}
