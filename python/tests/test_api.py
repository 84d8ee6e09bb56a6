"""Each function of the binding, its batch form, bad input, and threads calling at once."""

import json
import os
import re
import subprocess
import threading
import time

import pytest

import matn
from matn import _native

PERSIAN = "این یک متن فارسی است"
HEADER = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "Sources", "MatnC", "include", "matn.h")


# --- each function ---------------------------------------------------------------

def test_detect_persian():
    guess = matn.detect(PERSIAN)
    assert guess.language == "fa" and 0.5 < guess.confidence <= 1
    assert str(guess).startswith("fa ")
    assert all(isinstance(code, str) and 0 <= c <= guess.confidence for code, c in guess.alternatives)
    assert guess.mix == ()


def test_detect_mixed_document():
    text = ("The minister said on Tuesday that the talks would go on next week in Vienna.\n" * 3
            + "وزیر امور خارجه روز سه‌شنبه گفت که گفتگوها هفته آینده در وین ادامه می‌یابد.\n")
    guess = matn.detect(text)
    assert [code for code, _ in guess.mix][:2] == ["en", "fa"]
    assert guess.language == "en" and guess.confidence == guess.mix[0][1]
    assert abs(sum(share for _, share in guess.mix) - 1) < 1e-6


def test_detect_languages_restrict_the_answer():
    assert matn.detect(PERSIAN, languages=["ar", "ur"]).language in ("ar", "ur")
    assert matn.detect(PERSIAN, languages="ar,ur").language in ("ar", "ur")
    assert matn.detect("12345 !!!").language == "und"


def test_clean_persian_orthography_and_profiles():
    assert matn.clean("كتاب هاي ما") == "کتاب\u200cهای ما"
    assert matn.clean("a\u00a0b") == "a b"
    assert matn.clean("") == ""
    assert matn.clean("ﻻ", profile="model") == "لا"  # NFKC in the model profile only
    assert matn.clean(b"\xd9\x83") == matn.clean("ك")  # UTF-8 bytes are text too
    for profile in matn.PROFILES:
        assert isinstance(matn.clean("Hello", profile), str)


def test_spans_of_mixed_text():
    text = "The minister said «این یک متن فارسی است» and left the room."
    spans = matn.spans(text)
    assert [s.language for s in spans][:2] == ["en", "fa"]
    persian = spans[1]
    assert persian.text == text[persian.start:persian.end] and "فارسی" in persian.text
    assert persian.script == "Arab"
    assert text.encode()[persian.byte_start:persian.byte_end].decode() == persian.text
    assert matn.spans("") == []


def test_romanize_and_keys():
    forms = matn.romanize("امید", top=2)
    assert len(forms) == 2 and forms[0].text == "Omid" and forms[0].score >= forms[1].score
    assert matn.romanize("  ") == []
    assert matn.name_keys("Сергей Лавров").display == "Sergey Lavrov"
    keys = [matn.name_keys(n) for n in ("علی اکبر ولایتی", "Ali Akbar Velayati", "Ali-Akbar Velayati")]
    assert len({k.phonetic for k in keys}) == 1
    assert keys[0].display == "Ali Akbar Velayati"


def test_parse_article():
    raw = "Iran Seeks Closer Ties\n\nTEHRAN - Iran's foreign minister met his Russian counterpart.\n\nاین یک متن فارسی است".encode()
    article = matn.parse_article(raw, path="dir/story.txt")
    assert article["id"] == "dir/story.txt" and article["title"] == "Iran Seeks Closer Ties"
    assert article["source"]["path"] == "dir/story.txt"
    assert json.loads(matn.parse_article(raw, id="x", as_json=True))["id"] == "x"
    windows1256 = "اين يك متن فارسي است و خبرگزاري ما".encode("cp1256")
    decoded = matn.parse_article(windows1256 * 3)
    assert decoded["source"]["encoding"] == "windows-1256"


