#!/usr/bin/env bash
# Fuzz/run.sh TARGET SECONDS [libFuzzer options…]: builds the fuzz targets (release,
# fuzzer and address sanitizers on every module, Matn's included), seeds a corpus from
# the repository's fixtures and runs one target for SECONDS.
#
#   TARGET   decode | normalize | bidi | article
#   SECONDS  how long libFuzzer runs (-max_total_time)
#
# Environment: MAX_LEN (default 16384) bytes per input; JOBS (default 1) parallel
# fuzzing processes; NO_BUILD=1 skips the build. Crashes and broken invariants are
# written to Fuzz/.artifacts/TARGET/; the growing corpus stays in Fuzz/.corpus/TARGET
# (both ignored by git). Reproduce a crash: Fuzz/.build/release/FuzzDecode FILE.
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz")"
if [[ $# -lt 2 ]]; then sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; fi
target="$1"; seconds="$2"; shift 2
case "$target" in
  decode) binary=FuzzDecode ;;
  normalize) binary=FuzzNormalize ;;
  bidi) binary=FuzzBidi ;;
  article) binary=FuzzArticle ;;
  *) echo "run.sh: unknown target '$target' (decode, normalize, bidi, article)" >&2; exit 2 ;;
esac

if [[ "${NO_BUILD:-}" != 1 ]]; then
  # SwiftPM's --sanitize applies to every module, C and C++ included; the targets
  # have no main (libFuzzer's is linked in), hence -parse-as-library. swiftc's
  # -sanitize=fuzzer alone left the Swift modules without coverage counters (libFuzzer
  # then saw under a thousand, the C++ shim's and the target's): the coverage the
  # fuzzer needs is asked for explicitly, in the form today's libFuzzer reads.
  swift build --package-path "$fuzz" -c release --sanitize fuzzer --sanitize address \
    -Xswiftc -parse-as-library -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp >&2
fi

# Seeds, generated afresh from the fixtures (never copied into the repository): each
# fixture file whole, each line of its tables, and for the decoder the same texts in
# UTF-16 (with and without a byte order mark), UTF-32 and windows-1256.
seeds="$fuzz/.seeds/$target"
rm -rf "$seeds"; mkdir -p "$seeds"
python3 - "$root" "$seeds" "$target" <<'PY'
import hashlib, pathlib, sys
root, out, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
files = [p for p in sorted(root.glob("Tests/*/Fixtures/**/*")) + sorted((root / "Resources/samples").glob("*"))
         if p.is_file() and not p.name.endswith(".json")]
texts = []
for path in files:
    data = path.read_bytes()
    texts.append(data)
    if path.suffix in (".tsv", ".txt") and data.count(b"\n") > 3:
        for line in data.split(b"\n"):
            texts.extend(col for col in line.split(b"\t") if len(col) > 2)
samples = []
for data in texts:
    samples.append(data)
    if target == "decode":
        text = data.decode("utf-8", "replace")
        samples += [text.encode(e) for e in ("utf-16", "utf-16-le", "utf-16-be", "utf-32")]
        samples.append(text.encode("cp1256", "replace"))
for data in samples:
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data[:65536])
print(f"{len(list(out.iterdir()))} seeds from {len(files)} fixture files", file=sys.stderr)
PY

corpus="$fuzz/.corpus/$target"
artifacts="$fuzz/.artifacts/$target"
mkdir -p "$corpus" "$artifacts"
parallel=()
if [[ "${JOBS:-1}" -gt 1 ]]; then parallel=(-fork="$JOBS"); fi
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"   # libFuzzer prints the stack
exec "$fuzz/.build/release/$binary" \
  -max_total_time="$seconds" -max_len="${MAX_LEN:-16384}" -timeout=30 -rss_limit_mb=4096 \
  "${parallel[@]}" -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "$@" "$corpus" "$seeds"
