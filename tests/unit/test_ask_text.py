"""`citeqa ask`'s text output: readable quotes, no line breaks added when piped, no "X · X",
labels in the language the answer was worded in."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from typer.testing import CliRunner

from answer_contract import ANSWER_KEYS
from citeqa.abstention import NOTHING_TO_SEARCH
from citeqa.answering import compose
from citeqa.caution import low_confidence
from citeqa.cli import ask_cmd, chat_cmd, eval_cmd, index_cmds  # noqa: F401  (registration)
from citeqa.cli.app import app
from citeqa.cli.ask_cmd import print_answer
from citeqa.config import Settings
from citeqa.models import Answer, Citation, Passage, Retrieval, TableHeader
from citeqa.questions import QuestionTerms
from citeqa.sentences import QuestionScores, SentenceBank

SLIDE = "Réponse BICLA à S52\n\n56,2 %\n\np=0,0002\n\n37,1 %\n\nAnifrolumab\n\nPlacebo"
CAUTION = Settings().caution_below
PROSE = "A complete renal response at week 76 was observed in 46.4% of the patients " * 3


def _answer(*quotes: tuple[str, str | None]) -> Answer:
    citations = [
        Citation(
            n=n,
            doc_id="slides",
            title="Slides on lupus",
            path="slides.txt",
            start=10 * n,
            end=10 * n + len(quote),
            quote=quote,
            section=section,
            score=0.8,
        )
        for n, (quote, section) in enumerate(quotes, 1)
    ]
    return Answer(question="q", abstained=False, confidence=0.76, answer="a", citations=citations)


def test_slide_quote_is_laid_out_and_sources_do_not_repeat_the_title(
    capsys: pytest.CaptureFixture[str],
) -> None:
    print_answer(_answer((SLIDE, "Slides on lupus"), (PROSE.strip(), "RESULTS")), CAUTION)
    out = capsys.readouterr().out
    assert "“Réponse BICLA à S52  56,2 % · p=0,0002 · 37,1 %\n Anifrolumab · Placebo” [1]" in out
    assert "[1] Slides on lupus, slides chars 10-" in out
    assert "Slides on lupus · Slides on lupus" not in out
    assert "[2] Slides on lupus · RESULTS, slides chars 20-" in out


def test_piped_output_never_breaks_a_quote_line(capsys: pytest.CaptureFixture[str]) -> None:
    print_answer(_answer((PROSE.strip(), None)), CAUTION)
    out = capsys.readouterr().out
    assert f"“{PROSE.strip()}” [1]\n" in out


def test_the_labels_follow_the_language_the_answer_was_composed_in(
    capsys: pytest.CaptureFixture[str],
) -> None:
    french = _answer((PROSE.strip(), None)).model_copy(
        update={"question": "What was the renal response?", "lang": "fr"}
    )
    print_answer(french, CAUTION)
    out = capsys.readouterr().out
    assert "confiance 0.76" in out and "Sources :" in out and "slides caractères 10-" in out
    assert "confidence" not in out and "chars" not in out
    english = french.model_copy(  # a French-looking question the answer was worded in English
        update={"question": "Quelle est la réponse rénale complète ?", "lang": "en"}
    )
    print_answer(english, CAUTION)
    out = capsys.readouterr().out
    assert "confidence 0.76" in out and "Sources:" in out and "slides chars 10-" in out


def test_an_abstention_shows_its_reason_and_passages_but_no_bare_confidence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The confidence of a quote it did not give reads like a half-answer; --json keeps it."""
    passage = Passage(rank=1, doc_id="slides", title="Slides on lupus", path="slides.txt",
                      start=0, end=20, text=SLIDE, lang="fr", score=0.4)  # fmt: skip
    for lang, label in [("en", "Closest passages:"), ("fr", "Passages les plus proches :")]:
        abstained = Answer(
            question="q", abstained=True, confidence=0.35, lang=lang, passages=[passage],
            answer="The documents do not appear to answer.",
        )  # fmt: skip
        print_answer(abstained, CAUTION)
        out = capsys.readouterr().out
        assert "The documents do not appear to answer." in out and label in out
        assert "0.35" not in out and "confiden" not in out and "confiance" not in out
        assert abstained.model_dump()["confidence"] == 0.35


def test_an_answer_carries_its_language_outside_the_json() -> None:
    """compose words the answer in retrieval's query language and says which, for the labels;
    the public JSON keys stay as they were."""
    question = "Pourquoi ?"
    retrieval = Retrieval(question=question, query_lang="fr", hits=[])
    terms = QuestionTerms(focus=question)
    bank = cast(SentenceBank, None)  # nothing to search: no passage is read
    scores = QuestionScores(bank, terms, None)
    answer = compose(question, retrieval, scores, Settings(), None, None)
    assert answer.abstained and answer.lang == "fr" and answer.reason == NOTHING_TO_SEARCH["fr"]
    english = compose(
        question, retrieval.model_copy(update={"query_lang": "en"}), scores, Settings(), None, None
    )
    assert english.lang == "en" and english.reason == NOTHING_TO_SEARCH["en"]
    assert "lang" not in answer.model_dump() and '"lang"' not in answer.model_dump_json()


