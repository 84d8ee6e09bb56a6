import SystemPackage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// What a batch is asked to read: a path (a file or a directory to walk) or standard input.
public enum BatchArgument: Sendable, Hashable {
  case path(FilePath)
  case standardInput
}

/// One input file of a batch, as listed before anything is read.
public struct BatchInput: Sendable, Hashable {
  /// The path to open (nil: standard input).
  public var path: FilePath?
  /// The article's id: unique in the run (see ``BatchInputs``).
  public var id: String
  /// Where its output goes under an output directory, without the extension.
  public var outputName: FilePath
  /// The directory whose files share site boilerplate: the directory argument it was
  /// found under, or the parent directory of a file given directly.
  public var group: FilePath?
  /// Why it cannot be processed, found while listing.
  public var problem: String?
  /// Its size in bytes when listed (0 when unknown).
  public var size: Int
  /// Device and inode, for telling an output that is an input.
  var identity: FileIdentity?
}

/// Lists a batch's inputs: arguments in order, directories walked recursively in byte
/// order of names, each file with an id that is unique in the run.
///
/// Ids and output names: under one directory argument, the path relative to it without
/// the extension (`a/b.txt` → `a/b`); a file argument, its name without the extension.
/// With several arguments, each keeps the shortest tail of its absolute path that no
/// other argument shares (`site0/art0000`, `site1/art0000`), so folders with the same
/// file names never collide. Where two files would still share an id (`a.txt` and
/// `a.md`), both keep their extension; where they still collide (the same file named
/// twice), `~2`, `~3`… is appended in input order. Names are compared as bytes; bytes
/// that are not UTF-8 appear in ids as `%XX`. Standard input is `stdin`.
///
/// Names beginning with `_` or `.` are files like any other. Under a directory only
/// regular files (and links to them) are taken; other entries (sockets, devices, links
/// to nothing, links to directories) are listed with a problem rather than skipped.
/// Directories and files in `skipping` (the batch's own output) are left out.
public enum BatchInputs {
  /// The inputs of `arguments`, in order, each with its id and output name; entries
  /// that cannot be read carry a ``BatchInput/problem`` instead of being left out.
  ///
  /// - Complexity: O(*n* log *n*) in the number of entries under the directories.
  public static func list(_ arguments: [BatchArgument]) -> [BatchInput] {
    list(arguments, skipping: [])
  }

