"""Plain text and Markdown: the decoded file is the text, byte for byte (CRLF stays CRLF).

Version 2: a file's title passes over YAML front matter, a block of `Key: value` header lines
(its `Name:`), RST comments and directives and adornment lines (titles.py); version 1 titled
a file by its first line ("Metadata-Version: 2.4"). Version 3: a first line that is a running
header ("XZ(1) XZ Utils XZ(1)") gives way to the text under it as the title (titles.py)."""

from __future__ import annotations

from dataclasses import dataclass

from citeqa.readers.base import Extracted


@dataclass(frozen=True)
class TextReader:
    """A .txt or .md file, read as it is."""

    kind: str
    suffixes: tuple[str, ...]
    decoded: bool = True
    version: int = 3

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        del relative
        return Extracted(str(content))


READERS = (TextReader("txt", (".txt",)), TextReader("md", (".md",)))
