"""The examples run (opt in: MATN_EXAMPLES=1, or python/examples/test.sh, which installs
datasets and pyspark in a venv; they are too heavy for every CI run)."""

import glob
import json
import os
import subprocess
import sys

import pytest

import matn

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = os.path.join(ROOT, "python", "examples")

pytestmark = [
    pytest.mark.examples,
    pytest.mark.skipif(not os.environ.get("MATN_EXAMPLES"),
                       reason="opt-in: MATN_EXAMPLES=1 (python/examples/test.sh installs datasets and pyspark)"),
]


def our_articles():
    files = sorted(glob.glob(os.path.join(ROOT, "Resources", "samples", "*.txt")))
    files += sorted(glob.glob(os.path.join(ROOT, "Tests", "MatnTests", "Fixtures", "articles", "*.txt")))
    return files


def test_datasets_map_batched(tmp_path):
    pytest.importorskip("datasets")
    rows = []
    for k, path in enumerate(our_articles()):
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # JSON text holds Unicode only
        rows.append({"id": os.path.basename(path), "text": text})
    rows += rows * 40  # several batches
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, os.path.join(EXAMPLES, "datasets_map.py"), str(source), str(output),
                           "--batch-size", "64"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1])["rows"] == len(rows)
    out = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(out) == len(rows)
    for row, result in zip(rows, out):
        assert result["id"] == row["id"]
        assert result["clean"] == matn.clean(row["text"])
        assert result["language"] == matn.detect(row["text"]).language
        article = matn.parse_article(row["text"].encode(), id=row["id"])
        assert result["title"] == article.get("title")
        assert result["paragraphs"] == [p["text"] for p in article["paragraphs"]]


def test_spark_map_partitions_local2(tmp_path):
    pytest.importorskip("pyspark")
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    expected = {}
    for path in our_articles():
        name = os.path.basename(path)
        data = open(path, "rb").read()
        (inputs / name).write_bytes(data)
        expected[os.path.splitext(name)[0]] = (data, str(inputs / name))
    (inputs / "sub" / "_hidden-by-hadoop.txt").write_bytes(b"A Title\n\nA body that Hadoop would hide.\n")
    expected["sub/_hidden-by-hadoop"] = ((inputs / "sub" / "_hidden-by-hadoop.txt").read_bytes(),
                                         str(inputs / "sub" / "_hidden-by-hadoop.txt"))
    (inputs / "empty.txt").write_bytes(b"")
    expected["empty"] = (b"", str(inputs / "empty.txt"))
    output = tmp_path / "out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    done = subprocess.run([sys.executable, os.path.join(EXAMPLES, "spark_articles.py"), "--master", "local[2]",
                           "--partitions", "2", "--output", str(output), str(inputs)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["ok"] and summary["input"] == summary["output"] == len(expected)
    assert summary["errors"] == {"empty": 1}
    lines = [line for part in sorted(glob.glob(str(output / "part-*"))) for line in open(part, encoding="utf-8")]
    assert len(lines) == len(expected)
    for line in lines:
        record = json.loads(line)
        data, path = expected[record["id"]]
        if "error" in record:
            assert record["error"]["kind"] == "empty"
            continue
        assert line.rstrip("\n") == matn.parse_article(data, path=path, id=record["id"], as_json=True)
