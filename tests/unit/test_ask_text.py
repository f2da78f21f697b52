"""`citeqa ask`'s text output: readable quotes, no line breaks added when piped, no "X · X"."""

from __future__ import annotations

import pytest

from citeqa.cli.ask_cmd import print_answer
from citeqa.models import Answer, Citation

SLIDE = "Réponse BICLA à S52\n\n56,2 %\n\np=0,0002\n\n37,1 %\n\nAnifrolumab\n\nPlacebo"
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
    print_answer(_answer((SLIDE, "Slides on lupus"), (PROSE.strip(), "RESULTS")))
    out = capsys.readouterr().out
    assert "“Réponse BICLA à S52  56,2 % · p=0,0002 · 37,1 %\n Anifrolumab · Placebo” [1]" in out
    assert "[1] Slides on lupus, slides chars 10-" in out
    assert "Slides on lupus · Slides on lupus" not in out
    assert "[2] Slides on lupus · RESULTS, slides chars 20-" in out


def test_piped_output_never_breaks_a_quote_line(capsys: pytest.CaptureFixture[str]) -> None:
    print_answer(_answer((PROSE.strip(), None)))
    out = capsys.readouterr().out
    assert f"“{PROSE.strip()}” [1]\n" in out


def test_the_labels_follow_the_question_language(capsys: pytest.CaptureFixture[str]) -> None:
    french = _answer((PROSE.strip(), None)).model_copy(
        update={"question": "Quelle est la réponse rénale complète à la semaine 76 ?"}
    )
    print_answer(french)
    out = capsys.readouterr().out
    assert "confiance 0.76" in out and "Sources :" in out and "slides caractères 10-" in out
    assert "confidence" not in out and "chars" not in out
    abstained = french.model_copy(update={"abstained": True, "citations": [], "answer": "Non."})
    print_answer(abstained.model_copy(update={"passages": []}))
    assert "confiance 0.76" in capsys.readouterr().out
    print_answer(_answer((PROSE.strip(), None)))  # an English question: English labels
    out = capsys.readouterr().out
    assert "confidence 0.76" in out and "Sources:" in out and "slides chars 10-" in out
