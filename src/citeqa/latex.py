"""LaTeX markup recognised on a .tex file's verbatim text: sectioning lines, the title, `%`
comments, markup-only lines and `\\item` lines. Pure functions on a line or a text, no I/O.

A .tex file is read as it is (readers/tex.py: every quote is the file's exact characters at
exact offsets), so LaTeX is recognised where it stands rather than rewritten, in documents of
the tex kind only (models.Document.latex, passed on as the callers' `latex` flag: a note
writing "\\item" or "\\end" stays text):
- a sectioning line (`\\section{Results}`, `\\subsection*{Data}`, `\\chapter[Short]{Long}`,
  `\\paragraph{…}`, maybe a `% comment` after it) is a heading whose words are its braces'
  content (`latex_heading`; blocks.py);
- `\\title{…}` gives the document's title, over lines if its braces run over them
  (`latex_title`; readers/tex.py); a line opening with a command is no title's words, but one
  of styled words alone gives them (`opens_with_command`, `whole_argument`,
  `latex_styled_words`; titles.derived_title);
- a line of markup commands alone (`\\documentclass[a4paper]{article}`, `\\usepackage{x}`,
  `\\begin{figure}`, `\\end{itemize}`, `\\label{fig:a}`, `\\maketitle`, `\\newcommand…`) is no
  sentence and no quote runs across it (`is_latex_markup_line`; markup.is_markup_line);
- a `%` comment (not `\\%`, nor one of a `\\url{…}`, `\\verb` or verbatim environment) to its
  line's end holds no sentence and splits the sentence it interrupts (`latex_comment_spans`;
  tallies.py, .tex documents only);
- a line of commands alone (`\\author{…}`) or a comment alone titles nothing
  (`is_latex_command_line`; titles.derived_title);
- an `\\item` line opens a list item (`is_latex_item`; blocks.py);
- a command's name is no word: a build indexes the text without them (`without_command_names`;
  chunkpass.py, doctally.measure).
Why not pylatexenc (its LatexWalker gives node positions, so offsets could be kept): it is not
installed here, it would be a new dependency for the handful of line forms above, and its
nodes would still have to be mapped back to lines for blocks.py and tallies.py, which read lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_SECTIONING = "part|chapter|section|subsection|subsubsection|paragraph|subparagraph|title"
_HEADING = re.compile(
    rf"[ \t]*\\(?:{_SECTIONING})\*?(?:\[[^\]\n]*\])?\{{(?P<words>[^\n]*)\}}[ \t]*(?:(?<!\\)%.*)?"
)
"""A sectioning (or title) command alone on its line, its braces holding the words."""

_MARKUP_COMMANDS = (
    "documentclass|usepackage|RequirePackage|newcommand|renewcommand|providecommand|"
    "newenvironment|renewenvironment|DeclareMathOperator|setlength|setcounter|begin|end|label|"
    "maketitle|tableofcontents|listoffigures|listoftables|centering|includegraphics|"
    "bibliographystyle|bibliography|printbibliography|addbibresource|input|include|pagestyle|"
    "thispagestyle|newpage|clearpage|cleardoublepage|noindent|vspace|hspace|vfill|hfill|"
    "appendix|frontmatter|mainmatter|backmatter|graphicspath|geometry|hypersetup"
)
_ARGUMENT = r"\{(?:[^{}\n]|\{[^{}\n]*\})*\}"
"""A command's braced argument, one level of braces inside it ("{\\mathbb{R}}"): it cannot
run past its own closing brace (a lazy `\\{[^\\n]*?\\}` could, over prose, and backtracked
exponentially on a line of many "}{", s33 review)."""
_MARKUP_LINE = re.compile(
    rf"[ \t]*(?:\\(?:{_MARKUP_COMMANDS})\*?(?:\[[^\]\n]*\]|{_ARGUMENT})*[ \t]*)+"
    r"(?:(?<!\\)%.*)?[\r\n]*"
)
"""One markup command or more (with their options and arguments) alone on a line."""

_COMMANDS_LINE = re.compile(
    rf"[ \t]*(?:\\[A-Za-z@]+\*?(?:\[[^\]\n]*\]|{_ARGUMENT})*[ \t]*)*(?:(?<!\\)%.*)?[\r\n]*"
)
"""Commands alone on a line, whatever their names (`\\author{A. Martin}`, `\\date{\\today}`), or
a `%` comment alone, or both."""

VERB_MAX = 256
"""Characters a `\\verb` (`\\path`, `\\url`) mark is looked for past its opening, on its line:
one that does not close so soon is no verbatim but one character (a scan to the line's end per
opening was quadratic on a line of unclosed marks, s34 review)."""
_COMMENT_OR_NOT = re.compile(
    r"\\begin\{(?P<env>verbatim|Verbatim|lstlisting|minted)(?P<star>\*?)\}[\s\S]*?"
    r"(?:\\end\{(?P=env)(?P=star)\}|\Z)"
    r"|\\(?:verb\*?|(?:url|path)(?!\{))(?P<mark>[^\sA-Za-z*])"
    rf"[^\r\n]{{0,{VERB_MAX}}}?(?P=mark)"
    r"|\\(?:url|href|path)\{[^{}\r\n]*\}"
    r"|\\[\\%]"
    r"|(?P<comment>%[^\r\n]*)"
)
"""A `%` comment to its line's end, or what holds a "%" that opens none, matched first: a
verbatim environment (to the text's end when it never closes, as LaTeX reads it: a lazy scan
to a missing `\\end` per opening was quadratic, s34 review), a `\\verb|…|` (`\\path|…|`,
`\\url|…|`), a `\\url{…}` (`\\href`, `\\path`) argument, an escaped backslash ("\\\\", a
line break: a "%" after it opens a comment) or an escaped "\\%"."""
_ITEM = re.compile(r"[ \t]*\\item(?![A-Za-z])")


def latex_heading(line: str) -> str | None:
    """The words of a sectioning line ("\\section*{Results}" → "Results"), else None."""
    if "\\" not in line:
        return None  # the cheap test first: every line of a build is asked
    found = _HEADING.fullmatch(line.rstrip("\r\n"))
    return None if found is None else " ".join(found.group("words").split()) or None


ARGUMENT_MAX = 500
"""Characters a braced argument is read for its closing brace (`latex_title`)."""
ARGUMENT_LINES = 5
"""Lines past its own a command's argument is read for its closing brace (`whole_argument`)."""
_TITLE_OPENING = re.compile(r"^[ \t]*\\title(?:\[[^\]\n]*\])?\{", re.MULTILINE)
_BRACE = re.compile(r"(?<!\\)[{}]")
"""A brace that is no escaped "\\{" or "\\}"."""


