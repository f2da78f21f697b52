"""The welcome: what the corpus is, and example questions from the corpus, picked by keyboard."""

from __future__ import annotations

import threading

from textual.widgets import OptionList, Static
from tui_helpers import (
    SUGGESTED,
    FakeFactory,
    fake_builder,
    make_corpus,
    run,
    screen_text,
    settle,
    settled,
    wait_for,
)

from citeqa.models import UnreadFiles
from citeqa.tui.app import CiteqaApp
from citeqa.tui.widgets.transcript import AnswerMessage
from citeqa.tui.widgets.welcome import WAITING, Welcome


def _app(tmp_path, factory=None):
    corpus = make_corpus(tmp_path / "corpus")
    factory = factory or FakeFactory(corpus_dir=str(corpus))
    return CiteqaApp(factory, fake_builder, export_dir=tmp_path, corpus_dir=corpus)


def test_welcome_describes_the_corpus_and_offers_its_examples(tmp_path):
    async def body():
        app = _app(tmp_path)
        async with settled(app) as pilot:
            await wait_for(pilot, lambda: "passages" in screen_text(app))
            shown = screen_text(app)
            assert "Corpus corpus · 3 documents · English, French ·" in shown
            assert "697 bytes · 4 passages" in shown
            welcome = app.query_one(Welcome)
            assert welcome.examples == [
                "What did REGENCY find at week 76?",
                "Quel est le taux de réponse BICLA ?",
            ]
            assert "What did REGENCY find at week 76?" in shown

    run(body())


def test_the_corpus_is_described_before_the_index_is_loaded(tmp_path):
    async def body():
        gate = threading.Event()
        corpus = make_corpus(tmp_path / "corpus")
        app = _app(tmp_path, FakeFactory(gate=gate, corpus_dir=str(corpus)))
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: "Corpus corpus · 2 files" in screen_text(app))
            assert app.session is None and app.query_one(Welcome).examples
            assert app.query_one("#welcome-waiting").display  # "you can type now; it waits"
            gate.set()
            await settle(pilot)
            assert not app.query_one("#welcome-waiting").display

    run(body())


def test_down_from_the_empty_question_picks_an_example_and_enter_asks_it(tmp_path):
    async def body():
        app = _app(tmp_path)
        async with settled(app) as pilot:
            await wait_for(pilot, lambda: bool(app.query_one(Welcome).examples))
            await pilot.press("down")
            assert app.focused is not None and app.focused.id == "examples"
            await pilot.press("down", "enter")
            await settle(pilot)
            assert app.turns[0].question == "Quel est le taux de réponse BICLA ?"
            assert app.query_one(AnswerMessage)
            assert app.focused.id == "question"
            examples = app.query_one("#examples", OptionList)
            assert not examples.display  # gone after the first question; the corpus line stays
            assert "Corpus corpus" in screen_text(app)
            await pilot.press("tab")
            assert app.focused.id == "sources"  # no longer a tab stop

    run(body())


def test_tab_reaches_the_examples_before_the_sources(tmp_path):
    async def body():
        app = _app(tmp_path)
        async with settled(app) as pilot:
            await wait_for(pilot, lambda: bool(app.query_one(Welcome).examples))
            await pilot.press("tab")
            assert app.focused.id == "examples"
            await pilot.press("tab")
            assert app.focused.id == "sources"

    run(body())


def test_without_a_readable_corpus_the_welcome_just_greets(make_app):
    async def body():
        app = make_app()  # the fake status names /fake/corpus, which does not exist
        async with settled(app) as pilot:
            await pilot.pause()
            assert WAITING not in screen_text(app)
            assert not app.query_one("#examples", OptionList).display
            await pilot.press("down")
            assert app.focused.id == "question"

    run(body())


def test_typing_in_the_examples_goes_to_the_question(tmp_path):
    async def body():
        app = _app(tmp_path)
        async with settled(app) as pilot:
            await wait_for(pilot, lambda: bool(app.query_one(Welcome).examples))
            await pilot.press("down", "h", "i")
            assert app.focused.id == "question" and app.focused.value == "hi"
            assert not app.turns

    run(body())


