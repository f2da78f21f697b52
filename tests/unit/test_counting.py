"""A question asking to count or rank the records of a table abstains saying citeqa does not
count (counting.py)."""

from __future__ import annotations

import pytest

from citeqa import abstention
from citeqa.counting import asked_count, counted_records
from citeqa.models import Chunk, Document, Hit

ROWS = "| id | subject | agent |\n| --- | --- | --- |\n| 1042 | Login impossible | Camille |"
RECORDS = "tickets › 5533 › subject: Commande 50321\ntickets › 5533 › status: solved"


def hit(doc_id: str, text: str) -> Hit:
    chunk = Chunk(
        chunk_id=f"{doc_id}#0", doc_id=doc_id, text=text, start=0, end=len(text), lang="en"
    )
    return Hit(chunk=chunk, chunk_index=0, score=1.0)


def documents(*pairs: tuple[str, str], kind: str = "csv") -> dict[str, Document]:
    return {
        doc_id: Document(
            doc_id=doc_id, title=title, path=f"/{doc_id}", text="", sha256="0", kind=kind
        )
        for doc_id, title in pairs
    }


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("How many tickets were about login in March?", "tickets"),
        ("Quel pourcentage des tickets a une satisfaction « bad » ?", "tickets"),
        ("Which agent resolved the most tickets?", "tickets"),
        ("Combien de commandes ont été remboursées ?", "commandes"),
        ("How many days do I have to return a product?", None),  # a unit
        ("Combien de temps dure la garantie ?", None),
        ("A combien de kilomètres se trouve la gare ?", None),  # s25 review D: a unit
        ("How many litres does the tank hold?", None),
        ("Sous combien de jours le propriétaire doit-il intervenir ?", None),
        ("What is the refund for order 48213?", None),
    ],
)
def test_the_records_a_question_asks_to_count(question: str, noun: str | None) -> None:
    assert asked_count(question) == noun


def test_a_count_of_the_rows_of_a_table_its_document_names_is_refused_saying_so() -> None:
    # s25 trial: "How many tickets were about login in March?" quoted a macro (.43)
    docs = documents(
        ("macros/password-reset", "Password reset"), ("tickets/export-tickets", "Tickets S1")
    )
    hits = [
        hit("macros/password-reset", "Please tap Forgot password"),
        hit("tickets/export-tickets", ROWS),
    ]
    question = "How many tickets were about login in March?"
    title = counted_records(question, hits, docs)
    assert title == "Tickets S1"
    reason = abstention.not_counted(title, "en")
    assert reason.startswith("This question asks to count or rank the records of “Tickets S1”")
    assert "does not count" in reason


EXPORT = (  # an export's record as records.py writes it (s25-int: no longer path lines)
    "## tickets › 5537 · Problème d'appairage Prise Duo\nstatus: open · priority: high\n\n"
    "comments #2 · author: Julien Moreau, agent · public: true — Bonjour, nous regardons."
)


@pytest.mark.parametrize("text", [RECORDS, EXPORT])
def test_the_records_of_a_json_list_count_as_rows(text: str) -> None:
    docs = documents(("tickets/tickets-export", "tickets-export.json"))
    hits = [hit("tickets/tickets-export", text)]
    found = counted_records("Which agent resolved the most tickets?", hits, docs)
    assert found == "tickets-export.json"


@pytest.mark.parametrize(
    ("question", "doc_id", "text"),
    [
        ("How many tickets were about login in March?", "notes/tickets", "We got many tickets."),
        ("How many eggs in the banana bread?", "recipes/table", ROWS),  # no table named eggs
        ("How many days for a refund?", "days/table", ROWS),
    ],
)
def test_no_refusal_without_a_table_named_by_the_records_counted(
    question: str, doc_id: str, text: str
) -> None:
    docs = documents((doc_id, doc_id.split("/")[-1]))
    assert counted_records(question, [hit(doc_id, text)], docs) is None


PAPER = (
    "A total of 120 patients were enrolled between 2019 and 2021 at three sites.\n\n"
    "| Site | Patients | Responders |\n|------|----------|------------|\n| Lyon | 40 | 22 |"
)
REPORT = (
    "En mars, 412 tickets ont été ouverts et 398 tickets ont été résolus.\n\n"
    "| Agent | Tickets résolus |\n|-------|-----------------|\n| Alice | 120 |"
)


@pytest.mark.parametrize(
    ("question", "title", "text"),
    [  # s25 review D: both were quoted before the refusal (.51)
        ("How many patients were enrolled?", "Outcomes of drug X in patients", PAPER),
        ("Combien de tickets ont été ouverts en mars ?", "Rapport mensuel des tickets", REPORT),
        (
            "How many tickets were opened?",
            "Tickets",
            "We opened 1\u202f204 support tickets.\n| Week | Tickets |\n| 1 | 40 |",
        ),
    ],
)
def test_a_sentence_writing_the_count_answers_it(question: str, title: str, text: str) -> None:
    docs = documents(("docs/paper", title))
    assert counted_records(question, [hit("docs/paper", text)], docs) is None
    table_only = "\n".join(line for line in text.splitlines() if line.startswith("|"))
    assert counted_records(question, [hit("docs/paper", table_only)], docs) == title


