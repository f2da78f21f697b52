"""The lxml parser the readers of XML parts (readers/officerels.py, epub.py, odf.py) parse
with: no entity resolved, no network, no DTD loaded, libxml2's size and depth limits kept
(huge_tree off), so that a file's XML never reaches past the file nor grows without bound; a
reader adds its own options (recover, remove_comments). lxml is imported when a parser is
first asked for."""

from __future__ import annotations

from typing import Any


def safe_parser(**options: bool) -> Any:
    """An lxml XMLParser with the safe settings above and `options`."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, **options
    )
