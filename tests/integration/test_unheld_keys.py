"""A table lookup of a key no table holds abstains and says which keys the tables do hold
(unheld_keys.py; session 11's user trial: "What is the default of --max-size?" quoted the
`--min-size` row at .80 on a manual without `--max-size`). A key the corpus writes, in prose
only or written another way, or a lookup with no table of its kind in sight, is left to the
answer models."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from integration_helpers import CliResult

from citeqa.api import Assistant
from citeqa.models import Answer
from small_corpora import assistant_over

OPTIONS = """# Options of tidyup

| Option | Default | Description |
|---|---|---|
| `--min-size SIZE` | `1k` | Ignore files smaller than SIZE. |
| `--max-depth N` | 8 | Do not descend deeper than N folders. |
| `--dry-run` | off | Print what would happen, change nothing. |
| `--jobs N` | 4 | Parallel hashing workers. |

Files larger than the disk quota are skipped whatever the options say.
"""
EXIT_CODES = """# Exit codes of tidyup

| Code | Meaning |
|---|---|
| 0 | Success, nothing left to do |
| 3 | Some files could not be read |
| 4 | The archive directory is full |
| 7 | Another tidyup process holds the lock file |

The log line reads 12:42 when the log rotates. Code 12 is reserved for the archive check.
"""
SETTINGS = """# Retention settings

| Setting | Default | Description |
|---|---|---|
| `keep_daily` | 7 | Daily snapshots kept |
| `keep_weekly` | 4 | Weekly snapshots kept |
| `keep_monthly` | 6 | Monthly snapshots kept |
"""
PRICES = """Workshop prices

Code\tService\tPrice
BK-101\tPuncture repair\t12.50
BK-105\tGear tuning\t18.50
BK-110\tBottom bracket replacement\t42.00
"""
NO_ROW = ("No row of the tables names", "Aucune ligne des tableaux ne porte")


def _not_the_rules(answer: Answer) -> bool:
    """Whether this rule left the question to the answer models (no "No row…" reason)."""
    return answer.reason is None or not answer.reason.startswith(NO_ROW)


def _looks_up_row(assistant: Assistant, question: str, row: str) -> None:
    """The rule leaves `question` to the answer models, which quote `row`."""
    answer = assistant.ask(question)
    assert _not_the_rules(answer), answer.reason
    assert any(row in citation.quote for citation in answer.citations), answer.answer


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "options.md": OPTIONS,
        "exit-codes.md": EXIT_CODES,
        "settings.md": SETTINGS,
        "prices.txt": PRICES,
    }
    return assistant_over(files, tmp_path_factory.mktemp("keys"), tmp_path_factory.mktemp("idx"))


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            "What is the default of --max-size?",
            "No row of the tables names “--max-size”; the closest are --min-size, --max-depth.",
        ),
        (
            "Quelle est la valeur par défaut de --max-size ?",
            "Aucune ligne des tableaux ne porte “--max-size” ; les plus proches sont"
            " --min-size, --max-depth.",
        ),
        ("What does exit code 6 mean?", "No row of the tables names “6”; the closest are 7, 4."),
        # "42" is written (12:42, 42.00), but never as a code
        ("What does exit code 42 mean?", "No row of the tables names “42”; the closest are"),
        ("How much is BK-115?", "No row of the tables names “BK-115”; the closest are BK-110"),
        ("What is the default of keep_yearly?", "No row of the tables names “keep_yearly”"),
    ],
)
def test_a_lookup_of_a_key_no_table_holds_abstains_naming_the_closest_keys(
    assistant: Assistant, question: str, reason: str
) -> None:
    answer = assistant.ask(question)
    assert answer.abstained and not answer.citations
    assert answer.reason is not None and answer.reason.startswith(reason), answer.reason
    assert answer.reason in answer.answer
    assert answer.passages, "the closest passages are still listed"


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("What is the default of --min-size?", "`--min-size SIZE`"),
        ("What does exit code 7 mean?", "| 7 |"),
        ("How much is BK-105?", "BK-105"),
        # the key written another way: keep_daily's row, "BK-110" as "bk-110"
        ("What is the default of --keep-daily?", "`keep_daily`"),
        ("How much is bk-110?", "BK-110"),
    ],
)
def test_a_key_a_table_holds_however_written_is_looked_up(
    assistant: Assistant, question: str, row: str
) -> None:
    _looks_up_row(assistant, question, row)


@pytest.mark.parametrize(
    "question",
    [
        "What does exit code 12 mean?",  # "Code 12" in prose only
        "What happens to files larger than the disk quota?",  # no key at all
    ],
)
def test_a_key_written_in_prose_only_is_left_to_the_answer_models(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question)
    assert _not_the_rules(answer), answer.reason


def test_a_lookup_with_no_table_in_sight_is_left_to_the_answer_models(
    tmp_path: Path,
) -> None:
    prose = {"notes.md": "# Cache\n\nThe agent keeps its cache for an hour, then reads again.\n"}
    (tmp_path / "corpus").mkdir()
    assistant = assistant_over(prose, tmp_path / "corpus", tmp_path / "index")
    answer = assistant.ask("What is the default of cache_ttl_s?")
    assert _not_the_rules(answer), answer.reason


def test_ask_json_and_text_give_the_reason(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "options.md").write_text(OPTIONS, encoding="utf-8")
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    result = cli("ask", "--json", "What is the default of --max-size?", **where)
    assert result.code == 0, result.err
    answer = json.loads(result.out)
    assert answer["abstained"], result.out
    assert answer["reason"].startswith("No row of the tables names “--max-size”; the closest")
    result = cli("ask", "What is the default of --max-size?", **where)
    assert result.code == 0, result.err
    assert "No row of the tables names “--max-size”" in result.out


ERRORS = """# HTTP errors of the portal

