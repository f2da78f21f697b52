"""WebVTT (.vtt) and SubRip (.srt) files: read as what their speakers said (transcripts.py),
each turn under its speaker's heading, with no cue number, timing line nor cue markup.

Version 1: these endings were not read before (the s19 trial's 12 meeting transcripts skipped).
Version 2: the decoding of every text format changed (textdecoding.py, s21: a non-UTF-8 line of
a UTF-8 file read alone as cp1252, a stray NUL byte read as U+FFFD, binary content found
anywhere)."""

from __future__ import annotations

from dataclasses import dataclass

from citeqa.readers.base import Extracted
from citeqa.transcripts import transcript_text


@dataclass(frozen=True)
class TranscriptReader:
    """A .vtt or .srt file, read as its turns."""

    kind: str
    suffixes: tuple[str, ...]
    decoded: bool = True
    version: int = 3

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        read = transcript_text(str(content), relative, cues=True)  # NoTranscriptText: skipped
        assert read is not None  # a cue file is always read
        return Extracted(read[0], title=read[1])


READERS = (TranscriptReader("vtt", (".vtt",)), TranscriptReader("srt", (".srt",)))
