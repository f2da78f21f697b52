"""An archive folder holding the only copy of what a question asks, end to end (s35 review of
s35-archive, findings 1-2: an archived document was set aside whenever some current passage
ranked, so a current file about another project, client or subject answered instead)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
    "Projets en cours/App mobile/cahier des charges.md": "# Cahier des charges\n\nLe budget du"
    " projet est de 30 000 euros.\n\nLa livraison est prévue en juin.\n",
    "Projets archivés/Refonte du site web/cahier des charges site.md": "# Cahier des charges"
    " site\n\nLe budget de la refonte du site web est de 12 000 euros.\n",
    "Clients en cours/Martin/devis.md": "# Devis\n\nMontant du devis : 610 euros.\n",
    "Clients archivés/Dupont/devis.md": "# Devis\n\nMontant du devis : 520 euros.\n",
    "these/chapitre1.md": "# Chapitre 1\n\nLe moulin de la commune moulait la farine du"
    " village depuis 1650.\n",
    "these/archives/registre moulins.md": "# Registre des moulins\n\nLe meunier déclare"
    " produire 40 setiers de farine par semaine en 1788.\n",
}


@pytest.fixture(scope="module")
def drive(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus = tmp_path_factory.mktemp("drive")
    for name in FILES:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
    return assistant_over(FILES, corpus, tmp_path_factory.mktemp("i"))


def _first(drive: Assistant, question: str) -> tuple[str, str]:
    result = drive.ask(question)
    assert not result.abstained, result.reason
    return Path(result.citations[0].path).name, result.citations[0].quote


def test_an_archive_holding_the_only_copy_of_the_asked_subject_answers(drive: Assistant) -> None:
    name, quote = _first(drive, "Quel est le budget de la refonte du site web ?")
    assert name == "cahier des charges site.md" and "12 000" in quote


def test_an_archived_register_alone_stating_the_asked_figure_is_quoted(drive: Assistant) -> None:
    result = drive.ask("Combien de setiers de farine produisait le moulin par semaine ?")
    assert not result.abstained, result.reason
    assert any("40 setiers" in citation.quote for citation in result.citations)


def test_a_name_only_the_archived_documents_path_writes_keeps_it_first(drive: Assistant) -> None:
    name, quote = _first(drive, "Quel est le montant du devis de Dupont ?")
    assert "520" in quote, (name, quote)
