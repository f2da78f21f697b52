"""The file-reader registry: which file endings citeqa reads, and with which reader.

Each format is one module of this package exposing `READERS`, a tuple of `Reader`s (see
base.py); every such module is found and registered on first use, so a new format is one new
module and nothing else. `register_reader` adds one from elsewhere (a plug-in, a test).
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from functools import cache
from pathlib import PurePosixPath

from citeqa.folderwalk import checkout_names
from citeqa.readers.base import Extracted, Reader, UnreadableDocument

__all__ = [
    "Extracted",
    "Reader",
    "UnreadableDocument",
    "plain_text_names",
    "read_types",
    "reader_for",
    "reader_for_name",
    "reader_suffix",
    "reader_versions",
    "register_reader",
]

_by_suffix: dict[str, Reader] = {}
_loaded = False
_lock = threading.Lock()


def register_reader(reader: Reader) -> None:
    """Read files ending in `reader.suffixes` with `reader` (replacing any earlier one)."""
    _discover()
    with _lock:
        for suffix in reader.suffixes:
            _by_suffix[suffix.lower()] = reader


def reader_for(suffix: str) -> Reader | None:
    """The reader of files ending in `suffix` (".PDF" or ".pdf"), or None."""
    _discover()
    return _by_suffix.get(suffix.lower())


def reader_for_name(name: str) -> Reader | None:
    """The reader of the file `name` (a path or a name): by its ending, else the .txt reader
    for a name projects write as plain text without a text ending ("LICENSE", "AUTHORS",
    "COPYING.LESSER": citeqa/data/checkout_files.json's plain_text_names, matched whole, case
    aside), which corpus.py decodes as text (a binary file of that name is refused there)."""
    suffix = reader_suffix(name)
    return None if suffix is None else reader_for(suffix)


def reader_suffix(name: str) -> str | None:
    """The ending, lower-cased, of the reader `reader_for_name` gives the file `name` (".txt"
    for "LICENSE"), the key of its version in `reader_versions`; None when none reads it."""
    path = PurePosixPath(name)
    suffix = path.suffix.lower()
    if reader_for(suffix) is not None:
        return suffix
    return PLAIN_TEXT if path.name.lower() in plain_text_names() else None


PLAIN_TEXT = ".txt"
"""The ending whose reader reads a file of `plain_text_names`."""


@cache
def plain_text_names() -> frozenset[str]:
    """The names, lower-cased, of files read as plain text whatever their ending (the
    hidden files read, ".env.example", among them)."""
    return checkout_names("plain_text_names") | checkout_names("read_hidden_files")


def reader_versions() -> dict[str, int]:
    """The version of the reader of each ending read ({".html": 2, ...}); a reader that gives
    none (a plug-in written before readers had versions) is at version 1."""
    _discover()
    return {suffix: int(getattr(reader, "version", 1)) for suffix, reader in _by_suffix.items()}


def read_endings() -> list[str]:
    """The endings read, sorted: `citeqa status --formats --json` lists them."""
    _discover()
    return sorted(_by_suffix)


def read_types(last: str = "and") -> str:
    """The endings read, for messages: ".htm, .html, .md, .pdf, .rst and .txt" (`last`: the word
    before the last one, "or" for "add .md or .txt files")."""
    suffixes = read_endings()
    if len(suffixes) < 2:
        return "".join(suffixes)
    return ", ".join(suffixes[:-1]) + f" {last} " + suffixes[-1]


def _discover() -> None:
    """Register the READERS of every module of this package, once."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        for module in pkgutil.iter_modules(__path__):
            for reader in getattr(
                importlib.import_module(f"{__name__}.{module.name}"), "READERS", ()
            ):
                for suffix in reader.suffixes:
                    _by_suffix.setdefault(suffix.lower(), reader)
        _loaded = True
