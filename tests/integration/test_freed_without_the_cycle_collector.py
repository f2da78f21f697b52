"""A dropped assistant, its sentence bank and its loaded index are freed as soon as the last
reference goes (reference counting), not at the cycle collector's next slow pass: the chat
reloads the index after each build, and the old one must not linger in memory meanwhile."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

from integration_helpers import fake_settings, make_corpus

from citeqa.api import build_index, open_assistant


def test_a_dropped_assistant_is_freed_without_the_cycle_collector(
    tmp_path: Path, fake_embedder: Any
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "table.md").write_text(
        "# Doses\n\n| drug | dose |\n|---|---|\n| belimumab | 10 mg/kg |\n| placebo | none |\n"
    )
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    gc.collect()
    gc.disable()
    try:
        assistant = open_assistant(settings)
        assistant.ask("What dose of belimumab?")
        bank = weakref.ref(assistant._loaded.bank)
        index = weakref.ref(assistant._loaded.index)
        del assistant
        assert bank() is None
        assert index() is None
    finally:
        gc.enable()
