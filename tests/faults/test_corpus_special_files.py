"""A corpus's manifest.json and the domain file it names are read by name, not found by the
walk (which keeps regular files only): a FIFO of either name must not hang a build, a status
or the chat's welcome, and a link to a device must not be read (a link to /dev/zero would be
read until memory ran out). Each is ignored like a damaged one, the documents indexed."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, make_corpus

from citeqa.corpus import corpus_manifest_digest, titles_from
from citeqa.domain import corpus_domain, domain_digest, read_corpus_manifest
from citeqa.jsonfiles import read_regular
from citeqa.overview import corpus_overview

pytestmark = pytest.mark.usefixtures("no_hang")


def _corpus(tmp_path: Path, manifest: str | None) -> Path:
    corpus = make_corpus(tmp_path / "corpus")
    if manifest == "fifo":
        os.mkfifo(corpus / "manifest.json")
    else:
        (corpus / "manifest.json").write_text(json.dumps({"domain": "domain.json"}))
        os.mkfifo(corpus / "domain.json")
    return corpus


@pytest.mark.parametrize("fifo", ["fifo", "domain fifo"])
def test_a_fifo_named_by_the_corpus_is_skipped_not_waited_on(
    tmp_path: Path, cli: Any, fifo: str
) -> None:
    corpus = _corpus(tmp_path, fifo)
    # the readers first, in this thread, where the alarm can interrupt a blocked open()
    # (the CLI reads the corpus in worker threads: there a blocked open() would never end)
    assert corpus_overview(corpus).documents == 2
    assert titles_from(read_corpus_manifest(corpus).data, []) == {}
    assert domain_digest(read_corpus_manifest(corpus)) is None
    assert corpus_manifest_digest(corpus) is not None or fifo == "fifo"
    assert corpus_domain(corpus, read_corpus_manifest(corpus))[0] is None
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    built = cli("index", *where)
    assert built.code == 0, built.err
    assert "Built: 2 documents" in built.out
    if fifo == "domain fifo":
        assert "domain.json (the domain file manifest.json names) was ignored" in built.out
        assert "not a regular file" in built.out
    status = cli("status", *where)
    assert status.code == 0 and "Up to date with the corpus." in status.out
    assert cli("ask", QUESTION, *where).code == 0


def test_read_regular_refuses_devices_fifos_and_large_files(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a regular file"):
        read_regular(Path("/dev/zero"), 1000)
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(ValueError, match="not a regular file"):
        read_regular(tmp_path / "pipe", 1000)
    (tmp_path / "big.json").write_bytes(b"[" + b"0," * 600 + b"0]")
    with pytest.raises(ValueError, match="larger than 1,000 bytes"):
        read_regular(tmp_path / "big.json", 1000)
    assert read_regular(tmp_path / "big.json", 2000).startswith(b"[0,0,")
    with pytest.raises(OSError):
        read_regular(tmp_path / "missing.json", 1000)
