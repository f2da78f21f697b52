"""A question asking whether a resolution was voted quotes its outcome line ("Adopté : …")
with the resolution's other lines, end to end (decision_lines.outcome_position; s44 trial:
"Le ravalement de la façade a-t-il été voté ?" quoted "Un nouveau devis …, est soumis au
vote." alone, never saying it was adopted)."""

from __future__ import annotations

from pathlib import Path

from small_corpora import assistant_over

MINUTES = """# Procès-verbal de l'assemblée générale ordinaire du 24 juin 2025

Résidence Les Tilleuls. Présents et représentés : 31 copropriétaires sur 36.

## Résolution 1 — Approbation des comptes de l'exercice 2024

Les comptes de l'exercice 2024, d'un montant de 63 250 €, sont approuvés à l'unanimité.

## Résolution 2 — Ravalement de la façade sur rue

Un nouveau devis de l'entreprise Façades Lyonnaises, d'un montant de 139 500 € TTC, est soumis
au vote.

Adopté : 5 210 tantièmes pour, 2 940 contre.

Les travaux débuteront au printemps 2026 et seront financés par trois appels de fonds.

## Résolution 3 — Installation de bornes de recharge

L'installation de bornes de recharge dans le parking est soumise au vote.

Rejeté : 4 100 tantièmes contre, 2 050 pour.
"""
RULES = """# Règlement intérieur

## Article 6 — Balcons et façades

Il est interdit d'étendre du linge visible depuis la rue. La pose d'une antenne parabolique en
façade est soumise à l'accord préalable du syndic.
"""


def test_the_outcome_of_the_asked_resolution_is_quoted(tmp_path: Path) -> None:
    files = {"pv_ag_2025.md": MINUTES, "reglement.md": RULES}
    assistant = assistant_over(files, tmp_path / "docs", tmp_path / "i")
    answer = assistant.ask("Le ravalement de la façade a-t-il été voté ?")
    assert not answer.abstained, answer.reason
    quoted = " ".join(c.quote for c in answer.citations)
    assert "Adopté : 5 210 tantièmes pour" in quoted
    assert "Rejeté" not in quoted