def test_a_table_row_is_printed_under_its_header_row(capsys: pytest.CaptureFixture[str]) -> None:
    row = "| `--min-size SIZE` | `1k` | Ignore files smaller than SIZE. |"
    header = TableHeader(start=0, end=34, text="| Option | Default | Description |")
    answer = _answer((row, "Options"))
    cited = answer.citations[0].model_copy(update={"header": header})
    print_answer(answer.model_copy(update={"citations": [cited]}), CAUTION)
    out = capsys.readouterr().out
    assert f" {header.text}\n“{row}” [1]" in out


def test_a_low_confidence_answer_says_it_is_more_often_wrong_than_right(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A wrong quote at "confidence 0.39" looked like a .9 answer; the confidence is
    calibrated, so below the setting (0.5) the readable answer says so, in the answer's
    language. At the setting and above, and with the setting at 0, it says nothing more."""
    answer = _answer((PROSE.strip(), None))
    for confidence, said in [(0.39, True), (CAUTION - 0.01, True), (CAUTION, False), (0.9, False)]:
        print_answer(answer.model_copy(update={"confidence": confidence}), CAUTION)
        out = " ".join(capsys.readouterr().out.split())
        assert ("answers are more often wrong than right" in out) is said, confidence
        assert ("Check the quote in its source" in out) is said
    print_answer(answer.model_copy(update={"confidence": 0.39, "lang": "fr"}), CAUTION)
    out = " ".join(capsys.readouterr().out.split())
    assert "plus souvent fausses que justes" in out and "more often wrong" not in out
    print_answer(answer.model_copy(update={"confidence": 0.39}), 0.0)
    assert "more often wrong" not in capsys.readouterr().out


def test_the_answer_json_of_a_low_confidence_answer_is_the_contracts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The caution is for a person: `ask --json` of a 0.39 answer has the contract's keys and
    none more, and says nothing of it (a program reads `confidence`)."""
    answer = _answer((PROSE.strip(), None)).model_copy(update={"confidence": 0.39})
    asked: list[str] = []

    def ask(question: str, k: int | None = None) -> Answer:
        asked.append(question)
        return answer

    assistant = SimpleNamespace(ask=ask)
    monkeypatch.setattr(ask_cmd, "open_for_questions", lambda *args, **kwargs: assistant)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["ask", "Who?", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert asked == ["Who?"] and data["confidence"] == 0.39
    assert list(data) == ANSWER_KEYS
    assert "more often wrong" not in result.stdout and "Low confidence" not in result.stdout


@pytest.mark.parametrize(
    ("confidence", "shown", "cautioned"),
    [(0.499, "0.50", False), (0.495, "0.49", True), (0.5, "0.50", False), (0.49, "0.49", True)],
)
def test_the_caution_follows_the_confidence_as_shown(
    capsys: pytest.CaptureFixture[str], confidence: float, shown: str, cautioned: bool
) -> None:
    """At 0.499 the answer read "confidence 0.50" and then "more often wrong than right": the
    caution compares the confidence as the screen shows it (two decimals), not the raw value."""
    answer = _answer((PROSE.strip(), None)).model_copy(update={"confidence": confidence})
    print_answer(answer, CAUTION)
    out = " ".join(capsys.readouterr().out.split())
    assert f"confidence {shown}" in out
    assert ("more often wrong than right" in out) is cautioned
    assert (low_confidence(answer, CAUTION) is not None) is cautioned


def test_the_caution_threshold_is_a_setting_of_at_most_one_half() -> None:
    """Above 0.5 "more often wrong than right" would be false."""
    assert Settings().caution_below == 0.5
    assert Settings(caution_below=0.3).caution_below == 0.3
    with pytest.raises(ValueError):
        Settings(caution_below=0.6)


def test_a_quote_of_another_document_saying_otherwise_follows_its_label(
    capsys: pytest.CaptureFixture[str],
) -> None:
    answer = _answer(
        ("Le loyer est de 48 000 euros.", None), ("Le loyer est de 52 800 euros.", None)
    )
    other = answer.citations[1].model_copy(update={"otherwise": True})
    french = answer.model_copy(update={"citations": [answer.citations[0], other], "lang": "fr"})
    print_answer(french, CAUTION)
    out = capsys.readouterr().out
    assert (
        out.index("48 000") < out.index("Un autre document dit autre chose :") < out.index("52 800")
    )
    print_answer(answer, CAUTION)  # no citation says otherwise: no label
    assert "autre chose" not in capsys.readouterr().out
