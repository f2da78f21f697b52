"""Legal and administrative texts' parts: which document a question names (document_names.py),
parts numbered in words (part_ordinals.py) and signing lines (signing.py)."""

from __future__ import annotations

import pytest

from citeqa.document_names import name_words, named_among
from citeqa.models import Document
from citeqa.part_ordinals import ordinal_lines, ordinal_number, ordinal_part
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
    assert {"conditions", "vente", "cgv", "orvane", "juridique"} <= words
    assert "2026" not in words and "ht" not in words  # "abonnements (HT)": not its initials


@pytest.mark.parametrize(
    ("text", "abbreviation", "defined"),
    [
        ("Les prix sont exprimés hors taxes (HT).", "ht", True),
        ("Le règlement général sur la protection des données (RGPD) s'applique.", "rgpd", True),
        ("Le prix est de 1 200 € (HT).", "ht", False),
        ("Ces données sont traitées selon la loi (RGPD).", "rgpd", False),
        # final read B: the elided "d'" of "d'utilisation" failed the initials
        ("Les conditions générales d'utilisation (CGU) s'appliquent.", "cgu", True),
    ],
)
def test_an_abbreviation_names_its_document_only_where_it_is_defined(
    text: str, abbreviation: str, defined: bool
) -> None:
    assert (abbreviation in name_words(_doc("x", "Note", text))) is defined


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Que dit l'article 7 des CGV ?", {TERMS.doc_id}),
        ("Que dit l'article 7 des conditions générales de vente ?", {TERMS.doc_id}),
        ("article 3 du règlement intérieur", {RULES.doc_id}),
        ("article 2 de l'avenant", {AMENDMENT.doc_id}),
        ("Que prévoit l'article 2 du contrat de maintenance ?", {CONTRACT.doc_id}),
        ("Que dit l'article 7 ?", set()),
        ("Que dit l'article 2 du contrat de maintenance sur l'avenant ?", {CONTRACT.doc_id}),
        # session 21: the name written before the article, after a source link
        ("Selon les CGV, que dit l'article 7 ?", {TERMS.doc_id}),
        ("D'après le règlement intérieur, que prévoit l'article 3 ?", {RULES.doc_id}),
        ("Selon l'article 7, que se passe-t-il ?", set()),
        ("Que dit l'article 7 selon vous ?", set()),  # after the article: no source link
        ("Under normal conditions, what does article 7 say?", set()),  # review D: no "the"
        ("Per normal conditions, what does article 7 say?", set()),
        ("Under the CGV, what does article 7 say?", {TERMS.doc_id}),
    ],
)
def test_the_document_a_question_names_is_found(question: str, named: set[str]) -> None:
    assert named_among(question, ALL) == named


def test_a_topic_word_names_no_document_only_the_name_after_the_article_does() -> None:
    lease = _doc("c2/lease", "Residential lease")
    pets = _doc("c2/pets-policy", "Pets policy of the residence")
    question = "What does article 5 of the lease say about pets?"
    assert named_among(question, [lease, pets]) == {lease.doc_id}
    question = "According to the lease, what does article 5 say about pets?"
    assert named_among(question, [lease, pets]) == {lease.doc_id}
    assert named_among("In case of pets, what does article 5 say?", [lease, pets]) == set()
    tariffs = _doc("c4/tarifs", "Grille tarifaire 2026")
    terms = _doc("c4/cgv", "Conditions générales de vente", "… hors taxes (HT).")
    assert (
        named_among("Quel est le prix HT de l'abonnement selon l'article 3 ?", [tariffs, terms])
        == set()
    )


def test_a_document_read_again_goes_by_the_names_its_new_text_defines() -> None:
    before = _doc("x", "Note", "Les conditions générales de vente (CGV) s'appliquent.")
    after = _doc("x", "Note", "Les conditions générales d'utilisation (CGU) s'appliquent.")
    assert "cgv" in name_words(before) and "cgu" not in name_words(before)
    assert "cgu" in name_words(after) and "cgv" not in name_words(after)
    assert name_words(before) == name_words(_doc("x", "Note", str(before.text)))


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
        ("First name: Jean", None),  # a form's label: "name" names no part (session 21)
        ("Troisième partie – Fin", (3, "partie")),  # review D: no section cue, yet a part
        ("Titre premier – Dispositions générales", (1, "Titre")),
        ("Livre premier", (1, "Livre")),
        ("Première partie : le contexte", (1, "partie")),
        ("Second Part: Fees", (2, "Part")),
        ("First version: the draft", None),  # a section cue that names no part
        ("Second ticket: refund", None),
        ("Second thoughts on the plan", None),
    ],
)
def test_a_part_numbered_in_words_is_read(text: str, part: tuple[int, str] | None) -> None:
    found = ordinal_part(text)
    assert (found[:2] if found else None) == part
    assert ordinal_number("troisième") == 3 and ordinal_number("résultat") is None


def test_lines_that_may_open_with_a_part_numbered_in_words_are_found_in_any_spelling() -> None:
    text = (
        "## Article premier – Objet\nDIX-SEPTIÈME RÉSOLUTION – Pouvoirs\n**Second Schedule**\n"
        "Les firsts du club\nLe contrat dit premier\nArticle 2 – Durée\n"
    )
    found = [match.group() for match in ordinal_lines().finditer(text)]
    assert found == [
        "## Article premier – Objet",
        "DIX-SEPTIÈME RÉSOLUTION – Pouvoirs",
        "**Second Schedule**",
    ]


@pytest.mark.parametrize(
    ("sentence", "signing"),
    [
        ("Fait à Lyon, le 2 décembre 2025.", True),
        ("Fait à Lyon, le 18 septembre 2025, en deux exemplaires originaux.", True),
        ("Signed at London on 3 May 2024.", True),
        ("Fait à Lyon.", False),  # no date
        ("Les autres stipulations du contrat demeurent inchangées.", False),
        ("Done in 2024, the migration moved 3 servers.", False),
        ("Signé le 3 mai 2024.", True),
        ("Signed-in users can upload up to 10 files.", False),
        ("Signed in London on 3 May 2024.", True),  # final read B: "signed in" was dropped
        ("Executed on 4 cores, the build takes 12 minutes.", False),
        ("Done at 2x speed, the export ends in 2025.", False),
        ("Fait en 2019, l'audit a chiffré le coût à 40 000 €.", False),
        ("Dated at least 30 days before the meeting, the notice is sent in 2024.", False),
        ("Fait à la demande du client, le devis de 2024 est valable un mois.", False),
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
        ("Quelle est la date de signature du contrat ?", True),
        ("Que fait l'article 3 ?", False),
        ("Who signed the contract?", False),
        ("What does the execution clause say?", False),
    ],
)
def test_a_question_asking_where_or_when_signed_is_told(question: str, asks: bool) -> None:
    assert asks_signing(question) is asks


def test_a_signing_line_folds_only_the_words_an_opener_spans(monkeypatch) -> None:
    import citeqa.signing as signing

    folded: list[str] = []
    fold = signing.fold
    monkeypatch.setattr(signing, "fold", lambda word: folded.append(word) or fold(word))
    long_line = (
        "Fait à Lyon, le 2 décembre 2025, en deux exemplaires dont un remis à chaque partie."
    )
    assert is_signing_line(long_line)
    assert len(folded) <= signing._longest_opener() < len(long_line.split())
    assert not is_signing_line("Fait")
    assert not is_signing_line("Fait à la main sans date.")
