"""E-books (.epub): the book's chapters in reading order, each read as an HTML page is, titled by
the book's title.

An EPUB (2 or 3) is a zip archive: META-INF/container.xml names the OPF package, whose metadata
states the title and authors, whose manifest lists the files and whose spine orders the ones
read. Read here with zipfile and lxml (both already used: readers/officezip.py, docx.py) rather
than ebooklib: ebooklib is AGPL-licensed (citeqa is MIT), loads every file of the book into
memory, images included, and would still hand each chapter's XHTML to readers/html.py, which
already writes the headings ("## Where to put it"), lists, tables (as pipe tables) and
footnotes citeqa reads.

Written: the title as a heading and an "Author: …" line for each creator (dc:creator; the word
in the book's dc:language, "Auteur : …", from citeqa/data/ebook_words.json), then
each spine document in order (html.html_visible_text), chapters apart by a blank line. A
chapter's `<header>`, `<footer>` and `<aside>` (a footnote, epub:type="footnote") are its text
(a web page's are its site's chrome: they are read here as inside an article); its `<nav>` is
not. Left out: the navigation document (the EPUB 3 table of contents, properties="nav"), the
cover page (the guide's or landmarks' cover, or a document named "cover"), style sheets, images
and fonts, and any spine item that is not XHTML.

Refused with one reason: a file that is no zip or is damaged, one with no container or package,
a book whose chapters are encrypted (META-INF/encryption.xml listing a spine document: DRM; an
obfuscated font alone is no DRM), and one whose XHTML unzips past MAX_XHTML_BYTES or past
officezip.MAX_XML_RATIO times the file's size (MAX_XML_FLOOR at least, scaled down for a
small file: a zip bomb; zipfile inflates no entry past the size its directory states). A spine
of more than MAX_CHAPTERS documents is read up to that, with a warning, and the text is held
to officezip.MAX_TEXT_RATIO times the file's size (`bounded_text`: repeated lines read once,
then a cut), with a warning. The package
read is the first `<rootfile>` of the container the zip holds that reads as a package (a spine
with a chapter), its path normalised.
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from citeqa.jsonfiles import data_json
from citeqa.readers import officezip
from citeqa.readers.base import TITLE_MAX, Extracted, UnreadableDocument
from citeqa.readers.html import html_visible_text
from citeqa.readers.xmlparser import safe_parser
from citeqa.textdecoding import VERSION as DECODING_VERSION
from citeqa.textdecoding import decoded_text
from citeqa.titles import plain_title
from citeqa.visible import shown

CONTAINER = "META-INF/container.xml"
ENCRYPTION = "META-INF/encryption.xml"
DRM_RIGHTS = frozenset({"META-INF/rights.xml", "META-INF/sinf.xml"})
"""The licence files of DRM schemes (Adobe ADEPT, Apple FairPlay)."""
MAX_XHTML_BYTES = 32 * 1024 * 1024
"""The most XHTML, once unzipped, a book may hold: a long novel holds 2-5 MB (read at some
0.4-2.5 s a MB by html.py, on this 2-core machine idle or at load 17), as docx.py bounds XML."""
MAX_PACKAGE_BYTES = 16 * 1024 * 1024
"""The most bytes of the container or the OPF package read (a few KB to some 100 KB; 100,000
chapters listed take 8 MB)."""
MAX_CHAPTERS = 5_000
"""The most spine documents read (a book holds tens to a few hundred)."""
XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml", "text/xml"})
FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
"""The encryption algorithms that only obfuscate an embedded font (no DRM)."""
NOT_A_ZIP = "not an EPUB e-book: the file holds something else"
MAX_ROOTFILES = 8
"""The most packages a container names that are tried, the first that reads as one kept."""
DAMAGED = "not a readable EPUB e-book: the file is damaged or incomplete"
NO_CONTAINER = "not an EPUB e-book: no META-INF/container.xml in it (another zip named .epub?)"
NO_PACKAGE = "not a readable EPUB e-book: its package (the .opf file) is missing or damaged"
DRM = (
    "a DRM-protected e-book (its chapters are encrypted): citeqa reads only e-books without DRM,"
    " such as those bought DRM-free or exported from your own files"
)
NOT_TEXT = (
    "not a readable EPUB e-book: its chapter {path} is not text (encrypted by a DRM, or damaged)"
)
NO_CHAPTERS = "an EPUB e-book with no chapter in its spine"
EPUB_FILE = officezip.Kind(
    main_part=CONTAINER,
    old_binary=NOT_A_ZIP,
    encrypted=DRM,
    not_zip=NOT_A_ZIP,
    damaged=DAMAGED,
    missing_part=NO_CONTAINER,
    strict=DAMAGED,
)
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_BODY = re.compile(r"<body(?!\w)", re.IGNORECASE)
_NOTE_TYPE = re.compile(r"\btype\s*=\s*[\"'][^\"']*noteref", re.IGNORECASE)
"""A link's attribute making it a footnote's reference mark (`<a epub:type="noteref">1</a>`):
its mark is bracketed, "lifting[1]", so its number never runs into the word before it
("lifting1")."""
_LINK = re.compile(r"<a(?!\w)", re.IGNORECASE)
_LINK_END = re.compile(r"</a>", re.IGNORECASE)
MAX_MARK = 20
"""The most characters of a reference mark bracketed."""


@dataclass(frozen=True)
class _Item:
    """A manifest item: its path in the zip, media type, properties and id."""

    path: str
    media_type: str
    properties: frozenset[str]
    ident: str


class EpubReader:
    """A .epub file, as raw bytes."""

    kind = "epub"
    suffixes = (".epub",)
    decoded = False
    version = 6 + DECODING_VERSION
    """3: an e-book's package taken from the first `<rootfile>` the zip holds, its text cut at
    what the file's size allows; 4: a chapter that is mostly a page tree (html.py,
    htmlchrome.is_page_tree) reads without it; 6: a list's `start` or `value` is held to 32 bits
    (html.py's 23), and a rootfile that reads as no package is passed over for the next."""

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        raw = content.encode() if isinstance(content, str) else content
        parts = officezip.package_parts(raw, EPUB_FILE)
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            try:
                named = {part.filename: part for part in parts}
                return _book(archive, named, relative, len(raw))
            except officezip.ZIP_ERRORS:
                raise UnreadableDocument(DAMAGED) from None


def _book(
    archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], relative: str, book_size: int
) -> Extracted:
    package, chapters = _package(archive, parts)
    _refuse_drm(archive, parts, {item.path for item in chapters})
    xhtml = sum(parts[item.path].file_size for item in chapters)
    officezip.check_expansion(xhtml, book_size, MAX_XHTML_BYTES, "of XHTML")
    warnings = []
    if len(chapters) > MAX_CHAPTERS:
        warnings.append(
            f"{relative}: {len(chapters):,} chapter files; the first {MAX_CHAPTERS:,} are read"
        )
        chapters = chapters[:MAX_CHAPTERS]
    title, authors, language = _metadata(package)
    texts = [_chapter_text(archive.read(item.path), item.path) for item in chapters]
    body = "\n\n".join(text for text in texts if text)
    author = _author_word(language)
    opening = ([f"# {title}"] if title else []) + [f"{author}{name}" for name in authors]
    text = "\n\n".join([*opening, body]) if body else ""
    text, cut = officezip.bounded_text(text + "\n" if text else "", book_size, relative)
    return Extracted(text, title=title or None, warnings=warnings + cut)


