import Matn
import Synchronization
import SystemPackage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// The entry points of include/matn.h, each one call of Matn's public API. Their
// outputs are the bytes the matn command writes for the same input (the header names
// the command of each).

// MARK: - Shared, read-only state (built on first use, then only read)

// Written once, before any caller can see it; never freed or changed.
nonisolated(unsafe) private let version = strdup(MatnInfo.version)!

/// One normaliser per profile, as `matn clean --profile P` makes it.
private let normalizers: [TextNormalizer.Profile: TextNormalizer] = Dictionary(
  uniqueKeysWithValues: TextNormalizer.Profile.allCases.map { ($0, TextNormalizer(profile: $0, options: .init(profile: $0))) })

private func normalizer(_ profile: CString?) throws(Failure) -> TextNormalizer {
  guard let name = try option(profile, what: "the profile") else { return normalizers[.article]! }
  guard let chosen = TextNormalizer.Profile(rawValue: name), let normalizer = normalizers[chosen] else {
    let known = TextNormalizer.Profile.allCases.map(\.rawValue).joined(separator: ", ")
    throw .argument("unknown profile '\(name)' (known: \(known))")
  }
  return normalizer
}

/// Identifiers restricted to a language list, by the list as given (`matn detect
/// --languages`); made once per distinct list.
private let identifiers = Mutex<[String: LanguageIdentifier]>([:])

private func identifier(_ languages: CString?) throws(Failure) -> LanguageIdentifier {
  guard let list = try option(languages, what: "the language list") else { return .default }
  if let known = identifiers.withLock({ $0[list] }) { return known }
  let codes = Set(list.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty })
  let unknown = codes.subtracting(LanguageIdentifier.supportedLanguages)
  guard unknown.isEmpty, !codes.isEmpty else {
    throw .argument(codes.isEmpty ? "the language list names no language" : "unknown language code(s): \(unknown.sorted().joined(separator: ", "))")
  }
  let made = LanguageIdentifier(languages: codes)
  identifiers.withLock { $0[list] = made }
  return made
}

/// One indexer per Persian spelling style (`matn translit --style`).
private let indexers: [String: NameIndexer] = {
  var table: [String: NameIndexer] = [:]
  for (name, style) in [("iran", PersianNameStyle.iran), ("afghanistan", .afghanistan), ("any", .any)] {
    var indexer = NameIndexer.shared
    indexer.persianStyle = style
    table[name] = indexer
  }
  return table
}()

private func indexer(_ style: CString?) throws(Failure) -> NameIndexer {
  guard let name = try option(style, what: "the style") else { return indexers["iran"]! }
  guard let indexer = indexers[name] else { throw .argument("unknown style '\(name)' (known: iran, afghanistan, any)") }
  return indexer
}

/// The article parser of `matn normalize --jsonl` with its default options.
private let articles = ArticleRecordFilter(ArticleRecordFilter.Configuration())

// MARK: - Writers: one text's result as bytes, its options read once per call

/// Writes the result for one text (bytes not yet known to be UTF-8) to the output.
typealias Writer = (UnsafeBufferPointer<UInt8>, inout Output) throws(Failure) -> Void

/// A writer of the result for one text given as a String (the bytes validated first).
private func strings(what: String = "text", _ write: @escaping (String, inout Output) -> Void) -> Writer {
  { bytes, out throws(Failure) in write(try utf8Text(bytes, what: what), &out) }
}

private func cleaner(_ profile: CString?) throws(Failure) -> Writer {
  let chosen = try normalizer(profile)
  return { bytes, out throws(Failure) in
    // Straight from the bytes: no String is made of the text (nor its UTF-8 checked twice).
    guard let normalized = chosen.normalize(utf8: bytes) else { throw .utf8(bytes, what: "text") }
    out.write(normalized.text)
  }
}

private func detector(_ languages: CString?) throws(Failure) -> Writer {
  let chosen = try identifier(languages)
  return strings { text, out in
    let guess = chosen.identify(text)
    out.write(guess.language)
    out.tab()
    out.write(guess.confidence)
    // Two more lines: the runners-up, then the mix (empty for a text in one language).
    for list in [guess.alternatives, guess.mix] {
      out.newline()
      for (k, alternative) in list.enumerated() {
        if k > 0 { out.tab() }
        out.write(alternative.language)
        out.tab()
        out.write(alternative.confidence)
      }
    }
  }
}

