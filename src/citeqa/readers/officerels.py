"""Relationships of an Office Open XML package that point at no part, dropped before the
library opens it.

Word writes, and add-ins leave, relationships whose target is in no part of the zip although
they are not marked external: a hyperlink to a web address without `TargetMode="External"`,
a picture linked to a bookmark ("#MyBookmark"), a target of "NULL" (python-docx issues #902,
#797, #1351). Word opens such files; python-docx loads every relationship's target part when
it opens the package and raises KeyError on the first missing one, so the whole document
would be refused as damaged. `mended` returns the package with those relationships removed
(nothing else changed: citeqa reads no hyperlink address or linked picture), or the same bytes
when every relationship resolves. The .rels parts are parsed by lxml without entities or
network access; a .rels part that does not parse is left for the library to refuse.
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
from typing import Any

from citeqa.readers.xmlparser import safe_parser

RELATIONSHIP_TAG = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


@functools.cache
def _parser() -> Any:
    """The safe parser of .rels parts, made at the first Word file mended (lxml is imported
    then, not when readers are discovered)."""
    return safe_parser()


def mended(raw: bytes) -> bytes:
    """`raw` with every internal relationship whose target part is missing removed; `raw`
    itself when none is (or when the archive cannot be read: the library says why)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            fixed = {
                name: part
                for name in names
                if name.endswith(".rels")
                and (part := _without_dangling(name, archive.read(name), names)) is not None
            }
            return _rewritten(archive, fixed) if fixed else raw
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError):
        return raw


def _without_dangling(rels_name: str, xml: bytes, names: set[str]) -> bytes | None:
    """The .rels part `xml` without its dangling relationships; None when it has none (or does
    not parse)."""
    from lxml import etree

    try:
        root = etree.fromstring(xml, _parser())
    except etree.XMLSyntaxError:
        return None
    base = _source_folder(rels_name)
    dangling = [
        element
        for element in root.iter(RELATIONSHIP_TAG)
        if element.get("TargetMode") != "External"
        and _target_part(base, element.get("Target") or "") not in names
    ]
    for element in dangling:
        element.getparent().remove(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") if dangling else None


def _source_folder(rels_name: str) -> str:
    """The folder the targets of `word/_rels/document.xml.rels` are relative to: `word`."""
    folder = posixpath.dirname(rels_name)  # word/_rels
    return posixpath.dirname(folder) if posixpath.basename(folder) == "_rels" else folder


def _target_part(base: str, target: str) -> str:
    """The zip member a relationship's target names, resolved as python-docx resolves it."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join("/", base, target)).lstrip("/")


def _rewritten(archive: zipfile.ZipFile, replaced: dict[str, bytes]) -> bytes:
    """The archive again, stored uncompressed (it is only read back), with `replaced` parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for info in archive.infolist():
            copy.writestr(info.filename, replaced.get(info.filename) or archive.read(info))
    return out.getvalue()
