"""Meeting transcripts are read as what people said (the s19 user trial: .vtt and .srt skipped;
renamed .txt, their cue numbers and timing lines quoted, a sentence split across two cues quoted
in half, "<v Maria Lopez>" shown raw, documents titled "WEBVTT" or "1"; Zoom and Teams text
exports titled by a speaker line, their quotes running into the next speaker's)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.read_documents import cited_section, read_one

from citeqa.corpus import read_corpus
from citeqa.models import Document
from citeqa.readable import source_name
from citeqa.readers import reader_for
from citeqa.speakers import asked_speaker, names_speaker
from citeqa.transcripts import (
    OPENING_CHARS,
    PARAGRAPH_CHARS,
    is_cue_text,
    read_export,
    transcript_text,
)
from citeqa.visible import shown

STANDUP_VTT = """WEBVTT

NOTE recorded by the meeting bot, 00:00:01.000 --> 00:00:02.000 is the intro

STYLE
::cue { color: lime }

1
00:00:30.266 --> 00:00:36.277 align:start position:10%
<v Maria Lopez>Do that. And we decided with finance to raise the on-call stipend

2
00:00:36.677 --> 00:00:41.222
<v Maria Lopez>to 250 euros per week, from 180, starting in October.</v>

3
00:00:41.622 --> 00:00:45.000
<v.loud Kenji Sato>I'll take the <c.highlight>Redis</c> move &amp; the <i>window</i>.

4
00:00:45.400 --> 00:00:47.000

5
00:00:47.400 --> 00:00:50.000
<v Priya Nair>Okay.
"""

REVIEW_SRT = """1
00:00:03,000 --> 00:00:08,222
MARIA: Welcome to the monthly ops review. Um, three topics today.

2
00:00:08,522 --> 00:00:13,577
KENJI: First, monitoring. We will retire the old Nagios server

3
00:00:13,877 --> 00:00:19,099
by 31 October, once every check is migrated to Prometheus.

4
00:00:19,399 --> 00:00:24,122
PRIYA: Decision: nightly backups are kept for 35 days.
"""

ZOOM_EXPORT = """Maria Lopez  10:02 AM
Thanks for joining. We wanted to go over the SIP trunk offer.

Daniel Okafor (Northwind Telecom)  10:03 AM
Sure. Our offer is 18,400 EUR per year for 40 concurrent channels.

Maria Lopez  10:06 AM
And porting our existing numbers?
"""

TEAMS_EXPORT = """Hiring sync - Meeting transcript - 30 September 2025

[2:08 PM] Priya Nair
Can we also get a Portuguese speaker?

[2:10 PM] Tom Becker
One of the two must speak Portuguese, yes.

