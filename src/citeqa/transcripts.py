"""Meeting transcripts read as what people said: WebVTT (.vtt), SubRip (.srt) and the plain-text
exports of Zoom and Teams, written as the text the index holds (citation offsets point into it).

A cue file is split into blocks at blank lines; a block is a cue when one of its first two lines
is a timing line ("00:00:30.266 --> 00:00:36.277", settings after it ignored), the line over it
being its identifier (a cue number). The WEBVTT header block, NOTE, STYLE and REGION blocks,
cue identifiers, timing lines and cue markup (`<c.loud>`, `<i>`, `<00:00:31.000>`, `{\\an8}`;
entities decoded) are no text; a block that is no cue is kept as text (a stray line of a
broken file is still the user's words). A cue's speaker is its voice (`<v Maria Lopez>`, each
voice of a cue its own utterance), or, in a file with no voice at all, a name opening its text
("MARIA:", "Kenji Sato :") when that file labels its cues so (`_colon_speakers`: a name used
twice, in capitals or of two capitalised words, opening a third of the cues or more); a cue
with no speaker carries on the turn before it. Consecutive cues of one speaker are one turn,
their texts joined by a space, so a sentence split across two cues is one sentence, quoted
whole with no timing line inside.

A Zoom or Teams text export is read by its speaker lines: "Maria Lopez  10:02 AM" (Zoom),
"[2:10 PM] Tom Becker" (Teams), "10:05:12 From Tom Becker to Everyone:" (Zoom chat, the message
after the colon or on the indented lines under it). A file is one only when its first speaker
line stands in its opening lines (past at most PREAMBLE_LINES lines: a title line), it holds
two such lines of one kind or more, each over the text said, and, for the Zoom shape (the
least distinctive: "Lunch  12:30"), a speaker speaks twice (`read_export`); the lines over the
first speaker line are the file's own: the first its title.

`transcript_text` writes a transcript as its title as a first heading, then each turn as a
Markdown heading naming its speaker ("## Maria Lopez", what a quote of it cites, as a mail's
message cites "## Lena Park · 3 Mar 2026") right over its words (no blank line between them: a
one-line turn is then no paragraph of its own, which blocks.py would read as a heading); a
turn longer than PARAGRAPH_CHARS is cut into paragraphs at a cue ending a sentence. Turns with
no speaker (automatic captions) are paragraphs under the title. The title is the one the file
gives (the text after "WEBVTT", an export's first line), else its file name's words. A file of
timings with no text is none (`NoTranscriptText`). Written here, not with webvtt-py or srt
(PyPI): they read one format each (neither reads the Zoom and Teams text exports, where the
s19 trial's "who said" answers failed), they give no line positions, and webvtt-py refuses a
malformed file where this reading keeps its words; the formats' syntax that matters here is
one timing line. Pure functions, no I/O; every step is linear in the file's lines.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from citeqa.readers.base import TITLE_MAX

__all__ = [
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
_WEBVTT = re.compile(r"\ufeff?WEBVTT(?:[ \t]+[-–—:]?[ \t]*(?P<title>\S.*?))?\s*")
"""The WebVTT signature line, with a title after it ("WEBVTT - Tuesday standup")."""
_CUE_NUMBER = re.compile(r"\s*\d+\s*")
_SKIPPED_BLOCKS = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")
"""The first line of a WebVTT block that is no cue: a comment, a style sheet, a region."""
_VOICE = re.compile(r"<v(?:\.[\w.-]{1,80})?[ \t]+(?P<name>[^<>\n]{0,200}?)[ \t]*>")
_MARKUP = re.compile(
    r"</?(?:[vcbiu]|ruby|rt|lang|font|span)(?:[.\s][^<>\n]{0,200})?>|<\d[\d:.,]{0,20}>"
    r"|\{\\[^{}\n]{0,80}\}",
    re.IGNORECASE,
)
"""Cue markup (each bounded in length, so a cue of many "<c" with no ">" costs linear time):
WebVTT's tags (a voice's end `</v>`, a class `<c.loud>`, `<i>`, a karaoke
timestamp `<00:00:31.000>`), SubRip's (`<font color=...>`) and its `{\\an8}` positions."""
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
        r"(?:[ \t]+to[ \t]+[^:\n]{0,120}?)?[ \t]*:[ \t]*(?P<said>.*)"
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


