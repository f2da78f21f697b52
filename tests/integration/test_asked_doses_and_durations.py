"""A question asking a dose or a duration quotes a sentence writing one (asked_values.json's
kinds `dose` and `duration`, s44 bundled dev): "What dose of anti-CD40 ligand antibody was
added…?" quoted the sentence naming the antibody's catalog number, not its "20 mg/kg", and
"Combien de temps l'amélioration peut-elle durer… ?" the sentence on where the cells were
made, not the remissions "pouvant durer jusqu'à un an"."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

NOTES = (
    "# Transplant tolerance in monkeys\n\n"
    "Our own group has previously reported that mixed chimerism and renal allograft tolerance"
    " are achieved in monkeys with a regimen of irradiation and cyclosporine.\n"
    "In an effort to simplify this therapeutic regimen, we tested a monoclonal antibody against"
    " CD40 ligand (catalog number 5C8.33) in this protocol.\n"
    "In contrast, after adding 20 mg/kg of monoclonal antibody against CD40 ligand to the"
    " regimen on days 0 and 2, we observed four thromboembolic complications.\n"
    "The animals were followed for two years after the transplant.\n\n"
    "# Cord stromal cells\n\n"
    "Les cellules utilisées ont été préparées à partir de tissus du cordon ombilical à Londres,"
    " puis administrées par une simple perfusion intraveineuse.\n"
    "Aucun effet secondaire grave n'a été observé après l'injection, la sécurité est prouvée.\n"
    "Certains patients ont connu une stabilisation rapide de la maladie, avec des rémissions"
    " pouvant durer jusqu'à un an.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"trial-notes.md": NOTES}
    return assistant_over(files, tmp_path_factory.mktemp("doses"), tmp_path_factory.mktemp("ix"))


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("What dose of monoclonal antibody against CD40 ligand was tested in this protocol?",
         "20 mg/kg"),
        ("Combien de temps l'amélioration peut-elle durer après une perfusion de cellules de"
         " cordon ?", "jusqu'à un an"),
        ("How long were the animals followed?", "two years"),
    ],
)  # fmt: skip
def test_the_quote_writes_the_dose_or_the_duration_asked(
    assistant: Assistant, question: str, value: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.answer
    assert value in answer.citations[0].quote, answer.answer