[2:11 PM] Priya Nair
Good.
"""

TIMING = re.compile(r"\d+:\d{2}[.,]\d{3}|-->")


def _lines_in_order(source: str, text: str) -> bool:
    """Whether each line of `source` holding words has, in this order, a line of `text` holding
    all its words (a speaker line's words in its heading, in any order)."""
    lines = iter(text.splitlines())
    for line in source.splitlines():
        words = set(re.findall(r"\w+", line))
        if words and not any(words <= set(re.findall(r"\w+", kept)) for kept in lines):
            return False
    return True


def _in_order(words: list[str], source: str) -> bool:
    """Whether `words` stand in `source` in this order (anything between them)."""
    at = 0
    for word in words:
        at = source.find(word, at)
        if at < 0:
            return False
        at += len(word)
    return True


def test_a_vtt_file_is_read_as_its_turns_with_no_timing_nor_cue_number(tmp_path: Path) -> None:
    document = read_one(tmp_path, "2025-09-09_tuesday_standup.vtt", STANDUP_VTT)
    assert document.kind == "vtt"
    assert document.title == "2025-09-09 tuesday standup"  # the file's name, never "WEBVTT"
    assert not TIMING.search(document.text)
    assert "WEBVTT" not in document.text and "NOTE" not in document.text
    assert "::cue" not in document.text and "<" not in document.text
    assert "\n1\n" not in document.text and "\n2\n" not in document.text
    sentence = "raise the on-call stipend to 250 euros per week, from 180, starting in October."
    assert sentence in document.text  # the sentence split across cues 1 and 2 is one
    assert "I'll take the Redis move & the window." in document.text
    assert cited_section(document, "to 250 euros") == "Maria Lopez"
    assert cited_section(document, "Redis move") == "Kenji Sato"
    assert cited_section(document, "Okay.") == "Priya Nair"


def test_a_quote_of_a_turn_maps_back_to_the_files_words_in_order(tmp_path: Path) -> None:
    """What a quote's offsets cover in the indexed text is the file's words in the file's order,
    with only cue numbers, timing lines and markup left out between them."""
    document = read_one(tmp_path, "standup.vtt", STANDUP_VTT)
    start = document.text.index("And we decided")
    end = document.text.index("October.") + len("October.")
    quote = document.text[start:end]
    assert _in_order(quote.split(), STANDUP_VTT)
    between = STANDUP_VTT[STANDUP_VTT.index("stipend") + 7 : STANDUP_VTT.index("to 250")]
    assert TIMING.search(between) and not TIMING.search(quote)  # left out, not quoted


def test_an_srt_file_takes_its_speakers_from_their_names_and_keeps_a_colon_in_a_sentence(
    tmp_path: Path,
) -> None:
    document = read_one(tmp_path, "1.srt", REVIEW_SRT)
    assert document.kind == "srt" and document.title == "1"  # its name: no better words
    assert "retire the old Nagios server by 31 October" in document.text
    assert cited_section(document, "by 31 October") == "KENJI"  # the cue with no name goes on
    assert cited_section(document, "Decision: nightly") == "PRIYA"
    assert "## Decision" not in document.text
    assert not TIMING.search(document.text)


def test_a_cue_saying_decision_in_a_file_of_no_speakers_names_no_speaker() -> None:
    captions = (
        "WEBVTT\n\n00:01.000 --> 00:04.000\nokay so quick standup\n\n"
        "00:04.200 --> 00:09.000\nDecision: we sign the renewal\n\n"
        "00:09.200 --> 00:12.000\nthanks everyone\n"
    )
    read = transcript_text(captions, "captions.vtt", cues=True)
    assert read is not None
    text, title = read
    assert "##" not in text and title == "captions"
    assert "okay so quick standup Decision: we sign the renewal thanks everyone" in text


def test_a_vtt_title_line_titles_the_document() -> None:
    read = transcript_text("WEBVTT - Ops review\n\n00:01.000 --> 00:02.000\nHi.\n", "x.vtt", True)
    assert read is not None and read[1] == "Ops review" and read[0].startswith("# Ops review\n")


def test_a_transcript_of_timings_only_is_skipped_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.vtt").write_text(
        "WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\n\n2\n00:00:04.500 --> 00:00:09.000\n"
    )
    (tmp_path / "notes.md").write_text("The meeting on 28 October was cancelled.\n")
    reading = read_corpus(tmp_path)
    assert [d.doc_id for d in reading.documents] == ["notes"]
    assert [s for s in reading.skipped if s.startswith("empty.vtt: ")] == [
        "empty.vtt: a transcript with no words said, only timings"
    ]


