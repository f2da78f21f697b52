"""The values a sentence states (stated_values.values), which tell a restatement with another
value from the same statement: digits normalised (groups of thousands, decimal comma or point,
trailing zeros), runs of number words read as one number, in the sentence's language only."""

from __future__ import annotations

import pytest

from citeqa.stated_values import values


def test_groups_of_thousands_are_one_value_whatever_the_space() -> None:
    assert values("fixé à 48 000 euros", "fr") == {"48000"}
    assert values("fixé à 48\u202f000 euros", "fr") == {"48000"}
    assert values("52 800 euros à compter du 1er juillet 2025", "fr") == {"52800", "1", "2025"}


@pytest.mark.parametrize(
    ("one", "other", "lang"),
    [
        ("48 000 euros", "48,000 euros", "fr"),
        ("48\u202f000 euros", "48000 euros", "fr"),
        ("48,000 dollars", "48.000 dollars", "en"),
        ("10,00 €", "10 €", "fr"),
        ("2,70 euros par jour", "2.70 euros par jour", "fr"),
        ("1 234,50 €", "1,234.5 €", "fr"),
        ("vingt-cinq jours ouvrés", "25 jours ouvrés", "fr"),
        ("forty-eight hours", "48 hours", "en"),
        ("two hundred euros", "200 euros", "en"),
        ("one hundred and five days", "105 days", "en"),
        ("quatre-vingt-dix-neuf euros", "99 euros", "fr"),
        ("vingt et un jours", "21 jours", "fr"),
        ("deux cents euros", "200 euros", "fr"),
        ("trois mille euros", "3 000 euros", "fr"),
    ],
)
def test_one_value_written_two_ways_is_one_value(one: str, other: str, lang: str) -> None:
    assert values(one, lang) == values(other, lang)


@pytest.mark.parametrize(
    ("one", "other", "lang"),
    [
        ("sous huit jours", "sous quinze jours", "fr"),
        ("vingt-cinq jours", "vingt-six jours", "fr"),
        ("2,70 euros", "2,07 euros", "fr"),
        ("version 2.5.1", "version 2.5", "en"),
    ],
)
def test_different_values_stay_different(one: str, other: str, lang: str) -> None:
    assert values(one, lang) != values(other, lang)


def test_number_words_are_read_in_the_sentences_language_only() -> None:
    assert values("within fifteen days", "en") == {"15"} == values("sous quinze jours", "fr")
    assert values("The police may seize the goods.", "en") == frozenset()
    assert values("Signed in Sept. 2024.", "en") == {"2024"}
    assert values("five per cent of the rent", "en") == {"5"}
    assert values("cinq pour cent du loyer", "fr") == {"5"}


def test_a_word_that_is_also_an_ordinary_word_is_no_number_where_it_reads_as_one() -> None:
    assert values("Le bâtiment est neuf.", "fr") == frozenset()
    assert values("un logement neuf et meublé", "fr") == frozenset()
    assert values("signé le 15 sept. 2024", "fr") == {"15", "2024"}
    assert values("pour neuf années entières", "fr") == {"9"}
    assert values("Sept jours ouvrés suffisent.", "fr") == {"7"}
    assert values("dix-neuf jours", "fr") == {"19"}


def test_articles_that_also_mean_one_state_no_value() -> None:
    assert values("Une indemnité est versée à un salarié, one of them.", "fr") == frozenset()
    assert values("one of them", "en") == frozenset()


@pytest.mark.parametrize(
    ("one", "other", "lang"),
    [
        ("twenty-one thousand dollars per year", "21000 dollars per year", "en"),
        ("Twenty One people", "21 people", "en"),
        ("thirty-one days", "31 days", "en"),
        ("zero point five litres", "0.5 litres", "en"),
        ("one point five litres", "1.5 litres", "en"),
        ("two point seven five metres", "2.75 metres", "en"),
        ("vingt-et-un jours", "21 jours", "fr"),
        ("soixante-dix-sept euros", "77 euros", "fr"),
        ("quatre-vingt-un euros", "81 euros", "fr"),
        ("deux virgule cinq litres", "2,5 litres", "fr"),
        ("deux virgule vingt-cinq litres", "2,25 litres", "fr"),
        ("one hundred one days", "101 days", "en"),
        ("two thousand one cases", "2001 cases", "en"),
        ("cent un jours", "101 jours", "fr"),
        ("mille un euros", "1001 euros", "fr"),
        ("the twenty-first meeting", "the 21st meeting", "en"),
        ("le vingt et unième jour", "le 21 jour", "fr"),
    ],
)
def test_compound_and_decimal_number_words_read_as_their_digits(
    one: str, other: str, lang: str
) -> None:
    assert values(one, lang) == values(other, lang) != frozenset()


def test_number_words_read_no_value_where_unsure_never_a_wrong_one() -> None:
    assert values("two point twenty five metres", "en") == frozenset()
    assert values("at one point he left", "en") == frozenset()
    assert values("one of them", "en") == frozenset()
    assert values("at one point three of them left", "en") == frozenset()
    assert values("à un moment, deux virgule trois des invités partirent", "fr") == frozenset()
    # an ordinal that is no unit after tens: a fraction or unsure, never the run alone
    assert values("one hundredth of a second", "en") == frozenset()
    assert values("the two hundred twentieth day", "en") == frozenset()
    assert values("a twenty second delay", "en") == frozenset()


def test_a_long_digit_run_is_kept_as_written_never_raising() -> None:
    assert values("code " + "1" * 5_000, "en") == {"1" * 5_000}
    assert values("code " + "1" * 5_000 + ",5", "en") == {"1" * 5_000 + ".5"}
