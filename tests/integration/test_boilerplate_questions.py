"""Text a corpus repeats (boilerplate.py: a disclaimer under every mail) is found by the build
and stored with the index; it is never quoted for a question about something else, while a
question that asks about it is still answered with it (s18 trial: the disclaimer quoted at .45
for "What did the Burkard support say about the battery replacement cost?")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from integration_helpers import fake_settings

from citeqa.api import build_index, index_status, open_assistant
from citeqa.boilerplate import MAX_LINES, line_key
from citeqa.changegroups import KNOWLEDGE_DAMAGED
from citeqa.config import Settings
from citeqa.corpus import file_sha256
from citeqa.errors import IndexCorrupt
from citeqa.ownership import CURRENT
from citeqa.store import STATISTICS, load_index

NOTICE = (
    "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended"
    " solely for the addressee. If you have received it in error, please delete it."
)
MAILS = {
    "trap.txt": "Subject: trap\n\nThe spore trap stopped rotating on 30 April.\nTom\n",
    "motor.txt": "Subject: motor\n\nThe clock motor will be replaced under warranty.\nDaniel\n",
    "freezer.txt": "Subject: freezer\n\nThe freezer alarm rang twice on Sunday night.\nLena\n",
    "lane.txt": "Subject: lane\n\nThe sequencing lane costs 1,450 GBP with the discount.\nKarim\n",
}


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, text in MAILS.items():
        (folder / name).write_text(f"{text}\n{NOTICE}\n", encoding="utf-8")
    return folder


def test_a_repeated_disclaimer_is_stored_never_quoted_unless_asked_about(tmp_path: Path) -> None:
    settings = fake_settings(_corpus(tmp_path / "corpus"), tmp_path / "index")
    build_index(settings)
    stored = load_index(settings.index_dir).statistics or {}
    assert stored["boilerplate"] == [line_key(NOTICE)]
    assistant = open_assistant(settings, build_if_missing=False)
    for question in (
        "What did the support say about the battery replacement cost?",
        "When did the freezer alarm ring?",
        "When did the trap stop rotating?",
    ):
        answer = assistant.ask(question)
        assert all("CONFIDENTIAL" not in c.quote for c in answer.citations), question
    asked = assistant.ask("What does the confidentiality notice say?")
    assert not asked.abstained and "CONFIDENTIALITY NOTICE" in asked.citations[0].quote


def test_an_update_keeps_the_boilerplate_of_the_documents_it_does_not_read(
    tmp_path: Path,
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    (corpus / "trap.txt").write_text("The trap works again.\n", encoding="utf-8")
    build_index(settings)
    stored = load_index(settings.index_dir).statistics or {}
    assert stored["boilerplate"] == [line_key(NOTICE)]  # still in three documents
    (corpus / "motor.txt").unlink()
    build_index(settings)
    assert (load_index(settings.index_dir).statistics or {})["boilerplate"] == []


RECIPE = "Preheat the oven to 180 degrees and bake the apple crumble for 35 minutes until golden.\n"


def _recipe_confidence(folder: Path, copies: int) -> tuple[float, list[str]]:
    """The confidence of the answer on the crumble's baking time in a corpus of the mails and
    the recipe, with `copies` byte copies of the recipe; the stored boilerplate's keys."""
    corpus = _corpus(folder / "corpus")
    (corpus / "crumble.txt").write_text(RECIPE, encoding="utf-8")
    for number in range(copies):
        (corpus / f"crumble ({number + 1}).txt").write_text(RECIPE, encoding="utf-8")
    settings = fake_settings(corpus, folder / "index")
    build_index(settings)
    stored = load_index(settings.index_dir).statistics or {}
    answer = open_assistant(settings, build_if_missing=False).ask(
        "How long does the apple crumble bake?"
    )
    assert not answer.abstained and "35 minutes" in answer.citations[0].quote
    return answer.confidence, stored["boilerplate"]


def test_copies_of_a_document_do_not_make_its_lines_boilerplate(tmp_path: Path) -> None:
    """s41 hostile M0: a recipe and two copies of it ("x (copie).md") wrote each of its lines
    in three documents, so the build stored them as boilerplate and the answer quoting the
    recipe was weighed down (confidence .57 -> .29 among 300 notes); a copy now counts once."""
    alone, kept = _recipe_confidence(tmp_path / "alone", copies=0)
    copied, stored = _recipe_confidence(tmp_path / "copied", copies=2)
    assert kept == stored == [line_key(NOTICE)]
    assert copied >= 0.9 * alone, (copied, alone)


