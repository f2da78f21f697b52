"""Jupyter notebooks (.ipynb): the notebook as the Markdown a person reads in Jupyter, titled by
its first heading.

A notebook is JSON (nbformat 4, and 3: cells under `worksheets`, code under `input`, headings
as cells of their own), parsed with the standard library's json: the format is plain JSON, and
nbformat (a well-kept library) would add jsonschema and its tree of dependencies to validate
what this module only walks. Written, in cell order:
- a markdown cell as it is (its "## Totals" lines are headings, blocks.py, so its sections name
  the passages under them), a raw cell too;
- a code cell as a fenced code block in the notebook's language ("```python"), quotable as a
  Markdown file's fenced code is; its execution count is no text;
- after it, each text output as a fenced block marked "```output": a stream on stdout, the
  `text/plain` of a result or a display (a DataFrame's table as pandas prints it). Left out: a
  stream on stderr (warnings, progress bars), errors (tracebacks), and any output holding an
  image, HTML only, or a plain text that is an object's repr alone ("<Figure size 640x480 with
  1 Axes>"); terminal colour codes are removed.
Documents of this reader are of kind "md": their text is Markdown (code fences keep a "# comment"
from reading as a heading, numbered_sections.py and membership.py read them as Markdown files).

Bounded: an output's text is cut at OUTPUT_MAX characters (a loop printing a million lines), a
cell's source at SOURCE_MAX, with a warning naming the cells cut; an image's base64 is never
decoded nor copied. A file that is no notebook (not JSON, no cell list) is skipped saying why.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from citeqa.blocks import fenced_line_starts
from citeqa.jsonfiles import parse_json
from citeqa.readers.base import TITLE_MAX, Extracted, UnreadableDocument
from citeqa.textdecoding import VERSION as DECODING_VERSION

OUTPUT_MAX = 20_000
"""The most characters of one output read (then cut, with a warning): a printed log."""
SOURCE_MAX = 200_000
"""The most characters of one cell's source read (then cut, with a warning)."""
NOT_JSON = "not a Jupyter notebook: not valid JSON ({problem})"
NO_CELLS = "not a Jupyter notebook: no list of cells in it"
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
"""A terminal colour or cursor code (IPython's coloured output)."""
_REPR = re.compile(r"<[^\n<>]*>\s*")
"""A plain text that is an object's repr alone ("<Figure size 640x480 with 1 Axes>")."""
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


class NotebookReader:
    """A .ipynb file, already decoded."""

    kind = "md"
    suffixes = (".ipynb",)
    decoded = True
    version = 2 + DECODING_VERSION

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        notebook = _notebook(str(content))
        cells = _cells(notebook)
        language = _language(notebook)
        cut: list[int] = []
        blocks = [
            block
            for number, cell in enumerate(cells, start=1)
            for block in _cell_blocks(cell, language, partial(cut.append, number))
        ]
        text = "\n\n".join(blocks)
        warnings = [_cut_warning(relative, cut)] if cut else []
        return Extracted(text + "\n" if text else "", title=_title(blocks), warnings=warnings)


def _notebook(text: str) -> dict[str, Any]:
    """The notebook's JSON object; UnreadableDocument when it is none."""
    try:
        value = parse_json(text)
    except json.JSONDecodeError as error:
        where = f"{error.msg} at line {error.lineno}, column {error.colno}"
        raise UnreadableDocument(NOT_JSON.format(problem=where)) from None
    except ValueError as error:
        raise UnreadableDocument(NOT_JSON.format(problem=error)) from None
    if not isinstance(value, dict):
        raise UnreadableDocument(NO_CELLS)
    return value


def _cells(notebook: dict[str, Any]) -> list[dict[str, Any]]:
    """The notebook's cells: nbformat 4's `cells`, or nbformat 3's worksheets' cells."""
    cells = notebook.get("cells")
    if cells is None and isinstance(notebook.get("worksheets"), list):
        cells = [
            cell
            for sheet in notebook["worksheets"]
            if isinstance(sheet, dict) and isinstance(sheet.get("cells"), list)
            for cell in sheet["cells"]
        ]
    if not isinstance(cells, list):
        raise UnreadableDocument(NO_CELLS)
    return [cell for cell in cells if isinstance(cell, dict)]


