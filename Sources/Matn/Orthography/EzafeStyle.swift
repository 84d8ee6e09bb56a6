/// How the ezafe after a word ending in silent ه is written (PERSIAN.md A.3, A.6).
///
/// Typists write «خانه ی ما», «خانه‌ی ما», «خانهٔ ما» or «خانۀ ما»; the normaliser writes
/// one of them. The default follows ISIRI 6219 and the Academy of Persian Language and
/// Literature: ه + HAMZA ABOVE (U+0654), «خانهٔ ما». The `index` profile always uses it,
/// so every spelling meets in one search key.
public enum EzafeStyle: String, CaseIterable, Sendable, Codable {
  /// «خانهٔ ما»: ه + U+0654 (ISIRI 6219, the Academy). The default.
  case hamza
  /// «خانه‌ی ما»: ه + ZWNJ + ی.
  case yeh
  /// As typed (the `display` profile; ۀ still becomes ه + U+0654 with the Persian letters).
  case asTyped = "as-typed"
}
