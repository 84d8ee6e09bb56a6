// Fuzz target: TextNormalizer, every profile.
//
// Invariants: no crash; the text is valid UTF-8 and gains no U+FFFD; normalising is
// idempotent (normalize(normalize(x)) == normalize(x)); recorded change ranges lie
// inside the input; the same text comes out with ranges recorded as without.
import FuzzSupport
import Matn

private let normalizers = TextNormalizer.Profile.allCases.map { TextNormalizer(profile: $0) }
private let recording = TextNormalizer.Profile.allCases.map { profile in
  var options = TextNormalizer.Options(profile: profile)
  options.recordsRanges = true
  return TextNormalizer(profile: profile, options: options)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalize(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let input = String(decoding: fuzzBytes(start, count), as: UTF8.self)
  for (normalizer, recorder) in zip(normalizers, recording) {
    let profile = normalizer.profile
    let once = normalizer.normalize(input)
    requireClean(once.text, from: input, "\(profile)")
    let twice = normalizer.normalize(once.text)
    require(twice.text == once.text,
            "\(profile) is not idempotent: \(debugQuote(input)) → \(debugQuote(once.text)) → \(debugQuote(twice.text))")
    let recorded = recorder.normalize(input)
    require(recorded.text == once.text, "\(profile): recording ranges changed the text")
    let length = input.utf8.count
    for change in recorded.report.changes {
      require(change.utf8Range.lowerBound >= 0 && change.utf8Range.upperBound <= length,
              "\(profile): change \(change.kind) at \(change.utf8Range) outside the input of \(length) bytes")
    }
  }
  return 0
}