def test_webvtt_or_srt_inside_a_txt_file_is_read_as_a_transcript(tmp_path: Path) -> None:
    """Read as the transcript reader reads it, and of its kind (session 22: a .txt caption
    file was of kind "txt", so "What did Maria say…" did not keep to Maria's turns: speakers.py
    reads a heading with no " · " as a speaker's only in a transcript)."""
    caption = read_one(tmp_path / "a", "closed_caption.txt", STANDUP_VTT)
    subrip = read_one(tmp_path / "b", "review.txt", REVIEW_SRT)
    assert (caption.kind, subrip.kind) == ("vtt", "srt")
    assert "00:00:30.266" not in caption.text
    assert "NOTE recorded by the meeting bot" in caption.text  # a note's words, in a .txt
    assert cited_section(caption, "to 250 euros") == "Maria Lopez"
    assert cited_section(subrip, "by 31 October") == "KENJI"
    asked = asked_speaker("What did Maria say about the budget?")
    assert names_speaker("Maria Lopez", asked, caption.kind)
    plain = read_one(tmp_path / "c", "notes.txt", "Maria Lopez\n\nThe budget is 250 euros.\n")
    assert plain.kind == "txt" and not names_speaker("Maria Lopez", asked, plain.kind)


@pytest.mark.parametrize(
    "note",
    [
        "Call notes\n\n1\n00:00:05,000 --> 00:00:09,000\nThe bit of the recording to cut.\n",
        "Editing the video\n\nCut 00:01:00.000 --> 00:01:30.000 and keep the rest.\n",
        "WEBVTT is the format our player reads; we still need the captions.\n",
    ],
)
def test_a_note_holding_one_timing_is_no_transcript(tmp_path: Path, note: str) -> None:
    assert not is_cue_text(note) and read_export(note) is None
    (tmp_path / "note.txt").write_text(note)
    assert read_corpus(tmp_path).documents[0].text == note  # read as it is


def test_a_zoom_export_cites_each_speaker_and_a_quote_stops_at_the_next(tmp_path: Path) -> None:
    document = read_one(tmp_path, "zoom_2025-09-25_vendor_call.txt", ZOOM_EXPORT)
    assert document.title == "zoom 2025-09-25 vendor call"  # not "Maria Lopez 10:02 AM"
    offer = "Sure. Our offer is 18,400 EUR per year for 40 concurrent channels."
    assert f"## Daniel Okafor (Northwind Telecom) · 10:03 AM\n{offer}\n\n## Maria" in document.text
    assert cited_section(document, "Our offer") == "Daniel Okafor (Northwind Telecom) · 10:03 AM"
    assert cited_section(document, "And porting") == "Maria Lopez · 10:06 AM"


def test_a_teams_export_is_titled_by_its_first_line(tmp_path: Path) -> None:
    document = read_one(tmp_path, "teams.txt", TEAMS_EXPORT)
    assert document.title == "Hiring sync - Meeting transcript - 30 September 2025"
    assert cited_section(document, "Can we also get") == "Priya Nair · 2:08 PM"
    assert cited_section(document, "One of the two") == "Tom Becker · 2:10 PM"
    assert "PM]" not in document.text


def test_a_zoom_chat_names_who_wrote_each_message() -> None:
    chat = (
        "10:05:12 From Tom Becker to Everyone:\n\tAmendment draft by Friday 31 October\n"
        "10:07:40 From Sarah Kim (Globex) to Everyone:\n\tPlease send it to legal@globex.example\n"
    )
    read = read_export(chat)
    assert read is not None
    assert [(turn.speaker, turn.pieces) for turn in read[0]] == [
        ("Tom Becker", ["Amendment draft by Friday 31 October"]),
        ("Sarah Kim (Globex)", ["Please send it to legal@globex.example"]),
    ]


@pytest.mark.parametrize(
    "log",
    [
        "Standup  9:00\nDiscussed the backlog.\n\nLunch  12:30\nWith the new hires.\n",
        "Agenda\nMaria Lopez  10:02 AM\n",  # one speaker line: a note naming a time
        "Day log\n[9:00 AM] Standup\nWe went over the backlog.\n",  # one line of Teams' shape
        "Times\n\nMaria Lopez  10:02 AM\nTom Becker  10:04 AM\nMaria Lopez  10:06 AM\n",
    ],
)
def test_a_log_of_times_is_no_zoom_export(log: str) -> None:
    assert read_export(log) is None


