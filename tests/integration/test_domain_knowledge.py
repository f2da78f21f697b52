"""A corpus's domain file through the build: stored in the index, used by answering, tracked for
staleness, refreshed without re-embedding; a bad one is a warning, never a failed build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from integration_helpers import CORPUS, SMALL_DOCS, build_folders, fake_settings, make_corpus

from citeqa import contents, doctally, previousindex
from citeqa.api import build_index, index_status, open_assistant
from citeqa.config import Settings
from citeqa.domain import language_data
from citeqa.store import load_index

DOCS = (*SMALL_DOCS, "cellules-stromales-lupus-phase1.txt")


def with_domain(corpus: Path) -> Path:
    """Give `corpus` the bundled corpus's domain file, named by a manifest."""
    (corpus / "manifest.json").write_text(json.dumps({"domain": "domain.json"}))
    shutil.copyfile(CORPUS / "domain.json", corpus / "domain.json")
    return corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return with_domain(make_corpus(tmp_path / "corpus", DOCS))


@pytest.fixture
def settings(corpus: Path, tmp_path: Path) -> Settings:
    """The fake settings of an index of `corpus` in tmp_path/index (not built yet)."""
    return fake_settings(corpus, tmp_path / "index")


def _rewritten_once(settings: Settings, fake_embedder: Any, change: str) -> None:
    """The built index of `settings` is stale for `change` (words of what index_status says
    changed); the next build writes it again, re-embedding nothing, and the one after writes
    nothing."""
    folders = build_folders(settings.index_dir)
    fake_embedder.reset_counts()
    assert any(change in changed for changed in index_status(settings).changed)
    build_index(settings)
    assert build_folders(settings.index_dir) != folders  # written again
    assert not index_status(settings).stale
    assert fake_embedder.texts_embedded == 0
    folders = build_folders(settings.index_dir)
    build_index(settings)
    assert build_folders(settings.index_dir) == folders  # now up to date: nothing written


def test_the_domain_file_reaches_answering_and_is_no_document(settings: Settings) -> None:
    report = build_index(settings)
    assert report.warnings == [] and report.skipped == []
    assert "domain" not in {
        name.split(".")[0] for name in load_index(settings.index_dir).files().names
    }
    loaded = open_assistant(settings)._loaded
    assert "poussee" in loaded.glossary.expansions("How many flares?")
    assert "mab" in loaded.vocabulary.name_endings


def test_without_the_domain_file_only_language_data_is_used(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", DOCS)
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    loaded = open_assistant(settings)._loaded
    assert loaded.glossary.expansions("How many flares?") == []
    assert "mois" in loaded.glossary.expansions("after six months")
    assert loaded.vocabulary.name_endings == language_data().name_endings


def test_an_edited_domain_file_makes_the_index_stale_and_is_refreshed_without_embedding(
    corpus: Path, settings: Settings, fake_embedder: Any
) -> None:
    build_index(settings)
    domain = json.loads((corpus / "domain.json").read_text())
    domain["groups"].append(["walrus", "morse"])
    (corpus / "domain.json").write_text(json.dumps(domain))

    status = index_status(settings)
    assert status.stale and "modified: manifest.json (titles or domain file)" in status.changed

    fake_embedder.reset_counts()
    build_index(settings)
    assert fake_embedder.texts_embedded == 0
    assert not index_status(settings).stale
    assert "morse" in open_assistant(settings)._loaded.glossary.expansions("a walrus")


def test_an_index_without_the_current_knowledge_is_refreshed_once(
    settings: Settings, fake_embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_index(settings)
    newer = previousindex.KNOWLEDGE_FORMAT + 1
    monkeypatch.setattr(previousindex, "KNOWLEDGE_FORMAT", newer)
    monkeypatch.setattr(contents, "KNOWLEDGE_FORMAT", newer)
    _rewritten_once(settings, fake_embedder, "term knowledge")
    assert (load_index(settings.index_dir).statistics or {})["knowledge"] == newer


def test_an_index_that_stores_no_passage_words_is_not_outdated_by_their_version(
    settings: Settings, fake_embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a build stores passage words (stored_words.py) only with a multilingual channel, of a
    # corpus in both languages: this one (no multilingual channel) lacks none, and an index
    # an older citeqa built was called STALE, "term knowledge built by an older citeqa"
    build_index(settings)
    newer = previousindex.WORDS_VERSION + 1
    monkeypatch.setattr(previousindex, "WORDS_VERSION", newer)
    monkeypatch.setattr(contents, "WORDS_VERSION", newer)
    assert not index_status(settings).stale
    folders = build_folders(settings.index_dir)
    build_index(settings)
    assert build_folders(settings.index_dir) == folders, "nothing written"


def test_an_index_whose_tallies_another_recipe_computed_is_rewritten_once(
    settings: Settings, fake_embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unchanged corpus whose index holds the tallies of another doctally.tally_recipe (an
    older citeqa: TALLY_VERSION 5 added the dates' terms) is stale, and the next build writes it
    again with this recipe's tallies, re-embedding nothing (before, it said "up to date" and
    kept the older terms until a file changed)."""
    build_index(settings)
    monkeypatch.setattr(doctally, "TALLY_VERSION", doctally.TALLY_VERSION + 1)
    _rewritten_once(settings, fake_embedder, "word tallies")
    stored = (load_index(settings.index_dir).statistics or {})["tallies"]
    assert stored == doctally.tally_recipe()


def test_a_bad_domain_file_is_a_build_warning(corpus: Path, settings: Settings) -> None:
    (corpus / "domain.json").write_text('{"groups": [["kidney", 3]]}')
    report = build_index(settings)
    assert report.documents == len(DOCS)
    assert any("domain.json" in warning and "groups" in warning for warning in report.warnings)
    assert open_assistant(settings)._loaded.glossary.expansions("kidney") == []


CROSS_LANGUAGE = {
    "Combien de patients ont reçu des cellules stromales ?": "cellules-stromales-lupus-phase1",
    "How many patients received mesenchymal stromal cells?": "cellules-stromales-lupus-phase1",
    "What does the REFRACT project study in kidney biopsies?": "refract-lupus-nephritis-biopsies",
}


@pytest.mark.slow
@pytest.mark.parametrize("domain", [True, False], ids=["domain-file", "no-domain-file"])
def test_cross_language_questions_with_and_without_the_domain_file(
    tmp_path: Path, domain: bool
) -> None:
    """With the real multilingual channel: the French document answers the English question
    (and the reverse) whether the corpus brings its domain file or relies on derived pairs."""
    corpus = make_corpus(tmp_path / "corpus", DOCS)
    if domain:
        with_domain(corpus)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    assistant = open_assistant(settings)
    pairs = (assistant._loaded.index.statistics or {})["term_pairs"]
    assert any("cellules" in group and "cells" in group for group in pairs)
    for question, doc_id in CROSS_LANGUAGE.items():
        hits = assistant.retrieve(question, k=3).hits
        assert hits[0].chunk.doc_id == doc_id, (question, [h.chunk.doc_id for h in hits])
