"""A question asking how much or how many whose best candidate writes no quantity (only a date,
a year, a code) quotes the near-best candidate writing one (quantities.py; s35 trial a19, a75:
a calendar's deadline line and an application's reference answered "how much")."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.small_corpora import assistant_over

from citeqa.quantities import asks_quantity, quantity_holder, writes_amount, writes_quantity

REFERENCE = "Référence : FDN-2023-0088."
GRANT = "Subvention accordée par la Fondation : 30 000 euros."
FRENCH = ["fr"]


@pytest.mark.parametrize(
    "text",
    [
        REFERENCE,
        "Hartwell Trust - final report due (HT-24-312): 2027-03-31",
        "Dossier déposé le 28 octobre 2022 auprès de la Fondation.",
        "Rapport 2023-2024 (dossier FDN-2023-0088). Période : 1er janvier 2023 - 30 juin 2024.",
        "Assemblée générale 2027: 2027-06-12 14:00 – 17:00",
        "Remis le 20/09/2024 à 9 h 30.",
    ],
)
def test_dates_years_times_and_codes_are_no_quantity(text: str) -> None:
    assert not writes_quantity(text)


@pytest.mark.parametrize(
    "text", [GRANT, "Learners reached: 298", "£58,000 over two years", "71 % sont des femmes"]
)
def test_amounts_counts_and_shares_are_quantities(text: str) -> None:
    assert writes_quantity(text)


def test_only_a_question_asking_a_number_and_no_date_share_or_duration_is_read() -> None:
    assert asks_quantity("Combien avions-nous obtenu de la Fondation en 2023 ?")
    assert asks_quantity("How much did the Trust award?")
    assert not asks_quantity("Combien de temps dure la formation ?")  # a duration
    assert not asks_quantity("When was the report due?")
    assert not asks_quantity("Qui préside l'association ?")


def test_a_near_candidate_writing_a_quantity_replaces_a_best_writing_none() -> None:
    question = "Combien avions-nous obtenu de la Fondation en 2023 ?"
    texts = [REFERENCE, "Dossier déposé le 28 octobre 2022.", GRANT]
    assert quantity_holder(question, texts, [0.48, 0.34, 0.17], FRENCH * 3) == 2
    assert quantity_holder(question, texts, [0.48, 0.34, 0.10], FRENCH * 3) is None  # too far
    assert quantity_holder(question, [GRANT, REFERENCE], [0.2, 0.6], FRENCH * 2) == 0
    assert quantity_holder(question, [GRANT, REFERENCE], [0.6, 0.2], FRENCH * 2) is None
    assert quantity_holder("Qui a signé ?", texts, [0.48, 0.34, 0.17], FRENCH * 3) is None


def test_a_far_rank_writing_a_quantity_never_leads() -> None:
    texts = [REFERENCE, *(f"Dossier FDN-2023-00{n}." for n in range(10, 15)), GRANT]
    ratings = [0.5, 0.45, 0.44, 0.43, 0.42, 0.41, 0.40]
    assert quantity_holder("How much did we get?", texts, ratings, FRENCH * 7) is None


FILES = {
    "Demandes/Demande FDN-2023-0088.md": (
        "# Demande de soutien — Ateliers 2023\n\nAssociation Les Mots, Saint-Étienne.\n"
        "Dossier déposé le 28 octobre 2022 auprès de la Fondation Lire.\n"
        "Référence : FDN-2023-0088.\n"
    ),
    "Rapports/Rapport final FDN-2023-0088.md": (
        "# Rapport final - Ateliers 2023 (dossier FDN-2023-0088)\n\n"
        "Remis le 20 septembre 2024.\n"
        "Subvention accordée par la Fondation : 30 000 euros.\n\n"
        "| Indicateur | Cible | Réalisé |\n|---|---|---|\n| Apprenants | 300 | 268 |\n"
    ),
    "Bénévoles/guide.md": (
        "# Guide du bénévole\n\nLes ateliers ont lieu le mardi et le jeudi.\n"
        "Chaque bénévole suit une formation avant son premier atelier.\n"
        "Nous avions obtenu l'agrément de l'académie en 2019.\n"
    ),
}


def test_how_much_is_answered_by_the_amount_not_the_reference(tmp_path: Path) -> None:
    assistant = assistant_over(FILES, tmp_path / "c", tmp_path / "i")
    answer = assistant.ask("Combien avions-nous obtenu de la Fondation en 2023 ?")
    assert not answer.abstained
    assert "30 000 euros" in answer.citations[0].quote, [c.quote for c in answer.citations]


@pytest.mark.parametrize(
    "text", ["implantée à vingt-quatre kilomètres de Paris", "une régression de deux places"]
)
def test_a_number_in_words_is_a_quantity(text: str) -> None:
    assert writes_quantity(text)  # piaf dev: the top quoting one stays the answer


@pytest.mark.parametrize(
    "text",
    [
        "La salle peut accueillir 2000 personnes.",
        "The hall seats 1950 people.",
        "Capacité : 2000 places assises.",
        "Largeur du tablier : 2040 mm.",
    ],
)
def test_a_number_of_year_digits_with_a_unit_is_a_quantity(text: str) -> None:
    assert writes_quantity(text)  # year_cues.json units_after: a count, not a year


@pytest.mark.parametrize("text", ["Prix de la licence : CHF1200.", "Fee: EUR1500 a year"])
def test_a_currency_code_against_its_figures_is_an_amount_not_a_code(text: str) -> None:
    assert writes_quantity(text)


def test_a_sentence_of_another_language_never_takes_the_lead() -> None:
    texts = ["EULAR recommendations for the management of rheumatoid arthritis", GRANT]
    question = "How many patients were included in 2023?"
    assert quantity_holder(question, texts, [0.42, 0.17], ["en", "fr"]) is None  # bundled q071
    assert quantity_holder(question, texts, [0.42, 0.17], ["en", "en"]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Voir le dossier n° 3.",
        "Bureau au 2e étage.",
        "Version 2.1 du document.",
        "Described in Section 4.2.",
        "Under Article 12 of the contract.",
        "Our 3rd meeting.",
    ],
)
def test_an_ordinal_or_a_numbered_part_is_no_quantity(text: str) -> None:
    assert not writes_quantity(text)


@pytest.mark.parametrize(
    "text",
    [
        "No accidents were reported.",
        "Access is free for members.",
        "Le club compte une centaine de membres.",
        "The committee meets twice a year.",
        "Aucun incident n'a été signalé.",
        "About a dozen volunteers help.",
    ],
)
def test_a_quantity_in_words_is_a_quantity(text: str) -> None:
    assert writes_quantity(text)  # none, free, twice, about a hundred answer how many


def test_the_quantity_lead_reads_the_languages_of_the_few_candidates_it_compares(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import citeqa.answering as answering
    from citeqa.models import Chunk, Document, Sentence
    from citeqa.sentences import ScoredSentence, SentenceBank

    lines = ["Référence : FDN-2023-0088.", "Subvention accordée : 30 000 euros."]
    lines += [f"Ligne {n} du courrier de la fondation." for n in range(20)]
    text = "\n".join(lines)
    starts = [text.index(line) for line in lines]
    sentences = [
        Sentence(doc_id="d", chunk_index=0, start=s, end=s + len(t))
        for s, t in zip(starts, lines, strict=True)
    ]
    document = Document(doc_id="d", title="", path="/d.txt", text=text, sha256="0")
    chunk = Chunk(chunk_id="d:0", doc_id="d", start=0, end=len(text), text=text, lang="fr")
    bank = SentenceBank({"d": document}, [chunk], sentences, None, [frozenset()] * len(lines))
    items = [ScoredSentence(n, 1.0, 0.0, 0.0, 0.0, 1) for n in range(len(lines))]
    read: list[int] = []
    lang_of = answering._sentence_lang
    monkeypatch.setattr(
        answering, "_sentence_lang", lambda b, n, t: read.append(n) or lang_of(b, n, t)
    )
    langs = answering._SentenceLangs(bank, items, lines)
    ratings = [0.5, 0.45] + [0.01] * 20
    assert quantity_holder("Combien la fondation a-t-elle accordé ?", lines, ratings, langs) == 1
    assert sorted(read) == [0, 1] and len(langs) == len(lines)  # not the twenty others
    assert langs[1] == langs[-21] and langs[:2] == [langs[0], langs[1]] and sorted(read) == [0, 1]


@pytest.mark.parametrize(
    "text",
    [
        "Le lycée Jean Moulin compte 1850 élèves à la rentrée.",
        "Effectif : 1850 élèves.",
        "The municipal stadium holds 2000 spectators.",
        "The survey had 1998 respondents across the region.",
    ],
)
def test_a_number_of_year_digits_counting_a_noun_is_a_quantity(text: str) -> None:
    assert writes_quantity(text)  # s37 probe r03: "1850 élèves" was read as a year


@pytest.mark.parametrize(
    "text",
    [
        "En 1850 les élèves étaient peu nombreux.",
        "Since 1990 grants have grown.",
        "The 2023 accounts were approved.",
        "Les comptes de décembre 2024 restent ouverts.",
        "2024 results",
    ],
)
def test_a_year_before_a_plural_word_stays_a_year(text: str) -> None:
    assert not writes_quantity(text)  # year_cues.json year_before, or nothing before it


LYCEE = "Le lycée Jean Moulin, fondé il y a longtemps, compte 1850 élèves à la rentrée."
STAFF = "L'équipe du lycée réunit 45 enseignants et 12 agents autour des élèves."


def test_a_count_of_year_digits_keeps_its_lead() -> None:
    question = "Combien d'élèves compte le lycée ?"
    assert quantity_holder(question, [LYCEE, STAFF], [0.6, 0.5], FRENCH * 2) is None
    english = ["The stadium holds 2000 spectators.", "It offers 4 changing rooms and 2 bars."]
    asked = "How many spectators does the stadium hold?"
    assert quantity_holder(asked, english, [0.6, 0.5], ["en", "en"]) is None


BUFFET = "Le prix du buffet du traiteur est établi sur devis, selon le menu."
BOOKING = "Le traiteur demande de réserver le buffet au moins 15 jours avant la fête."


@pytest.mark.parametrize(
    "text",
    [
        BUFFET,
        "L'adhésion est offerte la première année.",
        "Admission to the museum is included in the city pass.",
        "Catering is available on request.",
        "Le buffet coûte 450.",
        "The fee is £45.",
    ],
)
def test_a_price_in_words_or_beside_a_price_word_is_an_amount(text: str) -> None:
    assert writes_amount(text)


@pytest.mark.parametrize(
    "text", [BOOKING, "The museum shows 3 permanent collections.", "Le club compte 120 membres."]
)
def test_a_duration_or_a_count_is_no_amount(text: str) -> None:
    assert not writes_amount(text)


def test_only_an_amount_replaces_the_best_for_a_price_question() -> None:
    """s37 probe r25: "réserver … 15 jours avant" took the place of "établi sur devis"."""
    question = "Combien coûte le buffet ?"
    assert quantity_holder(question, [BUFFET, BOOKING], [0.6, 0.5], FRENCH * 2) is None
    texts = ["Buffet commandé le 3 mars 2025.", BOOKING, "Le buffet coûte 450 €."]
    assert quantity_holder(question, texts, [0.6, 0.5, 0.4], FRENCH * 3) == 2
    museum = ["Admission opened on 3 March 2025.", "The museum shows 3 permanent collections."]
    assert quantity_holder("How much is admission?", museum, [0.6, 0.5], ["en", "en"]) is None
    assert quantity_holder("How many collections are shown?", museum, [0.6, 0.5], ["en"] * 2) == 1
