"""The labels around an answer shown to a person, in the language its words were composed in
(`Answer.lang`, the one abstention.py words its reasons in and caution.py its caution).

`citeqa ask`'s readable answer, the chat's answer view, its Markdown export and its copied
answer all take them from here, so that a French answer reads "confiance" beside its French
low-confidence caution wherever it is shown (the chat and its export said "Confidence" there
while the CLI said "confiance"). The rest of the chat (its keys, status line, headings) is the
application's own text and stays English; the answer JSON's keys stay English too.
"""

from __future__ import annotations

from collections.abc import Callable

from citeqa.caution import shown_confidence
from citeqa.models import UNDATED, Answer, Citation
from citeqa.readable import quote_line

ANSWER_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "confidence": "confidence",
        "sources": "Sources:",
        "closest": "Closest passages:",
        "chars": "chars",
        "characters": "characters",
        "citations": "Citations:",
        "colon": ":",
        "otherwise": "Another document says otherwise:",
        "archived": "An earlier edition, kept in {folder}/, says otherwise:",
        "later": "Later ({date}, after the quoted {after}), another document says:",
        "later_undated": "Dated {date} (the quoted document is undated), another document says:",
        "earlier": "Earlier ({date}, before the quoted {before}), another document said:",
    },
    "fr": {
        "confidence": "confiance",
        "sources": "Sources :",
        "closest": "Passages les plus proches :",
        "chars": "caractères",
        "characters": "caractères",
        "citations": "Citations :",
        "colon": " :",
        "otherwise": "Un autre document dit autre chose :",
        "archived": "Une édition antérieure, rangée dans {folder}/, dit autre chose :",
        "later": "Plus tard ({date}, après le {after} cité), un autre document dit :",
        "later_undated": (
            "Daté du {date} (le document cité n'est pas daté), un autre document dit :"
        ),
        "earlier": "Plus tôt ({date}, avant le {before} cité), un autre document disait :",
    },
}
"""Each language's labels: `chars` in `citeqa ask`'s source lines, `characters` in the export's
and the copied answer's; `colon` as the language sets it after a label (French: a space
before); `otherwise` before a quote of another document that states the quoted thing with
another value (Citation.otherwise), `archived` before one kept in an archive folder, `{folder}`
its folder (Citation.archived); `later` before a quote of a later-dated document on the
quoted subject, `{date}` its date (Citation.later), `{after}` the quoted documents'
(Citation.after); `earlier` before a quote the answer first chose, moved after a later
document's statement that it quotes first, `{date}` its date (Citation.earlier), `{before}`
the later one's (Citation.before)."""


def answer_labels(lang: str) -> dict[str, str]:
    """The labels of an answer composed in `lang` (English for any other)."""
    return ANSWER_LABELS.get(lang, ANSWER_LABELS["en"])


def otherwise_label(citation: Citation, lang: str) -> str | None:
    """The line shown before a citation quoting a repeating event's line, the day computed
    from its rule (Citation.occurrence), one quoting another document that says otherwise
    (Citation.otherwise), a later-dated one on the quoted subject (Citation.later, its date
    in the label) or an earlier-dated one the answer moved after it (Citation.earlier), in
    `lang`; None before any other citation."""
    labels = answer_labels(lang)
    if citation.occurrence is not None:
        # imported here: series_answers brings questions.py and a reader's module, which the
        # chat's first paint does not wait for (tests/tui/test_boundaries.py)
        from citeqa.series_answers import occurrence_label

        return occurrence_label(citation.occurrence, lang)
    if citation.later is not None and citation.after == UNDATED:
        return labels["later_undated"].format(date=citation.later)
    if citation.later is not None:
        return labels["later"].format(date=citation.later, after=citation.after or "?")
    if citation.earlier is not None:
        return labels["earlier"].format(date=citation.earlier, before=citation.before or "?")
    if citation.otherwise and citation.archived is not None:
        return labels["archived"].format(folder=citation.archived)
    return labels["otherwise"] if citation.otherwise else None


def quote_lines(
    citations: list[Citation], lang: str, one_line: Callable[[str], str] | None = None
) -> list[str]:
    """The answer's quotes as it reads them, one `readable.quote_line` a citation (made one line
    by `one_line`, when given), the `otherwise_label` line before a citation that has one."""
    lines: list[str] = []
    for citation in citations:
        label = otherwise_label(citation, lang)
        lines += [] if label is None else [label]
        lines.append(quote_line(citation) if one_line is None else quote_line(citation, one_line))
    return lines


def confidence_label(answer: Answer) -> str:
    """The label the chat shows before the answer's figure: "Confidence" or "Confiance"."""
    word = answer_labels(answer.lang)["confidence"]
    return word[:1].upper() + word[1:]


def confidence_line(answer: Answer) -> str:
    """The export's and the copied answer's line: "Confidence: 0.39" or "Confiance : 0.39"."""
    colon = answer_labels(answer.lang)["colon"]
    return f"{confidence_label(answer)}{colon} {shown_confidence(answer.confidence)}"
