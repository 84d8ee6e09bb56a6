import Foundation
import Testing

/// `scripts/install PREFIX` as a packager runs it: the binary, its completions and its
/// man page land under PREFIX and work there.
@Suite("scripts/install")
struct InstallCommandTests {
  @Test("into a temporary prefix: PREFIX/bin/matn --help, man -l PREFIX/share/man/man1/matn.1, bash completion")
  func install() throws {
    let prefix = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: prefix) }
    let root = CLI.repositoryRoot
    var arguments = [root.appendingPathComponent("scripts/install").path, "--binary", CLI.executable.path]
    // The generator .ci/run builds beside matn; else one built in a scratch folder of
    // its own (swift test holds .build's lock, so the script cannot build there).
    let generator = CLI.executable.deletingLastPathComponent().appendingPathComponent("generate-manual")
    if FileManager.default.isExecutableFile(atPath: generator.path) {
      arguments += ["--generator", generator.path]
    } else {
      arguments += ["--scratch-path", root.appendingPathComponent(".build-install").path]
    }
    let bash = URL(fileURLWithPath: "/bin/bash")
    let installed = try CLI.run(executable: bash, arguments + [prefix.path])
    #expect(installed.status == 0, "\(installed.stderr)")
    for path in [
      "bin/matn", "share/bash-completion/completions/matn", "share/zsh/site-functions/_matn",
      "share/fish/vendor_completions.d/matn.fish", "share/man/man1/matn.1",
    ] {
      #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), "\(path)")
    }

    let help = try CLI.run(executable: prefix.appendingPathComponent("bin/matn"), ["--help"])
    #expect(help.status == 0)
    #expect(help.text.contains("USAGE: matn <subcommand>"))

    let man = try CLI.run(
      executable: URL(fileURLWithPath: "/usr/bin/man"), ["-l", prefix.appendingPathComponent("share/man/man1/matn.1").path],
      environment: ["MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat"])
    #expect(man.status == 0, "\(man.stderr)")
    #expect(man.text.contains("MATN(1)"))
    #expect(man.text.contains("normalize") && man.text.contains("--output-dir"))

    // Completing "matn nor" offers normalize; "matn normalize --out" offers the output options.
    let completion = prefix.appendingPathComponent("share/bash-completion/completions/matn").path
    let script = """
      source '\(completion)'
      function=$(complete -p matn | sed -E 's/.*-F ([^ ]+).*/\\1/')
      complete_line() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
        "$function" matn "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; printf '%s\\n' "${COMPREPLY[@]}"; }
      complete_line matn nor
      echo ---
      complete_line matn normalize --out
      """
    let completed = try CLI.run(
      executable: bash, ["-c", script], environment: ["PATH": prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"])
    #expect(completed.status == 0, "\(completed.stderr)")
    let parts = completed.text.components(separatedBy: "---\n")
    #expect(parts.first?.split(separator: "\n").contains("normalize") == true, "\(completed.text) \(completed.stderr)")
    #expect(parts.last?.contains("--output-dir") == true, "\(completed.text)")
  }
}
