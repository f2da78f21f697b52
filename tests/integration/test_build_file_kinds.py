"""Every file a fresh build lists is one `verification` knows citeqa writes (the exact names
its writers give, at the build's top or in `lexical/`): a manifest edited to drop any one of
them is damage, never a user's file. A future writer of another name fails here until
`verification._build_names` takes it from that writer."""

from __future__ import annotations

from pathlib import Path

import pytest
from integration_helpers import fake_settings, make_corpus

from citeqa.api import build_index
from citeqa.errors import IndexCorrupt
from citeqa.qdrantindex import MEMORY
from citeqa.store import load_index
from citeqa.verification import verify_files


@pytest.mark.parametrize("vector_store", [None, MEMORY], ids=["faiss", "qdrant"])
def test_each_listed_file_dropped_from_the_manifest_is_damage(
    tmp_path: Path, vector_store: str | None
) -> None:
    extra = {"vector_store": vector_store} if vector_store else {}
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index", **extra)
    build_index(settings)
    loaded = load_index(settings.index_dir)
    listed = dict(loaded.manifest.index_files)
    assert listed
    for name in listed:
        dropped = {other: digest for other, digest in listed.items() if other != name}
        with pytest.raises(IndexCorrupt, match="does not list"):
            verify_files(loaded.folder, dropped)
