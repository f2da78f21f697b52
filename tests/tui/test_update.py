"""ctrl+r in the chat updates the index as `citeqa index` does (the s13 trial waited 7.5 min for
a rebuild from scratch after editing 3 files of 1,596), and the STALE banner says an update is
in progress while one runs (the chat's own, or another process's holding the build lock)
instead of asking for one."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from tui_helpers import (
    FakeAssistant,
    FakeFactory,
    fake_builder,
    make_corpus,
    run,
    screen_text,
    settle,
    settled,
    wait_for,
)

from citeqa.cli.chat_cmd import _open, _update
from citeqa.models import BuildReport, OutsizedFile, UnembeddedSentences
from citeqa.publishing import build_lock
from citeqa.tui.app import CiteqaApp
from citeqa.tui.conversation import MODE_OVERRIDES
from citeqa.tui.screens.index_status import IndexStatusScreen
from citeqa.tui.widgets import status as status_widgets
from small_corpora import fake_settings


def _edit(corpus: Path, name: str) -> None:
    with (corpus / name).open("a", encoding="utf-8") as edited:
        edited.write("\nAn edited line, for the update to read.\n")


def test_ctrl_r_embeds_only_the_edited_file(tmp_path: Path, fake_embedder: Any) -> None:
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    fake_embedder.reset_counts()
    _open(settings, lambda stage, done, total: None)  # the first build
    first_build = fake_embedder.texts_embedded
    _edit(settings.corpus_dir, "regency.txt")
    reports: list[BuildReport] = []
    embedded: list[int] = []

    def updater(progress: Any) -> BuildReport:
        fake_embedder.reset_counts()
        reports.append(_update(settings, progress))
        embedded.append(fake_embedder.texts_embedded)  # by the update alone
        return reports[-1]

    app = CiteqaApp(lambda progress: _open(settings, progress), updater)

    async def body() -> None:
        async with settled(app) as pilot:
            await pilot.press("ctrl+r")
            await wait_for(pilot, lambda: bool(reports), 400)
            await settle(pilot)
            assert not app.query_one("#stale-banner").display  # the new index is up to date

    run(body())
    [report] = reports
    assert (report.full_rebuild, report.updated) == (False, ["regency.txt"])
    assert report.unchanged  # the other files were reused, not read and embedded again
    assert 0 < embedded[0] < first_build  # the edited file's texts, not the whole corpus's
    assert any(n.title == "Index updated" for n in app._notifications)


def test_the_banner_says_the_chats_own_update_is_under_way(tmp_path: Path) -> None:
    gate, started = threading.Event(), threading.Event()

    def held(progress: Any) -> BuildReport:
        started.set()
        gate.wait(10)
        return fake_builder(progress)

    app = CiteqaApp(FakeFactory(stale=True), held, export_dir=tmp_path)

    async def body() -> None:
        async with settled(app) as pilot:
            await pilot.press("ctrl+r")
            await wait_for(pilot, started.is_set, 400)
            await pilot.pause()
            text = " ".join(screen_text(app).split())
            gate.set()
            await settle(pilot)
            assert "STALE index" in text and "Updating it now" in text
            assert "ctrl+r updates it" not in text

    run(body())


def test_the_banner_names_another_process_updating_the_index(tmp_path: Path) -> None:
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    _open(settings, lambda stage, done, total: None)
    _edit(settings.corpus_dir, "slides.txt")

    def banner_with(lock_held: bool) -> str:
        app = CiteqaApp(lambda progress: _open(settings, progress))

        async def body() -> str:
            async with settled(app, (160, 40)):
                return str(app.query_one("#stale-banner").render())

        if not lock_held:
            return run(body())
        with build_lock(settings.index_dir):  # as another `citeqa index` holds it
            return run(body())

    idle, building = banner_with(False), banner_with(True)
    assert "ctrl+r updates it" in idle and "in progress" not in idle
    assert "An update of the index is in progress (pid " in building
    assert "ctrl+r updates it" not in building and "ctrl+r loads it" in building


def test_the_banner_says_when_another_process_update_ends(tmp_path: Path, monkeypatch: Any) -> None:
    """The banner read the build lock once, on load: it said another process's update was in
    progress long after that build ended. It asks again every RECHECK_SECONDS while it says so."""
    monkeypatch.setattr(status_widgets, "RECHECK_SECONDS", 0.1)
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    _open(settings, lambda stage, done, total: None)
    _edit(settings.corpus_dir, "slides.txt")
    app = CiteqaApp(lambda progress: _open(settings, progress))

    def banner() -> str:
        return " ".join(str(app.query_one("#stale-banner").render()).split())

    async def body() -> None:
        async with app.run_test(size=(160, 40)) as pilot:
            with build_lock(settings.index_dir):  # as another `citeqa index` holds it
                await settle(pilot)
                await wait_for(pilot, lambda: "STALE index" in banner(), 400)
                assert "An update of the index is in progress (pid " in banner()
            await wait_for(pilot, lambda: "ctrl+r updates it" in banner(), 400)
            assert "in progress" not in banner()

    run(body())


def test_the_banner_rechecks_only_while_another_process_build_runs(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """The banner's timer ran all the time, and a check that found the build ended read the
    lock file twice (once to find it, once more to show it). The timer now runs only while the
    banner says another process's update is in progress, and each check reads the lock once."""
    import citeqa.api

    monkeypatch.setattr(status_widgets, "RECHECK_SECONDS", 0.05)
    reads: list[str | None] = []
    real = citeqa.api.build_running

    def counted(index_dir: Path) -> str | None:
        reads.append(real(index_dir))
        return reads[-1]

    monkeypatch.setattr(citeqa.api, "build_running", counted)
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    _open(settings, lambda stage, done, total: None)
    app = CiteqaApp(lambda progress: _open(settings, progress))

    async def body() -> None:
        async with settled(app, (160, 40)) as pilot:
            banner = app.query_one(status_widgets.StaleBanner)
            assert not banner.display and not banner.rechecking  # up to date: no timer
            status = app.index_info
            assert status is not None
            stale = status.model_copy(update={"stale": True, "changed": ["modified: a.txt"]})
            banner.show_status(stale)
            assert banner.display and not banner.rechecking  # ctrl+r offered: no timer
            with build_lock(settings.index_dir):  # as another `citeqa index` holds it
                banner.show_status(stale)
                assert banner.rechecking
                await pilot.pause(0.3)
                assert "in progress" in str(banner.render())
            reads.clear()
            await wait_for(pilot, lambda: not banner.rechecking, 400)
            assert reads == [None]  # the check that found the build ended read the lock once
            assert "ctrl+r updates it" in " ".join(str(banner.render()).split())
            await pilot.pause(0.2)
            assert reads == [None]  # and no timer asks again

    run(body())