| # | Error code | Meaning |
|---|---|---|
| 1 | 404 | The page was not found |
| 2 | 500 | The server failed |
| 3 | 503 | The server is busy |
"""
SYSEXITS = """# Exit status of sweep

| Status | Meaning |
|---|---|
| 0 | Success |
| 1 | General failure |
| 2 | Bad usage |
| 64–78 | Reserved for sysexits |
"""
SIGNALS = """# Signals of sweep

| Signal | Exit code | Meaning |
|---|---|---|
| SIGINT | 130 | Interrupted from the keyboard |
| SIGTERM | 143 | Asked to stop |
"""
TRAJETS = """# Horaires des navettes

| Quai | Trajet | Départ |
|---|---|---|
| 1 | 713 | 08:15 |
| 2 | 715 | 09:15 |
| 3 | 717 | 10:15 |
"""


@pytest.fixture(scope="module")
def lookups(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "errors.md": ERRORS,
        "sysexits.md": SYSEXITS,
        "signals.md": SIGNALS,
        "trajets.md": TRAJETS,
    }
    corpus, index = tmp_path_factory.mktemp("lookups"), tmp_path_factory.mktemp("lookups-idx")
    return assistant_over(files, corpus, index)


@pytest.mark.parametrize(
    ("question", "row"),
    [
        # the key in the column after a row-number one ("#", "Quai": 1, 2, 3)
        ("What does error code 404 mean?", "| 404 |"),
        ("What does status 503 mean?", "| 503 |"),
        ("À quelle heure part le trajet 715 ?", "| 715 |"),
        # the key inside a range the table's key column writes
        ("What does exit status 70 mean?", "| 64–78 |"),
        # the key in a table's second column, its first naming signals
        ("What does exit code 143 mean?", "| 143 |"),
    ],
)
def test_a_key_any_cell_or_range_of_a_row_holds_is_looked_up(
    lookups: Assistant, question: str, row: str
) -> None:
    _looks_up_row(lookups, question, row)


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        # the closest keys come from the error codes, not the row numbers 1, 2, 3
        (
            "What does error code 502 mean?",
            "No row of the tables names “502”; the closest are 503, 500.",
        ),
        (
            "What does exit status 80 mean?",
            "No row of the tables names “80”; the closest are 2, 1.",
        ),
    ],
)
def test_a_key_outside_every_row_and_range_still_abstains(
    lookups: Assistant, question: str, reason: str
) -> None:
    answer = lookups.ask(question)
    assert answer.abstained and not answer.citations, answer.answer
    assert answer.reason == reason


BASH_EXITS = """# Exit status of bash

| Status | Meaning |
|---|---|
| 0 | Success |
| 1 | General error |
| 2 | Misuse of a builtin |
| 126 | Command found but not executable |
| 128+n | Killed by signal n |
"""
SHUTTLES = """# Shuttle timetable

| Trip | Leaves | Platform |
|---|---|---|
| 711 | 07:40 | A |
| 713/715 | 08:10 | B |
| 717 | 09:25 | A |
"""


@pytest.fixture(scope="module")
def keyed_inside(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"bash.md": BASH_EXITS, "shuttles.md": SHUTTLES}
    corpus, index = tmp_path_factory.mktemp("inside"), tmp_path_factory.mktemp("inside-idx")
    return assistant_over(files, corpus, index)


@pytest.mark.parametrize(
    "question",
    [
        "What does exit code 143 mean?",  # 128+15: the key column stands for many numbers
        "When does trip 715 leave?",  # two trips share the row "713/715"
    ],
)
def test_a_key_written_inside_a_cell_is_left_to_the_answer_models(
    keyed_inside: Assistant, question: str
) -> None:
    answer = keyed_inside.ask(question)
    assert _not_the_rules(answer), answer.reason
