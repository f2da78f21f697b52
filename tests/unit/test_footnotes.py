"""Markdown footnotes: a quote's marks read as the note shows them, and the notes it cites
found at their own characters, shown after it."""

from __future__ import annotations

from citeqa.footnotes import cited_notes, shown_marks
from citeqa.models import Citation, QuotedNote
from citeqa.readable import as_read, quote_line

NOTE = """# Velarex

The drug was withdrawn in 2019[^2], after a review of 42 serious cases.
Cases of liver injury were reported[^1][^2]. Run `grep '[^3]'` to list them[^old].

[^1]: Mostly in patients over 75 years of age.
[^2]: Only in the European Union.
""".replace("Union.\n", "Union.  \n")  # blanks after a definition's text are no part of it


WITHDRAWN = "The drug was withdrawn in 2019[^2], after a review of 42 serious cases."


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_marks_read_as_the_rendered_note_shows_them() -> None:
    assert shown_marks("withdrawn in 2019[^2], after") == "withdrawn in 2019², after"
    assert shown_marks("see[^note] and[^12]") == "see* and¹²"
    assert shown_marks("`a[^1]` b[^1]") == "`a[^1]` b¹"
    assert as_read("in 2019[^2].", markdown=True) == "in 2019²."
    assert as_read("in 2019[^2].", markdown=False) == "in 2019[^2]."


def test_a_quote_finds_the_text_of_each_note_it_cites() -> None:
    start, end = span_of(
        NOTE, "The drug was withdrawn in 2019[^2], after a review of 42 serious cases."
    )
    notes = cited_notes(NOTE, start, end)
    assert [(label, NOTE[slice(*span)]) for label, span in notes] == [
        ("2", "Only in the European Union.")
    ]


def test_each_note_once_none_from_code_or_undefined() -> None:
    line = "Cases of liver injury were reported[^1][^2]. Run `grep '[^3]'` to list them[^old]."
    start, end = span_of(NOTE, line)
    assert [label for label, _span in cited_notes(NOTE, start, end)] == ["1", "2"]
    start, end = span_of(NOTE, "[^2]: Only")
    assert cited_notes(NOTE, start, end) == []  # a definition's opening cites nothing


def test_the_answer_line_shows_the_note_after_the_quote() -> None:
    start, end = span_of(
        NOTE, "The drug was withdrawn in 2019[^2], after a review of 42 serious cases."
    )
    low, high = span_of(NOTE, "Only in the European Union.")
    citation = Citation(
        n=1,
        doc_id="velarex",
        title="Velarex",
        path="/notes/velarex.md",
        start=start,
        end=end,
        quote=NOTE[start:end],
        notes=[QuotedNote(mark="²", start=low, end=high, text=NOTE[low:high])],
    )
    assert quote_line(citation) == (
        "“The drug was withdrawn in 2019², after a review of 42 serious cases.”"
        " “² Only in the European Union.” [1]"
    )


def test_a_negated_class_after_a_blank_is_no_mark() -> None:
    assert shown_marks("match [^0-9] or [^a] here") == "match [^0-9] or [^a] here"
