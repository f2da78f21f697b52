"""A document in neither English nor French (a German page of the session-10 trial, which
`status` called `en`) is named `other` where citeqa names a document's languages, while its
chunks are read as before (the language detect_lang gives them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from citeqa.api import build_index, index_status, open_assistant
from citeqa.language import OTHER, document_languages, fits_neither
from small_corpora import fake_settings, make_corpus

GERMAN = (
    "Hinweise für deutsche Kunden\n\nDie Rechnungen werden von der Tallyfox GmbH in Leipzig"
    " ausgestellt. Der Support ist montags bis freitags von 9 bis 17 Uhr erreichbar. Die Daten"
    " werden ausschließlich in Rechenzentren in Frankfurt gespeichert.\n"
)
ENGLISH = (
    "The agent listens on port 7443 by default. Change it in the configuration file, then"
    " restart the service so that the new port is used by every paired machine in the office."
)
FRENCH = (
    "L'agent écoute par défaut sur le port 7443. Modifiez-le dans le fichier de configuration,"
    " puis redémarrez le service pour que le nouveau port soit utilisé par les machines."
)


def test_a_text_with_few_function_words_of_either_language_fits_neither() -> None:
    assert fits_neither(GERMAN)
    assert not fits_neither(ENGLISH) and not fits_neither(FRENCH)
    assert not fits_neither("Efficacy · 56,2 % · p=0,0002")  # too few words to tell
    assert document_languages(GERMAN, [(0, len(GERMAN), "en")]) == [OTHER]
    both = f"{ENGLISH}\n\n{FRENCH}"
    halves = [(0, len(ENGLISH), "en"), (len(ENGLISH) + 2, len(both), "fr")]
    assert document_languages(both, halves) == ["en", "fr"]


def test_status_names_a_german_page_other_and_its_chunks_read_as_before(
    tmp_path: Path, cli: Any
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "de-hinweise.txt").write_text(GERMAN, encoding="utf-8")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)

    langs = {doc.doc_id: doc.lang for doc in index_status(settings).documents}
    assert langs["de-hinweise"] == [OTHER]
    assert langs["biotherapy-in-lupus-faq"] == ["en"]
    assistant = open_assistant(settings, build_if_missing=False)
    chunks = [c for c in assistant._loaded.index.chunks if c.doc_id == "de-hinweise"]
    assert chunks and {c.lang for c in chunks} == {"en"}  # processing unchanged
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    done = cli("status", "--json", **where)
    assert done.code == 0
    rows = {row["doc_id"]: row["lang"] for row in json.loads(done.out)["documents"]}
    assert rows["de-hinweise"] == [OTHER] and rows["biotherapy-in-lupus-faq"] == ["en"]
    done = cli("status", **where)  # the table's row of the German page, not any "other"
    (row,) = [line for line in done.out.splitlines() if "de-hinweise" in line]
    assert done.code == 0 and OTHER in row.split()
