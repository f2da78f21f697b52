"""The corpus overview for the chat's welcome: figures, languages and example questions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeqa.errors import CorpusMissing
from citeqa.models import DocumentStatus, IndexStatus
from citeqa.overview import Example, choose, corpus_overview, human_size, title_examples


def _corpus(tmp_path: Path, manifest: object | None) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "a.txt").write_text("x" * 1500, encoding="utf-8")
    (folder / "b.md").write_text("y" * 500, encoding="utf-8")
    if manifest is not None:
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def _status(folder: Path) -> IndexStatus:
    docs = [
        DocumentStatus(doc_id="a", title="Bees in towns", path="a.txt", chunks=3, lang=["en"]),
        DocumentStatus(doc_id="b", title="Les abeilles", path="b.md", chunks=2, lang=["fr", "en"]),
    ]
    return IndexStatus(
        index_dir="i", corpus_dir=str(folder), built_at="t", format_version=1, documents=docs,
        channels=[], chunk_count=5, size_bytes=1, manifest_hash="h", stale=False,
    )  # fmt: skip


def test_manifest_examples_are_offered(tmp_path: Path) -> None:
    examples = [{"question": " How  many hives? ", "lang": "en"}, {"question": 3}, "bad"]
    folder = _corpus(tmp_path, {"examples": examples, "documents": []})
    overview = corpus_overview(folder)
    assert overview.examples == [Example("How many hives?", "en")]
    assert overview.documents == 2 and overview.size_bytes == 2000
    assert overview.summary == "2 documents · 2 kB"


def test_without_examples_questions_come_from_the_titles(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, None)
    overview = corpus_overview(folder, _status(folder))
    assert overview.examples == [
        Example("What are the main points of “Bees in towns”?", "en"),
        Example("Quels sont les points principaux de « Les abeilles » ?", "fr"),
    ]
    assert overview.summary == "2 documents · English, French · 2 kB · 5 passages"
    assert overview.name == "papers"


def test_a_broken_manifest_is_ignored(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, None)
    (folder / "manifest.json").write_text("{not json", encoding="utf-8")
    assert corpus_overview(folder).examples == []


def test_a_missing_corpus_is_a_domain_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusMissing):
        corpus_overview(tmp_path / "nowhere")


def test_choose_takes_languages_in_turn() -> None:
    examples = [Example(f"e{n}", "en") for n in range(4)] + [Example("f0", "fr")]
    assert [e.question for e in choose(examples)] == ["e0", "f0", "e1"]
    assert choose([]) == []


def test_title_examples_fall_back_to_english_for_other_languages() -> None:
    assert title_examples([("Bienen", ["de"])]) == [
        Example("What are the main points of “Bienen”?", "en")
    ]


def test_human_size() -> None:
    assert human_size(999) == "999 bytes"
    assert human_size(412_300) == "412 kB"
    assert human_size(2_500_000) == "2.5 MB"