def _language(notebook: dict[str, Any]) -> str:
    """The code cells' language as a fence's info word ("python"), "" when unstated."""
    metadata = notebook.get("metadata")
    if not isinstance(metadata, dict):
        return ""
    for key, field in (("language_info", "name"), ("kernelspec", "language")):
        value = metadata.get(key)
        if isinstance(value, dict) and isinstance(value.get(field), str):
            word = value[field].strip().lower()
            if re.fullmatch(r"[\w+#.-]{1,30}", word):
                return word
    return ""


def _cell_blocks(
    cell: dict[str, Any], language: str, note_cut: Callable[[], None]
) -> Iterator[str]:
    """The blocks of text of one cell: its source (a code cell's fenced), then its outputs."""
    kind = cell.get("cell_type")
    source = _joined(cell.get("source", cell.get("input", "")))
    if len(source) > SOURCE_MAX:
        source = source[:SOURCE_MAX]
        note_cut()
    source = source.strip("\n")
    if kind == "heading":  # nbformat 3: a heading is a cell of its own
        level = cell.get("level")
        marks = "#" * (level if isinstance(level, int) and 1 <= level <= 6 else 1)
        if source.strip():
            yield f"{marks} {' '.join(source.split())}"
    elif kind == "code":
        if source.strip():
            yield _fenced(source, language)
        outputs = cell.get("outputs")
        for output in outputs if isinstance(outputs, list) else ():
            shown = _output_text(output, note_cut) if isinstance(output, dict) else ""
            if shown.strip():
                yield _fenced(shown.strip("\n"), "output")
    elif source.strip():  # markdown, raw
        yield source


def _joined(value: object) -> str:
    """A source or text field: a string, or a list of lines (nbformat's multiline strings)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(line for line in value if isinstance(line, str))
    return ""


def _output_text(output: dict[str, Any], note_cut: Callable[[], None]) -> str:
    """The text an output shows a reader, "" for one left out (see the module docstring)."""
    kind = output.get("output_type")
    if kind == "stream":
        text = _joined(output.get("text")) if output.get("name", "stdout") == "stdout" else ""
    elif kind in ("execute_result", "display_data", "pyout"):
        text = _plain_text(output)
    else:  # error, pyerr: a traceback
        return ""
    if len(text) > OUTPUT_MAX:
        text = text[:OUTPUT_MAX]
        note_cut()
    return _ANSI.sub("", text)


def _plain_text(output: dict[str, Any]) -> str:
    """A result's or display's text/plain (nbformat 3: its `text`), "" when it shows an image
    (its text is a placeholder) or is an object's repr alone."""
    data = output.get("data") if isinstance(output.get("data"), dict) else output
    assert isinstance(data, dict)
    if any(key.startswith("image/") or key in ("png", "jpeg", "svg") for key in data):
        return ""
    text = _joined(data.get("text/plain", data.get("text", "")))
    return "" if _REPR.fullmatch(text) else text


def _fenced(text: str, info: str) -> str:
    """`text` in a backtick fence longer than any backtick run it holds."""
    longest = max((len(run) for run in re.findall(r"`{3,}", text)), default=2)
    fence = "`" * (longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def _title(blocks: list[str]) -> str | None:
    """The first heading of the markdown cells (code blocks aside, and a markdown cell's own
    fenced code: a "# comment" there is code, as blocks.py reads it), cleaned and cut."""
    for block in blocks:
        if block.startswith("`"):
            continue
        fenced = fenced_line_starts(block)
        for heading in _HEADING.finditer(block):
            if heading.start() not in fenced:
                return " ".join(heading[1].split())[:TITLE_MAX] or None
    return None


def _cut_warning(relative: str, cells: list[int]) -> str:
    named = ", ".join(str(number) for number in sorted(set(cells))[:5])
    more = " and more" if len(set(cells)) > 5 else ""
    return (
        f"{relative}: cells {named}{more} cut: an output past {OUTPUT_MAX:,} or a source past"
        f" {SOURCE_MAX:,} characters is read up to that"
    )


READERS = (NotebookReader(),)
