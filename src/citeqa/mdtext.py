"""Text of a document, question, file name or id written into Markdown so it renders verbatim.

The exports are Markdown, and what they quote is data: a document line
`[x](javascript:alert(1))` or `<img src=x onerror=alert(1)>` must show as those characters in a
Markdown viewer, not become a link or HTML. Neither markdown-it-py nor rich offers a Markdown
escape (markdown-it-py's `escapeHtml` covers HTML only), hence these two functions:

- `md_text`: text in a paragraph, heading, list item or blockquote. `&`, `<` and `>` become
  entities (no raw HTML, entity or autolink survives); every other ASCII punctuation character
  that can open or close Markdown (emphasis, links, images, code, headings, list markers, tables,
  setext underlines, hard breaks) is backslash-escaped, which CommonMark allows for any ASCII
  punctuation. Leading and trailing blanks of each line are dropped (indentation would make an
  indented code block, where escapes show literally; two trailing spaces a hard break).
- `code_span`: a name, id or path as a code span, fenced by one backtick more than the longest
  run inside it, so a backtick in a path cannot end the span early.

Both expect text already cleaned of control characters (citeqa.visible).
"""

from __future__ import annotations

import re

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_PUNCTUATION = re.compile(r"[\\`*_{}\[\]()#+\-.!|~=^$&<>]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ENTITIES.get(char) or "\\" + char


def md_text(text: str) -> str:
    """`text` escaped so CommonMark renders exactly its characters (lines stripped of blanks)."""
    lines = [_PUNCTUATION.sub(_escape, line.strip()) for line in text.split("\n")]
    return "\n".join(lines)


def code_span(text: str) -> str:
    """`text` (one line) as a code span that renders it verbatim; "" for empty text."""
    if not text:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = longest > 0 or text.startswith(" ") or text.endswith(" ")
    return f"{fence} {text} {fence}" if padded else f"{fence}{text}{fence}"
