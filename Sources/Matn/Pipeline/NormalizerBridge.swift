import MatnICU

/// The one place the pipeline reaches Unicode normalization forms.
enum NormalizerBridge {
  static func nfkc(_ text: String) -> String { Normalizer.nfkc.normalize(text) }
}
