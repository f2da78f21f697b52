"""A question asking where a program keeps something ("Where is the database stored?") asks a
file path: within a document, a candidate writing none gives way to one writing a path
(asked_values.json kind "path"). s50 trial: an open-source project's docs answered it with the
FAQ's "## How do I move my database to another computer?" or the introduction's "a local SQLite
database"; here the FAQ's "No. Only the address, title, tags and your notes are stored." led."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.asked_values import asked_kinds, writes_kind
from small_corpora import assistant_over

README = """# Driftwood

Driftwood is a small command-line tool that keeps your bookmarks in a local SQLite database, so
that you can search and tag them offline.

## Installation

Driftwood needs Python 3.10 or later. Install it with `pip install driftwood`.

## Configuration

Settings are read from `~/.config/driftwood/config.toml`. The database lives in
`~/.local/share/driftwood/bookmarks.db` unless you set `DRIFTWOOD_HOME`. Backups are kept in
`~/.local/share/driftwood/backups/`, one a day for a week.
"""

FAQ = """# Frequently asked questions

## Can I use Driftwood on Windows?

Yes. Driftwood runs on Windows 10 and later; the database then lives in
`%LOCALAPPDATA%\\driftwood\\bookmarks.db`.

## How do I move my database to another computer?

Copy the database file to the other computer, or use a synced folder as DRIFTWOOD_HOME.

## Does Driftwood store page contents?

No. Only the address, title, tags and your notes are stored.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"README.md": README, "FAQ.md": FAQ},
        tmp_path_factory.mktemp("project"),
        tmp_path_factory.mktemp("index"),
    )


def test_where_something_is_stored_is_answered_with_a_path(project: Assistant) -> None:
    answer = project.ask("Where is the database stored?")
    assert not answer.abstained, answer.reason
    assert "bookmarks.db" in answer.citations[0].quote, answer.citations[0].quote


def test_a_closed_question_is_still_answered_by_its_reply(project: Assistant) -> None:
    answer = project.ask("Does Driftwood store page contents?")
    assert not answer.abstained, answer.reason
    assert "Only the address" in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "asks_path"),
    [
        ("Where is the database stored?", True),
        ("In which folder are backups saved?", True),
        ("Où est stockée la base de données ?", True),
        ("Dans quel répertoire sont écrits les journaux ?", True),
        ("Où ranger les poussettes ?", False),
        ("Where is the museum located?", False),
        ("Is the database stored locally?", False),
    ],
)
def test_which_questions_ask_a_path(question: str, asks_path: bool) -> None:
    assert ("path" in asked_kinds(question)) is asks_path


@pytest.mark.parametrize(
    ("text", "writes_path"),
    [
        ("The database lives in `~/.local/share/driftwood/bookmarks.db`.", True),
        ("Logs go to /var/log/driftwood/app.log every day.", True),
        ("On Windows: %LOCALAPPDATA%\\driftwood\\bookmarks.db", True),
        ("The meeting moved to 12/05/2026.", False),
        ("Pay by card and/or cash, at 30 km/h.", False),
        ("See https://example.com/docs/ for more.", False),
        ("/" + "a" * 20000, False),
    ],
)
def test_which_texts_write_a_path(text: str, writes_path: bool) -> None:
    assert writes_kind("path", text) is writes_path
