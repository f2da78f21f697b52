"""Identifiers of records on a built corpus (session 19's user trial): a row id of a long export
is found where it stands ("Which agent handled ticket T-40234?" abstained "never mention
“T-40234”" on a 2,000-row export, and "T-40001" alone found no word: "40001,2025" was one
decimal number, and a lone BM25 hit weighed 0 in the fusion); an incident id pins its
post-mortem (record_ids.py: "the root cause of INC-2025-08?" quoted INC-2025-10's "Find the
root cause" row); and an id the corpus never writes among its siblings abstains naming them."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

AGENTS = ("Ana Costa", "Tom Becker", "Priya Nair", "Léa Martin", "Julien Moreau")
CUSTOMERS = ("Initech", "Globex", "Acme Corp", "Umbrella Health")


def export(rows: int) -> str:
    """A ticket export of `rows` records, one id each (T-40000 …), comma separated."""
    lines = ["ticket_id,created,customer,channel,agent,first_response_min,status"]
    for n in range(rows):
        agent, customer = AGENTS[(n * 7) % 5], CUSTOMERS[(n * 3) % 4]
        day = 1 + n % 28
        lines.append(f"T-{40000 + n},2025-08-{day:02d},{customer},email,{agent},{n % 97},open")
    return "\n".join(lines) + "\n"


def post_mortem(number: str, title: str, cause: str, action: str) -> str:
    return (
        f"# INC-2025-{number}: {title}\n\n**Severity:** Sev-2\n\n## Summary\n\n{title} for an"
        f" hour.\n\n## Root cause\n\n{cause}\n\n## Action items\n\n| # | Action | Owner |\n"
        f"|---|---|---|\n| 1 | {action} | Kenji Sato |\n| 2 | Update the runbook | Tom Becker |\n"
    )


FILES = {
    "tickets.csv": export(600),
    "tickets-log.txt": export(600).replace("T-4", "L-4"),
    "INC-2025-07.md": post_mortem(
        "07",
        "Login outage",
        "The TLS certificate on the internal load balancer expired.",
        "Certificate expiry checks",
    ),
    "INC-2025-08.md": post_mortem(
        "08",
        "Payment page errors",
        "TBD, waiting for the vendor's own post-mortem.",
        "Ask the vendor for a report",
    ),
    "INC-2025-10.md": post_mortem(
        "10", "Lisbon VPN outage", "Under investigation.", "Find the root cause"
    ),
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("ids"), tmp_path_factory.mktemp("idx"))


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("Which agent handled ticket T-40234?", "| T-40234 | 2025-08-11 | Acme Corp | email | Léa"),
        ("T-40001", "| T-40001 |"),
        ("Which agent handled L-40377?", "L-40377,2025-08-14,Umbrella Health,email,Julien"),
        ("L-40005", "L-40005,"),
    ],
)
def test_a_row_id_of_a_long_export_is_quoted(assistant: Assistant, question: str, row: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.answer
    assert any(row in citation.quote for citation in answer.citations), answer.answer
    if row.startswith("|"):  # a sheet's row is quoted under its header row
        assert "“| ticket_id | created | customer |" in answer.answer


def test_an_incident_id_pins_its_post_mortem(assistant: Assistant) -> None:
    answer = assistant.ask("What was the root cause of INC-2025-08?")
    assert answer.citations, answer.answer
    assert {citation.doc_id for citation in answer.citations} == {"INC-2025-08"}, answer.answer


def test_an_id_never_written_among_its_siblings_abstains_naming_them(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("What was the root cause of INC-2025-02?")
    assert answer.abstained and not answer.citations
    assert answer.reason == (
        "No document names “INC-2025-02”; the documents name INC-2025-07, INC-2025-08 and"
        " INC-2025-10."
    )
    french = assistant.ask("Quelle est la cause racine de INC-2025-02 ?")
    assert french.abstained and french.reason is not None
    assert french.reason.startswith("Aucun document ne nomme “INC-2025-02”")


def test_an_id_heading_a_section_of_a_log_pins_that_section(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    """The s21 hostile probe: a log of "## HD-0007" sections, each "Root cause: fan N
    broke.", answered "What was the root cause of HD-0007?" with HD-0008's fan 8 (.76)."""
    log = "# Incidents B\n\n" + "".join(
        f"## HD-{n:04d}{' (reopened as HD-0031)' if n == 30 else ''}\n\n"
        f"Root cause: fan {n} broke.\n\n"
        for n in range(1, 60)
    )
    assignments = (
        "# Assignments\n\n| Ticket | Agent | Status |\n|---|---|---|\n"
        "| HD-0007 | Ben Ode | resolved on day 10 |\n"
        "| HD-0008 | Ana Costa | open |\n"  # shorter: it was quoted for HD-0007 (s21 review)
    )
    logs = assistant_over(
        {"incidents-b.md": log}, tmp_path_factory.mktemp("log"), tmp_path_factory.mktemp("lx")
    )
    for number in (7, 30, 59):
        answer = logs.ask(f"What was the root cause of HD-{number:04d}?")
        assert [citation.quote for citation in answer.citations] == [
            f"Root cause: fan {number} broke."
        ], answer.answer
    files = {"incidents-b.md": log, "assignments.md": assignments}
    both = assistant_over(files, tmp_path_factory.mktemp("both"), tmp_path_factory.mktemp("bx"))
    agent = both.ask("Which agent was assigned HD-0007?")  # the s21 review: a row elsewhere stays
    assert any("Ben Ode" in citation.quote for citation in agent.citations), agent.answer
    assert not any("Ana Costa" in citation.quote for citation in agent.citations), agent.answer


