"""Document text becomes literal, offset-preserving display content."""

from __future__ import annotations

from citeqa.tui.conversation import READ_WITH_CHARS, read_with_text
from citeqa.tui.safe_text import assemble, clean, highlighted, one_line, plain


def test_clean_replaces_controls_one_for_one():
    raw = "a\x1b[31mb\x00c\td\ne\r\n\x7f\x9b\u202ez"
    cleaned = clean(raw)
    assert len(cleaned) == len(raw)
    assert "\x1b" not in cleaned and "\x00" not in cleaned and "\u202e" not in cleaned
    assert "\t" in cleaned and "\n" in cleaned
    assert cleaned.startswith("a␛[31mb␀c")


def test_markup_is_never_parsed():
    content = plain("[bold]x[/bold] [link=http://evil]y[/link]")
    assert content.plain == "[bold]x[/bold] [link=http://evil]y[/link]"
    assert content.spans == []
    mixed = assemble(("[b]", "bold"), "[i]x[/i]")
    assert mixed.plain == "[b][i]x[/i]"


def test_highlight_clamps_and_keeps_offsets():
    content = highlighted("ab\x1bcdef", 2, 4, "reverse")
    assert content.plain == "ab␛cdef"
    assert [(s.start, s.end) for s in content.spans] == [(2, 4)]
    assert highlighted("abc", 5, 9, "reverse").spans == []


def test_one_line_collapses_whitespace():
    assert one_line(" a\n\n b\t c ") == "a b c"


def test_viewer_split_cuts_at_line_breaks_around_the_quote():
    from citeqa.tui.screens.viewer import split_around

    text = "one\ntwo three\nfour\nfive"
    cases = {
        (0, 3): ("", "one", "two three\nfour\nfive"),
        (8, 13): ("one", "two three", "four\nfive"),
        (8, 18): ("one", "two three\nfour", "five"),
        (19, 23): ("one\ntwo three\nfour", "five", ""),
    }
    for (start, end), expected in cases.items():
        parts = split_around(highlighted(text, start, end, "reverse"), start, end)
        assert tuple(p.plain for p in parts) == expected
        offset = len(expected[0]) + 1 if expected[0] else 0
        spans = [(s.start + offset, s.end + offset) for s in parts[1].spans]
        assert spans == [(start, end)]


def test_the_read_with_line_is_one_clean_line_ending_with_the_previous_question():
    previous = "What was [b]the\x1b[31m\nresponse\u202e? " + "And in the placebo group? " * 5
    line = read_with_text(previous)
    assert line.startswith("↳ read with your previous question: “…")
    assert line.endswith("And in the placebo group?”")
    assert len(line) <= len("↳ read with your previous question: “”") + READ_WITH_CHARS
    assert "\n" not in line and "\x1b" not in line and "\u202e" not in line
    short = read_with_text("What was the\x1b[31m response?")
    assert short == "↳ read with your previous question: “What was the␛[31m response?”"
