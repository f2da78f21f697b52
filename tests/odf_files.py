"""OpenDocument files (.odt, .ods, .odp) written for the tests: a zip holding the mimetype,
content.xml, meta.xml and the manifest, as LibreOffice lays them out (the mimetype first,
stored). The XML is written here, element by element, as LibreOffice writes it."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
    ' xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"'
    ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    ' xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)
MIMETYPES = {
    "text": "application/vnd.oasis.opendocument.text",
    "spreadsheet": "application/vnd.oasis.opendocument.spreadsheet",
    "presentation": "application/vnd.oasis.opendocument.presentation",
}
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
    "{encryption}</manifest:file-entry></manifest:manifest>"
)
ENCRYPTION = (
    '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
    '<manifest:algorithm manifest:algorithm-name="Blowfish CFB"'
    ' manifest:initialisation-vector="x"/>'
    "</manifest:encryption-data>"
)


def p(text: str, style: str = "") -> str:
    styled = f' text:style-name="{style}"' if style else ""
    return f"<text:p{styled}>{escape(text)}</text:p>"


def h(text: str, level: int = 1) -> str:
    return f'<text:h text:outline-level="{level}">{escape(text)}</text:h>'


def bullets(*items: str | tuple[str, ...], style: str = "") -> str:
    """A list; an item given as a tuple is a first item over a nested list of the rest."""
    styled = f' text:style-name="{style}"' if style else ""
    written = []
    for item in items:
        if isinstance(item, tuple):
            written.append(f"<text:list-item>{p(item[0])}{bullets(*item[1:])}</text:list-item>")
        else:
            written.append(f"<text:list-item>{p(item)}</text:list-item>")
    return f"<text:list{styled}>{''.join(written)}</text:list>"


def cell(text: str = "", repeated: int = 1) -> str:
    repeat = f' table:number-columns-repeated="{repeated}"' if repeated > 1 else ""
    inner = p(text) if text else ""
    return f'<table:table-cell office:value-type="string"{repeat}>{inner}</table:table-cell>'


def row(*cells: str, repeated: int = 1) -> str:
    repeat = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"<table:table-row{repeat}>{''.join(cells)}</table:table-row>"


def table(rows: list[list[str]], name: str = "Table1", style: str = "") -> str:
    styled = f' table:style-name="{style}"' if style else ""
    written = "".join(row(*(cell(text) for text in cells)) for cells in rows)
    return f'<table:table table:name="{escape(name)}"{styled}>{written}</table:table>'


def frame(inner: str, kind: str = "") -> str:
    classed = f' presentation:class="{kind}"' if kind else ""
    return f"<draw:frame{classed}><draw:text-box>{inner}</draw:text-box></draw:frame>"


def page(*shapes: str, notes: str = "", style: str = "") -> str:
    styled = f' draw:style-name="{style}"' if style else ""
    noted = f"<presentation:notes>{frame(notes, 'notes')}</presentation:notes>" if notes else ""
    return f"<draw:page{styled}>{''.join(shapes)}{noted}</draw:page>"


def document(
    kind: str,
    body: str,
    *,
    title: str = "",
    styles: str = "",
    encrypted: bool = False,
) -> bytes:
    """An OpenDocument file of `kind` ("text", "spreadsheet", "presentation") whose body
    holds `body`, its automatic styles `styles`, its meta.xml title `title`."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}'
        f' office:version="1.3"><office:automatic-styles>{styles}</office:automatic-styles>'
        f"<office:body><office:{kind}>{body}</office:{kind}></office:body>"
        "</office:document-content>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NAMESPACES}>'
        f"<office:meta><dc:title>{escape(title)}</dc:title></office:meta>"
        "</office:document-meta>"
    )
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", MIMETYPES[kind], compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("meta.xml", meta if title else meta.replace("<dc:title></dc:title>", ""))
        manifest = MANIFEST.format(
            mimetype=MIMETYPES[kind], encryption=ENCRYPTION if encrypted else ""
        )
        archive.writestr("META-INF/manifest.xml", manifest)
    return stream.getvalue()


NUMBERED_STYLE = (
    '<text:list-style style:name="L2"><text:list-level-style-number text:level="1"'
    ' style:num-suffix="." style:num-format="1"/><text:list-level-style-number text:level="2"'
    ' style:num-suffix=")" style:num-format="a"/></text:list-style>'
)
HIDDEN_SHEET_STYLE = (
    '<style:style style:name="ta2" style:family="table">'
    '<style:table-properties table:display="false"/></style:style>'
)
HIDDEN_SLIDE_STYLE = (
    '<style:style style:name="dp2" style:family="drawing-page">'
    '<style:drawing-page-properties presentation:visibility="hidden"/></style:style>'
)


def procedure() -> bytes:
    """A French procedure (.odt): a title, headings, a numbered and a bulleted list, a table,
    a footnote."""
    note = (
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body>" + p("Selon la notice du fabricant.") + "</text:note-body></text:note>"
    )
    body = (
        h("Procédure de mise en service", 1)
        + h("Préparation", 2)
        + '<text:p>Le technicien vérifie l’alimentation<text:s text:c="2"/>électrique avant'
        f" l’essai.{note}</text:p>"
        + bullets("Ouvrir la vanne d’arrivée.", ("Vérifier la pression", "2,5 bars"), style="L2")
        + h("Matériel", 2)
        + bullets("clé à molette", "manomètre")
        + table([["Site", "Budget"], ["Lyon", "12 000 €"], ["Nantes", "8 000 €"]])
        + p("La mise en service dure une demi-journée.")
    )
    return document("text", body, title="Mise en service", styles=NUMBERED_STYLE)
