"""A document's own date, as later_statements reads it: its title's full date, else its file
name's, else a labelled line of its header; a year alone or a date deep in the text is none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from citeqa.answering import standing_first
from citeqa.answerlabels import otherwise_label
from citeqa.corpus import read_document
from citeqa.later_statements import (
    asks_first_said,
    asks_what_holds,
    document_date,
    folder_convention,
    message_date,
    reverses,
    states_a_change,
)
from citeqa.models import UNDATED, Citation, Document


def _document(title: str, path: str, text: str) -> Document:
    return Document(doc_id="d", title=title, path=path, text=text, sha256="0")


def test_the_title_dates_the_document_before_its_file_name() -> None:
    document = _document("Compte rendu CODIR du 8 septembre 2026", "/x/cr-2026-01-12.pdf", "")
    assert document_date(document) == "2026-09-08"


def test_a_date_line_dates_the_document_before_a_title_naming_an_event() -> None:
    text = "# Launch plan for 2026-12-15\n\nDate: 3 February 2026\n\nThe runners build it."
    document = _document("Launch plan for 2026-12-15", "/p/launch.md", text)
    assert document_date(document) == "2026-02-03"


def test_a_numeric_day_and_month_that_could_be_either_date_nothing_unless_the_folder_tells() -> (
    None
):
    may = _document("Ops minutes", "/o/05-04-2026-ops-minutes.md", "")
    assert document_date(may) is None
    names = ["03-15-2026-ops-minutes", "04-20-2026-ops-minutes", "05-04-2026-ops-minutes"]
    assert folder_convention(names) is False
    assert document_date(may, days_first=False) == "2026-05-04"
    assert document_date(may, days_first=True) == "2026-04-05"
    assert folder_convention(["20-04-2026 cr", "05-04-2026 cr"]) is True
    assert folder_convention(["20-04-2026 cr", "04-20-2026 cr", "05-04-2026 cr"]) is None
    assert document_date(_document("Ops", "/o/04-20-2026-ops.md", "")) == "2026-04-20"


def test_the_file_name_dates_an_undated_title() -> None:
    assert document_date(_document("Engineering weekly", "/m/eng-2026-07-07.pdf", "")) == (
        "2026-07-07"
    )


def test_a_labelled_header_line_dates_the_document() -> None:
    text = "# PV du CSE\n\n**Date :** 11 juin 2026\n\nDécision : le budget est fixé."
    assert document_date(_document("PV du CSE", "/r/pv.md", text)) == "2026-06-11"
    mail = "From: a@b.fr\nDate: Mon, 04 May 2026 09:00:00 +0200\n\nHi all"
    assert document_date(_document("Office closure", "/m/closure.eml", mail)) == "2026-05-04"


@pytest.mark.parametrize(
    ("title", "path", "text"),
    [
        ("Minutes", "/m/9999-12-31-minutes.md", ""),
        ("Minutes", "/m/minutes.md", "Date: 31 December 9999\n\nThe budget is set."),
        ("Minutes", "/m/1700-01-02-minutes.md", ""),
    ],
)
def test_a_date_of_an_implausible_year_dates_nothing(title: str, path: str, text: str) -> None:
    """A file named for 9999-12-31 was a later statement to every dated document (s27
    hostile probe); years stand between 1800 and 2199 as dates.YEAR_DIGITS has them."""
    assert document_date(_document(title, path, text)) is None


@pytest.mark.parametrize(
    ("path", "dated"),
    [
        ("/m/2150-01-01-minutes.md", False),
        ("/m/2199-12-31-minutes.md", False),
        ("/m/2028-12-01-plan.md", True),  # a plan written ahead: two years past today
        ("/m/2028-12-02-plan.md", False),
    ],
)
def test_a_date_far_past_today_dates_nothing(path: str, dated: bool) -> None:
    """A file named for 2150 was still shown as a later statement (s28 hostile probe #12): a
    date more than `future_years` (data, 2) past today dates nothing."""
    found = document_date(_document("Minutes", path, ""), today=date(2026, 12, 1))
    assert found == (path[3:13] if dated else None)


def test_a_year_alone_an_unlabelled_date_or_a_late_date_line_dates_nothing() -> None:
    assert (
        document_date(_document("Plan 2026", "/p/plan.md", "Applicable au 1er janvier 2026"))
        is None
    )
    late = "\n".join(["Line."] * 20 + ["Date : 3 mars 2026"])
    assert document_date(_document("Policy", "/p/policy.md", late)) is None


def test_a_letters_place_and_date_line_at_its_head_or_foot_dates_it() -> None:
    """s27 trial: a lease's avenants, dated "Lyon, le 12 août 2024" at their foot, were
    undated, and no later rent was shown beside the lease's."""
    clauses = "\n".join(["Article."] * 20)
    avenant = f"AVENANT N° 2\n{clauses}\nLyon, le 12 août 2024. Signatures : A, B."
    assert document_date(_document("Avenant 2", "/l/avenant.pdf", avenant)) == "2024-08-12"
    signed = f"Bail\n{clauses}\nFait à Saint-Étienne, le 1er mars 2022, en deux exemplaires."
    assert document_date(_document("Bail", "/l/bail.pdf", signed)) == "2022-03-01"
    letter = f"Dear Ms Reed,\n{clauses}\nKind regards,\nJ. Smith\n12 August 2024\n"
    assert document_date(_document("Letter", "/l/letter.docx", letter)) == "2024-08-12"
    head = "School of Arts\n\nLondon, 3 March 2025\n\nDear parents,"
    assert document_date(_document("Trip", "/s/trip.docx", head)) == "2025-03-03"
    shouted = f"Bail\n{clauses}\nFAIT À SAINT-ÉTIENNE, LE 1ER MARS 2022"
    assert document_date(_document("Bail", "/l/bail.pdf", shouted)) == "2022-03-01"
    crlf = "\r\n".join(["Avenant", *["Article."] * 3000, "Lyon, le 12 août 2024", "A", "B"])
    assert document_date(_document("Avenant", "/l/a.pdf", crlf)) == "2024-08-12"  # a long foot
    for undated in (
        f"Notes\n{clauses}\nSee the plan for Lyon, 2026 budget.",
        f"Notes\n{clauses}\nPaid on 12 August 2024 by card, as agreed.",
        f"Notes\n{clauses}\n| 12/03/2025 | CB | 3 |",
        # review E: body sentences and a table row opening like a place-and-date line
        "Smith, 3 March 2020 was the day we met.\nMore.",
        "Meanwhile, 3 March 2021 the tenant left.",
        "Meanwhile, 3 March 2021.",
        "Mois,Date,Loyer\nLoyer,01/08/2022,850",
        # s27 re-read: a sum's label or a lower-case word is no place
        f"Facture\n{clauses}\nTotal, 12 mai 2024.",
        f"Facture\n{clauses}\nMontant, 12/05/2024",
        "lyon, le 12 août 2024\nMore.",
    ):
        assert document_date(_document("Notes", "/n/notes.md", undated)) is None, undated


def test_a_title_or_file_name_date_wins_over_a_place_and_date_line() -> None:
    text = "London, 3 March 2025\n\nDear parents,"
    titled = _document("Trip of 12 May 2025", "/s/trip.docx", text)
    assert document_date(titled) == "2025-05-12"
    named = _document("Trip", "/s/2025-06-01-trip.docx", text)
    assert document_date(named) == "2025-06-01"


def _citation(later: str | None, otherwise: bool = False) -> Citation:
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
        after=None if later is None else "2026-01-12",
    )


