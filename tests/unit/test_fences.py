"""Where a text's code fences lie (fences.py): what headingpath and numbered_sections skip."""

from __future__ import annotations

from citeqa.fences import cached_fences, code_fences, is_output_fence


def test_a_fence_closes_on_the_same_mark_at_least_as_long() -> None:
    text = "A\n\n````\n```\n# in\n````\n# out\n"
    fences = code_fences(text)
    assert fences.holds(text.index("# in")) and not fences.holds(text.index("# out"))


def test_a_fence_never_closed_opens_none_and_an_inline_run_opens_none() -> None:
    """Unclosed, a fence would hide every later heading and numbered line (CommonMark runs it
    to the end; the build's block reader, blocks._fenced_lines, reads none, and so do these)."""
    unclosed = "A\n\n```\n# out\n\n~~~\n# out too\n"
    fences = code_fences(unclosed)
    assert not fences.holds(unclosed.index("# out")) and not fences.holds(unclosed.index("too"))
    inline = "```a``` b\n# out\n"
    assert not code_fences(inline).holds(inline.index("# out"))


def test_a_tilde_line_under_text_is_an_underline_not_a_fence() -> None:
    text = "Title\n~~~~~\n\n# out\n\nOther\n~~~~~\n"
    assert not code_fences(text).holds(text.index("# out"))
    fenced = "Text.\n\n~~~\n# in\n~~~\n"
    assert code_fences(fenced).holds(fenced.index("# in"))


def test_back_to_back_fences_are_each_their_own_span() -> None:
    """A file of fence lines only (s19 hostile 8: 12 million of them, now held as two integer
    arrays): each pair of lines is one fence, held from its opening line to its closing one,
    and an odd last line opens none."""
    text = "```\n" * 5
    fences = code_fences(text)
    assert list(zip(fences.starts, fences.ends, strict=True)) == [(0, 7), (8, 15)]
    held = [True] * 7 + [False]  # a fence ends with its closing line's last mark
    assert [fences.holds(at) for at in range(len(text))] == held * 2 + [False] * 4


def test_around_names_the_fence_holding_an_offset_and_none_outside() -> None:
    text = "Intro.\n\n```sql\nSELECT 1;\n```\n\nAfter.\n"
    fences = code_fences(text)
    opening, closing = text.index("```sql"), text.rindex("```") + 3
    assert fences.around(text.index("SELECT")) == (opening, closing)
    assert fences.around(text.index("After")) is None and fences.around(0) is None


def test_an_output_block_s_fence_is_told_from_a_code_fence() -> None:
    text = "```python\nprint(1)\n```\n\n```output\n1\n```\n"
    fences = cached_fences(text)
    assert fences is cached_fences(text)  # found once for the modules reading code and output
    assert [is_output_fence(text, start) for start in fences.starts] == [False, True]
    assert not is_output_fence("```outputs\n1\n```\n", 0)
