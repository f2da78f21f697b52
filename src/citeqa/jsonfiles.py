"""Owns reading JSON back from a file, whoever wrote it: any damage is one ValueError.

citeqa reads back JSON it wrote itself (an index's manifest and statistics, the ownership
marker, the verification stamps, a Qdrant pointer, the USE copy's manifest, the UI state, the
peer cache) and JSON a user wrote (a corpus's manifest and domain file, question sets). A
file cut short, in another encoding, of the wrong shape or nested thousands deep must give
its reader one error it already handles, never a traceback: `parse_json` turns json's
RecursionError into ValueError (UnicodeDecodeError and JSONDecodeError already are ones), and
`read_object` adds the check that the file holds an object (a list where a dict was expected
would otherwise fail later, as an AttributeError or a TypeError).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def parse_json(raw: bytes | str) -> Any:
    """The JSON value of `raw`; ValueError, as for any bad JSON, when it is not UTF-8 or is
    nested too deeply to read (json raises RecursionError)."""
    try:
        return json.loads(raw)
    except RecursionError:
        raise ValueError("nested too deeply to read") from None


def read_object(path: Path) -> dict[str, Any]:
    """The JSON object (dict) the file at `path` holds: OSError when it cannot be read,
    ValueError when it is no JSON object (damaged, not UTF-8, too deep, a list...)."""
    data = parse_json(path.read_bytes())
    if not isinstance(data, dict):
        raise ValueError(f"{path.name} holds {type(data).__name__}, not a JSON object")
    return data