def _part(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], name: str) -> bytes:
    """The bytes of a small part (container, package, encryption); UnreadableDocument when its
    directory states more than MAX_PACKAGE_BYTES."""
    officezip.check_size(parts[name].file_size, MAX_PACKAGE_BYTES, f"for its {shown(name)}")
    with archive.open(parts[name]) as stream:
        return stream.read(MAX_PACKAGE_BYTES)


def _xml(raw: bytes, reason: str) -> Any:
    """The root element of `raw`, parsed without DTDs, entities or the network; `reason`
    when it does not parse."""
    from lxml import etree

    parser = safe_parser(recover=True)
    try:
        root = etree.fromstring(raw, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        raise UnreadableDocument(reason)
    return root


def _package(
    archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]
) -> tuple[Any, list[_Item]]:
    """The root element and chapters (`_chapters`) of the first package the container
    names that reads as one (`_package_paths`): s25 hostile probe, a book whose first rootfile
    is the container itself or a chapter was refused though its second was its package. The
    reason of the first one tried when none reads."""
    refused: UnreadableDocument | None = None
    for opf_path in _package_paths(_part(archive, parts, CONTAINER), parts):
        try:
            package = _xml(_part(archive, parts, opf_path), NO_PACKAGE)
            if _tag_name(package) != "package":
                raise UnreadableDocument(NO_PACKAGE)
            return package, _chapters(package, opf_path, parts)
        except UnreadableDocument as reason:
            refused = refused or reason
    raise refused or UnreadableDocument(NO_PACKAGE)


