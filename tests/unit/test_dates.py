"""Dates written in a text become canonical BM25 terms (dates.py), at index and query time, so a
date asked in one common form finds it written in another."""

from __future__ import annotations

import unicodedata

import pytest

from citeqa.dates import date_terms, impossible_spans
from citeqa.lexical import LexicalIndex, fold, query_tokens, tokenize


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-14",
        "# 2026-03-14 Saturday",
        "2026/03/14",
        "2026‑03‑14",  # non-breaking hyphens
        "2026-03-14T10:00",
        "14/03/2026",
        "14.03.2026",
        "03/14/2026",  # a first number above 12 after one of at most 12: month first
        "March 14, 2026",
        "Mar. 14th 2026",
        "14 March 2026",
        "14th of March, 2026",
        "14 mars 2026",
        "le 14 mars 2026 à 10 h",
        "Samedi 14 Mars 2026",
    ],
)
def test_a_date_with_its_year_gives_the_full_the_month_day_and_the_month_terms(text: str) -> None:
    assert date_terms(fold(text)) == ["2026-03-14", "--03-14", "--03"]


@pytest.mark.parametrize(
    "text", ["March 14", "March 14th", "le 14 mars", "14 March", "14th of March"]
)
def test_a_date_without_its_year_gives_the_month_day_and_the_month_terms(text: str) -> None:
    assert date_terms(fold(text)) == ["--03-14", "--03"]


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2026",  # no such day
        "2026-13-01",  # no such month
        "patients in group 2 may develop a rash",  # "may" after a number, no year: a verb
        "version 1.2.3",
        "56,2 % in 2026",
        "March 2026",  # a month, no day
        "14 h 30",
        "v2.14.03.2026",
        # a longer chain of numbers (review of s16-dates: each gave a date)
        "3/4/2026/5",
        "1/2/3/2026",
        "14-03-2026-15",
        "2026-03-14-15",
        "doi:10.1/12.03.2026",
        "version 3.14.2026",  # dotted numbers are day first: no 14th month
    ],
)
def test_what_is_no_date_gives_no_term(text: str) -> None:
    assert date_terms(fold(text)) == []


def test_a_date_in_numbers_may_end_a_sentence() -> None:
    assert date_terms(fold("Seen on 14/03/2026. Then 2026-03-15.")) == [
        "2026-03-14",
        "--03-14",
        "--03",
        "2026-03-15",
        "--03-15",
    ]  # each term once: March's too


def test_a_dotted_date_is_read_day_first_and_a_slashed_one_month_first_too() -> None:
    assert date_terms(fold("3.04.2026")) == ["2026-04-03", "--04-03", "--04"]
    assert date_terms(fold("3/14/2026")) == ["2026-03-14", "--03-14", "--03"]
    assert date_terms(fold("3.14.2026")) == []


def test_a_month_that_is_a_word_makes_a_date_with_its_year_or_before_its_day() -> None:
    assert date_terms(fold("2 May 2026")) == ["2026-05-02", "--05-02", "--05"]
    assert date_terms(fold("May 2")) == ["--05-02", "--05"]
    assert date_terms(fold("1er mai")) == [
        "--05-01",
        "--05",
    ]  # "mai" is no French word but the month


def test_each_date_is_given_once_in_order() -> None:
    text = "Du 2 avril 2026 au 14/03/2027, puis le 2 avril."
    assert date_terms(fold(text)) == [
        "2026-04-02",
        "--04-02",
        "--04",
        "2027-03-14",
        "--03-14",
        "--03",
    ]


def test_tokens_keep_a_dates_numbers_and_add_its_terms() -> None:
    assert tokenize("Réunion du 14 mars 2026", "fr") == [
        "reunion",
        "14",
        "--03",
        "2026",
        "2026-03-14",
        "--03-14",
        "--03",
    ]
    assert query_tokens("What did I do on 2026-03-14?")[-3:] == ["2026-03-14", "--03-14", "--03"]


PASSAGES = [
    "# 2026-04-14\n- Yoga 30 min.\n- Courses au marché.",
    "Prochaine réunion : le 3 mars 2026 à 14 h, salle Volta.",
    "# 2026-03-14\n- Took Léa to the swimming pool.",
    "### 2023-03-15\nThe weather was grey. 14 people came in March 2026.",
]


@pytest.mark.parametrize(
    "question",
    [
        "2026-03-14",
        "What did I do on 2026-03-14?",
        "What did I do on March 14, 2026?",
        "Qu'ai-je fait le 14 mars 2026 ?",
        "Qu'ai-je fait le 14/03/2026 ?",
    ],
)
def test_a_date_asked_in_one_form_finds_it_written_in_another(question: str) -> None:
    """The s16 trial: the daily note of 2026-03-14 ranked 20th for its own date, behind notes
    holding "2026", "03" and "14" apart."""
    index = LexicalIndex.build([tokenize(text, "fr") for text in PASSAGES])
    assert index.search(query_tokens(question), 1)[0][0] == 2


