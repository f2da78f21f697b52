"""What a question's checks read of the whole folder rather than of the passages retrieved, each
computed when first asked and kept with the loaded index (api), so that a corpus of tens of
thousands of files is read once, not once a question:
- the days its documents are dated (unheld_days.held_days): read by a question asking a day no
  passage writes, and by one asking a series' next day;
- its changelogs named by file name (latest_release.changelog_ids): read by a question asking
  the latest release (50,000 file names took 0.19 s to read, once a question before s47);
- the terms of its documents' names: read by a question looking a table row up by a key whose
  table the question may not point at (pointed_tables.unpointed_key).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

from citeqa.latest_release import changelog_ids
from citeqa.lexical import written_terms
from citeqa.models import Document
from citeqa.unheld_days import held_days

__all__ = ["FolderFacts"]


class FolderFacts:
    """The folder-wide facts of `documents` (doc id → Document), each read when first asked."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self._documents = documents

    @cached_property
    def dated_days(self) -> frozenset[str]:
        """The days the documents are dated (unheld_days.held_days)."""
        return held_days(self._documents.values())

    @cached_property
    def name_terms(self) -> dict[str, frozenset[str]]:
        """Each document's name terms: lexical.written_terms of its title and id, no date
        (pointed_tables.py reads the tables of documents named by a question's words)."""
        return {
            doc_id: written_terms(f"{document.title} {doc_id}", dates=False)
            for doc_id, document in self._documents.items()
        }

    @cached_property
    def changelog_ids(self) -> list[str]:
        """The ids of the documents whose file name is a changelog's (latest_release.py)."""
        return changelog_ids(self._documents)
