"""An index built before the sorted BM25 vocabulary (sortedvocab.py): it still answers, as an
index built with it does; status calls it stale (index format 2), and `citeqa index` rewrites
it once, nothing re-embedded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from integration_helpers import build_folders, fake_settings, make_corpus

from citeqa import sortedvocab
from citeqa.api import build_index, index_status, open_assistant
from citeqa.corpus import file_sha256
from citeqa.ownership import CURRENT
from older_lexical import write_json_vocab

FORMAT_2 = "index format 2: written by an older citeqa (no re-embedding needed)"
QUESTIONS = ("Is belimumab approved for children?", "Combien de biopsies ?", "weather")


def _as_built_before(index: Path) -> None:
    """Put bm25s's JSON vocabulary in place of the sorted one in the published build and its
    manifest, which records format 2 (the format before it)."""
    build = (index / CURRENT).resolve()
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    write_json_vocab(build / "lexical")
    listed = f"lexical/{sortedvocab.JSON_VOCAB}"
    manifest["index_files"][listed] = file_sha256(build / listed)
    for name in sortedvocab.FILES:
        (build / "lexical" / name).unlink()
        del manifest["index_files"][f"lexical/{name}"]
    manifest["format_version"] = 2
    (build / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def _answers(settings: Any) -> list[str]:
    assistant = open_assistant(settings)
    return [
        assistant.ask(question).model_dump_json(exclude={"timings_ms"}) for question in QUESTIONS
    ]


def test_an_index_built_before_the_sorted_vocabulary_answers_alike_and_is_rewritten_once(
    tmp_path: Path, fake_embedder: Any
) -> None:
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    build_index(settings)
    built = (settings.index_dir / CURRENT).resolve() / "lexical"
    assert all((built / name).is_file() for name in sortedvocab.FILES)
    expected = _answers(settings)
    _as_built_before(settings.index_dir)

    assert _answers(settings) == expected  # bm25s's JSON vocabulary serves
    assert index_status(settings).changed == [FORMAT_2]
    notice = (
        "the index is STALE, an older citeqa built it: an older index format;"
        " run `citeqa index` (`citeqa status` lists the changes)."
    )
    assert open_assistant(settings).stale_notice() == notice  # no "the corpus changed"
    folders = build_folders(settings.index_dir)
    fake_embedder.reset_counts()
    report = build_index(settings)
    assert not report.full_rebuild and fake_embedder.texts_embedded == 0
    assert build_folders(settings.index_dir) != folders  # written again, with the sorted files
    rewritten = (settings.index_dir / CURRENT).resolve() / "lexical"
    assert all((rewritten / name).is_file() for name in sortedvocab.FILES)
    assert not (rewritten / sortedvocab.JSON_VOCAB).exists()  # a build keeps the sorted one only
    assert not index_status(settings).stale
    assert _answers(settings) == expected

    folders = build_folders(settings.index_dir)
    build_index(settings)
    assert build_folders(settings.index_dir) == folders  # now up to date: nothing written
