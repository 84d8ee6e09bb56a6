#!/usr/bin/env python3
"""check_output.py: checks one normalize_articles.py run for scripts/spark/test.sh.

  check_output.py OUTPUT_DIR --expect EXPECT.tsv [--reference REFERENCE.jsonl]
                  [--fallback-ids N]

EXPECT.tsv: one line per input, "id<TAB>kind", kind being "article" or an error kind
(binary, empty, undecodable, unreadable, too-large, invalid-record). The output (all
part files of OUTPUT_DIR) must hold exactly one record per expected id, of the expected
kind, and no other record, except --fallback-ids N records whose ids are "input line K"
(invalid lines of pre-packed input, numbered by Spark). With --reference, each article
must equal the one `matn normalize --jsonl` wrote for that id outside Spark. Prints one
line per problem and a count line; exits 1 on any problem.
"""

import argparse
import json
import os
import re
import sys


def read_records(paths):
    records = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                try:
                    records.append(json.loads(line))
                except ValueError as error:
                    records.append({"id": None, "unparsable": f"{path}:{number}: {error}"})
    return records


def kind_of(record):
    error = record.get("error")
    return error.get("kind") if isinstance(error, dict) else "article"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--expect", required=True)
    parser.add_argument("--reference")
    parser.add_argument("--fallback-ids", type=int, default=0)
    options = parser.parse_args()

    expected = {}
    with open(options.expect, encoding="utf-8") as handle:
        for line in handle:
            identifier, kind = line.rstrip("\n").split("\t")
            if identifier in expected:
                sys.exit(f"check_output: {identifier!r} twice in {options.expect}")
            expected[identifier] = kind

    parts = sorted(os.path.join(options.output, name) for name in os.listdir(options.output)
                   if name.startswith("part-"))
    records = read_records(parts)
    problems = []
    seen = {}
    fallback = 0
    for record in records:
        identifier = record.get("id")
        if "unparsable" in record or not isinstance(identifier, str):
            problems.append(f"not a record with an id: {record.get('unparsable', record)}")
            continue
        if identifier in seen:
            problems.append(f"{identifier!r}: more than one output record")
        seen[identifier] = record
        if identifier not in expected:
            if re.fullmatch(r"input line [0-9]+", identifier) and kind_of(record) == "invalid-record":
                fallback += 1
            else:
                problems.append(f"{identifier!r}: an output record for no input")
            continue
        if kind_of(record) != expected[identifier]:
            problems.append(f"{identifier!r}: {kind_of(record)}, expected {expected[identifier]}"
                            f" ({record.get('error', {}).get('message', '')})")
    for identifier in expected:
        if identifier not in seen:
            problems.append(f"{identifier!r}: no output record (lost)")
    if fallback != options.fallback_ids:
        problems.append(f"{fallback} invalid lines with a fallback id, expected {options.fallback_ids}")

    compared = 0
    if options.reference:
        for reference in read_records([options.reference]):
            identifier = reference.get("id")
            if kind_of(reference) != "article" or identifier not in seen:
                continue
            compared += 1
            if seen[identifier] != reference:
                problems.append(f"{identifier!r}: the article differs from matn's outside Spark")

    for problem in problems:
        print(f"  FAIL {problem}")
    kinds = {}
    for record in seen.values():
        kinds[kind_of(record)] = kinds.get(kind_of(record), 0) + 1
    print(f"  {len(records)} output records for {len(expected) + options.fallback_ids} inputs "
          f"({len(parts)} part files); by kind {json.dumps(dict(sorted(kinds.items())))}; "
          f"{compared} articles equal to matn's outside Spark")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
