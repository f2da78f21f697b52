"""Zero-width characters and soft hyphens inside a word (visible.INVISIBLE) do not split it:
a document writing "Bélimu\u200bmab" answers "belimumab", a question pasted with one finds the
plain word, and the quote stays the source's own characters at its own offsets."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from citeqa.api import Assistant
from citeqa.chunkpass import passage_text
from citeqa.models import Chunk
from small_corpora import assistant_over

HIDDEN = "Bélimu\u200bmab"
NOTES = f"""# Notes

The weather was mild all week in the valley.

{HIDDEN} reduces flares in patients with lupus nephritis by a third.

The cafeteria serves lunch from noon until two in the afternoon.
"""
PLAIN = """# Garden

Tomatoes need six hours of sun a day and regular watering.

Anifrolumab lowers the interferon signature in the blood of treated patients.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"notes.md": NOTES, "garden.md": PLAIN}
    return assistant_over(
        files,
        tmp_path_factory.mktemp("corpus"),
        tmp_path_factory.mktemp("index"),
        channels=("fake",),
    )


def test_a_word_with_a_zero_width_space_in_the_document_is_found(assistant: Assistant) -> None:
    answer = assistant.ask("What does belimumab reduce?")
    assert not answer.abstained
    quote = answer.citations[0]
    assert HIDDEN in quote.quote
    source = Path(quote.path).read_text(encoding="utf-8")
    assert source[quote.start : quote.end] == quote.quote


@pytest.mark.parametrize("hidden", ["\u00ad", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_a_question_pasted_with_an_invisible_character_finds_the_word(
    assistant: Assistant, hidden: str
) -> None:
    answer = assistant.ask(f"What does anifro{hidden}lumab lower?")
    assert not answer.abstained
    assert "Anifrolumab lowers" in answer.citations[0].quote


def test_a_chunks_vector_is_computed_without_invisible_characters(assistant: Assistant) -> None:
    """What is embedded has no zero-width character (embedding.embed_texts removes them, for
    every text: they were removed in passage_text, in the sentence pass and in the on-demand
    sentence texts, each on its own); the chunk's text keeps its characters."""
    from citeqa.embedding import get_embedder
    from citeqa.store import load_index

    index = load_index(assistant.index_dir)  # the module's corpus: NOTES and PLAIN
    [row] = [number for number, chunk in enumerate(index.chunks) if HIDDEN in chunk.text]
    passage = passage_text(index.chunks[row])
    assert HIDDEN in passage  # the passage is the text; embedding reads it without them
    fake = get_embedder("fake")  # tests/conftest.py's hashed bag of words
    [expected, as_written] = fake.embed_batch([passage.replace("\u200b", ""), passage])
    assert not np.allclose(as_written, expected), "the test can tell them apart"
    assert np.allclose(index.vectors["fake"].rows([row])[0], expected)


@pytest.mark.parametrize("hidden", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_every_text_embedded_is_read_without_invisible_characters(hidden: str) -> None:
    """embed_texts (passages, sentences) and embed_questions (questions) hand the model the
    text without them: the one place they are removed before embedding."""
    from citeqa.embedding import embed_questions, embed_texts

    class Recording:
        name, model, package, version, dim, default_weight = "rec", "rec", "rec", "0", 2, 1.0

        def __init__(self) -> None:
            self.read: list[str] = []

        def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
            self.read.extend(texts)
            return np.ones((len(texts), 2), dtype=np.float32)

    text = f"Notes\nBélimu{hidden}mab reduces flares."
    recording = Recording()
    embed_texts(recording, [text, "plain"])
    embed_questions(recording, [f"What does bélimu{hidden}mab reduce?"])
    assert recording.read == [
        "Notes\nBélimumab reduces flares.",
        "plain",
        "What does bélimumab reduce?",
    ]
    chunk = Chunk(chunk_id="c", doc_id="d", start=0, end=len(text), text=text, section="Notes")
    assert chunk.text == text and passage_text(chunk) == text  # the text keeps them


def test_a_sentences_vector_is_computed_without_invisible_characters(assistant: Assistant) -> None:
    from citeqa.embedding import get_embedder
    from citeqa.store import load_index

    index = load_index(assistant.index_dir)  # the module's corpus: NOTES and PLAIN
    assert index.sentence_vectors is not None
    [row] = [
        number
        for number, sentence in enumerate(index.sentences)
        if HIDDEN in index.documents[sentence.doc_id].text[sentence.start : sentence.end]
    ]
    sentence = index.sentences[row]
    text = index.documents[sentence.doc_id].text[sentence.start : sentence.end]
    fake = get_embedder("fake")  # tests/conftest.py's hashed bag of words
    [expected, as_written] = fake.embed_batch([text.replace("\u200b", ""), text])
    assert not np.allclose(as_written, expected), "the test can tell them apart"
    assert np.allclose(index.sentence_vectors[row], expected)