CLAUSE = (
    "The Tenant shall not sublet the premises without the prior written consent of the Landlord."
)
DEPOSIT = (
    "The security deposit of two months rent is returned within thirty days after the lease ends."
)


def test_a_clause_leases_from_one_template_share_is_still_quoted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, tenant in enumerate(("Smith", "Jones", "Brown")):
        (corpus / f"lease_{tenant}.txt").write_text(
            f"Lease agreement between {tenant} and Northbrook Housing\n\n"
            f"The monthly rent is {900 + number * 50} EUR.\n\n{CLAUSE}\n\n{DEPOSIT}\n",
            encoding="utf-8",
        )
    settings, boilerplate = _built(corpus, tmp_path)
    assert line_key(CLAUSE) in boilerplate
    answer = open_assistant(settings, build_if_missing=False).ask(
        "Can the Smith tenant sublet the flat?"
    )
    assert not answer.abstained and "sublet" in answer.citations[0].quote


ORIGINAL = "The spore trap on the roof stopped rotating on 30 April because the clock motor failed."
REPLY = "Thanks, I will order a new motor today."


def test_a_mail_outlook_replies_copy_under_original_message_is_still_quoted(
    tmp_path: Path,
) -> None:
    first = f"From: Tom\nSubject: trap\n\nHi Lena,\n{ORIGINAL}\nTom\n"
    second = f"From: Lena\nSubject: RE: trap\n\n{REPLY}\nLena\n\n-----Original Message-----\n"
    third = "From: Tom\nSubject: RE: RE: trap\n\nThe motor arrived.\nTom\n\n"
    third += "-----Original Message-----\n"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, text in enumerate((first, second + first, third + second + first)):
        (corpus / f"mail{number}.txt").write_text(text, encoding="utf-8")
    settings, boilerplate = _built(corpus, tmp_path)
    assert line_key(ORIGINAL) in boilerplate
    answer = open_assistant(settings, build_if_missing=False).ask(
        "Which part failed in the trap in April according to Tom?"
    )
    assert not answer.abstained and "clock motor failed" in answer.citations[0].quote


def _built(corpus: Path, tmp_path: Path) -> tuple[Settings, list[str]]:
    """The settings of an index built of `corpus`, and the boilerplate line keys it stored."""
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    return settings, (load_index(settings.index_dir).statistics or {})["boilerplate"]


DAMAGED = {
    "boilerplate as a string": ("boilerplate", "abc"),
    "boilerplate nested": ("boilerplate", [[[[]]]]),
    "more boilerplate lines than a build stores": (
        "boilerplate",
        [f"{number:016x}" for number in range(MAX_LINES + 1)],
    ),
    "acronyms as a string": ("acronyms", "abc"),
    "term pairs of numbers": ("term_pairs", [[1, 2]]),
    "domain file of another shape": ("domain", {"groups": "abc"}),
}


@pytest.mark.parametrize("key, value", DAMAGED.values(), ids=list(DAMAGED))
def test_damaged_stored_knowledge_is_stale_and_computed_again_by_an_update(
    tmp_path: Path, fake_embedder: Any, key: str, value: Any
) -> None:
    """s19 hostile 3: statistics.json altered (its sha in the manifest too) so that `ask`
    refuses it ("run `citeqa index`"): `status` says so and `index` computes it again, nothing
    re-embedded, rather than answering "Index up to date"."""
    settings = fake_settings(_corpus(tmp_path / "corpus"), tmp_path / "index")
    build_index(settings)
    stored = load_index(settings.index_dir).statistics or {}
    _store_statistics(settings.index_dir, {**stored, key: value})
    with pytest.raises(IndexCorrupt, match="run `citeqa index`"):
        open_assistant(settings, build_if_missing=False)
    assert index_status(settings).changed == [f"{KNOWLEDGE_DAMAGED} (no re-embedding needed)"]
    fake_embedder.reset_counts()
    report = build_index(settings)
    assert report.rewritten and fake_embedder.texts_embedded == 0
    assert load_index(settings.index_dir).statistics == stored
    assert not index_status(settings).stale
    answer = open_assistant(settings, build_if_missing=False).ask(
        "When did the freezer alarm ring?"
    )
    assert not answer.abstained and "Sunday" in answer.citations[0].quote


def _store_statistics(index_dir: Path, statistics: dict[str, Any]) -> None:
    """Write `statistics` as the published build's statistics.json, its manifest's sha256 with
    it (an edit the manifest's check does not catch)."""
    build = (index_dir / CURRENT).resolve()
    (build / STATISTICS).write_text(json.dumps(statistics, sort_keys=True), encoding="utf-8")
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    manifest["index_files"][STATISTICS] = file_sha256(build / STATISTICS)
    (build / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