def test_without_manifest_examples_the_assistant_suggests_them_once_loaded(tmp_path):
    async def body():
        gate = threading.Event()
        corpus = tmp_path / "corpus"
        app = _app(tmp_path, FakeFactory(gate=gate, corpus_dir=str(corpus)))
        (corpus / "manifest.json").unlink()
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: "Corpus corpus · 2 files" in screen_text(app))
            assert app.query_one(Welcome).examples == []  # no manifest: nothing to offer yet
            gate.set()
            await settle(pilot)
            await wait_for(pilot, lambda: "obinutuzumab" in screen_text(app))
            assert app.query_one(Welcome).examples == [e.question for e in SUGGESTED]

    run(body())


def test_the_welcome_says_once_which_files_the_build_did_not_read(tmp_path):
    """s19 trial: 23 of 60 files skipped, and the chat's welcome said nothing of them."""

    async def body():
        corpus = make_corpus(tmp_path / "corpus")
        unread = UnreadFiles(types={".ppt": 3, ".doc": 1, ".png": 1}, empty=1)
        app = _app(tmp_path, FakeFactory(corpus_dir=str(corpus), unread=unread))
        async with settled(app) as pilot:
            await wait_for(pilot, lambda: "passages" in screen_text(app))
            line = (  # s35 trial: an empty file and a logo were told to be converted
                "6 files not read: 3 .ppt, 1 .doc (convert them to .pdf or .txt; sheets to .xlsx"
                " or .csv; text ones: rename them .txt); 1 .png (pictures: citeqa reads text, not"
                " images; a scan's text as .pdf or .txt); 1 empty file (nothing to read)"
                " — `citeqa status` lists them"
            )
            assert screen_text(app).count("6 files not read") == 1
            assert str(app.query_one("#welcome-unread", Static).render()) == line

    run(body())


def test_the_welcome_says_nothing_of_unread_files_when_every_file_was_read(tmp_path):
    async def body():
        app = _app(tmp_path)
        async with settled(app) as pilot:
            await wait_for(pilot, lambda: "passages" in screen_text(app))
            assert "not read" not in screen_text(app)
            assert not app.query_one("#welcome-unread").display

    run(body())


def test_an_overview_read_before_the_index_loaded_never_replaces_the_later_one(
    tmp_path, monkeypatch
):
    """s22 CI: the welcome never said "passages". The corpus is described twice, at launch and
    once the index is loaded (with its passages); the second read cancels the first, but a
    thread runs on, and when the first finished last its figures replaced the later ones."""
    from citeqa import overview as overview_module

    real, launch_read_may_end = overview_module.corpus_overview, threading.Event()

    def described(corpus_dir, status=None, suggest=None):
        if status is None:  # the read at launch ends only after the one with the index
            launch_read_may_end.wait(10)
        return real(corpus_dir, status, suggest)

    monkeypatch.setattr(overview_module, "corpus_overview", described)

    class CountingApp(CiteqaApp):
        overviews_handled = 0

        def on_overview_read(self, message):  # Textual calls CiteqaApp's handler after this
            self.overviews_handled += 1

    corpus = make_corpus(tmp_path / "corpus")
    app = CountingApp(
        FakeFactory(corpus_dir=str(corpus)), fake_builder, export_dir=tmp_path, corpus_dir=corpus
    )

    async def body():
        async with settled(app) as pilot:
            await wait_for(pilot, lambda: "passages" in screen_text(app))
            launch_read_may_end.set()
            await wait_for(pilot, lambda: app.overviews_handled == 2)
            await pilot.pause()
            assert "697 bytes · 4 passages" in screen_text(app)

    run(body())


def test_a_corpus_that_cannot_be_described_once_loaded_says_why(tmp_path, monkeypatch):
    """Review D (s23): when describing the corpus failed once the index was loaded, nothing
    was posted and the welcome showed no corpus line at all."""
    from citeqa import overview as overview_module
    from citeqa.errors import CorpusMissing

    def undescribable(corpus_dir, status=None, suggest=None):
        raise CorpusMissing(f"corpus folder not found: {corpus_dir}")

    monkeypatch.setattr(overview_module, "corpus_overview", undescribable)
    corpus = make_corpus(tmp_path / "corpus")
    app = CiteqaApp(
        FakeFactory(corpus_dir=str(corpus)), fake_builder, export_dir=tmp_path, corpus_dir=corpus
    )

    async def body():
        async with settled(app) as pilot:
            await wait_for(pilot, lambda: "figures unavailable" in screen_text(app))
            assert "corpus folder not found" in screen_text(app)

    run(body())


