#!/usr/bin/env bash
# scripts/spark/test.sh: runs scripts/spark/normalize_articles.py on Spark in local[2]
# over our own sample articles plus deliberately bad inputs, in paths mode, text mode
# and from pre-packed JSON Lines, and checks that every input has exactly one output
# record (an article, or an error record for each bad input: never a lost one), that
# the ids match the inputs one to one, and that each article equals the one matn
# writes outside Spark. Then two broken matn binaries: one that loses a record (the
# job must exit 1 on the count check) and one that exits non-zero (checkCode must fail
# the job). Exits non-zero on any failure. Takes minutes; not part of swift test.
#
# Usage: scripts/spark/test.sh [--matn PATH]   (default: builds the release binary)
# Needs: Java 17+ (java on PATH), python3 with venv, network access to PyPI once.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
started=$SECONDS

# --- Java and pyspark -------------------------------------------------------------
if ! command -v java >/dev/null; then
  echo "test.sh: no java on PATH; Spark 4 needs Java 17 or 21 (Debian: apt-get install openjdk-17-jre-headless)" >&2
  exit 2
fi
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
if [[ -z "$java_major" || "$java_major" -lt 17 ]]; then
  echo "test.sh: Java $java_major found; Spark 4 needs Java 17 or 21" >&2
  exit 2
fi
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
  "$venv/bin/pip" install --quiet 'pyspark>=4.0,<5'
fi
python="$venv/bin/python"
export PYSPARK_PYTHON="$python" PYSPARK_DRIVER_PYTHON="$python"
echo "java $java_major; pyspark $("$python" -c 'import pyspark; print(pyspark.__version__)')"

# --- matn ---------------------------------------------------------------------------
if [[ "${1:-}" == "--matn" ]]; then
  matn="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
else
  if (cd "$root" && swift build -c release --static-swift-stdlib --product matn >/dev/null); then
    echo "built: swift build -c release --static-swift-stdlib --product matn"
  else
    echo "--static-swift-stdlib failed; building with the shared Swift runtime"
    (cd "$root" && swift build -c release --product matn >/dev/null)
  fi
  matn="$root/.build/release/matn"
fi
echo "matn: $matn ($(du -h "$matn" | cut -f1)); shared libraries:" \
  $(ldd "$matn" | awk '{print $1}' | grep -v 'vdso\|ld-linux' | tr '\n' ' ')

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
in="$work/in"
mkdir -p "$in/sub"

