"""Matn from Python: clean, structured text from raw mixed-script news.

A thin binding over Matn's C ABI (libMatnC, `Sources/MatnC/include/matn.h`), loaded
with ctypes. Every function gives the same output as the `matn` command line for the
same input, byte for byte:

    >>> import matn
    >>> matn.detect("این یک متن فارسی است").language
    'fa'
    >>> matn.clean("كتاب هاي ما")            # Arabic kaf and yeh, spaced plural
    'کتاب‌های ما'
    >>> matn.name_keys("علی اکبر ولایتی").display
    'Ali Akbar Velayati'

Each function has a batch form (`clean_batch`, `detect_batch`, …) that takes a list
and makes one call into the library for all of it, which is several times faster for
short texts. The GIL is released during every call into the library, so threads run
in parallel. A batch form splits a large batch over the cores this process may use
(`jobs=None`, the default: `os.sched_getaffinity`, or the `MATN_JOBS` environment
variable when set); `jobs=1` keeps it on the calling thread, `jobs=N` uses N threads.
Processes that already use every core (e.g. `datasets.map(num_proc=N)`, Spark
executors) should pass `jobs=1` or set `MATN_JOBS=1`.

Errors: a text that is not a `str` (or UTF-8 `bytes`) raises TypeError; `bytes` that
are not valid UTF-8, an unknown profile, style or language code raise `MatnError`
(a ValueError); an article that cannot be parsed raises `ArticleError`.
"""

from __future__ import annotations

import json as _json
import os as _os
import threading as _threading
from concurrent.futures import ThreadPoolExecutor
from itertools import islice as _islice
from ctypes import c_char_p
from os import fsencode as _fsencode
from typing import Any, Callable, Iterable, NamedTuple, Sequence, TypeVar, Union

from . import _native
from ._native import MatnError

__all__ = [
    "MatnError", "ArticleError", "Detection", "Span", "Romanization", "NameKeys", "PROFILES", "STYLES",
    "clean", "clean_batch", "detect", "detect_batch", "spans", "spans_batch", "romanize", "romanize_batch",
    "name_keys", "name_keys_batch", "parse_article", "parse_article_batch", "version", "library_path",
]

Text = Union[str, bytes, bytearray, memoryview]
PROFILES = ("display", "article", "model", "index")
STYLES = ("iran", "afghanistan", "any")


class ArticleError(MatnError):
    """An input that gave no article: empty, binary, undecodable or too large.

    `kind` is the error kind of `matn normalize --jsonl` (`empty`, `binary`,
    `undecodable`, `too-large`); `record` is its error record as a dict."""

    def __init__(self, message: str, record: dict):
        super().__init__(_native.E_ARTICLE, message)
        self.record = record
        self.kind = record.get("error", {}).get("kind")


class Detection(NamedTuple):
    """A language guess: a BCP 47 code ("und" when the text has no letters), the
    confidence (0–1), the runners-up as (code, confidence) pairs, best first, and the
    mix: for a text that holds several languages (an English article with a Persian
    footer), each with its share of the letters, largest first (then `language` is the
    largest share's and `confidence` that share); empty for a text in one language."""

    language: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...] = ()
    mix: tuple[tuple[str, float], ...] = ()

    def __str__(self) -> str:
        return f"{self.language} {self.confidence:.4f}"


class Span(NamedTuple):
    """A stretch of one script and one language. `start`/`end` index the `str` (code
    points, half-open), `byte_start`/`byte_end` its UTF-8 bytes; `script` is the ISO
    15924 code."""

    start: int
    end: int
    text: str
    script: str
    language: str
    confidence: float
    byte_start: int
    byte_end: int


class Romanization(NamedTuple):
    """One romanisation of a name and its score (the product of its words' shares)."""

    text: str
    score: float


class NameKeys(NamedTuple):
    """A name's index keys: the display romanisation, its ASCII fold and the
    cross-script phonetic key."""

    display: str
    ascii: str
    phonetic: str


def version() -> str:
    """The version of the native library."""
    return _native.version()


def library_path() -> str:
    """The path libMatnC was loaded from."""
    return _native.library_path()


# ---------------------------------------------------------------------------------
# Arguments

_encoded_options: dict[str, bytes] = {}


def _option(value: str | None, what: str) -> bytes | None:
    if value is None:
        return None
    try:
        return _encoded_options[value]
    except KeyError:
        if not isinstance(value, str):
            raise TypeError(f"{what} must be a str, not {type(value).__name__}") from None
        encoded = value.encode()
        if len(_encoded_options) < 64:
            _encoded_options[value] = encoded
        return encoded


def _utf8(text: Text, what: str = "text") -> bytes:
    if type(text) is str:
        return text.encode()
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    if isinstance(text, str):
        return str(text).encode()
    raise TypeError(f"{what} must be str or UTF-8 bytes, not {type(text).__name__}")


