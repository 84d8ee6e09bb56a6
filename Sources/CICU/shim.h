// Intentionally empty: CICU only carries system ICU's pkg-config flags.
// ICU headers are included by CICUShim's .c/.cpp files alone, never exposed
// to Swift (exposing them clashes with Foundation's _FoundationICU; see ICU.md).