# --- inputs: our samples and fixtures, names Hadoop would hide, and bad files --------
# expect.tsv: id, file under $in, kind in paths mode, kind in text mode.
expect="$work/expect.tsv"
: > "$expect"
add() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$expect"; }
for f in "$root"/Resources/samples/*.txt "$root"/Tests/MatnTests/Fixtures/articles/*.txt; do
  name="$(basename "$f")"
  cp "$f" "$in/$name"
  if [[ "$name" == fa-windows-1256.txt ]]; then
    add "${name%.txt}" "$name" article undecodable   # text records carry Unicode only
  else
    add "${name%.txt}" "$name" article article
  fi
done
printf 'Underscore Story Title\n\nA file whose name begins with an underscore is an input like any other.\n' > "$in/_underscore.txt"
add _underscore _underscore.txt article article
printf 'Hidden Story Title\n\nA file whose name begins with a dot is an input like any other.\n' > "$in/.hidden.txt"
add .hidden .hidden.txt article article
printf 'Nested Story Title\n\nA file in a subdirectory keeps its relative path as its id.\n' > "$in/sub/nested.txt"
add sub/nested sub/nested.txt article article
: > "$in/empty.txt"
add empty empty.txt empty empty
head -c 4096 /dev/urandom > "$in/binary.bin"; printf '\0\377' >> "$in/binary.bin"
add binary binary.bin binary undecodable
printf 'Looks Like Text\n\nBut\0it\0holds\0NUL\0bytes.\n' > "$in/nul.txt"
add nul nul.txt binary binary
# Persian UTF-8 with one stray byte: with --strict an error, not a repaired article.
{ printf 'شورای شهر بودجه سال آینده را تصویب کرد\n\nشورای شهر روز سه‌شنبه بودجه را تصویب کرد و '
  printf '\330'; printf ' اعضا گفتند که کار ادامه دارد.\n'; } > "$in/damaged-utf8.txt"
add damaged-utf8 damaged-utf8.txt undecodable undecodable
ln -s "$work/nowhere.txt" "$in/dangling.txt"
add dangling dangling.txt unreadable unreadable
"$python" -c "
import sys
line = 'The council met again on Tuesday and the debate went on. '
open(sys.argv[1], 'w').write('Too Large\n\n' + line * (1200000 // len(line)) + '\n')" "$in/huge.txt"
add huge huge.txt too-large too-large
inputs=$(wc -l < "$expect")
files=$(find "$in" -type f -o -type l | wc -l)
[[ "$files" -eq "$inputs" ]] || { echo "test.sh: $files files made, $inputs expected" >&2; exit 1; }
echo "inputs: $inputs files ($(cut -f3 "$expect" | sort | uniq -c | tr '\n' ' ' | tr -s ' '))"

options=(--master 'local[2]' --matn "$matn" --partitions 3 --jobs 2 --strict --max-bytes 1000000)
fail=0
job() {   # job NAME ARGS...: runs the Spark job, prints its summary line
  local name="$1"; shift
  local t0=$SECONDS
  if "$python" "$here/normalize_articles.py" "${options[@]}" "$@" > "$work/$name.summary" 2> "$work/$name.log"; then
    echo "$name: exit 0 in $((SECONDS - t0)) s: $(tail -1 "$work/$name.summary")"
  else
    echo "$name: FAILED, exit $? (log: last lines)"; tail -20 "$work/$name.log"; fail=1
  fi
}
check() { "$python" "$here/check_output.py" "$@" || fail=1; }
reference() {   # reference RECORDS.jsonl OUT.jsonl: matn outside Spark
  "$matn" normalize --jsonl --jobs 1 --strict --max-bytes 1000000 < "$1" > "$2"
}

# --- paths mode ------------------------------------------------------------------------
cut -f1,3 "$expect" > "$work/expect-paths.tsv"
"$python" -c "
import json, os, sys
for line in open(sys.argv[1]):
    identifier, name, _, _ = line.rstrip('\n').split('\t')
    print(json.dumps({'id': identifier, 'path': os.path.join(sys.argv[2], name)}, ensure_ascii=False))
" "$expect" "$in" > "$work/paths.jsonl"
reference "$work/paths.jsonl" "$work/paths-reference.jsonl"
job paths --mode paths --output "$work/out-paths" "$in"
check "$work/out-paths" --expect "$work/expect-paths.tsv" --reference "$work/paths-reference.jsonl"

# --- text mode -------------------------------------------------------------------------
cut -f1,4 "$expect" > "$work/expect-text.tsv"
"$python" "$here/normalize_articles.py" --max-bytes 1000000 --records-per-shard 7 --pack "$work/shards" "$in" > "$work/pack.summary"
echo "pack: $(cat "$work/pack.summary")"
cat "$work/shards"/part-*.jsonl | "$python" -c "
import json, sys
for line in sys.stdin:
    if 'error' not in json.loads(line): sys.stdout.write(line)" > "$work/text.jsonl"
reference "$work/text.jsonl" "$work/text-reference.jsonl"
job text --mode text --output "$work/out-text" "$in"
check "$work/out-text" --expect "$work/expect-text.tsv" --reference "$work/text-reference.jsonl"

# --- pre-packed JSON Lines (the packed shards plus hand-made bad lines) -----------------
cp "$work/expect-text.tsv" "$work/expect-jsonl.tsv"
{
  echo 'not JSON at all'
  echo ''
  echo '[1, 2]'
  echo '{"id": 42, "text": "Numbered Story Title\n\nIts id is a JSON number."}'
  echo '{"path": "virtual/no-id.txt", "text": "Story Without An Id\n\nIts path stands in for its id."}'
  echo '{"id": "surrogate", "text": "Broken Escape\n\nA lone \ud800 surrogate."}'
  echo '{"id": "title-number", "text": "Body.", "title": 5}'
  echo '{"id": "no-body"}'
} > "$work/extra.jsonl"
printf '42\tarticle\nvirtual/no-id.txt\tarticle\nsurrogate\tinvalid-record\ntitle-number\tinvalid-record\nno-body\tinvalid-record\n' >> "$work/expect-jsonl.tsv"
job jsonl --output "$work/out-jsonl" --input-jsonl "$work/shards" --input-jsonl "$work/extra.jsonl"
check "$work/out-jsonl" --expect "$work/expect-jsonl.tsv" --reference "$work/text-reference.jsonl" --fallback-ids 3

# --- local-cluster: two executor processes, each fetching the binary into its own
# working directory (its SparkFiles root, as on a real cluster) -----------------------
spark_work="$("$python" -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "work"))')"
before=$(ls "$spark_work" 2>/dev/null || true)
options[1]='local-cluster[2,1,1024]'
job cluster --mode paths --output "$work/out-cluster" "$in"
options[1]='local[2]'
check "$work/out-cluster" --expect "$work/expect-paths.tsv" --reference "$work/paths-reference.jsonl"
fetched=0
for app in $(ls "$spark_work" 2>/dev/null); do
  grep -qx "$app" <<< "$before" && continue
  fetched=$((fetched + $(find "$spark_work/$app" -name 'matn-*' -perm -u+x | wc -l)))
  rm -rf "${spark_work:?}/$app"
done
if [[ $fetched -eq 2 ]]; then echo "  both executors ran a matn-<digest> fetched into their working directory"
else echo "  FAIL $fetched executors fetched the binary, expected 2"; fail=1; fi

# --- a broken matn must fail the job, never pass with lost records ----------------------
printf '#!/bin/sh\n"%s" "$@" | sed '"'"'$d'"'"'\n' "$matn" > "$work/matn-loses-one"
printf '#!/bin/sh\n"%s" "$@"\nexit 3\n' "$matn" > "$work/matn-exits-3"
chmod +x "$work/matn-loses-one" "$work/matn-exits-3"
for broken in matn-loses-one matn-exits-3; do
  t0=$SECONDS
  if "$python" "$here/normalize_articles.py" "${options[@]}" --matn "$work/$broken" --output "$work/out-$broken" "$in" \
      > "$work/$broken.summary" 2> "$work/$broken.log"; then
    echo "$broken: FAILED: the job exited 0"; fail=1
  else
    reason=$(grep -o 'FAILED: .*\|exited with error code [0-9]*' "$work/$broken.log" | head -1 || true)
    echo "$broken: exit non-zero as it must, in $((SECONDS - t0)) s ($reason)"
  fi
done

echo "test.sh: $((SECONDS - started)) s in all"
if [[ $fail -eq 0 ]]; then echo "RESULT ok"; else echo "RESULT FAILED"; exit 1; fi