  /// The files of `arguments`, in order, directories walked as ``list(_:)`` walks them,
  /// without ids, output names, groups, sizes or identities: for a command that reads
  /// each file once and names it by its path. Entries of a directory that cannot be
  /// read carry a ``BatchInput/problem``; a file argument is not looked at (reading it
  /// reports what is wrong).
  ///
  /// - Complexity: O(*n*) system calls for *n* file arguments (one `stat` each), plus
  ///   the walks.
  public static func files(_ arguments: [BatchArgument]) -> [BatchInput] {
    var found: [BatchInput] = []
    found.reserveCapacity(arguments.count)
    for argument in arguments {
      guard case .path(let path) = argument else {
        found.append(BatchInput(path: nil, id: "", outputName: FilePath(), group: nil, size: 0))
        continue
      }
      var info = stat()
      if path.withPlatformString({ stat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        var listed: [(BatchInput, [UInt8])] = []
        walk(directory: path, relative: [], group: path, skipping: [], into: &listed)
        found += listed.map(\.0)
      } else {
        found.append(BatchInput(path: path, id: "", outputName: FilePath(), group: nil, size: 0))
      }
    }
    return found
  }

  static func list(_ arguments: [BatchArgument], skipping: Set<FileIdentity>) -> [BatchInput] {
    let labels = Self.labels(arguments)
    var parents: [FilePath: FilePath] = [:]  // a file argument's directory, canonical: its group
    var found: [(input: BatchInput, relative: [UInt8])] = []
    for (argument, label) in zip(arguments, labels) {
      guard case .path(let path) = argument else {
        found.append((BatchInput(path: nil, id: "", outputName: "stdin", group: nil, size: 0), Array("stdin".utf8)))
        continue
      }
      var info = stat()
      if path.withPlatformString({ stat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        var listed: [(BatchInput, [UInt8])] = []
        if !skipping.contains(FileIdentity(info)) {
          walk(directory: path, relative: label, group: path, skipping: skipping, into: &listed)
        }
        found.append(contentsOf: listed)
      } else {
        let identity = BatchPath.identity(of: path)
        if let identity, skipping.contains(identity) { continue }
        let parent = path.removingLastComponent()
        let group = parents[parent] ?? BatchPath.canonical(parent)
        parents[parent] = group
        var input = BatchInput(path: path, id: "", outputName: FilePath(), group: group, size: 0, identity: identity)
        input.size = Self.size(of: path) ?? 0
        found.append((input, label))
      }
    }
    return assignIDs(found)
  }

  /// For each argument, the tail of its path that names it in ids: empty for a single
  /// directory argument, else the shortest tail of the absolute path no other argument has.
  ///
  /// - Complexity: O(*n* × *d*) for *n* arguments whose paths have up to *d* components:
  ///   the tails of each length are counted once, not compared pair by pair.
  static func labels(_ arguments: [BatchArgument]) -> [[UInt8]] {
    let components: [[[UInt8]]] = arguments.map { argument in
      guard case .path(let path) = argument else { return [Array("stdin".utf8)] }
      let parts = BatchPath.canonical(path).components.map(\.bytes)
      return parts.isEmpty ? [Array("root".utf8)] : parts
    }
    if arguments.count == 1 {
      if case .path(let path) = arguments[0], path.isDirectory { return [[]] }
      return [components[0].last!]
    }
    // The tail of `length` components (the whole path when it has fewer), as bytes; a
    // component holds no '/', so two tails are equal exactly when their bytes are.
    func tail(_ index: Int, _ length: Int) -> [UInt8] {
      Array(components[index].suffix(length).joined(separator: [UInt8(ascii: "/")]))
    }
    var labels = [[UInt8]?](repeating: nil, count: arguments.count)
    var pending = Array(arguments.indices)
    var length = 1
    while !pending.isEmpty {
      var counts: [[UInt8]: Int] = [:]
      for index in arguments.indices { counts[tail(index, length), default: 0] += 1 }
      pending.removeAll { index in
        let label = tail(index, length)
        guard counts[label]! == 1 || length >= components[index].count else { return false }
        labels[index] = label
        return true
      }
      length += 1
    }
    return labels.map { $0! }
  }

  private static func size(of path: FilePath) -> Int? {
    var info = stat()
    guard path.withPlatformString({ stat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(info.st_size)
  }

  private static func join(_ relative: [UInt8], _ name: [UInt8]) -> [UInt8] {
    relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
  }

  private static func walk(
    directory: FilePath, relative: [UInt8], group: FilePath, skipping: Set<FileIdentity>,
    into found: inout [(BatchInput, [UInt8])]
  ) {
    func entry(_ path: FilePath, _ rel: [UInt8], problem: String? = nil, size: Int = 0, identity: FileIdentity? = nil)
      -> (BatchInput, [UInt8])
    {
      (BatchInput(path: path, id: "", outputName: FilePath(), group: group, problem: problem, size: size, identity: identity), rel)
    }
    guard let handle = directory.withPlatformString({ opendir($0) }) else {
      found.append(entry(directory, relative, problem: InputFile.errorText(errno)))
      return
    }
    var names: [[UInt8]] = []
    while let item = readdir(handle) {
      let name = withUnsafeBytes(of: item.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
      if name != [0x2E] && name != [0x2E, 0x2E] && !TemporaryFiles.isTemporaryName(name) { names.append(name) }
    }
    closedir(handle)
    for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      guard let component = FilePath.Component(platformString: name.map { CChar(bitPattern: $0) } + [0]) else { continue }
      let path = directory.appending(component)
      let rel = join(relative, name)
      var info = stat(), linkInfo = stat()
      guard path.withPlatformString({ lstat($0, &linkInfo) }) == 0 else {
        found.append(entry(path, rel, problem: InputFile.errorText(errno)))
        continue
      }
      let isLink = (linkInfo.st_mode & S_IFMT) == S_IFLNK
      guard path.withPlatformString({ stat($0, &info) }) == 0 else {
        found.append(entry(path, rel, problem: isLink ? "a link to nothing" : InputFile.errorText(errno)))
        continue
      }
      let identity = FileIdentity(info)
      if skipping.contains(identity) { continue }
      switch info.st_mode & S_IFMT {
      case S_IFREG: found.append(entry(path, rel, size: Int(info.st_size), identity: identity))
      case S_IFDIR where !isLink: walk(directory: path, relative: rel, group: group, skipping: skipping, into: &found)
      case S_IFDIR: found.append(entry(path, rel, problem: "a link to a directory (not followed)"))
      default: found.append(entry(path, rel, problem: "not a regular file (\(InputFile.typeName(info.st_mode & S_IFMT)))"))
      }
    }
  }

  /// The name without the extension of its last component (`a/b.txt` → `a/b`;
  /// `.hidden` stays, `.hidden.txt` → `.hidden`).
  static func stem(_ relative: [UInt8]) -> [UInt8] {
    let nameStart = (relative.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
    guard let dot = relative.lastIndex(of: UInt8(ascii: ".")), dot > nameStart else { return relative }
    return Array(relative[..<dot])
  }

  /// Ids and output names, unique by construction (see the type's documentation).
  static func assignIDs(_ found: [(input: BatchInput, relative: [UInt8])]) -> [BatchInput] {
    var stems = found.map { stem($0.relative) }
    var counts: [[UInt8]: Int] = [:]
    for stem in stems { counts[stem, default: 0] += 1 }
    for index in stems.indices where counts[stems[index]]! > 1 { stems[index] = found[index].relative }
    // Compared as bytes: a String's == would take NFC and NFD spellings for one id.
    var taken = Set<[UInt8]>(), takenNames = Set<[UInt8]>()
    var result: [BatchInput] = []
    result.reserveCapacity(found.count)
    for (index, item) in found.enumerated() {
      var input = item.input
      var name = stems[index]
      var id = BatchPath.escaped(name, style: .percent)
      var suffix = 2
      while taken.contains(Array(id.utf8)) || takenNames.contains(name) {
        name = stems[index] + Array("~\(suffix)".utf8)
        id = BatchPath.escaped(name, style: .percent)
        suffix += 1
      }
      taken.insert(Array(id.utf8))
      takenNames.insert(name)
      input.id = id
      input.outputName = FilePath(bytes: name)
      result.append(input)
    }
    return result
  }
}
