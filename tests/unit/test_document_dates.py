"""A document's own date, as later_statements reads it: its title's full date, else its file
name's, else a labelled line of its header; a year alone or a date deep in the text is none."""

from __future__ import annotations

from citeqa.answerlabels import otherwise_label
from citeqa.later_statements import document_date
from citeqa.models import Citation, Document


def _document(title: str, path: str, text: str) -> Document:
    return Document(doc_id="d", title=title, path=path, text=text, sha256="0")


def test_the_title_dates_the_document_first() -> None:
    document = _document("Compte rendu CODIR du 8 septembre 2026", "/x/cr-2026-01-12.pdf", "")
    assert document_date(document) == "2026-09-08"


def test_the_file_name_dates_an_undated_title() -> None:
    assert document_date(_document("Engineering weekly", "/m/eng-2026-07-07.pdf", "")) == (
        "2026-07-07"
    )


def test_a_labelled_header_line_dates_the_document() -> None:
    text = "# PV du CSE\n\n**Date :** 11 juin 2026\n\nDécision : le budget est fixé."
    assert document_date(_document("PV du CSE", "/r/pv.md", text)) == "2026-06-11"
    mail = "From: a@b.fr\nDate: Mon, 04 May 2026 09:00:00 +0200\n\nHi all"
    assert document_date(_document("Office closure", "/m/closure.eml", mail)) == "2026-05-04"


def test_a_year_alone_an_unlabelled_date_or_a_late_date_line_dates_nothing() -> None:
    assert (
        document_date(_document("Plan 2026", "/p/plan.md", "Applicable au 1er janvier 2026"))
        is None
    )
    late = "\n".join(["Line."] * 20 + ["Date : 3 mars 2026"])
    assert document_date(_document("Policy", "/p/policy.md", late)) is None


def _citation(later: str | None, otherwise: bool = True) -> Citation:
    return Citation(
        n=2,
        doc_id="d",
        title="t",
        path="p",
        start=0,
        end=1,
        quote="x",
        otherwise=otherwise,
        later=later,
    )


def test_a_later_statement_is_labelled_with_its_date_in_the_answer_language() -> None:
    assert (
        otherwise_label(_citation("2026-09-08"), "en")
        == "Later (2026-09-08), another document says:"
    )
    assert otherwise_label(_citation("2026-09-08"), "fr") == (
        "Plus tard (2026-09-08), un autre document dit :"
    )
    assert otherwise_label(_citation(None), "en") == "Another document says otherwise:"
    assert otherwise_label(_citation(None, otherwise=False), "en") is None
