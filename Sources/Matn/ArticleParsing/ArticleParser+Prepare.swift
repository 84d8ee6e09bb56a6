extension ArticleParser {
  /// The loads behind the first parse — language model, lexicons, name tables,
  /// per-scalar tables — as independent pieces of work, for a caller that wants to run
  /// them at once on several threads before a batch (about a tenth of a second in all,
  /// which otherwise the first parse pays on one thread while the others wait for it).
  ///
  /// Each piece is idempotent and thread-safe (Swift's lazy globals); calling none of
  /// them changes nothing but when the cost is paid.
  public static let preparations: [@Sendable () -> Void] = [
    {
      _ = NameTables.shared; _ = NameIndexer.shared
    },
    {
      _ = CharacterTable.lowercase; _ = ItemizerClasses.shared
    },
    {
      _ = LanguageModel.shared; _ = PersianLexicon.shared; _ = PersianNameRomanizer.shared
    },
    {
      _ = LineRules.shared; _ = DateNameIndex.shared; _ = ArticleParser.cutWords
    },
    {
      _ = DatelineTables.shared
    },
  ]
}
