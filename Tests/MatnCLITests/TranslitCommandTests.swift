import Testing

@Suite("matn translit")
struct TranslitCommandTests {
  @Test("one key per input line, in order, empty lines kept; --key picks display, ascii or phonetic")
  func perLine() throws {
    let input = "حسن روحانی\n\nЛеонид Решетников\n习近平\n"
    let display = try CLI.run(["translit", "-"], stdin: Array(input.utf8))
    #expect(display.status == 0)
    #expect(display.text == "Hassan Rouhani\n\nLeonid Reshetnikov\nXi Jinping\n")
    let ascii = try CLI.run(["translit", "--key", "ascii", "-"], stdin: Array(input.utf8))
    #expect(ascii.text == "hassan rouhani\n\nleonid reshetnikov\nxi jinping\n")
    let phonetic = try CLI.run(["translit", "--key", "phonetic", "-"], stdin: Array("روحانی\nRowhani\n".utf8))
    #expect(phonetic.text == "rn\nrn\n")
  }
}
