"""Source code files (.py, .r, .sh, .bash, .ts, .sql, .jl): the script as a person
reads it, its opening docstring or comment block as prose, then its code as a fenced block in
its language, as notebook.py writes a notebook's code cells.

s30 trial (a lab's drive): `analyse/mito_quant.py` was skipped as of a type citeqa does not
read, where "How do I run the segmentation script?" and "Which threshold does mito_quant use?"
had their answers. Written:
- the file's opening prose: a Python module docstring ('''…''' or \"\"\"…\"\"\" after a shebang,
  an encoding line or comments), else its leading comment block ("# …", "// …", "-- …",
  "/* … */", R's "#' …"), comment marks and rule lines ("#####") taken off; a shebang is code;
- after it, the rest of the file in a backtick fence ("```python"), so a "# comment" there is
  code, never a heading (blocks.py reads fences as a Markdown file's); a fence the prose
  leaves open ("```" in a docstring's example) is closed at the prose's end.
Titled by the prose's first line, else the file's name. Documents are of kind "md", as a
notebook's: their text is Markdown.

Read as plain text, not with ast or tokenize: a module docstring is the first statement, and a
regular expression finds it as well in a file of Python 2 or one that does not parse (a script
half written), where ast would give nothing; one reading serves every language.

Not read: .js and .mjs (a site's or a documentation build's scripts beside its pages,
"_static/searchtools.js" and "searchindex.js" of a Sphinx site, which data/unread_files.json
counts as assets holding no text to read since the s22 trial: read as code, they made 30 of
a one-page site's 31 passages), .m (MATLAB, Objective-C and Mathematica all write it: which
fence, which comments?),
.c/.h/.java and the like (a build tree's thousands of files would outweigh the documents of a
folder; a data team's and a lab's scripts are these), nor code minified or bundled by its name
("app.min.js") or in a folder of others' code or a build's output ("vendor/", "dist/"; only
code files there: citeqa/data/checkout_files.json), each with its reason, by its path before
it is read (`refused_by_path`). Bounded: a file of
more than MAX_BYTES bytes is refused unread (generated or minified code); binary content under
one of these names is refused by corpus.py's decoding, as any text file's.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import PurePosixPath

from citeqa.folderwalk import checkout_names
from citeqa.markup import is_fence
from citeqa.readers.base import TITLE_MAX, Extracted
from citeqa.textdecoding import VERSION as DECODING_VERSION
from citeqa.visible import shown

MAX_BYTES = 2_000_000
"""A source file of more bytes is refused unread: generated or minified code, a data dump."""
OVERSIZED = (
    f"larger than {MAX_BYTES:,} bytes, citeqa's limit for a source code file: generated or"
    " minified code rather than a script a person reads, or no code (a .ts video)"
)
"""Said unread: an MPEG transport stream (a camcorder's .ts video) takes a TypeScript file's
ending; a smaller one is refused by corpus.py's decoding as binary content."""
BUNDLED = "minified or bundled code (its name ends {ending}): a build's output, not a script"
VENDORED = "code in a {folder}/ folder: others' code or a build's output, not the folder's scripts"
"""Said unread (citeqa/data/checkout_files.json: bundled_code_endings, vendored_code_folders):
a vendor/ folder of 1,000 small .js files took 378 s to index (s30 review F)."""
_SHEBANG = re.compile(r"#![^\n]*\n?")
_ENCODING = re.compile(r"#[^\n]*coding[:=][^\n]*\n?")
_DOCSTRING = re.compile(
    r"[ \t]*[rRuU]?(?P<quote>\"\"\"|''')(?P<body>.*?)(?P=quote)(?:[ \t]*\n)?", re.DOTALL
)
"""A docstring ends at its first closing quotes: what follows on that line ("  # noqa") is code."""
_BLANK = re.compile(r"(?:[ \t]*\n)+")
_RULE = re.compile(r"[\W_]*")
"""A comment line of marks alone ("#####", "// -----"): no prose."""


@dataclass(frozen=True)
class Language:
    """How one language writes its fence's info word and its comments."""

    fence: str
    line_comments: tuple[str, ...]
    """The marks opening a comment line, longest first ("#'" before "#")."""
    block_comment: tuple[str, str] | None = None
    docstrings: bool = False
    """Whether a string opening the file is its documentation (Python)."""


_LANGUAGES = {
    ".py": Language("python", ("#",), docstrings=True),
    ".r": Language("r", ("#'", "#")),
    ".sh": Language("bash", ("#",)),
    ".bash": Language("bash", ("#",)),
    ".ts": Language("typescript", ("///", "//"), ("/*", "*/")),
    ".sql": Language("sql", ("--",), ("/*", "*/")),
    ".jl": Language("julia", ("#",), ("#=", "=#"), docstrings=True),
}


@dataclass(frozen=True)
class SourceCodeReader:
    """A source file of one language, already decoded."""

    kind: str
    suffixes: tuple[str, ...]
    decoded: bool = True
    version: int = 7 + DECODING_VERSION
    """5: minified or bundled code by its name, and code in a vendor/ or dist/ folder, refused.
    6: .js and .mjs no longer read. 7: such code refused by its path before it is read, so one
    too large or not text is refused for its name or folder (it was for its size or decoding),
    and its recorded digest is no hash of its content (corpus.REFUSED_BY_PATH)."""
    max_bytes: int = MAX_BYTES

    def oversized(self) -> str:
        """The reason a file of more than `max_bytes` bytes is refused."""
        return OVERSIZED

    def refused_by_path(self, relative: str) -> str | None:
        """Why the code file at `relative` is refused unread (`vendored`), asked by corpus.py
        before it reads the file (base.PathRefusingReader)."""
        return vendored(relative)

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        text = str(content).replace("\r\n", "\n").replace("\r", "\n")
        language = _LANGUAGES[self.suffixes[0]]
        prose, code = opening_prose(text, language)
        prose = fences_closed(prose)
        blocks = [prose] if prose else []
        if code.strip():
            blocks.append(fenced(code.strip("\n"), language.fence))
        body = "\n\n".join(blocks)
        return Extracted(body + "\n" if body else "", title=_title(prose, relative))


def vendored(relative: str) -> str | None:
    """Why the code file at `relative` is left unread: minified or bundled by its name, or in a
    folder of others' code or a build's output; None when it is read."""
    path = PurePosixPath(relative.lower())
    ending = next((e for e in checkout_names("bundled_code_endings") if path.name.endswith(e)), "")
    if ending:
        return BUNDLED.format(ending=ending)
    folder = next((f for f in path.parts[:-1] if f in checkout_names("vendored_code_folders")), "")
    return VENDORED.format(folder=folder) if folder else None


def opening_prose(text: str, language: Language) -> tuple[str, str]:
    """The file's opening documentation as prose (marks off), and the code: the file without
    it (a shebang and an encoding line kept, at the code's top)."""
    start = 0
    for opening in (_SHEBANG, _ENCODING, _BLANK):
        found = opening.match(text, start)
        start = found.end() if found else start
    head = text[:start]
    if language.docstrings:
        docstring = _docstring_after_comments(text, start, language)
        if docstring is not None:
            prose, begin, end = docstring
            return prose, head + text[start:begin] + text[end:]
    prose, end = _comment_block(text, start, language)
    return (prose, head + text[end:]) if prose else ("", text)


def _docstring_after_comments(
    text: str, start: int, language: Language
) -> tuple[str, int, int] | None:
    """A docstring at `start` or under comment lines there (a licence header): its text,
    dedented, where it starts and where the code after it starts; None when there is none."""
    position = start
    while True:
        found = _DOCSTRING.match(text, position)
        if found:
            body = textwrap.dedent(found["body"].strip("\n"))
            prose = "\n".join(line.rstrip() for line in body.strip().splitlines())
            return prose, found.start(), found.end()
        line_end = text.find("\n", position)
        line = text[position : len(text) if line_end < 0 else line_end].strip()
        if line_end < 0 or not (line == "" or line.startswith(language.line_comments)):
            return None
        position = line_end + 1


def _comment_block(text: str, start: int, language: Language) -> tuple[str, int]:
    """The comment lines (or block comment) at `start`, their marks off, and where they end."""
    if language.block_comment and text.startswith(language.block_comment[0], start):
        return _block_comment(text, start, language.block_comment)
    lines: list[str] = []
    position = start
    while position < len(text):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        line = text[position:line_end].strip()
        mark = next((m for m in language.line_comments if line.startswith(m)), None)
        if mark is None:
            break
        lines.append(line[len(mark) :])
        position = line_end + 1
    return _prose(lines), min(position, len(text))


def _block_comment(text: str, start: int, marks: tuple[str, str]) -> tuple[str, int]:
    """The block comment at `start` ("/* … */", each line's leading "*" off) and where it
    ends; none when it never closes (the file is code)."""
    opening, closing = marks
    end = text.find(closing, start + len(opening))
    if end < 0:
        return "", start
    inner = text[start + len(opening) : end]
    lines = [re.sub(r"^\s*\*+ ?", "", line) for line in inner.splitlines()]
    return _prose(lines), end + len(closing)


def _prose(lines: list[str]) -> str:
    """Comment lines as prose: rule lines out, the common indent off, blank ends trimmed."""
    kept = ["" if _RULE.fullmatch(line.strip()) else line.rstrip() for line in lines]
    return textwrap.dedent("\n".join(kept)).strip("\n")


def fences_closed(prose: str) -> str:
    """`prose` with a backtick fence it leaves open closed at its end: open, it would pair with
    the code's fence (blocks.py pairs fence lines in turn), and the code's comments would read
    as headings."""
    runs = [line.strip() for line in prose.splitlines() if _is_backtick_fence(line)]
    if len(runs) % 2 == 0:
        return prose
    opening = runs[-1]
    return f"{prose}\n{opening[: len(opening) - len(opening.lstrip('`'))]}"


def _is_backtick_fence(line: str) -> bool:
    return is_fence(line) and line.lstrip().startswith("`")


def fenced(text: str, info: str) -> str:
    """`text` in a backtick fence longer than any backtick run it holds."""
    longest = max((len(run) for run in re.findall(r"`{3,}", text)), default=2)
    fence = "`" * (longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def _title(prose: str, relative: str) -> str:
    """The prose's first line, else the file's name; on one line, shown safely, cut."""
    first = next((line for line in prose.splitlines() if line.strip()), "")
    title = first.strip().lstrip("#").strip() or PurePosixPath(relative).name
    return " ".join(shown(title).split())[:TITLE_MAX]


READERS = tuple(SourceCodeReader("md", (suffix,)) for suffix in _LANGUAGES)
