"""A question of one token naming a thing (an address, a version, a phone number, a code of
letters and digits) is searched and answered; a period's label alone ("Q3") is still refused
(bare_tokens.py; session 23's review C: "192.168.1.10" was refused, main returned the host
row)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
    "hosts.csv": "Address,Host,Role\n192.168.1.10,atlas,file server\n"
    "192.168.1.22,boreas,print server\n",
    "storage.md": "# Storage\n\n"
    "Backups are copied nightly to the S3 bucket named vault-archive.\n\n## Budget\n\n"
    "| Line | Q1 | Q2 | Q3 |\n| --- | --- | --- | --- |\n| Rent | 6300 | 6300 | 6300 |\n",
}


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An assistant over a hosts table and a storage note."""
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(("question", "answer"), [("192.168.1.10", "atlas"), ("S3", "vault")])
def test_a_token_naming_a_thing_is_answered(office: Assistant, question: str, answer: str) -> None:
    result = office.ask(question)
    assert not result.abstained, result.reason
    assert answer in result.citations[0].quote


def test_a_periods_label_alone_is_refused(office: Assistant) -> None:
    result = office.ask("Q3")
    assert result.abstained and "“Q3”" in (result.reason or "")