def test_the_header_and_the_welcome_count_the_documents_read_alike(tmp_path):
    """s34 trial: the header said "37 documents" (read) beside the welcome's "39 documents"
    (the folder's files, a scan and an empty file among them): both now say what they count,
    the files before the index is loaded, the documents read of the files once it is."""

    async def body():
        gate = threading.Event()
        corpus = make_corpus(tmp_path / "corpus")
        skipped = ("scan.png", "empty.txt")
        unread = UnreadFiles(types={".png": 1}, unreadable=1)  # what its build recorded of them
        factory = FakeFactory(gate=gate, corpus_dir=str(corpus), skipped=skipped, unread=unread)
        app = _app(tmp_path, factory)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: "Corpus corpus · 2 files ·" in screen_text(app))
            gate.set()
            await wait_for(pilot, lambda: "passages" in screen_text(app))
            shown = screen_text(app)
            assert "Corpus corpus · 3 documents read of 5 files · English, French ·" in shown
            assert " · 3 documents read of 5 files · 4 chunks · " in app.sub_title

    run(body())


def test_what_the_walk_leaves_out_is_not_counted_among_the_files(tmp_path):
    """Review of s35-trialfix: a link out of the corpus (or a folder it cannot list, a name
    not in UTF-8) is left out of the files counted before the index is loaded but was counted
    once it was, "3 documents read of 4 files": the build tried no such file, none is unread."""

    async def body():
        gate = threading.Event()
        corpus = make_corpus(tmp_path / "corpus")
        factory = FakeFactory(gate=gate, corpus_dir=str(corpus), skipped=("outside.txt",))
        app = _app(tmp_path, factory)
        async with app.run_test(size=(120, 40)) as pilot:
            gate.set()
            await wait_for(pilot, lambda: "passages" in screen_text(app))
            assert "Corpus corpus · 3 documents · English, French ·" in screen_text(app)
            assert " · 3 documents · 4 chunks · " in app.sub_title

    run(body())


def test_a_late_overview_report_after_the_welcome_is_gone_is_dropped(tmp_path):
    """Fresh-clone CI of s36: the overview worker's report (here, that /fake/corpus cannot be
    described) arrived while the app was closing, after its Welcome was gone, and its handler's
    query_one(Welcome) raised NoMatches out of the test."""
    from citeqa.overview import corpus_overview
    from citeqa.tui.messages import OverviewFailed, OverviewRead

    app = _app(tmp_path)
    overview = corpus_overview(tmp_path / "corpus", None)

    async def body():
        async with settled(app) as pilot:
            await app.query_one(Welcome).remove()
            app.post_message(OverviewFailed("corpus", "corpus folder not found"))
            app.post_message(OverviewRead(overview))
            await pilot.pause()
            return app.is_running

    assert run(body())


def test_the_welcome_says_which_hidden_names_were_left_out_and_why(tmp_path):
    """s38 trial: the welcome said "37 documents read of 40 files" of a folder of 42 and never
    named the two it left out (services/booking/__pycache__/, .env.example)."""

    async def body():
        corpus = make_corpus(tmp_path / "corpus")
        (corpus / ".env").write_text("SECRET=1\n")
        (corpus / "svc" / "__pycache__").mkdir(parents=True)
        app = _app(tmp_path, FakeFactory(corpus_dir=str(corpus)))
        async with settled(app) as pilot:
            await wait_for(pilot, lambda: "passages" in screen_text(app))
            line = str(app.query_one("#welcome-left-out", Static).render())
            assert line == (
                "2 names left out, hidden or written by a tool: svc/__pycache__/, .env (citeqa"
                " reads hidden folders of documentation only, such as .github) — `citeqa status`"
                " lists them"
            )

    run(body())


def test_the_welcome_says_nothing_left_out_of_a_folder_without_hidden_names(tmp_path):
    async def body():
        app = _app(tmp_path)
        async with settled(app) as pilot:
            await wait_for(pilot, lambda: "passages" in screen_text(app))
            assert not app.query_one("#welcome-left-out").display

    run(body())