def test_a_later_statement_is_labelled_with_its_date_in_the_answer_language() -> None:
    assert (
        otherwise_label(_citation("2026-09-08"), "en")
        == "Later (2026-09-08, after the quoted 2026-01-12), another document says:"
    )
    assert otherwise_label(_citation("2026-09-08"), "fr") == (
        "Plus tard (2026-09-08, après le 2026-01-12 cité), un autre document dit :"
    )
    assert otherwise_label(_citation(None, otherwise=True), "en") == (
        "Another document says otherwise:"
    )
    assert otherwise_label(_citation(None, otherwise=False), "en") is None
    undated = _citation("2026-09-08").model_copy(update={"after": UNDATED})
    assert otherwise_label(undated, "en") == (
        "Dated 2026-09-08 (the quoted document is undated), another document says:"
    )
    assert otherwise_label(undated, "fr") == (
        "Daté du 2026-09-08 (le document cité n'est pas daté), un autre document dit :"
    )


def test_the_date_labels_and_the_cues_read_their_data_file_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from citeqa import later_statements

    read: list[str] = []
    data_json = later_statements.data_json

    def counted(name: str) -> object:
        read.append(name)
        return data_json(name)

    monkeypatch.setattr(later_statements, "data_json", counted)
    for cached in ("_data", "_label_pattern", "_cues"):
        if hasattr(later_statements, cached):
            getattr(later_statements, cached).cache_clear()
    try:
        assert later_statements._label_pattern().match("date :")
        assert later_statements._cues()[0].search("abandonne") is not None
        assert read == ["dated_documents.json"]
    finally:
        for cached in ("_data", "_label_pattern", "_cues"):
            if hasattr(later_statements, cached):
                getattr(later_statements, cached).cache_clear()


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        ("What did the CODIR decide about the Lyon office?", True),
        ("Qu'a décidé le CODIR pour le bureau de Lyon ?", True),
        ("Is the Lyon office still planned?", True),
        ("Le bureau de Lyon est-il ouvert ?", True),
        ("Are we migrating our CI to GitHub Actions?", True),
        ("Are we allowed to work from home on Fridays?", False),  # asks a rule, not a decision
        ("How many desks does the Lyon office have?", False),
        ("Where is the Lyon office?", False),
        ("Does the Lyon office open in September?", False),
        ("Peut-on réserver un bureau à Lyon ?", False),
        ("What was decided first?", False),
        ("What did the board decide at the start?", False),
        ("Qu'a décidé le comité à l'origine ?", False),
    ],
)
def test_only_decision_or_current_state_wording_asks_what_holds(question: str, holds: bool) -> None:
    assert asks_what_holds(question) is holds


