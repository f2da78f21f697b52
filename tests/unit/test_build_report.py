"""BuildReport.contents: what a build's report says the index holds, in words."""

from __future__ import annotations

import pytest

from citeqa.models import BuildReport


@pytest.mark.parametrize(
    ("documents", "chunks", "words"),
    [
        (1, 1, "1 document, 1 chunk"),
        (1, 3, "1 document, 3 chunks"),
        (2, 1, "2 documents, 1 chunk"),
        (0, 0, "0 documents, 0 chunks"),
    ],
)
def test_contents_counts_documents_and_chunks_in_the_right_number(
    documents: int, chunks: int, words: str
) -> None:
    report = BuildReport(index_dir="/tmp/x", documents=documents, chunks=chunks)
    assert report.contents == words