def test_hostile_cues_are_read_in_order_of_the_file_without_failing() -> None:
    """Cues with no text, overlapping and unsorted times, a voice with no words, escape and
    bidi characters in a speaker's name: read in the file's order, each name shown harmless."""
    hostile = (
        "WEBVTT\n\n00:00:09.000 --> 00:00:05.000\n<v \x1b[31mMallory\u202e>Second cue first.\n\n"
        "00:00:01.000 --> 00:00:20.000\n\n\n00:00:02.000 --> 00:00:03.000\n<v Eve></v>\n\n"
        "00:00:04.000 --> 00:00:06.000\nStill Eve speaking.\n"
    )
    read = transcript_text(hostile, "h.vtt", cues=True)
    assert read is not None
    text = read[0]
    assert text.index("Second cue first.") < text.index("Still Eve speaking.")
    assert "## Eve\nStill Eve speaking." in text
    document = Document(doc_id="h", title=read[1], path="h.vtt", text=text, sha256="0")
    section = cited_section(document, "Second cue first.")
    assert section is not None and "Mallory" in section
    source = shown(source_name(document.title, section))  # as `ask` and the chat show it
    assert "Mallory" in source and "\x1b" not in source and "\u202e" not in source


def test_a_long_turn_is_cut_into_paragraphs_where_a_sentence_ends() -> None:
    cue = "We went over the numbers of the quarter one by one."
    body = "".join(f"{n + 1}\n00:00:01,000 --> 00:00:02,000\nMARIA: {cue}\n\n" for n in range(100))
    read = transcript_text(body, "long.srt", cues=True)
    assert read is not None
    paragraphs = read[0].split("\n\n")[2:]
    assert len(paragraphs) > 1
    assert all(len(p) <= PARAGRAPH_CHARS + len(cue) + 1 for p in paragraphs)
    assert read[0].count("## MARIA") == 1


def test_vtt_and_srt_are_read_types() -> None:
    assert reader_for(".VTT") is not None and reader_for(".srt") is not None


def test_zooms_vtt_names_its_speakers_before_a_colon_and_its_header_lines_are_no_text() -> None:
    """Zoom writes "Name: words" in a cue, no voice; YouTube writes "Kind:" and "Language:"
    lines under WEBVTT."""
    zoom = (
        "WEBVTT\nKind: captions\nLanguage: en\n\n1\n00:00:01.000 --> 00:00:04.000\n"
        "Maria Lopez: So the decision is: we postpone the move\n\n"
        "2\n00:00:04.400 --> 00:00:07.000\nto the first quarter of 2026.\n\n"
        "3\n00:00:07.400 --> 00:00:09.000\nTom Becker: I'll tell them.\n\n"
        "4\n00:00:09.400 --> 00:00:11.000\nMaria Lopez: Thanks.\n"
    )
    read = transcript_text(zoom, "GMT20251007-zoom.vtt", cues=True)
    assert read is not None
    text = read[0]
    assert "Kind" not in text and "Language" not in text
    assert (
        "## Maria Lopez\nSo the decision is: we postpone the move to the first quarter of 2026."
        in text
    )
    assert "## Tom Becker\nI'll tell them." in text


def test_cues_with_no_blank_line_between_them_leave_no_timing_in_the_text() -> None:
    broken = (
        "1\n00:00:01,000 --> 00:00:02,000\nMARIA: First point.\n"
        "2\n00:00:02,500 --> 00:00:04,000\nKENJI: Second point.\n\n"
        "3\n00:00:04,500 --> 00:00:06,000\nMARIA: Third point.\n"
    )
    read = transcript_text(broken, "broken.srt", cues=True)
    assert read is not None
    assert not TIMING.search(read[0]) and "\n2\n" not in read[0]
    assert "## KENJI\nSecond point.\n\n## MARIA\nThird point." in read[0]


# ---- the s19 review: no line of the user's file is lost ----------------------------------------

CHEAT_SHEET = (
    "WEBVTT cheat sheet\nA cue is a timing line over its text:\n\n"
    "example\n00:00:01.000 --> 00:00:04.000\nHello there\n\nNOTE lines are comments.\n"
)


