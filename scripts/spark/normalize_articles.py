#!/usr/bin/env python3
"""normalize_articles.py: raw article files -> one Matn article (or error record) each,
on Apache Spark, through the `matn normalize --jsonl` filter.

The driver lists the input files itself (os.walk: names beginning with '_' and '.' are
included, no Hadoop input format filters them and nothing is planned per file), turns
them into JSON Lines records, and Spark pipes each partition through the matn binary
with RDD.pipe(checkCode=True). matn writes exactly one JSON line per record in, in
order: the article or {"id", "path", "error": {"kind", "message"}}. Records the driver
can already tell are bad (in text mode a file that is unreadable, over --max-bytes or
not UTF-8; a line of --input-jsonl that is not a record) become error records of the
same shape without going through matn, so every input has exactly one output record.

Modes:
  paths  {"id", "path"} records; matn reads each file itself (a filesystem mounted at
         the same path on every worker: NFS, Lustre, a local test). Full decoding:
         legacy charsets (windows-1256, ...) are detected by matn.
  text   {"id", "text", "path"} records packed by the driver (no shared filesystem
         needed). JSON strings carry Unicode only, so a file that is not valid UTF-8
         gets an "undecodable" error record from the driver; use paths mode for such
         files. The driver holds all texts in memory once: for more than a few GB,
         --pack DIR writes JSON Lines shards to upload, run later with --input-jsonl.
  --input-jsonl FILE|DIR|GLOB  pre-packed records (any Hadoop filesystem: hdfs://,
         s3a://, file://), one JSON object per line with "id" and "text" or "path".

After the job the driver reads the output back and checks that the output ids are
exactly the input ids, once each; it exits 1 if not. A summary JSON object is the last
line on standard output.

Usage:
  spark-submit --master local[2] scripts/spark/normalize_articles.py \\
      --matn .build/release/matn --mode paths --output out/ articles/
  python3 scripts/spark/normalize_articles.py --pack shards/ articles/   # no Spark
"""

import argparse
import hashlib
import json
import os
import shlex
import shutil
import sys
import tempfile
import time

# matn's default --max-bytes (256 MiB).
DEFAULT_MAX_BYTES = 256 << 20


# ---------------------------------------------------------------------------
# Listing and records (driver side, plain Python: testable without Spark)
# ---------------------------------------------------------------------------

def list_inputs(roots):
    """Every file under `roots` as (path, relative, root), sorted, names beginning
    with '_' and '.' included. Directories are walked recursively without following
    symbolic links to directories; a symbolic link to a file (even a dangling one) is
    listed, so the record that cannot be read is reported, not dropped."""
    entries = []
    for root in roots:
        if os.path.isdir(root):
            for directory, subdirectories, files in os.walk(root, onerror=_raise):
                subdirectories.sort()
                for name in sorted(files):
                    path = os.path.join(directory, name)
                    entries.append((path, os.path.relpath(path, root), root))
                # Symbolic links to directories are listed by os.walk among the
                # subdirectories and not entered; report them as files (matn says
                # what they are) rather than lose them.
                for name in list(subdirectories):
                    path = os.path.join(directory, name)
                    if os.path.islink(path):
                        entries.append((path, os.path.relpath(path, root), root))
        elif os.path.lexists(root):
            entries.append((root, os.path.basename(root), os.path.dirname(root)))
        else:
            raise SystemExit(f"normalize_articles: no such file or directory: '{root}'")
    return entries


def _raise(error):
    raise SystemExit(f"normalize_articles: cannot list '{error.filename}': {error.strerror}")


def stem(relative):
    """matn's batch id: the relative path without its extension ('a/b.txt' -> 'a/b';
    '.hidden.txt' -> '.hidden'; '.hidden' stays)."""
    directory, name = os.path.split(relative)
    dot = name.rfind(".")
    if dot > 0:
        name = name[:dot]
    return os.path.join(directory, name) if directory else name


def assign_ids(entries):
    """Ids for listed files: matn's batch id (relative path without extension); where
    two files would share one ('a.txt' and 'a.html', or one name under two roots),
    those files use their full path as given instead. Returns [(id, path)]."""
    ids = [stem(relative) for _, relative, _ in entries]
    seen = {}
    for identifier in ids:
        seen[identifier] = seen.get(identifier, 0) + 1
    result = []
    for (path, _, _), identifier in zip(entries, ids):
        result.append((identifier if seen[identifier] == 1 else path, path))
    if len({identifier for identifier, _ in result}) != len(result):
        raise SystemExit("normalize_articles: two inputs are the same file (a path given twice?)")
    return result


