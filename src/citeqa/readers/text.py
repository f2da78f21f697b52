"""Plain text and Markdown: the decoded file is the text, byte for byte (CRLF stays CRLF), but
for the tab a table aligned with spaces has at each gap between its columns (see version 13).

Version 2: a file's title passes over YAML front matter, a block of `Key: value` header lines
(its `Name:`), RST comments and directives and adornment lines (titles.py); version 1 titled
a file by its first line ("Metadata-Version: 2.4"). Version 3: a first line that is a running
header ("XZ(1) XZ Utils XZ(1)") gives way to the text under it as the title (titles.py).
Version 4: a .txt or .md file that is an e-mail or a thread of them (mailthreads.py) is read
as its messages, titled by its Subject, each under a heading naming its sender and date, with
no signature and no quote of a message the file holds; any other file is read as before.
Version 5: a mail keeps its other header lines ("To: …") and its signature (under a heading
of its own) as text, a sign-off only when it is the sender's name, French and German header
names read, encoded words decoded; a header block with no mail evidence (no address, no Sent
nor Message-ID) is read as it is. Version 6: a mail keeps its From and Date lines under its
Headers heading, names its sender by the whole display name ("Park, Lena"), keeps a line
ending "wrote:" that is no attribution and a closing "-- Sent from my phone --" line.
Version 7 (.txt only; .md stays at 6): a .txt file holding a WebVTT body (its first line
"WEBVTT" or "WEBVTT - title" over a cue: Zoom's closed_caption.txt), a SubRip one (two numbered
cues opening it) or a Zoom or Teams text export ("Maria Lopez  10:02 AM", "[2:10 PM] Tom
Becker" speaker lines, a speaker recurring) is read as what its speakers said (transcripts.py),
its header lines, NOTE blocks and named cue identifiers kept as text, each export turn's time
in its heading; a .txt WebVTT or SubRip body with no words said is skipped (no text in it);
any other file is read as before. Version 8 (.txt; .md 7): a file opening with a slide's label
alone ("Slide 1", a deck exported to text) is titled by the line after it, its first slide's
title (titles.slide_label). Version 9 (.txt; .md 8): a mail's Subject marking a reply
("Re: …") stays under its Headers heading even when it is the title, so a reply saved on its
own is known for one (mail_candidates.py). Version 10 (.txt; .md 9; .rst 4): the decoding of
every text format changed (textdecoding.py, s21: a non-UTF-8 line of a UTF-8 file read alone
as cp1252, a stray NUL byte read as U+FFFD, binary content found anywhere). Version 11
(.txt; .md 10; .rst 5): a file with CR line ends is decoded line by line too. Version 12
(.txt): a .txt holding a WebVTT or SubRip body is a document of kind "vtt" or "srt"
(Extracted.kind), so a question on what a speaker said keeps to that speaker's turns, as in a
.vtt file (speakers.py: its turn headings name the speaker alone, no " · " after it).
Own version 9 of .md (plus textdecoding.VERSION): a title passes over lines of HTML tags alone,
MyST targets ("(how)=") and fenced blocks ("```{include} ../CHANGELOG.md" with its options),
and a title line's tags are dropped (titles.py; s24 trial: two READMEs titled
`<p align="center">`). A .txt or .rst file rarely opens so: their versions are kept, so that
an upgrade does not read every text file again. Own version 10 of .md: only known HTML tags are
dropped from a title ("# Vec<T> and Option<U>" was titled "Vec and Option"). Own version 11
of .txt and .md: a mail's section label writes its day in the language of the message's own
lines ("3 mars 2026" in a French mail: mailthreads.labelled_day). Own version 12 of .txt and
.md (and .rst's 4, .tex's 4, .docx's 7, .pdf's 20): a derived title is no longer cut at an
abbreviation's or a reference's period ("Soil carbon under no-till (J. Appl. Ecol. 2021)" was
titled "… (J. Appl": language.split_sentences, s40). Own version 13 of .txt and .md: a
table whose columns are aligned with spaces ("North       1,200        1,350") has a tab in
place of the space at the first column of each gap between its cells (aligned_tables.py; a
markdown file's fenced code never), so it is read as a table, each row under its header; the
text keeps its length and every offset (a mail or a transcript is read as before).
"""

from __future__ import annotations

from dataclasses import dataclass

from citeqa.aligned_tables import tabbed_aligned_tables
from citeqa.mailthreads import mail_text
from citeqa.readers.base import Extracted
from citeqa.textdecoding import VERSION as DECODING_VERSION
from citeqa.transcripts import is_cue_text, transcript_text


@dataclass(frozen=True)
class TextReader:
    """A .txt or .md file, read as it is."""

    kind: str
    suffixes: tuple[str, ...]
    decoded: bool = True
    version: int = 6
    reads_mail: bool = True
    """Whether a file that is a mail is read as its messages (mailthreads.py)."""
    reads_transcripts: bool = False
    """Whether a file that is a meeting transcript is read as its turns (transcripts.py)."""

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        text = str(content)
        mail = mail_text(text) if self.reads_mail else None
        if mail is not None and mail[0].strip():
            return Extracted(mail[0], title=mail[1])
        cues = self.reads_transcripts and is_cue_text(text)
        transcript = (
            transcript_text(text, relative, cues=cues, text_file=True)
            if self.reads_transcripts
            else None
        )
        if transcript is not None:
            kind = _cue_kind(text) if cues else None
            return Extracted(transcript[0], title=transcript[1], kind=kind)
        return Extracted(tabbed_aligned_tables(text, markdown=self.kind == "md"))


def _cue_kind(text: str) -> str:
    """The kind of cue file a .txt holds: "vtt" under a WEBVTT header, else "srt"."""
    return "vtt" if text.lstrip("\ufeff \t\r\n").startswith("WEBVTT") else "srt"


READERS = (
    TextReader("txt", (".txt",), version=13 + DECODING_VERSION, reads_transcripts=True),
    TextReader("md", (".md",), version=13 + DECODING_VERSION),
)
