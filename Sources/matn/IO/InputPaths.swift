#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The files a batch command works on: paths given on the command line, the regular
/// files found under directories (recursively, in name order), and paths read from a
/// list file.
///
/// Names beginning with `_` or `.` are files like any other. Under a directory, only
/// regular files (and links to them) are taken; other entries (sockets, devices,
/// links to nothing) are listed as problems rather than silently skipped. A path given
/// explicitly is always tried, so a named pipe or `/dev/stdin` works.
struct InputPaths {
  struct Entry: Sendable, Hashable {
    /// The path to open.
    var path: String
    /// The path relative to the directory argument it was found under (the file
    /// name for a path given directly): where its output goes under `-o DIR`.
    var relative: String
    /// The directory argument it was found under, if any: the "source" whose files
    /// share boilerplate.
    var group: String
    /// Why it cannot be processed, found while listing.
    var problem: String?
  }

  private(set) var entries: [Entry] = []

  /// Expands `arguments` ('-' stays standard input).
  mutating func add(_ arguments: [String]) {
    for argument in arguments {
      if argument == "-" {
        entries.append(Entry(path: "-", relative: "stdin", group: "-"))
        continue
      }
      var info = stat()
      if stat(argument, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        var found: [Entry] = []
        walk(directory: argument, relative: "", root: argument, into: &found)
        entries.append(contentsOf: found)
      } else {
        let name = argument.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? argument
        let parent = argument.contains("/") ? String(argument[..<argument.lastIndex(of: "/")!]) : "."
        entries.append(Entry(path: argument, relative: name, group: parent))
      }
    }
  }

  /// Reads one path per line from `source` ('-': standard input) and expands them.
  mutating func add(listFrom source: String) throws(InputFile.Failure) {
    let bytes = try InputFile.read(source)
    let lines = bytes.split(separator: UInt8(ascii: "\n")).map { line -> String in
      var line = line[...]
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      return String(decoding: line, as: UTF8.self)
    }
    add(lines.filter { !$0.isEmpty })
  }

  private func walk(directory: String, relative: String, root: String, into found: inout [Entry]) {
    guard let handle = opendir(directory) else {
      found.append(Entry(path: directory, relative: relative, group: root, problem: String(cString: strerror(errno))))
      return
    }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    closedir(handle)
    for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      let rel = relative.isEmpty ? name : relative + "/" + name
      var info = stat()
      var linkInfo = stat()
      guard lstat(path, &linkInfo) == 0 else {
        found.append(Entry(path: path, relative: rel, group: root, problem: String(cString: strerror(errno))))
        continue
      }
      let isLink = (linkInfo.st_mode & S_IFMT) == S_IFLNK
      guard stat(path, &info) == 0 else {
        found.append(Entry(path: path, relative: rel, group: root, problem: isLink ? "a link to nothing" : String(cString: strerror(errno))))
        continue
      }
      switch info.st_mode & S_IFMT {
      case S_IFREG: found.append(Entry(path: path, relative: rel, group: root))
      case S_IFDIR where !isLink: walk(directory: path, relative: rel, root: root, into: &found)
      case S_IFDIR: found.append(Entry(path: path, relative: rel, group: root, problem: "a link to a directory (not followed)"))
      default: found.append(Entry(path: path, relative: rel, group: root, problem: "not a regular file"))
      }
    }
  }
}
