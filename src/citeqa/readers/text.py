"""Plain text and Markdown: the decoded file is the text, byte for byte (CRLF stays CRLF)."""

from __future__ import annotations

from dataclasses import dataclass

from citeqa.readers.base import Extracted


@dataclass(frozen=True)
class TextReader:
    """A .txt or .md file, read as it is."""

    kind: str
    suffixes: tuple[str, ...]
    decoded: bool = True
    version: int = 1

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        del relative
        return Extracted(str(content))


READERS = (TextReader("txt", (".txt",)), TextReader("md", (".md",)))
