"""The binding's outputs equal the matn command line's, byte for byte, on the samples."""

import base64
import json
import math
import os

import pytest

import matn

NAMES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "names.txt")


def percent(value):
    """The CLI's confidence: value × 100 with one decimal, rounded half away from zero."""
    scaled = value * 1000
    tenths = math.floor(scaled)
    if scaled - tenths >= 0.5:
        tenths += 1
    return f"{tenths // 10}.{tenths % 10}%"


def read_text(path):
    return open(path, "rb").read().decode("utf-8")


@pytest.mark.parametrize("profile", matn.PROFILES)
def test_clean_equals_cli(cli, utf8_samples, profile):
    expected = cli("clean", "--profile", profile, *utf8_samples)
    # A str goes through its own code units (matn_clean_units), bytes through UTF-8 (matn_clean).
    ours = b"".join(matn.clean(read_text(f), profile).encode() for f in utf8_samples)
    assert ours == expected
    ours_utf8 = b"".join(matn.clean(open(f, "rb").read(), profile).encode() for f in utf8_samples)
    assert ours_utf8 == expected
    batch = b"".join(t.encode() for t in matn.clean_batch([read_text(f) for f in utf8_samples], profile))
    assert batch == expected


def test_detect_equals_cli(cli, utf8_samples):
    lines = cli("detect", "--per", "document", *utf8_samples).decode().splitlines()
    assert len(lines) == len(utf8_samples)
    texts = [read_text(f) for f in utf8_samples]
    for path, line, single, batched in zip(utf8_samples, lines, map(matn.detect, texts), matn.detect_batch(texts)):
        assert single == batched
        runners = ", ".join(f"{code} {percent(c)}" for code, c in single.alternatives)
        mix = "\tmix: " + ", ".join(f"{code} {percent(c)}" for code, c in single.mix) if single.mix else ""
        assert line == f"{path}\t{single.language}\t{percent(single.confidence)}\t{runners}{mix}"


def test_spans_equal_cli(cli, utf8_samples):
    lines = cli("detect", "--per", "run", *utf8_samples).decode().splitlines()
    ours = []
    texts = [read_text(f) for f in utf8_samples]
    for path, text, spans in zip(utf8_samples, texts, matn.spans_batch(texts)):
        assert spans == matn.spans(text)
        for s in spans:
            assert text.encode()[s.byte_start:s.byte_end].decode() == s.text == text[s.start:s.end]
            ours.append(f"{path}:{s.byte_start}-{s.byte_end}\t{s.script}\t{s.language}\t{percent(s.confidence)}")
    assert ours == ["\t".join(line.split("\t")[:4]) for line in lines]


@pytest.mark.parametrize("style", matn.STYLES)
def test_romanize_equals_cli(cli, style):
    names = read_text(NAMES).splitlines()
    expected = cli("translit", "--top", "3", "--style", style, NAMES).decode().splitlines()
    for name, line, single, batched in zip(names, expected, [matn.romanize(n, 3, style) for n in names],
                                           matn.romanize_batch(names, 3, style)):
        assert single == batched
        assert "\t".join(f"{r.text}\t{r.score:.3f}" for r in single) == line, name


@pytest.mark.parametrize("key", ["display", "ascii", "phonetic"])
def test_name_keys_equal_cli(cli, key):
    names = read_text(NAMES).splitlines()
    expected = cli("translit", "--key", key, NAMES).decode().splitlines()
    ours = [getattr(k, key) for k in matn.name_keys_batch(names)]
    assert ours == expected
    assert [getattr(matn.name_keys(n), key) for n in names] == expected


def test_parse_article_equals_cli_filter(cli, samples):
    """Each sample as a {"id", "path", "base64"} record through `matn normalize --jsonl`:
    the same JSON line as parse_article, byte for byte (charset detection included)."""
    raws = [open(f, "rb").read() for f in samples]
    ids = [os.path.splitext(os.path.basename(f))[0] for f in samples]
    names = [os.path.basename(f) for f in samples]
    records = "".join(json.dumps({"id": i, "path": p, "base64": base64.b64encode(r).decode()}) + "\n"
                      for i, p, r in zip(ids, names, raws))
    expected = cli("normalize", "--jsonl", "--jobs", "1", input=records.encode()).decode().splitlines()
    assert len(expected) == len(samples)
    batched = matn.parse_article_batch(raws, paths=names, ids=ids, as_json=True)
    for name, raw, article_id, line, batch_line in zip(names, raws, ids, expected, batched):
        assert '"error"' not in line[:200], line
        assert matn.parse_article(raw, path=name, id=article_id, as_json=True) == line, name
        assert batch_line == line, name
        assert matn.parse_article(raw, path=name, id=article_id) == json.loads(line)


def test_parse_article_errors_match_cli_kinds(cli):
    inputs = [b"", b" \n\t\r\n", bytes(range(256)) * 8]
    records = "".join(json.dumps({"id": f"bad{k}", "base64": base64.b64encode(r).decode()}) + "\n"
                      for k, r in enumerate(inputs))
    expected = [json.loads(line) for line in cli("normalize", "--jsonl", input=records.encode()).splitlines()]
    ours = matn.parse_article_batch(inputs, ids=[f"bad{k}" for k in range(len(inputs))])
    for line, (theirs, mine) in enumerate(zip(expected, ours), 1):
        assert theirs.pop("line") == line
        assert mine == theirs