private func spanner(_ languages: CString?) throws(Failure) -> Writer {
  let chosen = try identifier(languages)
  return strings { text, out in
    // Scalar offsets of the spans' byte offsets, in one pass (spans come in text order).
    var scalars = 0
    var byte = 0
    var utf8 = text.utf8.makeIterator()
    func scalarOffset(_ target: Int) -> Int {
      while byte < target, let b = utf8.next() {
        if b & 0xC0 != 0x80 { scalars += 1 }
        byte += 1
      }
      return scalars
    }
    for span in chosen.spans(in: text) {
      let start = scalarOffset(span.utf8Range.lowerBound)
      let end = scalarOffset(span.utf8Range.upperBound)
      for number in [span.utf8Range.lowerBound, span.utf8Range.upperBound, start, end] {
        out.write(number)
        out.tab()
      }
      out.write(span.script.code)
      out.tab()
      out.write(span.guess.language)
      out.tab()
      out.write(span.guess.confidence)
      out.newline()
    }
  }
}

private func romanizer(_ top: Int32, _ style: CString?) throws(Failure) -> Writer {
  guard top >= 1 else { throw .argument("top must be at least 1, not \(top)") }
  let chosen = try indexer(style)
  return strings(what: "the name") { name, out in
    for form in chosen.romanize(name, top: Int(top)) {
      out.write(form.text)
      out.tab()
      out.write(form.score)
      out.newline()
    }
  }
}

private func keyer(_ style: CString?) throws(Failure) -> Writer {
  let chosen = try indexer(style)
  return strings(what: "the name") { name, out in
    let keys = chosen.keys(for: name)
    out.write(keys.display)
    out.tab()
    out.write(keys.ascii)
    out.tab()
    out.write(keys.phonetic)
  }
}

/// One text through the writer `make` returns.
private func one(
  _ text: CString?, _ length: Int, _ out: OutBytes?, _ outLength: UnsafeMutablePointer<Int>?, _ message: OutBytes?,
  what: String = "text", _ make: () throws(Failure) -> Writer
) -> Int32 {
  single(out, outLength, message) { output throws(Failure) in
    let writer = try make()
    try writer(try bytes(text, length, what: what), &output)
    return nil
  }
}

/// Each text of a batch through the writer `make` returns (made once).
private func many(
  _ data: CString?, _ offsets: UnsafePointer<Int>?, _ count: Int, units: Units = .bytes, _ out: OutBytes?,
  _ outLength: UnsafeMutablePointer<Int>? = nil, outOffsets: OutOffsets?, _ message: OutBytes?,
  _ make: () throws(Failure) -> Writer
) -> Int32 {
  let writer: Writer
  do { writer = try make() } catch { return fail(error, message) }
  return batch(data, offsets, count, units: units, out, outLength, outOffsets: outOffsets, message) { _, text, output throws(Failure) in
    try writer(text, &output)
  }
}

/// Each text of a batch with offsets in Unicode scalars (the `_texts` forms) through
/// the writer `make` returns.
private func texts(
  _ data: CString?, _ length: Int, _ offsets: UnsafePointer<Int>?, _ count: Int, _ out: OutBytes?,
  _ outLength: UnsafeMutablePointer<Int>?, _ outOffsets: OutOffsets?, _ message: OutBytes?,
  _ make: () throws(Failure) -> Writer
) -> Int32 {
  guard let outLength else { return fail(.null("an output pointer"), message) }
  return many(data, offsets, count, units: .scalars(length: length), out, outLength, outOffsets: outOffsets, message, make)
}

// MARK: - Entry points

@_cdecl("matn_version")
public func matn_version() -> CString { UnsafePointer(version) }

@_cdecl("matn_free")
public func matn_free(_ pointer: UnsafeMutableRawPointer?) { free(pointer) }

@_cdecl("matn_clean")
public func matn_clean(
  _ text: CString?, _ length: Int, _ profile: CString?, _ out: OutBytes?, _ outLength: UnsafeMutablePointer<Int>?,
  _ message: OutBytes?
) -> Int32 {
  one(text, length, out, outLength, message) { () throws(Failure) in try cleaner(profile) }
}

@_cdecl("matn_clean_batch")
public func matn_clean_batch(
  _ data: CString?, _ offsets: UnsafePointer<Int>?, _ count: Int, _ profile: CString?, _ out: OutBytes?,
  _ outOffsets: OutOffsets?, _ message: OutBytes?
) -> Int32 {
  many(data, offsets, count, out, outOffsets: outOffsets, message) { () throws(Failure) in try cleaner(profile) }
}

