// name-retrieval: issue 7's retrieval measure.
//
//   name-retrieval FILE.tsv…
//       Each FILE has rows `native<TAB>latin,latin,…`. Every Latin variant of every row
//       is indexed (NameIndex, the row number as the entry); then each row's native form
//       is searched, and the row counts as found when it ranks first (ties broken against
//       it: another entry with the same score ranked first counts as a miss).
//       `same_name` also counts a query whose first entry is another row with the very
//       same native name (rows the native form alone cannot tell apart, e.g. two
//       villages called Ivanovka).
//
// Prints per file: `FILE rows=N first=F (P%) same_name=S (T%) recalled=R (Q%)`.

import Foundation
import Matn

let files = CommandLine.arguments.dropFirst()
guard !files.isEmpty else {
  FileHandle.standardError.write(Data("usage: name-retrieval FILE.tsv…\n".utf8))
  exit(2)
}
var failed = false
for path in files {
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    FileHandle.standardError.write(Data("name-retrieval: cannot read \(path)\n".utf8))
    failed = true
    continue
  }
  var rows: [(native: String, latin: [String])] = []
  for line in text.split(separator: "\n") {
    let fields = line.split(separator: "\t", maxSplits: 1)
    guard fields.count == 2 else { continue }
    rows.append((String(fields[0]), fields[1].split(separator: ",").map(String.init)))
  }
  var index = NameIndex<Int>()
  for (k, row) in rows.enumerated() { index.insert(k, spellings: row.latin) }
  var first = 0, sameName = 0, recalled = 0
  for (k, row) in rows.enumerated() {
    let matches = index.search(row.native)
    if matches.contains(where: { $0.id == k }) { recalled += 1 }
    guard let top = matches.first else { continue }
    if top.id == k, !matches.dropFirst().contains(where: { $0.score == top.score }) { first += 1 }
    if rows[top.id].native == row.native { sameName += 1 }
  }
  let n = max(rows.count, 1)
  print(
    "\((path as NSString).lastPathComponent) rows=\(rows.count) first=\(first) (\(String(format: "%.1f", 100.0 * Double(first) / Double(n)))%) same_name=\(sameName) (\(String(format: "%.1f", 100.0 * Double(sameName) / Double(n)))%) recalled=\(recalled) (\(String(format: "%.1f", 100.0 * Double(recalled) / Double(n)))%)"
  )
}
exit(failed ? 1 : 0)
