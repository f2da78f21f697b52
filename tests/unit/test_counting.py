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


def documents(*pairs: tuple[str, str]) -> dict[str, Document]:
    return {
        doc_id: Document(
            doc_id=doc_id, title=title, path=f"/{doc_id}", text="", sha256="0", kind="csv"
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


def test_the_records_of_a_json_list_count_as_rows() -> None:
    docs = documents(("tickets/tickets-export", "tickets-export.json"))
    hits = [hit("tickets/tickets-export", RECORDS)]
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