def test_a_record_id_in_a_later_column_looks_its_row_up(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    """A sheet whose first column is its agents (repeated), its ticket ids second: "Which
    agent was assigned HD-0009?" quoted HD-0024's row (s22), as only the first column was
    read as the key."""
    names = ("Ana", "Bob", "Chen", "Dara", "Eli", "Femi", "Gus", "Hana")
    rows = [f"{names[n % 8]},HD-{n:04d},{'open' if n % 3 else 'closed'}" for n in range(1, 60)]
    sheet = {"tickets.csv": "agent,ticket,status\n" + "\n".join(rows) + "\n"}
    tickets = assistant_over(sheet, tmp_path_factory.mktemp("sh"), tmp_path_factory.mktemp("shx"))
    for number, agent in ((9, "Bob"), (24, "Ana"), (50, "Chen")):
        answer = tickets.ask(f"Which agent was assigned HD-{number:04d}?")
        quoted = [citation.quote for citation in answer.citations]
        assert any(f"| {agent} | HD-{number:04d} |" in quote for quote in quoted), answer.answer


def test_an_id_heading_a_record_above_its_subsections_pins_that_record(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    """A log of "## HD-0007" records, each with "### Symptom" and "### Root cause" sections:
    the sentence's nearest heading ("Root cause") names no record, so HD-0008's root cause was
    quoted for HD-0007; the record is read from the heading path above it."""
    log = "# Incidents C\n\n" + "".join(
        f"## HD-{n:04d}\n\n### Symptom\n\nRack {n} ran hot at noon.\n\n"
        f"### Root cause\n\nThe fan of rack {n} broke.\n\n"
        for n in range(1, 40)
    )
    logs = assistant_over(
        {"incidents-c.md": log}, tmp_path_factory.mktemp("sub"), tmp_path_factory.mktemp("subx")
    )
    for number in (7, 8, 33):
        answer = logs.ask(f"What was the root cause of HD-{number:04d}?")
        quotes = [citation.quote for citation in answer.citations]
        assert quotes, answer.answer
        assert all(f"rack {number} " in quote.lower() for quote in quotes), answer.answer
