"""A post-mortem's metadata block ("**Date:** … **Severity:** … **Incident commander:** …") is
quoted only for a question asking one of its keys (s19 trial: "What was the root cause of the
ticket email delays in January?" quoted the block, .53; French and misspelt questions the same),
and only lines in a row giving one short value under a short key make such a block."""

from __future__ import annotations

import numpy as np
import pytest
from tests.unit.test_manual_pages import _bank, _index_of

from citeqa.answering import Candidates, quotable
from citeqa.lexical import query_tokens
from citeqa.metadatablock import asks_key, block_line_key, keyed_line
from citeqa.questions import QuestionTerms
from citeqa.sentences import ScoredSentence

POSTMORTEM = (
    "# INC-2025-07: Login outage\n"
    "\n"
    "**Date:** 2025-09-19  \n"
    "**Severity:** Sev-1  \n"
    "**Duration:** 94 min  \n"
    "**Incident commander:** Maria Lopez\n"
    "\n"
    "## Root cause\n"
    "\n"
    "The TLS certificate on the internal load balancer expired.\n"
)
FRENCH = (
    "# INC-2025-05 : Perte\n\n**Date :** 2025-05-20  \n**Gravité :** Sev-2  \n**Durée :** 4 h 15\n"
)


def _key_at(text: str, words: str) -> str | None:
    start = text.index(words)
    return block_line_key(text, start, text.index("\n", start))


def _asked(question: str) -> list[frozenset[str]]:
    """A question's terms as questions.analyse gives them: each word's tokens."""
    return [frozenset(query_tokens(word)) for word in question.rstrip("?").split()]


def test_each_line_of_a_metadata_block_gives_its_key() -> None:
    assert _key_at(POSTMORTEM, "**Date:**") == "Date"
    assert _key_at(POSTMORTEM, "**Incident commander:**") == "Incident commander"
    assert _key_at(FRENCH, "**Gravité :**") == "Gravité"
    assert _key_at(POSTMORTEM, "The TLS") is None
    assert _key_at(POSTMORTEM, "# INC") is None


@pytest.mark.parametrize(
    "text",
    [
        "Top causes\n- Capacity: 3\n- Certificates: 2\n",  # a list's items are answers
        "Note: restart the service first.\nWarning: never run FLUSHALL on production.\n",
        "Owner: Kenji Sato\n\nThe cache moves in October.\n",  # one keyed line alone
        "10:30 standup\n11:00 retro\n",
        "| Owner: Kenji | 3 |\n| Due: October | 4 |\n",  # a table's rows
    ],
)
def test_lists_prose_and_single_labels_are_no_metadata_block(text: str) -> None:
    lines = [line for line in text.splitlines() if line.strip()]
    starts = [text.index(line) for line in lines]
    assert all(
        block_line_key(text, s, s + len(line)) is None
        for s, line in zip(starts, lines, strict=True)
    )


def test_a_long_value_is_prose_after_a_label() -> None:
    assert keyed_line("Owner: Kenji Sato") == "Owner"
    assert keyed_line("Summary: " + "customers could not log in " * 4) is None


def test_a_question_asks_a_key_by_its_words_or_the_language_groups() -> None:
    who = "Who was the incident commander?"
    assert asks_key("Incident commander", who, _asked(who))
    long = "How long did the login outage last?"
    assert asks_key("Duration", long, _asked(long))  # "how long" and "duration": one group
    cause = "What was the root cause of the login outage?"
    keys = ["Date", "Severity", "Duration", "Incident commander"]
    assert not any(asks_key(key, cause, _asked(cause)) for key in keys)


def _terms(question: str) -> QuestionTerms:
    asked = _asked(question)
    return QuestionTerms(focus=question, terms=[(t, 1.0) for t in asked], focus_terms=len(asked))


def test_the_block_is_quoted_only_for_a_question_asking_its_key() -> None:
    bank = _bank(POSTMORTEM, "INC-2025-07: Login outage")
    order = [_index_of(bank, words) for words in ("**Date", "**Incident", "The TLS")]
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in order]
    candidates = Candidates(items, np.array([0.9, 0.8, 0.6]), np.zeros((3, 2)))
    cause = quotable(candidates, bank, _terms("What was the root cause of the login outage?"))  # type: ignore[arg-type]
    assert [s.index for s in cause.sentences] == [order[2]]
    who = quotable(candidates, bank, _terms("Who was the incident commander?"))  # type: ignore[arg-type]
    assert [s.index for s in who.sentences] == [order[1], order[2]]
