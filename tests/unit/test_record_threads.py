"""Where a sentence of an export's record stands (record_threads.thread_record) and which
record of its thread answers a question (answering_records)."""

from __future__ import annotations

from citeqa.models import Document
from citeqa.record_threads import answering_records, asked_noun, asks_way, thread_record

TEXT = (
    "## tickets › 5541 · Firmware update stuck at 87%\n"
    "status: solved · requester: Anna Kowalski\n\n"
    "comments #1 · author: Anna Kowalski, end-user — The update is stuck at 87%.\n\n"
    "comments #2 · author: Priya Nair, agent — Hi Anna, please unplug the base.\n"
    "Firmware 2.8.1 fixes this issue.\n\n"
    "comments #3 · author: Anna Kowalski, end-user — It finished. Thank you Priya.\n\n"
    "## tickets › 5542 · Boiler error\n"
    "status: open\n"
)
NOTES = "## 7 · Printer\nstatus: open\n\nnotes #1 — Paper jams twice a day.\n\nSee issue\n"


def export(kind: str = "json") -> Document:
    return Document(doc_id="t", path="t.json", title="t", text=TEXT, sha256="0", kind=kind)


def at(text: str) -> int:
    return TEXT.index(text)


def test_a_sentence_stands_in_its_record_of_its_thread() -> None:
    document = export()
    first = thread_record(document, at("comments #1"))
    assert first is not None and first.thread == 0 and first.place == 1
    assert first.values == ("author: Anna Kowalski, end-user",)
    closing = thread_record(document, at("Firmware 2.8.1"))
    assert closing is not None and closing.place == 2
    assert closing.values == ("author: Priya Nair, agent",)
    own = thread_record(document, at("status: solved"))
    assert own is not None and (own.thread, own.place, own.values) == (0, 0, ())
    heading = thread_record(document, at("## tickets › 5542"))
    assert heading is not None and heading.thread == at("## tickets › 5542")
    assert thread_record(export("md"), at("comments #1")) is None
    bare = Document(doc_id="n", path="n.json", title="n", text=NOTES, sha256="0", kind="json")
    note = thread_record(bare, NOTES.index("notes #1"))
    assert note is not None and (note.place, note.values) == (1, ())
    assert thread_record(bare, NOTES.index("See issue")) == thread_record(bare, 0)


def test_questions_asking_a_way_or_a_kind_by_its_noun() -> None:
    assert asks_way("How do I fix a firmware update stuck at 87%?")
    assert asks_way("Comment résoudre une mise à jour bloquée ?")
    assert not asks_way("When was the firmware update stuck?")
    assert asked_noun("Which agent helped Anna Kowalski?") == "agent"
    assert asked_noun("Quel technicien est venu ?") == "technicien"
    assert asked_noun("What is the status of ticket 5541?") is None


def test_the_reply_or_the_record_writing_the_asked_noun_answers() -> None:
    document = export()
    placed = [(document, at(text)) for text in ("comments #1", "Firmware 2.8.1", "Hi Anna")]
    placed[2] = (document, at("comments #2"))
    assert answering_records(placed, "How do I fix the update stuck at 87%?") == [2]
    assert answering_records(placed, "When did the update get stuck?") is None
    asked = [(document, at("comments #3")), (document, at("comments #1")), placed[1]]
    assert answering_records(asked, "Which agent helped Anna Kowalski?") == [2]
    assert answering_records(asked, "Which customer thanked Priya?") is None
    other = [(document, at("## tickets › 5542")), (document, at("comments #2"))]
    assert answering_records(other, "Which agent replied?") is None  # another thread
