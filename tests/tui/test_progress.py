"""First-run progress: one bar with labelled steps that never goes backwards."""

from __future__ import annotations

from tui_helpers import FakeAssistant, FakeFactory, run, settle

from citeqa.tui.progress import StageProgress
from citeqa.tui.widgets.status import StatusLine

BUILD = [
    ("reading", 0, 1),
    ("reading", 1, 1),
    *[("chunking", n, 5) for n in range(6)],
    *[("embedding use", n, 106) for n in range(0, 107, 20)],
    ("embedding use", 106, 106),
    *[("embedding sentences", n, 712) for n in range(0, 713, 100)],
    ("embedding sentences", 712, 712),
    ("lexical", 0, 1),
    ("lexical", 1, 1),
    ("writing", 0, 1),
    ("writing", 1, 1),
    ("loading models", 0, 1),
    ("loading models", 1, 1),
]


def test_a_build_never_goes_backwards_and_ends_full() -> None:
    stages = StageProgress()
    fractions = [stages.update(*report) for report in BUILD]
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0 and fractions[-1] == 1.0


def test_labels_name_the_step_of_the_plan() -> None:
    stages = StageProgress()
    stages.update("reading", 0, 1)
    assert stages.label == "1/7 reading"
    stages.update("embedding use", 40, 106)
    assert stages.label == "3/7 embedding use 40/106"
    stages.update("embedding minilm", 0, 106)  # a second channel is one more step
    assert stages.step == (4, 8)


def test_opening_an_existing_index_is_one_step() -> None:
    stages = StageProgress()
    assert stages.update("loading models", 0, 1) == 0.0
    assert stages.label == "1/1 loading models"
    assert stages.update("loading models", 1, 1) == 1.0


def test_an_unknown_stage_takes_its_place_without_going_back() -> None:
    stages = StageProgress()
    stages.update("reading", 1, 1)
    before = stages.update("chunking", 5, 5)
    assert stages.update("ocr", 0, 3) >= before
    assert stages.step == (3, 8)


def test_a_stage_that_repeats_does_not_pull_the_bar_back() -> None:
    stages = StageProgress()
    stages.update("embedding use", 100, 106)
    high = stages.fraction
    assert stages.update("embedding use", 0, 106) == high


class BuildingFactory(FakeFactory):
    """Reports a whole first-run build before opening the fake assistant."""

    def __call__(self, progress):  # type: ignore[no-untyped-def]
        for report in BUILD:
            progress(*report)
        return FakeAssistant()


def test_the_status_line_bar_only_grows_and_says_the_step(make_app):
    async def body():
        app = make_app(BuildingFactory())
        percents: list[float] = []
        texts: list[str] = []
        original = app.show_progress

        def spy(stage: str, done: int, total: int) -> None:
            original(stage, done, total)
            line = app.query_one(StatusLine)
            percents.append(line.percent)
            texts.append(line.text)

        app.show_progress = spy  # type: ignore[method-assign]
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
        assert percents and percents == sorted(percents)
        assert any(t.startswith("Indexing · 3/7 embedding use") for t in texts)
        assert texts[-1].startswith("Indexing · 7/7 loading models")

    run(body())
