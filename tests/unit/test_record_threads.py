"""Where a sentence of an export's record stands (record_threads.thread_record) and which
record of its thread answers a question (answering_records)."""

from __future__ import annotations

import pytest

from citeqa.models import Document
from citeqa.record_threads import (
    ThreadRecord,
    answering_records,
    asked_noun,
    asks_way,
    thread_record,
)

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
NOTES = (
    "## 7 · Printer\nstatus: open\n\nnotes #1 — Paper jams twice a day.\n\nSee issue 4.\n\n"
    "via › source › from: help desk\n"
)


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
    assert thread_record(bare, NOTES.index("See issue")) == note  # its second paragraph
    assert thread_record(bare, NOTES.index("via › ")) == thread_record(bare, 0)


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
    supported = [True] * 3
    assert answering_records(placed, "How do I fix the update stuck at 87%?", supported) == [2]
    assert answering_records(placed, "When did the update get stuck?", supported) is None
    asked = [(document, at("comments #3")), (document, at("comments #1")), placed[1]]
    assert answering_records(asked, "Which agent helped Anna Kowalski?", supported) == [2]
    assert answering_records(asked, "Which customer thanked Priya?", supported) is None
    other = [(document, at("## tickets › 5542")), (document, at("comments #2"))]
    assert answering_records(other, "Which agent replied?", supported) is None  # another thread


def json_document(text: str, name: str = "t") -> Document:
    return Document(
        doc_id=name, path=f"{name}.json", title=name, text=text, sha256="0", kind="json"
    )


KB = (
    "## articles › 100 · Resetting the hub\n"
    "id: 100 · author: docs team\n\n"
    "sections #1 · heading: Steps — To reset the hub, hold the rear button.\n\n"
    "sections #2 · heading: Troubleshooting — If the light stays red, unplug the hub.\n"
)
CHAT = (
    "## conversations › 1 · it-help\n"
    "channel: it-help · date: 2026-03-01\n\n"
    "messages #1 · user: alice — To get VPN access, file a request in the IT portal.\n\n"
    "messages #2 · user: bob — Thanks alice, I will try the portal tomorrow.\n"
)


def test_a_knowledge_base_s_sections_name_no_author_and_keep_their_best() -> None:
    kb = json_document(KB)
    placed = [(kb, KB.index("sections #1")), (kb, KB.index("sections #2"))]
    assert thread_record(kb, KB.index("sections #1")) == ThreadRecord(0, 1, ("heading: Steps",))
    assert answering_records(placed, "How do I reset the hub?", [True, True]) is None


def test_a_chat_log_s_reply_writing_no_word_of_the_question_is_no_answer() -> None:
    chat = json_document(CHAT)
    placed = [(chat, CHAT.index("messages #1")), (chat, CHAT.index("messages #2"))]
    assert thread_record(chat, CHAT.index("messages #2")).author == "bob"  # type: ignore[union-attr]
    assert answering_records(placed, "How do I get VPN access?", [True, False]) is None
    assert answering_records(placed, "How do I get VPN access?", [True, True]) == [1]


ZENDESK = (
    "## tickets › 7000 · Boiler error E47\n"
    "status: solved · assigned_agent: Tom Reed\n\n"
    "comments #1 · id: 9000 · author: Customer 0, end-user — My boiler shows error E47.\n\n"
    "comments #2 · id: 9001 · author: Customer 0, end-user — Also the display flickers.\n\n"
    "comments #3 · id: 9002 · author: Priya Nair, agent — Hello Customer 0!\n\n"
    "Thank you for writing.\n\n"
    "Please check the gas valve under the boiler is open.\n"
)


def test_the_reply_is_by_another_author_under_the_author_key_not_the_first_value() -> None:
    desk = json_document(ZENDESK)
    placed = [(desk, ZENDESK.index(text)) for text in ("comments #1", "comments #2", "Please")]
    answer = answering_records(placed, "What should I do about boiler error E47?", [True] * 3)
    assert answer == [2]


def test_a_paragraph_of_prose_shaped_as_a_lead_stays_in_its_comment() -> None:
    """s27 re-read: a comment's paragraph "see step #3 · then restart" was read as the lead
    of a third record of a list named "see step", its author lost."""
    text = TEXT.replace(
        "Firmware 2.8.1 fixes this issue.\n", "\nsee step #3 · then restart the base.\n"
    )
    document = Document(doc_id="t", path="t.json", title="t", text=text, sha256="0", kind="json")
    record = thread_record(document, text.index("then restart"))
    assert record is not None and record.place == 2 and record.author == "priya nair, agent"
    third = thread_record(document, text.index("It finished"))
    assert third is not None and third.place == 3  # a real lead after its list's second


def test_a_comment_of_several_paragraphs_is_one_record_answered_by_a_worded_sentence() -> None:
    desk = json_document(ZENDESK)
    record = thread_record(desk, ZENDESK.index("Please check"))
    assert record is not None and record.place == 3 and record.author == "priya nair, agent"
    texts = ("comments #1", "comments #3", "Thank you for", "Please check")
    placed = [(desk, ZENDESK.index(text)) for text in texts]
    answer = answering_records(placed, "How do I fix error E47?", [True, False, False, True])
    assert answer == [3]


def test_which_noun_keeps_an_answer_from_the_record_s_own_values_or_a_key() -> None:
    desk = json_document(ZENDESK)
    own = [(desk, ZENDESK.index("status: solved")), (desk, ZENDESK.index("comments #3"))]
    assert answering_records(own, "Which agent was ticket 7000 assigned to?", [True] * 2) is None
    keyed = ZENDESK.replace("id: 9001", "agent_note: none")
    document = json_document(keyed)
    placed = [(document, keyed.index("comments #2")), (document, keyed.index("comments #3"))]
    assert answering_records(placed, "Which agent saw it?", [True] * 2) is None


def test_other_documents_and_threads_candidates_are_kept_after_the_answer() -> None:
    document, kb = export(), json_document(KB, "kb")
    placed = [
        (document, at("comments #1")),
        (kb, KB.index("sections #1")),
        (document, at("## tickets › 5542")),
        (document, at("comments #2")),
    ]
    assert answering_records(placed, "How do I fix the update stuck?", [True] * 4) == [3, 1, 2]


def test_a_question_asking_no_way_nor_noun_reads_only_the_best_s_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import citeqa.record_threads as record_threads

    read: list[int] = []

    def counted(document: Document, offset: int) -> ThreadRecord | None:
        read.append(offset)
        return thread_record(document, offset)

    monkeypatch.setattr(record_threads, "thread_record", counted)
    document = export()
    placed = [(document, at("comments #1")), (document, at("Firmware 2.8.1"))]
    assert record_threads.answering_records(placed, "When was it stuck?", [True] * 2) is None
    assert read == [at("comments #1")]
