"""A question asking the value of a thing by its head word ("Quel est le quorum de l'assemblée
générale ?") is answered by a candidate writing that word before one writing only its
complement (promotions.asked_head_first): a club's statutes quoted "L'assemblée générale
ordinaire se réunit chaque année au mois de juin." over "Le quorum est atteint lorsque le quart
des membres est présent ou représenté." (s58 trial)."""

from __future__ import annotations

import pytest

from citeqa.absent_heads import thing_head
from citeqa.api import Assistant
from club_minutes import MINUTES
from small_corpora import assistant_over

STATUTES = (
    "# Statuts de l'association « Union Sportive de Saint-Aubin »\n"
    "\n"
    "## Article 1 — Dénomination\n"
    "Il est fondé entre les adhérents aux présents statuts une association régie par "
    "la loi du 1er juillet 1901, ayant pour titre « Union Sportive de Saint-Aubin » "
    "(USSA).\n"
    "\n"
    "## Article 2 — Objet\n"
    "L'association a pour objet la pratique et la promotion du football amateur, "
    "pour les jeunes comme pour les adultes.\n"
    "\n"
    "## Article 3 — Siège social\n"
    "Le siège social est fixé au stade municipal, 4 allée des Peupliers, 35250 "
    "Saint-Aubin-d'Aubigné. Il pourra être transféré par simple décision du comité "
    "directeur.\n"
    "\n"
    "## Article 5 — Membres\n"
    "Sont membres actifs ceux qui ont pris l'engagement de verser annuellement une "
    "cotisation. Les membres d'honneur sont dispensés de cotisation.\n"
    "\n"
    "## Article 8 — Comité directeur\n"
    "L'association est dirigée par un comité directeur de 9 membres élus pour trois "
    "ans par l'assemblée générale. Le comité élit parmi ses membres un président, un "
    "trésorier et un secrétaire.\n"
    "\n"
    "## Article 10 — Assemblée générale ordinaire\n"
    "L'assemblée générale ordinaire se réunit chaque année au mois de juin. Les "
    "convocations sont envoyées au moins quinze jours avant la date fixée. Le quorum "
    "est atteint lorsque le quart des membres est présent ou représenté.\n"
    "\n"
    "## Article 14 — Dissolution\n"
    "En cas de dissolution, l'actif net est attribué à une association poursuivant "
    "un but similaire.\n"
)


@pytest.fixture(scope="module")
def club(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"statuts.md": STATUTES, "compte-rendu-ag-2026.md": MINUTES}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_the_thing_asked_is_quoted_over_its_complement(club: Assistant) -> None:
    answer = club.ask("Quel est le quorum de l'assemblée générale ?")
    assert not answer.abstained, answer.reason
    assert "le quart des membres" in answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("Quel est le quorum de l'assemblée générale ?", "quorum"),
        ("What is the boiling point of water?", None),  # "point": a generic head
        ("What is the default timeout for fetching a feed?", "timeout"),
        ("Quel est le montant de la cotisation ?", None),  # "montant": generic
        ("Who leads the project?", None),  # no opener asking a thing's value
        ("Quelle est la première banque française ?", None),  # an ordinal before its noun
        ("Quels sont les pays limitrophes de la Grèce ?", None),  # members of a class
        ("Combien de membres compte le groupe Rainbow ?", None),  # a count
    ],
)
def test_the_head_of_the_thing_asked(question: str, head: str | None) -> None:
    assert thing_head(question) == head
