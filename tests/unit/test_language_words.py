"""glossary.language_words: the language data's word lists, folded, looked up by a name of
glossary.WordList only; a name outside it, or a field that is no list of words (a string would
be read as the set of its characters), is an error, never a set."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_args

import pytest

from citeqa import glossary
from citeqa.domain import language_data
from citeqa.glossary import WordList, fold, language_words


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    language_words.cache_clear()
    yield
    language_words.cache_clear()


@pytest.mark.parametrize("name", get_args(WordList))
def test_each_word_list_is_its_fields_words_folded(name: WordList) -> None:
    words = getattr(language_data(), name)
    groups = words.values() if isinstance(words, dict) else [words]
    listed = {fold(word) for group in groups for word in group}
    assert listed and language_words(name) == listed


@pytest.mark.parametrize("name", ["description", "title_label", "glossary", ""])
def test_a_name_that_is_no_word_list_is_refused(name: Any) -> None:
    """The data's "description" is a str field: it used to give the set of its characters."""
    with pytest.raises(ValueError, match="no word list"):
        language_words(name)


def test_a_word_list_written_as_a_string_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = language_data().model_copy(update={"key_cues": "code"})
    monkeypatch.setattr(glossary, "language_data", lambda: data)
    with pytest.raises(TypeError, match="no list of words"):
        language_words("key_cues")
    frames = language_data().model_copy(update={"frame_words": {"en": "what"}})
    monkeypatch.setattr(glossary, "language_data", lambda: frames)
    with pytest.raises(TypeError, match="no list of words"):
        language_words("frame_words")


def test_a_list_by_language_is_read_for_one_language_alone() -> None:
    """passage_translation leaves out the function words of its passages' language only: "ai"
    (French) is no English function word, "also" no French one, a language listed nowhere
    has none."""
    english, french = language_words("function_words", "en"), language_words("function_words", "fr")
    assert "also" in english and "ai" not in english
    assert "ai" in french and "also" not in french
    assert english | french == language_words("function_words")
    assert language_words("function_words", "de") == frozenset()


def test_a_language_asked_of_a_list_of_no_languages_is_refused() -> None:
    """A flat list ("interrogatives": both languages' words together) holds no language's words
    alone: asked for one language, it is refused, not read whole in silence (s30 review E)."""
    with pytest.raises(ValueError, match="by language"):
        language_words("interrogatives", "en")
    assert "quand" in language_words("interrogatives")
