"""A question asking a price whose quotes write none is answered by a candidate writing an
amount and the thing priced (quantities.priced_answer), and one asking how many of a thing whose
quotes write no quantity is refused saying so (quantities.uncounted).

s53 trial (a French climbing club's folder): "Combien paie un invité ?" quoted the rule "L'invité
paie une entrée à la séance…" and was refused for writing no price, though the price list's
"| Entrée à la séance (invité) | 9 € |" was among the candidates; "Combien de voies compte la
salle ?" (no document gives it) quoted a safety rule at .37. And a French closed question (a
verb before its subject pronoun: "Peut-on payer en plusieurs fois ?") asks yes or no, not an
amount (asked_values.json): the price list's first row was quoted for it."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.asked_values import asked_kinds
from citeqa.quantities import price_subject, priced_answer, uncounted
from small_corpora import assistant_over

RULES = """# Règlement intérieur de la salle

## Sécurité

Le port du baudrier est obligatoire sur le mur de voies.

Il est interdit de grimper seul sur le mur de voies. Le bloc peut se pratiquer seul.

## Invités

Chaque adhérent peut inviter une personne extérieure au club quatre fois par an.
L'invité paie une entrée à la séance et signe la décharge à l'accueil.
"""

PRICES = """<html><body>
<h1>Tarifs de la saison 2026-2027</h1>
<table>
<tr><th>Formule</th><th>Prix</th></tr>
<tr><td>Adhésion adulte</td><td>215 €</td></tr>
<tr><td>Entrée à la séance (invité)</td><td>9 €</td></tr>
<tr><td>Location de chaussons</td><td>3 €</td></tr>
</table>
<p>Le paiement en trois fois sans frais est possible par chèque.</p>
</body></html>
"""

STATUTES = """Statuts de l'association

Article 6 — Conseil d'administration
L'association est dirigée par un conseil de neuf membres élus pour trois ans.
"""


@pytest.fixture(scope="module")
def club(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"reglement.md": RULES, "tarifs.html": PRICES, "statuts.txt": STATUTES},
        tmp_path_factory.mktemp("club"),
        tmp_path_factory.mktemp("index"),
    )


def test_a_price_is_quoted_from_the_row_naming_what_is_priced(club: Assistant) -> None:
    answer = club.ask("Combien paie un invité ?")
    assert not answer.abstained, answer.answer
    assert "9 €" in answer.citations[0].quote, answer.citations[0].quote


def test_a_count_no_passage_writes_is_refused(club: Assistant) -> None:
    answer = club.ask("Combien de voies compte la salle ?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert "aucun nombre de “voies”" in answer.answer, answer.answer


def test_a_count_written_in_words_is_quoted(club: Assistant) -> None:
    answer = club.ask("Combien de membres compte le conseil d'administration ?")
    assert not answer.abstained, answer.answer
    assert "neuf membres" in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "quotes", "counted"),
    [
        ("Combien de voies compte la salle ?", ["Il est interdit de grimper seul."], "voies"),
        ("How many patients were enrolled?", ["Patients came from four sites."], None),
        ("How many patients were enrolled?", ["Patients were enrolled at each site."], "patients"),
        ("Combien de voies ?", ["La salle compte une quarantaine de voies."], None),
        ("Combien de voies ?", ["| Voies | 45 |"], None),
        ("Are there how many routes?", ["No figure here."], None),  # yes or no first
        ("What lowered the number of those complications?", ["Complications rose."], None),
        ("Acupuncture: does the number of needles matter?", ["Needles are used."], None),
        ("Combien coûte l'adhésion ?", ["Aucun chiffre."], None),  # no count asked
    ],
)
def test_a_count_is_lacking_only_when_no_quote_writes_a_quantity(
    question: str, quotes: list[str], counted: str | None
) -> None:
    found = uncounted(question, quotes)
    assert (found and found.word) == counted


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        ("| Entrée à la séance (invité) | 9 € |", True),
        ("| Entrée à la séance (invités) | 9 |", True),  # a price column's bare figure
        ("| Adhésion adulte | 215 € |", False),  # another thing's price
        ("L'invité paie une entrée à la séance.", False),  # no amount
    ],
)
def test_a_candidate_answers_a_price_with_an_amount_and_the_thing_priced(
    text: str, answers: bool
) -> None:
    subject = price_subject("Combien paie un invité ?")
    assert subject == {"invite"}
    assert priced_answer(subject, text) is answers


def test_a_question_naming_nothing_priced_takes_no_candidate() -> None:
    subject = price_subject("Combien ça coûte ?")
    assert priced_answer(subject, "| Adhésion adulte | 215 € |") is False


def test_a_french_closed_question_is_answered_by_its_rule(club: Assistant) -> None:
    answer = club.ask("Peut-on payer en plusieurs fois ?")
    assert not answer.abstained, answer.answer
    assert "trois fois sans frais" in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("Peut-on payer en plusieurs fois ?", ()),
        ("Faut-il payer la licence ?", ()),
        ("Puis-je payer par chèque ?", ()),
        ("Peut-on savoir combien coûte la licence ?", ("amount",)),  # the figure asked
        ("Combien coûte-t-elle ?", ("amount",)),
        ("Rendez-vous à quelle heure ?", ("time",)),  # a noun, no inversion
    ],
)
def test_a_verb_before_its_pronoun_asks_yes_or_no(question: str, kinds: tuple[str, ...]) -> None:
    assert asked_kinds(question) == kinds