DIARY = [
    "# 2026-04-14\n- Yoga 30 min.\n- Courses au marché.",
    "# 2026-03-14\n- Took Léa to the swimming pool at 10:00.\n- Called the plumber about the leak.",
    "### 2021-03-14\nThe weather was grey and I stayed in. Travail calme, rien de notable.",
    "### 2024-03-14\nTravail calme, rien de notable. Long call with an old friend.",
]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("question", ["What did I do on March 14?", "What did I do on March 14th?"])
def test_a_month_first_date_without_its_year_is_no_market(lang: str, question: str) -> None:
    """The s16 trial: "What did I do on March 14?" quoted the note of 2026-04-14, whose
    "Courses au marché" stems to "march" in either language, as the question's "March" did;
    the note of 2026-03-14 ranked 4th. A month's full name is its month's term instead: every
    March 14 ranks above the market."""
    index = LexicalIndex.build([tokenize(text, lang) for text in DIARY])
    ranked = [row for row, _ in index.search(query_tokens(question), len(DIARY))]
    assert ranked[-1] == 0 and sorted(ranked[:-1]) == [1, 2, 3]


def test_a_months_name_is_its_month_in_either_language_and_no_other_word() -> None:
    assert tokenize("In March, en mars.", "en") == ["--03", "--03"]
    assert "--03" not in tokenize("Courses au marché, they marched.", "fr")
    assert "--03" not in query_tokens("Où est le marché ?")
    assert query_tokens("What happened in March?")[-1] == "--03"
    assert "march" not in query_tokens("What happened in March?")
    assert "--05" not in tokenize("Patients may develop it in May.", "en")  # "may": a word
    assert "--12" not in tokenize("dec", "en")  # an abbreviation alone: no month


MARCHES = [
    "The soldiers were marching to the river at dawn.",
    "The meeting moved to March, after the audit.",
    "The report was filed in April.",
]


@pytest.mark.parametrize(
    "question", ["Why did the soldiers march?", "Where do soldiers march to?", "soldiers march"]
)
def test_an_english_months_name_written_lowercase_is_a_word_that_finds_its_other_forms(
    question: str,
) -> None:
    """Review of s17-typos: every "march" was "--03", so "Why did the soldiers march?" lost the
    word (no more "marching") and found the month. English writes its months capitalised: a
    lowercase "march" is stemmed, finds "marching", and no March."""
    index = LexicalIndex.build([tokenize(text, "en") for text in MARCHES])
    assert "--03" not in query_tokens(question)
    assert [row for row, _ in index.search(query_tokens(question), 3)] == [0]


@pytest.mark.parametrize(
    ("text", "word", "month"),
    [
        ("an august institution", "august", "--08"),
        ("they march on", "march", "--03"),
        ("the june bug", "june", "--06"),
    ],
)
def test_an_english_months_name_is_its_month_only_capitalised(
    text: str, word: str, month: str
) -> None:
    """In a passage and in a question alike, the case read before folding."""
    for terms in (tokenize(text, "en"), query_tokens(text)):
        assert month not in terms and word in terms
    capitalised = text.replace(word, word.capitalize())
    for terms in (tokenize(capitalised, "en"), query_tokens(capitalised)):
        assert month in terms and word not in terms
    assert tokenize(f"{capitalised}, but {text}", "en").count(month) == 1


def test_a_french_months_name_is_its_month_in_any_case() -> None:
    """French writes its months lowercase ("en mars"): no case to read; "Mars" the planet is
    read as the month too (dates.py says so)."""
    assert tokenize("en mars, En Mars, EN MARS", "fr") == ["--03"] * 3
    assert query_tokens("Qu'a-t-on fait en juin ?")[-1] == "--06"


def test_a_date_without_its_year_finds_that_day_of_any_year_in_either_language() -> None:
    texts = ["On 15 March 2023 it rained.", "On 14 March 2023 it rained.", "Le 14 avril 2023."]
    index = LexicalIndex.build([tokenize(text, "en") for text in texts])
    assert index.search(query_tokens("Et le 14 mars ?"), 1)[0][0] == 1