class NoTranscriptText(ValueError):
    """A transcript holding timings and no word said (an empty recording's captions)."""


@dataclass
class Turn:
    """What one speaker said in a row (`speaker` None: unknown), as its paragraphs' pieces."""

    speaker: str | None
    pieces: list[str] = field(default_factory=list)


@dataclass
class _Cue:
    text_lines: list[str]
    identified: bool
    """Whether it came with a timing line (a block with none is a stray line kept as text)."""


# ---- what a file is ----------------------------------------------------------------------------


def is_cue_text(text: str) -> bool:
    """Whether a text file holds a WebVTT or SubRip body: its first line "WEBVTT" over a timing
    line somewhere, or (SubRip) two cues in a row opening it, a number over a timing line each
    (a note that merely holds one timing line is no transcript)."""
    lines = _opening_lines(text, 12)
    if not lines:
        return False
    if _WEBVTT.fullmatch(lines[0]):
        return any(_TIMING.fullmatch(line) for line in text.splitlines())
    blocks = _blocks(lines)
    return len(blocks) >= 2 and all(
        len(block) >= 2 and _CUE_NUMBER.fullmatch(block[0]) and _TIMING.fullmatch(block[1])
        for block in blocks[:2]
    )


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


def read_cues(text: str) -> tuple[list[Turn], str | None]:
    """The turns of a WebVTT or SubRip text, and the title its WEBVTT line gives (or None)."""
    blocks = _blocks(text.lstrip("\ufeff").splitlines())
    title = None
    if blocks and (signature := _WEBVTT.fullmatch(blocks[0][0])):
        title = signature["title"]
        blocks = _past_header(blocks)
    cues = [cue for block in blocks for cue in _cues(block)]
    voiced = any(_VOICE.search(line) for cue in cues for line in cue.text_lines)
    speakers = set() if voiced else _colon_speakers(cues)
    turns: list[Turn] = []
    for cue in cues:
        for speaker, said in _utterances(cue, voiced, speakers):
            _add(turns, speaker, said, joiner=" ")
    return turns, title


def _past_header(blocks: list[list[str]]) -> list[list[str]]:
    """The blocks after the WEBVTT header block ("Kind: captions" lines): a first cue with no
    blank line over it (a sloppy file) is the first block, from its identifier."""
    rest = blocks[0][1:]
    at = next((at for at, line in enumerate(rest) if _TIMING.fullmatch(line)), None)
    return ([rest[max(at - 1, 0) :]] if at is not None else []) + blocks[1:]


def _cues(block: list[str]) -> list[_Cue]:
    """A block's cues: none for a NOTE, STYLE or REGION block; one for each timing line standing
    first or second in the block or later (cues with no blank line between them, a broken file:
    a number right over a later timing line is its identifier); a block with no timing line in
    its first two is kept whole as text."""
    if _SKIPPED_BLOCKS.fullmatch(block[0]):
        return []
    timings = [at for at, line in enumerate(block) if _TIMING.fullmatch(line)]
    if not timings or timings[0] > 1:
        return [_Cue(block, identified=False)]
    cues = []
    for number, at in enumerate(timings):
        end = timings[number + 1] if number + 1 < len(timings) else len(block)
        if end < len(block) and end - 1 > at and _CUE_NUMBER.fullmatch(block[end - 1]):
            end -= 1
        cues.append(_Cue(block[at + 1 : end], identified=True))
    return cues


