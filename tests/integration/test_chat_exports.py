"""Chat exports and mailboxes read as messages (chatexport.py, readers/mbox.py), found by the
session-22 user trial: a Slack export's day files were read as JSON trees ("#6 › ts: …", user
ids never named, replies apart from their question, titles "2025-11-04.json") and its .mbox was
skipped as an unsupported file type. Small exports and mailboxes are written in each test."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from citeqa import chatexport
from citeqa.corpus import UnreadableDocument, read_document
from citeqa.readers import mbox, structured

if TYPE_CHECKING:  # a name only: imported at run time, `conftest` can be tests/tui's, which
    # holds no CliResult, when a worker collected the TUI tests first (a subset run under -n 2)
    from conftest import CliResult

USERS = [
    {"id": "U03SL", "name": "sara", "real_name": "Sara Lindqvist", "profile": {}},
    {"id": "U08LW", "name": "li", "profile": {"display_name": "Li Wei"}},
]
CHANNELS = [{"id": "C01", "name": "eng", "members": ["U03SL", "U08LW"]}]
DAY = [
    {"type": "message", "user": "U08LW", "text": "Windows CI is flaky on the tz tests again.",
     "ts": "1758190778.000000", "thread_ts": "1758190578.000000"},
    {"type": "message", "user": "U03SL", "text": "Release 2.4.0 is tagged, <@U08LW> please check.",
     "ts": "1758190578.000000", "thread_ts": "1758190578.000000", "reply_count": 2},
    {"type": "message", "subtype": "channel_join", "user": "U08LW",
     "text": "<@U08LW> has joined the channel", "ts": "1758190000.000000"},
    {"type": "message", "user": "U03SL", "ts": "1758190978.000000",
     "text": "Pin tzdata to 2025b in the test extras &amp; see <https://x.example/412|#412>.",
     "thread_ts": "1758190578.000000"},
]  # fmt: skip


def write_export(root: Path, day: list[dict[str, Any]] | None = None) -> Path:
    export = root / "slack"
    (export / "eng").mkdir(parents=True)
    (export / "users.json").write_text(json.dumps(USERS), encoding="utf-8")
    (export / "channels.json").write_text(json.dumps(CHANNELS), encoding="utf-8")
    (export / "eng" / "2025-09-18.json").write_text(json.dumps(day or DAY), encoding="utf-8")
    return export


def test_a_day_file_is_read_as_its_messages_names_resolved_replies_under_their_thread(
    tmp_path: Path,
) -> None:
    export = write_export(tmp_path)
    document = read_document(export / "eng" / "2025-09-18.json", tmp_path, {})
    assert document.title == "#eng — 2025-09-18"
    text = document.text
    assert "› ts" not in text and "U03SL" not in text and "joined the channel" not in text
    opening = text.index("## Sara Lindqvist · 18 Sep 2025 10:16\nRelease 2.4.0 is tagged, @Li Wei")
    reply = text.index("## Li Wei · 18 Sep 2025 10:19 · reply to Sara Lindqvist\nWindows CI")
    answer = text.index("Pin tzdata to 2025b in the test extras & see #412.")
    assert opening < reply < answer


def test_the_user_and_channel_lists_are_no_documents(tmp_path: Path) -> None:
    export = write_export(tmp_path)
    for name in ("users.json", "channels.json"):
        with pytest.raises(UnreadableDocument, match="chat export"):
            read_document(export / name, tmp_path, {})


def test_a_big_workspaces_lists_past_the_json_size_limit_are_still_the_exports(
    tmp_path: Path,
) -> None:
    """A users.json of 20,000 users (past the 1,000,000 characters a JSON file is read to) is
    the export's user list, said so, never a "data dump": its names are used."""
    export = write_export(tmp_path)
    users = USERS + [{"id": f"U{n:06d}", "name": f"user{n}", "profile": {}} for n in range(20_000)]
    (export / "users.json").write_text(json.dumps(users), encoding="utf-8")
    assert len(json.dumps(users)) > structured.MAX_CHARACTERS
    with pytest.raises(UnreadableDocument, match="chat export's list of users"):
        read_document(export / "users.json", tmp_path, {})
    document = read_document(export / "eng" / "2025-09-18.json", tmp_path, {})
    assert "## Sara Lindqvist · 18 Sep 2025 10:16" in document.text


