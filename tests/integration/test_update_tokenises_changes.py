"""An update tokenises only the documents that changed: an unchanged document's share of the
build's tallies (its BM25 terms, frequent words, sentences, token counts, words and compound
keys: doctally.py) is taken from the previous build, and the index it writes is the one a full
rebuild writes. A share of another recipe (the code's version, the stopwords and language data,
PyStemmer's version), or a changed cutting, is computed again."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from integration_helpers import CORPUS, fake_settings

import citeqa.lexical
from citeqa.api import build_index
from citeqa.config import Settings
from citeqa.models import BuildReport
from citeqa.store import load_index
from citeqa.verification import STAMPS

EDITED = "biotherapy-in-lupus-faq.txt"
ADDED_LINE = "\nAn added line about walruses and their tusks.\n"


def _tokenised(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text `lexical.tokenize` is given from now on, wherever citeqa calls it from (each
    module that imported it by name gets the recording one)."""
    texts: list[str] = []
    original: Callable[[str, str], list[str]] = citeqa.lexical.tokenize

    def recording(text: str, lang: str) -> list[str]:
        texts.append(text)
        return original(text, lang)

    for name, module in list(sys.modules.items()):
        if name.startswith("citeqa") and getattr(module, "tokenize", None) is original:
            monkeypatch.setattr(module, "tokenize", recording)
    return texts


def _built(tmp_path: Path) -> tuple[Path, Settings]:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    return corpus, settings


def _edit(corpus: Path, line: str = ADDED_LINE) -> str:
    """Append `line` to EDITED; its new text."""
    path = corpus / EDITED
    path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")
    return path.read_text(encoding="utf-8")


def _other_texts(corpus: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")) if p.name != EDITED]


def _of_unchanged_documents(texts: list[str], edited: str, others: list[str]) -> list[str]:
    """The texts found in one of `others` but not in `edited` (a word both hold is neither's),
    case aside (the frequent-word counts tokenise words lowercased)."""
    edited, others = edited.lower(), [other.lower() for other in others]
    return [t for t in texts if t.lower() not in edited and any(t.lower() in o for o in others)]


def _same_as_a_full_rebuild(corpus: Path, updated: Settings, scratch: Path) -> None:
    fresh = fake_settings(corpus, scratch)
    build_index(fresh)
    left, right = load_index(updated.index_dir).folder, load_index(fresh.index_dir).folder
    names = sorted(p.relative_to(left).as_posix() for p in left.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(right).as_posix() for p in right.rglob("*") if p.is_file())
    assert "tallies.jsonl" in names
    for name in names:
        if name not in ("manifest.json", STAMPS):  # build time, the files' times
            assert (left / name).read_bytes() == (right / name).read_bytes(), name


def _update_tokenising_only(
    edited: str, word: str, corpus: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> BuildReport:
    """An update, asserting that the tokeniser read the `edited` document's new `word` and no
    text of an unchanged document; the tokeniser's recording undone after it."""
    texts = _tokenised(monkeypatch)
    report = build_index(settings)
    assert any(word in text for text in texts)
    assert not _of_unchanged_documents(texts, edited, _other_texts(corpus))
    monkeypatch.undo()
    return report


def test_an_update_tokenises_only_the_changed_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, settings = _built(tmp_path)
    edited = _edit(corpus)
    report = _update_tokenising_only(edited, "walruses", corpus, settings, monkeypatch)
    assert report.unchanged and not report.full_rebuild
    _same_as_a_full_rebuild(corpus, settings, tmp_path / "fresh")


def test_a_second_update_reuses_what_the_first_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first update stores every document's share again (the changed one computed, the
    others copied); a second edit is then tokenised alone, and the index is a full rebuild's."""
    corpus, settings = _built(tmp_path)
    _edit(corpus)
    build_index(settings)
    edited = _edit(corpus, "\nAnother line about narwhals.\n")
    _update_tokenising_only(edited, "narwhals", corpus, settings, monkeypatch)
    _same_as_a_full_rebuild(corpus, settings, tmp_path / "fresh")


def test_an_update_after_the_stopwords_changed_equals_a_full_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stored shares depend on the stopwords (citeqa/data/language.json), which
    TALLY_VERSION does not follow: before doctally.tally_recipe, with "lupus" made a
    stopword, the update took every unchanged document's terms, counts and frequent words as
    they were, and lexical/*, statistics.json, tallies.jsonl, terms.* and stems.* differed
    from a full rebuild's."""
    corpus, settings = _built(tmp_path)
    _edit(corpus)
    assert "lupus" not in citeqa.lexical._STOPWORDS
    monkeypatch.setattr(citeqa.lexical, "_STOPWORDS", citeqa.lexical._STOPWORDS | {"lupus"})
    report = build_index(settings)
    assert report.unchanged and not report.full_rebuild
    _same_as_a_full_rebuild(corpus, settings, tmp_path / "fresh")


@pytest.mark.parametrize(
    ("patched", "value"),
    [
        ("citeqa.doctally.TALLY_VERSION", 99),
        ("citeqa.doctally.library_version", lambda name: "0.0"),
        ("citeqa.doctally.language_json", lambda: b"{}"),
        ("citeqa.previousindex.CUTTING_VERSION", 99),
    ],
)
def test_a_share_of_another_version_or_cutting_is_computed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, patched: str, value: Any
) -> None:
    """A stored share of another recipe (TALLY_VERSION, PyStemmer's version, the language
    data's bytes: doctally.tally_recipe) is not taken (the unchanged documents are
    tokenised again, the chunks and vectors still reused); a changed cutting rebuilds in full.
    Either way the index is a full rebuild's (with this version's shares)."""
    corpus, settings = _built(tmp_path)
    _edit(corpus)
    monkeypatch.setattr(patched, value)
    texts = _tokenised(monkeypatch)
    report = build_index(settings)
    assert report.full_rebuild == patched.endswith("CUTTING_VERSION")
    edited = (corpus / EDITED).read_text(encoding="utf-8")
    for other in _other_texts(corpus):  # each unchanged document tokenised again
        assert _of_unchanged_documents(texts, edited, [other])
    _same_as_a_full_rebuild(corpus, settings, tmp_path / "fresh")


def test_a_build_rewritten_though_no_file_changed_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tallies' recipe of another version makes `citeqa index` write a new build of an
    unchanged corpus: it said "Index up to date" (s16 integration); it says "Updated" and why,
    and the run after it is up to date again."""
    from citeqa.cli.index_cmds import NO_FILE_CHANGED, print_report

    _corpus, settings = _built(tmp_path)
    monkeypatch.setattr("citeqa.doctally.TALLY_VERSION", 99)
    rewritten = build_index(settings)
    assert rewritten.rewritten and rewritten.verb == "Updated" and not rewritten.updated
    print_report(rewritten)
    assert NO_FILE_CHANGED in capsys.readouterr().out
    again = build_index(settings)
    assert not again.rewritten and again.verb == "Index up to date"
    print_report(again)
    assert NO_FILE_CHANGED not in capsys.readouterr().out
