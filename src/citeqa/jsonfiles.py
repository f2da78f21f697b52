"""Owns reading JSON back from a file, whoever wrote it: any damage is one ValueError.

citeqa reads back JSON it wrote itself (an index's manifest and statistics, the ownership
marker, the verification stamps, a Qdrant pointer, the USE copy's manifest, the UI state, the
peer cache) and JSON a user wrote (a corpus's manifest and domain file, question sets). A
file cut short, in another encoding, of the wrong shape or nested thousands deep must give
its reader one error it already handles, never a traceback: `parse_json` turns json's
RecursionError into ValueError (UnicodeDecodeError and JSONDecodeError already are ones), and
json's ValueError for a number of thousands of digits into one in a reader's words, and
`read_object` adds the check that the file holds an object (a list where a dict was expected
would otherwise fail later, as an AttributeError or a TypeError).

A corpus's own small files (its manifest.json, the domain file it names) are read by name, not
found by the walk that leaves out everything but regular files, so `read_regular` reads them:
opened without blocking and read only when the name is a regular file of at most `limit`
bytes. A FIFO named manifest.json would otherwise hang every build, and a link to /dev/zero
would be read until memory ran out. `read_object` reads through it too (with no limit): a FIFO
in the place of an index's ownership marker or the chat's ui.json hung every command or the
chat's start.

`language_json` reads the language data citeqa ships (citeqa/data/language.json) once for all
its readers: lexical's stopwords, domain.language_data, doctally's tally recipe.
"""

from __future__ import annotations

import json
import os
import stat
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

NUMBER_TOO_LONG = "a number too long to read"
"""What a JSON or TOML file holding a number of thousands of digits is told (Python's own
ValueError for it says to call sys.set_int_max_str_digits)."""


def data_json(name: str) -> Any:
    """citeqa/data/`name` parsed (`parse_json`): the one reader of the package's data files,
    each caller caching what it makes of them."""
    return parse_json(resources.files("citeqa").joinpath("data", name).read_bytes())


@cache
def language_json() -> bytes:
    """The bytes of citeqa/data/language.json, read once: parsed by lexical (its stopwords,
    without pydantic) and domain.language_data, digested by doctally.tally_recipe."""
    return resources.files("citeqa").joinpath("data", "language.json").read_bytes()


@cache
def language_object() -> dict[str, Any]:
    """`language_json` parsed as plain JSON, once (its model, domain.py, would import pydantic,
    which lexical and dates, importing no model, must not): {} when it holds no object. Read
    only, by its every reader."""
    data = parse_json(language_json())
    return data if isinstance(data, dict) else {}


def parse_json(raw: bytes | str, **hooks: Any) -> Any:
    """The JSON value of `raw` (`hooks`: json.loads's object_pairs_hook, parse_float...);
    ValueError, as for any bad JSON, when it is not UTF-8, is nested too deeply to read (json
    raises RecursionError) or holds a number of more digits than Python converts (json's
    ValueError for it told the user to call sys.set_int_max_str_digits)."""
    try:
        return json.loads(raw, **hooks)
    except RecursionError:
        raise ValueError("nested too deeply to read") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise
    except ValueError:  # int(): a number past sys.get_int_max_str_digits() digits
        raise ValueError(NUMBER_TOO_LONG) from None


def json_problem(err: json.JSONDecodeError, offset: int = 0) -> str:
    """What is wrong with one line of JSON and the column where (json's `msg` alone is cut:
    "Unterminated string starting at"); `offset` characters were cut from the line's start
    before parsing, so a column on its first line counts them back."""
    at = "" if err.msg.endswith(" at") else " at"
    column = err.colno + (offset if err.lineno == 1 else 0)
    return f"{err.msg}{at} column {column}"


def read_object(path: Path) -> dict[str, Any]:
    """The JSON object (dict) the file at `path` holds: OSError when it cannot be read,
    ValueError when it is no JSON object (damaged, not UTF-8, too deep, a list...) or no
    regular file (a FIFO in its place hung every command that read it: read_regular)."""
    data = parse_json(read_regular(path))
    if not isinstance(data, dict):
        raise ValueError(f"{path.name} holds {type(data).__name__}, not a JSON object")
    return data


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path`: OSError when it cannot be opened, ValueError
    when it is no regular file (a FIFO, a device, a folder) or holds more than `limit` bytes
    (None: no limit). Opening does not block (O_NONBLOCK), so a FIFO is refused rather than
    waited on."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ValueError(f"{path.name} is not a regular file")
        if limit is not None and status.st_size > limit:
            raise ValueError(f"{path.name} is larger than {limit:,} bytes")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read() if limit is None else stream.read(limit + 1)
    finally:
        os.close(descriptor)
    if limit is not None and len(data) > limit:
        raise ValueError(f"{path.name} is larger than {limit:,} bytes")
    return data
