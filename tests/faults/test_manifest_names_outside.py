"""A hand-edited manifest whose `index_files` names a file outside its build folder ("/x",
"../x") is a damaged index: one message naming `citeqa index`, the file it names never
stat'ed, hashed or removed (before, it was hashed on every open, and an entry carrying that
file's true sha256 passed as the index's own); `citeqa index` rebuilds and leaves it alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, indexed

from citeqa.corpus import file_sha256
from citeqa.ownership import CURRENT
from citeqa.publishing import listed_files

OUTSIDE = b"a file of the user's, outside the index\n"


def _list_outside(build: Path, outside: Path, how: str) -> None:
    """Add to the build's manifest an entry naming `outside`, with its true sha256."""
    names = {
        "absolute": str(outside),
        "parent": f"../../{outside.name}",
        "through a folder": f"lexical/../../../{outside.name}",
    }
    manifest = json.loads((build / "manifest.json").read_text())
    manifest["index_files"][names[how]] = file_sha256(outside)
    (build / "manifest.json").write_text(json.dumps(manifest))


@pytest.mark.parametrize("how", ["absolute", "parent", "through a folder"])
def test_a_manifest_naming_a_file_outside_its_build_is_damage(
    tmp_path: Path, cli: Any, how: str
) -> None:
    _, index, where = indexed(tmp_path, cli)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(OUTSIDE)
    build = (index / CURRENT).resolve()
    assert (build / f"../../{outside.name}").resolve() == outside
    _list_outside(build, outside, how)
    for command in (("ask", QUESTION), ("status",)):
        result = cli(*command, *where)
        assert result.code != 0
        assert "invalid; run `citeqa index`" in result.error_line()
    assert cli("index", *where).code == 0
    assert cli("ask", QUESTION, *where).code == 0
    assert outside.read_bytes() == OUTSIDE


def test_an_old_builds_names_outside_it_are_not_its_files(tmp_path: Path) -> None:
    build = tmp_path / "index" / "build-1"
    build.mkdir(parents=True)
    listed = {"chunks.jsonl": "-", "lexical/vocab.npy": "-", "../x": "-", "/etc/hostname": "-"}
    (build / "manifest.json").write_text(json.dumps({"index_files": listed}))
    assert listed_files(build) == {"chunks.jsonl", "lexical/vocab.npy"}
