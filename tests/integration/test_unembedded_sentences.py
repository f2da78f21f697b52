"""A build past `embed_sentences_max` stores no sentence vectors, and says so: `citeqa index` in
one line (how many sentences, the setting, what answering does instead), `citeqa status` in one
line, `status --json` as `sentence_vectors: false` beside `sentence_count` (the s15 trial's
10,199 files were past the setting and nothing said so, while quotes differ between the modes)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from integration_helpers import CliResult, fake_settings, make_corpus

from citeqa.api import build_index
from citeqa.models import UnembeddedSentences
from citeqa.store import has_sentence_vectors, load_index


def test_a_build_past_the_setting_reports_the_sentences_it_did_not_embed(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    report = build_index(fake_settings(corpus, tmp_path / "large", embed_sentences_max=3))
    sentences = load_index(tmp_path / "large").manifest.sentence_count
    assert sentences > 3
    assert report.unembedded_sentences == UnembeddedSentences(
        sentences=sentences, limit=3, on_demand=False
    )
    on_demand = fake_settings(
        corpus, tmp_path / "lazy", embed_sentences_max=3, embed_sentences_on_demand=True
    )
    assert build_index(on_demand).unembedded_sentences == UnembeddedSentences(
        sentences=sentences, limit=3, on_demand=True
    )
    assert build_index(fake_settings(corpus, tmp_path / "small")).unembedded_sentences is None


def test_index_and_status_say_the_index_has_no_sentence_vectors(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    built = cli("index", embed_sentences_max="3", **where)
    assert built.code == 0, built.err
    sentences = load_index(tmp_path / "index").manifest.sentence_count
    said = [line for line in built.out.splitlines() if "sentence vectors" in line]
    assert said == [
        f"  no sentence vectors: the corpus's {sentences:,} sentences are past"
        " embed_sentences_max (3), so quotes are chosen without sentence meaning (each sentence"
        " scored with its passage's vector)"
    ]
    status = cli("status", **where)
    assert status.code == 0, status.err
    told = [line for line in status.out.splitlines() if "sentence vectors" in line]
    assert len(told) == 1 and f"none ({sentences:,} sentences" in told[0]
    assert "embed_sentences_max" in told[0] and "without sentence meaning" in told[0]
    described = json.loads(cli("status", "--json", **where).out)
    assert described["sentence_vectors"] is False and described["sentence_count"] == sentences


def test_a_setting_that_would_now_store_the_vectors_names_the_rebuild(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """Built under a small embed_sentences_max, then asked of under one the corpus fits: `index`
    said only "Index up to date" and `status` "past embed_sentences_max when built", and
    nothing would store the vectors short of a changed file (probe s16-hostile). Both say in one
    line that `citeqa index --rebuild` stores them, and the rebuild does; under the small
    setting still, neither says it."""
    corpus = make_corpus(tmp_path / "corpus")
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    assert cli("index", embed_sentences_max="3", **where).code == 0
    sentences = load_index(tmp_path / "index").manifest.sentence_count
    remedy = (
        f"sentence vectors: embed_sentences_max now allows the {sentences:,} sentences;"
        " `citeqa index --rebuild` stores their vectors"
    )
    fits = str(sentences)  # the cli fixture keeps the variables an earlier call set
    again = cli("index", embed_sentences_max=fits, **where)
    assert again.code == 0 and again.out.startswith("Index up to date"), again.out
    assert [line.strip() for line in again.out.splitlines() if "sentence vectors" in line] == [
        remedy
    ]
    status = cli("status", embed_sentences_max=fits, **where)
    told = [line for line in status.out.splitlines() if "sentence vectors" in line]
    assert len(told) == 2 and told[1] == remedy
    for command in ("index", "status"):
        assert remedy not in cli(command, embed_sentences_max="3", **where).out
    assert cli("index", "--rebuild", embed_sentences_max=fits, **where).code == 0
    assert has_sentence_vectors(load_index(tmp_path / "index").manifest)
    assert "sentence vectors" not in cli("status", embed_sentences_max=fits, **where).out


def test_status_promises_no_vectors_a_rebuild_without_channels_would_not_store(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """`status` and `index` share one rule (contents.vectors_on_rebuild) on the settings'
    channels: under settings with no channel a rebuild stores no sentence vectors, so `status`
    does not say `citeqa index --rebuild` stores them (it judged by the index's own channels)."""
    corpus = make_corpus(tmp_path / "corpus")
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    assert cli("index", embed_sentences_max="3", **where).code == 0
    fits = str(load_index(tmp_path / "index").manifest.sentence_count)
    status = cli("status", embed_sentences_max=fits, channels="[]", **where)
    assert status.code == 0, status.err
    assert "--rebuild` stores their vectors" not in status.out
    assert cli("index", "--rebuild", embed_sentences_max=fits, channels="[]", **where).code == 0
    assert not has_sentence_vectors(load_index(tmp_path / "index").manifest)


def test_an_index_with_sentence_vectors_says_nothing_of_them(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    built = cli("index", **where)
    assert built.code == 0, built.err
    status = cli("status", **where)
    assert "sentence vectors" not in built.out + status.out
    described = json.loads(cli("status", "--json", **where).out)
    assert described["sentence_vectors"] is True and described["sentence_count"] > 3
