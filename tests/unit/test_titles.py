"""A document's title names it: front matter, header blocks, RST comments and rule lines that
open a file are passed over (session 13 trial, bug 4: 178 of 274 documents were titled
"Metadata-Version: 2.x", 32 ".. This data file has been placed in the public domain.")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.pdf_files import sized_pdf

from citeqa import titles
from citeqa.corpus import read_corpus
from citeqa.readers.base import TITLE_MAX
from citeqa.titles import _lines, derived_title

METADATA = (
    "Metadata-Version: 2.4\n"
    "Name: tqdm\n"
    "Version: 4.70.1\n"
    "Classifier: Environment :: Console\n"
    "  continued on an indented line\n"
    "\n"
    "Fast, Extensible Progress Meter\n"
)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (METADATA, "tqdm"),
        (METADATA.replace("Name: tqdm\n", ""), "Fast, Extensible Progress Meter"),
        ("---\nlayout: post\ntitle: 'Release notes'\n---\n\n# Other\n", "Release notes"),
        ("---\nlayout: post\n---\n\n# Getting started\n\nBody.\n", "Getting started"),
        (".. This data file has been placed in the public domain.\n\nGrammar\n", "Grammar"),
        (".. note::\n\n   Indented content.\n\nThe real title\n", "The real title"),
        ("=======\nOverview\n=======\n\nBody.\n", "Overview"),
        (":title: AWS CLI S3 Case-Insensitivity\n\nBody.\n", "AWS CLI S3 Case-Insensitivity"),
    ],
)
def test_what_opens_a_file_without_naming_it_is_passed_over(text: str, title: str) -> None:
    assert derived_title(text, "doc.txt") == title


@pytest.mark.parametrize(
    "text",
    [
        "Note: the office is closed on Monday.\nPlease call ahead.\n",  # one line: prose
        "Q: Where is it?\nA: Upstairs.\n",  # one-letter keys: a dialogue
        "--- a rule with words is a line\n",
    ],
)
def test_a_first_line_that_is_no_preamble_is_the_title(text: str) -> None:
    assert derived_title(text, "doc.txt") == text.splitlines()[0]


@pytest.mark.parametrize(
    ("text", "title"),
    [  # a PDF's running header is dropped by its reader (pdfmargins.py), not by the title rule
        ("# Installation\n\nSteps.\n\n# Installation\n\nMore steps.\n", "Installation"),
        (
            "Rapid LAMP detection of Fusarium\nLena Hartmann, Karim Benali\n\nAbstract.\n\n"
            "Rapid LAMP detection of Fusarium\n2.3 Field samples\n",
            "Rapid LAMP detection of Fusarium",
        ),
    ],
)
def test_a_first_line_written_again_further_on_is_still_the_title(text: str, title: str) -> None:
    assert derived_title(text, "doc.txt") == title


def test_a_file_of_markup_alone_is_titled_by_its_name_humanised() -> None:
    assert derived_title("-----\n.. comment\n", "release_notes-2024.md") == "release notes 2024"


ABSTRACT = (
    "Background: Lupus nephritis affects half of the patients with systemic lupus.\n"
    "Methods: We enrolled 120 adults with biopsy-proven nephritis in four centres.\n"
    "Results: Remission was reached by 61 of them.\n"
)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (ABSTRACT, ABSTRACT.splitlines()[0][:TITLE_MAX].rstrip()),  # a structured abstract
        (
            "Objective: To compare two doses\nDesign: Cohort.\n\nThe study found things.\n",
            "Objective: To compare two doses",
        ),
        ("From: Ann Smith\nSubject: Budget 2027\nDate: 3 March 2027\n\nDear all,\n", "Dear all,"),
        (METADATA.replace("Version: 4.70.1", "Summary: A fast progress bar."), "tqdm"),
    ],
)
def test_key_value_lines_are_a_header_block_only_when_they_read_as_headers(
    text: str, title: str
) -> None:
    assert derived_title(text, "abstract.txt") == title


def test_lines_are_read_as_splitlines_reads_them() -> None:
    text = "a\r\nb\rc\x0bd\x0ce\x1cf\x85g\u2028h\n\nlast"
    assert list(_lines(text)) == text.splitlines()
    assert list(_lines("one\n")) == ["one"] and list(_lines("")) == []


def test_a_title_reads_no_further_than_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The title costs the lines up to it: a long document is not split whole (review of s13)."""
    read: list[str] = []

    def counted(text: str) -> Iterator[str]:
        for line in _lines(text):
            read.append(line)
            yield line

    monkeypatch.setattr(titles, "_lines", counted)
    text = ".. comment\n\nRelease notes\n" + "A line of prose.\n" * 10_000
    assert titles.derived_title(text, "doc.txt") == "Release notes"
    assert len(read) < 20


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Slide 1\nSupport KPIs definitions\n• \n\nSlide 2\nFirst response time\n",
            "Support KPIs definitions",
        ),
        ("Diapositive 1\n\nRevue trimestrielle\n", "Revue trimestrielle"),
        ("# Slide 1\n\n## Welcome to Support\n", "Welcome to Support"),
        ("Slide 1\n\nSlide 2\n", "q3 ops deck"),  # labels alone: the file's name words
        ("Slide 1 of the deck is blank.\n", "Slide 1 of the deck is blank."),  # prose
        ("Chapter 3\n\nResults\n", "Chapter 3"),  # a part's label stays its title
    ],
)
def test_a_deck_is_titled_by_its_first_slide_not_its_label(text: str, title: str) -> None:
    """s19 trial: .txt and .pdf decks opening with "Slide 1" were titled so, and every slide's
    quote was cited "Slide 1"."""
    assert derived_title(text, "q3_ops_deck.txt") == title


def test_a_pdf_deck_is_titled_by_its_first_slide(tmp_path: Path) -> None:
    pages = [[(12, "Slide 1"), (12, "Customer Success Q3")], [(12, "Slide 2"), (12, "Churn")]]
    (tmp_path / "cs.pdf").write_bytes(sized_pdf(pages))
    assert [document.title for document in read_corpus(tmp_path).documents] == [
        "Customer Success Q3"
    ]