def _tag_name(element: Any) -> str:
    """An element's tag without its namespace."""
    return str(element.tag).rpartition("}")[2]


def _package_paths(container: bytes, parts: dict[str, zipfile.ZipInfo]) -> list[str]:
    """The paths in the zip of the OPF packages the container names that the zip holds, in its
    order, each once, at most MAX_ROOTFILES (their paths normalised: "OEBPS/../content.opf"
    is "content.opf"; one outside the zip, as "../OEBPS/content.opf", is passed over)."""
    root = _xml(container, NO_PACKAGE)
    paths = []
    for element in root.iter("{*}rootfile"):
        path = posixpath.normpath((element.get("full-path") or "").lstrip("/"))
        if (element.get("media-type") or "").endswith("oebps-package+xml") and path in parts:
            paths.append(path)
    return list(dict.fromkeys(paths))[:MAX_ROOTFILES]


def _chapters(package: Any, opf_path: str, parts: dict[str, zipfile.ZipInfo]) -> list[_Item]:
    """The spine's XHTML documents in reading order, the navigation document and the cover
    left out, each once; NO_PACKAGE when there is no spine, NO_CHAPTERS when none is left."""
    folder = posixpath.dirname(opf_path)
    manifest = {
        item.get("id"): _Item(
            posixpath.normpath(posixpath.join(folder, unquote(item.get("href") or ""))),
            (item.get("media-type") or "").strip().lower(),
            frozenset((item.get("properties") or "").split()),
            item.get("id") or "",
        )
        for item in package.iter(f"{_OPF}item")
        if item.get("id") and item.get("href")
    }
    covers = _cover_paths(package, folder)
    chosen, seen = [], set()
    itemrefs = list(package.iter(f"{_OPF}itemref"))
    if not itemrefs:  # no spine: a package cut short (recovered from an error, a bomb's)
        raise UnreadableDocument(NO_PACKAGE)
    for itemref in itemrefs:
        item = manifest.get(itemref.get("idref"))
        if item is None or item.path in seen or item.path not in parts:
            continue
        if item.media_type in XHTML_TYPES and not _is_furniture(item, covers):
            chosen.append(item)
            seen.add(item.path)
    if not chosen:
        raise UnreadableDocument(NO_CHAPTERS)
    return chosen


def _cover_paths(package: Any, folder: str) -> set[str]:
    """The documents the EPUB 2 guide names the cover or the table of contents."""
    return {
        posixpath.normpath(posixpath.join(folder, unquote(ref.get("href", "").split("#")[0])))
        for ref in package.iter(f"{_OPF}reference")
        if (ref.get("type") or "").lower() in ("cover", "toc")
    }


def _is_furniture(item: _Item, covers: set[str]) -> bool:
    """Whether a spine document is the navigation document or the cover page."""
    stem = posixpath.splitext(posixpath.basename(item.path))[0].lower()
    return (
        "nav" in item.properties
        or item.path in covers
        or item.ident.lower() in ("cover", "coverpage", "cover-page")
        or stem in ("cover", "coverpage", "cover-page")
    )