@pytest.mark.parametrize(
    ("later", "reversed_"),
    [
        ("Decision: the Porto warehouse project is abandoned.", True),
        ("The GitHub Actions migration is cancelled: we stay on GitLab CI.", True),
        ("We use the shared space instead.", True),
        ("Le projet de bureau à Lyon n’est plus d’actualité.", True),
        ("Le bureau ne sera finalement plus ouvert.", True),
        ("The Lyon office will have 14 desks.", True),
        ("The desks of the Lyon office will be repainted blue by the landlord.", False),
        ("Les navettes de Gand seront lavées chaque semaine.", False),
        ("Les locaux seront nettoyés plus souvent.", False),
        ("The Lyon office will have 12 desks.", False),
        ("The desks will be repainted blue in 2027.", False),
        ("The desks will be repainted blue on 3 March 2027.", False),
    ],
)
def test_a_later_statement_reverses_by_a_cue_or_another_number(later: str, reversed_: bool) -> None:
    quoted = ["The board decided to open the Lyon office with 12 desks."]
    assert reverses(later, quoted) is reversed_


def test_a_number_one_of_the_quotes_writes_changes_nothing() -> None:
    """The quotes' numbers are read together: "14" is no change when a quote writes it (s27
    re-read: each quote was read alone)."""
    quoted = ["We buy 12 desks.", "Of which 14 desks are standing."]
    assert not reverses("The 14 desks arrive on Monday.", quoted)
    assert reverses("The 16 desks arrive on Monday.", quoted)


def test_each_moved_quote_bears_its_own_document_s_date() -> None:
    def cited(n: int, doc_id: str, later: str | None = None) -> Citation:
        return Citation(
            n=n, doc_id=doc_id, title="t", path="p", start=0, end=1, quote="x", later=later
        )

    citations = [
        cited(1, "jan"),
        cited(2, "undated"),
        cited(3, "mar"),
        cited(4, "sep", "2026-09-08"),
    ]
    moved = standing_first(citations, {"jan": "2026-01-12", "mar": "2026-03-02"})
    assert [(c.n, c.doc_id, c.earlier, c.before) for c in moved] == [
        (1, "sep", None, None),
        (2, "jan", "2026-01-12", "2026-09-08"),
        (3, "undated", None, None),
        (4, "mar", "2026-03-02", "2026-09-08"),
    ]


