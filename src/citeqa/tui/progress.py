"""One progress figure for the whole of opening the assistant, which never goes backwards.

The core reports progress per stage ("reading", "chunking", "embedding use", "embedding
sentences", "lexical", "writing", "loading models"), each counting from 0 to its own total,
so a bar fed stage by stage restarts (60 % -> 100 % -> 18 %). `StageProgress` places each stage
in the plan of a build, weighs it by its usual share of the time, and reports the fraction done
so far, never less than before, with a label naming the step ("3/7 embedding use 40/106").
Opening an index that exists only reports "loading models": the plan then starts there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CHANNEL = "embedding *"
"""The plan's slot for each vector channel's embedding stage ("embedding use", ...)."""

BUILD_PLAN: tuple[tuple[str, float], ...] = (
    ("reading", 1.0),
    ("chunking", 45.0),  # then the wait for the embedding model, which loads meanwhile
    (CHANNEL, 15.0),
    ("embedding sentences", 33.0),
    ("lexical", 2.0),
    ("writing", 2.0),
    ("loading models", 2.0),
)
"""Stages of a first run, in order, with their share of the time, in percent (measured on the
bundled corpus, 2 busy cores, the model loading in the background from the start: reading and
chunking 0.2 s then 2.1 s until the model is ready, embedding use 0.7 s, embedding sentences
1.4 s, the rest 0.3 s). A stage the plan does not know weighs `UNKNOWN_WEIGHT`."""

UNKNOWN_WEIGHT = 2.0


def _slot(stage: str) -> str:
    known = {name for name, _ in BUILD_PLAN}
    return CHANNEL if stage not in known and stage.startswith("embedding ") else stage


@dataclass
class StageProgress:
    """Folds per-stage progress reports into one fraction that only grows."""

    seen: list[str] = field(default_factory=list)
    """Stages reported so far, in order (each channel's embedding stage by its own name)."""
    fraction: float = 0.0
    stage: str = ""
    done: int = 0
    total: int = 0

    def update(self, stage: str, done: int, total: int) -> float:
        """Record one report; the overall fraction done (0..1), never below the last one."""
        if stage not in self.seen:
            self.seen.append(stage)
        self.stage, self.done, self.total = stage, done, total
        plan = self._plan()
        index = next(i for i, (name, _) in enumerate(plan) if name == stage)
        before = sum(weight for _, weight in plan[:index])
        share = min(max(done / total, 0.0), 1.0) if total > 0 else 0.0
        whole = sum(weight for _, weight in plan)
        self.fraction = max(self.fraction, (before + plan[index][1] * share) / whole)
        return self.fraction

    def _plan(self) -> list[tuple[str, float]]:
        """The stages expected, from the first one reported on, with real channel names."""
        channels = [s for s in self.seen if _slot(s) == CHANNEL] or [CHANNEL]
        plan: list[tuple[str, float]] = []
        for name, weight in BUILD_PLAN:
            plan += [(c, weight) for c in channels] if name == CHANNEL else [(name, weight)]
        names = [name for name, _ in plan]
        for stage in self.seen:  # stages the plan does not know go where they were reported
            if stage not in names:
                position = self.seen.index(stage)
                at = names.index(self.seen[position - 1]) + 1 if position else 0
                plan.insert(at, (stage, UNKNOWN_WEIGHT))
                names.insert(at, stage)
        first = names.index(self.seen[0]) if self.seen else 0
        return plan[first:]

    @property
    def step(self) -> tuple[int, int]:
        """(number of the current step, number of steps), both from 1."""
        names = [name for name, _ in self._plan()]
        return (names.index(self.stage) + 1 if self.stage in names else 0), len(names)

    @property
    def label(self) -> str:
        """ "3/7 embedding use 40/106": the step of the plan, then the stage's own count."""
        number, steps = self.step
        count = f" {self.done}/{self.total}" if self.total > 1 else ""
        return f"{number}/{steps} {self.stage}{count}"
