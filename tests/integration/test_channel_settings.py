"""Vector channels as a user changes them: settings that ask for other channels than the index
was built with are named (ask, status), and an index whose channel's package is gone says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from integration_helpers import CliResult, make_corpus, one_error_line

from citeqa.embedding import get_embedder
from citeqa.errors import EmbedderUnavailable
from citeqa.lazyembedder import MISSING


@pytest.fixture
def built(tmp_path: Path, cli: Callable[..., CliResult]) -> dict[str, str]:
    """A corpus and its index, built with the "fake" channel (the CLI fixture's default)."""
    where = {
        "corpus_dir": str(make_corpus(tmp_path / "corpus")),
        "index_dir": str(tmp_path / "index"),
    }
    assert cli("index", **where).code == 0
    return where


def test_ask_names_channels_the_index_was_not_built_with(
    built: dict[str, str], cli: Callable[..., CliResult]
) -> None:
    done = cli("ask", "How does belimumab work?", channels="[]", **built)
    assert done.code == 0
    assert "built with the channels fake, the settings ask for none" in done.err
    assert "citeqa index --rebuild" in done.err


def test_ask_says_nothing_when_the_channels_agree(
    built: dict[str, str], cli: Callable[..., CliResult]
) -> None:
    done = cli("ask", "How does belimumab work?", **built)
    assert done.code == 0
    assert "channels" not in done.err


def test_status_names_channels_the_index_was_not_built_with(
    built: dict[str, str], cli: Callable[..., CliResult]
) -> None:
    done = cli("status", channels="[]", **built)
    assert done.code == 0
    assert "built with the channels fake, the settings ask for none" in done.err
    assert "settings ask" not in cli("status", **built).err


def test_an_index_whose_channel_package_is_gone_says_so(
    built: dict[str, str], cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(type(get_embedder("fake")), "version", MISSING)
    done = cli("ask", "How does belimumab work?", **built)
    assert done.code == EmbedderUnavailable.exit_code
    message = one_error_line(done.err)
    assert "'fake' channel" in message and "needs the citeqa-tests package" in message
    assert "(not installed). Install citeqa-tests, or set `channels`" in message
    assert "citeqa index --rebuild" in message
