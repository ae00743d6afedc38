"""Where an export goes: stdout, or a file that appears only once it is complete."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from newsgraph.errors import ExportError


@contextlib.contextmanager
def text_output(out: str | Path | None) -> Iterator[TextIO]:
    """A text stream to write an export to: stdout for ``None`` or ``-``; else a sibling
    temporary file renamed to ``out`` when writing ends well (removed when it does not)."""
    if out is None or str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(out)
    if path.is_dir():
        raise ExportError(f"{path}: is a directory; give a file name to --out")
    partial = path.with_name(path.name + ".partial")
    try:
        handle = partial.open("w", encoding="utf-8", newline="")
    except OSError as error:
        raise ExportError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        with handle:
            yield handle
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def output_directory(out: str | Path | None) -> Path:
    """The directory a Parquet export writes into, created when missing."""
    if out is None or str(out) == "-":
        raise ExportError("parquet writes one file per table: give a directory to --out")
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise ExportError(f"{path}: is a file; parquet needs a directory for --out")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"{path}: cannot create the directory: {error.strerror or error}"
                          ) from None
    if not os.access(path, os.W_OK):
        raise ExportError(f"{path}: cannot write into this directory")
    return path
