"""Owns what completes a build's folder: the file list, every file's sha256 in the manifest, the
manifest, then the size/time record (verification.py), each small file written by `write_file`
(jsonlines.py, below filelist and verification, which write theirs with it too; publishing.py
syncs the whole build once).
The folder's layout, and reading it back, are store.py's; publishing it, publishing.py's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from citeqa.config import Settings, is_qdrant_location
from citeqa.corpus import file_sha256
from citeqa.filelist import FileList
from citeqa.jsonlines import write_file
from citeqa.vectorindex import index_kind_for
from citeqa.verification import record_stamps


def write_build(
    folder: Path, manifest: dict[str, Any], settings: Settings, files: FileList
) -> None:
    """Complete a build written into `folder` (a temporary folder; contents.compute_contents
    wrote every other file): `files`, the corpus files it was built from (filelist.py), the
    hash of each file into the manifest, then the manifest."""
    if is_qdrant_location(settings.vector_store):
        for channel in manifest["channels"]:
            channel["index_type"] = "qdrant"
    files.save(folder)
    manifest["index_files"] = {
        path.relative_to(folder).as_posix(): file_sha256(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    write_file(
        folder / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False).encode()
    )
    record_stamps(folder, list(manifest["index_files"]))


def index_type_for(count: int, settings: Settings) -> str:
    """The FAISS index kind for `count` vectors under `settings` (vectorindex.index_kind_for)."""
    return index_kind_for(count, settings.flat_index_max, settings.compressed_index_min)
