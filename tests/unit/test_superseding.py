"""Documents a statement says are replaced by another, named by its identifier
(superseding.py), read as earlier editions by superseded.copies and labelled by versions.py."""

from __future__ import annotations

from citeqa.models import Answer, Citation
from citeqa.superseded import Copy, copies
from citeqa.versions import CorpusVersions, with_older_statement

ADRS = {
    "docs/adr/ADR-003-use-rabbitmq-for-asynchronous-jobs": (
        "# ADR-003: Use RabbitMQ for asynchronous jobs\n\n- Status: Superseded by ADR-007\n"
        "- Date: 2024-12-02\n\n## Decision\nWe run RabbitMQ 3.12 with one queue per job type.\n"
    ),
    "docs/adr/ADR-006-authenticate-api-clients-with-long-lived": (
        "# ADR-006: Authenticate API clients with long-lived API keys\n\n"
        "- Status: Superseded by ADR-008\n\n## Decision\nEach client gets an API key.\n"
    ),
    "docs/adr/ADR-007-replace-rabbitmq-with-redis-streams": (
        "# ADR-007: Replace RabbitMQ with Redis Streams\n\n- Status: Accepted\n\n## Decision\n"
        "Asynchronous jobs move to Redis Streams. This supersedes ADR-003.\n"
    ),
    "docs/adr/ADR-008-oauth2-client-credentials-instead-of-api": (
        "# ADR-008: OAuth2 client credentials instead of API keys\n\n- Status: Accepted\n\n"
        "## Context\nAPI keys never expire (see ADR-006).\n\n## Decision\nClients authenticate"
        " with the OAuth2 client-credentials flow. This\nsupersedes ADR 6.\n"
    ),
    "docs/adr/ADR-001-use-postgresql": "# ADR-001: Use PostgreSQL\n\n- Status: Accepted\n",
}


def _copies(texts: dict[str, str]) -> dict[str, Copy]:
    return copies(list(texts), texts.__getitem__)


def test_an_adr_superseded_by_another_is_its_earlier_edition_either_way_it_is_said() -> None:
    found = _copies(ADRS)
    adr = "docs/adr/ADR-00"
    assert found == {
        f"{adr}3-use-rabbitmq-for-asynchronous-jobs": Copy(
            f"{adr}7-replace-rabbitmq-with-redis-streams", False, True, True
        ),
        f"{adr}6-authenticate-api-clients-with-long-lived": Copy(
            f"{adr}8-oauth2-client-credentials-instead-of-api", False, True, True
        ),
    }
    stated_once = dict(ADRS)  # only the replacing ADR says it ("This supersedes ADR-003")
    stated_once[f"{adr}3-use-rabbitmq-for-asynchronous-jobs"] = "# ADR-003: Use RabbitMQ\n"
    assert _copies(stated_once)[f"{adr}3-use-rabbitmq-for-asynchronous-jobs"].current == (
        f"{adr}7-replace-rabbitmq-with-redis-streams"
    )


def test_a_french_procedure_replacing_another_is_resolved_by_its_title_identifier() -> None:
    texts = {
        "Qualite/gestion_des_acces_2023": (
            "Procédure P-12 v2 — Gestion des accès\n\nLes comptes sont revus chaque année.\n"
        ),
        "Qualite/acces_logiques": (
            "Procédure P-12 v3 — Gestion des accès logiques\n\nCette procédure annule et"
            " remplace la procédure P-12 v2.\nLes comptes sont revus chaque trimestre.\n"
        ),
        "Qualite/charte_teletravail": (
            "POL-04 Charte du télétravail\n\nStatut : remplacée par la politique POL-09.\n"
        ),
        "Qualite/teletravail_2025": "POL-09 Politique de télétravail\n\nDeux jours par semaine.\n",
        "Qualite/note_interne": (
            "NI-3 Note sur les astreintes\n\nCette note est rendue caduque par NI-7.\n"
        ),
        "Qualite/astreintes": "NI-7 Astreintes\n\nUne semaine sur quatre.\n",
    }
    assert {doc: copy.current for doc, copy in _copies(texts).items()} == {
        "Qualite/gestion_des_acces_2023": "Qualite/acces_logiques",
        "Qualite/charte_teletravail": "Qualite/teletravail_2025",
        "Qualite/note_interne": "Qualite/astreintes",
    }


