"""The chat's index-status screen on a big corpus: like `citeqa status`, it lists the first
`LISTED` changes, then how many more there are, and past `LISTED` documents it shows their
summary (per folder, the languages, the largest); a small index is listed in full."""

from __future__ import annotations

import pytest
from textual.widgets import Static
from tui_helpers import FakeAssistant, FakeFactory, run, settled, wait_for

from citeqa.changegroups import STATUS_NAMED
from citeqa.listing import LISTED
from citeqa.models import DocumentStatus, IndexStatus
from citeqa.status_summary import LARGEST
from citeqa.tui.screens.index_status import IndexStatusScreen
from citeqa.tui.widgets.status import StaleBanner

ORIGINAL_STATUS = FakeAssistant.status
MORE = "more (run `citeqa status --all` for the full list)"


def big_status(documents: int, changes: int) -> IndexStatus:
    """The fake assistant's status with `documents` documents and `changes` changed files."""
    return ORIGINAL_STATUS(FakeAssistant()).model_copy(
        update={
            "documents": [
                DocumentStatus(
                    doc_id=f"doc-{n:05d}", title=f"Title {n:05d}", path=f"f{n}.txt", chunks=3
                )
                for n in range(documents)
            ],
            "changed": [f"modified: file-{n:05d}.txt" for n in range(changes)],
            "stale": changes > 0,
        }
    )


def status_screen_text(make_app, factory=None):
    """Open the status screen as the palette command does and return the text it shows."""

    async def body():
        app = make_app(factory)
        async with settled(app) as pilot:
            app.action_show_status()
            await wait_for(  # the screen, then its body (composed a moment later, under load)
                pilot,
                lambda: (
                    isinstance(app.screen, IndexStatusScreen)
                    and bool(app.screen.query("#status-body"))
                ),
            )
            return app.screen.query_one("#status-body", Static).content.plain

    return run(body())


def test_a_big_index_groups_the_changes_and_sums_up_the_documents(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The changes, one line per kind naming its first files, as `citeqa status` lists them
    (changegroups.status_lines)."""
    monkeypatch.setattr(FakeAssistant, "status", lambda self: big_status(5000, 3000))
    text = status_screen_text(make_app)
    assert "5000 documents" in text
    assert text.count("Title ") == LARGEST and text.count("file-") == STATUS_NAMED
    assert f"Title {LARGEST - 1:05d}" in text and f"Title {LARGEST:05d}" not in text
    named = ", ".join(f"file-{n:05d}.txt" for n in range(STATUS_NAMED))
    more = f" and {3000 - STATUS_NAMED} more (`citeqa status --all`)"
    assert f"  3000 files modified: {named}{more}\n" in text
    assert f"… and {5000 - LARGEST} {MORE}" in text


def test_past_listed_documents_the_screen_shows_the_summary_citeqa_status_shows(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen listed the first 50 documents alphabetically: 300 short notes hid the few
    papers a user came for, which `citeqa status` sums up per folder, largest first."""
    notes = [
        DocumentStatus(
            doc_id=f"notes/n{n:03d}",
            title=f"Note {n:03d}",
            path=f"notes/n{n}.txt",
            chunks=1,
            lang=["en"],
        )
        for n in range(LISTED + 10)
    ]
    papers = [
        DocumentStatus(
            doc_id=f"papers/{name}",
            title=f"Paper {name}",
            path=f"papers/{name}.txt",
            chunks=chunks,
            lang=["fr", "en"],
        )
        for name, chunks in (("b", 30), ("a", 40))
    ]
    status = big_status(0, 0).model_copy(update={"documents": notes + papers})
    monkeypatch.setattr(FakeAssistant, "status", lambda self: status)
    text = status_screen_text(make_app)
    assert f"notes  {LISTED + 10} documents, {LISTED + 10} chunks · en {LISTED + 10}" in text
    assert "papers  2 documents, 70 chunks · fr 2, en 2" in text
    assert f"Languages en {LISTED + 12}, fr 2" in text
    largest = [line.strip() for line in text.split("Largest documents")[1].splitlines()[1:]]
    assert largest[:3] == [
        "Paper a  40 chunks · fr,en",
        "Paper b  30 chunks · fr,en",
        "Note 000  1 chunk · en",
    ]
    assert text.count("Note ") == LARGEST - 2
    assert f"… and {LISTED + 12 - LARGEST} {MORE}" in text


def test_the_summary_lists_the_first_folders_and_counts_the_rest(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One line a top-level folder, uncapped: 36,000 folders made one huge Content."""
    documents = [
        DocumentStatus(doc_id=f"f{n:05d}/doc", title=f"T{n}", path=f"f{n:05d}/doc.txt", chunks=1)
        for n in range(LISTED + 7)
    ]
    status = big_status(0, 0).model_copy(update={"documents": documents})
    monkeypatch.setattr(FakeAssistant, "status", lambda self: status)
    text = status_screen_text(make_app)
    folders = text.split("By folder")[1].split("Languages")[0]
    assert folders.count("1 document, 1 chunk") == LISTED
    assert f"f{LISTED - 1:05d}  1 document" in folders and f"f{LISTED:05d}" not in folders
    assert "… and 7 more folders (run `citeqa status --all` for the full list)" in folders


def test_a_small_index_is_listed_in_full_without_a_more_line(make_app) -> None:
    expected = FakeAssistant(stale=True).status()
    text = status_screen_text(make_app, FakeFactory(stale=True))
    assert all(doc.title in text for doc in expected.documents)
    assert all(change in text for change in expected.changed) and expected.changed
    assert "more (run" not in text


def test_exactly_listed_items_need_no_more_line(make_app, monkeypatch) -> None:
    monkeypatch.setattr(FakeAssistant, "status", lambda self: big_status(LISTED, LISTED))
    text = status_screen_text(make_app)
    assert text.count("Title ") == LISTED and text.count("file-") == STATUS_NAMED
    assert f"{LISTED} files modified: file-00000.txt, " in text and "more (run" not in text


def test_one_document_of_one_chunk_is_singular_in_the_title_and_the_status(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user trial's one-file folder read "1 documents · 1 chunks"."""
    status = big_status(1, 0)
    document = status.documents[0].model_copy(update={"chunks": 1})
    one = status.model_copy(update={"chunk_count": 1, "documents": [document]})
    monkeypatch.setattr(FakeAssistant, "status", lambda self: one)

    async def body():
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: "document" in app.sub_title)
            return app.sub_title

    assert " · 1 document · 1 chunk · " in run(body())
    text = status_screen_text(make_app)
    assert "1 document, 1 chunk" in text and "Title 00000  1 chunk · " in text


def test_the_stale_banner_counts_the_changes_of_one_kind(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user trial: the chat's banner said the corpus changed but not what (`ask` and
    `status` say it); it now says as `ask` does, grouped by kind (changegroups.short_changes),
    not each file in the same words."""
    monkeypatch.setattr(FakeAssistant, "status", lambda self: big_status(3, 7))

    async def body():
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            banner = app.query_one(StaleBanner)
            await wait_for(pilot, lambda: banner.display)
            return banner.content.plain

    shown = run(body())
    assert "the corpus changed since the index was built: 7 files modified. " in shown
    assert "file-" not in shown
