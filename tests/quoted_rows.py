"""Test helper: one table row of a text quoted as an answer's only citation, with the document
it stands in (the tests of what a quoted row leaves unsaid: empty_cells, unheld_cells)."""

from __future__ import annotations

from citeqa.models import Citation, Document


def quoted_row(text: str, row: str) -> tuple[list[Citation], dict[str, Document]]:
    """A citation of `row`, the first place `text` writes it, and its document "d" by id."""
    start = text.index(row)
    citation = Citation(
        n=1, doc_id="d", title="d", path="/d.md", start=start, end=start + len(row), quote=row
    )
    return [citation], {"d": Document(doc_id="d", title="d", path="/d.md", text=text, sha256="0")}
