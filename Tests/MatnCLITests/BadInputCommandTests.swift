import Foundation
import Testing

/// Bad input end to end: what a user sees (the library side is Tests/MatnTests/BadInputTests).
@Suite("bad input (CLI)")
struct BadInputCommandTests {
  @Test("UTF-16 without a mark holding a lone surrogate: decoded as UTF-16, the replacement located, not called binary")
  func loneSurrogate() throws {
    let sentence = "The agency said on Tuesday that prices rose again. "
    let units = Array((sentence + sentence).utf16) + [0xD801] + Array(sentence.utf16)
    let bytes = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let result = try CLI.run(["decode", "-"], stdin: bytes)
    #expect(result.status == 0)
    #expect(result.text.hasPrefix("-: UTF-16LE,"))
    #expect(result.text.contains("replaced 1 invalid byte sequence by U+FFFD at byte offset \(4 * sentence.utf16.count)"))
  }

  @Test("10,000 unterminated RLEs on one line: each reported (a warning: they change nothing shown), fast")
  func unterminatedControls() throws {
    let input = "Tehran " + String(repeating: "\u{202B}", count: 10_000) + "news\n"
    let result = try CLI.run(["bidi", "check", "--warnings-as-errors", "-"], stdin: Array(input.utf8))
    #expect(result.status == 1)
    #expect(result.text.split(separator: "\n").count == 10_000)
    #expect(result.stderr.contains("1 file checked, 10000 errors"))  // warnings counted as errors
  }
}
