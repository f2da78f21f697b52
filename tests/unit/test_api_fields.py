"""An API reference's lines belong to the signature or term over them (signatures.py): a
parameter's line names its function for naming_identifiers, a question naming a parameter of a
named function quotes that parameter's line, and one asking a default quotes the signature
setting it rather than an example call (s22 trial: API parameter questions right 1 in 9)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from citeqa.answering import describing_asked_fields, naming_identifiers
from citeqa.asked_fields import answering_lines, read_question, unasked_fields
from citeqa.candidates import Candidates
from citeqa.identifiers import asked_about, identifiers
from citeqa.questions import QuestionTerms
from citeqa.readers.html import html_visible_text
from citeqa.sentences import ScoredSentence
from citeqa.signatures import (
    field_name,
    is_signature,
    label_over,
    owner,
    owner_name,
    parse_signature,
    sets_default,
)

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


def test_typed_signatures_with_expression_defaults_are_parsed() -> None:
    names = ["host", "port", "user", "timeout", "retries", "ssl", "pool", "echo", "debug"]
    typed = "hydrokit.connect(" + ", ".join(f"{n}: int = 3" for n in names) + ") → Connection"
    assert is_signature(typed) and sets_default(typed, "retries")
    assert not is_signature(typed + " x(")  # a stray parenthesis: no signature
    parsed = parse_signature("summarise(r, window=timedelta(hours=24), sep=', ', bounds=(0, 1))")
    assert parsed is not None and parsed.name == "summarise"
    assert parsed.defaults == {
        "r": None,
        "window": "timedelta(hours=24)",
        "sep": "', '",
        "bounds": "(0, 1)",
    }
    assert sets_default("def f(a: dict[str, int] = None):", "a")
    assert owner_name(".. py:function:: hydro.detect_leaks(readings, window=96)") == "detect_leaks"
    assert owner_name("hydro.flow.detect_leaks(readings: Frame, window: int = 96) → list¶")
    assert field_name(":param float threshold: Fraction over the baseline.") == "threshold"
    assert field_name(":raises ValueError: if window is below 8.") == "ValueError"
    assert field_name(":returns: the leaks.") == ""
    for broken in ("f(a=)", "f(a,,b)", "f(a='x)", "f(a=[1, 2)", "f(,)", "f(a) b"):
        assert not is_signature(broken), broken


SPHINX = (
    '<dl class="py function"><dt class="sig sig-object py" id="hydro.flow.detect_leaks">'
    '<span class="sig-prename descclassname">hydro.flow.</span>'
    '<span class="sig-name descname">detect_leaks</span><span class="sig-paren">(</span>'
    '<em class="sig-param">readings<span class="p">:</span> DataFrame</em>, '
    '<em class="sig-param">threshold<span class="p">:</span> float '
    '<span class="o">=</span> <span class="default_value">0.18</span></em>'
    '<span class="sig-paren">)</span> <span class="sig-return">'
    '<span class="sig-return-icon">&#x2192;</span> <span class="sig-return-typehint">list'
    '</span></span><a class="headerlink" href="#hydro.flow.detect_leaks">¶</a></dt>'
    "<dd><p>Find leaks in night flow.</p>"
    '<dl class="field-list simple"><dt class="field-odd">Parameters<span class="colon">:</span>'
    '</dt><dd class="field-odd"><ul class="simple"><li><p><strong>threshold</strong> '
    "(<em>float</em>) – Fraction by which night flow must exceed the baseline.</p></li>"
    "<li><p><strong>window</strong> (<em>int</em>) – Readings in the baseline.</p></li>"
    "</ul></dd></dl></dd></dl>"
)


def placed_sentences(text: str) -> list[tuple[str, int, str]]:
    """Each non-blank line of `text` a candidate (document text, start, line)."""
    starts = [0] + [n + 1 for n, char in enumerate(text) if char == "\n"]
    return [(text, start, text[start:].split("\n")[0]) for start in starts if text[start] != "\n"]


def test_a_typed_sphinx_signature_owns_its_parameter_lines() -> None:
    text = html_visible_text(SPHINX)[0]
    placed = placed_sentences(text)
    kept = answering_lines(
        read_question(placed, "What does the threshold parameter of detect_leaks do?", frozenset())
    )
    assert [placed[n][2].split(" ")[0] for n in kept] == ["threshold"]


def test_an_rst_directive_signature_owns_its_field_lines() -> None:
    text = (
        ".. py:function:: detect_leaks(readings, threshold: float = 0.18) -> list\n\n"
        "   Find leaks.\n\n   :param window: Readings in the baseline.\n"
        "   :param threshold: Fraction over the baseline."
    )
    placed = [(text, start, line.strip()) for text, start, line in placed_sentences(text)][1:]
    kept = answering_lines(
        read_question(placed, "What does the threshold parameter of detect_leaks do?", frozenset())
    )
    assert [placed[n][2] for n in kept] == [":param threshold: Fraction over the baseline."]


def test_a_default_is_read_from_the_heading_signature_over_the_field() -> None:
    reference = (
        "# hydro API\n\n## detect_leaks(readings, window=96, threshold=0.18)\n\n"
        "Find leaks.\n\nthreshold (float) – Fraction over the baseline.\n\n"
        "## fetch(url, retries=3)\n\nthreshold (float) – Seconds before giving up."
    )
    policy = "The default tariff is 2.10 euros per cubic metre."
    lines = [line for line in placed_sentences(reference) if not line[2].startswith("#")]
    placed = [(policy, 0, policy), *lines]
    kept = answering_lines(read_question(placed, "What is the default threshold?", frozenset()))
    assert [placed[n][2] for n in kept] == ["threshold (float) – Fraction over the baseline."]


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
    """What the filters read of a SentenceBank: each non-blank line of REFERENCE (and of the
    `others` documents, by id) a sentence."""

    def __init__(self, others: dict[str, str] | None = None) -> None:
        texts = {"doc": REFERENCE, **(others or {})}
        self.documents = {doc_id: _Document(doc_id, text) for doc_id, text in texts.items()}
        self.sentences: list[_Span] = []
        for doc_id, text in texts.items():
            start = 0
            for line in text.split("\n"):
                if line.strip():
                    self.sentences.append(_Span(doc_id, start, start + len(line)))
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


def test_an_unasked_field_line_rated_over_its_own_signature_stays() -> None:
    window, signature = BANK.number("window (int)"), BANK.number("hydro.flow.detect_leaks(")
    question = "How many readings must the rolling baseline hold at least?"
    assert _described(question, [window, signature]) == [
        "window",
        "hydro.flow.detect_leaks(readings,",
    ]


def test_an_unasked_field_line_gives_way_to_another_document_s_prose() -> None:
    bank = _Bank({"report": "In 2026 we aim to reach 60,000 connected households."})
    window, aim = bank.number("window (int)"), bank.number("In 2026")
    terms = QuestionTerms(focus="What number of readings do we aim for in 2026?")
    chosen = describing_asked_fields(_candidates([window, aim]), bank, terms)  # type: ignore[arg-type]
    assert [item.index for item in chosen.sentences] == [aim]


def test_a_field_of_a_definition_the_question_never_names_is_no_answer() -> None:
    field = BANK.number("threshold (float)")
    other = BANK.number("Flow analysis.")
    assert _described("What threshold do night flows use?", [other, field]) == ["Flow", "threshold"]


def test_a_default_is_the_signature_s_not_an_example_call() -> None:
    order = [
        BANK.number("events ="),
        BANK.number("hydro.flow.detect_leaks("),
        BANK.number("threshold (float)"),
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


def test_a_signature_after_a_field_label_s_lines_opens_its_own_definition() -> None:
    reference = (
        "fetch(sensor_id, limit=500)\n\nFetch readings.\n\nRaises:\n\n"
        "RateLimitError – when more than 120 requests are made in one minute.\n\n"
        "close()\n\nClose the connection pool."
    )
    placed = placed_sentences(reference)
    kept = answering_lines(
        read_question(placed, "What does SensorClient.fetch raise?", frozenset())
    )
    assert [placed[n][2].split(" ")[0] for n in kept] == ["RateLimitError"]
    assert label_over(reference, reference.index("close()")) == ""
    assert label_over(reference, reference.index("RateLimitError")) == "raises"


def test_a_field_line_answers_no_question_naming_neither_it_nor_its_definition() -> None:
    reference = (
        "hydrokit.units.convert(value, from_unit, to_unit)\n\nConvert a value.\n\n"
        "Parameters:\n\nto_unit (str) – Target unit."
    )
    report = "In 2026 we aim to reach 60,000 connected households."
    placed = [*placed_sentences(reference), (report, 0, report)]
    lines = [text.split(" ")[0] for _, _, text in placed]
    target = "What is the household target for 2026?"

    def unasked(question: str) -> list[int]:
        return unasked_fields(read_question(placed, question, frozenset()))

    assert [lines[n] for n in unasked(target)] == ["to_unit"]
    assert unasked("What is the to_unit of convert?") == []
    assert unasked("Which target does convert take?") == []
    assert unasked("Which parameters does the target take?") == []


DOCTEST = """.. function:: attr.s(these=None, auto_exc=False)

   A class decorator.

   For example:

   .. doctest::

      >>> @attr.s(auto_exc=True)
      ... class Error(Exception):
      ...     x = attr.ib()
      >>> Error("foo")
      Error(x='foo', y=42)
      >>> raise Error("foo")
      Traceback (most recent call last):
         ...
      Error: ('foo', 42)
      >>> raise ValueError("foo", 42)   # for comparison

