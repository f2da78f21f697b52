"""Legal and administrative texts' parts: which document a question names (document_names.py),
parts numbered in words (part_ordinals.py) and signing lines (signing.py)."""

from __future__ import annotations

import pytest

from citeqa.document_names import name_words, named_among
from citeqa.models import Document
from citeqa.part_ordinals import ordinal_number, ordinal_part
from citeqa.signing import asks_signing, is_signing_line


def _doc(doc_id: str, title: str, text: str = "") -> Document:
    return Document(doc_id=doc_id, title=title, path=f"/{doc_id}.txt", text=text, sha256="0")


TERMS = _doc(
    "juridique/cgv-orvane-2026",
    "Conditions générales de vente – Orvane SAS",
    "Les présentes conditions générales de vente (CGV) régissent les abonnements (HT).",
)
RULES = _doc("juridique/reglement-interieur", "RÈGLEMENT INTÉRIEUR")
CONTRACT = _doc("juridique/contrat-maintenance", "CONTRAT DE MAINTENANCE N° CM-2031")
AMENDMENT = _doc("juridique/avenant-1", "AVENANT N° 1 AU CONTRAT DE MAINTENANCE N° CM-2031")
ALL = [TERMS, RULES, CONTRACT, AMENDMENT]


def test_a_document_goes_by_its_title_its_path_and_the_abbreviation_it_defines() -> None:
    words = name_words(TERMS)
    assert {"conditions", "vente", "cgv", "orvane", "juridique", "ht"} <= words
    assert "2026" not in words


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Que dit l'article 7 des CGV ?", {TERMS.doc_id}),
        ("Que dit l'article 7 des conditions générales de vente ?", {TERMS.doc_id}),
        ("article 3 du règlement intérieur", {RULES.doc_id}),
        ("article 2 de l'avenant", {AMENDMENT.doc_id}),
        ("Que prévoit l'article 2 du contrat de maintenance ?", {CONTRACT.doc_id}),
        ("Que dit l'article 7 ?", set()),
    ],
)
def test_the_document_a_question_names_is_found(question: str, named: set[str]) -> None:
    assert named_among(question, ALL) == named


def test_no_document_is_named_when_all_are_named_alike_or_one_is_given() -> None:
    assert named_among("article 2 du contrat", [CONTRACT, AMENDMENT][:1]) == set()
    both = [_doc("a/contrat-x", "Contrat X"), _doc("b/contrat-y", "Contrat Y")]
    assert named_among("article 2 du contrat", both) == set()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("DEUXIÈME RÉSOLUTION – Affectation du résultat", (2, "RÉSOLUTION")),
        ("Article premier – Objet", (1, "Article")),
        ("First Schedule: Fees", (1, "Schedule")),
        ("Dix-septième résolution", (17, "résolution")),
        ("Article 2 – Durée", None),
        ("Les parties conviennent", None),
    ],
)
def test_a_part_numbered_in_words_is_read(text: str, part: tuple[int, str] | None) -> None:
    found = ordinal_part(text)
    assert (found[:2] if found else None) == part
    assert ordinal_number("troisième") == 3 and ordinal_number("résultat") is None


@pytest.mark.parametrize(
    ("sentence", "signing"),
    [
        ("Fait à Lyon, le 2 décembre 2025.", True),
        ("Fait à Lyon, le 18 septembre 2025, en deux exemplaires originaux.", True),
        ("Signed at London on 3 May 2024.", True),
        ("Fait à Lyon.", False),  # no date
        ("Les autres stipulations du contrat demeurent inchangées.", False),
        ("Done in 2024, the migration moved 3 servers.", False),
        ("Fait " + "x" * 300 + " 2025", False),  # too long for a closing line
    ],
)
def test_a_signing_line_is_told_from_prose(sentence: str, signing: bool) -> None:
    assert is_signing_line(sentence) is signing


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Quand le contrat a-t-il été signé ?", True),
        ("When was the amendment signed?", True),
        ("Où le contrat a-t-il été conclu ?", True),
        ("Quelle est la redevance annuelle du contrat de maintenance ?", False),
        ("When did the maintenance contract start?", False),
    ],
)
def test_a_question_asking_where_or_when_signed_is_told(question: str, asks: bool) -> None:
    assert asks_signing(question) is asks
