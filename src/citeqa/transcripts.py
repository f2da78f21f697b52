"""Meeting transcripts read as what people said: WebVTT (.vtt), SubRip (.srt) and the plain-text
exports of Zoom and Teams, written as the text the index holds (citation offsets point into it).

A cue file is split into blocks at blank lines; a block is a cue when one of its first two lines
is a timing line ("00:00:30.266 --> 00:00:36.277", settings after it ignored), the line over it
being its identifier (a cue number). Timing lines and cue markup (`<c.loud>`, `<i>`,
`<00:00:31.000>`, `{\\an8}`, each in its own shape; entities decoded) are no text, nor, in a
.vtt or .srt, the WEBVTT header block, NOTE, STYLE and REGION blocks and cue identifiers; a .txt
keeps these as text (its header lines under the title, the others each a paragraph where they
stand: a note that looks like WebVTT is still the user's words), and any block that is no cue is
kept as text (a stray line of a broken file). A cue's speaker is its voice (`<v Maria Lopez>`,
each voice of a cue its own utterance), or, in a file with no voice at all, a name opening its
text ("MARIA:", "Kenji Sato :") when that file labels its cues so (`_colon_speakers`: a name
used twice, and one said once in capitals or of two capitalised words when the file has a name
said twice or two such names, opening a third of the cues or more); a cue with no speaker
carries on the turn before it. Consecutive cues of one speaker are one turn, their texts joined
by a space, so a sentence split across two cues is one sentence, quoted whole with no timing
line inside.

A Zoom or Teams text export is read by its speaker lines: "Maria Lopez  10:02 AM" (Zoom),
"[2:10 PM] Tom Becker" (Teams), "10:05:12 From Tom Becker to Everyone:" (Zoom chat, the message
after the colon or on the indented lines under it). A file is one only when its first speaker
line stands in its opening lines (past at most PREAMBLE_LINES lines: a title line), it holds
two such lines of one kind or more, each over the text said, and, for the Zoom and Teams
shapes, a speaker speaks twice and every speaker line's name reads as a person's (no day log,
"Monday  7:30", nor agenda, "[9:00] Welcome": `read_export`); the lines over the first
speaker line are the file's own: the first its title. Each speaker line is a turn of its own,
its heading keeping the line's time ("## Maria Lopez · 10:02 AM", as a mail's heading keeps
its day), so a file misread as an export loses no word.

`transcript_text` writes a transcript as its title as a first heading, then each turn as a
Markdown heading naming its speaker ("## Maria Lopez", what a quote of it cites, as a mail's
message cites "## Lena Park · 3 Mar 2026") right over its words (no blank line between them: a
one-line turn is then no paragraph of its own, which blocks.py would read as a heading); a turn
longer than PARAGRAPH_CHARS is cut into paragraphs at a cue ending a sentence. Turns with no
speaker (automatic captions) are paragraphs under the title. The title is the one the file gives
(the text after "WEBVTT", an export's first line: whole in the text, cut to TITLE_MAX as the
title), else its file name's words. A file of timings with no text is none (`NoTranscriptText`).
Written here, not with webvtt-py or srt (PyPI): they read one format each (neither reads the
Zoom and Teams text exports, where the s19 trial's "who said" answers failed), they give no line
positions, and webvtt-py refuses a malformed file where this reading keeps its words; the
formats' syntax that matters here is one timing line. Pure functions, no I/O but the package's
calendar_words.json; every pattern has one way to match a line or is bounded in length, so every
step is linear in the file's length (benchmarks/transcript_cost.py).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from citeqa.glossary import calendar_words
from citeqa.readers.base import TITLE_MAX, UnreadableDocument
from citeqa.titles import stem_words

__all__ = [
    "CueFile",
    "NoTranscriptText",
    "Turn",
    "is_cue_text",
    "read_cues",
    "read_export",
    "transcript_text",
]

_TIME = r"(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}"
_TIMING = re.compile(rf"\s*(?P<start>{_TIME})[ \t]*-->[ \t]*(?P<end>{_TIME})(?:[ \t].*)?")
"""A cue's timing line (read whole, fullmatch): WebVTT writes "00:00:30.266" or "00:30.266",
SubRip "00:00:30,266"; cue settings may follow ("align:start")."""
_WEBVTT = re.compile(r"\ufeff?WEBVTT(?P<rest>[ \t].*)?")
"""The WebVTT signature line (read whole, fullmatch, its end's spaces off), maybe with words
after it ("WEBVTT - Tuesday standup"): one way to match each line, so a line of "WEBVTT" and
spaces costs linear time (a title pattern between two runs of spaces took 13.8 s on 20,000)."""
_TITLE_SEPARATORS = " \t-–—:"
"""What stands between "WEBVTT" and a title ("WEBVTT - Ops review"), not the title."""
_TEXT_FILE_SIGNATURE = re.compile(r"[ \t]+[-–—][ \t]+\S")
"""What may follow "WEBVTT" in a .txt file's first line for it to be WebVTT: nothing, or a
dash before a title ("WEBVTT - Ops review"); "WEBVTT cheat sheet" is a note's title."""
_CUE_NUMBER = re.compile(r"\s*\d+\s*")
_SKIPPED_BLOCKS = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")
"""The first line of a WebVTT block that is no cue: a comment, a style sheet, a region."""
_VOICE = re.compile(r"<v(?:\.[\w.-]{1,80})?[ \t]+(?P<name>[^<>\n]{0,200}?)[ \t]*>")
_CLASSES = r"(?:\.[\w-]{1,40}){0,8}"
_VALUE = r"""(?:"[^"<>\n]{0,200}"|'[^'<>\n]{0,200}'|[^\s"'<>]{1,200})"""
_ATTRIBUTES = rf"(?:[ \t]+[\w-]{{1,40}}(?:={_VALUE})?){{0,8}}"
_MARKUP = re.compile(
    rf"</?(?:[cbiu]|ruby|rt){_CLASSES}>"
    rf"|<(?:v|lang){_CLASSES}[ \t][^<>\n]{{0,200}}>|</(?:v|lang)>"
    rf"|</?(?:font|span){_ATTRIBUTES}[ \t]*>"
    r"|<(?:\d{1,4}:)?\d{2}:\d{2}\.\d{3}>"
    r"|\{(?:\\[a-zA-Z][^\\{}\s]{0,40}){1,20}\}",
    re.IGNORECASE,
)
"""Cue markup, each tag in its own shape only (a cue "if a<b and c>d" is words) and bounded
in length (a cue of many "<c" with no ">" costs linear time): WebVTT's tags (a class
`<c.loud>`, `<i>`, `<b>`, a voice `<v Maria>` and its end `</v>`, `<lang en>`, a karaoke
timestamp `<00:00:31.000>`), SubRip's `<font color="red">` and its `{\\an8}` positions."""
_NAME_WORD = r"[^\W\d_][\w'’.-]*"
_NAME_PARTICLES = r"(?:de|du|da|di|van|von|der|den|la|le|del|dos|bin|al)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|{_NAME_PARTICLES})){{0,4}}"
_PERSON = rf"(?P<name>{_NAME}(?:[ \t]+\([^()\n]{{1,60}}\))?)"
"""A speaker's name as exports write it: up to five words, the first of a letter, maybe a
particle ("Léa de Vries"), maybe its organisation ("Daniel Okafor (Northwind Telecom)")."""
_COLON_SPEAKER = re.compile(rf"\s*(?P<name>{_NAME})[ \t]?:[ \t]+(?=\S)")
"""A name opening a cue's text: "MARIA: Welcome", "Kenji Sato : first" (French spacing)."""
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
_EXPORT_LINES = {
    "zoom": re.compile(rf"{_PERSON}[ \t]{{2,}}(?P<time>{_CLOCK})[ \t]*"),
    "teams": re.compile(rf"\[(?P<time>{_CLOCK})\][ \t]+{_PERSON}[ \t]*"),
    "chat": re.compile(
        r"(?P<time>\d{1,2}:\d{2}:\d{2})[ \t]+From[ \t]+(?P<name>[^:\n]{1,120}?)"
        r"(?:[ \t]+to[ \t]+(?P<to>[^:\n]{0,120}?))?[ \t]*:[ \t]*(?P<said>.*)"
    ),
}
"""An export's speaker line (read whole, fullmatch), by kind: Zoom's "Maria Lopez  10:02 AM"
(the name, two spaces or more, a time), Teams' "[2:10 PM] Tom Becker", Zoom chat's
"10:05:12 From Tom Becker to Everyone:" (what was said after the colon or under it; names
bounded in length, so a long line with no colon is given up at once)."""
_NAME_SEPARATORS = re.compile(r"_|(?<!\d)-|-(?!\d)")
"""What stands for a space in a file's name: "_", a "-" not between digits (a date's stay)."""
_SENTENCE_END = re.compile(r"[.!?…][\"'”»)]*\s*$")

PREAMBLE_LINES = 3
"""An export's first speaker line stands within this many non-blank lines of its start."""
PARAGRAPH_CHARS = 1_200
"""A turn longer than this is cut into paragraphs at the next cue ending a sentence (at twice
this length at the next cue whatever it ends with: automatic captions have no full stop)."""
OPENING_CHARS = 65_536
"""An export's first speaker line stands within this many characters of its start."""
COLON_LABELLED_SHARE = 3
"""A file with no voice labels its cues "NAME: ..." when at least one in this many does."""


class NoTranscriptText(UnreadableDocument, ValueError):
    """A transcript holding timings and no word said (an empty recording's captions): a file
    the corpus skips, with that reason."""


@dataclass
class Turn:
    """What one speaker said in a row (`speaker` None: unknown), as its paragraphs' pieces;
    `said_at`: what an export's speaker line says besides the name (its time, a chat message's
    addressee), written in the turn's heading."""

    speaker: str | None
    pieces: list[str] = field(default_factory=list)
    said_at: str | None = None

    @property
    def heading(self) -> str | None:
        """The turn's heading: "Maria Lopez", "Maria Lopez · 10:02 AM"; None with no speaker."""
        if self.speaker is None:
            return None
        return f"{self.speaker} · {self.said_at}" if self.said_at else self.speaker


@dataclass
class _Cue:
    text_lines: list[str]
    identified: bool
    """Whether it came with a timing line (a block with none is a stray line kept as text)."""
    kept_apart: bool = False
    """Whether it is a text file's words that are no cue (a NOTE block, a named identifier),
    kept as a paragraph of its own, no turn's words."""


# ---- what a file is ----------------------------------------------------------------------------


def is_cue_text(text: str) -> bool:
    """Whether a text file holds a WebVTT or SubRip body: its first line "WEBVTT" alone or with
    a dash before a title ("WEBVTT - Ops review", not "WEBVTT cheat sheet") and a cue the first
    block under it past NOTE, STYLE and REGION blocks, or (SubRip) two cues in a row opening
    it, a number over a timing line each (a note that merely holds one timing line is no
    transcript)."""
    lines = _opening_lines(text, 24)
    if not lines:
        return False
    blocks = _blocks(lines)
    rest = _signature(lines[0])
    if rest is not None:
        plain = not rest.strip() or _TEXT_FILE_SIGNATURE.match(rest)
        body = [block for block in blocks[1:] if not _SKIPPED_BLOCKS.fullmatch(block[0])]
        return bool(plain) and bool(body) and _opens_cue(body[0])
    return len(blocks) >= 2 and all(
        len(block) >= 2 and _CUE_NUMBER.fullmatch(block[0]) and _TIMING.fullmatch(block[1])
        for block in blocks[:2]
    )


def _signature(line: str) -> str | None:
    """What follows "WEBVTT" on a WebVTT signature line ("" when nothing), None when `line` is
    no such line."""
    found = _WEBVTT.fullmatch(line.rstrip())
    return None if found is None else found["rest"] or ""


def _opens_cue(block: list[str]) -> bool:
    """Whether a block is a cue: a timing line first, or second under its identifier."""
    return any(_TIMING.fullmatch(line) for line in block[:2])


def _opening_lines(text: str, count: int) -> list[str]:
    """The first `count` lines of `text` from its first non-blank one (a byte order mark off)."""
    opening: list[str] = []
    for line in text[: 4_096 * count].lstrip("\ufeff").splitlines():
        if opening or line.strip():
            opening.append(line)
        if len(opening) >= count:
            break
    return opening


def _blocks(lines: list[str]) -> list[list[str]]:
    """The runs of non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


# ---- cue files ---------------------------------------------------------------------------------


@dataclass
class CueFile:
    """What a WebVTT or SubRip text says: its turns, the title its WEBVTT line gives (or None)
    and, in a text file, its header lines ("Kind: captions") kept as text."""

    turns: list[Turn]
    title: str | None
    header: list[str]


def read_cues(text: str, text_file: bool = False) -> CueFile:
    """The turns of a WebVTT or SubRip text. `text_file`: a .txt, whose header lines, NOTE,
    STYLE and REGION blocks and cue identifiers other than a number are the user's words, kept
    as text (a .vtt's are its syntax)."""
    blocks = _blocks(text.lstrip("\ufeff").splitlines())
    title: str | None = None
    header: list[str] = []
    if blocks and (rest := _signature(blocks[0][0])) is not None:
        title = rest.lstrip(_TITLE_SEPARATORS).rstrip() or None
        header, blocks = _past_header(blocks)
    cues = [cue for block in blocks for cue in _cues(block, text_file)]
    voiced = any(_VOICE.search(line) for cue in cues for line in cue.text_lines)
    turns = _cue_turns(cues, voiced, set() if voiced else _colon_speakers(cues))
    return CueFile(turns, title, [line.strip() for line in header] if text_file else [])


def _cue_turns(cues: list[_Cue], voiced: bool, speakers: set[str]) -> list[Turn]:
    """The turns of `cues`: a cue kept apart is a closed turn of its own, and a speakerless cue
    after it reopens a turn for the last speaker named (the turn goes on past the user's note)."""
    turns: list[Turn] = []
    reopen = False
    for cue in cues:
        if cue.kept_apart:
            turns.append(Turn(None, ["\n".join(line.strip() for line in cue.text_lines)]))
            reopen = True
            continue
        for speaker, said in _utterances(cue, voiced, speakers):
            if reopen and (said or speaker is not None):
                if speaker is None:
                    turns.append(Turn(_last_speaker(turns)))
                reopen = False
            _add(turns, speaker, said, joiner=" ")
    return turns


def _last_speaker(turns: list[Turn]) -> str | None:
    return next((turn.speaker for turn in reversed(turns) if turn.speaker is not None), None)


def _past_header(blocks: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """The WEBVTT header block's lines under its signature ("Kind: captions") and the blocks
    after them: a first cue with no blank line over it (a sloppy file) is the first block, from
    its identifier."""
    rest = blocks[0][1:]
    at = next((at for at, line in enumerate(rest) if _TIMING.fullmatch(line)), None)
    if at is None:
        return rest, blocks[1:]
    return rest[: max(at - 1, 0)], [rest[max(at - 1, 0) :], *blocks[1:]]


def _cues(block: list[str], text_file: bool) -> list[_Cue]:
    """A block's cues: none for a NOTE, STYLE or REGION block (in a text file, the block kept
    apart as text); one for each timing line standing first or second in the block or later
    (cues with no blank line between them, a broken file: a number right over a later timing
    line is its identifier; in a text file another identifier is kept apart as text); a block
    with no timing line in its first two is kept whole as text."""
    if _SKIPPED_BLOCKS.fullmatch(block[0]):
        return [_Cue(block, identified=False, kept_apart=True)] if text_file else []
    timings = [at for at, line in enumerate(block) if _TIMING.fullmatch(line)]
    if not timings or timings[0] > 1:
        return [_Cue(block, identified=False)]
    cues = []
    if text_file and timings[0] == 1 and not _CUE_NUMBER.fullmatch(block[0]):
        cues.append(_Cue(block[:1], identified=False, kept_apart=True))
    for number, at in enumerate(timings):
        end = timings[number + 1] if number + 1 < len(timings) else len(block)
        if end < len(block) and end - 1 > at and _CUE_NUMBER.fullmatch(block[end - 1]):
            end -= 1
        cues.append(_Cue(block[at + 1 : end], identified=True))
    return cues


def _colon_speakers(cues: list[_Cue]) -> set[str]:
    """The names a voiceless file opens its cues with ("MARIA: …"): each used twice, and each
    full name (`_full_name`) said once when the file has a name used twice or two full names,
    when such names open at least one cue in COLON_LABELLED_SHARE; else none (a cue "Decision:
    we buy" or "Next Steps: ship it" of an unlabelled file says no speaker)."""
    opened = Counter(
        found["name"]
        for cue in cues
        if cue.identified and cue.text_lines
        if (found := _COLON_SPEAKER.match(cue.text_lines[0]))
    )
    repeated = {name for name, uses in opened.items() if uses >= 2}
    full = {name for name in opened if _full_name(name)}
    names = repeated | full if repeated or len(full) >= 2 else set()
    labelled = sum(uses for name, uses in opened.items() if name in names)
    spoken = sum(1 for cue in cues if cue.identified and cue.text_lines)
    return names if labelled * COLON_LABELLED_SHARE >= spoken > 0 else set()


def _full_name(name: str) -> bool:
    """A name said once that still reads as one: in capitals ("KENJI") or of two capitalised
    words or more ("Tom Becker"); "Decision" or "Note" alone is no speaker."""
    words = name.split()
    return name.isupper() or (len(words) >= 2 and all(w[0].isupper() for w in words))


def _utterances(cue: _Cue, voiced: bool, speakers: set[str]) -> Iterator[tuple[str | None, str]]:
    """A cue's text as (speaker, words) pieces: one per voice in a voiced file (None: the turn
    goes on), the cue whole after its "NAME:" in a labelled one; lines joined by a space."""
    joined = " ".join(line.strip() for line in cue.text_lines if line.strip())
    if not cue.identified:
        yield None, joined
        return
    if voiced:
        yield from _voiced(joined)
        return
    found = _COLON_SPEAKER.match(joined)
    if found and found["name"] in speakers:
        yield found["name"], _plain(joined[found.end() :])
    else:
        yield None, _plain(joined)


def _voiced(joined: str) -> Iterator[tuple[str | None, str]]:
    """Each voice's words of a cue: the text before its first voice is the turn going on."""
    voices = list(_VOICE.finditer(joined))
    before = joined[: voices[0].start()] if voices else joined
    if _plain(before):
        yield None, _plain(before)
    for at, voice in enumerate(voices):
        end = voices[at + 1].start() if at + 1 < len(voices) else len(joined)
        yield _name(voice["name"]), _plain(joined[voice.end() : end])


def _plain(cue_text: str) -> str:
    """A cue's words without markup, entities decoded, spaces evened."""
    return " ".join(html.unescape(_MARKUP.sub("", cue_text)).split())


def _name(written: str) -> str | None:
    return " ".join(html.unescape(written).split()) or None


def _add(turns: list[Turn], speaker: str | None, said: str, joiner: str) -> None:
    """`said` added to the last turn when `speaker` says it again or is unknown (None), else as
    a new turn; a turn past PARAGRAPH_CHARS takes a new paragraph where a sentence ended."""
    if not said:
        if speaker is not None and (not turns or turns[-1].speaker != speaker):
            turns.append(Turn(speaker))  # a voice with no words yet: what follows is theirs
        return
    if turns and turns[-1].said_at is None and speaker in (None, turns[-1].speaker):
        turn = turns[-1]
    else:
        turn = Turn(speaker)
        turns.append(turn)
    if not turn.pieces:
        turn.pieces.append(said)
        return
    last = turn.pieces[-1]
    full = len(last) >= PARAGRAPH_CHARS and _SENTENCE_END.search(last)
    if full or len(last) >= 2 * PARAGRAPH_CHARS:
        turn.pieces.append(said)
    else:
        turn.pieces[-1] = f"{last}{joiner}{said}"


# ---- text exports ------------------------------------------------------------------------------


def read_export(text: str) -> tuple[list[Turn], list[str]] | None:
    """The turns of a Zoom or Teams text export, one per speaker line (its time in the turn's
    heading), and the lines over its first speaker line (its title first); None when `text` is
    no export (see the module's docstring). Any other file costs a look at its opening lines
    only."""
    kind, first = _export_kind(text[:OPENING_CHARS].lstrip("\ufeff").splitlines())
    if kind is None:
        return None
    lines = text.lstrip("\ufeff").splitlines()
    turns: list[Turn] = []
    names: Counter[str] = Counter()
    for line in lines[first:]:
        found = _speaker_line(kind, line)
        if found is None and not turns:
            return None  # the opening's cut ended a longer line in a speaker line's shape
        if found is None:
            if line.strip():
                turns[-1].pieces.append(line.strip())
            continue
        if turns and not turns[-1].pieces:
            return None  # a speaker line over no words: a list of times, not a conversation
        turns.append(_export_turn(kind, found))
        names[turns[-1].speaker or ""] += 1
    if not turns[-1].pieces or len(turns) < 2:
        return None
    if kind != "chat" and max(names.values()) < 2:
        return None  # no one speaks twice: an agenda ("[9:00] Welcome", "[9:30] Roadmap")
    if kind != "chat" and all(_calendar_name(name) for name in names):
        return None  # a day log ("Monday  7:30 / Squats"): its lines say when, not who
    for turn in turns:
        turn.pieces = ["\n".join(turn.pieces)]
    return turns, [line.strip() for line in lines[:first] if line.strip()]


def _export_kind(opening: list[str]) -> tuple[str | None, int]:
    """The kind of the speaker line standing within PREAMBLE_LINES non-blank lines of the
    `opening` lines, and its line's index; (None, 0) when none does."""
    seen = 0
    for at, line in enumerate(opening):
        if not line.strip():
            continue
        kind = next((k for k in _EXPORT_LINES if _speaker_line(k, line)), None)
        if kind is not None:
            return kind, at
        seen += 1
        if seen > PREAMBLE_LINES:
            break
    return None, 0


def _speaker_line(kind: str, line: str) -> re.Match[str] | None:
    """`line` read as a speaker line of `kind`, None when it is none: a Zoom or Teams line's
    name must read as a person's (`_looks_like_name`: "Call the plumber  10:00" is a todo's).
    Whether a file of such lines is a day log is decided for the whole file (`read_export`):
    "Sam" or "May" is a calendar word and a first name."""
    found = _EXPORT_LINES[kind].fullmatch(line)
    if found is None or (kind != "chat" and not _looks_like_name(found["name"])):
        return None
    return found


def _export_turn(kind: str, found: re.Match[str]) -> Turn:
    """The turn a speaker line opens: its speaker, its time (and a chat's addressee), and a
    chat's words after its colon."""
    addressee = found["to"] if kind == "chat" else None
    said_at = found["time"] + (f" to {addressee.strip()}" if addressee else "")
    said = found["said"].strip() if kind == "chat" else ""
    return Turn(_name(found["name"]), [said] if said else [], said_at=said_at)


_PARTICLE = re.compile(_NAME_PARTICLES)


def _looks_like_name(person: str) -> bool:
    """Whether a speaker line's name reads as a person's: of several words, each capitalised
    or a particle ("Léa de Vries"; "Call the plumber" is a sentence)."""
    words = person.split("(")[0].split()
    return len(words) == 1 or all(
        not word[0].islower() or _PARTICLE.fullmatch(word) for word in words
    )


def _calendar_name(person: str) -> bool:
    """Whether a speaker line's name is only words of the calendar ("Monday", "Lundi matin",
    but also "Sam", "May": citeqa/data/calendar_words.json)."""
    words = person.split("(")[0].split()
    return all(word.strip(".").casefold() in calendar_words() for word in words)


# ---- the text written --------------------------------------------------------------------------


def transcript_text(
    text: str, relative: str, cues: bool, text_file: bool = False
) -> tuple[str, str] | None:
    """The text a transcript is indexed as (its title whole) and its title (cut to TITLE_MAX);
    `cues`: a WebVTT or SubRip body (read whatever its shape; `text_file`: a .txt, see
    `read_cues`), else an export only when `read_export` finds one (None when not). Raise
    NoTranscriptText when the transcript holds no word said."""
    if cues:
        cue_file = read_cues(text, text_file)
        turns, title, preamble = cue_file.turns, cue_file.title, cue_file.header
    else:
        export = read_export(text)
        if export is None:
            return None
        turns, preamble = export
        title, preamble = (preamble[0], preamble[1:]) if preamble else (None, [])
    if not any(turn.pieces for turn in turns) and not preamble:
        raise NoTranscriptText("a transcript with no words said, only timings")
    title = title or _file_name_words(relative)
    parts = [f"# {title}", *(["\n".join(preamble)] if preamble else [])]
    parts += [_turn_part(turn) for turn in turns if turn.pieces]
    return "\n\n".join(parts) + "\n", title[:TITLE_MAX].rstrip()


def _turn_part(turn: Turn) -> str:
    """A turn under its heading (none when its speaker is unknown), its paragraphs apart."""
    body = "\n\n".join(turn.pieces)
    return f"## {turn.heading}\n{body}" if turn.heading else body


def _file_name_words(relative: str) -> str:
    """A file's name as words: "meetings/2025-09-02_standup.vtt" → "2025-09-02 standup" (a
    caption file renamed "standup.vtt.txt" → "standup")."""
    stem = PurePosixPath(relative).stem
    stem = stem[: -len(".vtt")] if stem.lower().endswith((".vtt", ".srt")) else stem
    return stem_words(stem, _NAME_SEPARATORS) or stem
