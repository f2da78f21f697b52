"""A small shop's FAQ folder (a French FAQ and an English one), shared by the integration tests
of short questions and yes-or-no replies: each gives its own reply to "Livrez-vous à domicile ?".

Importable from any test folder as `shop_faqs` (tests/ is on sys.path, like small_corpora).
"""

from __future__ import annotations

FAQ_FR = """# Questions fréquentes

## Livrez-vous à domicile ?

{delivery_reply}

## Peut-on visiter l'atelier ?

Oui, l'atelier est ouvert à la visite le premier samedi de chaque mois, sur rendez-vous.
"""
FAQ_EN = """# Frequently asked questions

## Do you ship abroad?

Yes, we ship to every country of the European Union within ten working days.
"""


def shop_faq_files(delivery_reply: str) -> dict[str, str]:
    """The folder's files by name: faq.md (French, `delivery_reply` under its first question)
    and faq-en.md (English)."""
    return {"faq.md": FAQ_FR.format(delivery_reply=delivery_reply), "faq-en.md": FAQ_EN}
