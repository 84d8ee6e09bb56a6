// icu-direct: the reference row of scripts/bench-nfc. It does what MatnICU's
// Normalizer.normalize does, in plain C++ on system ICU, without Swift:
// isNormalizedUTF8 first (the input is returned as is when it passes), otherwise
// malloc an output buffer and Normalizer2::normalizeUTF8 into it.
// The difference to the `nfc-throughput matn` row is the cost of the Swift wrapper.
//
//   icu-direct nfc|nfkc FILE [--expect FILE] [--min-seconds S]
//
// Prints `MBps=<mean over timed passes> best=<best pass> passes=<n> bytes=<n>`
// (MB = 10^6 bytes of input), like nfc-throughput.

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

static std::string readFile(const char *path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) { fprintf(stderr, "icu-direct: cannot read %s\n", path); exit(2); }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: icu-direct nfc|nfkc FILE [--expect FILE] [--min-seconds S]\n"); return 2; }
  std::string form = argv[1];
  const std::string text = readFile(argv[2]);
  const char *expect = nullptr;
  double minSeconds = 1.0;
  for (int i = 3; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--expect")) expect = argv[i + 1];
    else if (!strcmp(argv[i], "--min-seconds")) minSeconds = atof(argv[i + 1]);
  }
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2 *n = form == "nfkc" ? icu::Normalizer2::getNFKCInstance(ec)
                                             : icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec)) { fprintf(stderr, "icu-direct: %s\n", u_errorName(ec)); return 2; }
  const icu::StringPiece input(text.data(), (int32_t)text.size());
  const size_t capacity = text.size() + text.size() / 8 + 16;

  // One normalize call; returns the output length. `keep` receives the output if non-null.
  auto pass = [&](std::string *keep) -> long {
    UErrorCode status = U_ZERO_ERROR;
    if (n->isNormalizedUTF8(input, status)) {
      if (keep) *keep = text;
      return (long)text.size();
    }
    char *out = (char *)malloc(capacity);
    icu::CheckedArrayByteSink sink(out, (int32_t)capacity);
    n->normalizeUTF8(0, input, sink, nullptr, status);
    if (U_FAILURE(status) || sink.Overflowed()) { fprintf(stderr, "icu-direct: normalizeUTF8 failed\n"); exit(2); }
    long length = sink.NumberOfBytesAppended();
    if (keep) keep->assign(out, length);
    free(out);
    return length;
  };

  if (expect) {
    std::string result;
    pass(&result);
    if (result != readFile(expect)) { fprintf(stderr, "icu-direct: output differs from %s\n", expect); return 1; }
  }
  long sink = pass(nullptr);  // warm-up
  using Clock = std::chrono::steady_clock;
  double total = 0, best = 1e30;
  int passes = 0;
  while (passes < 3 || total < minSeconds) {
    auto t0 = Clock::now();
    sink += pass(nullptr);
    double s = std::chrono::duration<double>(Clock::now() - t0).count();
    total += s;
    best = std::min(best, s);
    passes++;
  }
  double mb = text.size() / 1e6;
  printf("MBps=%.1f best=%.1f passes=%d bytes=%zu sink=%ld\n", mb * passes / total, mb / best, passes,
         text.size(), sink);
  return 0;
}
