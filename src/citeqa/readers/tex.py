"""LaTeX sources (.tex, .ltx): the decoded file is the text, byte for byte, as plain text.

A paper's, a thesis's or a report's LaTeX source is read as it is written, so that every
quote is the file's exact characters at exact offsets, and its markup is recognised on that
verbatim text (latex.py): sectioning lines are headings (blocks.py), `\\title{…}` titles the
document, a line of markup commands alone (preamble, `\\begin{figure}`, `\\label{…}`) is no
sentence and no quote runs across it (markup.is_markup_line), a `%` comment holds no sentence
(tallies.py, documents of kind "tex"), an `\\item` line is a list item. A file with no LaTeX in
it reads as plain text; undecodable or binary content is refused by corpus.py as for any text
format. Why no LaTeX parser (pylatexenc): see latex.py. .ltx is LaTeX's other ending for the
same source (the kernel's own files); .bib is read by bibtex.py. Version 1 (plus
textdecoding.VERSION, s33); 2: a file with no `\\title` titled past its preamble and commands
(titles.derived_title), a "%" of a `\\url{…}`, `\\verb` or verbatim no comment (s34); 3: a
`\\title{…}` over lines read whole, raw LaTeX no derived title (s34 review).
"""

from __future__ import annotations

from dataclasses import dataclass

from citeqa.latex import latex_title
from citeqa.models import LATEX_KIND
from citeqa.readers.base import Extracted
from citeqa.textdecoding import VERSION as DECODING_VERSION


@dataclass(frozen=True)
class TexReader:
    """A .tex file, read as it is, titled by its `\\title{…}`. Own version 4 (s40): a title
    derived from its lines is no longer cut at an abbreviation's period (readers/text.py)."""

    kind: str = LATEX_KIND
    suffixes: tuple[str, ...] = (".tex", ".ltx")
    decoded: bool = True
    version: int = 4 + DECODING_VERSION

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        text = str(content)
        return Extracted(text, title=latex_title(text))


READERS = (TexReader(),)
