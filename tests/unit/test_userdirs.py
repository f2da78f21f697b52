"""Per-user folders and where settings come from: the index of a corpus given without an index
folder, the TOML config file (beaten by the environment and by arguments), the UI state file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeqa import userdirs
from citeqa.config import BUNDLED_CORPUS, Settings, load_settings
from citeqa.errors import SettingsInvalid


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Per-user folders under tmp_path, and no CITEQA_* variable from the caller."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.delenv("CITEQA_CONFIG_FILE", raising=False)
    for name in [n for n in os.environ if n.startswith("CITEQA_")]:
        monkeypatch.delenv(name)
    return tmp_path


def write_config(content: str | bytes) -> Path:
    """The user's config file (userdirs.config_file), written with `content`."""
    config = userdirs.config_file()
    config.parent.mkdir(parents=True)
    if isinstance(content, bytes):
        config.write_bytes(content)
    else:
        config.write_text(content)
    return config


def test_folders_follow_the_platform_convention(home: Path) -> None:
    assert userdirs.data_dir() == home / "xdg_data_home" / "citeqa"
    assert userdirs.config_file() == home / "xdg_config_home" / "citeqa" / "config.toml"
    assert userdirs.exports_dir().parent == userdirs.data_dir()
    assert userdirs.ui_state_file().parent == home / "xdg_state_home" / "citeqa"


def test_index_of_a_corpus_is_keyed_by_its_resolved_path(home: Path) -> None:
    papers, other = home / "a" / "papers", home / "b" / "papers"
    papers.mkdir(parents=True)
    other.mkdir(parents=True)
    (home / "link").symlink_to(papers)
    index = userdirs.index_dir_for(papers)
    assert index.parent == userdirs.data_dir() / "indexes"
    assert index.name.startswith("papers-")
    assert userdirs.index_dir_for(home / "link") == index
    assert userdirs.index_dir_for(home / "a" / ".." / "a" / "papers") == index
    assert userdirs.index_dir_for(other) != index


def test_odd_folder_names_give_a_plain_index_name(home: Path) -> None:
    odd = home / "é \x1b[31m;rm"
    odd.mkdir()
    name = userdirs.index_dir_for(odd).name
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in name), name


def test_a_user_corpus_without_index_goes_to_the_data_folder(home: Path) -> None:
    corpus = home / "papers"
    corpus.mkdir()
    settings = load_settings(corpus_dir=corpus)
    assert settings.index_dir == userdirs.index_dir_for(corpus)
    assert not settings.index_dir.is_relative_to(Path.cwd())


