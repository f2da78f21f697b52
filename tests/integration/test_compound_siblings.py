"""A question naming a compound the documents never write ("sèche-linge") is refused when the
quote, or its document's title, writes a sibling compound ending on the same part ("Lave-linge
LF 814"): it speaks of another thing (s47 trial a18 quoted the washing machine's "Capacité
maximale : 8 kg de linge sec." for the dryer's capacity; sibling_words.compound_siblings)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

NOTICE = (
    "# Notice d'utilisation — Lave-linge LF 814\n\n"
    "## Caractéristiques\n\n"
    "Capacité maximale : 8 kg de linge sec.\n"
    "Vitesse d'essorage : 1400 tours par minute.\n\n"
    "## Entretien\n\n"
    "Nettoyez le filtre de la pompe de vidange tous les trois mois.\n"
)
CONTRACT = (
    "# Employment contract\n\n"
    "## Hours\n\n"
    "The part-time position is 20 hours a week, worked from Monday to Wednesday.\n"
    "Overtime is paid at the standard hourly rate.\n"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"notice-lave-linge.md": NOTICE, "contract.md": CONTRACT},
        tmp_path_factory.mktemp("home"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("Quelle est la capacité du sèche-linge ?", "sèche-linge"),
        ("How many hours a week is the full-time position?", "full-time"),
    ],
)
def test_a_sibling_compound_is_refused(folder: Assistant, question: str, word: str) -> None:
    answer = folder.ask(question)
    assert answer.abstained, [c.quote for c in answer.citations]
    assert f"“{word}”" in (answer.reason or "")


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("Quelle est la capacité du lave-linge ?", "8 kg"),
        ("How many hours a week is the part-time position?", "20 hours"),
    ],
)
def test_the_written_compound_is_answered(folder: Assistant, question: str, quoted: str) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert quoted in answer.citations[0].quote
