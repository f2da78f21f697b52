"""A page ending in unclosed tags (`"<a " * 8000`) reads as html.parser reads it, text, but in
one pass: html.parser scanned the rest of the page again for each "<" of such a tail once the
page was closed, so its cost grew with the tail's square (benchmarks/html_nesting_cost.py
prints the seconds)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from citeqa.readers.html import html_visible_text


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("<p>Hello <b>x</b> tail <a href", "Hello x tail <a href"),
        ("<p>a</p> b < c <d e &amp; <x", "a\n\nb < c <d e & <x"),
        ("<div>Text</div> <a <a <a hello", "Text\n\n<a <a <a hello"),
        ("<p>x &lt; y</p> z <", "x < y\n\nz <"),
        ("<p>x</p><script>var a = 1 < 2; <b", "x"),
        ("<p>closed</p>", "closed"),
    ],
)
def test_an_unclosed_tail_is_read_as_text(page: str, text: str) -> None:
    assert html_visible_text(page)[0] == text


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("<p>x</p><!-- abc", "x"),
        ("<p>x</p> y <!-- a > b", "x\n\ny"),  # its ">" closes no comment
        ("<p>x</p><!abc", "x"),
        ("<p>x</p> y <?abc", "x\n\ny"),
        ("<p>x</p><![CDATA[ab", "x"),
        ("<p>x</p><!-- closed --> z", "x\n\nz"),
    ],
)
def test_an_unclosed_comment_or_declaration_ending_the_page_is_dropped(
    page: str, text: str
) -> None:
    """HTML5 drops what an unclosed "<!--", "<!" or "<?" opens to the end of the page; which
    html.parser read as text or a comment depending on Python's patch level."""
    assert html_visible_text(page)[0] == text


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("<p>x</p><![ x>", "x\n\n<![ x>"),
        ("<p>x</p><![foo x> <p>y</p>", "x\n\n<![foo x>\n\ny"),
        ("<p>x</p><![if !IE]><p>y</p><![endif]>", "x\n\ny"),
    ],
)
def test_a_marked_section_html_parser_cannot_read_is_text(page: str, text: str) -> None:
    """ "<![" naming no section _markupbase knows raised an AssertionError (an internal error)."""
    assert html_visible_text(page)[0] == text


def test_an_unclosed_tail_is_not_parsed_for_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each start tag is tried once: none of the tail's 500 "<a " (each try scanned the rest)."""
    tried: list[int] = []
    parse_starttag = HTMLParser.parse_starttag

    def counted(self: HTMLParser, i: int) -> int:
        tried.append(i)
        return parse_starttag(self, i)

    monkeypatch.setattr(HTMLParser, "parse_starttag", counted)
    text, _ = html_visible_text("<p>Intro</p>" + "<a " * 500)
    assert text.startswith("Intro\n\n<a <a")
    assert len(tried) == 1  # the <p>
