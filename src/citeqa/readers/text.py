"""Plain text and Markdown: the decoded file is the text, byte for byte (CRLF stays CRLF).

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
ending "wrote:" that is no attribution and a closing "-- Sent from my phone --" line."""

from __future__ import annotations

from dataclasses import dataclass

from citeqa.mailthreads import mail_text
from citeqa.readers.base import Extracted


@dataclass(frozen=True)
class TextReader:
    """A .txt or .md file, read as it is."""

    kind: str
    suffixes: tuple[str, ...]
    decoded: bool = True
    version: int = 6
    reads_mail: bool = True
    """Whether a file that is a mail is read as its messages (mailthreads.py)."""

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        del relative
        text = str(content)
        mail = mail_text(text) if self.reads_mail else None
        if mail is None or not mail[0].strip():
            return Extracted(text)
        return Extracted(mail[0], title=mail[1])


READERS = (TextReader("txt", (".txt",)), TextReader("md", (".md",)))
