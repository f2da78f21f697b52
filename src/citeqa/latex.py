"""LaTeX markup recognised on a .tex file's verbatim text: sectioning lines, the title, `%`
comments, markup-only lines and `\\item` lines. Pure functions on a line or a text, no I/O.

A .tex file is read as it is (readers/tex.py: every quote is the file's exact characters at
exact offsets), so LaTeX is recognised where it stands rather than rewritten, in documents of
the tex kind only (the callers' `latex` flag: a note writing "\\item" or "\\end" stays text):
- a sectioning line (`\\section{Results}`, `\\subsection*{Data}`, `\\chapter[Short]{Long}`,
  `\\paragraph{…}`, maybe a `% comment` after it) is a heading whose words are its braces'
  content (`latex_heading`; blocks.py);
- `\\title{…}` gives the document's title (`latex_title`; readers/tex.py);
- a line of markup commands alone (`\\documentclass[a4paper]{article}`, `\\usepackage{x}`,
  `\\begin{figure}`, `\\end{itemize}`, `\\label{fig:a}`, `\\maketitle`, `\\newcommand…`) is no
  sentence and no quote runs across it (`is_latex_markup_line`; markup.is_markup_line);
- a `%` comment (not `\\%`) to its line's end holds no sentence and splits the sentence it
  interrupts (`latex_comment_spans`; tallies.py, .tex documents only);
- an `\\item` line opens a list item (`is_latex_item`; blocks.py).
Why not pylatexenc (its LatexWalker gives node positions, so offsets could be kept): it is not
installed here, it would be a new dependency for the handful of line forms above, and its
nodes would still have to be mapped back to lines for blocks.py and tallies.py, which read lines.
"""

from __future__ import annotations

import re

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

_COMMENT = re.compile(r"(?<!\\)%[^\r\n]*")
_ITEM = re.compile(r"[ \t]*\\item(?![A-Za-z])")


def latex_heading(line: str) -> str | None:
    """The words of a sectioning line ("\\section*{Results}" → "Results"), else None."""
    if "\\" not in line:
        return None  # the cheap test first: every line of a build is asked
    found = _HEADING.fullmatch(line.rstrip("\r\n"))
    return None if found is None else " ".join(found.group("words").split()) or None


def latex_title(text: str) -> str | None:
    """The content of the first `\\title{…}` line of `text` (one line), else None."""
    found = re.search(r"^[ \t]*\\title\{([^\n]*)\}[ \t]*$", text, re.MULTILINE)
    return " ".join(found.group(1).split()) or None if found else None


def is_latex_markup_line(line: str) -> bool:
    """A line of markup commands alone: "\\usepackage[utf8]{inputenc}", "\\end{itemize}"."""
    if "\\" not in line:
        return False
    return _MARKUP_LINE.fullmatch(line) is not None


def is_latex_item(line: str) -> bool:
    """An `\\item` line, a list item ("  \\item First point", "\\item[a)] …")."""
    return _ITEM.match(line) is not None


def latex_comment_spans(text: str) -> list[tuple[int, int]]:
    """Where each `%` comment of `text` is (a "%" not after a backslash, to its line's end,
    the line end left out), as sorted (start, end) offsets."""
    return [found.span() for found in _COMMENT.finditer(text)]
