"""Print how long the chat takes to paint its first screen and to have its models ready.

Runs the real app headless (`App.run_test`) with the real assistant on the bundled corpus
(or --corpus/--index). Figures: importing the TUI, launch → first paint (Textual's Ready
event), launch → `AssistantReady`, and the first answer. With --at-launch the question is typed
as soon as the screen is painted (as a new user does while the first run builds the index; it
waits in the queue) and the figure is launch → first answer. Not a test; run it by hand:

    python benchmarks/tui_startup.py [--question "..."] [--corpus DIR] [--index DIR] [--at-launch]
"""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
from functools import partial  # noqa: E402
from inspect import signature  # noqa: E402
from pathlib import Path  # noqa: E402


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.0f} ms"


async def measure(
    question: str, corpus: Path | None, index: Path | None, at_launch: bool = False
) -> dict[str, float]:
    """Run the app headless and return the moments (seconds since START) of each milestone."""
    from citeqa.cli.chat_cmd import _open, _update
    from citeqa.config import Settings
    from citeqa.tui.app import CiteqaApp
    from citeqa.tui.messages import AnswerReady, AssistantFailed, AssistantReady

    imported = time.perf_counter() - START
    overrides = {k: v for k, v in (("corpus_dir", corpus), ("index_dir", index)) if v}
    settings = Settings().model_copy(update=overrides)
    moments: dict[str, float] = {"import": imported}

    class TimedApp(CiteqaApp):
        def on_ready(self) -> None:
            moments.setdefault("paint", time.perf_counter() - START)

        def on_assistant_ready(self, message: AssistantReady) -> None:
            moments.setdefault("ready", time.perf_counter() - START)

        def on_assistant_failed(self, message: AssistantFailed) -> None:
            moments["failed"] = time.perf_counter() - START
            print("load failed:", message.problem.error)

        def on_answer_ready(self, message: AnswerReady) -> None:
            moments.setdefault("answer", time.perf_counter() - START)
            moments.setdefault("cpu", time.process_time())

    launched = time.perf_counter()
    moments["launch"] = launched - START
    extra = (
        {"corpus_dir": settings.corpus_dir}
        if "corpus_dir" in signature(CiteqaApp).parameters
        else {}
    )
    app = TimedApp(partial(_open, settings), partial(_update, settings), **extra)
    async with app.run_test(size=(120, 40)) as pilot:
        if at_launch and question:
            app.query_one("#question").value = question  # type: ignore[attr-defined]
            moments["asked"] = time.perf_counter() - START
            await pilot.press("enter")
            while "answer" not in moments and "failed" not in moments and not app.query(".error"):
                await pilot.pause(0.01)
            return moments
        while "ready" not in moments and "failed" not in moments:
            await pilot.pause(0.01)
        if "ready" in moments and question:
            app.query_one("#question").value = question  # type: ignore[attr-defined]
            moments["asked"] = time.perf_counter() - START
            await pilot.press("enter")
            while "answer" not in moments and not app.query(".error"):
                await pilot.pause(0.01)
    return moments


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--question", default="obinutuzumab week 76")
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--index", type=Path)
    parser.add_argument("--at-launch", action="store_true", help="ask before the models load")
    args = parser.parse_args()
    m = asyncio.run(measure(args.question, args.corpus, args.index, args.at_launch))
    launch = m["launch"]
    print(f"import citeqa.tui          {_ms(m['import'])}")
    print(f"launch → first paint       {_ms(m['paint'] - launch)}")
    if "ready" in m:
        print(f"launch → models ready      {_ms(m['ready'] - launch)}")
    if "answer" in m and args.at_launch:
        print(f"launch → first answer      {_ms(m['answer'] - launch)}")
        print(f"CPU (all threads) by then  {_ms(m['cpu'])}")
    elif "answer" in m:
        print(f"first question → answer    {_ms(m['answer'] - m['asked'])}")
    print(f"process start → first paint{_ms(m['paint'])}")


if __name__ == "__main__":
    main()