def test_the_bundled_corpus_is_the_default_from_any_folder(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(home)
    settings = Settings()
    assert settings.corpus_dir == BUNDLED_CORPUS
    assert (BUNDLED_CORPUS / "manifest.json").is_file()
    assert not settings.index_dir.is_relative_to(home / "index")


def test_the_config_file_is_read_and_the_environment_wins(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config('k = 8\nabstain_threshold = 0.3\nchannels = ["use", "minilm"]\n')
    settings = load_settings()
    assert (settings.k, settings.abstain_threshold) == (8, 0.3)
    assert settings.channels == ("use", "minilm")
    monkeypatch.setenv("CITEQA_K", "3")
    assert load_settings().k == 3
    assert load_settings(k=12).k == 12


def test_an_empty_min_confidence_variable_clears_the_config_file_value(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write_config("min_confidence = 0.5\n")
    assert load_settings().min_confidence == 0.5
    for empty in ("", "  "):
        monkeypatch.setenv("CITEQA_MIN_CONFIDENCE", empty)
        assert load_settings().min_confidence is None
    monkeypatch.setenv("CITEQA_MIN_CONFIDENCE", "0")
    assert load_settings().min_confidence == 0.0  # 0 is a floor, not unset
    monkeypatch.setenv("CITEQA_MIN_CONFIDENCE", "none")
    with pytest.raises(SettingsInvalid, match="min_confidence") as raised:
        load_settings()
    assert str(raised.value).endswith(f"check CITEQA_MIN_CONFIDENCE and {config}.")
    config.unlink()  # no config file: the variable alone is named
    monkeypatch.setenv("CITEQA_MIN_CONFIDENCE", "abc")
    with pytest.raises(SettingsInvalid) as raised:
        load_settings()
    assert str(raised.value).endswith("; check CITEQA_MIN_CONFIDENCE.")
    assert "config.toml" not in str(raised.value)


def test_another_config_file_can_be_named(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    named = home / "team.toml"
    named.write_text("rerank_depth = 7\n")
    monkeypatch.setenv("CITEQA_CONFIG_FILE", str(named))
    assert load_settings().rerank_depth == 7


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("k = [unclosed\n", "not TOML"),
        ("kk = 3\n", "kk"),
        ('k = "many"\n', "k"),
        pytest.param("k = " + "[" * 500 + "]" * 500, "nested too deeply", id="deep-arrays"),
        pytest.param("k = " + "{a=" * 500 + "}" * 500, "nested too deeply", id="deep-tables"),
        pytest.param("top_k = " + "9" * 5000, "a number too long to read", id="long-number"),
    ],
)
def test_a_bad_config_file_is_one_clear_error(home: Path, text: str, words: str) -> None:
    config = write_config(text)
    with pytest.raises(SettingsInvalid) as raised:
        load_settings()
    assert words in str(raised.value) and str(config) in str(raised.value)


def test_a_number_too_long_is_told_apart_by_where_it_is_raised_not_by_its_words(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """config.py recognised Python's digit-limit error by its text ("Exceeds the limit"); any
    other wording of it ended in a traceback. tomllib's int() raises it while reading a number."""
    import tomllib._parser

    def reworded(*_args: object, **_kwargs: object) -> object:
        raise ValueError("integer string conversion: too many digits")

    config = write_config("top_k = 12\n")
    monkeypatch.setattr(tomllib._parser, "match_to_number", reworded)
    with pytest.raises(SettingsInvalid) as raised:
        load_settings()
    assert str(raised.value) == (
        f"The config file {config} is not TOML citeqa can read: a number too long to read."
    )


def test_a_misspelt_setting_names_the_closest_real_one(home: Path) -> None:
    config = write_config("min_confidense = 0.3\n")
    with pytest.raises(SettingsInvalid) as raised:
        load_settings()
    assert "min_confidense: no such setting (did you mean min_confidence?)" in str(raised.value)
    config.write_text("zzzz = 1\n")  # nothing close: no guess
    with pytest.raises(SettingsInvalid, match=r"zzzz: no such setting\)") as raised:
        load_settings()
    assert "did you mean" not in str(raised.value)


@pytest.mark.parametrize(
    ("value", "channels"),
    [
        ("use,minilm", ("use", "minilm")),
        (" use , minilm, ", ("use", "minilm")),
        ('["use", "minilm"]', ("use", "minilm")),
        ("use", ("use",)),
    ],
)
def test_channels_in_a_variable_are_json_or_a_comma_list(
    home: Path, monkeypatch: pytest.MonkeyPatch, value: str, channels: tuple[str, ...]
) -> None:
    monkeypatch.setenv("CITEQA_CHANNELS", value)
    assert load_settings().channels == channels


@pytest.mark.parametrize("value", ["", "  "])
def test_a_blank_channels_variable_is_unset(
    home: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("CITEQA_CHANNELS", value)
    assert load_settings().channels == Settings().channels == ("use",)


@pytest.mark.parametrize("value", [",", " , ", ",,"])
def test_commas_naming_no_channel_are_one_error_naming_the_form(
    home: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("CITEQA_CHANNELS", value)
    with pytest.raises(SettingsInvalid) as raised:
        load_settings()
    message = str(raised.value)
    assert "no channel named; write it as a JSON list" in message
    assert "separated by commas" in message and "\n" not in message


def test_a_variable_that_is_not_json_is_named_with_its_form(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITEQA_CHANNELS", '["use"')
    with pytest.raises(SettingsInvalid, match=r"write it as a JSON list .* separated by commas"):
        load_settings()
    monkeypatch.delenv("CITEQA_CHANNELS")
    monkeypatch.setenv("CITEQA_CHANNEL_WEIGHTS", "use:1")
    with pytest.raises(SettingsInvalid) as raised:
        load_settings()
    message = str(raised.value)
    assert "channel_weights: not valid JSON; write it as a JSON object" in message
    assert "check CITEQA_CHANNEL_WEIGHTS" in message
    assert "EnvSettingsSource" not in message and "\n" not in message


@pytest.mark.parametrize(
    ("variable", "field"),
    [
        ("CITEQA_CHANNELS", "channels"),
        ("CITEQA_CHANNEL_WEIGHTS", "channel_weights"),
        ("CITEQA_EVIDENCE_CHANNEL_WEIGHTS", "evidence_channel_weights"),
    ],
)
def test_a_variable_nested_too_deeply_is_one_error_not_a_crash(
    home: Path, monkeypatch: pytest.MonkeyPatch, variable: str, field: str
) -> None:
    opener = "[" if field == "channels" else '{"use": ' + "[" * 10
    monkeypatch.setenv(variable, opener + "[" * 100_000)
    with pytest.raises(SettingsInvalid) as raised:
        load_settings()
    message = str(raised.value)
    assert f"{field}: not " in message and "write it as a JSON" in message
    assert f"check {variable}" in message and "\n" not in message


def test_weights_in_a_variable_are_a_json_object(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITEQA_EVIDENCE_CHANNEL_WEIGHTS", '{"use": 0.25}')
    assert load_settings().evidence_channel_weights == {"use": 0.25}
    monkeypatch.setenv("CITEQA_CHANNEL_WEIGHTS", '["use"]')
    with pytest.raises(SettingsInvalid, match=r"channel_weights: .*dictionary"):
        load_settings()


def test_an_unreadable_config_file_is_one_clear_error(home: Path) -> None:
    config = write_config(b"k = 3\n# \xff\xfe not UTF-8\n")
    with pytest.raises(SettingsInvalid, match="not TOML"):
        load_settings()
    config.unlink()
    config.write_text("k = 3\n")
    config.chmod(0)
    try:
        if os.access(config, os.R_OK):  # root reads whatever the permissions
            assert load_settings().k == 3
        else:
            with pytest.raises(SettingsInvalid, match="cannot be read"):
                load_settings()
    finally:
        config.chmod(0o600)


def test_ui_state_round_trips_and_merges(home: Path) -> None:
    assert userdirs.read_ui_state() == {}
    userdirs.write_ui_state(theme="textual-light")
    userdirs.write_ui_state(folded=True)
    assert userdirs.read_ui_state() == {"theme": "textual-light", "folded": True}
    assert [p.name for p in userdirs.ui_state_file().parent.iterdir()] == ["ui.json"]


@pytest.mark.parametrize("damage", ["{not json", "[1, 2]", ""])
def test_a_damaged_ui_state_reads_as_empty(home: Path, damage: str) -> None:
    state = userdirs.ui_state_file()
    state.parent.mkdir(parents=True)
    state.write_text(damage)
    assert userdirs.read_ui_state() == {}
    userdirs.write_ui_state(theme="nord")
    assert userdirs.read_ui_state() == {"theme": "nord"}


def test_the_eval_cache_is_inside_the_one_user_cache(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citeqa.evaluation.corpora import eval_cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg_cache_home"))
    assert userdirs.cache_dir() == home / "xdg_cache_home" / "citeqa"
    monkeypatch.setattr(userdirs, "cache_dir", lambda: tmp_path / "elsewhere")
    assert eval_cache_dir() == tmp_path / "elsewhere" / "eval"
    monkeypatch.setenv("CITEQA_EVAL_CACHE", str(tmp_path / "named"))
    assert eval_cache_dir() == tmp_path / "named"
    assert eval_cache_dir(tmp_path / "given") == tmp_path / "given"


@pytest.mark.parametrize("blank", ["", "  "])
def test_a_blank_weights_variable_is_unset(
    home: Path, monkeypatch: pytest.MonkeyPatch, blank: str
) -> None:
    monkeypatch.setenv("CITEQA_CHANNEL_WEIGHTS", blank)
    monkeypatch.setenv("CITEQA_EVIDENCE_CHANNEL_WEIGHTS", blank)
    settings = load_settings()
    assert settings.channel_weights == Settings().channel_weights == {}
    assert settings.evidence_channel_weights == Settings().evidence_channel_weights
    assert settings.evidence_channel_weights == {"use": 0.4}
