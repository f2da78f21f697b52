"""A sentence of another document that states no value of the kind the question asks for is
never shown as "another document says otherwise" (disagreement.py, stated_kinds.py; s35 trial:
the chat's follow-up "et la Fondation ?", after "Combien … nous a-t-elle accordé ?", quoted the
budget's 45000 row, then a calendar's deadline line, which states no other amount, under "Un
autre document dit autre chose :"). A follow-up asking no kind of its own asks its previous
question's; a row stating another amount is still shown."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

BUDGET = (
    "# Budget du programme Lire ensemble 2025\n\n## Cofinancements\n\n"
    "| Financeur | Montant (€) | Statut |\n| --- | --- | --- |\n"
    "| Fondation Horizon Lecture | 45000 | accordé le 04/02/2025 |\n"
    "| Trust Whitcombe | 38000 | accordé le 12/03/2025 |\n"
    "| Ville de Rennes | 12000 | demandé |\n"
)
DEADLINES = (
    "# Échéances\n\n"
    "Rapport final FDN-2025-0147 à remettre (Fondation Horizon Lecture) : 2026-09-30\n\n"
    "Rapport intermédiaire HT-24-312 à remettre (Trust Whitcombe) : 2026-03-31\n\n"
    "Conseil d'administration : le premier mardi du mois.\n"
)
LETTER = (
    "# Lettre d'attribution\n\n"
    "La Fondation Horizon Lecture a accordé une subvention au programme.\n"
)
DRAFT = (
    "# Budget du programme (premier jet)\n\n"
    "| Financeur | Montant (€) | Statut |\n| --- | --- | --- |\n"
    "| Fondation Horizon Lecture | 40000 | accordé le 04/02/2025 |\n"
)
FILES = {
    "Budgets/budget 2025.md": BUDGET,
    "Agenda/echeances.md": DEADLINES,
    "Demandes/lettre.md": LETTER,
}


def _over(files: dict[str, str], factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(files, factory.mktemp("docs"), factory.mktemp("index"))


@pytest.fixture(scope="module")
def drive(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _over(FILES, tmp_path_factory)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _over({**FILES, "Budgets/budget 2025 premier jet.md": DRAFT}, tmp_path_factory)


def _follow_up(assistant: Assistant) -> list[tuple[str, bool]]:
    session = assistant.session()
    first = session.ask("Combien le Trust Whitcombe nous a-t-il accordé ?")
    assert not first.abstained and "38000" in first.citations[0].quote
    answer = session.ask("et la Fondation ?")
    assert not answer.abstained, answer.reason
    return [(citation.quote, citation.otherwise) for citation in answer.citations]


def test_a_deadline_line_is_no_other_amount_granted(drive: Assistant) -> None:
    quotes = _follow_up(drive)
    assert "45000" in quotes[0][0]
    assert not any(otherwise for _, otherwise in quotes), quotes
    assert not any("2026-09-30" in quote for quote, _ in quotes)


def test_a_row_stating_another_amount_is_still_shown(drafted: Assistant) -> None:
    quotes = _follow_up(drafted)
    assert "45000" in quotes[0][0]
    assert [quote for quote, otherwise in quotes if otherwise] == [
        "| Fondation Horizon Lecture | 40000 | accordé le 04/02/2025 |"
    ]
