#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import ArgumentParser
import Matn

/// Process set-up before any command runs: a file-size limit (`ulimit -f`) makes writes
/// fail with EFBIG, reported like any write error, instead of killing the process with
/// SIGXFSZ; SIGINT, SIGTERM and SIGHUP remove temporary output files in flight.
@main
enum Main {
  static func main() {
    signal(SIGXFSZ, SIG_IGN)
    TemporaryFiles.removeOnTermination()
    MatnCommand.main()
  }
}
