"""Shared fixtures: the repository, the matn command line to compare with, the samples.

Environment: MATN_LIBRARY (the libMatnC.so under test; else the installed package's),
MATN_CLI (the matn binary whose output the binding must equal; default: the debug build,
else the release build of this checkout)."""

import glob
import os
import subprocess
import warnings

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))


def cli_path():
    chosen = os.environ.get("MATN_CLI")
    if chosen:
        return chosen
    for configuration in ("debug", "release"):
        path = os.path.join(ROOT, ".build", configuration, "matn")
        if os.access(path, os.X_OK):
            return path
    return None


@pytest.fixture(scope="session")
def cli():
    path = cli_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("no matn binary to compare with (build it, or set MATN_CLI)")
        pytest.skip("no matn binary to compare with (swift build, or set MATN_CLI)")

    def run(*arguments, input=None):
        done = subprocess.run([path, *arguments], input=input, capture_output=True, env={"LC_ALL": "C.UTF-8"})
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        return done.stdout

    return run


# Files taken from each shared article corpus (MATN_TEST_CORPUS_FILES; CI's debug build is slow).
CORPUS_FILES = int(os.environ.get("MATN_TEST_CORPUS_FILES", "10"))


def sample_files():
    """Our samples and article fixtures, the shared sample, and the first
    CORPUS_FILES files of each shared article corpus (when ../shared is there)."""
    files = sorted(glob.glob(os.path.join(ROOT, "Resources", "samples", "*.txt")))
    files += sorted(glob.glob(os.path.join(ROOT, "Tests", "MatnTests", "Fixtures", "articles", "*.txt")))
    files += sorted(glob.glob(os.path.join(SHARED, "samples", "*.txt")))
    for corpus in sorted(glob.glob(os.path.join(SHARED, "data", "articles", "*"))):
        files += sorted(f for f in glob.glob(os.path.join(corpus, "*")) if os.path.isfile(f))[:CORPUS_FILES]
    return files


def is_utf8(path):
    try:
        open(path, "rb").read().decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


@pytest.fixture(scope="session")
def samples():
    files = sample_files()
    assert len(files) >= 10, "the repository's samples are missing"
    if not glob.glob(os.path.join(SHARED, "samples", "*.txt")):
        warnings.warn(f"no {SHARED}/samples beside this clone: comparing on the repository's samples only")
    return files


@pytest.fixture(scope="session")
def utf8_samples(samples):
    return [f for f in samples if is_utf8(f)]
