"""A line of prose ending with a colon carries its sentence on into the short line closing it.

The s34 trial's minutes wrote "…à partir de février 2026 ; maître de stage :" over
"Dr Vasseur.": cut at the colon, the answer "Dr Vasseur." stood apart from its question's words
and a quote of it ran on into the next item.
"""

from __future__ import annotations

from citeqa.language import split_sentences

LEAD = "3. Hiring: the clinic takes on a trainee from February 2026 for six months; the tutor is:"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_a_long_line_ending_with_a_colon_runs_into_the_value_closing_it() -> None:
    text = f"{LEAD}\nDr Moreau.\n4. Website: Anna updates the access page."
    assert sentences(text) == [
        f"{LEAD}\nDr Moreau.",
        "4. Website: Anna updates the access page.",
    ]


def test_a_short_greeting_or_title_ending_with_a_colon_stays_apart() -> None:
    assert sentences("Hi John:\nThe invoice is attached.") == [
        "Hi John:",
        "The invoice is attached.",
    ]
    assert sentences("Article 3 :\nLe loyer est payé le 5 du mois.") == [
        "Article 3 :",
        "Le loyer est payé le 5 du mois.",
    ]


def test_a_lead_in_stays_apart_from_a_command_a_label_or_a_long_line() -> None:
    command = "To install the package on a fresh machine, run the following command:"
    assert sentences(f"{command}\npip install citeqa") == [command, "pip install citeqa"]
    assert sentences(f"{LEAD}\nTutor: Dr Moreau.") == [LEAD, "Tutor: Dr Moreau."]
    long_value = "Dr Moreau, who already supervised two trainees in 2024 and 2025 at the clinic."
    assert sentences(f"{LEAD}\n{long_value}") == [LEAD, long_value]


def test_a_lead_in_stays_apart_from_the_first_item_it_announces_in_lower_case() -> None:
    lead = "Le conseil d'administration élit parmi ses membres un bureau composé de 3 membres :"
    items = "un président, un secrétaire et un trésorier."
    assert sentences(f"{lead}\n{items}") == [lead, items]


def test_a_long_lead_in_stays_apart_from_a_closing_a_heading_or_a_caption() -> None:
    """Review of s35-trialfix: a line of 60 characters or more ending with a colon ran into
    the short line under it whatever it was: a closing formula, a heading, a caption."""
    cases = [
        (
            "Please send the signed contract back to the office, I need it sent me tomorrow:",
            "Best regards.",
        ),
        (
            "The report below describes the survey, its methods and its results in detail:",
            "Introduction.",
        ),
        (
            "Pour toute question sur ce dossier, merci de contacter directement le secrétariat :",
            "Merci.",
        ),
        (
            "Les résultats détaillés des consultations sont présentés ci-dessous pour 2025 :",
            "Tableau 1.",
        ),
    ]
    for lead, line in cases:
        assert len(lead) >= 60
        assert sentences(f"{lead}\n{line}") == [lead, line]


def test_a_long_lead_in_stays_apart_from_a_list_of_short_lines() -> None:
    lead = "The following doctors will see patients at the clinic from today:"
    assert sentences(f"{lead}\nDr Smith.\nDr Jones.\nMs Lee.") == [
        lead,
        "Dr Smith.",
        "Dr Jones.",
        "Ms Lee.",
    ]
    assert sentences(f"{LEAD}\nDr Moreau.\nThe meeting closed at six in the evening.")[0] == (
        f"{LEAD}\nDr Moreau."
    )
