"""A street address's number names no numbered part (s43): "Que dit l'article 12 du
contrat ?" on a contract of articles 1 to 4 and a letter writing "12 rue des Lilas, 75011
Paris" quoted the letter's address instead of abstaining (numbered_sections.py read the
address line as a section numbered 12 and the letter as writing 12; unheld_numbers.py read
the letter as writing the asked "article 12")."""

from __future__ import annotations

import pytest

from citeqa.models import Document
from citeqa.numbered_sections import opening_number, unheld_section
from citeqa.unheld_numbers import unheld_number

CONTRAT = (
    "Contrat de prestation de services\n\nArticle 1 – Objet\nLe contrat a pour objet un audit.\n\n"
    "Article 2 – Durée\nLe contrat dure douze mois.\n\nArticle 3 – Prix\nLe prix est fixé à "
    "8 400 euros.\n\nArticle 4 – Résiliation\nUn préavis de trente jours s'applique.\n"
)
LETTRE = (
    "Madame Claire Dubois\n12 rue des Lilas, 75011 Paris\n\nParis, le 3 mars 2024\n\n"
    "Madame,\nJe vous confirme notre rendez-vous du 15 mars.\n"
)
CONTRACT = (
    "Service Agreement\n\nArticle 1 – Purpose\nAn IT audit.\n\nArticle 2 – Term\nTwelve months."
    "\n\nArticle 3 – Price\n8,400 euros.\n\nArticle 4 – Termination\nThirty days' notice.\n"
)
LETTER = (
    "Mr John Watson\n221 Baker Street\nLondon NW1 6XE\n\nLondon, 3 March 2024\n\n"
    "Dear Mr Watson,\nI confirm our appointment on 15 March.\n"
)
CASES = [
    (CONTRAT, LETTRE, "Que dit l'article 12 du contrat ?", "12"),
    (CONTRACT, LETTER, "What does article 221 say?", "221"),
]


def _doc(doc_id: str, text: str) -> Document:
    title = text.split("\n", 1)[0]
    return Document(doc_id=doc_id, title=title, path=f"/{doc_id}.txt", text=text, sha256=doc_id)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12 rue des Lilas, 75011 Paris", None),
        ("221 Baker Street", None),
        ("12 Confidentiality", "12"),
        ("Article 12 – Objet", "12"),
        ("4.3 On request, the provider reports.", "4.3"),
        ("1 Place the device on a flat surface.", "1"),
        ("12 rue des Lilas, 75011 Paris\n\nParis, le 3 mars 2024.", None),
    ],
)
def test_a_street_address_opens_with_no_section_number(text: str, number: str | None) -> None:
    assert opening_number(text) == number


@pytest.mark.parametrize(("contract", "letter", "question", "number"), CASES, ids=["fr", "en"])
def test_an_article_only_a_letters_address_numbers_abstains(
    contract: str, letter: str, question: str, number: str
) -> None:
    documents = [_doc("contract", contract), _doc("letter", letter)]
    unheld = unheld_section(question, documents, documents, [contract, letter])
    assert unheld is not None
    assert (unheld.number, unheld.numbered) == (number, ["1", "2", "3", "4"])


@pytest.mark.parametrize(("contract", "letter", "question", "number"), CASES, ids=["fr", "en"])
def test_an_article_another_document_holds_never_abstains(
    contract: str, letter: str, question: str, number: str
) -> None:
    held = f"Amendment\n\nArticle {number} – Confidentiality\nFive years of secrecy.\n"
    documents = [_doc("contract", contract), _doc("letter", letter), _doc("held", held)]
    assert unheld_section(question, documents, documents, [contract, letter]) is None
    written = [contract, letter, f"See {number} of the annex."]
    assert unheld_section(question, documents[:2], documents[:2], written) is None


@pytest.mark.parametrize(
    ("letter", "number", "articles"),
    [(LETTRE, 12, (2, 3, 4)), (LETTER, 221, (30, 40, 50))],
    ids=["fr", "en"],
)
def test_an_address_writes_no_article_asked(
    letter: str, number: int, articles: tuple[int, ...]
) -> None:
    contract = "".join(f"Article {n}. The provider shall act in good faith.\n" for n in articles)
    question = f"What does article {number} of the contract say?"
    unheld = unheld_number(question, [], [letter, contract], [])
    assert unheld is not None and unheld.held == [f"article {n}" for n in articles]
    elsewhere = f"{letter}\nThe parties refer to {number} in the annex.\n"
    assert unheld_number(question, [], [elsewhere, contract], []) is None


def test_an_address_still_writes_a_number_keyed_by_no_section_word() -> None:
    rota = "".join(f"Week {n}: Alice is on call.\n" for n in (2, 3, 4))
    assert unheld_number("Who is on call in week 12?", [], [LETTRE, rota], []) is None
    assert unheld_number("Who is on call in week 12?", [], [rota], []) is not None
