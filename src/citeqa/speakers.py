"""Questions asking what a named person said ("What did Sara say about Windows CI?", "Qu'a dit
Jules sur le bail ?"): the person's name as the question writes it, and whether a turn's
heading names them.

A transcript (transcripts.py), a chat log (chatexport.py) and a mail thread (mailthreads.py)
write each turn or message under a heading opening with who wrote or said it ("## Sara
Lindqvist · 18 Sep 2025 10:22", "## Maria Lopez"); the writer is that heading's part before its
first " · ". Only such turn headings are read so: a heading of a WebVTT or SubRip transcript, or
one holding " · " (a chat message's, a mail's, a timed transcript turn's); "## Contact Sara" in
notes names no writer. The cues that name a person in a question are language data
(citeqa/data/speaker_questions.json). answering.by_asked_speaker keeps, of the candidates, those
standing right under a turn of the person named, when some do: the s22 trial's "What did Sara
say in #eng-hydrokit about Windows CI?" quoted Li Wei's "Windows CI still flaky…", the reply
above Sara's answer. Pure functions; the data read once.
"""

from __future__ import annotations

import re
from functools import cache

from citeqa.jsonfiles import data_json

__all__ = ["asked_speaker", "names_speaker"]

SEPARATOR = " · "
"""What stands between a turn heading's writer and its time (transcripts.Turn.heading)."""
TRANSCRIPT_KINDS = frozenset({"vtt", "srt"})
"""Document kinds whose every heading is a turn's, its speaker's name alone ("## Maria Lopez")."""


@cache
def _cues() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(str(cue)) for cue in data_json("speaker_questions.json")["name_cues"])


@cache
def _not_names() -> frozenset[str]:
    return frozenset(str(word) for word in data_json("speaker_questions.json")["not_names"])


def asked_speaker(question: str) -> frozenset[str]:
    """The words of the name of the person whose words `question` asks for, folded to lower
    case ({"sara"}); empty when it names none."""
    for cue in _cues():
        found = cue.search(question)
        if found:
            words = {word.casefold() for word in found["name"].split()} - _not_names()
            if words:
                return frozenset(words)
    return frozenset()


def names_speaker(heading: str, asked: frozenset[str], kind: str) -> bool:
    """Whether `heading`, of a document of reader kind `kind`, is a turn heading (one of a
    transcript's, or one holding " · ") whose writer (its part before " · ") holds a word of
    `asked`."""
    if not asked or (SEPARATOR not in heading and kind not in TRANSCRIPT_KINDS):
        return False
    writer = heading.split(SEPARATOR, 1)[0]
    return any(word.casefold() in asked for word in writer.split())
