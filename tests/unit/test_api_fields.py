"""An API reference's lines belong to the signature or term over them (signatures.py): a
parameter's line names its function for naming_identifiers, a question naming a parameter of a
named function quotes that parameter's line, and one asking a default quotes the signature
setting it rather than an example call (s22 trial: API parameter questions right 1 in 9)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from citeqa.answering import Candidates, describing_asked_fields, naming_identifiers
from citeqa.identifiers import asked_about, identifiers
from citeqa.questions import QuestionTerms
from citeqa.sentences import ScoredSentence
from citeqa.signatures import field_name, is_signature, owner, owner_name, sets_default

REFERENCE = """# hydro.flow

Flow analysis.

hydro.flow.detect_leaks(readings, window=96, threshold=0.18)

Find periods where night flow stays above its baseline.

Parameters:

window (int) – Number of readings in the rolling baseline; at least 8.

threshold (float) – Fraction by which night flow must exceed the baseline.

Raises:

ValueError – if window is smaller than 8.

## Tutorial

Start with the default threshold of 0.18 and raise it on false alarms.

events = detect_leaks(readings, window=96, threshold=0.25)

HYDRO_CACHE_DIR

Overrides the cache folder."""


def _start(line: str) -> int:
    return REFERENCE.index(line)


def test_a_parameter_line_stands_under_its_signature() -> None:
    assert owner(REFERENCE, _start("threshold (float)")).startswith("hydro.flow.detect_leaks(")
    assert owner(REFERENCE, _start("ValueError –")).startswith("hydro.flow.detect_leaks(")


def test_a_heading_ends_the_definition_and_a_term_owns_its_description() -> None:
    assert owner(REFERENCE, _start("Start with the default")) == ""
    assert owner(REFERENCE, _start("Overrides the cache")) == "HYDRO_CACHE_DIR"


def test_a_field_label_heading_stays_inside_the_definition() -> None:
    text = "### `parse(text, strict=False)`\n\n#### Parameters\n\n- strict – Refuse bad input."
    assert owner(text, text.index("- strict")) == "### `parse(text, strict=False)`"


def test_signatures_fields_and_defaults_are_read_by_their_shape() -> None:
    assert is_signature("class pkg.Client(base_url, token=None, timeout=30)¶")
    assert is_signature("def read(path: str, tz: str = 'UTC') -> Frame:")
    assert not is_signature("events = detect_leaks(readings, window=96)")
    assert not is_signature("Call detect_leaks(readings) on each day.")
    assert owner_name("hydro.flow.detect_leaks(readings)") == "detect_leaks"
    assert field_name("threshold (float) – Fraction by which") == "threshold"
    assert field_name("Find periods where night flow stays high.") == ""
    assert sets_default("f(readings, window=96)", "window")
    assert not sets_default("f(readings, window=96)", "readings")
    assert not sets_default("events = f(readings, window=96)", "window")


@dataclass
class _Span:
    doc_id: str
    start: int
    end: int


@dataclass
class _Document:
    title: str
    text: str


class _Bank:
    """What the filters read of a SentenceBank: each non-blank line of REFERENCE a sentence."""

    def __init__(self) -> None:
        self.documents = {"doc": _Document("hydro.flow", REFERENCE)}
        self.sentences: list[_Span] = []
        start = 0
        for line in REFERENCE.split("\n"):
            if line.strip():
                self.sentences.append(_Span("doc", start, start + len(line)))
            start += len(line) + 1

    def text(self, index: int) -> str:
        span = self.sentences[index]
        return self.documents[span.doc_id].text[span.start : span.end]

    def number(self, line: str) -> int:
        return next(n for n in range(len(self.sentences)) if self.text(n).startswith(line))


BANK = _Bank()


def _candidates(order: list[int]) -> Candidates:
    return Candidates(
        [
            ScoredSentence(
                index=i, score=0.0, semantic=0.0, coverage=0.0, context=0.0, passage_rank=1
            )
            for i in order
        ],
        np.linspace(1.0, 0.5, len(order)),
        np.arange(len(order), dtype=float).reshape(len(order), 1),
    )


def _lines(chosen: Candidates) -> list[str]:
    return [BANK.text(item.index).split(" ")[0] for item in chosen.sentences]


ALL = list(range(len(BANK.sentences)))


def test_a_parameter_line_names_the_function_of_its_signature() -> None:
    question = "What does the threshold parameter of detect_leaks do?"
    chosen = naming_identifiers(_candidates(ALL), BANK, asked_about(identifiers(question)))  # type: ignore[arg-type]
    kept = _lines(chosen)
    assert "threshold" in kept and "window" in kept
    assert "Start" not in kept and "Overrides" not in kept


def _described(question: str, order: list[int]) -> list[str]:
    terms = QuestionTerms(focus=question)
    return _lines(describing_asked_fields(_candidates(order), BANK, terms))  # type: ignore[arg-type]


def test_the_asked_parameter_line_is_quoted_over_the_signature() -> None:
    signature = BANK.number("hydro.flow.detect_leaks(")
    field = BANK.number("threshold (float)")
    assert _described(
        "What does the threshold parameter of detect_leaks do?", [signature, field]
    ) == ["threshold"]
    raised = BANK.number("ValueError")
    assert _described("When does detect_leaks raise ValueError?", [signature, raised]) == [
        "ValueError"
    ]


def test_a_field_of_a_definition_the_question_never_names_is_no_answer() -> None:
    field = BANK.number("threshold (float)")
    other = BANK.number("Flow analysis.")
    assert _described("What threshold do night flows use?", [other, field]) == ["Flow", "threshold"]


def test_a_default_is_the_signature_s_not_an_example_call() -> None:
    order = [
        BANK.number("events ="),
        BANK.number("hydro.flow.detect_leaks("),
        BANK.number("Start with"),
    ]
    kept = _described("What is the default threshold of detect_leaks?", order)
    assert kept == ["hydro.flow.detect_leaks(readings,", "Start"]


def test_what_a_function_does_is_the_line_right_under_its_signature() -> None:
    call = BANK.number("events =")
    lead = BANK.number("Find periods")
    field = BANK.number("window (int)")
    assert _described("What does detect_leaks do?", [call, field, lead]) == ["Find"]
    assert _described("What does detect_leaks do on weekends?", [call, lead]) == ["events", "Find"]


def test_a_field_is_asked_by_its_name_or_a_short_ending_of_it() -> None:
    returns = BANK.number("Raises:")
    raised = BANK.number("ValueError")
    assert _described("Which ValueErr does detect_leaks raise?", [returns, raised]) == [
        "ValueError"
    ]
    kept = _described("Which Value does detect_leaks give?", [returns, raised])
    assert kept == ["Raises:", "ValueError"]  # "Value" is five letters short: no field


def test_a_field_label_asked_keeps_the_lines_under_it() -> None:
    signature = BANK.number("hydro.flow.detect_leaks(")
    raised = BANK.number("ValueError")
    field = BANK.number("window (int)")
    assert _described("What does detect_leaks raise?", [signature, field, raised]) == ["ValueError"]
    assert _described("What does parse raise?", [signature, field, raised]) == [
        "hydro.flow.detect_leaks(readings,",
        "window",
        "ValueError",
    ]


def test_a_dotted_name_asks_about_its_last_part() -> None:
    raised = BANK.number("ValueError")
    field = BANK.number("window (int)")
    assert _described("What does flow.detect_leaks raise?", [field, raised]) == ["ValueError"]
    assert _described("What does detect_leaks.flow raise?", [field, raised]) == [
        "window",
        "ValueError",
    ]


def test_a_follow_up_names_a_definition_by_the_stems_of_its_context() -> None:
    raised = BANK.number("ValueError")
    field = BANK.number("window (int)")
    terms = QuestionTerms(focus="and what does it raise?")
    terms.terms = [(frozenset({"detect"}), 1.0), (frozenset({"leak"}), 1.0)]
    kept = describing_asked_fields(_candidates([field, raised]), BANK, terms)  # type: ignore[arg-type]
    assert _lines(kept) == ["ValueError"]
    terms.terms = [(frozenset({"detect"}), 1.0)]  # "leaks" opens with no stem: not named
    kept = describing_asked_fields(_candidates([field, raised]), BANK, terms)  # type: ignore[arg-type]
    assert _lines(kept) == ["window", "ValueError"]
