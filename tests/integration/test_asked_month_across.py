"""A question naming a month answered by another month's line while a near-best sentence writes
the asked month, maybe in the other language (time_siblings.of_asked_month): "Where will training
take place in January?" of a French folder quoted an English mail's April line and was refused
as "they are of October, April", while a French newsletter wrote "En janvier, tous les
entraînements ont lieu…" (s29 user trial). The months are read by their names in either
language (language.json `months`), so the sentence writing "janvier 2026" answers instead; a
folder writing the asked month nowhere, or only as every year's rule (no year), is still
refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant, build_index, open_assistant
from citeqa.config import Settings

MAIL = (
    "# Visit to Harbourton - April 2026\n\n"
    "Dear friends, the visit will take place from 17 to 21 April 2026. Training will take"
    " place in the sports hall of Harbourton on the Saturday morning, 18 April 2026.\n"
)
NEWSLETTER = (
    "# Lettre du club - novembre 2025\n\n"
    "## À noter\n\n"
    "- Le repas des bénévoles aura lieu le 12 décembre 2025.\n"
    "- En janvier 2026, tous les entraînements ont lieu à la salle Marie-Curie (travaux au"
    " gymnase).\n"
)
FRENCH = {
    "cotisations.md": "# Cotisations\n\nLa cotisation annuelle est de 150 € pour les jeunes.\n",
    "materiel.md": "# Matériel\n\nLe club possède vingt ballons et dix chasubles.\n",
    "bureau.md": "# Bureau\n\nLe bureau se réunit le premier lundi de chaque mois.\n",
}

QUESTION = "Where will training take place in January?"


def _assistant(tmp_path: Path, files: dict[str, str]) -> Assistant:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(channels=("fake",), corpus_dir=corpus, index_dir=tmp_path / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


@pytest.mark.usefixtures("fake_embedder")
def test_a_near_sentence_writing_the_asked_month_in_the_other_language_answers(
    tmp_path: Path,
) -> None:
    files = {"mail_visit.md": MAIL, "lettre_novembre.md": NEWSLETTER, **FRENCH}
    answer = _assistant(tmp_path, files).ask(QUESTION)
    assert not answer.abstained, answer.reason
    assert "salle Marie-Curie" in answer.answer
    assert all("April" not in citation.quote for citation in answer.citations)


@pytest.mark.usefixtures("fake_embedder")
def test_a_folder_writing_the_asked_month_nowhere_is_still_refused(tmp_path: Path) -> None:
    newsletter = NEWSLETTER.replace("En janvier 2026, tous", "Tous")
    files = {"mail_visit.md": MAIL, "lettre_novembre.md": newsletter, **FRENCH}
    answer = _assistant(tmp_path, files).ask(QUESTION)
    assert answer.abstained and answer.reason is not None and "January" in answer.reason


@pytest.mark.usefixtures("fake_embedder")
def test_a_rule_writing_the_asked_month_without_a_year_does_not_answer(tmp_path: Path) -> None:
    # "chaque année au 1er septembre" is every year's rule, no record of September: the
    # question about the trip paid in September is refused as "of May", not answered by it
    files = {
        "trip.md": "# Trip\n\nWe paid 300 euros for the trip in May 2026.\n",
        "regle.md": (
            "# Règle\n\nLa cotisation est révisée chaque année au 1er septembre ; le voyage est"
            " payé par le club.\n"
        ),
        **FRENCH,
    }
    answer = _assistant(tmp_path, files).ask("How much was paid for the trip in September?")
    assert answer.abstained and answer.reason is not None and "September" in answer.reason
    assert "May" in answer.reason