def test_ctrl_r_shows_the_notes_citeqa_index_prints(tmp_path: Path) -> None:
    """Files skipped, word lists, outsized files, no sentence vectors and the build's warnings:
    on main ctrl+r showed none of them (only "Updated: ..."); now one notification says them,
    in `citeqa index`'s words, with file names sanitised."""

    def noted(progress: Any) -> BuildReport:
        progress("reading", 2, 2)
        return BuildReport(
            index_dir="/fake/index",
            updated=["regency.txt"],
            skipped=["scan\x1b[31m.pdf: no text could be extracted"],
            word_lists=["words.txt"],
            outsized=[OutsizedFile(file="server.log", chunks=5_433)],
            unembedded_sentences=UnembeddedSentences(
                sentences=250_000, limit=200_000, on_demand=True
            ),
            warnings=["the previous index was damaged: rebuilt in full"],
            documents=3,
            chunks=6_000,
            seconds=0.5,
        )

    app = CiteqaApp(FakeFactory(stale=True), noted, export_dir=tmp_path)

    async def body() -> None:
        async with settled(app) as pilot:
            await pilot.press("ctrl+r")
            await settle(pilot)

    run(body())
    [shown] = [n for n in app._notifications if n.title == "Index updated"]
    lines = shown.message.splitlines()
    assert lines[0] == "Updated: 3 documents, 6000 chunks in 0.5 s."
    assert lines[1:] == [
        "• skipped, no text could be extracted (1): scan␛[31m.pdf",
        "• indexed, but 1 file looks like a word list, not prose: words.txt",
        "• indexed, but 1 file makes an outsized share of the index:"
        " server.log (5,433 of 6,000 chunks, 91 %); the build's time grows with its chunks:"
        " to leave a file out, move it out of the corpus folder or rename it to start with a dot",
        "• no sentence vectors: the corpus's 250,000 sentences are past embed_sentences_max"
        " (200,000), so answering embeds a passage's sentences when a question first needs"
        " them (embed_sentences_on_demand)",
        "• warning: the previous index was damaged: rebuilt in full",
    ]
    assert shown.severity == "warning"


def test_ctrl_r_notes_show_bracketed_file_names_as_they_are(tmp_path: Path) -> None:
    """A skipped file named `a[/]b.md` or `report[draft].md`: Textual's notify parses its text
    as markup unless told not to, where `[/]` raises MarkupError at render and `[draft]` is
    taken as a style and vanishes. The toast, as rendered, shows both names as they are."""

    def noted(progress: Any) -> BuildReport:
        progress("reading", 1, 1)
        return BuildReport(
            index_dir="/fake/index",
            skipped=["a[/]b.md: no text could be extracted", "report[draft].md: empty file"],
            documents=1,
            chunks=2,
            seconds=0.5,
        )

    app = CiteqaApp(FakeFactory(stale=True), noted, export_dir=tmp_path)
    shown: list[str] = []

    async def body() -> None:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+r")
            await wait_for(pilot, lambda: bool(app.screen.query("Toast")), 400)
            await settle(pilot)
            shown.extend(toast.render().plain for toast in app.screen.query("Toast"))
            shown.append(" ".join(screen_text(app).split()))

    run(body())
    [toast, screen] = [shown[0], shown[-1]]
    assert "• skipped, no text could be extracted (1): a[/]b.md" in toast.splitlines()
    assert "• skipped, empty file (1): report[draft].md" in toast.splitlines()
    assert "a[/]b.md" in screen and "report[draft].md" in screen


