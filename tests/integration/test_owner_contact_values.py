"""A question asking a kind of value (an e-mail address, a phone number) of an owner the
question names, whose chosen quote writes none, quotes a near-best line writing such a value
and the owner's words instead of abstaining (answering._owner_value_instead; s44 trial: "What
is the e-mail address of HR?" on a handbook and a contact list abstained saying the passages
write no e-mail address). Another owner's value is never quoted for it."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

HANDBOOK = """# Employee Handbook

## Annual leave

Full-time employees receive 25 days of paid annual leave per calendar year. Leave requests
are submitted in the HR portal at least two weeks in advance. Oliver Grant, head of IT,
approves the leave of the IT team.

## Sick leave

If you are ill, inform your manager before 09:30 on the first day of absence.

## Pay

Payslips are sent by e-mail to your work address on the last working day of the month.
"""
CONTACTS = """WHO TO CONTACT

HR contact: Maria Jensen, maria.jensen@northwind-example.com, +32 2 555 01 40
Payroll questions: Tom Peeters, payroll@northwind-example.com
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"handbook.md": HANDBOOK, "contacts.txt": CONTACTS}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_the_owner_s_contact_line_is_quoted(folder: Assistant) -> None:
    answer = folder.ask("What is the e-mail address of HR?")
    assert not answer.abstained, answer.reason
    assert "maria.jensen@northwind-example.com" in answer.citations[0].quote


def test_another_owner_s_address_is_no_answer(folder: Assistant) -> None:
    answer = folder.ask("What is the e-mail address of Oliver Grant?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason == "The passages that would answer write no “e-mail address”."


LIVRET = """# Livret d'accueil

## Congés

Les salariés à temps plein disposent de 25 jours de congés payés par an. Les demandes sont
faites dans le portail RH au moins deux semaines à l'avance.

## Paie

Les bulletins de paie sont envoyés par courriel à votre adresse professionnelle.
"""
CONTACTS_FR = """QUI CONTACTER

Contact RH : Claire Morel, claire.morel@exemple-asso.fr, 01 45 67 89 10
Service paie : Hugo Lambert, paie@exemple-asso.fr
"""


def test_the_owner_s_contact_line_is_quoted_in_french(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    files = {"livret.md": LIVRET, "contacts.txt": CONTACTS_FR}
    folder = assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))
    answer = folder.ask("Quelle est l'adresse courriel des RH ?")
    assert not answer.abstained, answer.reason
    assert "claire.morel@exemple-asso.fr" in answer.citations[0].quote
