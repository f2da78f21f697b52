"""The one line of a quote that assigns the setting a question names.

A script, a .env file or a settings file writes its settings one a line, with no sentence
punctuation: "CANARY_PERCENT=10      # share of traffic sent to the new version first",
"WEBHOOK_TIMEOUT_MS=4000", "export LOG_LEVEL=debug", "smtp › port: 587" (a settings file as
readers write it). The sentence splitter reads such lines as one sentence, and a question about
one setting quoted five lines of a script's tail, or a whole .env with its database URL and
password (s38 trial, a007, a010). A quote of several lines one of which assigns a name the
question asks (`asked_line`) is cut to that line, its comment kept.

A name is asked when the question writes it whole ("What is WEBHOOK_TIMEOUT_MS?"), or writes
each of its parts, of which it has two or more, split at "_", ".", "-" and " › " (a part
written as a word it opens, "percentage" for PERCENT; no part shorter than MIN_PART letters
read so): "the canary percentage" asks CANARY_PERCENT, not CANARY_MINUTES. A name of one word
is asked only whole and only assigned by "=" ("PORT=8080"): a prose line "Owner: Amira" is
no setting. When several lines are asked, or none, the quote is kept as it was; so it is when
another line of the quote writes a word of the question the asked line does not ("How long does
the canary percentage stay at 10 before going to 100 percent?" is answered by the next line's
"CANARY_MINUTES=30 # … before going to 100 percent": s39 review). A comment line right above the
asked line writing a word of the question it does not is kept with it ("# The secret is rotated
every 90 days" above "WEBHOOK_SECRET=change-me" for "How often is WEBHOOK_SECRET rotated?").
"""

from __future__ import annotations

import re

from citeqa.folding import fold
from citeqa.lexical import content_words, singular

_ASSIGNMENT = re.compile(
    r"[ \t]*(?:(?:export|readonly|declare|local|set)[ \t]+)?"
    r"(?P<name>[^\W\d][\w.-]*(?:[ \t]›[ \t][\w.-]+)*)"
    r"[ \t]*(?:(?P<equals>=)(?!=)|:[ \t])[ \t]*\S"
)
"""A line assigning a name a value: "NAME=value", "export NAME=value", "name: value", "a ›
b: value" (the name opening with a letter; "==" is a comparison)."""
_PARTS = re.compile(r"[ \t]›[ \t]|[_.-]")
_WORDS = re.compile(r"[^\W_]+")
_NAMES = re.compile(r"[^\W\d][\w.-]*[\w]")
MIN_PART = 4
"""A name's part is read as written by a longer question word it opens only from this many
letters ("percent" in "percentage"; "ms" is no opening of "msg")."""


def asked_line(text: str, start: int, end: int, question: str) -> tuple[int, int]:
    """`text[start:end]` cut to its one line assigning a name `question` asks (see the module
    docstring), its trailing blanks left out; the span itself otherwise."""
    lines = _lines(text, start, end)
    if len(lines) < 2:
        return start, end
    asked = _asked(question)
    found = [span for span in lines if _asks(text, span, asked)]
    if len(found) != 1:
        return start, end
    (kept,) = found
    wanted = _question_words(question)
    said = _words(text, kept) & wanted
    opening = _with_comment_above(text, kept, wanted - said)
    others = [line for line in lines if not opening <= line[0] <= kept[0]]
    if any((wanted - said) & _words(text, line) for line in others):
        return start, end  # another line writes what the question asks besides the name
    return opening, kept[1]


_COMMENT = re.compile(r"[ \t]*(?:#(?!!)|//|;|--)")
"""A line opening as a comment in a script, a .env or a settings file (no "#!" line)."""
COMMENT_LINES_ABOVE = 3
"""How many comment lines right above an asked line are looked at for a word it lacks."""


def opens_on_comment(text: str, at: int) -> bool:
    """Whether `text` at `at` opens a comment line (`_COMMENT`): a quote `asked_line` opened on
    the comment above its line, which quoting must not read as a heading to pass over (s39
    final check: "# The secret is rotated every 90 days" of a plain-text .env.example)."""
    return _COMMENT.match(text, at) is not None


def _with_comment_above(text: str, line: tuple[int, int], lacking: set[str]) -> int:
    """Where the quote of `line` starts: the nearest of the comment lines right above it that
    writes one of the `lacking` words, or the line itself."""
    at = line[0]
    for _ in range(COMMENT_LINES_ABOVE):
        if at == 0 or text[at - 1] != "\n":
            break
        above = text.rfind("\n", 0, at - 1) + 1
        if not _COMMENT.match(text, above, at - 1) or not text[above : at - 1].strip():
            break
        if lacking & _words(text, (above, at - 1)):
            return above + len(text[above : at - 1]) - len(text[above : at - 1].lstrip())
        at = above
    return line[0]


def _question_words(question: str) -> set[str]:
    """The question's content words (lexical.content_words), split at "_", as `singular`, but
    for a file name's ("in deploy.sh": the document, whose other lines may write "deploy/")."""
    asked = _FILE_NAME.sub(" ", question)
    return {singular(part) for word in content_words(asked) for part in _WORDS.findall(word)}


_FILE_NAME = re.compile(r"(?<![\w.-])[\w.-]*\w\.[^\W\d_]{1,8}(?![\w.])")
"""A file name a question writes ("deploy.sh", "settings.env.example"), looked for only where a
run of its characters starts: a match inside a run is one from its start, and trying every
start of a long run ("a.a.a.…1") took time quadratic in its length (s40 hostile L1)."""


def _words(text: str, span: tuple[int, int]) -> set[str]:
    """The folded words of `text[span]`, split at "_", as `singular`."""
    return {singular(word) for word in _WORDS.findall(fold(text[span[0] : span[1]]))}


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of `text[start:end]`, each without its trailing blanks."""
    lines = []
    at = start
    while at < end:
        close = text.find("\n", at, end)
        close = end if close < 0 else close
        stop = len(text[at:close].rstrip()) + at
        if stop > at and text[at:stop].strip():
            lines.append((at, stop))
        at = close + 1
    return lines


class _Asked:
    """A question's words (folded) and the names it writes whole (folded)."""

    def __init__(self, words: list[str], names: set[str]) -> None:
        self.words, self.names = words, names


def _asked(question: str) -> _Asked:
    folded = fold(question)
    return _Asked(_WORDS.findall(folded), set(_NAMES.findall(folded)))


def _asks(text: str, span: tuple[int, int], asked: _Asked) -> bool:
    """Whether the line `span` assigns a name `asked` writes whole or part by part."""
    found = _ASSIGNMENT.match(text, span[0], span[1])
    if found is None:
        return False
    name = fold(found.group("name"))
    parts = [part for part in _PARTS.split(name) if part]
    if name in asked.names and (len(parts) >= 2 or found.group("equals")):
        return True
    return len(parts) >= 2 and all(_written(part, asked.words) for part in parts)


def _written(part: str, words: list[str]) -> bool:
    """Whether a name's `part` is one of the question's `words`, or opens one (MIN_PART)."""
    return any(word == part or (len(part) >= MIN_PART and word.startswith(part)) for word in words)
