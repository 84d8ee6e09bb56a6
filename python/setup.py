"""Builds libMatnC with SwiftPM and puts it in the package (see README.md).

`pip install ./python` runs `swift build -c release --product MatnC -Xswiftc
-static-stdlib --scratch-path .build/static` in the repository (the folder above this
one): the Swift runtime is linked into libMatnC.so (SwiftPM's --static-swift-stdlib
applies to executables only), so the installed package needs only ICU 72 (libicu72)
beside Python. Its own scratch path keeps it from rebuilding the shared-runtime release
build in .build (and the other way round). Environment:

  MATN_LIBRARY=PATH       copy this libMatnC.so instead of building one (CI reuses
                          the library its test build made; scripts/build-wheel too)
  MATN_SWIFT_BUILD_FLAGS  extra flags for swift build (e.g. "-c debug")
  MATN_SOURCE=DIR         the Matn checkout to build (default: the parent folder)
"""

import os
import shlex
import shutil
import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # setuptools < 70.1
    from wheel.bdist_wheel import bdist_wheel

HERE = os.path.dirname(os.path.abspath(__file__))
LIBRARY = "libMatnC.dylib" if sys.platform == "darwin" else "libMatnC.so"


def source_root():
    root = os.environ.get("MATN_SOURCE") or os.path.dirname(HERE)
    if not os.path.exists(os.path.join(root, "Package.swift")):
        sys.exit(f"matn: no Package.swift in {root}: install from a Matn checkout (pip install ./python) "
                 "or set MATN_SOURCE to one, or MATN_LIBRARY to a built libMatnC.so")
    return root


def build_library():
    """The path of a built libMatnC: MATN_LIBRARY's, or a fresh release build."""
    given = os.environ.get("MATN_LIBRARY")
    if given:
        if not os.path.isfile(given):
            sys.exit(f"matn: MATN_LIBRARY={given} is not a file")
        return given
    root = source_root()
    if not shutil.which("swift"):
        sys.exit("matn: building the native library needs Swift 6 (swift on PATH) and libicu-dev")
    extra = shlex.split(os.environ.get("MATN_SWIFT_BUILD_FLAGS", ""))
    configuration = ["-c", "release"] if "-c" not in extra and "--configuration" not in extra else []
    base = ["swift", "build", "--package-path", root, "--product", "MatnC"] + configuration + extra
    static = base + ["--scratch-path", os.path.join(root, ".build", "static"), "-Xswiftc", "-static-stdlib"]
    print("matn: " + shlex.join(static), file=sys.stderr, flush=True)
    if subprocess.run(static).returncode == 0:
        base = static
    else:
        print("matn: linking the Swift runtime in failed; building with the shared runtime", file=sys.stderr)
        subprocess.run(base, check=True)
    binary = subprocess.run(base + ["--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(binary, LIBRARY)


class BuildWithLibrary(build_py):
    def run(self):
        super().run()
        target = os.path.join(self.build_lib, "matn")
        os.makedirs(target, exist_ok=True)
        shutil.copy2(build_library(), os.path.join(target, LIBRARY))
        header = os.path.join(os.path.dirname(HERE), "Sources", "MatnC", "include", "matn.h")
        if os.path.exists(header):
            shutil.copy2(header, os.path.join(target, "matn.h"))


class PlatformWheel(bdist_wheel):
    """A wheel for this platform (it holds a native library) but any Python 3: the
    library is loaded with ctypes, not as an extension module."""

    def finalize_options(self):
        super().finalize_options()
        self.root_is_pure = False

    def get_tag(self):
        _, _, platform = super().get_tag()
        return "py3", "none", platform


class BinaryDistribution(Distribution):
    def has_ext_modules(self):
        return True


setup(cmdclass={"build_py": BuildWithLibrary, "bdist_wheel": PlatformWheel}, distclass=BinaryDistribution)
