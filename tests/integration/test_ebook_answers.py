"""`citeqa ask` over a folder holding an e-book (.epub), a notebook (.ipynb) and an RTF file: each
answer quotes the file's sentence, cited by offsets into the text its reader extracted
(readers/epub.py, notebook.py, rtf.py), and the status counts none as a type to convert."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from citeqa.api import build_index, open_assistant
from citeqa.corpus import read_document
from small_corpora import fake_settings

HIVE = "A top-bar hive costs about 120 euros and needs no heavy lifting."
DISCOUNT = "Average discount: 0.125"
CAFE = "The café on the ground floor closes on 14 March."


def ebook() -> bytes:
    container = (
        '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="book.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    package = (
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Keeping Bees</dc:title>'
        '</metadata><manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>'
        '</manifest><spine><itemref idref="c1"/></spine></package>'
    )
    chapter = (
        "<html><body><h1>Choosing a Hive</h1><p>Most beginners start with a Langstroth hive.</p>"
        f"<p>{HIVE}</p></body></html>"
    )
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name, text in [
            ("mimetype", "application/epub+zip"),
            ("META-INF/container.xml", container),
            ("book.opf", package),
            ("c1.xhtml", chapter),
        ]:
            archive.writestr(name, text)
    return stream.getvalue()


def notebook() -> str:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": "# Sales analysis\n\nQ3 figures."},
        {
            "cell_type": "code", "execution_count": 3, "metadata": {},
            "source": "print('Average discount:', sales.discount.mean())",
            "outputs": [{"output_type": "stream", "name": "stdout", "text": DISCOUNT + "\n"}],
        },
    ]  # fmt: skip
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells})


MEMO = (
    r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Times;}}{\info{\title Office move memo}}"
    r"\pard The caf\'e9 on the ground floor closes on 14 March.\par"
    r"\pard Staff move to the new building on Monday 18 March.\par}"
)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bees.epub").write_bytes(ebook())
    (corpus / "sales.ipynb").write_text(notebook(), encoding="utf-8")
    (corpus / "memo.rtf").write_bytes(MEMO.encode("latin-1"))
    (corpus / "locked.epub").write_bytes(b"PK\x03\x04 damaged")
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    return corpus, index


@pytest.mark.parametrize(
    ("question", "name", "title", "quoted"),
    [
        ("How much does a top-bar hive cost?", "bees.epub", "Keeping Bees", HIVE),
        ("What was the average discount?", "sales.ipynb", "Sales analysis", DISCOUNT),
        ("When does the café on the ground floor close?", "memo.rtf", "Office move memo", CAFE),
    ],
)
def test_ask_quotes_each_format_at_offsets_into_its_extracted_text(
    folders: tuple[Path, Path], cli: Any, question: str, name: str, title: str, quoted: str
) -> None:
    corpus, index = folders
    done = cli("ask", question, "--json", corpus_dir=str(corpus), index_dir=str(index))
    assert done.code == 0, done.err
    answer = json.loads(done.out)
    assert not answer["abstained"]
    cited = answer["citations"][0]
    assert cited["title"] == title
    text = read_document(corpus / name, corpus, {}).text
    assert text[cited["start"] : cited["end"]] == cited["quote"]
    assert quoted in cited["quote"]


def test_the_status_counts_a_damaged_ebook_as_unreadable_not_as_a_type_to_convert(
    folders: tuple[Path, Path],
) -> None:
    corpus, index = folders
    status = open_assistant(fake_settings(corpus, index), build_if_missing=False).status()
    assert status.unread.types == {} and status.unread.unreadable == 1