def _refuse_drm(
    archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], read: set[str]
) -> None:
    """DRM when META-INF/encryption.xml encrypts a document to read (not a font obfuscated),
    or the book holds a DRM scheme's rights file (Adobe's rights.xml, Apple's sinf.xml)."""
    if DRM_RIGHTS & parts.keys():
        raise UnreadableDocument(DRM)
    if ENCRYPTION not in parts:
        return
    root = _xml(_part(archive, parts, ENCRYPTION), DRM)
    for encrypted in root.iter("{*}EncryptedData"):
        method = next(encrypted.iter("{*}EncryptionMethod"), None)
        algorithm = method.get("Algorithm", "") if method is not None else ""
        reference = next(encrypted.iter("{*}CipherReference"), None)
        uri = unquote(reference.get("URI", "")) if reference is not None else ""
        if algorithm not in FONT_OBFUSCATION and posixpath.normpath(uri.lstrip("/")) in read:
            raise UnreadableDocument(DRM)


def _metadata(package: Any) -> tuple[str, list[str], str]:
    """The book's first dc:title, its dc:creators, as single clean lines, and its first
    dc:language ("" for none)."""
    metadata = next(package.iter(f"{_OPF}metadata"), None)
    if metadata is None:
        return "", [], ""
    title = next((_line(element) for element in metadata.iter(f"{_DC}title")), "")
    authors = [_line(element) for element in metadata.iter(f"{_DC}creator")]
    language = next((_line(element) for element in metadata.iter(f"{_DC}language")), "")
    return title[:TITLE_MAX], [name for name in authors if name][:10], language


def _author_word(language: str) -> str:
    """The word and separator written before an author in a book of `language` (a BCP 47
    tag, "fr-CA": its primary subtag), from citeqa/data/ebook_words.json: "Auteur : "."""
    default, words = _author_words()
    primary = language.strip().lower().replace("_", "-").split("-")[0]
    return words.get(primary, words[default])


@functools.cache
def _author_words() -> tuple[str, dict[str, str]]:
    data = data_json("ebook_words.json")
    words = {str(code).lower(): str(word) for code, word in data["author"].items()}
    return str(data["default"]), words


def _line(element: Any) -> str:
    return plain_title(" ".join("".join(element.itertext()).split()))


def _chapter_text(raw: bytes, path: str) -> str:
    """A chapter's visible text (html.py), read as a page's article: its header, footer and
    asides are the book's."""
    try:
        text, _ = decoded_text(raw, path)
    except UnreadableDocument:
        raise UnreadableDocument(NOT_TEXT.format(path=shown(path))) from None
    text = _bracket_note_marks(text)
    body = _BODY.search(text)  # its tag's end by str.find: `<body\b[^>]*>` backtracks
    end = text.find(">", body.end()) + 1 if body else 0
    wrapped = f"{text[:end]}<article>{text[end:]}"
    visible, _title = html_visible_text(wrapped)
    return visible


def _bracket_note_marks(text: str) -> str:
    """`text` with each footnote reference's mark bracketed (`_NOTE_TYPE`). A link's tag is
    found by its opening and the next ">" (str.find), not by one regular expression: a tag
    left open ("<a <a <a ...") made `<a\\b[^>]*>` scan the rest of the chapter again at each
    "<a" (350,000 of them: minutes); here a tag that never closes ends the search."""
    pieces, done = [], 0
    opening = _LINK.search(text)
    while opening is not None:
        end = text.find(">", opening.end())
        if end == -1:
            break
        close = _LINK_END.search(text, end + 1, end + 1 + MAX_MARK + len("</a>"))
        if close is not None and _NOTE_TYPE.search(text, opening.start(), end):
            mark = text[end + 1 : close.start()]
            cleaned = mark.strip().strip("[]")
            if cleaned and "<" not in mark:
                pieces += [text[done : end + 1], f"[{cleaned}]"]
                done = close.start()
        opening = _LINK.search(text, end + 1)
    return "".join(pieces) + text[done:]


READERS = (EpubReader(),)
