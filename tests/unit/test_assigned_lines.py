"""A question about one setting quotes the line assigning it, not the script's whole tail or
the whole .env (s38 trial: five lines of deploy.sh for CANARY_PERCENT=10, a .env.example's
database URL and password quoted for WEBHOOK_TIMEOUT_MS)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from citeqa.assigned_lines import asked_line
from small_corpora import asked_of_files

DEPLOY = (
    "#!/usr/bin/env bash\n# Deploy a tagged release to production.\nset -euo pipefail\n"
    'VERSION="$1"\n'
    "CANARY_PERCENT=10      # share of traffic sent to the new version first\n"
    "CANARY_MINUTES=15      # watch error rate this long before full rollout\n"
    "MAX_ERROR_RATE=0.5     # percent; above this the canary is rolled back\n"
    'echo "canary $CANARY_PERCENT% for $CANARY_MINUTES min"\n'
)
ENV = (
    "DATABASE_URL=postgres://app:app@localhost:5432/app\nREDIS_URL=redis://localhost:6379/0\n"
    "WEBHOOK_TIMEOUT_MS=4000\nLOG_LEVEL=debug\n"
)


def _cut(text: str, first: str, question: str) -> str:
    start = text.index(first)
    start, end = asked_line(text, start, len(text), question)
    return text[start:end]


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("What is the canary percentage in deploy.sh?", "CANARY_PERCENT=10      # share of"),
        ("How many canary minutes?", "CANARY_MINUTES=15      # watch"),
        ("what is max_error_rate", "MAX_ERROR_RATE=0.5     # percent"),
    ],
)
def test_a_named_setting_is_cut_to_its_line(question: str, line: str) -> None:
    cut = _cut(DEPLOY, "CANARY_PERCENT", question)
    assert cut.startswith(line) and "\n" not in cut and not cut.endswith(" ")


@pytest.mark.parametrize(
    "question",
    [
        "How long is the canary watched before full rollout?",  # no name asked: kept whole
        "What does the canary do?",  # "canary" is a part of two names: neither is asked
        "What is the error rate?",  # MAX is not written
    ],
)
def test_a_question_naming_no_single_setting_keeps_the_quote(question: str) -> None:
    assert _cut(DEPLOY, "CANARY_PERCENT", question) == DEPLOY[DEPLOY.index("CANARY_PERCENT") :]


def test_a_prose_label_of_one_word_is_no_setting() -> None:
    text = "Owner: Amira Benali\nDuration: 3 hours\n"
    assert _cut(text, "Owner", "Who was the owner?") == text
    assert _cut("PORT=8080\nHOST=db\n", "PORT", "Which port?") == "PORT=8080"
    assert _cut("smtp › host: mx\nsmtp › port: 587\n", "smtp", "smtp port?") == "smtp › port: 587"


def test_the_env_answer_quotes_the_asked_line_only(tmp_path: Path) -> None:
    answer = asked_of_files(tmp_path, {"settings.env.txt": ENV}, "What is WEBHOOK_TIMEOUT_MS?")
    assert [c.quote for c in answer.citations][:1] == ["WEBHOOK_TIMEOUT_MS=4000"]
    assert not any("postgres" in c.quote for c in answer.citations)


ROLLOUT = (
    "#!/bin/sh\nexport CANARY_PERCENT=10\n"
    "export CANARY_MINUTES=30   # time the canary runs at that share before going to 100 percent\n"
    "export ROLLBACK_ON_ERRORS=5\n"
)


def test_a_quote_whose_other_line_writes_what_is_asked_is_kept_whole() -> None:
    # s39 review: cut to CANARY_PERCENT=10, it lost the line answering
    question = "How long does the canary percentage stay at 10 before going to 100 percent?"
    assert _cut(ROLLOUT, "export CANARY_PERCENT", question) == ROLLOUT[ROLLOUT.index("export") :]
    assert _cut(ROLLOUT, "export CANARY_PERCENT", "What is the canary percent?") == (
        "export CANARY_PERCENT=10"
    )


def test_a_comment_above_writing_the_questions_other_words_is_kept() -> None:
    text = (
        "# Webhook settings for the billing service\n"
        "# The secret is rotated every 90 days by the platform team\n"
        "WEBHOOK_SECRET=change-me\nWEBHOOK_TIMEOUT_MS=4000\n"
    )
    cut = _cut(text, "WEBHOOK_SECRET", "How often is WEBHOOK_SECRET rotated?")
    assert (
        cut
        == "# The secret is rotated every 90 days by the platform team\nWEBHOOK_SECRET=change-me"
    )
    assert _cut(text, "WEBHOOK_SECRET", "What is WEBHOOK_TIMEOUT_MS?") == "WEBHOOK_TIMEOUT_MS=4000"


def test_the_file_name_a_question_writes_is_no_word_another_line_must_lack() -> None:
    # s38 trial, a010: "deploy" of "in deploy.sh" is written by the script's kubectl line too
    text = DEPLOY + "kubectl set image deploy/booking-api api=registry/booking-api:$VERSION\n"
    cut = _cut(text, "CANARY_PERCENT", "whats the canary percentage in deploy.sh")
    assert cut.startswith("CANARY_PERCENT=10") and "\n" not in cut


def test_a_long_run_of_dotted_letters_in_a_question_is_read_in_linear_time() -> None:
    # s40 hostile L1: the file name pattern was tried from every start of "a.a.a.…1"
    # (quadratic: about 50 s at 16,000 characters)
    started = time.perf_counter()
    cut = _cut(ENV, "WEBHOOK", "What is " + "a." * 20_000 + "1 WEBHOOK_TIMEOUT_MS?")
    assert time.perf_counter() - started < 3
    assert cut == "WEBHOOK_TIMEOUT_MS=4000"


def test_the_comment_kept_above_is_quoted_not_passed_over_as_a_heading(tmp_path: Path) -> None:
    # s39 final check: a plain-text .env's "# …" line read as a heading was dropped from the
    # quote, which then gave only the placeholder "WEBHOOK_SECRET=change-me"
    env = (
        "# Webhook settings for the billing service\n"
        "# The secret is rotated every 90 days by the platform team\n"
        "WEBHOOK_SECRET=change-me\nWEBHOOK_TIMEOUT_MS=4000\nLOG_LEVEL=debug\n"
    )
    files = {"settings.env.txt": env}
    answer = asked_of_files(tmp_path, files, "How often is WEBHOOK_SECRET rotated?")
    assert answer.citations and "rotated every 90 days" in answer.citations[0].quote