@_cdecl("matn_clean_texts")
public func matn_clean_texts(
  _ data: CString?, _ length: Int, _ offsets: UnsafePointer<Int>?, _ count: Int, _ profile: CString?, _ out: OutBytes?,
  _ outLength: UnsafeMutablePointer<Int>?, _ outOffsets: OutOffsets?, _ message: OutBytes?
) -> Int32 {
  texts(data, length, offsets, count, out, outLength, outOffsets, message) { () throws(Failure) in try cleaner(profile) }
}

/// Where `matn_clean_units` hands out its code units.
public typealias OutUnits = UnsafeMutablePointer<UnsafeMutableRawPointer?>

@_cdecl("matn_clean_units")
public func matn_clean_units(
  _ text: UnsafeRawPointer?, _ count: Int, _ width: Int32, _ profile: CString?, _ out: OutUnits?,
  _ outCount: UnsafeMutablePointer<Int>?, _ outWidth: UnsafeMutablePointer<Int32>?, _ message: OutBytes?
) -> Int32 {
  message?.pointee = nil
  guard let out, let outCount, let outWidth else { return fail(.null("an output pointer"), message) }
  out.pointee = nil
  outCount.pointee = 0
  outWidth.pointee = 0
  do throws(Failure) {
    let chosen = try normalizer(profile)
    try CodeUnits.check(text, count: count, width: width)
    // Read in place: no UTF-8 is made of the text (nor checked).
    guard let normalized = chosen.normalizeKeepingScalars(units: text, count: count, width: Int(width)) else {
      throw CodeUnits.invalid(text!, count: count, width: width)
    }
    // The normaliser's own scalars when they are the result, else the result's UTF-8.
    let handedOut =
      normalized.scalars.map { CodeUnits.handOut(scalars: $0) } ?? CodeUnits.handOut(normalized.result.text)
    guard let result = handedOut else { throw .memory }
    out.pointee = result.units
    outCount.pointee = result.count
    outWidth.pointee = result.width
    return Status.ok
  } catch {
    return fail(error, message)
  }
}

@_cdecl("matn_detect")
public func matn_detect(
  _ text: CString?, _ length: Int, _ languages: CString?, _ out: OutBytes?, _ outLength: UnsafeMutablePointer<Int>?,
  _ message: OutBytes?
) -> Int32 {
  one(text, length, out, outLength, message) { () throws(Failure) in try detector(languages) }
}

@_cdecl("matn_detect_batch")
public func matn_detect_batch(
  _ data: CString?, _ offsets: UnsafePointer<Int>?, _ count: Int, _ languages: CString?, _ out: OutBytes?,
  _ outOffsets: OutOffsets?, _ message: OutBytes?
) -> Int32 {
  many(data, offsets, count, out, outOffsets: outOffsets, message) { () throws(Failure) in try detector(languages) }
}

@_cdecl("matn_detect_texts")
public func matn_detect_texts(
  _ data: CString?, _ length: Int, _ offsets: UnsafePointer<Int>?, _ count: Int, _ languages: CString?, _ out: OutBytes?,
  _ outLength: UnsafeMutablePointer<Int>?, _ outOffsets: OutOffsets?, _ message: OutBytes?
) -> Int32 {
  texts(data, length, offsets, count, out, outLength, outOffsets, message) { () throws(Failure) in try detector(languages) }
}

@_cdecl("matn_spans")
public func matn_spans(
  _ text: CString?, _ length: Int, _ languages: CString?, _ out: OutBytes?, _ outLength: UnsafeMutablePointer<Int>?,
  _ message: OutBytes?
) -> Int32 {
  one(text, length, out, outLength, message) { () throws(Failure) in try spanner(languages) }
}

@_cdecl("matn_spans_batch")
public func matn_spans_batch(
  _ data: CString?, _ offsets: UnsafePointer<Int>?, _ count: Int, _ languages: CString?, _ out: OutBytes?,
  _ outOffsets: OutOffsets?, _ message: OutBytes?
) -> Int32 {
  many(data, offsets, count, out, outOffsets: outOffsets, message) { () throws(Failure) in try spanner(languages) }
}

@_cdecl("matn_spans_texts")
public func matn_spans_texts(
  _ data: CString?, _ length: Int, _ offsets: UnsafePointer<Int>?, _ count: Int, _ languages: CString?, _ out: OutBytes?,
  _ outLength: UnsafeMutablePointer<Int>?, _ outOffsets: OutOffsets?, _ message: OutBytes?
) -> Int32 {
  texts(data, length, offsets, count, out, outLength, outOffsets, message) { () throws(Failure) in try spanner(languages) }
}