def test_a_count_written_only_below_the_passages_read_does_not_answer_it() -> None:
    # s25 review E: any retrieved passage writing a number lifted the refusal
    docs = documents(("docs/paper", "Outcomes in patients"), ("docs/notes", "Notes"))
    top = [hit("docs/paper", ROWS.replace("agent", "patients"))]
    question = "How many patients were enrolled?"
    assert counted_records(question, top, docs) == docs["docs/paper"].title
    assert counted_records(question, [*top, hit("docs/notes", PAPER)], docs) is None
    year = [hit("docs/notes", "In 2021 patients were enrolled at three sites.")]
    assert counted_records(question, [*top, *year], docs) is not None


TICKETS = documents(("t/export-tickets", "Tickets S1"), ("g/guide", "Support guide"))


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("Which agent resolved the most tickets?", "The team closed 412 tickets in June."),
        ("How many tickets were about login?", "Priority 1 tickets are answered in an hour."),
        ("How many tickets were about login?", "In version 2 tickets can be merged."),
        ("How many tickets were about login?", "Each customer may open up to 3 tickets a day."),
        ("Combien de tickets concernaient la connexion ?", "Jusqu'à 3 tickets par jour."),
    ],
)
def test_a_label_a_limit_or_a_ranking_question_is_no_written_count(
    question: str, text: str
) -> None:
    # s25 review E (c3): "Which agent resolved the most tickets?" was answered .65
    hits = [hit("t/export-tickets", ROWS), hit("g/guide", text)]
    assert counted_records(question, hits, TICKETS) == "Tickets S1"


@pytest.mark.parametrize(
    "text",
    [
        "Patients enrolled: 120.",
        "The trial enrolled 120 adult female patients.",
        "A total of 1,204 patients were enrolled.",
    ],
)
def test_a_count_written_with_a_colon_or_two_words_between_answers_it(text: str) -> None:
    # s25 review E: "Patients enrolled: 120." was refused
    docs = documents(("d/patients", "Patients"), ("p/protocol", "Trial protocol"))
    rows = "| id | arm | age |\n| --- | --- | --- |\n| P-001 | A | 54 |"
    hits = [hit("d/patients", rows), hit("p/protocol", text)]
    assert counted_records("How many patients were enrolled in the trial?", hits, docs) is None


def test_only_the_tables_of_the_passages_read_are_counted() -> None:
    # s25 review D: a low-ranked table named by the noun refused a question the top answers
    docs = documents(("notes/enrolment", "Enrolment"), ("data/patients", "patients"))
    top = [hit("notes/enrolment", "Enrolment opened in May and closed in June.")]
    retrieved = [hit("data/patients", ROWS)]
    assert counted_records("How many patients were enrolled?", top, docs) is None
    assert counted_records("How many patients were enrolled?", retrieved, docs) == "patients"


def ticket_hit(text: str) -> Hit:
    """A passage of a ticket export's record, under its heading (records.py)."""
    chunk = Chunk(
        chunk_id="many#3", doc_id="many", text=text, start=0, end=len(text), lang="en",
        section="tickets › 1 · big",
    )  # fmt: skip
    return Hit(chunk=chunk, chunk_index=3, score=1.0)


@pytest.mark.parametrize(
    "text",
    [
        "comments:\n| a |\n| --- |\n| 0 |\n| 1 |",  # a table of them
        "comments #1 · author: Ann — It is still offline.\ncomments #2 · author: Bob · body: ok",
    ],
)
def test_records_counted_by_their_list_s_key_are_refused_though_no_name_writes_it(
    text: str,
) -> None:
    # s26 hostile probe: "How many comments does ticket 1 have?" quoted 4 of 100,000 (.72)
    docs = documents(("many", "many"), kind="json")  # records.py writes JSON documents only
    assert counted_records("How many comments does ticket 1 have?", [ticket_hit(text)], docs)
    assert counted_records("How many tickets are open?", [ticket_hit(text)], docs) is None
    prose = "Issue #42\nFixed the login page."
    assert counted_records("How many issues were fixed?", [hit("many", prose)], docs) is None


@pytest.mark.parametrize("kind", ["markdown", "docx", "text"])
def test_a_note_s_line_shaped_as_a_nested_record_names_no_records(kind: str) -> None:
    """s27 re-read: under a note's "Guide › Issues", "Known issues #3 — …" was read as a
    record of a list named "Known issues": the question was refused as a count of them."""
    text = "Known issues #3 — the login page times out.\nKnown issues #4 — exports fail."
    docs = documents(("many", "User guide"), kind=kind)
    question = "How many issues are known?"
    assert counted_records(question, [ticket_hit(text)], docs) is None
    json_docs = documents(("many", "User guide"), kind="json")
    assert counted_records(question, [ticket_hit(text)], json_docs) == "User guide"


def test_a_table_under_a_line_of_a_note_names_no_records() -> None:
    text = "Supported formats:\n| Format | Since |\n| --- | --- |\n| CSV | 1.0 |\n| XLSX | 2.1 |"
    docs = documents(("guide", "User guide"))
    assert counted_records("How many formats are supported?", [hit("guide", text)], docs) is None