def _colon_speakers(cues: list[_Cue]) -> set[str]:
    """The names a voiceless file opens its cues with ("MARIA: …"): each used twice or a full
    name (`_full_name`), when such names open at least one cue in COLON_LABELLED_SHARE; else none (a
    cue "Decision: we buy" of an unlabelled file says no speaker)."""
    opened = Counter(
        found["name"]
        for cue in cues
        if cue.identified and cue.text_lines
        if (found := _COLON_SPEAKER.match(cue.text_lines[0]))
    )
    names = {name for name, uses in opened.items() if uses >= 2 or _full_name(name)}
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
    if turns and (speaker is None or speaker == turns[-1].speaker):
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
    """The turns of a Zoom or Teams text export and the lines over its first speaker line (its
    title first); None when `text` is no export (see the module's docstring). Any other file
    costs a look at its opening lines only."""
    kind, first = _export_kind(text[:OPENING_CHARS].lstrip("\ufeff").splitlines())
    if kind is None:
        return None
    lines = text.lstrip("\ufeff").splitlines()
    pattern = _EXPORT_LINES[kind]
    turns: list[Turn] = []
    said: list[str] = []
    speaker: str | None = None
    names: Counter[str] = Counter()
    for line in lines[first:]:
        found = pattern.fullmatch(line)
        if found is None:
            said += [line.strip()] if line.strip() else []
            continue
        if speaker is not None and not said:
            return None  # a speaker line over no words: a list of times, not a conversation
        _close(turns, speaker, said)
        speaker, said = _name(found["name"]), []
        said += [found["said"].strip()] if kind == "chat" and found["said"].strip() else []
        names[speaker or ""] += 1
    spoken_twice = max(names.values()) >= 2
    if not said or names.total() < 2 or (kind == "zoom" and not spoken_twice):
        return None
    _close(turns, speaker, said)
    return turns, [line.strip() for line in lines[:first] if line.strip()]


def _export_kind(opening: list[str]) -> tuple[str | None, int]:
    """The kind of the speaker line standing within PREAMBLE_LINES non-blank lines of the
    `opening` lines, and its line's index; (None, 0) when none does."""
    seen = 0
    for at, line in enumerate(opening):
        if not line.strip():
            continue
        kind = next((k for k, pattern in _EXPORT_LINES.items() if pattern.fullmatch(line)), None)
        if kind is not None:
            return kind, at
        seen += 1
        if seen > PREAMBLE_LINES:
            break
    return None, 0


def _close(turns: list[Turn], speaker: str | None, said: list[str]) -> None:
    if speaker is not None or said:
        _add(turns, speaker, "\n".join(said), joiner="\n")


# ---- the text written --------------------------------------------------------------------------


def transcript_text(text: str, relative: str, cues: bool) -> tuple[str, str] | None:
    """The text a transcript is indexed as and its title; `cues`: a WebVTT or SubRip body (read
    whatever its shape), else an export only when `read_export` finds one (None when not).
    Raise NoTranscriptText when the transcript holds no word said."""
    preamble: list[str] = []
    if cues:
        turns, title = read_cues(text)
    else:
        export = read_export(text)
        if export is None:
            return None
        turns, preamble = export
        title = preamble[0][:TITLE_MAX].rstrip() if preamble else None
        preamble = preamble[1:]
    if not any(turn.pieces for turn in turns):
        raise NoTranscriptText("a transcript with no words said, only timings")
    title = title or _file_name_words(relative)
    parts = [f"# {title}", *(["\n".join(preamble)] if preamble else [])]
    parts += [_turn_part(turn) for turn in turns if turn.pieces]
    return "\n\n".join(parts) + "\n", title


def _turn_part(turn: Turn) -> str:
    """A turn under its speaker's heading (none when unknown), its paragraphs apart."""
    body = "\n\n".join(turn.pieces)
    return f"## {turn.speaker}\n{body}" if turn.speaker else body


def _file_name_words(relative: str) -> str:
    """A file's name as words: "meetings/2025-09-02_standup.vtt" → "2025-09-02 standup" (a
    caption file renamed "standup.vtt.txt" → "standup")."""
    stem = PurePosixPath(relative).stem
    stem = stem[: -len(".vtt")] if stem.lower().endswith((".vtt", ".srt")) else stem
    return " ".join(_NAME_SEPARATORS.sub(" ", stem).split())[:TITLE_MAX] or stem