def test_batches_equal_single_calls():
    texts = [PERSIAN, "Hello world, this is English.", "", "Привет, мир", "كتاب هاي ما", "x" * 1000]
    assert matn.clean_batch(texts) == [matn.clean(t) for t in texts]
    assert matn.clean_batch(texts, "index", jobs=3) == [matn.clean(t, "index") for t in texts]
    assert matn.detect_batch(texts, jobs=2) == [matn.detect(t) for t in texts]
    assert matn.spans_batch(texts) == [matn.spans(t) for t in texts]
    assert matn.romanize_batch(texts, top=2) == [matn.romanize(t, top=2) for t in texts]
    assert matn.name_keys_batch(texts, style="any") == [matn.name_keys(t, style="any") for t in texts]
    raws = [t.encode() for t in texts]
    batch = matn.parse_article_batch(raws, jobs=2)
    for raw, result in zip(raws, batch):
        if "error" in result:
            with pytest.raises(matn.ArticleError):
                matn.parse_article(raw)
        else:
            assert result == matn.parse_article(raw)
    assert matn.clean_batch([]) == [] and matn.detect_batch(iter([])) == []
    assert matn.clean_batch(t for t in ["ي"]) == ["ی"]  # any iterable


def test_str_batches_take_one_buffer_in_code_points():
    """A list of str crosses in one buffer with offsets in code points (the *_texts
    forms); lists with bytes take the byte-offset form. Both give the single answers,
    for texts with characters of one to four UTF-8 bytes, NULs and empty texts."""
    texts = ["", "a", "ي", "€ ك", "😀 emoji 𝔸 and كتاب هاي ما", "\0 nul \0", "", "e\u0301", "Привет 😀", ""]
    assert _native.HAS_TEXTS
    single = [matn.clean(t) for t in texts]
    assert matn.clean_batch(texts) == single
    assert matn._outputs(texts, "matn_clean_texts", "matn_clean_batch", b"article") == single
    with_bytes = texts[:3] + [texts[3].encode()] + texts[4:]  # one bytes item: the byte-offset form
    assert matn.clean_batch(with_bytes) == single
    assert matn.detect_batch(texts) == [matn.detect(t) for t in texts]
    assert matn.spans_batch(texts) == [matn.spans(t) for t in texts]
    assert matn.romanize_batch(texts, top=2) == [matn.romanize(t, top=2) for t in texts]
    assert matn.name_keys_batch(texts) == [matn.name_keys(t) for t in texts]
    assert matn.clean_batch(texts * 50, jobs=3) == single * 50


def _texts_call(data, offsets, count, length=None):
    """matn_clean_texts called directly: (status, output bytes, offsets, message)."""
    from ctypes import byref, c_size_t, c_void_p, string_at
    from array import array
    table = array(_native.SIZE_T, offsets)
    out, out_length, out_offsets, error = c_void_p(), c_size_t(), c_void_p(), c_void_p()
    status = _native.lib.matn_clean_texts(data, len(data) if length is None else length, table.buffer_info()[0], count,
                                          None, byref(out), byref(out_length), byref(out_offsets), byref(error))
    if status != _native.OK:
        assert out.value is None and out_offsets.value is None
        message = string_at(error.value).decode()
        _native.lib.matn_free(error)
        return status, None, None, message
    ends = array(_native.SIZE_T)
    ends.frombytes(string_at(out_offsets.value, (count + 1) * ends.itemsize))
    result = string_at(out.value, out_length.value)
    _native.lib.matn_free(out)
    _native.lib.matn_free(out_offsets)
    return status, result, list(ends), None


def test_texts_form_offsets_and_errors():
    data = "يك😀ab".encode()  # 2 + 2 + 4 + 1 + 1 bytes, 5 code points
    status, result, ends, _ = _texts_call(data, [0, 2, 3, 5], 3)
    assert status == _native.OK and result.decode() == "یک😀ab" and ends == [0, 2, 3, 5]
    # Offsets need not start at 0: the first text starts after the scalars before it.
    status, result, ends, _ = _texts_call(data, [1, 3], 1)
    assert status == _native.OK and result.decode() == "ک😀" and ends == [0, 2]
    status, _, _, message = _texts_call(data, [0, 6], 1)
    assert status == _native.E_ARGUMENT and "runs past the data" in message
    status, _, _, message = _texts_call(data, [0, 3, 2], 2)
    assert status == _native.E_ARGUMENT and "must not decrease" in message
    status, _, _, message = _texts_call(data, [0, 2], 1, length=1)  # the length bounds the reading
    assert status == _native.E_ARGUMENT
    status, _, _, message = _texts_call(b"ok\xff\xfe", [0, 2, 4], 2)
    assert status == _native.E_UTF8 and message.startswith("text 1: text is not valid UTF-8: an invalid sequence at byte 0")
    status, result, ends, _ = _texts_call(b"", [0], 0)
    assert status == _native.OK and result == b"" and ends == [0]