@pytest.mark.parametrize(
    "text",
    [
        "between January and March 25 patients were enrolled",
        "in May 31 patients",
        "March\n14 participants",  # a date never spans a line
        "14\nmars 2026",
        "14 sept ans",  # French "seven": "sept" is a month with its year only
    ],
)
def test_a_month_and_a_number_in_prose_are_no_date(text: str) -> None:
    """Review of s16-dates: PubMedQA-like prose gave "--03-25", "--03" and "--05-31", "--05"."""
    assert date_terms(fold(text)) == []


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("What did I do on March 14?", ["--03-14", "--03"]),
        ("On March 14, we met.", ["--03-14", "--03"]),
        ("On March 14th we met.", ["--03-14", "--03"]),
        ("On March 14 2026 we met.", ["2026-03-14", "--03-14", "--03"]),
        ("Sept. 14", ["--09-14", "--09"]),
        ("## March 14\nWe met.", ["--03-14", "--03"]),  # a note's heading
        ("le 14 sept 2026", ["2026-09-14", "--09-14", "--09"]),
    ],
)
def test_a_month_first_date_without_its_year_needs_an_ordinal_or_its_phrases_end(
    text: str, terms: list[str]
) -> None:
    assert date_terms(fold(text)) == terms


def test_a_month_that_is_a_word_makes_a_date_after_of() -> None:
    assert date_terms(fold("the 14th of May")) == ["--05-14", "--05"]
    assert date_terms(fold("the 1st may be late")) == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("the dose on 2026-13-45?", ["2026-13-45"]),
        ("31/02/2026 and 14/13/2026", ["31/02/2026", "14/13/2026"]),
        ("le 30 fevrier 2026", ["30 fevrier 2026"]),
        ("february 30, 2026 was", ["february 30, 2026"]),
        ("on 2026-02-29", ["2026-02-29"]),
        ("on 2024-02-29 and 2026-07-14", []),
        ("in may 31 patients, group 2 may", []),
        ("version 1.13.2026", []),
        ("le 5 mai 0000 et le 0000-05-06", ["5 mai 0000", "0000-05-06"]),
    ],
)
def test_a_date_naming_no_day_is_found_where_it_is_written(text: str, written: list[str]) -> None:
    assert [text[start:end] for start, end in impossible_spans(text)] == written


def test_year_zero_is_no_year_of_the_calendar() -> None:
    assert date_terms("le 5 mai 0000, le 31/12/0000 et le 0000-05-06") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Compte rendu : CODIR avec Avril Dupont", "avril"),
        ("Meeting with April Smith.", "april"),
        ("AVRIL Martin a signé", "avril"),
    ],
)
def test_a_month_name_followed_by_a_surname_is_a_person_not_the_month(text: str, name: str) -> None:
    """ "CODIR avec Avril Dupont" was read as April: an undated note answered "What did the
    CODIR decide in April?" (s29 hostile F6). Its name is a word, stemmed."""
    terms = query_tokens(text)
    assert not any(term.startswith("--") for term in terms)
    assert name in terms


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Avril 2025 : budget voté", "--04"),
        ("Le budget du 3 Avril Dupont l'a signé", "--04"),
        ("In April the board met", "--04"),
        ("April Board Meeting", "--04"),
        ("Le CODIR s'est réuni en avril.", "--04"),
        ("Réunion d'Août", "--08"),
    ],
)
def test_a_month_name_as_a_date_stays_the_month(text: str, month: str) -> None:
    assert month in query_tokens(text)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize(
    "text",
    ["Réunion de février, mars et août 2025", "Réunion de Février, March and Août 2025"],
)
def test_a_decomposed_text_names_its_months_as_a_composed_one(form: str, text: str) -> None:
    """Decomposed, "février" ("e" + U+0301) escaped the month pattern, and the flags of the
    names after it shifted: "mars" and "août" were stemmed, not their months (review D of s29)."""
    written = unicodedata.normalize(form, text)
    for terms in (tokenize(written, "fr"), query_tokens(written)):
        assert [term for term in terms if term.startswith("--")] == ["--02", "--03", "--08"]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Budget Avril Mai Juin", ["--04", "--05", "--06"]),
        ("Réunion de Janvier Février", ["--01", "--02"]),
        ("The April Newsletter is out: read the newsletter online.", ["--04"]),
        ("Avril Dupont, Avril 2025", ["--04"]),  # the name, then the month
        ("May Chen and April Smith met.", []),
    ],
)
def test_a_month_name_followed_by_another_month_or_a_common_noun_is_the_month(
    text: str, months: list[str]
) -> None:
    """Review D of s29: a capitalised month before another month's name counted as a first name
    before its surname ("Budget Avril Mai Juin" lost April and May), and so did one before a
    word the text writes lowercase too, a common noun ("April Newsletter")."""
    for terms in (tokenize(text, "fr"), query_tokens(text)):
        assert [term for term in terms if term.startswith("--")] == months
