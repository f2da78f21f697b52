"""mdtext.md_text: text renders as itself in CommonMark (plus GitHub's tables and
strikethrough), whatever markup it holds, and ordinary punctuation is left unescaped."""

from __future__ import annotations

import random

import pytest
from markdown_it import MarkdownIt

from citeqa.mdtext import md_text

MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
MARKUP = {
    "link_open", "image", "html_inline", "html_block", "code_block", "fence", "code_inline",
    "heading_open", "bullet_list_open", "ordered_list_open", "hr", "blockquote_open", "em_open",
    "strong_open", "hardbreak", "s_open", "table_open",
}  # fmt: skip
PIECES = [
    *"\\`*_[]<>&!#+-=|~:.()12 \n\tax;$^{}?/é", "www.", "http://", "&amp;", "&#35;", "<a>", "1.",
    "1)", "---", "   ", "_a", "a_",
]  # fmt: skip


def _paragraphs(text: str) -> list[str]:
    """What a viewer shows: blank-line separated paragraphs, lines stripped of blanks."""
    blocks = "\n".join(line.strip() for line in text.split("\n")).split("\n\n")
    return [block.strip("\n") for block in blocks if block.strip("\n")]


def _shown(markdown: str, allowed: str = "") -> list[str]:
    """The rendered paragraphs of `markdown`, asserting it makes no markup but `allowed`."""
    tokens = MARKDOWN.parse(markdown)
    inline = [t for t in tokens if t.type == "inline"]
    kinds = {t.type for t in tokens} | {c.type for t in inline for c in t.children or []}
    assert not kinds & (MARKUP - {allowed}), (markdown, kinds & MARKUP)
    return [
        "".join("\n" if c.type == "softbreak" else c.content for c in t.children or [])
        for t in inline
    ]


@pytest.mark.parametrize("seed", range(3))
def test_any_text_renders_as_itself_in_a_paragraph_a_quote_and_a_heading(seed: int) -> None:
    draw = random.Random(seed)
    for _ in range(1500):
        text = "".join(draw.choice(PIECES) for _ in range(draw.randint(1, 14)))
        escaped = md_text(text)
        expected = _paragraphs(text)
        assert _shown(escaped) == expected, (text, escaped)
        quoted = "\n".join("> " + line for line in escaped.split("\n"))
        assert _shown(quoted, "blockquote_open") == expected, (text, escaped)
        line = " ".join(text.split())
        assert _shown("## 1. " + md_text(line), "heading_open") == [f"1. {line}".strip()]


@pytest.mark.parametrize(
    "text",
    ["0.2 mg", "anti-CD20 (n = 12)", "p < 0.05, R&D, 3-4 {a} snake_case Yes! ~", "a | b", "-5 °C"],
)
def test_ordinary_punctuation_is_not_escaped(text: str) -> None:
    assert md_text(text) == text.replace("~", "\\~")
    assert _shown(md_text(text)) == [text]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("1. a", "1\\. a"), ("12) a", "12\\) a"), ("- a", "\\- a"), ("+ a", "\\+ a"),
        ("# a", "\\# a"), ("> a", "\\> a"), ("a\n===", "a\n\\==="), ("a\n--", "a\n\\--"),
        ("C #", "C \\#"), ("|-|:-:|", "\\|-\\|:-:\\|"), ("<b> &amp; &x", "&lt;b> &amp;amp; &x"),
        ("a\\", "a\\\\"), ("a\\b", "a\\b"), ("[x](y) ![i](j)", "\\[x\\](y) !\\[i\\](j)"),
        ("`a` *b* _c_ x_y $d$ ~~e~~", "\\`a\\` \\*b\\* \\_c\\_ x_y \\$d\\$ \\~\\~e\\~\\~"),
    ],
)  # fmt: skip
def test_markup_is_escaped_only_where_it_would_act(text: str, escaped: str) -> None:
    assert md_text(text) == escaped
