"""Walk a corpus folder into Documents: which files are read, how, and which are skipped.

Owns file formats (.txt, .md, .pdf, .html/.htm), text decoding, titles and document ids.
Text files are decoded byte for byte and never normalised (CRLF stays CRLF), because every
citation offset points into `Document.text`. A file that cannot be read is skipped with a
reason, never raised: only a missing or empty corpus is an error (`CorpusMissing`,
`CorpusEmpty`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from citeqa.errors import CorpusEmpty, CorpusMissing
from citeqa.models import Document, Frozen

KINDS = {".txt": "txt", ".md": "md", ".pdf": "pdf", ".html": "html", ".htm": "html"}
"""File extensions read (lower case) and the Document.kind each gives."""
MANIFEST = "manifest.json"
"""The corpus's own description at its root: titles of its files; never a document."""
ENCODINGS = ("utf-8-sig", "utf-8", "cp1252", "latin-1")
"""Tried in order; anything but UTF-8 adds a warning. latin-1 decodes any bytes."""
SNIFF_BYTES = 8192
"""How much of a file is inspected to decide whether it is binary."""
MAX_CONTROL_RATIO = 0.1
"""A text whose sample has more control characters than this is treated as binary."""
TITLE_MAX = 120
"""Titles taken from a document's first line are cut to this many characters."""

_READ_TYPES = ".txt, .md, .pdf, .html and .htm"


