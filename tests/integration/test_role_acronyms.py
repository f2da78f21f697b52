"""A question asking who holds a role it writes as an acronym ("Qui est le responsable RH ?")
whose documents spell the acronym out in lowercase ("responsable des ressources humaines",
never "RH") quotes the sentence naming the holder: the initials of its words spell the
acronym (role_labels.HolderSentences, corpus_initials.py). Main abstained: no passage named
anyone as "responsable RH" (s45 trial)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

TEAM = (
    "# Équipe de l'association\n\n"
    "Marie Lefèvre est la responsable des ressources humaines de l'association depuis 2023.\n"
    "Paul Martin est le trésorier.\n"
    "Le conseil se réunit chaque trimestre.\n"
)
PROJECTS = (
    "# Projets 2025\n\n"
    "La responsable du projet jardin partagé est Claire Dubois.\n"
    "Le responsable technique assure la maintenance du site web.\n"
    "Le responsable de la communication prépare la lettre mensuelle.\n"
)
STATUTES = (
    "# Statuts\n\n"
    "Article 5. Le bureau comprend un président, un trésorier et un secrétaire.\n"
    "Article 6. Le responsable de chaque commission est désigné par le conseil.\n"
)
BUDGET = (
    "# Budget 2025\n\n"
    "Les dépenses de fonctionnement ont augmenté de 4 %.\n"
    "Les ressources financières proviennent des cotisations.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"equipe.md": TEAM, "projets.md": PROJECTS, "statuts.md": STATUTES, "budget.md": BUDGET}
    corpus, index = tmp_path_factory.mktemp("acronym_roles"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def test_a_role_acronym_spelt_out_by_the_holder_sentence_is_answered(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("Qui est le responsable RH ?")
    assert not answer.abstained
    assert "Marie Lefèvre" in answer.citations[0].quote


def test_an_acronym_no_sentence_spells_out_still_abstains(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("Qui est le responsable DSI ?")
    assert answer.abstained
