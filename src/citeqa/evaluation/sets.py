"""The evaluation sets across corpora: which (corpus, question set) pairs exist, loaded by name.

evals/sets/sets.json (written by evals/tools/make_sets.py) lists every set: its name, its kind
(`answerable`, `off-topic`, `near-miss`, `content-free`), its corpus folder and its question
file, both relative to the registry's folder, whether `--sets all` runs it (`in_all`: a set
kept apart from the macro averages compared across sessions says false; it runs when named),
and whether its quick subset is the whole set (`quick_whole`: a corpus cheap enough to run
whole in CI, whose questions lean on the rest of it).
`load_sets` returns `EvalSet`s (name, corpus_dir, questions), each question set cut to the split
asked for; `chosen` is the one reading of names (or `all`) as sets. A bad registry or set raises
`EvalSetError` naming the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol, TypeVar

from pydantic import BaseModel

from citeqa.config import PACKAGE_ROOT
from citeqa.evaluation.questions import (
    MAX_SET_BYTES,
    EvalQuestion,
    EvalSetError,
    load_questions,
)
from citeqa.jsonfiles import parse_json, read_regular
from citeqa.paths import real_path

SetKind = Literal["answerable", "off-topic", "near-miss", "content-free"]
SplitChoice = Literal["dev", "test", "all"]


class SetEntry(BaseModel):
    """One line of the registry."""

    name: str
    kind: SetKind
    corpus: str
    questions: str
    in_all: bool = True
    """Whether `all` (no names) runs it; a set apart runs when named."""
    quick_whole: bool = False
    """Whether `--quick` (and the CI floors) run it whole: every document, every question."""


class Registry(BaseModel):
    sets: list[SetEntry]


@dataclass(frozen=True, kw_only=True)
class EvalSet:
    """A question set and the corpus it is asked of (built by name: eight fields, four of them
    paths or lists a position would mix up)."""

    name: str
    kind: str
    corpus_dir: Path
    questions: list[EvalQuestion]
    questions_path: Path
    split: str = "all"
    in_all: bool = True
    """Whether `all` runs it (its registry entry's `in_all`)."""
    quick_whole: bool = False
    """Whether its quick subset is the whole set (its registry entry's `quick_whole`)."""


class _Registered(Protocol):
    """A registry entry or a set loaded from one: its name and whether `all` runs it."""

    @property
    def name(self) -> str: ...

    @property
    def in_all(self) -> bool: ...


Registered = TypeVar("Registered", bound=_Registered)


def default_registry() -> Path:
    """evals/sets/sets.json in the working folder, else the one of this source checkout."""
    here = Path.cwd() / "evals" / "sets" / "sets.json"
    if here.exists():
        return here
    return PACKAGE_ROOT.parent.parent / "evals" / "sets" / "sets.json"


def read_registry(path: Path | None = None) -> list[SetEntry]:
    """The registry's entries, validated."""
    path = path or default_registry()
    try:
        data = parse_json(read_regular(path, MAX_SET_BYTES))
        return Registry.model_validate(data).sets
    except FileNotFoundError:
        raise EvalSetError(f"set registry not found: {path}") from None
    except (OSError, ValueError) as err:  # ValidationError is a ValueError
        first = str(err).splitlines()[0]
        raise EvalSetError(f"set registry {path} is not valid: {first}") from None


def set_names(path: Path | None = None, *, every: bool = False) -> list[str]:
    """The names `all` runs, in registry order; with `every`, the sets apart too."""
    return [entry.name for entry in chosen(read_registry(path), None, every=every)]


def load_sets(
    names: list[str] | None = None,
    split: SplitChoice = "all",
    registry: Path | None = None,
    *,
    every: bool = False,
) -> list[EvalSet]:
    """The named sets (when None, those `all` runs: not the sets apart; with `every`, all),
    each cut to `split`; unknown names raise EvalSetError."""
    path = registry or default_registry()
    entries = chosen(read_registry(path), names, every=every)
    return [_load(entry, path.parent, split) for entry in entries]


def chosen(
    registered: Sequence[Registered], names: list[str] | None, *, every: bool = False
) -> list[Registered]:
    """Of `registered` (in registry order), those named, in the order named (an unknown name
    raises EvalSetError); when `names` is None or empty, those `all` runs (not the sets kept
    apart, `in_all` false), or every one with `every`."""
    if not names:
        return [item for item in registered if every or item.in_all]
    by_name = {item.name: item for item in registered}
    check_known(names, list(by_name))
    return [by_name[name] for name in names]


def named_sets(text: str, registry: Path | None = None) -> list[str] | None:
    """`--sets`'s value as set names: None for "all" (every set); EvalSetError when it names
    none (empty, or commas only). Unknown names are refused where the sets are loaded."""
    if text.strip() == "all":
        return None
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        known = ", ".join(set_names(registry or default_registry(), every=True))
        raise EvalSetError(f"--sets names no set: give names, comma-separated, or 'all' ({known})")
    return names


def check_known(names: list[str], known: list[str]) -> None:
    """EvalSetError naming the unknown ones when some of `names` are not in `known`."""
    unknown = [name for name in names if name not in known]
    if unknown:
        raise EvalSetError(f"unknown set {', '.join(unknown)} (known: {', '.join(known)})")


def _load(entry: SetEntry, base: Path, split: SplitChoice) -> EvalSet:
    corpus_dir = real_path(base / entry.corpus)
    if not corpus_dir.is_dir():
        raise EvalSetError(f"set {entry.name}: corpus folder not found: {corpus_dir}")
    questions_path = real_path(base / entry.questions)
    questions = load_questions(questions_path)
    selected = [q for q in questions if split == "all" or q.split == split]
    return EvalSet(
        name=entry.name,
        kind=entry.kind,
        corpus_dir=corpus_dir,
        questions=selected,
        questions_path=questions_path,
        split=split,
        in_all=entry.in_all,
        quick_whole=entry.quick_whole,
    )
