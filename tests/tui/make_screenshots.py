"""Save docs/chat.svg and docs/viewer.svg: the chat with an answer, and the document viewer.

Uses the real assistant on the bundled corpus; with --fake (or when the real one cannot be
opened) the fake assistant of conftest.py. Not a test. Run: python tests/tui/make_screenshots.py
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parents[1] / "docs"
sys.path.insert(0, str(HERE))

from citeqa.tui.app import CiteqaApp  # noqa: E402
from citeqa.tui.screens.viewer import DocumentViewer  # noqa: E402
from conftest import FakeFactory, ask, fake_builder, settle, wait_for  # noqa: E402


def _app(fake: bool) -> CiteqaApp:
    if fake:
        return CiteqaApp(FakeFactory(), fake_builder)
    from functools import partial

    from citeqa.cli.chat_cmd import _open, _update
    from citeqa.config import Settings

    settings = Settings()  # as `citeqa chat` opens it: with the corpus, for the welcome
    return CiteqaApp(
        partial(_open, settings), partial(_update, settings), corpus_dir=settings.corpus_dir
    )


async def shoot(fake: bool, question: str, size: tuple[int, int]) -> bool:
    """Take both screenshots; False when the real assistant could not answer."""
    app = _app(fake)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: app.session is not None or bool(app._notifications), 6000)
        if app.session is None:
            return False
        await settle(pilot)
        await ask(pilot, question)
        if not app.turns[-1].answer or not app.query_one("#sources-panel").refs:
            return False
        app.save_screenshot(str(DOCS / "chat.svg"))
        await pilot.press("escape", "1")
        await wait_for(pilot, lambda: isinstance(app.screen, DocumentViewer))
        await pilot.pause()
        app.save_screenshot(str(DOCS / "viewer.svg"))
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fake", action="store_true")
    parser.add_argument(
        "--question", default="What was the complete renal response with obinutuzumab at week 76?"
    )
    args = parser.parse_args()
    DOCS.mkdir(exist_ok=True)
    ok = asyncio.run(shoot(args.fake, args.question, (120, 40)))
    if not ok and not args.fake:
        print("real assistant unavailable; using the fake one")
        asyncio.run(shoot(True, "obinutuzumab week 76", (120, 40)))
    print("wrote", DOCS / "chat.svg", "and", DOCS / "viewer.svg")


if __name__ == "__main__":
    main()
