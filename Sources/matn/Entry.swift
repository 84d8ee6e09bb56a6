#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import ArgumentParser
import Matn

/// Process set-up before any command runs: a file-size limit (`ulimit -f`) makes writes
/// fail with EFBIG, reported like any write error, instead of killing the process with
/// SIGXFSZ; SIGINT, SIGTERM and SIGHUP remove temporary output files in flight (from the
/// first one made on); large
/// working buffers come from the heap and are reused (``ProcessMemory``). Long lists of
/// file operands skip swift-argument-parser (``FileOperands``), and a command line that
/// cannot ask for a completion script is parsed without the parser's check for one
/// (``CompletionRequests``).
@main
enum Main {
  static func main() {
    signal(SIGXFSZ, SIG_IGN)
    ProcessMemory.preferHeapForLargeBlocks()
    TemporaryFiles.removeOnTerminationFromFirstFile()
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard var command = FileOperands.parse(arguments) ?? CompletionRequests.parse(arguments) else {
      return MatnCommand.main(arguments)
    }
    do {
      try command.run()
    } catch {
      MatnCommand.exit(withError: error)
    }
  }
}
