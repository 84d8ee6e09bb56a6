#!/usr/bin/env python3
"""Hugging Face `datasets` + Matn: clean and parse a JSON Lines file of articles with
`Dataset.map(batched=True)`, one call into Matn per batch.

Input: JSON Lines, one article per line, {"id": …, "text": …} (the raw article text).
Output: JSON Lines with the columns added by Matn:
  clean     the text normalised (`matn clean`, profile article)
  language  the document's language and confidence
  title, paragraphs, names   from the parsed article (`matn normalize`)

    python examples/datasets_map.py articles.jsonl out.jsonl [--batch-size 256] [--num-proc 2]

Runs offline: the JSON builder is part of `datasets`; nothing is fetched from the Hub.
"""

import argparse
import json
import os

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import datasets  # noqa: E402

import matn  # noqa: E402


def add_matn_columns(batch, jobs=None):
    """One batch of rows (a dict of columns) in, the same rows with Matn's columns out.
    `jobs`: Matn's threads per batch (None: every core; 1 when map's processes do)."""
    texts = batch["text"]
    guesses = matn.detect_batch(texts, jobs=jobs)
    articles = matn.parse_article_batch([t.encode() for t in texts], ids=[str(i) for i in batch["id"]], jobs=jobs)
    return {
        "clean": matn.clean_batch(texts, jobs=jobs),
        "language": [g.language for g in guesses],
        "confidence": [g.confidence for g in guesses],
        "title": [a.get("title") for a in articles],
        "paragraphs": [[p["text"] for p in a.get("paragraphs", [])] for a in articles],
        "names": [[n["text"] for n in a.get("names", [])] for a in articles],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--num-proc", type=int, default=None)
    args = parser.parse_args()
    cache = os.path.join(os.path.dirname(os.path.abspath(args.output)), ".hf-cache")
    dataset = datasets.load_dataset("json", data_files=args.input, split="train", cache_dir=cache)
    # Several processes already fill the cores: one thread each, not a pool each.
    jobs = 1 if args.num_proc and args.num_proc > 1 else None
    mapped = dataset.map(add_matn_columns, batched=True, batch_size=args.batch_size, num_proc=args.num_proc,
                         fn_kwargs={"jobs": jobs})
    mapped.to_json(args.output, force_ascii=False)
    print(json.dumps({"rows": len(mapped), "columns": mapped.column_names, "output": args.output}))


if __name__ == "__main__":
    main()
