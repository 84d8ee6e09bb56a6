// name-retrieval: issue 7's retrieval and display measures.
//
//   name-retrieval [--lexicon FILE] [--fold I/K] [--misses N] FILE.tsv…
//       Each FILE has rows `native<TAB>latin,latin,…`. Every Latin variant of every row
//       is indexed (NameIndex, the row number as the entry, the variants in their
//       order); then each row's native form is searched, and the row counts as found
//       (`first`) when it ranks first (ties broken against it: another entry with the
//       same score and spelling position ranked first counts as a miss).
//       `tied_first` counts rows ranked first or tied for first with entries whose best
//       spelling is as close and as early (homophones such as 五峰 and 乌峰, both
//       "Wufeng": the Latin side cannot tell them apart). `same_name` also counts a query whose first entry is another row with the very
//       same native name (rows the native form alone cannot tell apart, e.g. two
//       villages called Ivanovka); `ceiling` is the most `first` can be (one row per
//       group of rows sharing a native name). `display` counts rows whose
//       NameIndexer display equals one of the row's Latin variants under
//       ../shared/eval/names_eval.py's `exact` key (NFKD, marks, punctuation, spaces
//       dropped, lower case).
//       --lexicon FILE: the Persian name-part lexicon to use instead of the built-in
//       one (`NameIndexer(persianNameParts:)`; scripts/eval-name-retrieval --folds).
//       --fold I/K: the index holds every row, but only rows whose number (0-based,
//       data lines only) is I modulo K are queried and counted.
//       --misses N: print up to N misses (row, query romanisation, own and top scores;
//       display misses with the display and the listed variants).
//
// Prints per file: `FILE rows=N first=F (P%) tied_first=G (V%) same_name=S (T%) ceiling=C (U%)
// recalled=R (Q%) display=D (E%)`.

import BenchCorpus
import Foundation
import Matn

var files: [String] = []
var missesToShow = 0
var fold: (index: Int, count: Int)?
var indexer = NameIndexer.shared
var arguments = CommandLine.arguments.dropFirst()
while let arg = arguments.popFirst() {
  switch arg {
  case "--misses": missesToShow = required(arguments.popFirst().flatMap { Int($0) }, "--misses needs a number")
  case "--lexicon":
    let path = required(arguments.popFirst(), "--lexicon needs a file")
    indexer = NameIndexer(persianNameParts: required(try? String(contentsOfFile: path, encoding: .utf8), "cannot read \(path)"))
  case "--fold":
    let parts = required(arguments.popFirst(), "--fold needs I/K").split(separator: "/").compactMap { Int($0) }
    guard parts.count == 2, parts[1] > 0, (0..<parts[1]).contains(parts[0]) else { fail("--fold needs I/K with 0 ≤ I < K") }
    fold = (parts[0], parts[1])
  case _ where arg.hasPrefix("-"): fail("unknown option \(arg)")
  default: files.append(arg)
  }
}
if files.isEmpty { fail("usage: name-retrieval [--lexicon FILE] [--fold I/K] [--misses N] FILE.tsv…") }

/// names_eval.py's `exact` key: NFKD, combining marks dropped, punctuation, symbols,
/// separators, controls and modifier letters dropped, lower case.
func exactKey(_ s: String) -> String {
  let kept = s.decomposedStringWithCompatibilityMapping.unicodeScalars.filter { v in
    if v.properties.canonicalCombiningClass != .notReordered { return false }
    switch v.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .nonspacingMark, .spacingMark,
      .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
      return true
    default: return false
    }
  }
  return String(String.UnicodeScalarView(kept)).lowercased()
}

func percent(_ n: Int, _ d: Int) -> String { String(format: "%d (%.1f%%)", n, 100.0 * Double(n) / Double(max(d, 1))) }

var failed = false
for path in files {
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    FileHandle.standardError.write(Data("name-retrieval: cannot read \(path)\n".utf8))
    failed = true
    continue
  }
  var rows: [(native: String, latin: [String])] = []
  for line in text.split(separator: "\n") where !line.hasPrefix("#") {
    let fields = line.split(separator: "\t", maxSplits: 1)
    guard fields.count == 2 else { continue }
    rows.append((String(fields[0]), fields[1].split(separator: ",").map(String.init)))
  }
  var index = NameIndex<Int>(indexer: indexer)
  for (k, row) in rows.enumerated() { index.insert(k, spellings: row.latin) }
  let queried = rows.indices.filter { fold == nil || $0 % fold!.count == fold!.index }
  var first = 0, tiedFirst = 0, sameName = 0, recalled = 0, display = 0
  var groups: [String: Int] = [:]
  for k in queried { groups[rows[k].native, default: 0] += 1 }
  for k in queried {
    let row = rows[k]
    let keys = indexer.keys(for: row.native)
    if Set(row.latin.map(exactKey)).contains(exactKey(keys.display)) {
      display += 1
    } else if missesToShow > 0 {
      missesToShow -= 1
      print("  DISPLAY \(row.native) → \(keys.display) | \(row.latin.prefix(4))")
    }
    let matches = index.search(row.native)
    if matches.contains(where: { $0.id == k }) { recalled += 1 }
    guard let top = matches.first else {
      if missesToShow > 0 {
        missesToShow -= 1
        print("  NOT FOUND \(row.native) [\(keys.display) \(keys.phonetic)] \(row.latin.prefix(4).map { "\($0) \(indexer.keys(for: $0).phonetic)" })")
      }
      continue
    }
    let tied = matches.dropFirst().contains { $0.score == top.score && $0.spelling == top.spelling }
    if top.id == k, !tied { first += 1 }
    if matches.prefix { $0.score == top.score && $0.spelling == top.spelling }.contains(where: { $0.id == k }) { tiedFirst += 1 }
    if rows[top.id].native == row.native { sameName += 1 }
    if top.id != k || tied, missesToShow > 0, rows[top.id].native != row.native {
      missesToShow -= 1
      let own = matches.first { $0.id == k }.map { String(format: "%.3f", $0.score) } ?? "-"
      print("  MISS \(row.native) [\(keys.ascii)] own=\(own) \(row.latin.prefix(4)) | top=\(String(format: "%.3f", top.score)) \(rows[top.id].native) \(rows[top.id].latin.prefix(4))")
    }
  }
  let n = queried.count
  print(
    "\((path as NSString).lastPathComponent) rows=\(n) first=\(percent(first, n)) tied_first=\(percent(tiedFirst, n)) same_name=\(percent(sameName, n)) ceiling=\(percent(groups.count, n)) recalled=\(percent(recalled, n)) display=\(percent(display, n))"
  )
}
exit(failed ? 1 : 0)