# --- bad input ---------------------------------------------------------------------

@pytest.mark.parametrize("function", [matn.clean, matn.detect, matn.spans, matn.romanize, matn.name_keys])
def test_invalid_utf8_is_refused_with_its_offset(function):
    with pytest.raises(matn.MatnError, match=r"not valid UTF-8: an invalid sequence at byte 3") as caught:
        function(b"abc\xff\xfedef")
    assert caught.value.status == "invalid-utf8" and isinstance(caught.value, ValueError)
    with pytest.raises(matn.MatnError, match="byte 1"):
        function(b"a\xed\xa0\x80")  # a UTF-16 surrogate encoded as UTF-8


def test_invalid_utf8_in_a_batch_names_the_text():
    with pytest.raises(matn.MatnError, match=r"text 2: text is not valid UTF-8"):
        matn.clean_batch(["ok", b"fine", b"\xc3("])


def test_lone_surrogates_in_str_are_refused():
    with pytest.raises(UnicodeEncodeError):
        matn.clean("a\udcff")


@pytest.mark.parametrize("function", [matn.clean, matn.detect, matn.spans, matn.romanize, matn.name_keys,
                                      matn.parse_article])
def test_none_and_wrong_types_are_type_errors(function):
    with pytest.raises(TypeError):
        function(None)
    with pytest.raises(TypeError):
        function(42)


@pytest.mark.parametrize("function", [matn.clean_batch, matn.detect_batch, matn.name_keys_batch])
def test_batches_refuse_a_lone_string_and_none_items(function):
    with pytest.raises(TypeError):
        function("a string is not a list")
    with pytest.raises(TypeError):
        function(["ok", None])


def test_unknown_options_are_errors():
    with pytest.raises(matn.MatnError, match="unknown profile 'nope'") as caught:
        matn.clean("x", profile="nope")
    assert caught.value.status == "argument"
    with pytest.raises(matn.MatnError, match="unknown language code"):
        matn.detect("x", languages=["fa", "zz-nope"])
    with pytest.raises(matn.MatnError, match="unknown style"):
        matn.name_keys("x", style="paris")
    with pytest.raises(matn.MatnError, match="top must be at least 1"):
        matn.romanize("x", top=0)
    with pytest.raises(matn.MatnError, match="top must be at least 1"):
        matn.romanize_batch(["x"], top=-5)
    with pytest.raises(ValueError, match="jobs"):
        matn.clean_batch(["x"], jobs=0)
    with pytest.raises(matn.MatnError, match="unknown profile"):
        matn.clean_batch(["x"], profile="")


def test_articles_that_give_nothing():
    for raw, kind in [(b"", "empty"), (b" \r\n\t", "empty"), (bytes(range(256)) * 4, "binary")]:
        with pytest.raises(matn.ArticleError) as caught:
            matn.parse_article(raw, id="bad")
        assert caught.value.kind == kind and caught.value.record["id"] == "bad"
        assert caught.value.record["error"]["kind"] == kind
    with pytest.raises(ValueError, match="NUL"):
        matn.parse_article(b"text", path="a\0b")
    with pytest.raises(ValueError, match="entries"):
        matn.parse_article_batch([b"a", b"b"], paths=["one"])


def test_path_bytes_that_are_not_utf8_are_kept():
    article = matn.parse_article("Title line\n\nSome body text.".encode(), path=b"caf\xe9.txt")
    assert article["source"]["pathBytes"] == "Y2Fm6S50eHQ="
    assert matn.parse_article(b"Title\n\nBody.", path=os.fsdecode(b"caf\xe9.txt"))["source"]["pathBytes"] == "Y2Fm6S50eHQ="