class UnreadableDocument(Exception):
    """A file that is skipped; `reason` says why, for the person who owns the corpus."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CorpusReading(Frozen):
    """What `read_corpus` found: the documents, and what it skipped or noticed on the way."""

    documents: list[Document]
    skipped: list[str]
    """Each "relative/path: reason"."""
    warnings: list[str]


# ---- the folder ----------------------------------------------------------------------------


def list_corpus_files(corpus_dir: Path) -> list[Path]:
    """Files of the corpus, sorted, recursively, without hidden ones, outside links or manifest.

    Symbolic links to folders are not followed (no loops, no duplicates); links to files are
    kept when their target lies inside the corpus. Raises CorpusMissing.
    """
    _check_folder(corpus_dir)
    return _walk(corpus_dir)[0]


def _walk(corpus_dir: Path) -> tuple[list[Path], list[str]]:
    """The corpus files, and notes on what was left out that a user may not expect."""
    root = corpus_dir.resolve()
    notes: list[str] = []
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        notes.append(f"{relative_path(Path(error.filename or corpus_dir), corpus_dir)}: {error}")

    for folder, dirnames, filenames in os.walk(corpus_dir, onerror=unreadable):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            path = Path(folder, name)
            if name.startswith(".") or (name == MANIFEST and Path(folder) == corpus_dir):
                continue
            if path.is_symlink() and not _inside(path, root):
                notes.append(
                    f"{relative_path(path, corpus_dir)}: link to a file outside the corpus"
                )
            elif path.is_file():
                found.append(path)
    found.sort(key=lambda path: relative_path(path, corpus_dir))
    return found, notes


def _inside(path: Path, root: Path) -> bool:
    target = path.resolve()
    return target.is_file() and target.is_relative_to(root)


def relative_path(path: Path, corpus_dir: Path) -> str:
    """The path relative to the corpus, in posix form ("sub/notes.md")."""
    try:
        return path.relative_to(corpus_dir).as_posix()
    except ValueError:
        return path.as_posix()


def read_corpus(corpus_dir: Path) -> CorpusReading:
    """Read every document of `corpus_dir`; raise CorpusMissing or CorpusEmpty."""
    _check_folder(corpus_dir)
    titles, warnings = read_titles(corpus_dir)
    files, skipped = _walk(corpus_dir)
    documents: list[Document] = []
    used: set[str] = set()
    for path in files:
        try:
            document = read_document(path, corpus_dir, titles)
        except UnreadableDocument as unreadable:
            skipped.append(f"{relative_path(path, corpus_dir)}: {unreadable.reason}")
            continue
        document = _unique(document, used, warnings)
        documents.append(document)
        warnings.extend(document.warnings)
    if not documents:
        raise CorpusEmpty(
            f"No readable document in {corpus_dir}: citeqa reads {_READ_TYPES} files"
            + (f" ({len(skipped)} other files skipped)." if skipped else ".")
        )
    return CorpusReading(documents=documents, skipped=skipped, warnings=warnings)


def _check_folder(corpus_dir: Path) -> None:
    if not corpus_dir.exists():
        raise CorpusMissing(f"Corpus folder not found: {corpus_dir}")
    if not corpus_dir.is_dir():
        raise CorpusMissing(f"Corpus path is not a folder: {corpus_dir}")


def _unique(document: Document, used: set[str], warnings: list[str]) -> Document:
    """Keep doc_ids unique: a second "notes" (notes.md after notes.txt) keeps its extension."""
    if document.doc_id in used:
        new_id = PurePosixPath(document.doc_id).with_name(Path(document.path).name).as_posix()
        warnings.append(f"{new_id}: another file has the id {document.doc_id!r}; using {new_id!r}")
        document = document.model_copy(update={"doc_id": new_id})
    used.add(document.doc_id)
    return document


def read_titles(corpus_dir: Path) -> tuple[dict[str, str], list[str]]:
    """Titles from the corpus's manifest.json by relative path, and a warning if it is corrupt."""
    path = corpus_dir / MANIFEST
    if not path.is_file():
        return {}, []
    try:
        entries = json.loads(path.read_bytes())["documents"]
        titles = {
            PurePosixPath(entry["file"]).as_posix(): str(entry["title"])
            for entry in entries
            if entry.get("file") and entry.get("title")
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        return {}, [f"{MANIFEST} is unreadable and was ignored ({error})"]
    return titles, []


# ---- one document --------------------------------------------------------------------------


@dataclass
class _Extracted:
    text: str
    page_starts: list[int] | None = None
    warnings: list[str] = field(default_factory=list)
    title: str | None = None


def read_document(path: Path, corpus_dir: Path, titles: dict[str, str]) -> Document:
    """One file as a Document; raise UnreadableDocument (with a reason) when it is skipped."""
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise UnreadableDocument(f"unsupported file type (citeqa reads {_READ_TYPES})")
    raw = _read_bytes(path)
    if not raw.strip():
        raise UnreadableDocument("empty file")
    relative = relative_path(path, corpus_dir)
    extracted = _pdf_text(raw, relative) if kind == "pdf" else _text_of(raw, kind, relative)
    if not extracted.text.strip():
        raise UnreadableDocument("no text in it" if kind in ("pdf", "html") else "empty file")
    title = titles.get(relative) or extracted.title or _title_from(extracted.text) or path.name
    return Document(
        doc_id=str(PurePosixPath(relative).with_suffix("")),
        title=title,
        path=str(path.absolute()),
        text=extracted.text,
        sha256=hashlib.sha256(raw).hexdigest(),
        kind=kind,
        page_starts=extracted.page_starts,
        warnings=extracted.warnings,
    )


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of the file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"cannot be read ({error.strerror or error})") from error


def _title_from(text: str) -> str | None:
    """The first non-blank line, without markdown '#' and '*', cut to TITLE_MAX characters."""
    for line in text.splitlines():
        title = " ".join(line.replace("*", " ").strip().lstrip("#").split())
        if title:
            return title[:TITLE_MAX].rstrip()
    return None


# ---- formats -------------------------------------------------------------------------------


