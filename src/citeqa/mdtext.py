"""Text of a document, question, file name or id written into Markdown so it renders verbatim.

The exports are Markdown, and what they quote is data: a document line
`[x](javascript:alert(1))` or `<img src=x onerror=alert(1)>` must show as those characters in a
Markdown viewer, not become a link or HTML. They are also read raw, in a text editor, so only
what can start or close markup is escaped: "0.2 mg" and "anti-CD20 (n = 12)" stay as they are.
Neither markdown-it-py nor rich offers a Markdown escape (markdown-it-py's `escapeHtml` covers
HTML only), hence these two functions:

- `md_text`: text in a paragraph, heading, list item or blockquote (CommonMark, plus GitHub's
  strikethrough `~` and math `$`). Anywhere in a line: `` ` ``, `*`, `[`, `]`, `~`, `$` and a
  `_` not between two letters or digits are backslash-escaped; `\\` before ASCII punctuation or
  at a line's end (a hard break) is doubled; `<` before a letter, `/`, `!` or `?` (a tag,
  comment or autolink) and `&` opening a character reference become `&lt;` / `&amp;`; a run of
  `#` ending the line (a heading's closing sequence) is escaped. At a line's start, what would
  make a block: `#` (heading), `>` (blockquote), `-` / `+` before a blank or the line's end
  and `-` before `-` (list item, thematic break, setext underline), `=`-only lines (setext),
  `12.` / `12)` (ordered list); a line made only of `-`, `:`, `|` and blanks (a table's
  delimiter row) has its first character and every `|` escaped. `!` needs no escape (`![`
  cannot open an image once `[` is escaped), nor do `( ) { } . + - = | > &` elsewhere.
  Leading and trailing blanks of each line are dropped (indentation would make an indented
  code block; two trailing spaces a hard break).
  GitHub-flavoured viewers still turn a bare `www.x.org` or `https://x.org` into a link: left
  alone, as such a link shows exactly its own target and only for http(s)/mailto (no
  `javascript:`), so the rendered text is the document's.
- `code_span`: a name, id or path as a code span, fenced by one backtick more than the longest
  run inside it, so a backtick in a path cannot end the span early.

Both expect text already cleaned of control characters (citeqa.visible).
"""

from __future__ import annotations

import re

_INLINE = re.compile(
    r"[`*\[\]~$]"  # code, emphasis, links and images, strikethrough / fences, math
    r"|\\(?=[!-/:-@\[-`{-~]|$)"  # a backslash that would escape or break
    r"|(?<![^\W_])_|_(?![^\W_])"  # an underscore not inside a word
    r"|<(?=[A-Za-z/!?])"  # a tag, comment, declaration or autolink
    r"|&(?=#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};|[A-Za-z][A-Za-z0-9]*;)"  # a character reference
    r"|(?:(?<=\s)|^)#(?=#*$)"  # a heading's closing sequence
)
_BLOCK_START = re.compile(r"#|>|[-+](?=\s|$)|-(?=-)|=(?==*$)")
_ORDERED = re.compile(r"[0-9]{1,9}(?=[.)](?:\s|$))")
_DELIMITER_ROW = re.compile(r"[-:|\s]*-[-:|\s]*")
_ENTITIES = {"&": "&amp;", "<": "&lt;"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ENTITIES.get(char) or "\\" + char


def _line(line: str) -> str:
    """One line (stripped) escaped, inline markup first, then what would open a block."""
    escaped = _INLINE.sub(_escape, line.strip())
    if _DELIMITER_ROW.fullmatch(escaped):  # no cell of a table's delimiter row survives
        escaped = escaped.replace("|", "\\|")
        return escaped if escaped.startswith("\\") else "\\" + escaped
    if ordered := _ORDERED.match(escaped):
        end = ordered.end()
        return f"{escaped[:end]}\\{escaped[end:]}"
    if _BLOCK_START.match(escaped):
        return "\\" + escaped
    return escaped


def md_text(text: str) -> str:
    """`text` escaped so CommonMark renders exactly its characters (lines stripped of blanks)."""
    return "\n".join(_line(line) for line in text.split("\n"))


def code_span(text: str) -> str:
    """`text` (one line) as a code span that renders it verbatim; "" for empty text."""
    if not text:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = longest > 0 or text.startswith(" ") or text.endswith(" ")
    return f"{fence} {text} {fence}" if padded else f"{fence}{text}{fence}"