def test_a_big_dated_file_at_the_corpus_top_reads_nothing_outside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A day file's export is two folders up: for one at the corpus's top that is outside the
    corpus, never looked into (its channel list was read there to tell an export)."""
    write_export(tmp_path)  # tmp_path/slack: the export; the corpus is its channel folder
    corpus = tmp_path / "slack" / "eng"
    read: list[str] = []
    real = chatexport._channels_with_messages
    monkeypatch.setattr(
        chatexport, "_channels_with_messages", lambda *args: read.append(args[0]) or real(*args)
    )
    big = [{"ts": f"{n}.0", "user": "U03SL", "text": f"Build {n}."} for n in range(40_000)]
    (corpus / "2025-09-18.json").write_text(json.dumps(big), encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="data dump"):
        read_document(corpus / "2025-09-18.json", corpus, {})
    assert read == []


def test_a_dated_json_file_outside_an_export_is_read_as_json(tmp_path: Path) -> None:
    (tmp_path / "2025-09-18.json").write_text(json.dumps(DAY), encoding="utf-8")
    document = read_document(tmp_path / "2025-09-18.json", tmp_path, {})
    assert document.title == "2025-09-18.json" and "| 1758190578.000000 |" in document.text


def test_a_day_file_of_another_shape_or_only_notices_is_never_a_traceback(
    tmp_path: Path,
) -> None:
    export = write_export(tmp_path)
    (export / "eng" / "2025-09-17.json").write_text(
        json.dumps([{"ts": "1", "subtype": "channel_join", "text": "joined"}]), encoding="utf-8"
    )
    notices = read_document(export / "eng" / "2025-09-17.json", tmp_path, {})
    assert "joined" in notices.text  # read as JSON, not skipped
    assert "Sara Lindqvist" in read_document(export / "eng" / "2025-09-18.json", tmp_path, {}).text
    (export / "eng" / "2025-09-19.json").write_text('{"ts": "x"}', encoding="utf-8")
    assert "ts: x" in read_document(export / "eng" / "2025-09-19.json", tmp_path, {}).text
    (export / "eng" / "2025-09-20.json").write_text("[{", encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="not valid JSON"):
        read_document(export / "eng" / "2025-09-20.json", tmp_path, {})


def message(sender: str, subject: str, day: int, body: str) -> str:
    return (
        f"From {sender} Wed Oct {day:02d} 15:00:00 2025\n"
        f"From: {sender}\nTo: priya@trust.example\nSubject: {subject}\n"
        f"Date: Wed, {day:02d} Oct 2025 15:00:00 +0000\n\n{body}\n\n"
    )


MAILBOX = (
    message("ben@trust.example", "Re: expenses", 1, "Thanks, I resubmitted the receipts.")
    + message(
        "grants@halvorsen.example",
        "Grant 2026",
        10,
        "The trustees approved a renewal of GBP 450,000 for 2026.\n>From now on, reports are"
        " due each quarter.",
    )
    + "From nobody Wed Oct 11 15:00:00 2025\nX-Note: no sender\n\nnot a mail\n\n"
)


def test_a_mailbox_is_one_document_each_message_under_its_sender_day_and_subject(
    tmp_path: Path,
) -> None:
    (tmp_path / "priya.mbox").write_text(MAILBOX, encoding="utf-8")
    document = read_document(tmp_path / "priya.mbox", tmp_path, {})
    assert document.kind == "mbox" and document.title == "priya.mbox"
    text = document.text
    assert "## grants@halvorsen.example · 10 Oct 2025 · Grant 2026\n" in text
    assert "renewal of GBP 450,000 for 2026." in text
    assert "\nFrom now on, reports are due" in text  # ">From" unquoted
    assert "From grants@halvorsen.example Wed" not in text
    assert "not a mail" in text  # no From header: the message before it holds it
    assert not any("skipped" in warning for warning in document.warnings)


def test_a_mailbox_is_read_up_to_its_bound_and_one_of_no_mail_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mbox, "MAX_MESSAGES", 1)
    (tmp_path / "a.mbox").write_text(MAILBOX, encoding="utf-8")
    document = read_document(tmp_path / "a.mbox", tmp_path, {})
    assert "receipts" in document.text and "450,000" not in document.text
    assert any("only its first 1 messages read" in warning for warning in document.warnings)
    (tmp_path / "b.mbox").write_bytes(b"\x00\x01 binary junk\n\nFrom x\n")
    with pytest.raises(UnreadableDocument, match="no e-mail in it"):
        read_document(tmp_path / "b.mbox", tmp_path, {})


def test_ask_quotes_the_mailbox_message_and_the_slack_reply_by_name(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    write_export(corpus)
    (corpus / "priya.mbox").write_text(MAILBOX, encoding="utf-8")
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    result = cli("ask", "--json", "How much is the Halvorsen grant renewal for 2026?", **where)
    assert result.code == 0, result.err
    citation = json.loads(result.out)["citations"][0]
    assert "450,000" in citation["quote"], result.out
    assert citation["section"].endswith("Grant 2026"), result.out
    result = cli("ask", "--json", "What did Sara say about tzdata?", **where)
    citation = json.loads(result.out)["citations"][0]
    assert "Pin tzdata to 2025b" in citation["quote"], result.out
    assert citation["title"] == "#eng — 2025-09-18"
    assert "Sara Lindqvist" in citation["section"], result.out


def test_what_a_named_person_said_is_quoted_from_their_turn_not_the_one_above(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    write_export(corpus)
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    result = cli("ask", "--json", "What did Sara say in #eng about Windows CI?", **where)
    assert result.code == 0, result.err
    citation = json.loads(result.out)["citations"][0]
    assert "Pin tzdata to 2025b" in citation["quote"], result.out
    assert citation["section"].startswith("Sara Lindqvist"), result.out


SARA_AND_TOM = (
    "From sara@x.org Wed Oct 01 15:00:00 2025\nFrom: Sara Lindqvist <sara@x.org>\n"
    "Subject: Build status\nDate: Wed, 01 Oct 2025 15:00:00 +0000\n\n"
    "The Windows CI is fixed now: we pinned the runner image to the 2022 release.\n\n"
    "From tom@x.org Thu Oct 02 15:00:00 2025\nFrom: Tom Okafor <tom@x.org>\n"
    "Subject: Question for Sara\nDate: Thu, 02 Oct 2025 15:00:00 +0000\n\n"
    "The Windows CI runner keeps failing on my branch and I have no idea why.\n"
)


def test_what_a_named_person_wrote_in_a_mailbox_is_quoted_from_their_message_not_its_subject(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "team.mbox").write_text(SARA_AND_TOM, encoding="utf-8")
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    result = cli("ask", "--json", "What did Sara say about the Windows CI runner?", **where)
    assert result.code == 0, result.err
    citation = json.loads(result.out)["citations"][0]
    assert "pinned the runner image" in citation["quote"], result.out
    assert citation["section"].startswith("Sara Lindqvist"), result.out


CAPTIONS = (
    "WEBVTT\n\n1\n00:00:01.000 --> 00:00:06.000\n"
    "<v Tom Becker>The travel budget for the Lisbon trip is 900 euros per person.\n\n"
    "2\n00:00:06.500 --> 00:00:12.000\n"
    "<v Maria Lopez>I think the travel budget should stay at 600 euros, the rest comes from"
    " the team fund.\n\n3\n00:00:12.500 --> 00:00:18.000\n"
    "<v Tom Becker>We should book the hotel before the end of March so the budget holds.\n"
)


def test_what_a_named_person_said_in_a_caption_file_saved_as_txt_is_quoted_from_their_turn(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """Session 22: WebVTT saved as .txt (Zoom's closed_caption.txt) was read as a transcript
    but of kind "txt", so its turn headings named no speaker: Tom's sentence, closer in words,
    was quoted for what Maria said. As in a .vtt file, Maria's turn is."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "closed_caption.txt").write_text(CAPTIONS, encoding="utf-8")
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    question = "What did Maria say about the travel budget for the Lisbon trip per person?"
    result = cli("ask", "--json", question, **where)
    assert result.code == 0, result.err
    citation = json.loads(result.out)["citations"][0]
    assert "stay at 600 euros" in citation["quote"], result.out
    assert citation["section"] == "Maria Lopez", result.out


NOTES = (
    "# Project meeting notes\n\n## Decisions\n\n"
    "Sara said the release deadline moves to 14 March because the audit is late.\n\n"
    "## Contact Sara\n\n"
    "Questions about the release deadline go to the project office, open on weekdays.\n"
)


def test_a_heading_of_notes_naming_the_person_is_no_turn_of_theirs(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.md").write_text(NOTES, encoding="utf-8")
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    result = cli("ask", "--json", "What did Sara say about the release deadline?", **where)
    assert result.code == 0, result.err
    citation = json.loads(result.out)["citations"][0]
    assert "moves to 14 March" in citation["quote"], result.out


def test_a_body_line_opening_with_from_stays_and_an_envelope_opens_a_message_without_a_blank(
    tmp_path: Path,
) -> None:
    first = message("ann@x.example", "Plan", 1, "Hello there.\n\nFrom me at 10:30 we start.\nbye")
    second = message("bob@x.example", "Second", 2, "The second message.")
    (tmp_path / "a.mbox").write_text(first.rstrip("\n") + "\n" + second, encoding="utf-8")
    text = read_document(tmp_path / "a.mbox", tmp_path, {}).text
    assert "Hello there.\n\nFrom me at 10:30 we start.\nbye" in text
    assert "## bob@x.example · 2 Oct 2025 · Second\nThe second message." in text


def test_a_body_line_shaped_like_an_opening_line_keeps_the_text_under_it_in_its_message(
    tmp_path: Path,
) -> None:
    """A timed "From " line after a blank line over a header-shaped line, or an unquoted
    envelope-shaped body line, opened a message: the text under it had no From header and was
    skipped, lost, a warning only counting a message (s30 hostile probe, F1)."""
    timed = "Hello,\n\nFrom 9:00 to 12:00\nRoom: B12\nThe key is with Paul.\nThe code is 4821."
    envelope = "Minutes.\n\nFrom paul Wed Oct 01 15:00:00 2025\nThe budget is 90 euros."
    first = message("ann@x.example", "Plan", 1, timed)
    second = message("bob@x.example", "Second", 2, envelope)
    (tmp_path / "a.mbox").write_text(first + second, encoding="utf-8")
    document = read_document(tmp_path / "a.mbox", tmp_path, {})
    text = document.text
    assert "From 9:00 to 12:00\nRoom: B12\nThe key is with Paul.\nThe code is 4821." in text
    assert "From paul Wed Oct 01 15:00:00 2025\nThe budget is 90 euros." in text
    assert "## bob@x.example · 2 Oct 2025 · Second\nMinutes." in text
    assert document.warnings == []


def test_a_folder_of_app_fixtures_is_no_export_and_loses_no_file(tmp_path: Path) -> None:
    fixtures = tmp_path / "fixtures"
    (fixtures / "ch").mkdir(parents=True)
    (fixtures / "users.json").write_text(
        json.dumps([{"id": 1, "email": "ada@example.org", "role": "Database administrator"}]),
        encoding="utf-8",
    )
    (fixtures / "channels.json").write_text(json.dumps([{"id": 1, "name": "ops"}]))
    (fixtures / "ch" / "2025-01-01.json").write_text(
        json.dumps([{"ts": "2025-01-01T10:00:00", "user": "ada", "action": "rotated the key"}])
    )
    assert "Database administrator" in read_document(fixtures / "users.json", tmp_path, {}).text
    assert "ops" in read_document(fixtures / "channels.json", tmp_path, {}).text
    day = read_document(fixtures / "ch" / "2025-01-01.json", tmp_path, {})
    assert "rotated the key" in day.text


def test_a_reply_to_a_reply_and_a_cycle_of_replies_are_kept(tmp_path: Path) -> None:
    day = [
        {"ts": "1758190578.0", "user": "U03SL", "text": "Release 2.4.0 is tagged."},
        {"ts": "1758190600.0", "user": "U08LW", "text": "Which?", "thread_ts": "1758190578.0"},
        {"ts": "1758190700.0", "user": "U03SL", "text": "Nested.", "thread_ts": "1758190600.0"},
        {"ts": "1758190800.0", "user": "U03SL", "text": "Cycle one.", "thread_ts": "1758190900.0"},
        {"ts": "1758190900.0", "user": "U08LW", "text": "Cycle two.", "thread_ts": "1758190800.0"},
    ]  # fmt: skip
    export = write_export(tmp_path, day)
    text = read_document(export / "eng" / "2025-09-18.json", tmp_path, {}).text
    assert "## Li Wei · 18 Sep 2025 10:16 · reply to Sara Lindqvist\nWhich?" in text
    for said in ("Nested.", "Cycle one.", "Cycle two."):
        assert said in text


def test_a_numeric_text_is_read_and_an_odd_user_is_no_name(tmp_path: Path) -> None:
    day = [
        {"ts": "1758190578.0", "user": ["U03SL"], "text": "Odd user."},
        {"ts": "1758190600.0", "user": "U08LW", "text": 42},
    ]
    export = write_export(tmp_path, day)
    text = read_document(export / "eng" / "2025-09-18.json", tmp_path, {}).text
    assert "## unknown · 18 Sep 2025 10:16\nOdd user." in text
    assert "## Li Wei · 18 Sep 2025 10:16\n42" in text


def test_a_busy_day_past_the_json_size_limit_is_read_up_to_its_bound(tmp_path: Path) -> None:
    """A day of 14,000 messages (1.1 MB, past the 1,000,000 characters a JSON file is read to)
    is read as a chat log, its first MAX_MESSAGES messages, with a warning."""
    day = [
        {"ts": f"{1758190578 + n}.0", "user": "U03SL", "text": f"Build {n} passed on {n % 7}."}
        for n in range(14_000)
    ]
    export = write_export(tmp_path, day)
    assert len(json.dumps(day)) > structured.MAX_CHARACTERS
    document = read_document(export / "eng" / "2025-09-18.json", tmp_path, {})
    assert document.text.count("\n## Sara Lindqvist · ") == chatexport.MAX_MESSAGES
    assert "Build 0 passed" in document.text and "Build 13999" not in document.text
    assert document.warnings == [
        f"slack/eng/2025-09-18.json: only its first {chatexport.MAX_MESSAGES:,} messages read"
    ]


@pytest.mark.parametrize("users", [None, "{not json"], ids=["missing", "unparsable"])
def test_without_a_readable_user_list_writers_are_named_as_their_messages_name_them(
    tmp_path: Path, users: str | None
) -> None:
    export = write_export(tmp_path)
    if users is None:
        (export / "users.json").unlink()
    else:
        (export / "users.json").write_text(users, encoding="utf-8")
    day = [*DAY, {"ts": "1758191000.0", "user": "U77", "text": "Ship it.",
                  "user_profile": {"real_name": "Ana Ruiz"}}]  # fmt: skip
    (export / "eng" / "2025-09-18.json").write_text(json.dumps(day), encoding="utf-8")
    text = read_document(export / "eng" / "2025-09-18.json", tmp_path, {}).text
    assert "› ts" not in text
    assert "## U03SL · 18 Sep 2025 10:16\nRelease 2.4.0 is tagged, @U08LW" in text
    assert "## Ana Ruiz · 18 Sep 2025 10:23\nShip it." in text


def test_an_item_that_is_no_message_is_skipped_not_the_day(tmp_path: Path) -> None:
    export = write_export(tmp_path, [*DAY, "junk", None, 42])
    document = read_document(export / "eng" / "2025-09-18.json", tmp_path, {})
    assert "## Sara Lindqvist · 18 Sep 2025 10:16\nRelease 2.4.0" in document.text
    assert document.warnings == ["slack/eng/2025-09-18.json: 3 items that are no message skipped"]


def test_the_user_list_is_parsed_once_for_all_day_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user list naming no one (ids only) was parsed again for every day file."""
    export = write_export(tmp_path)
    (export / "users.json").write_text(json.dumps([{"id": "U03SL"}, {"id": "U08LW"}]))
    for day in range(10, 16):
        (export / "eng" / f"2025-09-{day}.json").write_text(json.dumps(DAY), encoding="utf-8")
    parsed: list[Path] = []
    real = chatexport._parsed
    monkeypatch.setattr(chatexport, "_parsed", lambda path: parsed.append(path) or real(path))
    for day in sorted((export / "eng").iterdir()):
        assert "## U03SL · " in read_document(day, tmp_path, {}).text
    assert parsed.count(export / "users.json") <= 1


def test_a_mailbox_message_keeps_its_sender_whatever_its_headers_hold(tmp_path: Path) -> None:
    """An escape sequence in From lost the address, the sender and the Subject; a message with
    neither Subject nor Date was headed without its sender; a NUL byte in a header and the
    body lost the message (and a mailbox of it alone)."""
    mailbox = (
        b"From a@x.org Wed Oct 01 15:00:00 2025\n"
        b"From: Ann \x1b[31mLee\x1b[0m <ann@x.org>\nSubject: Budget\n"
        b"Date: Wed, 01 Oct 2025 15:00:00 +0000\n\nThe budget is 42 euros.\n\n"
        b"From b@x.org Thu Oct 02 15:00:00 2025\nFrom: Bo Chen <bo@x.org>\n\nShip on Friday.\n\n"
        b"From c@x.org Fri Oct 03 15:00:00 2025\nFrom: C\x00arl <c@x.org>\nSubject: n\x00ul\n\n"
        b"Ro\x00om 12 is booked.\n"
    )
    (tmp_path / "box.mbox").write_bytes(mailbox)
    document = read_document(tmp_path / "box.mbox", tmp_path, {})
    assert "## Ann Lee · 1 Oct 2025 · Budget\nThe budget is 42 euros." in document.text
    assert "## Bo Chen · (no subject)\n" in document.text
    assert "## C arl · n ul\nRo\ufffdom 12 is booked." in document.text
    assert document.warnings == []


def test_a_mailbox_counts_only_messages_with_attachments_as_such(tmp_path: Path) -> None:
    """A message whose header was cut (a warning, no attachment) was counted as one holding
    attachments: six of them said "attachments of 1 more messages not read" (final re-read)."""
    long_to = ", ".join(f"person{n}@x.org" for n in range(400))
    mailbox = b"".join(
        b"From a@x.org Wed Oct 01 15:00:00 2025\nFrom: Ann <a@x.org>\nTo: "
        + long_to.encode()
        + b"\nSubject: Note %d\n\nThe budget is %d euros.\n\n" % (n, n)
        for n in range(mbox.ATTACHMENT_WARNINGS + 1)
    )
    (tmp_path / "box.mbox").write_bytes(mailbox)
    warnings = read_document(tmp_path / "box.mbox", tmp_path, {}).warnings
    assert not any("attachments" in warning for warning in warnings)
    cut = "box.mbox: headers longer than 4000 characters cut: To (6 messages)"  # said once
    assert [warning for warning in warnings if "headers longer than" in warning] == [cut]