def _texts(texts: Iterable[Text], what: str = "text") -> list[bytes]:
    if isinstance(texts, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"a batch takes a list of {what}s, not one {type(texts).__name__}")
    return [_utf8(t, what) for t in texts]


_R = TypeVar("_R")


def _usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), else the machine's count."""
    try:
        return max(len(_os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):
        return max(_os.cpu_count() or 1, 1)


def _default_jobs() -> int:
    """`jobs=None`: MATN_JOBS when set (a positive int), else the usable cores."""
    value = _os.environ.get("MATN_JOBS", "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise ValueError(f"MATN_JOBS must be a positive integer, not {value!r}")
        return int(value)
    return _usable_cores()


# One pool per process, grown on demand and made again after a fork (a child does not
# inherit the parent's threads: datasets.map(num_proc=…) and Spark fork workers).
_pool_lock = _threading.Lock()
_pool: tuple[int, int, ThreadPoolExecutor] | None = None


def _executor(workers: int) -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        pid = _os.getpid()
        if _pool is None or _pool[0] != pid or _pool[1] < workers:
            # Threads start lazily, so room for every usable core costs nothing. A pool
            # outgrown is dropped, not shut down: another thread may still be handing it
            # work; its idle threads end when it is collected.
            size = max(workers, _usable_cores())
            _pool = (pid, size, ThreadPoolExecutor(max_workers=size, thread_name_prefix="matn"))
        return _pool[2]


def _run_batch(count: int, jobs: int | None, run: Callable[[int, int], list[_R]], least: int = 64) -> list[_R]:
    """`run(start, end)` over the items start..<end of a batch of `count`, in up to
    `jobs` threads (None: `_default_jobs()`), each given at least `least` items (a
    thread's share of a small batch costs more to hand over than to run); each call
    into the library releases the GIL. Results in order."""
    if jobs is None:
        jobs = _default_jobs()
    elif type(jobs) is not int or jobs < 1:
        raise ValueError(f"jobs must be None or an int of at least 1, not {jobs!r}")
    parts = min(jobs, count // max(least, 1))
    if parts <= 1:
        return run(0, count)
    size = -(-count // parts)
    starts = range(0, count, size)
    futures = [_executor(parts).submit(run, start, min(start + size, count)) for start in starts[1:]]
    first = run(0, min(size, count))  # the calling thread takes the first share itself
    return first + [result for future in futures for result in future.result()]


def _split(buffer: bytes, ends: list[int]) -> list[bytes]:
    return [buffer[a:b] for a, b in zip(ends, ends[1:])]


def _items(texts: Iterable[Text], what: str = "text") -> list:
    if isinstance(texts, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"a batch takes a list of {what}s, not one {type(texts).__name__}")
    return texts if type(texts) is list else list(texts)


def _outputs(items: list, texts_function: str, batch_function: str, *arguments: Any, what: str = "text") -> list[str]:
    """The output of each item, decoded: through the *_texts form (one join, one encode
    and one decode for the lot, offsets in code points) when every item is a str, else
    through the *_batch form (bytes items, or an error to raise for an item)."""
    if _native.HAS_TEXTS:
        try:
            text, ends = _native.call_texts(getattr(_lib, texts_function), items, *arguments)
            return list(map(text.__getitem__, map(slice, ends, _islice(ends, 1, None))))
        except (TypeError, UnicodeEncodeError):
            pass  # an item that is not a str: the byte path checks and encodes each
    buffer, ends = _native.call_batch(getattr(_lib, batch_function), _texts(items, what), *arguments)
    return [buffer[a:b].decode() for a, b in zip(ends, ends[1:])]


# ---------------------------------------------------------------------------------
# Cleaning

_lib = _native.lib
_call = _native.call
_call_units = _native.call_units
_HAS_UNITS = _native.HAS_UNITS


def clean(text: Text, profile: str = "article") -> str:
    """Normalises `text` as `matn clean --profile PROFILE` does: cleanup of invisibles,
    controls, spaces and line ends; Persian orthography on Persian spans only (letters,
    digits, ZWNJ and affixes, punctuation); NFC (NFKC for `model`).

    Profiles: "display" (conservative), "article" (default), "model" (article + NFKC),
    "index" (search keys). Raises MatnError for an unknown profile or bytes that are
    not UTF-8, TypeError for anything but str or bytes."""
    if type(text) is str and _HAS_UNITS:
        # The str's own code units in, the result's units out: no UTF-8 either way.
        result = _call_units(_lib.matn_clean_units, text, _option(profile, "profile"))
        if result is not None:
            return result
    data = text.encode() if type(text) is str else _utf8(text)
    return _native.call_text(_lib.matn_clean, data, len(data), _option(profile, "profile"))


def clean_batch(texts: Iterable[Text], profile: str = "article", *, jobs: int | None = None) -> list[str]:
    """`clean` over many texts in one call into the library (`jobs` threads; None: the usable cores)."""
    encoded_profile = _option(profile, "profile")
    items = _items(texts)

    def run(start: int, end: int) -> list[str]:
        return _outputs(items[start:end], "matn_clean_texts", "matn_clean_batch", encoded_profile)

    return _run_batch(len(items), jobs, run)


# ---------------------------------------------------------------------------------
# Languages

def _pairs(line: str) -> tuple[tuple[str, float], ...]:
    fields = line.split("\t")
    return tuple((fields[k], float(fields[k + 1])) for k in range(0, len(fields) - 1, 2))


def _detection(record: str) -> Detection:
    best, alternatives, mix = record.split("\n")
    language, confidence = best.split("\t")
    return Detection(language, float(confidence), _pairs(alternatives), _pairs(mix))


def _languages(languages: Iterable[str] | str | None) -> bytes | None:
    if languages is None:
        return None
    if isinstance(languages, str):
        return _option(languages, "languages")
    return ",".join(languages).encode()


def detect(text: Text, languages: Iterable[str] | str | None = None) -> Detection:
    """The language of `text` (`matn detect`): a Detection(language, confidence,
    alternatives). `languages` restricts the answer to these BCP 47 codes (a list or
    a comma-separated str)."""
    data = text.encode() if type(text) is str else _utf8(text)
    return _detection(_call(_lib.matn_detect, data, len(data), _languages(languages)).decode())


def detect_batch(texts: Iterable[Text], languages: Iterable[str] | str | None = None, *, jobs: int | None = None) -> list[Detection]:
    """`detect` over many texts in one call into the library (`jobs` threads; None: the usable cores)."""
    codes = _languages(languages)
    items = _items(texts)

    def run(start: int, end: int) -> list[Detection]:
        return list(map(_detection, _outputs(items[start:end], "matn_detect_texts", "matn_detect_batch", codes)))

    return _run_batch(len(items), jobs, run)


def _spans(text: str | None, data: bytes | None, output: str) -> list[Span]:
    spans = []
    for line in output.splitlines():
        b0, b1, s0, s1, script, language, confidence = line.split("\t")
        start, end = int(s0), int(s1)
        piece = text[start:end] if text is not None else data[int(b0):int(b1)].decode()
        spans.append(Span(start, end, piece, script, language, float(confidence), int(b0), int(b1)))
    return spans


def spans(text: Text, languages: Iterable[str] | str | None = None) -> list[Span]:
    """The spans of one script and one language in a mixed text (`matn detect --per
    run`): each script run cut at sentence boundaries, identified, and neighbours of
    one language merged. Runs without letters belong to no span."""
    data = _utf8(text)
    output = _call(_lib.matn_spans, data, len(data), _languages(languages)).decode()
    return _spans(text if isinstance(text, str) else None, data, output)


def spans_batch(texts: Iterable[Text], languages: Iterable[str] | str | None = None, *, jobs: int | None = None) -> list[list[Span]]:
    """`spans` over many texts in one call into the library (`jobs` threads; None: the usable cores)."""
    codes = _languages(languages)
    items = _items(texts)

    def run(start: int, end: int) -> list[list[Span]]:
        part = items[start:end]
        outputs = _outputs(part, "matn_spans_texts", "matn_spans_batch", codes)
        return [_spans(t, None, output) if isinstance(t, str) else _spans(None, _utf8(t), output)
                for t, output in zip(part, outputs)]

    return _run_batch(len(items), jobs, run)


# ---------------------------------------------------------------------------------
# Names

def _romanizations(output: str) -> list[Romanization]:
    result = []
    for line in output.splitlines():
        form, score = line.rsplit("\t", 1)
        result.append(Romanization(form, float(score)))
    return result


def _top(top: int) -> int:
    if not isinstance(top, int) or isinstance(top, bool):
        raise TypeError(f"top must be an int, not {type(top).__name__}")
    return max(min(top, 2**31 - 1), -(2**31))


def romanize(name: Text, top: int = 1, style: str = "iran") -> list[Romanization]:
    """The best `top` romanisations of a name with their scores, best first (`matn
    translit --top K`): Persian names from the curated lists, the name lexicon and the
    graphone model; Russian by BGN; Chinese by Hanyu Pinyin; others by ICU's Any-Latin.
    `style`: "iran" (default), "afghanistan" or "any". A name without letters gives []."""
    data = _utf8(name, "name")
    return _romanizations(_call(_lib.matn_romanize, data, len(data), _top(top), _option(style, "style")).decode())


def romanize_batch(names: Iterable[Text], top: int = 1, style: str = "iran", *, jobs: int | None = None) -> list[list[Romanization]]:
    """`romanize` over many names in one call into the library (`jobs` threads; None: the usable cores)."""
    k, encoded_style = _top(top), _option(style, "style")
    items = _items(names, "name")

    def run(start: int, end: int) -> list[list[Romanization]]:
        outputs = _outputs(items[start:end], "matn_romanize_texts", "matn_romanize_batch", k, encoded_style, what="name")
        return list(map(_romanizations, outputs))

    return _run_batch(len(items), jobs, run)


def _keys(output: str) -> NameKeys:
    return NameKeys(*output.split("\t"))


def name_keys(name: Text, style: str = "iran") -> NameKeys:
    """A name's index keys (`matn translit --key display|ascii|phonetic`): «علی اکبر
    ولایتی», "Ali Akbar Velayati" and "Ali-Akbar Velayati" share the phonetic key."""
    data = _utf8(name, "name")
    return _keys(_call(_lib.matn_name_keys, data, len(data), _option(style, "style")).decode())


def name_keys_batch(names: Iterable[Text], style: str = "iran", *, jobs: int | None = None) -> list[NameKeys]:
    """`name_keys` over many names in one call into the library (`jobs` threads; None: the usable cores)."""
    encoded_style = _option(style, "style")
    items = _items(names, "name")

    def run(start: int, end: int) -> list[NameKeys]:
        return list(map(_keys, _outputs(items[start:end], "matn_name_keys_texts", "matn_name_keys_batch", encoded_style,
                                        what="name")))

    return _run_batch(len(items), jobs, run)


# ---------------------------------------------------------------------------------
# Articles

def _raw(data: Text | Any) -> bytes:
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, str):
        return data.encode()
    raise TypeError(f"data must be bytes (or str), not {type(data).__name__}")


def _label(value: str | bytes | None, what: str, path: bool = False) -> bytes | None:
    if value is None:
        return None
    if path and isinstance(value, (str, bytes)) or hasattr(value, "__fspath__"):
        encoded = _fsencode(value)  # a file name's own bytes (surrogateescape)
    elif isinstance(value, str):
        encoded = value.encode()
    else:
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    if b"\0" in encoded:
        raise ValueError(f"{what} holds a NUL character")
    return encoded


def parse_article(data: Text, path: str | bytes | None = None, id: str | None = None, *, as_json: bool = False) -> Any:
    """One raw article file's bytes (any charset: byte order marks, UTF-8, UTF-16,
    windows-1256…, mojibake repaired) parsed into its article, as a dict: title,
    dateline and date, byline, body paragraphs with their languages, credits,
    boilerplate with reasons, names with keys, and a report — the record `matn
    normalize --jsonl` writes for `{"id": id, "path": path, "base64": …}`.

    `path` is only recorded (`source.path`), never opened; `id` defaults to `path`.
    With `as_json=True` the JSON text is returned as it is (one line). Raises
    ArticleError when the input gives no article (empty, binary, undecodable)."""
    raw = _raw(data)
    try:
        output = _call(_lib.matn_parse_article, raw, len(raw), _label(id, "id"), _label(path, "path", True))
    except _native.ArticleFailed as failure:
        raise ArticleError(str(failure), _json.loads(failure.record)) from None
    return output.decode() if as_json else _json.loads(output)


def parse_article_batch(items: Sequence[Text], paths: Sequence[str | bytes | None] | None = None,
                        ids: Sequence[str | None] | None = None, *, as_json: bool = False, jobs: int | None = None) -> list[Any]:
    """`parse_article` over many inputs in one call per thread (`jobs` threads; None: the usable cores). An
    input that gives no article gets its error record ({"id", "path", "error": {"kind",
    "message"}}) in its place, as in `matn normalize --jsonl`; nothing is raised for it."""
    if isinstance(items, (str, bytes, bytearray, memoryview)):
        raise TypeError("a batch takes a list of articles, not one")
    raws = [_raw(item) for item in items]
    for what, values in (("paths", paths), ("ids", ids)):
        if values is not None and len(values) != len(raws):
            raise ValueError(f"{what} has {len(values)} entries for {len(raws)} articles")
    labels = [(_label(ids[k], "id") if ids is not None else None,
               _label(paths[k], "path", True) if paths is not None else None) for k in range(len(raws))]
    def run(start: int, end: int) -> list[Any]:
        id_array = (c_char_p * (end - start))(*(label[0] for label in labels[start:end]))
        path_array = (c_char_p * (end - start))(*(label[1] for label in labels[start:end]))
        buffer, ends = _native.call_batch(_lib.matn_parse_article_batch, raws[start:end], id_array, path_array)
        lines = _split(buffer, ends)
        return [line.decode() for line in lines] if as_json else [_json.loads(line) for line in lines]

    return _run_batch(len(raws), jobs, run, least=2)
