"""Files the chat writes where users expect them: exports in the per-user exports folder (the
chat says where; the checkout stays clean), the chosen theme remembered in the UI-state file.
The test session points the XDG folders at a temporary folder (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tui_helpers import FakeFactory, ask, fake_builder, run, screen_text, settled

from citeqa.tui.app import CiteqaApp
from citeqa.userdirs import exports_dir, read_ui_state, ui_state_file


def _git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout


def test_export_goes_to_the_user_exports_folder_and_leaves_the_checkout_clean(
    monkeypatch, tmp_path
):
    checkout = tmp_path / "clone"  # a git checkout, where a user runs `citeqa` from
    checkout.mkdir()
    _git(checkout, "init", "-q")
    (checkout / "README.md").write_text("a checkout\n", encoding="utf-8")
    _git(checkout, "add", "README.md")
    monkeypatch.chdir(checkout)
    before = _git(checkout, "status", "--porcelain", "--untracked-files=all")

    async def body():
        app = CiteqaApp(FakeFactory(), fake_builder)  # no export folder given: the default
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            await pilot.press("ctrl+s")
            await pilot.pause()
            notes = [str(note.content) for note in app.query(".note")]
            told = [n.message for n in app._notifications if n.title == "Conversation exported"]
            return app.last_export, notes, told, screen_text(app)

    path, notes, told, shown = run(body())
    assert path is not None and path.parent == exports_dir() and path.is_file()
    assert str(exports_dir()).startswith(os.environ["XDG_DATA_HOME"])
    assert notes == [f"Conversation exported to {path}"] and told == [str(path)]
    assert "Conversation exported to" in shown
    assert _git(checkout, "status", "--porcelain", "--untracked-files=all") == before
    assert sorted(p.name for p in checkout.iterdir()) == [".git", "README.md"]
    path.unlink()


def test_the_chosen_theme_is_remembered():
    ui_state_file().unlink(missing_ok=True)

    async def choose():
        app = CiteqaApp(FakeFactory(), fake_builder)
        async with settled(app) as pilot:
            assert app.theme != "nord"
            app.theme = "nord"
            await pilot.pause()

    async def reopen():
        app = CiteqaApp(FakeFactory(), fake_builder)
        async with settled(app):
            return app.theme

    try:
        run(choose())
        assert read_ui_state()["theme"] == "nord"
        assert run(reopen()) == "nord"
    finally:
        ui_state_file().unlink(missing_ok=True)


def test_an_unknown_or_damaged_saved_theme_is_ignored():
    path = ui_state_file()
    path.parent.mkdir(parents=True, exist_ok=True)

    async def opened_theme():
        app = CiteqaApp(FakeFactory(), fake_builder)
        async with settled(app):
            return app.theme

    try:
        path.write_text('{"theme": "no-such-theme"}', encoding="utf-8")
        default = run(opened_theme())
        assert default != "no-such-theme"
        path.write_text("{broken", encoding="utf-8")
        assert run(opened_theme()) == default
    finally:
        path.unlink(missing_ok=True)
