"""A question asking what a changelog's release holds is answered by the list items under
the heading naming that release, all of them or those of the kind asked (release_notes.py);
a question asking no such thing, a release no heading names, a kind the release lacks or a
release of no list item change nothing."""

from __future__ import annotations

import pytest

from citeqa.abstention import release_lacks_kind
from citeqa.models import Document
from citeqa.release_notes import (
    LackingKind,
    ReleaseItems,
    asked_release_items,
    kind_label,
    lacking_kind,
    more_items_note,
)

CHANGELOG = """# Changelog

## [2.2.1] - 2025-11-03

### Fixed
- Builds failed on Windows when a page title contained a colon.

## [2.2.0] - 2025-09-18

### Added
- Multilingual sites: pages can declare `lang`
  in their front matter.

### Changed
- The default theme now uses system fonts.

## [2.1.0] - 2025-06-02

### Added
- Search index generated at build time.

### Changed
- `lumen serve` now listens on port 8080 by default instead of 8000.

```
- not an item: a fenced line
```

### Fixed
- Tag pages were sorted alphabetically instead of by date.

## [2.0.0] - 2025-01-20

Configuration moved from `config.yaml` to `lumen.toml`.
"""


def _document(text: str = CHANGELOG, kind: str = "md") -> Document:
    return Document(
        doc_id="CHANGELOG", title="Changelog", path="CHANGELOG.md", text=text, sha256="0", kind=kind
    )


def _quoted(question: str, text: str = CHANGELOG) -> list[str] | None:
    found = asked_release_items(question, [_document(text)])
    return None if found is None else [text[start:end] for start, end in found.spans]


@pytest.mark.parametrize(
    "question",
    [
        "What changed in version 2.1?",
        "What's new in 2.1?",
        "What is new in release 2.1.0?",
        "Qu'est-ce qui a changé dans la version 2.1 ?",
        "Quelles sont les nouveautés de la version 2.1 ?",
    ],
)
def test_every_item_of_the_asked_release_is_quoted(question: str) -> None:
    """s44 trial: "What changed in version 2.1?" quoted one of the release's four items."""
    assert _quoted(question) == [
        "Search index generated at build time.",
        "`lumen serve` now listens on port 8080 by default instead of 8000.",
        "Tag pages were sorted alphabetically instead of by date.",
    ]


@pytest.mark.parametrize(
    ("question", "items"),
    [
        (
            "What was fixed in version 2.1?",
            ["Tag pages were sorted alphabetically instead of by date."],
        ),
        (
            "Qu'est-ce qui a été ajouté dans la version 2.1 ?",
            ["Search index generated at build time."],
        ),
        (
            "What was fixed in 2.2.1?",
            ["Builds failed on Windows when a page title contained a colon."],
        ),
    ],
)
def test_only_the_items_of_the_kind_asked_are_quoted(question: str, items: list[str]) -> None:
    assert _quoted(question) == items


def test_a_release_number_without_its_trailing_zero_is_that_release_not_a_later_one() -> None:
    """ "What's new in 2.2?" quoted 2.2.1's fix; 2.2 is 2.2.0. An item's continued line is its."""
    assert _quoted("What's new in 2.2?") == [
        "Multilingual sites: pages can declare `lang`\n  in their front matter.",
        "The default theme now uses system fonts.",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "When was the search index added?",  # asks no release's content
        "What changed in version 9.9?",  # no heading names it
        "What was removed in version 2.1?",  # the release has no such subheading
        "What changed in version 2.0?",  # prose, no list item
        "What changed in article 2?",  # a bare number with no release cue names a section
    ],
)
def test_nothing_changes_when_no_release_section_answers(question: str) -> None:
    assert _quoted(question) is None


def test_only_markdown_headings_are_read() -> None:
    assert asked_release_items("What changed in version 2.1?", [_document(kind="txt")]) is None


def test_a_long_release_is_quoted_in_part_and_the_note_counts_the_rest() -> None:
    lines = "".join(f"- Item number {n} of the release, fixed at last.\n" for n in range(30))
    text = f"# Changelog\n\n## 3.0.0\n\n{lines}"
    found = asked_release_items("What changed in version 3.0?", [_document(text)])
    assert found is not None and 1 <= len(found.spans) < 30
    assert found.unquoted == 30 - len(found.spans)
    assert more_items_note(found, "en") == f"{found.unquoted} more items of “3.0.0” are not quoted."
    assert more_items_note(found, "fr") == (
        f"{found.unquoted} autres éléments de « 3.0.0 » ne sont pas cités."
    )
    assert more_items_note(ReleaseItems("c", "3.0.0", ((0, 1),)), "en") is None


@pytest.mark.parametrize(
    "question",
    ["What was added in version 2.2.1?", "Qu'est-ce qui a été ajouté dans la version 2.2.1 ?"],
)
def test_a_release_without_the_asked_kind_names_what_it_lists(question: str) -> None:
    assert lacking_kind(question, [_document()]) == LackingKind("2.2.1", "added", ("Fixed",))


@pytest.mark.parametrize(
    "question",
    [
        "What was fixed in version 2.2.1?",  # it has a Fixed subheading
        "What changed in version 2.2.1?",  # no one kind asked
        "What was added in version 2.0?",  # no subheading: prose, left to the rankers
        "What was added in version 9.1?",  # no such release
    ],
)
def test_no_lack_is_claimed_unless_the_release_is_divided_without_that_kind(
    question: str,
) -> None:
    assert lacking_kind(question, [_document()]) is None


def test_the_lack_reason_names_the_kind_and_what_the_release_lists() -> None:
    reason = release_lacks_kind("2.2.1", kind_label("added", "en"), ["Fixed"], "en")
    assert reason == "Version 2.2.1 lists no “Added” items; it lists: Fixed."
    raison = release_lacks_kind("2.2.1", kind_label("added", "fr"), ["Fixed"], "fr")
    assert raison == "La version 2.2.1 ne liste aucun élément “Ajouts” ; elle liste : Fixed."
