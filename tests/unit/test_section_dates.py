"""later_statements.SectionDates: each section of a document dated by its own last-modified
line, sections read from the document's heading lines (code fences only in Markdown)."""

from __future__ import annotations

from citeqa.later_statements import SectionDates


def _event(number: int, day: str) -> str:
    return f"# Event {number}\nLast modified: {day}\nBody {number}.\n\n"


def test_a_plain_texts_tilde_separators_hide_no_section() -> None:
    """Only Markdown has code fences (fences.py): a .txt's pair of "~~~~~~~~~~" separator lines
    holds its section between them, dated by its own last-modified line, not the section
    before (s30 review E: the fence reader hid Event 2's heading)."""
    rule = "\n~~~~~~~~~~\n\n"
    text = _event(1, "2026-01-02") + rule + _event(2, "2026-03-04") + rule + _event(3, "2026-05-06")
    assert SectionDates(text, markdown=False).date_at(text.index("Body 2")) == "2026-03-04"
    assert SectionDates(text, markdown=True).date_at(text.index("Body 2")) == "2026-01-02"


def test_a_hash_line_in_a_code_fence_opens_no_section_of_its_own() -> None:
    """Sections end at headings as citations read them (headingpath.heading_starts): a shell
    comment in a fenced block under a section dated by its last-modified line is of that
    section, not one of no date (later_statements read '#' lines with a scan of its own)."""
    text = (
        "# Runbook\n\n## Restart\n\nLast modified: 2026-09-01\n\n"
        "```\n# stop the service\nsystemctl restart web\n```\n"
    )
    assert SectionDates(text, markdown=True).date_at(text.index("systemctl")) == "2026-09-01"