def _held_on_the_old_index(monkeypatch, method: str, gate: threading.Event) -> None:
    """`FakeAssistant.<method>` waits for `gate` on the index of hash "old" once it is set up,
    as a slow reconfigure or status read still running when a reload lands."""
    real = getattr(FakeAssistant, method)

    def held(self, *args, **kwargs):
        if self.manifest_hash == "old":
            gate.wait(10)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(FakeAssistant, method, held)


def test_a_mode_change_begun_on_the_old_index_never_answers_after_the_reload(tmp_path, monkeypatch):
    """Review D (s23): lexical, then ctrl+r; the reload landed first, then the lexical
    assistant of the old index answered while the header named the new one."""
    gate = threading.Event()
    _held_on_the_old_index(monkeypatch, "configured", gate)
    app = CiteqaApp(FakeFactory(hashes=("old", "new")), fake_builder, export_dir=tmp_path)

    async def body():
        async with settled(app) as pilot:
            app.action_set_mode("lexical")
            await pilot.pause()
            app.action_update_index()
            await wait_for(pilot, lambda: app.base is not None and app.base.manifest_hash == "new")
            gate.set()
            await settle(pilot)
            await pilot.pause(0.2)
            assert app.assistant is not None and app.assistant.manifest_hash == "new"
            assert app.assistant.overrides == MODE_OVERRIDES["lexical"]
            assert app.mode == "lexical"

    run(body())


def test_the_mode_chosen_last_configures_the_reloaded_index(tmp_path, monkeypatch):
    """Review D (s23): lexical, then vectors while a reload ran; the reload configured the new
    index for "lexical", the mode in effect before the user's last choice."""
    gate = threading.Event()
    _held_on_the_old_index(monkeypatch, "configured", gate)
    app = CiteqaApp(FakeFactory(hashes=("old", "new")), fake_builder, export_dir=tmp_path)

    async def body():
        async with settled(app) as pilot:
            gate.set()
            app.action_set_mode("lexical")
            await settle(pilot)
            gate.clear()
            app.action_set_mode("vectors")
            await pilot.pause()
            app.action_update_index()
            await wait_for(pilot, lambda: app.base is not None and app.base.manifest_hash == "new")
            gate.set()
            await settle(pilot)
            await pilot.pause(0.2)
            assert app.mode == "vectors"
            assert app.assistant is not None and app.assistant.manifest_hash == "new"
            assert app.assistant.overrides == MODE_OVERRIDES["vectors"]

    run(body())


def test_a_status_read_of_the_old_index_never_shows_after_the_reload(tmp_path, monkeypatch):
    """A status read still running on the old index when a reload lands is dropped: the
    header and the status screen never go back to the old index."""
    gate = threading.Event()
    app = CiteqaApp(FakeFactory(hashes=("old", "new")), fake_builder, export_dir=tmp_path)

    async def body():
        async with settled(app) as pilot:
            _held_on_the_old_index(monkeypatch, "status", gate)
            app.action_show_status()
            await pilot.pause()
            app.action_update_index()
            await wait_for(pilot, lambda: app.base is not None and app.base.manifest_hash == "new")
            gate.set()
            await settle(pilot)
            await pilot.pause(0.2)
            assert app.index_info is not None and app.index_info.manifest_hash == "new"
            assert not isinstance(app.screen, IndexStatusScreen)

    run(body())


def test_a_mode_chosen_during_an_update_keeps_questions_waiting_for_the_reload(tmp_path):
    """Questions asked while the chat updates the index wait for the reload, also when the
    user changes the retrieval mode meanwhile (its new session of the old index is held)."""
    gate, started = threading.Event(), threading.Event()

    def held(progress: Any) -> BuildReport:
        started.set()
        gate.wait(10)
        return fake_builder(progress)

    app = CiteqaApp(FakeFactory(hashes=("old", "new")), held, export_dir=tmp_path)

    async def body() -> None:
        async with settled(app) as pilot:
            app.action_update_index()
            await wait_for(pilot, started.is_set, 400)
            app.action_set_mode("lexical")
            await wait_for(pilot, lambda: app.mode == "lexical")
            app._ask("obinutuzumab week 76")
            await pilot.pause(0.2)
            assert app.turns[0].answer is None
            gate.set()
            await settle(pilot)
            assert app.turns[0].answer is not None
            assert app.turns[0].index_hash == "new"
            assert app.assistant is not None and app.assistant.manifest_hash == "new"

    run(body())
