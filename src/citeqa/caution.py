"""The caution an answer shown to a person carries when its confidence is low, in the answer's
language (`Answer.lang`, as abstention.py words its reasons).

The confidence is calibrated (evals/README.md: the reliability table of `citeqa eval`): an
answer at .4 is right about 40 % of the time. Shown as "confidence 0.39" beside its quote, a
wrong answer looked like any other; below `Settings.caution_below` (0.5: more often wrong than
right), the CLI's readable answer and the chat say so. The answer JSON is unchanged: a program
reads `confidence` itself. The caution compares the confidence as it is shown (`shown_confidence`,
which every screen and export uses): at 0.499, shown "0.50", no answer is called more often wrong
than right.
"""

from __future__ import annotations

from citeqa.models import Answer

LOW_CONFIDENCE = {
    "en": "Low confidence: at this confidence, answers are more often wrong than right."
    " Check the quote in its source before relying on it.",
    "fr": "Confiance faible : à ce niveau de confiance, les réponses sont plus souvent fausses"
    " que justes. Vérifiez la citation dans sa source avant de vous y fier.",
}


def shown_confidence(confidence: float) -> str:
    """A confidence as a person reads it: two decimals ("0.50" for 0.499)."""
    return f"{confidence:.2f}"


def low_confidence(answer: Answer, below: float) -> str | None:
    """The caution `answer` is shown with when it quotes something at a confidence, as shown
    (`shown_confidence`), under `below`; None otherwise (an abstention quotes nothing: its
    confidence is not shown)."""
    if answer.abstained or float(shown_confidence(answer.confidence)) >= below:
        return None
    return LOW_CONFIDENCE.get(answer.lang, LOW_CONFIDENCE["en"])