@_cdecl("matn_romanize")
public func matn_romanize(
  _ name: CString?, _ length: Int, _ top: Int32, _ style: CString?, _ out: OutBytes?, _ outLength: UnsafeMutablePointer<Int>?,
  _ message: OutBytes?
) -> Int32 {
  one(name, length, out, outLength, message, what: "the name") { () throws(Failure) in try romanizer(top, style) }
}

@_cdecl("matn_romanize_batch")
public func matn_romanize_batch(
  _ data: CString?, _ offsets: UnsafePointer<Int>?, _ count: Int, _ top: Int32, _ style: CString?, _ out: OutBytes?,
  _ outOffsets: OutOffsets?, _ message: OutBytes?
) -> Int32 {
  many(data, offsets, count, out, outOffsets: outOffsets, message) { () throws(Failure) in try romanizer(top, style) }
}

@_cdecl("matn_romanize_texts")
public func matn_romanize_texts(
  _ data: CString?, _ length: Int, _ offsets: UnsafePointer<Int>?, _ count: Int, _ top: Int32, _ style: CString?, _ out: OutBytes?,
  _ outLength: UnsafeMutablePointer<Int>?, _ outOffsets: OutOffsets?, _ message: OutBytes?
) -> Int32 {
  texts(data, length, offsets, count, out, outLength, outOffsets, message) { () throws(Failure) in try romanizer(top, style) }
}

@_cdecl("matn_name_keys")
public func matn_name_keys(
  _ name: CString?, _ length: Int, _ style: CString?, _ out: OutBytes?, _ outLength: UnsafeMutablePointer<Int>?,
  _ message: OutBytes?
) -> Int32 {
  one(name, length, out, outLength, message, what: "the name") { () throws(Failure) in try keyer(style) }
}

@_cdecl("matn_name_keys_batch")
public func matn_name_keys_batch(
  _ data: CString?, _ offsets: UnsafePointer<Int>?, _ count: Int, _ style: CString?, _ out: OutBytes?,
  _ outOffsets: OutOffsets?, _ message: OutBytes?
) -> Int32 {
  many(data, offsets, count, out, outOffsets: outOffsets, message) { () throws(Failure) in try keyer(style) }
}

@_cdecl("matn_name_keys_texts")
public func matn_name_keys_texts(
  _ data: CString?, _ length: Int, _ offsets: UnsafePointer<Int>?, _ count: Int, _ style: CString?, _ out: OutBytes?,
  _ outLength: UnsafeMutablePointer<Int>?, _ outOffsets: OutOffsets?, _ message: OutBytes?
) -> Int32 {
  texts(data, length, offsets, count, out, outLength, outOffsets, message) { () throws(Failure) in try keyer(style) }
}

/// The article JSON (or error record) of `length` bytes at `data`.
private func article(_ data: UnsafePointer<UInt8>?, _ length: Int, id: CString?, path: CString?) throws(Failure) -> (
  json: [UInt8], failure: ArticleFailure?
) {
  let bytes: [UInt8]
  if length == 0 {
    bytes = []
  } else if let data {
    bytes = Array(UnsafeBufferPointer(start: data, count: length))
  } else {
    throw .null("data")
  }
  // An id is text; a path is bytes (a name that is not UTF-8 gets `source.pathBytes`).
  let id = try option(id, what: "the id")
  return articles.json(bytes: bytes, id: id, path: path.map { FilePath(platformString: $0) })
}

@_cdecl("matn_parse_article")
public func matn_parse_article(
  _ data: UnsafePointer<UInt8>?, _ length: Int, _ id: CString?, _ path: CString?, _ out: OutBytes?,
  _ outLength: UnsafeMutablePointer<Int>?, _ message: OutBytes?
) -> Int32 {
  single(out, outLength, message) { output throws(Failure) in
    let (json, failure) = try article(data, length, id: id, path: path)
    json.withUnsafeBufferPointer { output.append($0) }
    return failure.map { Failure(status: Status.article, message: "\($0.kind.rawValue): \($0.message)") }
  }
}

@_cdecl("matn_parse_article_batch")
public func matn_parse_article_batch(
  _ data: UnsafePointer<UInt8>?, _ offsets: UnsafePointer<Int>?, _ count: Int, _ ids: UnsafePointer<CString?>?,
  _ paths: UnsafePointer<CString?>?, _ out: OutBytes?, _ outOffsets: OutOffsets?, _ message: OutBytes?
) -> Int32 {
  let base = data.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
  return batch(base, offsets, count, out, outOffsets: outOffsets, message) { i, raw, output throws(Failure) in
    try article(raw.baseAddress, raw.count, id: ids?[i], path: paths?[i]).json.withUnsafeBufferPointer { output.append($0) }
  }
}
