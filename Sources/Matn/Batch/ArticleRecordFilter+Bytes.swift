import SystemPackage

extension ArticleRecordFilter {
  /// One article from bytes in memory, exactly as ``process(_:number:)`` treats a
  /// `{"id": id, "path": path, "base64": …}` record (for bindings that hold the bytes
  /// already, e.g. the C ABI): decoded by the configured policy, parsed, written as one
  /// JSON line without its newline. On failure (empty, binary, undecodable, too
  /// large) `json` is the error record `{"id": …, "path": …, "error": {…}}` and
  /// `failure` says why. `id` nil takes the path, else "". The path is only a label:
  /// nothing is opened.
  ///
  /// - Thread safety: may run on any number of threads at once.
  public func json(bytes: [UInt8], id: String?, path: FilePath? = nil, title: String? = nil) -> (
    json: [UInt8], failure: ArticleFailure?
  ) {
    let id = id ?? path.map { String(decoding: $0) } ?? ""
    if bytes.count > configuration.limits.fileBytes {
      let failure = ArticleFailure(
        kind: .tooLarge, message: "record '\(id)': \(bytes.count) bytes, more than the limit of \(configuration.limits.fileBytes)")
      return (Array(ErrorRecord.encode(failure, id: id, path: path).dropLast()), failure)
    }
    switch job.article(bytes: bytes, id: id, path: path, isFile: false, title: title) {
    case .success(let article): return (article.json(pretty: false), nil)
    case .failure(let failure): return (Array(ErrorRecord.encode(failure, id: id, path: path).dropLast()), failure)
    }
  }
}
