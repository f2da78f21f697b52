"""`citeqa ask` over a folder holding a PowerPoint deck and OpenDocument files (readers/pptx.py,
readers/odf.py): the answer quotes the sentence of a slide, of its speaker notes, of a text and
of a sheet's row, cited by offsets into the text the reader extracted, under the slide's or
the sheet's heading; a broken deck is counted as unreadable, not as a type to convert."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

import odf_files as odf
from citeqa.api import build_index, open_assistant
from citeqa.corpus import read_document
from small_corpora import fake_settings

SHOWN = "The new warehouse in Rotterdam opens on 14 April with forty loading bays."
NOTED = "Remind the board that the forklift lease ends in September."
FRENCH = "La chaudière est entretenue chaque année au mois d’octobre par le prestataire."


def deck() -> bytes:
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[0])
    slide.shapes.title.text = "Logistics update"
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = "Warehouse"
    slide.placeholders[1].text_frame.text = SHOWN
    slide.notes_slide.notes_text_frame.text = NOTED
    stream = io.BytesIO()
    presentation.save(stream)
    return stream.getvalue()


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "logistics.pptx").write_bytes(deck())
    (corpus / "entretien.odt").write_bytes(
        odf.document("text", odf.h("Chauffage", 1) + odf.p(FRENCH), title="Entretien")
    )
    (corpus / "staff.ods").write_bytes(
        odf.document(
            "spreadsheet",
            odf.table(
                [["Name", "Team", "Phone extension"], ["Ada Moreau", "Payroll", "4417"]], "Staff"
            ),
        )
    )
    (corpus / "garden.md").write_text(
        "# Garden\n\nThe community garden opens every Saturday morning.\n", encoding="utf-8"
    )
    (corpus / "broken.pptx").write_bytes(b"PK\x03\x04 a cut download")
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    return corpus, index


@pytest.mark.parametrize(
    ("question", "file", "sentence", "section"),
    [
        ("When does the Rotterdam warehouse open?", "logistics.pptx", SHOWN,
         "Slide 2 · Warehouse"),
        ("When does the forklift lease end?", "logistics.pptx", NOTED, "Speaker notes"),
        ("Quand la chaudière est-elle entretenue ?", "entretien.odt", FRENCH, "Chauffage"),
    ],
)  # fmt: skip
def test_ask_quotes_the_sentence_at_offsets_into_the_extracted_text(
    folders: tuple[Path, Path], cli: Any, question: str, file: str, sentence: str, section: str
) -> None:
    corpus, index = folders
    done = cli("ask", question, "--json", corpus_dir=str(corpus), index_dir=str(index))
    assert done.code == 0, done.err
    answer = json.loads(done.out)
    assert not answer["abstained"]
    cited = answer["citations"][0]
    assert cited["doc_id"] == Path(file).stem
    text = read_document(corpus / file, corpus, {}).text
    assert text[cited["start"] : cited["end"]] == cited["quote"]
    assert sentence in cited["quote"]
    assert cited["section"].endswith(section)


def test_ask_finds_a_sheets_row_by_its_key(folders: tuple[Path, Path], cli: Any) -> None:
    corpus, index = folders
    done = cli(
        "ask", "What is Ada Moreau's phone extension?", "--json",
        corpus_dir=str(corpus), index_dir=str(index),
    )  # fmt: skip
    assert done.code == 0, done.err
    cited = json.loads(done.out)["citations"][0]
    text = read_document(corpus / "staff.ods", corpus, {}).text
    assert text[cited["start"] : cited["end"]] == cited["quote"]
    assert "4417" in cited["quote"]


def test_the_status_counts_a_broken_deck_as_unreadable_not_as_a_type_to_convert(
    folders: tuple[Path, Path],
) -> None:
    corpus, index = folders
    status = open_assistant(fake_settings(corpus, index), build_if_missing=False).status()
    assert status.unread.types == {} and status.unread.unreadable == 1