@pytest.mark.parametrize(
    "note",
    [
        CHEAT_SHEET,
        "WEBVTT cheat sheet\n\n00:00:01.000 --> 00:00:04.000\n",  # no words under its timing
        "WEBVTT - our notes\n\nWhat we caption:\n\n00:01.000 --> 00:04.000\nthe intro\n",
    ],
)
def test_a_txt_note_opening_with_webvtt_words_is_read_as_it_is(tmp_path: Path, note: str) -> None:
    assert not is_cue_text(note)
    (tmp_path / "cheat_sheet.txt").write_text(note)
    assert read_corpus(tmp_path).documents[0].text == note


def test_a_txt_webvtt_body_keeps_its_header_lines_notes_and_named_identifiers(
    tmp_path: Path,
) -> None:
    body = (
        "WEBVTT\nKind: captions\n\n00:01.000 --> 00:04.000\n<v Maria Lopez>Hi all.\n\n"
        "NOTE the bot joined late\n\nintro\n00:04.000 --> 00:06.000\n<v Tom Becker>Hello.\n"
    )
    caption = read_one(tmp_path / "a", "closed_caption.txt", body)
    assert not TIMING.search(caption.text)
    kept = ["Kind: captions", "## Maria Lopez\nHi all.", "NOTE the bot joined late", "intro"]
    assert _in_order([*kept, "## Tom Becker\nHello."], caption.text)
    assert cited_section(caption, "Hello.") == "Tom Becker"
    vtt = read_one(tmp_path / "b", "caption.vtt", body)  # a .vtt's header, NOTE, identifier: syntax
    assert vtt.text == "# caption\n\n## Maria Lopez\nHi all.\n\n## Tom Becker\nHello.\n"


def test_a_cue_after_a_kept_note_or_identifier_is_no_part_of_it_and_goes_on_its_turn(
    tmp_path: Path,
) -> None:
    body = (
        "WEBVTT\n\n00:01.000 --> 00:04.000\n<v Maria Lopez>Hi all.\n\nNOTE my own remark\n\n"
        "00:04.000 --> 00:06.000\ncontinued words\n\nintro\n00:06.000 --> 00:08.000\nmore\n"
    )
    caption = read_one(tmp_path, "closed_caption.txt", body)
    paragraphs = caption.text.split("\n\n")
    assert paragraphs[1:] == [
        "## Maria Lopez\nHi all.",
        "NOTE my own remark",
        "## Maria Lopez\ncontinued words",
        "intro",
        "## Maria Lopez\nmore\n",
    ]
    assert cited_section(caption, "continued words") == "Maria Lopez"


AGENDA = "Agenda for Friday\n[9:00] Welcome\nCoffee\n[9:30] Roadmap\nQ3\n"
GYM_LOG = "Gym log\nMonday  7:30\nSquats\nWednesday  7:30\nBench\nMonday  7:45\nDeadlift\n"


@pytest.mark.parametrize(
    "log",
    [
        AGENDA,
        GYM_LOG,
        "Todo\nCall the plumber  10:00\nabout the sink\nCall the plumber  11:00\nagain\n",
    ],
)
def test_an_agenda_or_day_log_is_no_export(log: str) -> None:
    assert read_export(log) is None