def latex_title(text: str) -> str | None:
    """The words of the first `\\title{…}` of `text`, over lines when its braces run over
    them ("\\title{Measuring the speed⏎ of sound}", s34 review), else None (none, or one whose
    brace does not close within ARGUMENT_MAX characters)."""
    found = _TITLE_OPENING.search(text)
    if found is None:
        return None
    depth = 1
    for brace in _BRACE.finditer(text, found.end(), found.end() + ARGUMENT_MAX):
        depth += 1 if brace.group() == "{" else -1
        if depth == 0:
            return " ".join(text[found.end() : brace.start()].split()) or None
    return None


def opens_with_command(line: str) -> bool:
    """Whether `line` opens with a command or a group opening with one ("\\author{…}",
    "{\\Large …}"): raw LaTeX, no title's words (titles.derived_title)."""
    return line.lstrip().startswith(("\\", "{\\"))


def whole_argument(line: str, following: Iterator[str]) -> str:
    """`line` joined by a space with as many of the `following` lines (taken from it, at most
    ARGUMENT_LINES) as its braces need to close: "\\author{A. Martin \\and" and "B. Durand}"
    read as one line (s34 review: the first alone titled a report "\\author{A")."""
    for _ in range(ARGUMENT_LINES):
        if _open_braces(line) <= 0:
            break
        line = f"{line} {next(following, '').strip()}"
    return line


def _open_braces(line: str) -> int:
    """How many of `line`'s braces are left open."""
    return sum(1 if brace == "{" else -1 for brace in _BRACE.findall(line))


_TEXT_STYLES = "textbf|textit|textsl|textsc|textsf|textrm|texttt|textup|emph|underline|uline"
_STYLED_LINE = re.compile(
    rf"[ \t]*(?:\\(?:{_TEXT_STYLES})\{{(?:\\[A-Za-z]+[ \t]*)*|\{{(?:\\[A-Za-z]+[ \t]*)+)"
    r"(?P<words>[^{}\\%\n]+)\}[ \t]*(?:\\\\[ \t]*)?(?:(?<!\\)%.*)?"
)
"""A line of styled words alone: "{\\Large Rapport de stage}", "\\textbf{\\LARGE Compte rendu}"."""


def latex_styled_words(line: str) -> str | None:
    """The words of a line of styled words alone, a title page's title set by hand
    ("\\textbf{\\LARGE Compte rendu}" → "Compte rendu"), else None."""
    found = _STYLED_LINE.fullmatch(line.rstrip("\r\n"))
    return None if found is None else " ".join(found.group("words").split()) or None


def is_latex_markup_line(line: str) -> bool:
    """A line of markup commands alone: "\\usepackage[utf8]{inputenc}", "\\end{itemize}"."""
    if "\\" not in line:
        return False
    return _MARKUP_LINE.fullmatch(line) is not None


def is_latex_command_line(line: str) -> bool:
    """A line of commands alone, whatever their names, or of a `%` comment alone (a title
    passes over both: titles.derived_title); a blank line is none."""
    return bool(line.strip()) and _COMMANDS_LINE.fullmatch(line) is not None


def is_latex_item(line: str) -> bool:
    """An `\\item` line, a list item ("  \\item First point", "\\item[a)] …")."""
    return _ITEM.match(line) is not None


_COMMAND_NAME = re.compile(r"\\\\|\\[A-Za-z@]+\*?")
"""A command's name, or a line break ("\\\\", matched so that "\\\\Baseline" keeps its word)."""


def without_command_names(text: str) -> str:
    """`text` with each command's name ("\\textbf", "\\cite", "\\section*") made as many
    spaces, its arguments kept ("\\textbf{30 cm}" → "        {30 cm}"): the words a build
    indexes of a LaTeX source (chunkpass.py, doctally.measure), at the text's own offsets, so
    that "textbf" or "cite" is no word of the corpus."""
    if "\\" not in text:
        return text
    return _COMMAND_NAME.sub(_blanked, text)


def _blanked(found: re.Match[str]) -> str:
    """A command's name as that many spaces; a line break ("\\\\") as it is."""
    name = found.group()
    return name if name == "\\\\" else " " * len(name)


def latex_comment_spans(text: str) -> list[tuple[int, int]]:
    """Where each `%` comment of `text` is (a "%" to its line's end, the line end left out),
    as sorted (start, end) offsets: a "\\%" is a percent sign, and so is a "%" of a verbatim
    environment, a `\\verb` or a `\\url{…}` (a comment there had cut the rest of its line out
    of the sentences, s34), while "\\\\%" (a line break) opens a comment."""
    if "%" not in text:
        return []
    return [found.span("comment") for found in _COMMENT_OR_NOT.finditer(text) if found["comment"]]
