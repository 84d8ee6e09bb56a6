import Testing

@testable import Matn

@Suite("Process memory")
struct ProcessMemoryTests {
  @Test("large blocks can be kept on the heap (glibc)")
  func preferHeap() {
    #if canImport(Glibc)
      #expect(ProcessMemory.preferHeapForLargeBlocks())
      // Still a working allocator: a block above the default threshold, written and freed.
      let block = [UInt32](repeating: 7, count: 1 << 20)
      #expect(block.reduce(0, &+) == 7 << 20)
    #endif
  }
}
