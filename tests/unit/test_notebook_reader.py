"""Jupyter notebooks (readers/notebook.py): markdown cells as Markdown, code cells fenced, text
outputs after their cell marked as output, images and HTML left out, titled by the first
heading; bad files skipped with one reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeqa.blocks import headings
from citeqa.corpus import UnreadableDocument, read_document
from citeqa.readers import reader_for
from citeqa.readers.notebook import OUTPUT_MAX


def notebook(cells: list[dict[str, object]], **metadata: object) -> str:
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": metadata, "cells": cells})


def markdown(source: str | list[str]) -> dict[str, object]:
    return {"cell_type": "markdown", "metadata": {}, "source": source}


def code(source: str, *outputs: dict[str, object]) -> dict[str, object]:
    return {
        "cell_type": "code", "execution_count": 7, "metadata": {}, "source": source,
        "outputs": list(outputs),
    }  # fmt: skip


def read(tmp_path: Path, text: str, name: str = "analysis.ipynb") -> tuple[str, str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = read_document(path, tmp_path, {})
    return document.text, document.title


SALES = notebook(
    [
        markdown(["# Sales analysis\n", "\n", "Regional sales for the third quarter."]),
        code("import pandas as pd"),
        markdown("## Totals by region\n\nThe northern region sold the most."),
        code(
            "sales.groupby('region').units.sum()",
            {
                "output_type": "execute_result", "execution_count": 7, "metadata": {},
                "data": {"text/plain": ["region\n", "North    4210\n", "South    3175"],
                         "text/html": "<table><tr><td>North</td></tr></table>"},
            },
        ),
        code("print(total)", {"output_type": "stream", "name": "stdout", "text": "Total: 7385\n"}),
        code(
            "sales.plot()",
            {"output_type": "display_data", "metadata": {},
             "data": {"image/png": "iVBORw0KGgo" * 100, "text/plain": "<Figure size 640x480>"}},
            {"output_type": "stream", "name": "stderr", "text": "FutureWarning: deprecated\n"},
            {"output_type": "error", "ename": "KeyError", "evalue": "'x'", "traceback": ["boom"]},
        ),
    ],
    language_info={"name": "python"},
)  # fmt: skip


def test_ipynb_files_are_read_by_the_notebook_reader_as_markdown() -> None:
    reader = reader_for(".IPYNB")
    assert reader is not None and reader.kind == "md" and reader_for(".json") is not reader


def test_cells_are_read_in_order_code_fenced_outputs_marked(tmp_path: Path) -> None:
    text, title = read(tmp_path, SALES)
    assert title == "Sales analysis"
    assert text.startswith("# Sales analysis\n\nRegional sales for the third quarter.\n\n")
    assert "```python\nimport pandas as pd\n```" in text
    assert (
        "```python\nsales.groupby('region').units.sum()\n```\n\n"
        "```output\nregion\nNorth    4210\nSouth    3175\n```"
    ) in text
    assert "```python\nprint(total)\n```\n\n```output\nTotal: 7385\n```" in text
    assert text.index("Totals by region") < text.index("North    4210")


def test_images_html_errors_stderr_and_execution_counts_are_no_text(tmp_path: Path) -> None:
    text, _ = read(tmp_path, SALES)
    for left_out in ("iVBOR", "<Figure", "<table>", "FutureWarning", "KeyError", "boom", "7]"):
        assert left_out not in text
    assert text.count("```output") == 2


def test_markdown_headings_are_sections_and_a_code_comment_is_none(tmp_path: Path) -> None:
    text, _ = read(tmp_path, notebook([markdown("# Setup"), code("# not a heading\nx = 1")]))
    assert headings(text) == ["Setup"]


def test_a_long_output_is_cut_with_a_warning(tmp_path: Path) -> None:
    log = {"output_type": "stream", "name": "stdout", "text": "step done\n" * 10_000}
    path = tmp_path / "run.ipynb"
    path.write_text(notebook([code("run()", log)]), encoding="utf-8")
    extracted = reader_for(".ipynb").extract(path.read_text(), "run.ipynb")  # type: ignore[union-attr]
    assert "step done" in extracted.text and len(extracted.text) < OUTPUT_MAX + 100
    assert extracted.warnings and "cells 1 cut" in extracted.warnings[0]


def test_nbformat_3_worksheets_heading_cells_and_inputs_are_read(tmp_path: Path) -> None:
    old = {
        "nbformat": 3,
        "metadata": {"name": ""},
        "worksheets": [{"cells": [
            {"cell_type": "heading", "level": 2, "source": ["Model fit"]},
            {"cell_type": "code", "language": "python", "input": ["fit(x)"],
             "outputs": [{"output_type": "pyout", "text": ["R2 = 0.91"]}]},
        ]}],
    }  # fmt: skip
    text, title = read(tmp_path, json.dumps(old))
    assert text == "## Model fit\n\n```\nfit(x)\n```\n\n```output\nR2 = 0.91\n```\n"
    assert title == "Model fit"


def test_a_title_is_sanitised(tmp_path: Path) -> None:
    """Its control characters shown as any title's are (titles.visible_title)."""
    _, title = read(tmp_path, notebook([markdown("# Results\x07\x1b[31m of run")]))
    assert title == "Results␇␛[31m of run"


def test_a_comment_in_a_markdown_cells_fenced_code_is_no_title(tmp_path: Path) -> None:
    cells = [markdown("Intro\n```python\n# load the data\n```"), markdown("## Real title")]
    _, title = read(tmp_path, notebook(cells))
    assert title == "Real title"


def test_backticks_in_a_cell_get_a_longer_fence(tmp_path: Path) -> None:
    text, _ = read(tmp_path, notebook([code('s = """\n```\n"""')]))
    assert text.startswith("````\n") and text.rstrip().endswith("\n````")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"cells": [', "not a Jupyter notebook: not valid JSON"),
        ('["a", "list"]', "not a Jupyter notebook: no list of cells"),
        ('{"cells": "no"}', "not a Jupyter notebook: no list of cells"),
        ("[" * 100_000 + "]" * 100_000, "not a Jupyter notebook: not valid JSON"),
    ],
)
def test_a_file_that_is_no_notebook_is_skipped_with_one_reason(
    tmp_path: Path, content: str, reason: str
) -> None:
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, content)
    assert refused.value.reason.startswith(reason)


def test_a_notebook_in_another_encoding_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.ipynb"
    path.write_bytes(notebook([markdown("# Résumé des coûts")], ).encode("cp1252").replace(
        b"\\u00e9", "é".encode("cp1252")))  # fmt: skip
    document = read_document(path, tmp_path, {})
    assert document.title == "Résumé des coûts"


ODD_VALUES: list[object] = [None, 5, True, "text", ["a", 1], {"x": [1]}, [{"output_type": 3}]]


def test_cells_of_any_odd_shape_are_read_or_left_out_never_raised(tmp_path: Path) -> None:
    fields = ("cell_type", "source", "outputs", "level", "input")
    cells: list[dict[str, object]] = [
        {"cell_type": kind, field: value}
        for kind in ("markdown", "code", "heading", "raw", None, 3)
        for field in fields
        for value in ODD_VALUES
    ]
    text, _ = read(tmp_path, notebook([*cells, markdown("Still read.")], language_info=[1]))
    assert text.endswith("Still read.\n")
