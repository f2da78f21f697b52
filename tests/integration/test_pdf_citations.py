"""A PDF's citations name the page of the quote, and a quote never runs across a page break."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from citeqa.api import build_index, open_assistant
from citeqa.config import Settings

HERE = Path(__file__).resolve().parent


def minimal_pdf(pages: list[str]) -> bytes:
    """The PDF writer of tests/unit/test_corpus.py (pypdf cannot write text)."""
    spec = importlib.util.spec_from_file_location(
        "corpus_tests", HERE.parent / "unit" / "test_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.minimal_pdf(pages)  # type: ignore[no-any-return]


def test_pdf_citations_carry_their_page(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "paper.pdf").write_bytes(
        minimal_pdf(
            [
                "Belimumab is approved for lupus nephritis in adults.",
                "The dose of belimumab is 10 mg/kg every four weeks.",
            ]
        )
    )
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", channels=("fake",))
    build_index(settings)
    assistant = open_assistant(settings, build_if_missing=False)
    document = assistant.document("paper")
    for question, page in (
        ("What is the dose of belimumab?", 2),
        ("Is belimumab approved for lupus nephritis?", 1),
    ):
        answer = assistant.ask(question)
        assert answer.citations, question
        first = answer.citations[0]
        assert first.page == page
        assert document.text[first.start : first.end] == first.quote
        for citation in answer.citations:
            assert document.page_at(citation.start) == document.page_at(citation.end - 1)
