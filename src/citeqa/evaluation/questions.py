"""Known-fact question sets: the file format of evals/questions.jsonl, read and checked.

A set is JSON Lines, one question per line (fields in evals/README.md; `span`, `quote_span` and
`match` as in ../shared/benchmarks/README.md). Every line is validated
with pydantic; a bad file raises `EvalSetError` naming the file, the line and what is wrong,
so `citeqa eval --set FILE` can say it in one line. Any corpus can have such a set.
A set is read only when it is a regular file of at most `MAX_SET_BYTES` (jsonfiles.read_regular):
a FIFO given as `--set` hung eval, and /dev/zero or a 1 GB line was read until memory ran out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from citeqa.config import PACKAGE_ROOT
from citeqa.errors import EvalSetError
from citeqa.jsonfiles import json_problem, parse_json, read_regular
from citeqa.language import detect_lang
from citeqa.questions import visible_text

Split = Literal["dev", "test"]

MAX_SET_BYTES = 64 * 1024 * 1024
"""The largest question set read (the largest shipped one is 0.6 MB): a 1 GB line took 9 GB of
memory to read."""


class EvalQuestion(BaseModel):
    """One known-fact question with the document and the answer strings that settle it."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    lang: str = "en"
    """The question's language; detected from its words as `citeqa ask` does when the set
    omits it."""
    doc_id: str | None = None
    """The document that answers; None for an unanswerable question."""
    answers: list[str] = Field(default_factory=list)
    """Accepted answers, each verbatim in the answering passage."""
    passage_lang: str | None = None
    """Language of the answering passage; left out, `evaluate` takes the document's as the
    index records it (runner.with_passage_languages), and `lang_pair` otherwise reads `lang`."""
    kinds: list[str] = Field(default_factory=list)
    follows: str | None = None
    """Id of the question this follow-up leans on (asked first, in the same session)."""
    split: Split = "test"
    answerable: bool | None = None
    """Defaults to: has a doc_id and answers."""
    span: tuple[int, int] | None = None
    """`[start, end)` in the document of the passage that answers (None: anywhere in it)."""
    quote_span: tuple[int, int] | None = None
    """`[start, end)` where an answering quote must lie (`match: span` sets; default `span`)."""
    match: Literal["answer", "span"] = "answer"
    """`answer`: right when a text holds an accepted answer; `span`: when it overlaps the span."""
    source: str | None = None
    """For a generated question, the id of the question it was made from."""

    @model_validator(mode="before")
    @classmethod
    def _detected_lang(cls, data: object) -> object:
        if (
            isinstance(data, dict)
            and data.get("lang") is None
            and isinstance(data.get("question"), str)
        ):
            return {**data, "lang": detect_lang(data["question"])}
        return data

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not visible_text(value):  # as `ask` reads it: U+200E alone once ended a whole run
            raise ValueError("question is blank (white space, format or control characters only)")
        return value

    @field_validator("span", "quote_span")
    @classmethod
    def _span_in_order(cls, value: tuple[int, int] | None) -> tuple[int, int] | None:
        if value is not None and not 0 <= value[0] < value[1]:
            raise ValueError("a span is [start, end) with 0 <= start < end")
        return value

    @field_validator("answers")
    @classmethod
    def _answers_not_blank(cls, value: list[str]) -> list[str]:
        if any(not answer.strip() for answer in value):
            raise ValueError("an accepted answer is blank")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> EvalQuestion:
        has_facts = bool(self.doc_id) and bool(self.answers)
        if self.answerable is None:
            object.__setattr__(self, "answerable", has_facts)
        elif self.answerable and not has_facts:
            raise ValueError("an answerable question needs a doc_id and at least one answer")
        elif not self.answerable and (self.doc_id or self.answers):
            raise ValueError("an unanswerable question must have no doc_id and no answers")
        if self.match == "span" and self.span is None:
            raise ValueError("a question matched by span needs a span")
        return self

    @property
    def is_answerable(self) -> bool:
        return bool(self.answerable)

    @property
    def lang_pair(self) -> str:
        """`question language→passage language`, e.g. `en→fr`; `en→none` when unanswerable."""
        target = self.passage_lang or (self.lang if self.is_answerable else "none")
        return f"{self.lang}→{target}"


def pair_label(pair: str) -> str:
    """A language pair as a reader reads it in eval's tables: an unanswerable question's
    `en→none` (no passage, so no passage language) reads `en→(unanswerable)`; the JSON keeps
    `en→none`, a key other tools read."""
    asked, arrow, target = pair.partition("→")
    return f"{asked}→(unanswerable)" if arrow and target == "none" else pair


def default_set_path() -> Path:
    """evals/questions.jsonl in the working folder, else the one of this source checkout."""
    here = Path.cwd() / "evals" / "questions.jsonl"
    if here.exists():
        return here
    return PACKAGE_ROOT.parent.parent / "evals" / "questions.jsonl"


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read and validate a question set; raise `EvalSetError` on the first problem."""
    try:
        lines = read_regular(path, MAX_SET_BYTES).decode("utf-8-sig").splitlines()  # a BOM goes
    except FileNotFoundError:
        raise EvalSetError(f"question set not found: {path}") from None
    except OSError as err:
        raise EvalSetError(f"cannot read question set {path}: {err.strerror or err}") from None
    except ValueError as err:  # not UTF-8, not a regular file, too large
        raise EvalSetError(f"cannot read question set {path}: {err}") from None
    questions = [_parse_line(path, number, line) for number, line in _numbered(lines)]
    if not questions:
        raise EvalSetError(f"question set {path} holds no question")
    _check_references(path, questions)
    return questions


def _numbered(lines: list[str]) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]


def _parse_line(path: Path, number: int, line: str) -> EvalQuestion:
    """One line → EvalQuestion, or an error naming the file and line."""
    try:
        data = parse_json(line)
    except ValueError as err:  # bad JSON, nested too deeply, or a number too long to read
        reason = json_problem(err) if isinstance(err, json.JSONDecodeError) else str(err)
        raise EvalSetError(f"{path}:{number}: not valid JSON ({reason})") from None
    if not isinstance(data, dict):
        raise EvalSetError(f"{path}:{number}: expected a JSON object, got {type(data).__name__}")
    try:
        return EvalQuestion.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "line"
        message = first["msg"].removeprefix("Value error, ")
        raise EvalSetError(f"{path}:{number}: {where}: {message}") from None


def _check_references(path: Path, questions: list[EvalQuestion]) -> None:
    """Ids are unique; every `follows` names a question of the set; no follow-up cycles."""
    by_id: dict[str, EvalQuestion] = {}
    for question in questions:
        if question.id in by_id:
            raise EvalSetError(f"{path}: duplicate question id {question.id!r}")
        by_id[question.id] = question
    for question in questions:
        if question.follows is not None and question.follows not in by_id:
            raise EvalSetError(
                f"{path}: question {question.id!r} follows {question.follows!r}, "
                "which is not in the set"
            )
        follow_chain(question, by_id, path)


def follow_chain(
    question: EvalQuestion, by_id: dict[str, EvalQuestion], path: Path | None = None
) -> list[EvalQuestion]:
    """The questions to ask before this one, oldest first (empty for a standalone question)."""
    chain: list[EvalQuestion] = []
    seen = {question.id}
    current = question
    while current.follows is not None:
        current = by_id[current.follows]
        if current.id in seen:
            where = f"{path}: " if path else ""
            raise EvalSetError(f"{where}follow-up cycle through question {question.id!r}")
        seen.add(current.id)
        chain.append(current)
    return list(reversed(chain))