def test_a_mail_sentence_is_dated_by_its_message_past_the_header_lines(tmp_path: Path) -> None:
    """s29 trial: a mail's "Date:" header stands under its Headers heading, past the lines a
    date label dates a document on: the principal's "déplacé au 5 février" was undated."""
    lines = "\n".join(f"Ligne {n} du message." for n in range(20))
    mail = (
        "From: Proviseur <p@lycee.example>\nTo: Equipe <e@lycee.example>\n"
        "Subject: Bac blanc\nDate: Thu, 10 Dec 2026 17:42:00 +0100\n\n"
        f"Bonjour,\n\nLe bac blanc est déplacé au 5 février.\n{lines}\n"
    )
    (tmp_path / "bac.eml").write_text(mail, encoding="utf-8")
    document = read_document(tmp_path / "bac.eml", tmp_path, {})
    start = document.text.index("Le bac blanc")
    assert message_date(document, start) == "2026-12-10"
    assert message_date(document, start, today=date(2020, 1, 1)) is None  # too far ahead
    plain = _document("Notes", "/n/notes.md", "# Notes\n\n## Lena · 3 Mar 2026\nHello.\n")
    assert message_date(plain, 20) is None


@pytest.mark.parametrize(
    ("sentence", "changes"),
    [
        ("Le bac blanc de physique-chimie est déplacé au 5 février 2027.", True),
        ("From 5 January, the Tuesday labs meet in room L15.", True),
        ("Le coût du voyage passe de 420 € à 465 € par élève.", True),
        ("The science fair is postponed to 20 May.", True),
        ("The library is open from 9 to 5.", False),
        ("The exam runs from 3 March to 5 April.", False),
        ("The bac blanc lasts four hours.", False),
        ("La réunion est annulée.", True),
        ("Le concert n'aura pas lieu.", True),
        ("À compter du 3 mars, l'entraînement a lieu au gymnase.", True),
        # a bare cue gives the event no new value (s29 review)
        ("Sessions cancelled because of snow are refunded at £2 each.", False),
        ("La cotisation est remboursée à partir de trois séances annulées.", False),
        ("La cotisation doit être réglée dès le premier entraînement.", False),
        ("La cotisation peut être réglée en trois fois à partir de 40 € par mois.", False),
        ("Les enfants sont acceptés à partir de 6 ans.", False),
        ("Toute séance annulée par le club est remboursée.", False),
        ("Members who no longer play pay half price.", False),
        ("Use the side door instead of the main entrance.", False),
        ("L'entraînement commence à partir du 10 septembre.", False),
        ("Payment is due as of the invoice date.", False),
    ],
)
def test_a_sentence_saying_a_fact_changed_is_told(sentence: str, changes: bool) -> None:
    assert states_a_change(sentence) is changes


def test_now_and_a_new_number_is_a_change_of_the_quoted_value() -> None:
    quoted = ["La cotisation annuelle est de 120 € par adhérent."]
    assert states_a_change("Désormais la cotisation est de 130 € par adhérent.", quoted)
    assert not states_a_change("Désormais la cotisation est de 120 € par adhérent.", quoted)
    assert not states_a_change("Désormais le bureau compte 9 membres.")


def test_a_question_asking_what_was_first_planned_is_told() -> None:
    assert asks_first_said("Quelle date était prévue au départ pour le bac blanc ?")
    assert asks_first_said("What was originally planned for the science fair?")
    assert not asks_first_said("Quand a lieu le bac blanc de physique ?")


@pytest.mark.parametrize(
    ("question", "first_said"),
    [
        ("Quel était l'ancien tarif de la cotisation ?", True),
        ("What was the old date of the science fair?", True),
        ("When was the fair planned at first?", True),
        ("What did the board initially decide about the warehouse?", True),
        ("Quand la réunion était-elle initialement prévue ?", True),
        # a bare "ancien", "initial", "previous" asks what holds (s29 review)
        ("Quel est le tarif pour les anciens joueurs ?", False),
        ("What is the initial fee for new members?", False),
        ("Who is the previous treasurer's successor?", False),
        ("When is the original-cast screening?", False),
    ],
)
def test_only_an_expression_asks_what_was_first_said(question: str, first_said: bool) -> None:
    assert asks_first_said(question) is first_said