def test_an_article_a_part_or_an_absent_document_replaced_pairs_nothing() -> None:
    texts = {
        "Contrats/contrat-C-12": "Contrat C-12 de maintenance\n\nArticle 4 : prix 1 200 €.\n",
        "Contrats/avenant-A-2": (
            "Avenant A-2 au contrat C-12\n\nLe présent avenant annule et remplace l'article 4"
            " du contrat C-12.\n"
        ),
        "Policies/POL-3-remote-work": (
            "POL-3 Remote work\n\nSection 3 of this policy is superseded by POL-9.\n"
        ),
        "Policies/POL-9-hybrid-work": (
            "POL-9 Hybrid work\n\nThis policy supersedes POL-3 section 2 only.\n"
        ),
        "Policies/POL-5-travel": "POL-5 Travel\n\nStatus: superseded by POL-11.\n",
        "Policies/POL-6-expenses": "POL-6 Expenses\n\nThis replaces SOP-2.\n",
    }
    assert _copies(texts) == {}


def test_a_statement_about_other_documents_or_an_ambiguous_name_pairs_nothing() -> None:
    texts = {
        "adr/README": "ADR index\n\n- ADR-002 is superseded by ADR-004.\n",
        "adr/ADR-002-rest": "# ADR-002: REST\n\n- Status: Accepted\n",
        "adr/ADR-004-grpc": "# ADR-004: gRPC\n\n- Status: Proposed\n",
        "adr/ADR-010-log": (
            "# ADR-010: Decision log\n\nNote that ADR-002 is superseded by ADR-004.\n"
        ),
        "adr/ADR-011-cache": "# ADR-011: Cache\n\n- Status: Superseded by ADR-012\n",
        "adr/ADR-012-redis": "# ADR-012: Redis\n",
        "team-b/ADR-012-queues": "# ADR-012: Queues\n",
    }
    assert _copies(texts) == {}


def _answer(doc_id: str, quote: str, lang: str) -> Answer:
    citation = Citation(
        n=1, doc_id=doc_id, title=doc_id, path=f"/d/{doc_id}.md", start=0, end=len(quote),
        quote=quote, score=0.5,
    )  # fmt: skip
    return Answer(
        question="q", abstained=False, confidence=0.5, answer=quote, citations=[citation],
        passages=[], lang=lang,
    )  # fmt: skip


def test_a_superseded_adr_is_read_after_the_current_one_and_labelled_superseded() -> None:
    versions = CorpusVersions.of(list(ADRS), str, text_of=ADRS.__getitem__)
    assert versions is not None
    old = "docs/adr/ADR-006-authenticate-api-clients-with-long-lived"
    new = "docs/adr/ADR-008-oauth2-client-credentials-instead-of-api"
    assert versions.is_older(old) and not versions.is_older(new)
    current = _answer(new, "Clients authenticate with the OAuth2 client-credentials flow.", "en")
    older = _answer(old, "Clients authenticate with an API key.", "en")
    _, note = with_older_statement(current, older, versions, 400, [frozenset({"authent"})])
    assert note == f"[2] quotes {old}.md, superseded by {new}, which states it otherwise; the" + (
        f" answer quotes {new}."
    )
    only = versions.only_older_note(
        _answer(old, "Each client gets an API key.", "fr").citations[0], "fr"
    )
    assert only == f"Réponse tirée de {old}.md, remplacé par {new} : rien dans {new} n’y répond."


def test_a_question_naming_the_superseded_document_reads_it_as_current() -> None:
    versions = CorpusVersions.of(list(ADRS), str, text_of=ADRS.__getitem__)
    assert versions is not None
    old = "docs/adr/ADR-006-authenticate-api-clients-with-long-lived"

    def kept(question: str) -> bool:
        return versions.arrangement(question, 2).kept(old)

    assert not kept("How do clients authenticate to the API?")
    assert kept("What did ADR-006 decide?")
    assert kept("Quel est le statut de l'adr 6 ?")
    assert not kept("Which ADR, ADR-006 or ADR-008, is current?"), "the current one is named"


def test_a_chain_ends_at_the_newest_and_two_documents_each_saying_the_other_is_newer_pair_not() -> (
    None
):
    texts = {
        "rules/SOP-1-backups": "SOP-1 Backups\n\nStatus: superseded by SOP-2.\n",
        "rules/SOP-2-backups": "SOP-2 Backups\n\nStatus: superseded by SOP-3.\n",
        "rules/SOP-3-backups": "SOP-3 Backups\n\nStatus: in force.\n",
        "rules/SOP-7-keys": "SOP-7 Keys\n\nStatus: replaced by SOP-8.\n",
        "rules/SOP-8-keys": "SOP-8 Keys\n\nStatus: replaced by SOP-7.\n",
    }
    assert {doc: copy.current for doc, copy in _copies(texts).items()} == {
        "rules/SOP-1-backups": "rules/SOP-3-backups",
        "rules/SOP-2-backups": "rules/SOP-3-backups",
    }
