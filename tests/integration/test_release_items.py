"""A question asking what a changelog's release holds quotes every item of that release's
section, or those of the kind asked, end to end (release_notes.py; s44 trial: "What changed in
version 2.1?" quoted one of its four items, "What was removed in version 2.0?" an FAQ's
sentence on deploying)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

CHANGELOG = """# Changelog

All notable changes to Lumen are documented in this file. The format follows Keep a Changelog.

## [2.3.0] - 2026-02-10

### Added
- Image thumbnails are generated automatically for every picture in `static/`.
- New `--watch-delay` flag for `lumen serve`.

### Fixed
- The RSS feed no longer includes draft pages.

## [2.2.1] - 2025-11-03

### Fixed
- Builds failed on Windows when a page title contained a colon.

## [2.2.0] - 2025-09-18

### Added
- Multilingual sites: pages can declare `lang` in their front matter.

### Changed
- The default theme now uses system fonts instead of Google Fonts.

## [2.1.0] - 2025-06-02

### Added
- Search index (`search.json`) generated at build time.

### Changed
- `lumen serve` now listens on port 8080 by default instead of 8000.
- Minimum supported Python version is 3.10.

### Fixed
- Tag pages were sorted alphabetically instead of by date.

## [2.0.1] - 2025-03-14

### Fixed
- Non-ASCII file names produced broken links.

## [2.0.0] - 2025-01-20

### Changed
- Configuration moved from `config.yaml` to `lumen.toml`.

### Removed
- The `lumen deploy` command was removed; use your hosting provider's tools instead.
- Support for Python 3.8 was dropped.

## [1.2.0] - 2024-05-07

### Added
- Sitemap generation (`sitemap.xml`).
- Syntax highlighting for code blocks.

## [1.1.0] - 2023-11-12

### Added
- Draft pages: a page with `draft = true` is skipped by `lumen build`.

### Fixed
- The development server crashed when a file was deleted while it was running.

## [1.0.0] - 2023-06-30

### Added
- First stable release: Markdown pages, Jinja templates, tags and an RSS feed.
"""
FAQ = """# Frequently asked questions

## How do I preview draft pages?

Run `lumen serve --drafts`, or set `drafts = true` in `lumen.toml`. Drafts are never included in
the RSS feed.

## Can I use my own theme?

Yes. Copy the default theme with `lumen theme copy` and edit the templates in `themes/custom/`.
Then set `theme = "custom"` in `lumen.toml`.

## Why does the server not reload my changes?

Some editors write files in two steps. Increase the delay with `lumen serve --watch-delay 500`
(milliseconds).

## How do I deploy my site?

Since version 2.0 Lumen no longer deploys sites itself. Upload the `public/` folder to any
static host, for example GitHub Pages or Netlify.

## Where do I report a bug?

Open an issue on the project's GitHub repository, with your Lumen version (`lumen --version`)
and operating system.
"""
README = """# Lumen

Lumen is a small static site generator written in Python. It turns a folder of Markdown files
into a fast, plain HTML website, with templates, tags and an RSS feed.

## Requirements

Lumen runs on Python 3.10, 3.11 and 3.12, on Linux, macOS and Windows.

## Installation

Install it from PyPI:

    pip install lumen-ssg

Then create a new site and start the development server:

    lumen new mysite
    cd mysite
    lumen serve

The site is built into the `public/` folder with `lumen build`.

## Documentation

See `docs/configuration.md` for every option of `lumen.toml`, and `FAQ.md` for common questions.

## License

Lumen is released under the MIT License. Copyright (c) 2021-2026 Ada Okafor and contributors.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"CHANGELOG.md": CHANGELOG, "FAQ.md": FAQ, "README.md": README}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "quotes"),
    [
        (
            "What changed in version 2.1?",
            [
                "Search index (`search.json`) generated at build time.",
                "`lumen serve` now listens on port 8080 by default instead of 8000.",
                "Minimum supported Python version is 3.10.",
                "Tag pages were sorted alphabetically instead of by date.",
            ],
        ),
        (
            "Qu'est-ce qui a changé dans la version 2.1 ?",
            [
                "Search index (`search.json`) generated at build time.",
                "`lumen serve` now listens on port 8080 by default instead of 8000.",
                "Minimum supported Python version is 3.10.",
                "Tag pages were sorted alphabetically instead of by date.",
            ],
        ),
        (
            "What was removed in version 2.0?",
            [
                "The `lumen deploy` command was removed; use your hosting provider's tools"
                " instead.",
                "Support for Python 3.8 was dropped.",
            ],
        ),
        (
            "What's new in 2.2?",
            [
                "Multilingual sites: pages can declare `lang` in their front matter.",
                "The default theme now uses system fonts instead of Google Fonts.",
            ],
        ),
    ],
)
def test_the_items_of_the_asked_release_are_quoted(
    folder: Assistant, question: str, quotes: list[str]
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert [c.quote for c in answer.citations] == quotes
    assert all(c.path.endswith("CHANGELOG.md") for c in answer.citations)


def test_each_item_is_cited_under_its_own_subheading(folder: Assistant) -> None:
    answer = folder.ask("What changed in version 2.1?")
    assert [c.section for c in answer.citations] == [
        "[2.1.0] - 2025-06-02 › Added",
        "[2.1.0] - 2025-06-02 › Changed",
        "[2.1.0] - 2025-06-02 › Changed",
        "[2.1.0] - 2025-06-02 › Fixed",
    ]


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("When was sitemap generation added?", "Sitemap generation"),
        ("Which version fixed broken links with non-ASCII file names?", "Non-ASCII file names"),
        ("How do I preview draft pages?", "lumen serve --drafts"),
    ],
)
def test_other_questions_on_the_changelog_stand(
    folder: Assistant, question: str, quoted: str
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert quoted in answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            "What was added in version 2.2.1?",
            "Version 2.2.1 lists no “Added” items; it lists: Fixed.",
        ),
        (
            "Qu'est-ce qui a été ajouté dans la version 2.2.1 ?",
            "La version 2.2.1 ne liste aucun élément “Ajouts” ; elle liste : Fixed.",
        ),
    ],
)
def test_a_kind_the_release_does_not_list_is_refused_naming_what_it_lists(
    folder: Assistant, question: str, reason: str
) -> None:
    answer = folder.ask(question)
    assert answer.abstained
    assert answer.reason is not None and answer.reason.startswith(reason)
    assert not answer.citations
