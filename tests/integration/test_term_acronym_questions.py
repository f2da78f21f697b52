"""A question writing the initials of a term its documents write in lower case ("l'AG" for
"assemblée générale") finds the documents writing the term, when a document writing it also
writes those initials as a word, in its text or its file name (term_acronyms.py; s29 trial:
the one file writing "AG" in its text was quoted for "Combien de membres étaient présents à
l'AG du 14 juin 2025 ?", the minutes being named "PV_AG_2025-06-14.md")."""

from __future__ import annotations

from pathlib import Path

from integration_helpers import fake_settings

from citeqa.api import build_index, open_assistant
from citeqa.store import load_index

MINUTES = (
    "Procès-verbal de l'assemblée générale du 3 mai 2025\n\n"
    "L'assemblée générale s'est tenue au foyer rural. Membres présents : 42 sur 90.\n\n"
    "L'assemblée générale approuve les comptes. Le conseil d'administration est renouvelé.\n"
)
RULES = (
    "Règlement du club de randonnée\n\n"
    "Les sorties ont lieu le dimanche. Les membres présents signent la feuille de route.\n"
)
GRANT = "Demande de subvention\n\nPièces jointes : statuts, PV de la dernière AG, budget.\n"


def written(corpus: Path, files: dict[str, str]) -> Path:
    corpus.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def test_initials_a_document_writes_find_the_term_it_spells_out(tmp_path: Path) -> None:
    files = {"PV_AG_2025-05-03.md": MINUTES, "reglement.md": RULES, "subvention.md": GRANT}
    settings = fake_settings(written(tmp_path / "corpus", files), tmp_path / "index")
    build_index(settings)
    stored = load_index(settings.index_dir).statistics or {}
    assert ["AG", "assemblee generale"] in stored["acronyms"]
    answer = open_assistant(settings, build_if_missing=False).ask(
        "Combien de membres étaient présents à l'AG ?"
    )
    assert answer.passages[0].path.endswith("PV_AG_2025-05-03.md")
    assert not answer.abstained and "42 sur 90" in answer.citations[0].quote


def test_initials_no_document_writing_the_term_writes_spell_out_nothing(tmp_path: Path) -> None:
    files = {"pv.md": MINUTES, "reglement.md": RULES, "subvention.md": GRANT}
    settings = fake_settings(written(tmp_path / "corpus", files), tmp_path / "index")
    build_index(settings)
    stored = load_index(settings.index_dir).statistics or {}
    assert not [pair for pair in stored["acronyms"] if pair[0] in ("AG", "CA")]