def error_record(identifier, path, kind, message):
    """An error record of the shape matn writes."""
    record = {"error": {"kind": kind, "message": message}, "id": identifier}
    if path is not None:
        record["path"] = path
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def dump(record):
    """One JSON line, UTF-8 clean (lone surrogates from a JSON escape raise
    UnicodeEncodeError: matn's decoder would reject the whole line and lose its id)."""
    line = json.dumps(record, ensure_ascii=False)
    line.encode("utf-8")
    return line


def path_record(identifier, path):
    """("pipe", line) for paths mode; the path is absolute so workers find it."""
    return ("pipe", dump({"id": identifier, "path": os.path.abspath(path)}))


def text_record(identifier, path, max_bytes):
    """("pipe", line) with the file's text, or ("error", line) when the driver already
    knows matn could not take it: unreadable, over max_bytes, not UTF-8."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return ("error", error_record(identifier, path, "too-large",
                                          f"'{path}': {size} bytes, more than --max-bytes {max_bytes}"))
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        return ("error", error_record(identifier, path, "unreadable", f"cannot read '{path}': {error.strerror}"))
    if len(data) > max_bytes:
        return ("error", error_record(identifier, path, "too-large",
                                      f"'{path}': more than --max-bytes {max_bytes} bytes"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return ("error", error_record(
            identifier, path, "undecodable",
            f"'{path}': not valid UTF-8 (byte offset {error.start}); text records carry Unicode "
            "only: run this file in --mode paths (matn detects legacy charsets) or convert it first"))
    return ("pipe", dump({"id": identifier, "path": path, "text": text}))


def jsonl_record(line, fallback_id):
    """Checks one line of pre-packed input. ("pipe", line) for a record matn takes
    with its id intact, ("error", line) otherwise; a record without an id gets its
    path, else `fallback_id` (FILE:LINE or "input line N")."""
    if line.strip() == "":
        return ("error", error_record(fallback_id, None, "invalid-record", f"{fallback_id}: an empty line, not a JSON record"))
    try:
        record = json.loads(line)
    except ValueError as error:
        return ("error", error_record(fallback_id, None, "invalid-record", f"{fallback_id}: not JSON ({error})"))
    if not isinstance(record, dict):
        return ("error", error_record(fallback_id, None, "invalid-record", f"{fallback_id}: not a JSON object"))
    identifier = record.get("id")
    if isinstance(identifier, int) and not isinstance(identifier, bool):
        identifier = str(identifier)
    path = record.get("path") if isinstance(record.get("path"), str) else None
    if identifier is None:
        identifier = path if path is not None else fallback_id
    if not isinstance(identifier, str):
        return ("error", error_record(fallback_id, path, "invalid-record", f"{fallback_id}: \"id\" is not a string or integer"))
    for key in ("text", "path", "title"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return ("error", error_record(identifier, path, "invalid-record", f"{fallback_id}: \"{key}\" is not a string"))
    if isinstance(record.get("error"), dict) and "text" not in record:
        # An error record packed by --pack: the input's one output record already.
        record["id"] = identifier
        return ("error", json.dumps(record, ensure_ascii=False, sort_keys=True))
    record["id"] = identifier
    try:
        return ("pipe", dump(record))
    except UnicodeEncodeError:
        return ("error", error_record(identifier, path, "invalid-record",
                                      f"{fallback_id}: a string holds a lone surrogate (\\ud800-\\udfff escape)"))


def pack(listed, directory, records_per_shard, max_bytes):
    """Writes text-mode records as JSON Lines shards part-NNNNN.jsonl under
    `directory`, in listing order; a file the driver cannot pack is written as its
    error record, which --input-jsonl passes on unchanged. Returns the counts."""
    os.makedirs(directory, exist_ok=True)
    shard, written, errors, handle = 0, 0, 0, None
    for identifier, path in listed:
        kind, line = text_record(identifier, path, max_bytes)
        errors += kind == "error"
        if written % records_per_shard == 0:
            if handle is not None:
                handle.close()
            handle = open(os.path.join(directory, f"part-{shard:05d}.jsonl"), "w", encoding="utf-8")
            shard += 1
        handle.write(line + "\n")
        written += 1
    if handle is not None:
        handle.close()
    return {"records": written, "errors": errors, "shards": shard}


# ---------------------------------------------------------------------------
# The Spark job
# ---------------------------------------------------------------------------

# Finds the binary shipped by SparkContext.addFile: in the task's working directory,
# which is the executor's SparkFiles root on a cluster (YARN, standalone, Kubernetes),
# else at the path SparkFiles.get gave on the driver, which is where a local-mode task
# finds it. The shipped name carries a digest of the binary, so a './matn-<digest>'
# found in a working directory is this binary, never a stale or unrelated one.
LAUNCHER = 'if [ -x "./$1" ]; then m="./$1"; else m="$2"; fi; shift 2; exec "$m" "$@"'


def ship_binary(sc, matn, staging):
    """Copies `matn` to `staging` under a content-addressed name, adds it to the job
    (SparkContext.addFile) and returns (name, the driver's SparkFiles path)."""
    from pyspark import SparkFiles
    digest = hashlib.sha256()
    with open(matn, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    name = f"matn-{digest.hexdigest()[:16]}"
    shipped = os.path.join(staging, name)
    shutil.copy2(matn, shipped)
    sc.addFile(shipped)
    return name, SparkFiles.get(name)


def matn_command(name, driver_path, arguments):
    return shlex.join(["/bin/sh", "-c", LAUNCHER, "matn-launcher", name, driver_path,
                       "normalize", "--jsonl", *arguments])


def output_summary(line):
    """(id, kind) of one output line; kind is "article", an error kind, or
    "unparsable" for a line that is not a JSON object with a string id."""
    try:
        record = json.loads(line)
    except ValueError:
        return (None, "unparsable")
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return (None, "unparsable")
    error = record.get("error")
    return (record["id"], error.get("kind", "error") if isinstance(error, dict) else "article")


def delete_output(sc, output):
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(output)
    path.getFileSystem(sc._jsc.hadoopConfiguration()).delete(path, True)


def run_spark(options, listed):
    from pyspark import SparkConf, SparkContext, StorageLevel

    conf = SparkConf().setAppName("matn normalize").set("spark.ui.showConsoleProgress", "false")
    if options.master:
        conf = conf.setMaster(options.master)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel(options.log_level)
    started = time.time()

    if options.input_jsonl:
        lines = sc.textFile(",".join(options.input_jsonl))
        # Numbered before any repartition, so a fallback id is the same on a retry.
        prepared = lines.zipWithIndex().map(lambda pair: jsonl_record(pair[0], f"input line {pair[1] + 1}"))
        if options.partitions:
            prepared = prepared.repartition(options.partitions)
    else:
        partitions = options.partitions or max(sc.defaultParallelism, -(-len(listed) // 1000))
        if options.mode == "paths":
            records = [path_record(identifier, path) for identifier, path in listed]
        else:
            max_bytes = options.max_bytes
            records = [text_record(identifier, path, max_bytes) for identifier, path in listed]
        prepared = sc.parallelize(records, min(partitions, max(1, len(records))))
    prepared = prepared.persist(StorageLevel.MEMORY_AND_DISK)

    arguments = ["--jobs", str(options.jobs), "--max-bytes", str(options.max_bytes)]
    if options.strict:
        arguments.append("--strict")
    arguments += options.matn_arg
    staging = tempfile.mkdtemp(prefix="matn-spark-")
    try:
        command = matn_command(*ship_binary(sc, options.matn, staging), arguments)
        return run_pipeline(sc, options, prepared, command, started)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        sc.stop()


def run_pipeline(sc, options, prepared, command, started):
    from operator import add
    from pyspark import StorageLevel

    environment = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LC_ALL": "C.UTF-8"}

    piped = prepared.filter(lambda pair: pair[0] == "pipe").map(lambda pair: pair[1]) \
        .pipe(command, env=environment, checkCode=True)
    # Records the driver already answered: one more part file, not one per partition.
    known = prepared.filter(lambda pair: pair[0] == "error").map(lambda pair: pair[1]).coalesce(1)

    if options.overwrite:
        delete_output(sc, options.output)
    piped.union(known).saveAsTextFile(options.output)

    # Verification: the output, read back, holds each input id exactly once.
    input_ids = prepared.map(lambda pair: (json.loads(pair[1])["id"], 1))
    output = sc.textFile(options.output).map(output_summary).persist(StorageLevel.MEMORY_AND_DISK)
    output_ids = output.map(lambda pair: (pair[0], 1))
    input_count = input_ids.count()
    kinds = dict(output.map(lambda pair: pair[1]).countByValue())
    output_count = sum(kinds.values())
    duplicated = output_ids.reduceByKey(add).filter(lambda pair: pair[1] > 1).keys().take(5)
    missing = input_ids.subtractByKey(output_ids).keys().take(5)
    unexpected = output_ids.subtractByKey(input_ids).keys().take(5)
    duplicated_inputs = input_ids.reduceByKey(add).filter(lambda pair: pair[1] > 1).keys().take(5)

    summary = {
        "mode": "jsonl" if options.input_jsonl else options.mode,
        "input": input_count,
        "output": output_count,
        "articles": kinds.pop("article", 0),
        "errors": dict(sorted(kinds.items())),
        "partitions": prepared.getNumPartitions(),
        "seconds": round(time.time() - started, 1),
        "output_dir": options.output,
    }
    problems = []
    if output_count != input_count:
        problems.append(f"{output_count} output records for {input_count} inputs")
    if kinds.get("unparsable"):
        problems.append(f"{kinds['unparsable']} output lines are not records with an id")
    if duplicated_inputs:
        problems.append(f"input ids given more than once: {duplicated_inputs}")
    if duplicated:
        problems.append(f"output ids written more than once: {duplicated}")
    if missing:
        problems.append(f"input ids with no output record: {missing}")
    if unexpected:
        problems.append(f"output ids that are no input's: {unexpected}")
    summary["ok"] = not problems
    for problem in problems:
        print(f"normalize_articles: FAILED: {problem}", file=sys.stderr)
    print(json.dumps(summary, ensure_ascii=False), flush=True)
    return 0 if not problems else 1


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        description="Normalise raw article files on Spark through `matn normalize --jsonl`.")
    parser.add_argument("inputs", nargs="*", help="input files or directories (walked recursively)")
    parser.add_argument("--input-jsonl", action="append", default=[], metavar="PATH",
                        help="pre-packed JSON Lines records (file, directory or glob on any Hadoop filesystem); repeatable")
    parser.add_argument("--output", "-o", help="output directory (JSON Lines part files)")
    parser.add_argument("--overwrite", action="store_true", help="delete the output directory first")
    parser.add_argument("--mode", choices=["paths", "text"], default="paths",
                        help="paths: workers read the files (shared filesystem); text: the driver packs the texts")
    parser.add_argument("--partitions", type=int, help="tasks (default: at least 1 per 1,000 records, at least the default parallelism)")
    parser.add_argument("--matn", default="matn", help="the matn binary to ship to the workers")
    parser.add_argument("--jobs", type=int, default=1, help="matn threads per task (default 1)")
    parser.add_argument("--strict", action="store_true", help="matn --strict: undecodable bytes are an error")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest input file or record")
    parser.add_argument("--matn-arg", action="append", default=[], metavar="ARG",
                        help="one more argument for matn normalize (e.g. --matn-arg=--no-names); repeatable")
    parser.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--log-level", default="WARN")
    parser.add_argument("--pack", metavar="DIR", help="no Spark: write text-mode records as JSON Lines shards to DIR and exit")
    parser.add_argument("--records-per-shard", type=int, default=10000)
    options = parser.parse_args(argv)
    if options.pack:
        if not options.inputs:
            parser.error("--pack needs input files or directories")
        return options
    if not options.output:
        parser.error("--output is required")
    if bool(options.inputs) == bool(options.input_jsonl):
        parser.error("give input files/directories or --input-jsonl, not both or neither")
    if options.jobs < 1 or (options.partitions is not None and options.partitions < 1):
        parser.error("--jobs and --partitions must be at least 1")
    found = shutil.which(options.matn)
    if found is None:
        parser.error(f"--matn '{options.matn}' is not an executable file")
    options.matn = os.path.abspath(found)
    return options


def main(argv):
    options = parse_arguments(argv)
    listed = [] if options.input_jsonl else assign_ids(list_inputs(options.inputs))
    if options.pack:
        print(json.dumps(pack(listed, options.pack, options.records_per_shard, options.max_bytes)))
        return 0
    return run_spark(options, listed)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
