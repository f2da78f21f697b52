"""A document's title names it: front matter, header blocks, RST comments and rule lines that
open a file are passed over (session 13 trial, bug 4: 178 of 274 documents were titled
"Metadata-Version: 2.x", 32 ".. This data file has been placed in the public domain.")."""

from __future__ import annotations

import pytest

from citeqa.titles import derived_title

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


def test_a_file_of_markup_alone_is_titled_by_its_name_humanised() -> None:
    assert derived_title("-----\n.. comment\n", "release_notes-2024.md") == "release notes 2024"
