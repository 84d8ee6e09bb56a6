"""Loading libMatnC (the C ABI of Sources/MatnC/include/matn.h) with ctypes.

The library is looked up in this order: the file named by the environment variable
MATN_LIBRARY; libMatnC.so (libMatnC.dylib on macOS) beside this module, where
`pip install` puts it. ctypes.CDLL releases the GIL for the duration of every call,
so threads calling Matn at once run in parallel.
"""

from __future__ import annotations

import ctypes
import os
import sys
from array import array
from ctypes import POINTER, byref, c_char_p, c_int32, c_size_t, c_void_p
from itertools import accumulate
from typing import Sequence

LIBRARY_NAME = "libMatnC.dylib" if sys.platform == "darwin" else "libMatnC.so"

# matn.h's matn_status values.
OK, E_NULL, E_UTF8, E_ARGUMENT, E_ARTICLE, E_MEMORY = range(6)
STATUS_NAMES = {E_NULL: "null", E_UTF8: "invalid-utf8", E_ARGUMENT: "argument", E_ARTICLE: "article", E_MEMORY: "memory"}

# size_t as an array typecode (offsets travel as arrays of size_t).
SIZE_T = next(code for code in "LQI" if array(code).itemsize == ctypes.sizeof(c_size_t))


class MatnError(ValueError):
    """A call that Matn refused: bad input (text that is not UTF-8, an unknown profile,
    style or language code) or an article that could not be parsed.

    `code` is the matn_status of the C call (`matn.h`), `status` its name."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code
        self.status = STATUS_NAMES.get(code, str(code))


def library_path() -> str:
    """Where libMatnC is loaded from."""
    chosen = os.environ.get("MATN_LIBRARY")
    if chosen:
        return chosen
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), LIBRARY_NAME)


def _load() -> ctypes.CDLL:
    path = library_path()
    if not os.path.exists(path):
        raise ImportError(
            f"matn: the native library is missing ({path}); install the package with "
            "`pip install ./python` from a Matn checkout, or set MATN_LIBRARY to a libMatnC.so "
            "built by `swift build --product MatnC`")
    lib = ctypes.CDLL(path)
    text = [c_char_p, c_size_t]
    single_out = [POINTER(c_void_p), POINTER(c_size_t), POINTER(c_void_p)]
    batch_in = [c_char_p, c_void_p, c_size_t]
    batch_out = [POINTER(c_void_p), POINTER(c_void_p), POINTER(c_void_p)]
    # The *_texts forms: offsets in code points, the output's length in bytes.
    texts_in = [c_char_p, c_size_t, c_void_p, c_size_t]
    texts_out = [POINTER(c_void_p), POINTER(c_size_t), POINTER(c_void_p), POINTER(c_void_p)]
    signatures = {
        "matn_clean": text + [c_char_p] + single_out,
        "matn_clean_batch": batch_in + [c_char_p] + batch_out,
        "matn_detect": text + [c_char_p] + single_out,
        "matn_detect_batch": batch_in + [c_char_p] + batch_out,
        "matn_spans": text + [c_char_p] + single_out,
        "matn_spans_batch": batch_in + [c_char_p] + batch_out,
        "matn_romanize": text + [c_int32, c_char_p] + single_out,
        "matn_romanize_batch": batch_in + [c_int32, c_char_p] + batch_out,
        "matn_name_keys": text + [c_char_p] + single_out,
        "matn_name_keys_batch": batch_in + [c_char_p] + batch_out,
        "matn_parse_article": text + [c_char_p, c_char_p] + single_out,
        "matn_parse_article_batch": batch_in + [c_void_p, c_void_p] + batch_out,
    }
    texts = {
        "matn_clean_texts": texts_in + [c_char_p] + texts_out,
        "matn_detect_texts": texts_in + [c_char_p] + texts_out,
        "matn_spans_texts": texts_in + [c_char_p] + texts_out,
        "matn_romanize_texts": texts_in + [c_int32, c_char_p] + texts_out,
        "matn_name_keys_texts": texts_in + [c_char_p] + texts_out,
    }
    # A library built before the *_texts forms (MATN_LIBRARY) still serves the batches.
    if hasattr(lib, "matn_clean_texts"):
        signatures.update(texts)
    # The same for the *_units form: code units of 1, 2 or 4 bytes in and out.
    if hasattr(lib, "matn_clean_units"):
        # The four outputs are fields of one _UnitsOut, passed as their addresses.
        signatures["matn_clean_units"] = [c_void_p, c_size_t, c_int32, c_char_p, c_void_p, c_void_p, c_void_p,
                                          c_void_p]
    for name, argtypes in signatures.items():
        function = getattr(lib, name)
        function.argtypes = argtypes
        function.restype = c_int32
    lib.matn_free.argtypes = [c_void_p]
    lib.matn_free.restype = None
    lib.matn_version.argtypes = []
    lib.matn_version.restype = c_char_p
    return lib


lib = _load()
_free = lib.matn_free


def _raise(status: int, error: c_void_p) -> None:
    message = "matn: unknown error"
    if error.value:
        message = ctypes.string_at(error.value).decode("utf-8", "replace")
        _free(error)
    raise MatnError(status, message)


def call(function, *arguments) -> bytes:
    """Runs a single-text entry point; returns its output bytes or raises MatnError."""
    out, length, error = c_void_p(), c_size_t(), c_void_p()
    status = function(*arguments, byref(out), byref(length), byref(error))
    if status != OK and status != E_ARTICLE:
        _raise(status, error)
    data = ctypes.string_at(out.value, length.value)
    _free(out)
    if status == E_ARTICLE:
        error_message = ctypes.string_at(error.value).decode("utf-8", "replace") if error.value else ""
        _free(error)
        raise ArticleFailed(error_message, data)
    return data


# Decodes UTF-8 straight from the library's memory into a str (no bytes object between).
_decode_utf8 = ctypes.pythonapi.PyUnicode_DecodeUTF8
_decode_utf8.argtypes = [c_void_p, ctypes.c_ssize_t, c_char_p]
_decode_utf8.restype = ctypes.py_object


def call_text(function, *arguments) -> str:
    """Runs a single-text entry point whose output is text; returns it as a str."""
    out, length, error = c_void_p(), c_size_t(), c_void_p()
    status = function(*arguments, byref(out), byref(length), byref(error))
    if status != OK:
        _raise(status, error)
    try:
        return _decode_utf8(out.value, length.value, None)
    finally:
        _free(out)


def _str_layout() -> tuple[int, int, int] | None:
    """Where CPython keeps a str's code units (PEP 393): the offsets of its state word,
    of an ASCII string's characters and of any other compact string's, or None when this
    interpreter does not keep them as probed here (PyPy, a free-threaded build, a layout
    this code does not know): the callers then encode to UTF-8 instead.

    A compact str holds its characters right after its header, one, two or four bytes
    each (the narrowest its text fits: its "kind"); the state word has the kind in bits
    2–4, "compact" in bit 5 and "ASCII" in bit 6. Each of these facts is checked on
    strings of every kind before the layout is used."""
    if sys.implementation.name != "cpython" or not hasattr(ctypes, "pythonapi"):
        return None
    try:
        size, pointer = ctypes.sizeof(ctypes.c_ssize_t), ctypes.sizeof(c_void_p)
        length_at, state_at = 2 * pointer, 2 * pointer + 2 * size  # after the object head, the length and hash
        ascii_header = sys.getsizeof("") - 1
        compact_header = None
        # Strings made here, so none has a UTF-8 copy cached beside it (sys.getsizeof counts one).
        for code, kind, encoding in [(0x61, 1, "ascii"), (0xE9, 1, "latin-1"), (0x628, 2, "utf-16-le"),
                                     (0x1F600, 4, "utf-32-le")]:
            probe = chr(code) * 3 + chr(code + 1) * 14
            state = ctypes.c_uint32.from_address(id(probe) + state_at).value
            is_ascii = code < 0x80
            header = ascii_header if is_ascii else sys.getsizeof(probe) - (len(probe) + 1) * kind
            if not is_ascii:
                compact_header = header if compact_header is None else compact_header
            if (ctypes.c_ssize_t.from_address(id(probe) + length_at).value != len(probe) or state >> 2 & 7 != kind
                    or not state & 0x20 or bool(state & 0x40) != is_ascii or header != (ascii_header if is_ascii else compact_header)
                    or ctypes.string_at(id(probe) + header, len(probe) * kind) != probe.encode(encoding)):
                return None
        return state_at, ascii_header, compact_header
    except Exception:
        return None


STR_LAYOUT = _str_layout()
HAS_UNITS = STR_LAYOUT is not None and hasattr(lib, "matn_clean_units")
_state_at, _ascii_header, _compact_header = STR_LAYOUT or (0, 0, 0)
_state_word = ctypes.c_uint32.from_address

# Makes a str of code units of one kind from the library's memory (one copy; CPython
# narrows it if its text fits a smaller kind).
if HAS_UNITS:
    _from_units = ctypes.pythonapi.PyUnicode_FromKindAndData
    _from_units.argtypes = [ctypes.c_int, c_void_p, ctypes.c_ssize_t]
    _from_units.restype = ctypes.py_object


class _UnitsOut(ctypes.Structure):
    """The outputs of a *_units call in one object (one allocation a call, not four)."""
    _fields_ = [("out", c_void_p), ("count", c_size_t), ("error", c_void_p), ("width", c_int32)]


_OUT, _COUNT, _ERROR, _WIDTH = (getattr(_UnitsOut, name).offset for name in ("out", "count", "error", "width"))


def call_units(function, text: str, *arguments) -> str | None:
    """Runs a *_units entry point (matn.h) on a str's own code units, read in place (no
    UTF-8 made of it), and makes its result a str from the units the library writes
    (no UTF-8 decoded). Raises UnicodeEncodeError for a lone surrogate, as
    `text.encode()` would; falls back to UTF-8 for a str not held compactly."""
    address = id(text)
    state = _state_word(address + _state_at).value
    if not state & 0x20:  # not compact: a legacy string made by the old C API
        return None
    outputs = _UnitsOut()
    at = ctypes.addressof(outputs)
    status = function(address + (_ascii_header if state & 0x40 else _compact_header), len(text), state >> 2 & 7,
                      *arguments, at + _OUT, at + _COUNT, at + _WIDTH, at + _ERROR)
    if status != OK:
        if status == E_UTF8:
            _free(outputs.error)
            outputs.error = None
            text.encode()  # a surrogate: the error str.encode gives, as on the UTF-8 path
        _raise(status, c_void_p(outputs.error))
    try:
        return _from_units(outputs.width, outputs.out, outputs.count)
    finally:
        _free(outputs.out)


class ArticleFailed(Exception):
    """Internal: matn_parse_article returned MATN_E_ARTICLE with its error record."""

    def __init__(self, message: str, record: bytes):
        super().__init__(message)
        self.record = record


def pack(items: Sequence[bytes]) -> tuple[bytes, array]:
    """The texts in one buffer and their count + 1 offsets (matn.h, "Batches")."""
    offsets = array(SIZE_T, [0])
    total = 0
    for item in items:
        total += len(item)
        offsets.append(total)
    return b"".join(items), offsets


def call_batch(function, items: Sequence[bytes], *arguments) -> tuple[bytes, list[int]]:
    """Runs a batch entry point; returns the output buffer and its count + 1 offsets."""
    data, offsets = pack(items)
    out, out_offsets, error = c_void_p(), c_void_p(), c_void_p()
    status = function(data, offsets.buffer_info()[0], len(items), *arguments, byref(out), byref(out_offsets), byref(error))
    if status != OK:
        _raise(status, error)
    ends = array(SIZE_T)
    ends.frombytes(ctypes.string_at(out_offsets.value, (len(items) + 1) * ends.itemsize))
    _free(out_offsets)
    result = ctypes.string_at(out.value, ends[-1])
    _free(out)
    return result, ends.tolist()


def call_texts(function, texts: Sequence[str], *arguments) -> tuple[str, array]:
    """Runs a *_texts entry point over str items (matn.h, "Batches of strings"): joined
    and encoded once, offsets in code points; returns the decoded output and its count
    + 1 offsets, also in code points. Raises TypeError when an item is not a str and
    UnicodeEncodeError when one cannot be encoded (a lone surrogate)."""
    data = "".join(texts).encode()
    offsets = array(SIZE_T, accumulate(map(len, texts), initial=0))
    out, out_length, out_offsets, error = c_void_p(), c_size_t(), c_void_p(), c_void_p()
    status = function(data, len(data), offsets.buffer_info()[0], len(texts), *arguments,
                      byref(out), byref(out_length), byref(out_offsets), byref(error))
    if status != OK:
        _raise(status, error)
    ends = array(SIZE_T)
    ends.frombytes(ctypes.string_at(out_offsets.value, (len(texts) + 1) * ends.itemsize))
    _free(out_offsets)
    result = ctypes.string_at(out.value, out_length.value).decode()
    _free(out)
    return result, ends


HAS_TEXTS = hasattr(lib, "matn_clean_texts")


def version() -> str:
    return lib.matn_version().decode()
