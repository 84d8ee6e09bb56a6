#!/usr/bin/env bash
# python/examples/test.sh: runs the examples' tests (pytest -m examples): the Hugging
# Face datasets map and the PySpark mapPartitions job in local[2]. Makes a venv with
# datasets, pyspark and pytest (hundreds of MB from PyPI, once) and installs ./python
# into it (with MATN_LIBRARY: that library, else a release build). Spark needs Java 17+.
#
# Usage: python/examples/test.sh [VENV]   (default: python/examples/.venv)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${1:-$here/.venv}"
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import datasets, pyspark, pytest' 2>/dev/null ||
  "$venv/bin/pip" install --quiet 'datasets' 'pyspark>=4.0,<5' pytest
"$venv/bin/pip" install --quiet --force-reinstall --no-deps "$root/python"
rm -rf "$root/python/build" "$root"/python/src/*.egg-info
cd "$root/python"
MATN_EXAMPLES=1 "$venv/bin/python" -m pytest -q -p no:cacheprovider -m examples tests
