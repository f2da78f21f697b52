"""Source code files (.py, .r, .sh, .js, .ts, .sql, .jl) and BibTeX files (.bib): read as a
person reads them (a script's docstring as prose, its code fenced; a .bib's entries as records),
a malformed or huge one read or skipped with one reason, never a traceback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeqa.blocks import headings
from citeqa.corpus import UnreadableDocument
from citeqa.readers import reader_for
from citeqa.readers.bibtex import latex_text
from citeqa.readers.sourcecode import MAX_BYTES
from read_documents import written_document

SCRIPT = '''#!/usr/bin/env python
"""Count cells in a stack of images.

Usage: python count_cells.py --input DIR
"""
import sys

# Threshold for a cell: 42 pixels
THRESHOLD = 42
'''

BIB = r"""@string{jb = "Journal of Botany"}
@comment{an old note {with braces}}
@article{Okafor2024,
  author = {Okafor, Ngozi and Roux, Jos{\'e}phine and M\"{u}ller, Jan},
  title = {Root {growth} under \emph{low} light},
  journal = jb # " B", year = 2024, volume = {12}, number = {3}, pages = {10--19},
  doi = {10.1000/xyz.2024.12}
}
@book(Dubois2019, title = "Fran\c{c}ais des {plantes}", author = "Dubois, Luc", year = "2019")
"""


def read(tmp_path: Path, name: str, content: str | bytes) -> tuple[str, str]:
    document = written_document(tmp_path, name, content)
    return document.text, document.title


def test_a_python_script_reads_its_docstring_as_prose_and_its_code_fenced(tmp_path: Path) -> None:
    text, title = read(tmp_path, "analysis/count_cells.py", SCRIPT)
    assert title == "Count cells in a stack of images."
    assert text.startswith("Count cells in a stack of images.\n\nUsage: python count_cells.py")
    assert "```python\n#!/usr/bin/env python\nimport sys\n" in text
    assert "# Threshold for a cell: 42 pixels\nTHRESHOLD = 42\n```" in text
    assert not any("Threshold" in heading for heading in headings(text))


@pytest.mark.parametrize(
    ("name", "content", "prose", "fence"),
    [
        ("run.sh", "#!/bin/bash\n# Segment stacks\n# ----\nset -e\n", "Segment stacks", "bash"),
        ("plot.R", "#' Plot the fractions\nlibrary(ggplot2)\n", "Plot the fractions", "r"),
        ("app.ts", "/**\n * Upload helper.\n */\nconst a = 1;\n", "Upload helper.", "typescript"),
        ("q.sql", "-- Monthly totals\nSELECT 1;\n", "Monthly totals", "sql"),
        ("fit.jl", '"""\nFit the model.\n"""\nx = 1\n', "Fit the model.", "julia"),
        ("main.ts", "const a = 1; // no header\n", "", "typescript"),
    ],
)
def test_each_language_reads_its_leading_comment_as_prose(
    tmp_path: Path, name: str, content: str, prose: str, fence: str
) -> None:
    text, title = read(tmp_path, name, content)
    assert text.startswith(f"{prose}\n\n```{fence}\n" if prose else f"```{fence}\n")
    assert title == (prose or name)


def test_a_binary_file_named_py_is_skipped_with_one_reason(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, "model.py", bytes(range(256)) * 40)
    assert refused.value.reason


def test_a_huge_script_is_refused_unread(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, "generated.py", "x = 1\n" * (10_000_000 // 6))
    assert f"{MAX_BYTES:,} bytes" in refused.value.reason


def test_objective_c_or_matlab_m_files_stay_unread() -> None:
    assert reader_for(".m") is None


def test_a_bib_file_reads_each_entry_as_a_record_under_its_key(tmp_path: Path) -> None:
    text, title = read(tmp_path, "publications/team.bib", BIB)
    assert title == "team.bib"
    assert "## Okafor2024 · Root growth under low light\ntype: article\n" in text
    assert "author: Okafor, Ngozi; Roux, Joséphine; Müller, Jan\n" in text
    assert "journal: Journal of Botany B\nyear: 2024\n" in text
    assert "pages: 10–19\ndoi: 10.1000/xyz.2024.12\n" in text
    assert "## Dubois2019 · Français des plantes\ntype: book\n" in text
    assert "old note" not in text


def test_a_bib_entry_never_closed_is_left_out_the_others_read() -> None:
    reader = reader_for(".bib")
    assert reader is not None
    extracted = reader.extract(BIB + "@misc{Open, title={x}\n", "broken.bib")
    assert "## Dubois2019" in extracted.text
    assert extracted.warnings == [
        "broken.bib: entry Open left out: its braces or quotes never close"
    ]


@pytest.mark.parametrize("content", ["just some notes\n", "@article{Open, title={x}\n", "{{{{"])
def test_a_bib_file_with_no_entry_is_skipped_with_one_reason(tmp_path: Path, content: str) -> None:
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, "notes.bib", content)
    assert refused.value.reason.startswith(("not a BibTeX file", "entry Open left out"))


def test_a_bib_file_named_with_a_colon_is_refused_with_its_entrys_reason() -> None:
    """The reason a .bib of no whole entry is refused is the left-out entry's, whatever the
    file's name holds (it was cut out of the warning at its first ": ", and "refs: 2024.bib"
    gave "2024.bib: entry Open left out…")."""
    reader = reader_for(".bib")
    assert reader is not None
    with pytest.raises(UnreadableDocument) as refused:
        reader.extract("@article{Open, title={x}\n", "refs: 2024.bib")
    assert refused.value.reason == "entry Open left out: its braces or quotes never close"


def test_a_one_line_docstring_ends_at_its_closing_quotes_the_code_stays_fenced(
    tmp_path: Path,
) -> None:
    script = (
        '"""Module doc."""  # noqa: D400\nimport os\nAPI_KEY = "x"\n'
        'def f():\n    """Function doc."""\n    return 1\n'
    )
    text, title = read(tmp_path, "tool.py", script)
    assert title == "Module doc."
    assert text.startswith("Module doc.\n\n```python\n")
    assert '# noqa: D400\nimport os\nAPI_KEY = "x"\ndef f():\n    """Function doc."""' in text


def test_old_mac_line_endings_read_as_lines(tmp_path: Path) -> None:
    text, title = read(tmp_path, "run.sh", "#!/bin/sh\r# Nightly backup\r# of the drive\rcp a b\r")
    assert title == "Nightly backup"
    assert "\r" not in text
    assert "```bash\n#!/bin/sh\ncp a b\n```" in text


def test_a_bib_entry_missing_its_closing_brace_ends_at_the_next_entry() -> None:
    reader = reader_for(".bib")
    assert reader is not None
    content = (
        "@article{A, title={First paper}, year=2020\n\n"
        "@article{B, title={Second paper}, year=2021}\n"
        "@article{C, title={Third paper}, year=2022}\n"
    )
    extracted = reader.extract(content, "refs.bib")
    for heading in ("## A · First paper", "## B · Second paper", "## C · Third paper"):
        assert heading in extracted.text
    assert "year: 2020\n" in extracted.text
    assert extracted.warnings == ["refs.bib: entry A never closes: read up to the next entry"]


def test_a_fence_left_open_in_a_docstring_keeps_the_code_comments_off_the_headings(
    tmp_path: Path,
) -> None:
    script = (
        '"""Tool.\n\nExample::\n\n```\nrun it\n"""\nimport os\n# Load the secrets\n'
        "KEY = os.environ['KEY']\n# Main loop\nfor i in range(3):\n    print(i)\n"
    )
    text, _ = read(tmp_path, "tool.py", script)
    assert not {"Load the secrets", "Main loop"} & set(headings(text))
    assert "run it\n```\n\n```python\nimport os\n# Load the secrets\n" in text


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"Role of the $\alpha$-helix in $\Gamma$ phase", "Role of the α-helix in Γ phase"),
        (r"Yield of $5 \pm 2\%$ at $\lambda = 3\,\mu$m", "Yield of 5 ± 2% at λ = 3 μm"),
        (r"Costs in \$ and $\beta$ tests", "Costs in $ and β tests"),
    ],
)
def test_bib_math_reads_as_the_signs_it_writes(latex: str, text: str) -> None:
    assert latex_text(latex) == text


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("web/app.min.ts", "minified or bundled code (its name ends .min.ts)"),
        ("web/main.bundle.ts", "minified or bundled code (its name ends .bundle.ts)"),
        ("web/vendor/jquery.ts", "code in a vendor/ folder"),
        ("Tools/Dist/run.py", "code in a dist/ folder"),
    ],
)
def test_bundled_or_vendored_code_is_skipped_with_one_reason(
    tmp_path: Path, name: str, reason: str
) -> None:
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, name, "// Helper\nvar a = 1;\n")
    assert refused.value.reason.startswith(reason)


def test_vendored_code_is_refused_by_its_path_unread(tmp_path: Path) -> None:
    """A code file in a vendor/ folder is refused by its path before it is read: past the size
    limit or not text, its reason is still the folder's (it was read and decoded first, and
    said "larger than …" or "binary content")."""
    for name, content in (
        ("web/vendor/huge.py", b"x = 1\n" * (MAX_BYTES // 6 + 1)),
        ("web/vendor/blob.py", bytes(range(256)) * 8),
    ):
        with pytest.raises(UnreadableDocument) as refused:
            read(tmp_path, name, content)
        assert refused.value.reason.startswith("code in a vendor/ folder"), name


def test_a_dist_folder_still_reads_its_documents_and_a_script_elsewhere(tmp_path: Path) -> None:
    assert read(tmp_path, "dist/notes.md", "# Release\n\nShipped on Monday.\n")[1] == "Release"
    assert read(tmp_path, "scripts/vendor_report.py", "# Vendor report\nx = 1\n")[1] == (
        "Vendor report"
    )


def test_a_sites_scripts_are_no_source_read() -> None:
    """A Sphinx site's "_static/searchtools.js" and "searchindex.js" are assets holding no text
    to read (data/unread_files.json, s22 trial): read as code, 30 of a one-page site's 31
    passages were its scripts."""
    from citeqa.readers import reader_for_name

    for name in ("_static/searchtools.js", "searchindex.js", "app.mjs"):
        assert reader_for_name(name) is None
    assert reader_for_name("tools/fit.py") is not None


def test_string_macros_doubling_themselves_are_cut_with_one_warning() -> None:
    """s31 hostile probe F1: "@string{a = a # a}" repeated doubles a's value each line (BibTeX
    expands a macro where it is defined); 27 lines of a 579-byte file asked 1.3 GB."""
    from citeqa.readers.bibtex import MAX_BYTES, bib_entries

    doublings = 20  # 10 * 2**20 characters asked: more than a file may hold
    content = (
        '@string{a = "xxxxxxxxxx"}\n'
        + "@string{a = a # a}\n" * doublings
        + "@article{k, title = {Small}, note = a # a # a # a}\n"
        + "@article{j, title = {Next}, journal = a}\n"
    )
    entries, warnings = bib_entries(content)
    assert [entry.key for entry in entries] == ["k", "j"]
    written = sum(len(value) for entry in entries for _, value in entry.fields)
    assert written <= MAX_BYTES  # macros write no more than a file may hold
    assert len(warnings) == 1
    assert warnings[0].startswith("values cut from @string a on: its @string macros")


def test_a_macro_used_often_within_bounds_is_written_in_full() -> None:
    from citeqa.readers.bibtex import bib_entries

    content = '@string{jb = "Journal of Botany"}\n' + "".join(
        f"@article{{k{n}, journal = jb # {{, part}}, month = mar}}\n" for n in range(500)
    )
    entries, warnings = bib_entries(content)
    assert warnings == []
    assert len(entries) == 500
    assert entries[-1].fields == (("journal", "Journal of Botany, part"), ("month", "Mar"))


@pytest.mark.parametrize("opening", ["@comment{", "@preamble("])
def test_groups_never_closed_count_toward_the_unclosed_limit(
    monkeypatch: pytest.MonkeyPatch, opening: str
) -> None:
    """s31 hostile probe F2: each "@comment{" never closed was scanned up to ENTRY_MAX marks
    and did not count toward MAX_UNCLOSED: N such lines cost N * min(N, ENTRY_MAX)."""
    from citeqa.readers import bibtex

    scanned: list[int] = []
    braces, parentheses = bibtex._BRACES, bibtex._PARENTHESES

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
            for mark in self.pattern.finditer(text, start, end):
                scanned.append(1)
                yield mark

    monkeypatch.setattr(bibtex, "_BRACES", Counting(braces))
    monkeypatch.setattr(bibtex, "_PARENTHESES", Counting(parentheses))
    lines = 2_000
    content = f"@article{{a, title={{First}}}}\n{opening}\n" * lines
    entries, warnings = bibtex.bib_entries(content)
    marks = sum(content.count(mark) for mark in "{}()")
    assert len(scanned) <= (bibtex.MAX_UNCLOSED + 2) * marks
    assert [entry.key for entry in entries] == ["a"] * (bibtex.MAX_UNCLOSED + 1)
    assert warnings == [
        f"read up to line {2 * bibtex.MAX_UNCLOSED + 2}: past "
        f"{bibtex.MAX_UNCLOSED} entries or comments whose braces never close"
    ]


def test_an_entry_over_the_length_limit_is_not_said_never_to_close() -> None:
    """s31 hostile probe F7: an entry of 100,000 nested braces, all closed, was left out as one
    whose "braces or quotes never close"."""
    from citeqa.readers.bibtex import ENTRY_MAX, bib_entries

    depth = ENTRY_MAX // 2
    content = "@article{k, title={" + "{" * depth + "}" * depth + "}}\n@book{b, title={B}}\n"
    entries, warnings = bib_entries(content)
    assert [entry.key for entry in entries] == ["b"]
    assert warnings == [
        f"entry k left out: still open after {ENTRY_MAX:,} characters, citeqa's limit for one entry"
    ]
