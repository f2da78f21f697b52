"""A price stated as a share of another price ("facturées à 30 % du tarif au mot") answers a
question asking a price: the amount kind's shape (asked_values.json) takes it in, so the
sentence is not weighed down for writing no currency while another writes one.

Found by the s43 quote analysis (admin set, dev half): "À quel tarif sont facturées les
répétitions exactes ?" quoted the late-payment sentence for its "40 €".
"""

from __future__ import annotations

from pathlib import Path

from small_corpora import asked_of_files

TERMS = (
    "# Conditions générales de vente\n\n"
    "## Devis et commande\n\n"
    "Tout devis est valable 45 jours. La commande est ferme à réception du devis signé et de "
    "l'acompte de 30 % pour toute commande supérieure à 1 500 € HT.\n\n"
    "## Comptage\n\n"
    "Le nombre de mots est compté sur le document source avec l'outil de TAO. Les répétitions "
    "exactes sont facturées à 30 % du tarif au mot.\n\n"
    "## Délais et paiement\n\n"
    "Les factures sont payables à 30 jours date de facture, sauf délai convenu avec le client. "
    "Aucun escompte n'est accordé pour paiement anticipé. Tout retard entraîne des pénalités au "
    "taux de 3 fois le taux d'intérêt légal et une indemnité forfaitaire de 40 € pour frais de "
    "recouvrement.\n\n"
    "## Réclamations\n\n"
    "Toute réclamation sur la qualité d'une traduction doit être formulée par écrit dans les 15 "
    "jours suivant la livraison.\n"
)


def test_a_price_asked_is_answered_by_its_share_of_the_word_rate(tmp_path: Path) -> None:
    answer = asked_of_files(
        tmp_path, {"cgv.md": TERMS}, "À quel tarif sont facturées les répétitions exactes ?"
    )
    quotes = [citation.quote for citation in answer.citations]
    assert quotes == ["Les répétitions exactes sont facturées à 30 % du tarif au mot."]
