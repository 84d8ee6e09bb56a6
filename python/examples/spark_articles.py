#!/usr/bin/env python3
"""PySpark + Matn in process: parse a directory of raw article files with
`RDD.mapPartitions` and the Python binding, instead of piping records through the
`matn` binary (`RDD.pipe`, scripts/spark/normalize_articles.py).

Each task reads its partition's files itself (paths travel, not text: the files are on
a filesystem every worker sees) and parses them in one `matn.parse_article_batch` call
per chunk, writing the article JSON lines `matn normalize --jsonl` writes — or an error
record for a file that gives no article. The driver checks the output holds every
input id exactly once and exits 1 if not.

    PYSPARK_PYTHON=$(which python) python examples/spark_articles.py --master 'local[2]' \\
        --output /tmp/articles-out DIR...

Workers need the `matn` package installed in their Python (the wheel from
scripts/build-wheel needs only libicu72 there).
"""

import argparse
import json
import os
import sys
import time


def list_inputs(directories):
    """(id, path) for every file under the directories, ids as matn's batch ids (the
    path under the directory without its extension; names beginning with _ or . kept)."""
    inputs = []
    for directory in directories:
        for root, dirs, files in os.walk(directory):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                relative = os.path.relpath(path, directory)
                inputs.append((os.path.splitext(relative)[0], path))
    return inputs


def parse_partition(records, chunk=64):
    """The task's work: read each file, parse the files in chunks, yield JSON lines."""
    import matn  # imported on the worker

    records = list(records)
    for start in range(0, len(records), chunk):
        part = records[start:start + chunk]
        raws = []
        for _, path in part:
            try:
                with open(path, "rb") as handle:
                    raws.append(handle.read())
            except OSError:
                raws.append(b"")  # an empty input: its error record says so
        # jobs=1: Spark runs a task per core already.
        yield from matn.parse_article_batch(raws, paths=[p for _, p in part], ids=[i for i, _ in part], as_json=True,
                                            jobs=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--output", required=True)
    parser.add_argument("--master", default=None)
    parser.add_argument("--partitions", type=int, default=None)
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("matn-python")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    started = time.time()
    inputs = list_inputs(args.inputs)
    partitions = args.partitions or max(sc.defaultParallelism, len(inputs) // 1000)
    sc.parallelize(inputs, partitions).mapPartitions(parse_partition).saveAsTextFile(args.output)

    ids = [json.loads(line)["id"] for line in sc.textFile(args.output).collect()]
    expected = [i for i, _ in inputs]
    errors = sc.textFile(args.output).map(json.loads).filter(lambda r: "error" in r).map(lambda r: r["error"]["kind"])
    summary = {
        "input": len(expected), "output": len(ids), "errors": errors.countByValue(),
        "partitions": partitions, "seconds": round(time.time() - started, 1),
        "ok": sorted(ids) == sorted(expected) and len(set(ids)) == len(ids),
    }
    spark.stop()
    print(json.dumps(summary))
    sys.exit(0 if summary["ok"] else 1)


if __name__ == "__main__":
    main()