def _text_of(raw: bytes, kind: str, relative: str) -> _Extracted:
    """A .txt, .md or .html file's text (for HTML, its visible text)."""
    if b"\x00" in raw[:SNIFF_BYTES]:
        raise UnreadableDocument("binary content (NUL bytes), not text")
    text, encoding = decode_text(raw)
    if _looks_binary(text[:SNIFF_BYTES]):
        raise UnreadableDocument("binary content (mostly control characters), not text")
    warnings = []
    if encoding not in ENCODINGS[:2]:
        warnings.append(f"{relative}: not valid UTF-8; decoded as {encoding}")
    if kind != "html":
        return _Extracted(text, warnings=warnings)
    visible, title = html_visible_text(text)
    return _Extracted(visible, warnings=warnings, title=title)


def decode_text(raw: bytes) -> tuple[str, str]:
    """The decoded text and the encoding that worked (see ENCODINGS); newlines untouched."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def _looks_binary(sample: str) -> bool:
    controls = sum(
        1 for char in sample if unicodedata.category(char) in ("Cc", "Cs") and not char.isspace()
    )
    controls += sample.count("\ufffd")
    return bool(sample) and controls / len(sample) > MAX_CONTROL_RATIO


def _pdf_text(raw: bytes, relative: str) -> _Extracted:
    """Each page's text joined by blank lines, with the offset where each page starts."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument("encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise
    except Exception as error:  # pypdf raises many kinds on damaged files
        raise UnreadableDocument(f"not a readable PDF ({type(error).__name__}: {error})") from error
    starts, position = [], 0
    for page in pages:
        starts.append(position)
        position += len(page) + 2
    warnings = [
        f"{relative}: page {number} has no extractable text"
        for number, page in enumerate(pages, start=1)
        if not page.strip()
    ]
    return _Extracted("\n\n".join(pages), page_starts=starts, warnings=warnings)


# ---- HTML ----------------------------------------------------------------------------------

_SKIPPED_TAGS = frozenset({"script", "style", "head", "template"})
_PARAGRAPH_TAGS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "blockquote"}
    | {"pre", "hr", "ul", "ol", "dl", "table", "figure", "figcaption", "form", "fieldset"}
    | {"address", "details", "summary", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_LINE_TAGS = frozenset({"br", "li", "tr", "dt", "dd", "option", "caption"})
_CELL_TAGS = frozenset({"td", "th"})
_BREAKS = {1: "\t", 2: "\n", 3: "\n\n"}


class _VisibleText(HTMLParser):
    """Collects the text a browser shows: no scripts, styles or head; blocks on their own lines.

    Breaks are held back until the next visible text, and the strongest wins: a paragraph
    break (blank line), a line break, or a tab between table cells.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.pending = 0
        self.hidden = 0
        self.preformatted = 0
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.hidden = 0  # a body ends an unclosed head
        elif tag in _SKIPPED_TAGS:
            self.hidden += 1
        self.in_title = self.in_title or tag == "title"
        self.preformatted += tag == "pre"
        self._hold_break(tag, closing=False)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.hidden = max(0, self.hidden - 1)
        self.in_title = self.in_title and tag != "title"
        self.preformatted = max(0, self.preformatted - (tag == "pre"))
        self._hold_break(tag, closing=True)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.hidden or not data.strip():
            return
        if self.parts and self.pending:
            self.parts.append(_BREAKS[self.pending])
        self.pending = 0
        self.parts.append(data if self.preformatted else re.sub(r"\s+", " ", data))

    def _hold_break(self, tag: str, closing: bool) -> None:
        if tag in _PARAGRAPH_TAGS:
            strength = 3
        elif tag in _LINE_TAGS:
            strength = 2
        else:
            strength = 1 if tag in _CELL_TAGS and not closing else 0
        self.pending = max(self.pending, strength)


def html_visible_text(html: str) -> tuple[str, str | None]:
    """The visible text of an HTML page, and its <title> when it has one."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = [re.sub(" {2,}", " ", line).strip(" ") for line in "".join(parser.parts).split("\n")]
    lines = ["" if not line.strip() else line for line in lines]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = " ".join(parser.title.split())[:TITLE_MAX] or None
    return text, title