def test_a_speaker_named_by_a_calendar_word_speaks_in_an_export() -> None:
    standup = (
        "Standup\nMaria Lopez  10:02 AM\nHello all\nSam  10:03 AM\nI shipped it\n"
        "Maria Lopez  10:04 AM\nGreat\nSam  10:05 AM\nThanks\n"
    )  # "Sam" (samedi), "May", "Jan" are calendar words and first names: decided per file
    read = read_export(standup)
    assert read is not None
    turns = [(turn.speaker, turn.pieces) for turn in read[0]]
    assert turns == [
        ("Maria Lopez", ["Hello all"]),
        ("Sam", ["I shipped it"]),
        ("Maria Lopez", ["Great"]),
        ("Sam", ["Thanks"]),
    ]
    assert read_export("May  10:02 AM\nHi\nJan  10:03 AM\nHey\nMay  10:04 AM\nBye\n") is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("zoom.txt", ZOOM_EXPORT),
        ("teams.txt", TEAMS_EXPORT),
        (
            "chat.txt",
            "10:05:12 From Tom Becker to Everyone:\n\tDraft by Friday\n"
            "10:07:40 From Sarah Kim (Globex) to Tom Becker:\n\tThanks\n",
        ),
        ("day.txt", "Day\n[9:00] Break\nCoffee\n[11:00] Break\nLunch\n"),  # misread: kept whole
    ],
)
def test_an_export_holds_every_word_of_its_file_in_order(
    tmp_path: Path, name: str, text: str
) -> None:
    document = read_one(tmp_path, name, text)
    assert document.text != text  # read as an export
    assert _lines_in_order(text.replace(" From ", " "), document.text)  # "From": chat syntax


def test_an_export_speakers_heading_keeps_the_time_said() -> None:
    read = transcript_text(ZOOM_EXPORT, "zoom.txt", cues=False)
    assert read is not None
    assert "## Maria Lopez · 10:02 AM\nThanks for joining." in read[0]
    assert "## Maria Lopez · 10:06 AM\nAnd porting" in read[0]


def test_an_exports_long_first_line_is_whole_in_the_text_and_cut_in_the_title(
    tmp_path: Path,
) -> None:
    first = "Hiring sync - " + "a long agenda of the meeting, " * 8 + "and the end"
    text = TEAMS_EXPORT.replace(TEAMS_EXPORT.split("\n")[0], first)
    document = read_one(tmp_path, "teams.txt", text)
    assert document.text.startswith(f"# {first}\n")
    assert len(document.title) <= 120 and first.startswith(document.title)


def test_a_capitalised_label_said_once_in_a_short_srt_names_no_speaker() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nWelcome everyone.\n\n"
        "2\n00:00:02,500 --> 00:00:04,000\nNext Steps: ship it on Monday.\n\n"
        "3\n00:00:04,500 --> 00:00:06,000\nThanks all.\n"
    )
    read = transcript_text(srt, "short.srt", cues=True)
    assert read is not None
    assert "##" not in read[0]
    assert "Welcome everyone. Next Steps: ship it on Monday. Thanks all." in read[0]


def test_two_full_names_said_once_each_are_both_speakers() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nMaria Lopez: Shall we start?\n\n"
        "2\n00:00:02,500 --> 00:00:04,000\nTom Becker: Yes.\n"
    )
    read = transcript_text(srt, "two.srt", cues=True)
    assert read is not None
    assert "## Maria Lopez\nShall we start?\n\n## Tom Becker\nYes." in read[0]


def test_a_comparison_in_a_cue_is_no_markup_and_real_tags_are() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nif a<b and c>d we win\n\n"
        '2\n00:00:02,500 --> 00:00:04,000\n{\\an8}<font color="#ff0000">Red</font> <b>bold</b>\n\n'
        "3\n00:00:04,500 --> 00:00:06,000\n<c.loud.x>Loud</c> <00:00:05.000>now<u>!</u>\n"
    )
    read = transcript_text(srt, "m.srt", cues=True)
    assert read is not None
    assert "if a<b and c>d we win Red bold Loud now!" in read[0]


def test_a_line_the_opening_cuts_into_a_speaker_lines_shape_is_no_export() -> None:
    """The first speaker line is looked for in the first OPENING_CHARS characters: a longer line
    cut there to "Maria Lopez  10:02" failed with IndexError (ValueError before the s19 mend)."""
    head = "Maria Lopez  10:02"
    text = "\n" * (OPENING_CHARS - len(head)) + f"{head} is when we met\nhello\n"
    assert read_export(text) is None