Error: the dispatcher is overloaded."""


def test_a_doctests_output_line_describes_no_field() -> None:
    placed = [(text, start, line.strip()) for text, start, line in placed_sentences(DOCTEST)]
    kept = answering_lines(read_question(placed, "What does error E503 mean?", frozenset()))
    assert "Error: ('foo', 42)" not in [placed[n][2] for n in kept]


def test_a_field_line_after_a_console_paragraph_still_describes_its_field() -> None:
    text = "$ orbitctl status\nok\n\nDispatcher(code)\n\ncode (str) – what it says when overloaded."
    placed = placed_sentences(text)
    kept = answering_lines(read_question(placed, "What is the code of Dispatcher?", frozenset()))
    assert [placed[n][2] for n in kept] == ["code (str) – what it says when overloaded."]


def test_owner_reads_back_only_the_lines_it_needs() -> None:
    import citeqa.signatures as signatures

    text = (
        "intro\n\n"
        + "prose line\n" * 40
        + "detect_leaks(readings, threshold=0.18)\n\n  Flags leaks.\n"
    )
    start = text.index("Flags")
    back = signatures._lines_back(text, start)
    assert next(back) == "" and next(back) == ""  # the sentence's own line's start, a blank
    assert next(back) == "detect_leaks(readings, threshold=0.18)"  # the rest never cut
    assert owner(text, start, right_under=True) == "detect_leaks(readings, threshold=0.18)"
    whole = text[
        max(0, text.rfind("\n", 0, start) + 1 - signatures.OWNER_READ_BACK) : text.rfind(
            "\n", 0, start
        )
        + 1
    ]
    assert list(signatures._lines_back(text, start)) == [
        line.strip() for line in reversed(whole.split("\n"))
    ]
