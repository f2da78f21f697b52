"""A question that writes an acronym its documents only spell out ("NDA" for a "Mutual
Non-Disclosure Agreement") finds them, through the acronyms the build derives and stores
(acronyms.py), and its reason never says the documents do not mention it."""

from __future__ import annotations

from pathlib import Path

from integration_helpers import fake_settings

from citeqa.api import build_index, open_assistant
from citeqa.store import load_index

NDA = (
    "Mutual Non-Disclosure Agreement\n\n"
    "1. Term\n\nThis Non-Disclosure Agreement remains in force for two (2) years.\n\n"
    "2. Law\n\nThis Non-Disclosure Agreement is governed by the laws of England and Wales.\n"
)
LEASE = (
    "Commercial lease\n\n"
    "The tenant pays the rent every quarter. The lease is granted for nine years.\n"
)
NOTES = "Meeting notes\n\nThe team met on Monday and discussed the budget for next year.\n"


def written(corpus: Path, files: dict[str, str]) -> Path:
    corpus.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def test_an_acronym_the_documents_spell_out_finds_them(tmp_path: Path) -> None:
    corpus = written(tmp_path / "corpus", {"agreement.md": NDA, "lease.md": LEASE})
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    assistant = open_assistant(settings, build_if_missing=False)
    answer = assistant.ask("Which law governs the NDA?")
    assert "NDA" not in (answer.reason or ""), answer.reason
    assert answer.passages[0].path.endswith("agreement.md")
    spelt_out = assistant.ask("Which law governs the non-disclosure agreement?")
    assert [p.text for p in answer.passages] == [p.text for p in spelt_out.passages]
    assert not answer.abstained and "England and Wales" in answer.citations[0].quote
    stored = load_index(settings.index_dir).statistics or {}
    assert ["NDA", "non-disclosure agreement"] in stored["acronyms"]


def test_an_update_keeps_the_acronyms_of_the_documents_it_does_not_read(tmp_path: Path) -> None:
    corpus = written(tmp_path / "corpus", {"agreement.md": NDA, "notes.md": NOTES})
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    (corpus / "notes.md").write_text(NOTES + "\nThe budget was approved.\n", encoding="utf-8")
    build_index(settings)
    stored = load_index(settings.index_dir).statistics or {}
    assert ["NDA", "non-disclosure agreement"] in stored["acronyms"]
