"""Sentences are not cut at an abbreviation's period (language data `sentence_abbreviations`,
English and French), at "n." or "t." before a number, nor inside a bracket that closes soon
after on no sentence end of its own; true sentence ends around them are still cut (s40 trial:
a title "Soil carbon under no-till (J. Appl. Ecol. 2021)" was cut to "… (J. Appl")."""

from __future__ import annotations

import pytest

from citeqa.language import BRACKET_REACH, split_sentences
from citeqa.titles import derived_title


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Soil carbon under no-till (J. Appl. Ecol. 2021) rose.",
        "Proc. Natl. Acad. Sci. USA reported it first.",
        "The yield (see Table 2. Figure 3 shows more) rose.",
        "See n. 4 above for the source.",
        "Des cultures, p. ex. Le maïs, réagissent fortement.",
        "Les résultats (voir M. Dupont. Rapport 2020) sont bons.",
        "Voir t. 2 du rapport annuel.",
        "A value was given (p-value<0. 05 considered significant).",
    ],
)
def test_an_abbreviation_or_a_reference_in_brackets_ends_no_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "(This only works for ASCII. In general, use from().) Then it ends.",
            ["(This only works for ASCII.", "In general, use from().)", "Then it ends."],
        ),
        (
            "It was passed without being eval'ed.  This is a change.",
            ["It was passed without being eval'ed.", "This is a change."],
        ),
        ("He said it (quietly). Then he left.", ["He said it (quietly).", "Then he left."]),
        ("Il y en a 40 environ. La suite vient.", ["Il y en a 40 environ.", "La suite vient."]),
        (
            "We list pens, inks, etc. The rest follows.",
            ["We list pens, inks, etc.", "The rest follows."],
        ),
        ("The word is trop. La suite vient.", ["The word is trop.", "La suite vient."]),
    ],
)
def test_true_sentence_ends_are_still_cut(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Of all referrals for hepatitis C. The most frequent mode was iatrogenic.",
            ["Of all referrals for hepatitis C.", "The most frequent mode was iatrogenic."],
        ),
        (
            "It was run in the U.S. This one was not.",
            ["It was run in the U.S.", "This one was not."],
        ),
        ("Voir l'annexe B. Les montants suivent.", ["Voir l'annexe B.", "Les montants suivent."]),
        ("Rapport rédigé par B. Lauwerys en 2020.", ["Rapport rédigé par B. Lauwerys en 2020."]),
        ("M. Le Pen a parlé.", ["M. Le Pen a parlé."]),
        (
            "[1] Fones H, Gurr S. The impact of Septoria on wheat.",
            ["[1] Fones H, Gurr S. The impact of Septoria on wheat."],
        ),
        (
            'Fisher, R.A. "The use of measurements" (1936).',
            ['Fisher, R.A. "The use of measurements" (1936).'],
        ),
    ],
)
def test_an_initial_ends_a_sentence_only_before_a_word_opening_one(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


def test_a_long_aside_in_brackets_is_cut_at_its_sentences() -> None:
    aside = "A long aside. Then " + "word " * (BRACKET_REACH // 5) + "more"
    text = f"Before ({aside}) after."
    assert len(sentences(text)) == 2


def test_an_unclosed_bracket_holds_no_sentence_end() -> None:
    assert sentences("Results (early. They rose.") == ["Results (early.", "They rose."]


def test_a_title_is_not_cut_at_a_journal_abbreviation() -> None:
    text = "Soil carbon under no-till (J. Appl. Ecol. 2021). Tillage lowers soil carbon.\n\nBody.\n"
    assert derived_title(text, "soil.txt") == "Soil carbon under no-till (J. Appl. Ecol. 2021)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La boutique est au 4 pl. Vendôme à Paris. Elle ouvre à 9 h.",
            ["La boutique est au 4 pl. Vendôme à Paris.", "Elle ouvre à 9 h."],
        ),
        (
            "Le siège est au 12 fg. Saint-Antoine. Il ouvre à 9 h.",
            ["Le siège est au 12 fg. Saint-Antoine.", "Il ouvre à 9 h."],
        ),
        (
            "Le dépôt est au 3 fbg. Saint-Denis. Il ferme à 18 h.",
            ["Le dépôt est au 3 fbg. Saint-Denis.", "Il ferme à 18 h."],
        ),
        (
            "The office is at 200 Park Ave. South in New York. It opens at 9.",
            ["The office is at 200 Park Ave. South in New York.", "It opens at 9."],
        ),
        (
            "The shop is on Sunset Blvd. West in Los Angeles. It opens at 10.",
            ["The shop is on Sunset Blvd. West in Los Angeles.", "It opens at 10."],
        ),
    ],
)
def test_a_street_abbreviation_ends_no_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
