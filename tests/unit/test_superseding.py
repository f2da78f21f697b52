"""superseding.py: a document's own status line or sentence naming the document replacing it,
or the one it replaces, by its whole identifier; read at the build, paired once, stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeqa.superseded import copies
from citeqa.superseding import (
    document_statements,
    identifiers_written,
    own_identifiers,
    paired,
    stored_pairs,
)
from small_corpora import asked_of_files as _asked

ADR_006 = (
    "# ADR-006: Authenticate API clients with long-lived API keys\n\n"
    "- Status: Superseded by ADR-008\n- Date: 2025-02-10\n\n"
    "## Context\nWe need simple authentication for the first clients.\n\n"
    "## Decision\nClients authenticate with an API key passed in the X-Api-Key header."
    " Keys do not expire.\n"
)
ADR_008 = (
    "# ADR-008: OAuth2 client credentials instead of API keys\n\n"
    "- Status: Accepted\n- Date: 2026-02-10\n\n"
    "## Context\nAPI keys never expire and leak in query strings (see ADR-006).\n\n"
    "## Decision\nClients authenticate with the OAuth2 client-credentials flow. This"
    " supersedes ADR-006.\n"
)
P12_V2 = (
    "# Procédure P-12 v2 : nettoyage des cuves\n\n"
    "Statut : remplacée par la nouvelle procédure P-12 v3\n\n"
    "Les cuves sont rincées à l'eau chaude à 60 °C après chaque lot.\n"
)
P12_V3 = (
    "# Procédure P-12 v3 : nettoyage des cuves\n\n"
    "Le présent document annule et remplace la procédure P-12 v2.\n\n"
    "Les cuves sont rincées à l'eau chaude à 80 °C après chaque lot.\n"
)
NS_4 = (
    "# NS-4 Note de service : horaires d'ouverture de l'atelier\n\n"
    "L'atelier ouvre à 7 h 30 et ferme à 17 h du lundi au vendredi.\n"
)
NS_5 = (
    "# NS-5 Note de service : horaires d'ouverture de l'atelier\n\n"
    "Cette note remplace NS-4.\n\n"
    "L'atelier ouvre à 7 h et ferme à 16 h 30 du lundi au vendredi.\n"
)
F20 = "# F-20 Fiche technique du filtre à poches\n\nPerte de charge finale recommandée : 200 Pa.\n"
MP3 = (
    "# MP-3 Entretien de la CTA\n\n"
    "Le technicien remplace le filtre F-20 chaque mois.\n"
    "Perte de charge finale avant remplacement : 250 Pa.\n"
)


@pytest.mark.parametrize(
    ("name", "text", "stated"),
    [
        pytest.param("ADR-006-auth.md", ADR_006, ["<adr 8"], id="status-line"),
        pytest.param("ADR-008-oauth2.md", ADR_008, [">adr 6"], id="this-supersedes"),
        pytest.param("P-12 v2.md", P12_V2, ["<p 12 v3"], id="statut-remplacee-par"),
        pytest.param("P-12 v3.md", P12_V3, [">p 12 v2"], id="le-present-document"),
        pytest.param("NS-5.md", "# NS-5\n\nCette note remplace NS-4.\n", [">ns 4"], id="note"),
        pytest.param("SOP-1.md", "# SOP-1\n\nStatut : remplacé(e) par SOP-2\n", ["<sop 2"], id="e"),
        pytest.param("a.md", "---\nsuperseded_by: ADR-012\n---\n# A\n", ["<adr 12"], id="metadata"),
        pytest.param(
            "ADR-009.md", "# ADR-009\n\n## Status\n\nSuperseded by [ADR-010](x.md)\n", ["<adr 10"]
        ),
        pytest.param(
            "POL-9.md", "# POL-9\n\nThis policy is replaced by POL-2024-001.\n", ["<pol 2024.1"]
        ),
        pytest.param("POL-3.md", "# POL-3\n\nThis policy replaces the policy POL-1.\n", [">pol 1"]),
        pytest.param(
            "ADR-4.md", "# ADR-4\n\nStatus: Deprecated — superseded by ADR-5\n", ["<adr 5"]
        ),
        pytest.param(
            "QM-1.md",
            "# QM-1\n\nThis manual supersedes ISO 9001:2008.\n",
            [">iso 9001.2008"],
            id="a-colon-number-is-part-of-the-identifier",
        ),
    ],
)
def test_a_status_line_or_the_document_s_own_sentence_states_it(
    name: str, text: str, stated: list[str]
) -> None:
    assert document_statements(name, text)[1] == stated


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(MP3, id="prose-verb-on-an-object-fr"),
        pytest.param(
            "# PRO-2 Start-up\n\nFrom 1 March, the paper logbook is replaced by the CHK-4"
            " checklist.\n",
            id="an-object-replaced-en",
        ),
        pytest.param("# X200\n\nThe X200 replaces the X100 on new orders.\n", id="a-product"),
        pytest.param("# ADR-011\n\nThis ADR supersedes ADR-003 section 4.\n", id="a-part"),
        pytest.param("# A-1\n\nLe présent avenant annule et remplace l'article 4.\n", id="article"),
        pytest.param(
            "# ADR-012\n\nStatus: Accepted. The old design is replaced by ADR-4.\n", id="prose"
        ),
        pytest.param("# ADR-013\n\nThis replaces PMP-4 on the line.\n", id="bare-this-replaces"),
        pytest.param(
            "# PRO-7 Filter change\n\nThis procedure replaces the F-20 filter cartridges of"
            " AHU-2 every quarter.\n",
            id="this-procedure-replaces-an-object",
        ),
        pytest.param(
            "# MP-3 Entretien\n\nCette procédure remplace le filtre F-20 de la CTA chaque"
            " trimestre.\n",
            id="cette-procedure-remplace-un-objet",
        ),
        pytest.param(
            "# PRO-2 Handover\n\nThis procedure replaces paper logging with the CHK-4 checklist.\n",
            id="replaces-x-with-the-identifier",
        ),
        pytest.param(
            "# INC-42 Cooling outage\n\nStatus: Resolved, pump replaced by PMP-4\n",
            id="a-ticket-status-with-free-words",
        ),
        pytest.param(
            "# WO-118 Filter\n\n## Status\n\nDone — filter replaced by F-20.\n",
            id="a-ticket-status-heading-with-free-words",
        ),
        pytest.param(
            "# ADR-011 Sessions\n\nStatus: Proposed, replaces ADR-003 if approved\n",
            id="a-proposal",
        ),
        pytest.param(
            "# ADR-014 Sessions\n\n## Status\n\nProposed\n\nSupersedes: ADR-003\n",
            id="a-proposal-under-a-status-heading",
        ),
        pytest.param(
            "# ADR-015\n\nThis ADR supersedes ADR-003 once approved by the board.\n",
            id="a-condition",
        ),
        pytest.param("# P-1\n\nLa présente note remplace NS-4 si elle est validée.\n", id="si"),
    ],
)
def test_a_prose_verb_or_a_part_states_nothing(text: str) -> None:
    assert document_statements("doc.md", text)[1] == []


def test_the_identifier_is_whole_and_numbers_read_as_numbers() -> None:
    identifiers = {
        "a.md": ["pol 2023.4"],
        "b.md": ["pol 2024.9"],
        "c.md": ["adr 8"],
        "d.md": ["adr 9"],
    }
    assert paired(identifiers, {"a.md": ["<pol 2024.1"]}) == {}  # POL-2024-001 absent
    assert document_statements("adr-008-oauth2.md", "# OAuth2\n")[0] == ["adr 8"]
    assert paired(identifiers, {"d.md": [">adr 8"]}) == {"c.md": "d.md"}  # "ADR 8"


def test_a_colon_or_a_slash_between_numbers_is_part_of_the_identifier() -> None:
    own = own_identifiers("iso-9001-2015-gap-analysis.md", "# ISO 9001:2015 gap analysis\n")
    assert sorted(named.key() for named in own) == ["iso 9001.2015"]
    assert [named.key() for named in identifiers_written("see NC 12/3")] == ["nc 12.3"]


def test_a_version_names_one_edition_and_an_unversioned_name_of_two_none() -> None:
    identifiers = {"v2.md": ["p 12 v2"], "v3.md": ["p 12 v3"], "n.md": ["ns 5"]}
    assert paired(identifiers, {"v3.md": [">p 12 v2"]}) == {"v2.md": "v3.md"}
    assert paired(identifiers, {"n.md": [">p 12"]}) == {}


def test_a_document_of_another_kind_is_no_edition_of_the_stating_one() -> None:
    identifiers = {"INC-42.md": ["inc 42"], "PMP-4.md": ["pmp 4"], "ADR-8.md": ["adr 8"]}
    assert paired(identifiers, {"INC-42.md": ["<pmp 4"]}) == {}
    assert paired({**identifiers, "notes.md": []}, {"notes.md": ["<adr 8"]}) == {}
    assert paired({**identifiers, "ADR-6.md": ["adr 6"]}, {"ADR-6.md": ["<adr 8"]}) == {
        "ADR-6.md": "ADR-8.md"
    }


def test_two_documents_each_saying_the_other_replaces_it_pair_neither() -> None:
    identifiers = {"a.md": ["adr 1"], "b.md": ["adr 2"]}
    assert paired(identifiers, {"a.md": ["<adr 2"], "b.md": ["<adr 1"]}) == {}


def test_a_stored_pair_is_an_earlier_edition_along_its_chain() -> None:
    found = copies(["1.md", "4.md", "9.md"], lambda doc: "", {"1.md": "4.md", "4.md": "9.md"})
    assert found["1.md"].current == "9.md" and found["1.md"].superseded
    assert found["4.md"].earlier and "9.md" not in found


@pytest.mark.parametrize("stored", [{"superseded_by": [1, 2]}, {"superseded_by": {"a": 3}}, None])
def test_damaged_stored_pairs_are_none(stored: dict[str, object] | None) -> None:
    assert stored_pairs(stored) == {}


def test_the_build_stores_the_pairs(tmp_path: Path) -> None:
    files = {"ADR-006-auth.md": ADR_006, "ADR-008-oauth2.md": ADR_008}
    _asked(tmp_path, files, "How do clients authenticate to the API?")
    (statistics,) = (tmp_path / "index").glob("build-*/statistics.json")
    assert json.loads(statistics.read_text())["superseded_by"] == {"ADR-006-auth": "ADR-008-oauth2"}


def test_the_superseded_decision_is_quoted_after_the_current_and_labelled(tmp_path: Path) -> None:
    files = {"ADR-006-auth.md": ADR_006, "ADR-008-oauth2.md": ADR_008}
    answer = _asked(tmp_path, files, "How do clients authenticate to the API?")
    assert answer.citations[0].doc_id == "ADR-008-oauth2"
    labelled = [w for w in answer.warnings if "ADR-006-auth.md, superseded by ADR-008" in w]
    assert all(c.doc_id == "ADR-008-oauth2" for c in answer.citations) or labelled


def test_la_note_remplacee_est_citee_apres_la_nouvelle(tmp_path: Path) -> None:
    files = {"NS-4 horaires.md": NS_4, "NS-5 horaires.md": NS_5}
    answer = _asked(tmp_path, files, "À quelle heure ouvre l'atelier ?")
    assert answer.citations[0].doc_id == "NS-5 horaires"
    assert [c.doc_id for c in answer.citations[1:]] in ([], ["NS-4 horaires"])
    assert len(answer.citations) == 1 or any("remplacé par NS-5" in w for w in answer.warnings)


def test_a_prose_verb_on_an_object_leaves_the_datasheet_current(tmp_path: Path) -> None:
    files = {"F-20-fiche-filtre.md": F20, "MP-3-entretien-CTA.md": MP3}
    answer = _asked(tmp_path, files, "Quelle est la perte de charge finale recommandée du filtre ?")
    assert not any("remplacé par" in warning for warning in answer.warnings)
    (statistics,) = (tmp_path / "index").glob("build-*/statistics.json")
    assert json.loads(statistics.read_text())["superseded_by"] == {}


_TEMPLATE_STATUS = "Status: Superseded by ADR-002"


@pytest.mark.parametrize(
    "example",
    [
        pytest.param(f"```\n{_TEMPLATE_STATUS}\n```\n", id="backtick-fence"),
        pytest.param(f"~~~markdown\n{_TEMPLATE_STATUS}\n~~~\n", id="tilde-fence"),
        pytest.param(f"    {_TEMPLATE_STATUS}\n", id="indented-block"),
        pytest.param(f"\t{_TEMPLATE_STATUS}\n", id="tab-indented-block"),
    ],
)
def test_a_status_line_shown_in_a_code_block_states_nothing(example: str) -> None:
    text = (
        "# ADR-001: Record architecture decisions\n\n## Status\n\nAccepted\n\n## Decision\n\n"
        "When a later decision replaces an earlier one, we edit its status line, for example:\n\n"
        f"{example}"
    )
    assert document_statements("adr-001-record-decisions.md", text)[1] == []


def test_a_status_line_after_a_closed_code_block_still_states() -> None:
    text = "# ADR-3\n\n```\nmake docs\n```\n\nStatus: Superseded by ADR-4\n"
    assert document_statements("adr-3.md", text)[1] == ["<adr 4"]


def test_a_proposal_s_status_at_its_head_silences_its_last_part() -> None:
    body = "\n".join(f"Consideration {n}: the token lifetime needs discussion." for n in range(120))
    text = (
        "# ADR-008: OAuth2\n\n## Status\n\nProposed\n\n## Decision\n\n"
        f"{body}\n\n## Consequences\n\nThis ADR supersedes ADR-006.\n"
    )
    assert len(text) > 2 * 2000
    assert document_statements("adr-008-oauth2.md", text)[1] == []


@pytest.mark.parametrize(
    "status",
    ["Under discussion with the works council", "En discussion", "Brouillon", "Refusée"],
)
def test_an_unsettled_status_states_no_replacement(status: str) -> None:
    text = f"# POL-9: Remote work\n\nStatus: {status}\n\nThis policy replaces POL-7.\n"
    assert document_statements("pol-9-remote-work.md", text)[1] == []


@pytest.mark.parametrize(
    "status",
    [
        "Superseded by ADR-008 for public clients",
        "Superseded by ADR-008 (web only)",
        "Superseded by ADR-008 except for batch jobs",
        "Remplacé par ADR-008 pour les clients publics",
        "Remplacé par ADR-008 jusqu'au 1er mars",
    ],
)
def test_a_status_replacing_part_of_the_document_states_nothing(status: str) -> None:
    text = f"# ADR-006: API keys\n\n## Status\n\n{status}\n\n## Decision\n\nUse API keys.\n"
    assert document_statements("adr-006-api-keys.md", text)[1] == []


@pytest.mark.parametrize(
    "status",
    [
        "Superseded by ADR-008.",
        "Superseded by ADR-008 (2026-02-10)",
        "Superseded by ADR-008 on 2026-02-10",
    ],
)
def test_a_status_with_a_date_after_the_identifier_still_states(status: str) -> None:
    text = f"# ADR-006: API keys\n\n## Status\n\n{status}\n"
    assert document_statements("adr-006-api-keys.md", text)[1] == ["<adr 8"]


def test_an_indented_status_of_a_text_without_markdown_still_states() -> None:
    text = "ADR-6 API keys\n\n    Status: Superseded by ADR-8\n\nClients use API keys.\n"
    assert document_statements("adr-6.txt", text)[1] == ["<adr 8"]