# Sizes for the debug library CI tests (slow); MATN_TEST_SCALE=8 or more with a release one.
SCALE = float(os.environ.get("MATN_TEST_SCALE", "1"))


def test_huge_texts():
    paragraph = "كتاب هاي ما در خانه است. The book is here.\n"
    lines = int(24_000 * SCALE)  # 1 MB
    text = paragraph * lines
    cleaned = matn.clean(text)
    assert cleaned.count("کتاب\u200cهای") == lines and len(cleaned.encode()) > len(text)
    assert matn.detect(text).language == "fa"
    one_line = "word " * int(200_000 * SCALE)  # 1 MB without a line break
    assert matn.clean(one_line) == one_line.rstrip()
    article = matn.parse_article((paragraph * (lines // 4)).encode())
    assert len(article["paragraphs"]) >= 1 and article["source"]["bytes"] == len(paragraph.encode()) * (lines // 4)
    big_batch = ["متن " + str(k) for k in range(int(20_000 * SCALE))]
    cleaned_batch = matn.clean_batch(big_batch)
    assert len(cleaned_batch) == len(big_batch) and cleaned_batch[-1] == big_batch[-1]


# --- str in and out as code units (matn_clean_units) --------------------------------

KIND_TEXTS = {
    "ascii": "Tehran  is the capital.\r\nIt is large. " * 3,
    "latin-1": "Café  naïve\u00a0résumé, Zürich. " * 3,
    "bmp": "كتاب هاي ما  در خانه است\u200c. Привет, мир! «نقل» ۱۲۳ 中文 " * 3,
    "astral": "😀 emoji 𝔸 and كتاب هاي ما\n\n👍🏽 done " * 3,
}


def _units_call(data, count, width, profile=None, outs=True):
    from ctypes import byref, c_int32, c_size_t, c_void_p
    out, out_count, out_width, error = c_void_p(), c_size_t(), c_int32(), c_void_p()
    arguments = (byref(out), byref(out_count), byref(out_width)) if outs else (None, None, None)
    status = _native.lib.matn_clean_units(data, count, width, profile, *arguments, byref(error))
    message = None
    if error.value:
        message = _native.ctypes.string_at(error.value).decode()
        _native.lib.matn_free(error)
    if status != _native.OK:
        assert not outs or (out.value is None and out_count.value == 0)
        return status, None, None, message
    result = _native.ctypes.string_at(out.value, out_count.value * out_width.value)
    _native.lib.matn_free(out)
    encoding = {1: "latin-1", 2: "utf-16-le", 4: "utf-32-le"}[out_width.value]
    return status, result.decode(encoding), out_width.value, message


def _narrowest(text):
    top = max(map(ord, text), default=0)
    return 1 if top < 0x100 else 2 if top < 0x10000 else 4


@pytest.mark.skipif(not _native.HAS_UNITS, reason="this Python keeps str otherwise (UTF-8 path)")
@pytest.mark.parametrize("kind", KIND_TEXTS)
@pytest.mark.parametrize("profile", matn.PROFILES)
def test_str_code_units_give_the_utf8_answer(kind, profile):
    text = KIND_TEXTS[kind]
    expected = matn.clean(text.encode(), profile)  # bytes: the UTF-8 path
    assert matn.clean(text, profile) == expected
    # Every width that holds the text, given straight to the C function: the narrowest
    # width that holds the result comes back.
    for width, encoding in [(1, "latin-1"), (2, "utf-16-le"), (4, "utf-32-le")]:
        if width < _narrowest(text):
            continue
        data = text.encode(encoding)
        status, result, out_width, _ = _units_call(data, len(text), width, profile.encode())
        assert status == _native.OK and result == expected and out_width == _narrowest(expected)


@pytest.mark.skipif(not _native.HAS_UNITS, reason="this Python keeps str otherwise (UTF-8 path)")
def test_str_code_units_on_random_texts_match_the_utf8_path():
    """Mixed widths around the vector steps' sizes (8 and 16 units, 16 and 17 bytes)."""
    import random
    pieces = ["a", " ", "\n", "é", "ÿ", "س", "ی", "ي", "ك", "\u200c", "—", "€", "😀", "\u0800", "\uffff",
              "\U0010ffff", "Tehran is the capital. ", "تهران ", "۱۲۳", "  ", "\u064b", "ﻻ"]
    chooser = random.Random(5)
    for _ in range(1000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randrange(0, 60)))
        for profile in ("article", "display"):
            assert matn.clean(text, profile) == matn.clean(text.encode(), profile), repr(text)


@pytest.mark.skipif(not _native.HAS_UNITS, reason="this Python keeps str otherwise (UTF-8 path)")
def test_str_code_units_of_huge_texts():
    # Past 65,536 code points the library takes the text through UTF-8 in segments.
    for text in (KIND_TEXTS["latin-1"] * int(3000 * SCALE), KIND_TEXTS["bmp"] * int(1500 * SCALE),
                 KIND_TEXTS["astral"] * int(1500 * SCALE), "word " * 13_107, "word " * 13_108):
        assert matn.clean(text) == matn.clean(text.encode())


@pytest.mark.skipif(not hasattr(_native.lib, "matn_clean_units"), reason="library without matn_clean_units")
def test_code_units_that_are_no_scalar_value_or_bad_arguments_are_refused():
    status, _, _, message = _units_call("ab\ud800c".encode("utf-16-le", "surrogatepass"), 4, 2)
    assert status == _native.E_UTF8 and message == "text is not valid Unicode: code point 2 is U+D800, a surrogate"
    status, _, _, message = _units_call((0x627).to_bytes(4, "little") + (0x110000).to_bytes(4, "little"), 2, 4)
    assert status == _native.E_UTF8 and "code point 1 is U+110000, above U+10FFFF" in message
    status, _, _, message = _units_call(b"abc", 1, 3)
    assert status == _native.E_ARGUMENT and "width" in message
    status, _, _, message = _units_call(b"abc", 3, 1, b"nope")
    assert status == _native.E_ARGUMENT and "unknown profile" in message
    assert _units_call(None, 3, 2)[0] == _native.E_NULL
    assert _units_call(None, 0, 2)[:3] == (_native.OK, "", 1)
    assert _units_call(b"abc", 3, 1, outs=False)[0] == _native.E_NULL
    # Through matn.clean: a lone surrogate raises what str.encode raises, as before.
    with pytest.raises(UnicodeEncodeError):
        matn.clean("\U0001f600 a\udcff")


def test_clean_without_the_code_units_path_gives_the_same(monkeypatch):
    monkeypatch.setattr(matn, "_HAS_UNITS", False)
    for text in KIND_TEXTS.values():
        assert matn.clean(text) == matn.clean(text.encode())


def test_str_layout_is_found_on_cpython():
    import sys
    if sys.implementation.name == "cpython" and getattr(sys, "_is_gil_enabled", lambda: True)():
        assert _native.STR_LAYOUT is not None


# --- threads ------------------------------------------------------------------------

def test_threads_calling_at_once_get_the_single_threaded_answers():
    texts = ["كتاب هاي ما " + str(k) for k in range(40)] + ["Hello world number " + str(k) for k in range(40)]
    expected = [(matn.clean(t.encode()), matn.detect(t), matn.name_keys(t), matn.spans(t)) for t in texts]
    articles = [("Title %d\n\n" % k + t + "\n\nBody " * 3).encode() for k, t in enumerate(texts[:20])]
    expected_articles = [matn.parse_article(a) for a in articles]
    failures = []

    def work(seed):
        try:
            for round_ in range(3):
                order = list(range(len(texts)))[seed % 7::] + list(range(len(texts)))[:seed % 7]
                for k in order:
                    t = texts[k]
                    got = (matn.clean(t), matn.detect(t), matn.name_keys(t), matn.spans(t))
                    if got != expected[k]:
                        failures.append((seed, k, got))
                if matn.clean_batch(texts) != [e[0] for e in expected]:
                    failures.append((seed, "batch"))
                if matn.parse_article_batch(articles) != expected_articles:
                    failures.append((seed, "articles"))
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append((seed, repr(error)))

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_batches_split_over_threads_by_default(monkeypatch):
    """jobs=None splits a large batch over the usable cores (MATN_JOBS overrides), in
    order; small batches and jobs=1 stay on the calling thread; bad values are refused."""
    seen = []

    def run(start, end):
        seen.append((threading.get_ident(), start, end))
        return list(range(start, end))

    monkeypatch.setenv("MATN_JOBS", "3")
    assert matn._run_batch(1000, None, run) == list(range(1000))
    me = threading.get_ident()
    assert sorted((start, end, ident == me) for ident, start, end in seen) == [
        (0, 334, True), (334, 668, False), (668, 1000, False)]  # the caller takes the first share
    seen.clear()
    assert matn._run_batch(100, None, run) == list(range(100))  # under 64 items a thread
    assert [ident for ident, _, _ in seen] == [threading.get_ident()]
    seen.clear()
    assert matn._run_batch(1000, 1, run) == list(range(1000))
    assert [ident for ident, _, _ in seen] == [threading.get_ident()]
    texts = ["كتاب هاي ما " + str(k) for k in range(500)]
    assert matn.clean_batch(texts) == matn.clean_batch(texts, jobs=1) == [matn.clean(t) for t in texts]
    for bad in (0, -1, "2", 2.0, True):
        with pytest.raises(ValueError):
            matn.clean_batch(texts, jobs=bad)
    for bad in ("0", "two", "-1"):
        monkeypatch.setenv("MATN_JOBS", bad)
        with pytest.raises(ValueError, match="MATN_JOBS"):
            matn.clean_batch(texts)
    monkeypatch.delenv("MATN_JOBS")
    assert matn._default_jobs() == matn._usable_cores() >= 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded")
def test_batches_work_in_a_forked_child():
    """A child forked after the parent's pool started (datasets.map(num_proc=…), Spark
    workers) gets a pool of its own instead of the parent's threads, which it lacks."""
    texts = ["كتاب هاي ما " + str(k) for k in range(500)]
    expected = matn.clean_batch(texts, jobs=2)
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's exit code says how it went
        try:
            os._exit(0 if matn.clean_batch(texts, jobs=2) == expected else 1)
        except BaseException:
            os._exit(2)
    deadline = time.monotonic() + 60  # the parent's pool in the child: its futures never run
    while (done := os.waitpid(child, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    if done[0] == 0:
        os.kill(child, 9)
        os.waitpid(child, 0)
        pytest.fail("the child hung on the parent's thread pool")
    assert os.WEXITSTATUS(done[1]) == 0


def test_calls_release_the_gil():
    """While one thread is inside a long call, another runs Python code."""
    text = "كتاب هاي ما در خانه است. The book is here.\n" * 500
    while True:  # a call long enough to tell (the debug library is far slower than release)
        begun = time.perf_counter()
        matn.clean(text)
        if time.perf_counter() - begun > 0.1 or len(text) > 64_000_000:
            break
        text += text
    started = threading.Event()
    worker = threading.Thread(target=lambda: (started.set(), matn.clean_batch([text] * 3)))
    worker.start()
    started.wait()
    begun = time.perf_counter()
    spins = 0
    while worker.is_alive():
        spins += 1
    elapsed = time.perf_counter() - begun
    worker.join()
    assert elapsed > 0.1, "the call was too short to tell"
    assert spins > 1000, f"the main thread ran {spins} times in {elapsed:.2f} s: the GIL was held"


# --- the C header -------------------------------------------------------------------

def test_every_function_of_the_header_is_exported():
    declared = set(re.findall(r"\b(matn_\w+)\s*\(", open(HEADER).read()))
    assert {"matn_clean", "matn_clean_batch", "matn_parse_article_batch", "matn_free", "matn_version"} <= declared
    missing = [name for name in declared if not hasattr(_native.lib, name)]
    assert missing == []
    assert matn.version() == "0.1.0"


def test_header_is_plain_c_and_compiles(tmp_path):
    compilers = [c for c in ("cc", "clang", "gcc") if subprocess.run(["sh", "-c", f"command -v {c}"],
                                                                     capture_output=True).returncode == 0]
    if not compilers:
        pytest.skip("no C compiler")
    program = tmp_path / "use.c"
    program.write_text("""
#include "matn.h"
#include <stdio.h>
#include <string.h>
int main(void) {
  char *out = NULL, *error = NULL; size_t length = 0;
  const char *text = "\\xd9\\x83";
  if (matn_clean(text, strlen(text), NULL, &out, &length, &error) != MATN_OK) return 1;
  fwrite(out, 1, length, stdout);
  matn_free(out);
  if (matn_clean("\\xff", 1, "article", &out, &length, &error) != MATN_E_UTF8 || out != NULL || !error) return 2;
  fputs(error, stderr);
  matn_free(error);
  /* NULL text: an error unless it is empty; a NULL error pointer is allowed. */
  if (matn_clean(NULL, 3, NULL, &out, &length, NULL) != MATN_E_NULL || out != NULL) return 3;
  if (matn_clean(NULL, 0, NULL, &out, &length, NULL) != MATN_OK || length != 0) return 4;
  matn_free(out);
  if (matn_detect("x", 1, NULL, NULL, &length, NULL) != MATN_E_NULL) return 5;
  /* A batch: two texts, results back with their offsets; offsets that decrease are refused. */
  const char *data = "\\xd9\\x8a" "ab";
  size_t offsets[3] = {0, 2, 4}, *ends = NULL;
  if (matn_clean_batch(data, offsets, 2, "display", &out, &ends, &error) != MATN_OK) return 6;
  if (ends[0] != 0 || ends[1] != 2 || ends[2] != 4 || memcmp(out + 2, "ab", 2) != 0) return 7;
  matn_free(out);
  matn_free(ends);
  size_t bad[3] = {0, 3, 1};
  if (matn_clean_batch(data, bad, 2, NULL, &out, &ends, &error) != MATN_E_ARGUMENT || out || ends) return 8;
  matn_free(error);
  /* The same batch in the texts form: offsets in code points, the output's bytes apart. */
  size_t points[3] = {0, 1, 3}, out_length = 0;
  if (matn_clean_texts(data, 4, points, 2, "display", &out, &out_length, &ends, &error) != MATN_OK) return 10;
  if (out_length != 4 || ends[0] != 0 || ends[1] != 1 || ends[2] != 3 || memcmp(out + 2, "ab", 2) != 0) return 11;
  matn_free(out);
  matn_free(ends);
  /* Code units: U+0643 as UCS-2 in, the result as the narrowest units out. */
  const uint16_t units[1] = {0x643}, lone[1] = {0xD800};
  void *units_out = NULL;
  size_t units_count = 0;
  int32_t width = 0;
  if (matn_clean_units(units, 1, 2, NULL, &units_out, &units_count, &width, &error) != MATN_OK) return 12;
  if (width != 2 || units_count != 1 || ((const uint16_t *)units_out)[0] != 0x6A9) return 13;
  matn_free(units_out);
  if (matn_clean_units(lone, 1, 2, NULL, &units_out, &units_count, &width, &error) != MATN_E_UTF8 || units_out)
    return 14;
  matn_free(error);
  /* An article that gives none: its error record in out, the message in error. */
  if (matn_parse_article((const uint8_t *)"", 0, "e", NULL, &out, &length, &error) != MATN_E_ARTICLE || !out) return 9;
  matn_free(out);
  matn_free(error);
  return 0;
}
""")
    binary = tmp_path / "use"
    library = _native.library_path()
    build = subprocess.run([compilers[0], "-std=c99", "-Wall", "-Werror", "-pedantic", "-I", os.path.dirname(HEADER),
                            str(program), library, "-Wl,-rpath," + os.path.dirname(library), "-o", str(binary)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    run = subprocess.run([str(binary)], capture_output=True)
    assert run.returncode == 0 and run.stdout == "ک".encode(), run
    assert b"not valid UTF-8" in run.stderr
