"""A follow-up is read with the names the last answer gave, not only the last question (s22-25
user trials: after "Which system streams order events?", answered with Kafka, "how many
partitions?" quoted another system's row: the session carried the question alone, which names
no system)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.followups import answer_subject, reads_answer_subject
from small_corpora import assistant_over

PLATFORM = {
    "platform.md": """# Data platform

## Streaming

Order events between services are streamed through Kafka. Audit logs go through Pulsar.

## Capacity

| System | Partitions per topic | Replication |
|--------|----------------------|-------------|
| Kafka | 12 | 3 |
| Pulsar | 4 | 2 |
""",
    "plateforme.md": """# Plateforme de données

Les factures sont archivées dans Ceph. Les sauvegardes partent vers Minio.

| Système | Rétention |
|---------|-----------|
| Ceph | 10 ans |
| Minio | 30 jours |
""",
}


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("platform"), tmp_path_factory.mktemp("platidx")
    return assistant_over(PLATFORM, corpus, index)


@pytest.mark.parametrize(
    ("first", "follow_up", "row"),
    [
        ("Which system streams order events?", "how many partitions?", "| Kafka | 12 | 3 |"),
        ("Which system carries audit logs?", "how many partitions?", "| Pulsar | 4 | 2 |"),
        ("Où sont archivées les factures ?", "et la rétention ?", "| Ceph | 10 ans |"),
        ("Où partent les sauvegardes ?", "et la rétention ?", "| Minio | 30 jours |"),
    ],
)
def test_a_follow_up_asks_of_the_subject_of_the_last_answer(
    platform: Assistant, first: str, follow_up: str, row: str
) -> None:
    session = platform.session()
    assert not session.ask(first).abstained
    answer = session.ask(follow_up)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.strip() == row


@pytest.mark.parametrize(
    ("first", "row", "third"),
    [
        ("Which system streams order events?", "| Kafka | 12 | 3 |", "and the replication?"),
        ("Which system do audit logs go through?", "| Pulsar | 4 | 2 |", "and the replication?"),
    ],
)
def test_a_third_turn_keeps_the_subject_of_a_quoted_table_row(
    platform: Assistant, first: str, row: str, third: str
) -> None:
    """Review D of s27: a row's every cell follows "|", so its answer gave no subject and the
    third turn quoted the other system's row; a row's first cell is its subject."""
    session = platform.session()
    assert not session.ask(first).abstained
    assert session.ask("how many partitions?").citations[0].quote.strip() == row
    answer = session.ask(third)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.strip() == row


@pytest.mark.parametrize(
    ("question", "quote", "subject"),
    [
        ("how many partitions?", "| Pulsar | 4 | 2 |", "Pulsar"),  # a row's key
        ("how many partitions?", "| System | Partitions |\n|---|---|\n| Pulsar | 4 |", "Pulsar"),
        ("how many partitions?", "| Kafka | 12 | 3 |\n| Pulsar | 4 | 2 |", ""),  # two rows
        ("how many partitions?", "|| Pulsar | 4 |", ""),  # an empty first cell names no one
        # rows as tables.py reads them (s29 tidy: followups had its own reading of a row)
        ("how many partitions?", "| **Pulsar** | 4 | 2 |", "Pulsar"),  # markup off its key
        ("how many partitions?", "Pulsar\t4\t2", "Pulsar"),  # a tab-separated row
        ("how many partitions?", "| Pulsar \\| Kafka bridge | 4 |", "Pulsar Kafka"),  # "\|"
        (
            "how many partitions?",
            "| System | Partitions |\r\n|---|---|\r\n| Pulsar | 4 |",
            "Pulsar",
        ),
        (
            "how many partitions?",
            "| System | Partitions |\n|---|---|\n| Pulsar | 4 |\n|  |  |",
            "Pulsar",
        ),
        (
            "Which system streams order events?",
            "Order events between services are streamed through Kafka. Audit logs go through "
            "Pulsar.",
            "Kafka",
        ),
        ("What is the Kafka cluster used for?", "The Kafka cluster streams order events.", ""),
        ("Who signed?", "", ""),
    ],
)
def test_the_subject_of_an_answer_is_the_names_of_its_closest_sentence(
    question: str, quote: str, subject: str
) -> None:
    assert answer_subject(question, quote) == subject


@pytest.mark.parametrize(
    ("question", "reads"),
    [
        ("how many partitions?", True),
        ("et la rétention ?", True),
        ("and for SSO?", False),  # an acronym is its own subject
        ("and in week 12?", True),  # a bare number is none
        ("comment nomme t'on cet environnement", False),  # PIAF, mid-session
        ("À qui les Algérois demandent ils de l'aide pour repousser les Espagnols ?", False),
    ],
)
def test_only_a_follow_up_asking_little_of_its_own_reads_the_answer_s_names(
    question: str, reads: bool
) -> None:
    assert reads_answer_subject(question) is reads
