"""keyed_lines: a whole line opening with a key word or two before its values, beside another
such line, is a keyed line; prose, a lone line, a table row or a long label is not."""

from __future__ import annotations

from citeqa.keyed_lines import (
    header_line,
    keyed_line,
    line_key,
    looks_up_line,
    names_line,
    unnamed_keyed_line,
)
from citeqa.questions import QuestionTerms

LINES = "Horaires\nLundi 8 h 30 - 12 h 00\nMardi 9 h 00 - 12 h 00\n\nSeul 5 h\n"


def span(text: str, line: str) -> tuple[int, int]:
    start = text.index(line)
    return start, start + len(line)


def test_a_line_opening_with_a_word_before_its_values_has_that_key() -> None:
    assert line_key(LINES, *span(LINES, "Lundi 8 h 30 - 12 h 00")) == "Lundi"
    text = "Carte 10 entrées adulte 30,00 €\n"
    assert line_key(text, *span(text, "Carte 10 entrées adulte 30,00 €")) == "Carte"


def test_no_key_for_a_line_without_a_digit_a_table_row_a_long_label_or_part_of_a_line() -> None:
    assert line_key(LINES, *span(LINES, "Horaires")) is None
    row = "| Pro | $99 |\n"
    assert line_key(row, 0, len(row) - 1) is None
    long = "Le délai moyen est de 6 semaines\n"
    assert line_key(long, 0, len(long) - 1) is None
    assert line_key(LINES, *span(LINES, "h 30 - 12 h 00")) is None


def test_a_keyed_line_needs_a_keyed_neighbour_of_another_key() -> None:
    assert keyed_line(LINES, *span(LINES, "Mardi 9 h 00 - 12 h 00")) == "Mardi"
    assert keyed_line(LINES, *span(LINES, "Seul 5 h")) is None  # a blank line above it
    same = "Lot 1 vis\nLot 2 écrous\n"
    assert keyed_line(same, *span(same, "Lot 1 vis")) is None
    crlf = "Lundi 8 h\r\nMardi 9 h\r\n"
    assert keyed_line(crlf, *span(crlf, "Lundi 8 h")) == "Lundi"


def test_a_line_is_named_when_the_question_writes_its_key_whole() -> None:
    thursday = QuestionTerms(focus="Quels sont les horaires le lundi ?")
    assert names_line(LINES, *span(LINES, "Lundi 8 h 30 - 12 h 00"), thursday)
    assert not names_line(LINES, *span(LINES, "Mardi 9 h 00 - 12 h 00"), thursday)


def test_a_line_is_looked_up_only_by_a_day_or_month_key_the_question_writes_as_a_key() -> None:
    gym = "Reception 8 h 00\nOpen 7 days a week, 6 h 00\nPool 7 h 00\n"
    opened = QuestionTerms(focus="Is the gym open on public holidays?")
    assert not looks_up_line(gym, *span(gym, "Open 7 days a week, 6 h 00"), opened)
    mixed = "Monday 7 h 00\nFree 12 h 00\nMay 9 h 00\nSunday 8 h 00\n"
    in_may = QuestionTerms(focus="Does the pool close in May?")
    assert not looks_up_line(mixed, *span(mixed, "May 9 h 00"), in_may)  # "Free" keys no date
    months = "April 9 h 00\nMay 9 h 00\nJune 8 h 00\n"
    assert looks_up_line(months, *span(months, "May 9 h 00"), in_may)
    modal = QuestionTerms(focus="May I bring a guest?")
    assert not looks_up_line(months, *span(months, "May 9 h 00"), modal)


FIGURES = (
    "Table 2.1 Headline figures, 2025 and 2024\nIndicator 2025 2024\n"
    "Households connected (cumulative) 48,200 39,750\nSchools with sanitation blocks 126 98\n"
    "Staff (full-time equivalent) 212 187\nVolunteers 1,380 1,120\n"
    "A household counts as connected when a tap is within reach.\n"
)


def test_a_parenthesised_qualifier_after_a_key_is_no_part_of_it() -> None:
    staff = "Staff (full-time equivalent) 212 187"
    assert line_key(FIGURES, *span(FIGURES, staff)) == "Staff"
    households = "Households connected (cumulative) 48,200 39,750"
    assert line_key(FIGURES, *span(FIGURES, households)) == "Households connected"
    assert keyed_line(FIGURES, *span(FIGURES, "Volunteers 1,380 1,120")) == "Volunteers"


def test_a_keyed_line_of_a_key_the_question_does_not_write_is_unnamed() -> None:
    volunteers = QuestionTerms(focus="How many volunteers were there in 2024?")
    assert unnamed_keyed_line(FIGURES, *span(FIGURES, "Indicator 2025 2024"), volunteers)
    assert not unnamed_keyed_line(FIGURES, *span(FIGURES, "Volunteers 1,380 1,120"), volunteers)
    assert not unnamed_keyed_line(LINES, *span(LINES, "Horaires"), volunteers)  # no keyed line


def test_a_line_of_values_has_the_line_labelling_its_years_above_it_as_header() -> None:
    header = span(FIGURES, "Indicator 2025 2024")
    assert header_line(FIGURES, FIGURES.index("Volunteers 1,380")) == header
    assert header_line(FIGURES, FIGURES.index("Households connected")) == header
    assert header_line(FIGURES, FIGURES.index("Indicator")) is None  # a caption is no header
    assert header_line(LINES, LINES.index("Mardi")) is None  # no years' line over a timetable
    apart = "Indicator 2025 2024\n\nVolunteers 1,380 1,120\n"
    assert header_line(apart, apart.index("Volunteers")) is None  # a blank line ends the run
