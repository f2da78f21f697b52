"""A letter's address line opening with a number is no section heading (s43): in a plain
text, Markdown or PDF letter, "12 rue des Lilas, 75011 Paris" after a sentence and "4 Place
Vendôme" over prose named the passages under them, so their citations gave the address as
their section."""

from __future__ import annotations

import pytest
from tests.pdf_files import sized_pdf

from citeqa.api import Assistant, build_index, open_assistant
from citeqa.config import Settings

LETTER = [
    "Cabinet Martin & Associés",
    "Paris, le 3 mars 2026",
    "Madame, Monsieur,",
    "Nous vous informons que notre cabinet déménage le 1er avril 2026. Notre adresse sera :",
    "12 rue des Lilas, 75011 Paris",
    "Les rendez-vous déjà fixés sont maintenus aux mêmes dates et heures, à cette adresse.",
    "Pour toute question, contactez notre secrétariat.",
    "4 Place Vendôme",
    "Notre ancien bureau restera ouvert jusqu'au 31 mars 2026 pour le retrait des dossiers.",
    "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
]
QUESTIONS = [
    ("Les rendez-vous déjà fixés sont-ils maintenus ?", "sont maintenus"),
    ("Jusqu'à quand l'ancien bureau reste-t-il ouvert ?", "31 mars 2026"),
]


@pytest.fixture(scope="module", params=["lettre.txt", "lettre.md", "lettre.pdf"])
def letter(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    root = tmp_path_factory.mktemp("letter")
    corpus = root / "corpus"
    corpus.mkdir()
    name = request.param
    if name.endswith(".pdf"):
        (corpus / name).write_bytes(sized_pdf([[(11, line) for line in LETTER]]))
    else:
        (corpus / name).write_text("\n".join(LETTER) + "\n", encoding="utf-8")
    settings = Settings(channels=("fake",), corpus_dir=corpus, index_dir=root / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


@pytest.mark.parametrize(("question", "written"), QUESTIONS)
def test_a_letters_passage_is_cited_under_no_address(
    letter: Assistant, question: str, written: str
) -> None:
    answer = letter.ask(question)
    assert any(written in citation.quote for citation in answer.citations), answer.answer
    for citation in answer.citations:
        assert citation.section is None or not citation.section[:1].isdigit(), citation.section
