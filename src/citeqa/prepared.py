"""Owns what answering derives from a loaded index when an assistant opens it.

`query_embedders` checks the index's vector channels against the embedders installed here
(`check_channels_known`, then each model's version and dimension) and loads them;
`knowledge_of` reads the term knowledge the build stored; `sentence_bank` sets up the
sentences (token sets and vectors on demand: ondemand.py) and `vocabulary_of` the token
statistics. api.py assembles them once per opened index (configured copies share it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from citeqa.boilerplate import Boilerplate
from citeqa.contents import sentence_tokens, token_statistics
from citeqa.domain import Domain, stored_knowledge
from citeqa.embedding import embed_texts, get_embedder, known_channels
from citeqa.errors import EmbedderUnavailable, IndexCorrupt, IndexIncompatible
from citeqa.glossary import Glossary
from citeqa.lazyembedder import MISSING, needs_package
from citeqa.models import ChannelInfo
from citeqa.ondemand import (
    TOKENS_AT_OPEN,
    LazyTokens,
    LazyVectors,
    PassageVectors,
    TokenSource,
    VectorSource,
)
from citeqa.path_words import PathWords
from citeqa.questions import Vocabulary
from citeqa.sentences import SentenceBank, SentenceRules
from citeqa.store import LoadedIndex


def sentence_bank(
    index: LoadedIndex,
    embedders: dict[str, Any],
    knowledge: Domain,
    embed_on_demand: bool = False,
    prefill: bool = True,
) -> SentenceBank:
    """The index's sentences as answering reads them: token sets computed on demand, or those
    of a small index all now, with `prefill` (a list then: a cache that would hold them all
    costs a lock and a reordering at every read, a twentieth of a question's time); vectors as
    `_sentence_vectors` finds them."""
    tokens: TokenSource
    if prefill and len(index.sentences) <= TOKENS_AT_OPEN:
        tokens = [_sentence_tokens(index, n) for n in range(len(index.sentences))]
    else:
        tokens = LazyTokens(lambda n: _sentence_tokens(index, n))
    return SentenceBank(
        index.documents,
        index.chunks,
        index.sentences,
        _sentence_vectors(index, embedders, embed_on_demand),
        tokens,
        SentenceRules.of(knowledge),
        _boilerplate_of(index),
    )


def _boilerplate_of(index: LoadedIndex) -> Boilerplate:
    """The boilerplate lines the build stored (boilerplate.py); IndexCorrupt when unreadable."""
    try:
        return Boilerplate.of(index.statistics)
    except ValueError as err:
        raise IndexCorrupt(
            f"The index in {index.folder} has unreadable boilerplate lines ({err});"
            " run `citeqa index`."
        ) from err


def knowledge_of(index: LoadedIndex) -> Domain:
    try:
        return stored_knowledge(index.statistics)
    except ValueError as err:
        raise IndexCorrupt(
            f"The index in {index.folder} has unreadable term knowledge ({err});"
            " run `citeqa index`."
        ) from err


def _sentence_tokens(index: LoadedIndex, number: int) -> frozenset[str]:
    sentence = index.sentences[number]
    return sentence_tokens(index.documents[sentence.doc_id].text, sentence, index.chunks)


def _sentence_vectors(
    index: LoadedIndex, embedders: dict[str, Any], embed_on_demand: bool
) -> VectorSource | None:
    """The stored sentence vectors; without them, their passages' vectors, or (when
    `embed_on_demand`) the answer channel's embedder run on demand (ondemand.py)."""
    channel = index.manifest.answer_channel
    if index.sentence_vectors is not None or channel not in embedders:
        return index.sentence_vectors
    if not embed_on_demand:
        chunks = index.vectors[channel]
        return PassageVectors(lambda n: index.sentences[n].chunk_index, chunks.rows)

    def text_of(number: int) -> str:
        sentence = index.sentences[number]
        return index.documents[sentence.doc_id].text[sentence.start : sentence.end]

    return LazyVectors(text_of, lambda texts: embed_texts(embedders[channel], texts))


class _DocumentTexts:
    """The texts of an index's documents, read afresh each time they are iterated."""

    def __init__(self, index: LoadedIndex) -> None:
        self._index = index

    def __iter__(self) -> Iterator[str]:
        return (doc.text for doc in self._index.documents.values())


def vocabulary_of(index: LoadedIndex, knowledge: Domain) -> Vocabulary:
    """Token statistics as the build stored them (an older index: computed now), with the
    corpus's term knowledge."""
    texts = _DocumentTexts(index)  # read for an older index, and once for initials
    stored = index.statistics
    if stored is None:
        stored = token_statistics(list(index.documents.values()), index.chunks, index.sentences)
    return Vocabulary(
        texts,
        stored["frequency"],
        stored["sentence_count"],
        stored["words"],
        glossary=Glossary.of(knowledge),
        name_endings=knowledge.name_endings,
        compounds=stored.get("compounds"),
        paths=PathWords(index.documents),
        unread_paths=PathWords(lambda: index.files().skipped()),
        languages=lambda: _document_languages(index),
    )


def _document_languages(index: LoadedIndex) -> Iterator[str]:
    """Each language of each of `index`'s documents, as its file list records them."""
    return (lang for *_, languages in index.files().documents() for lang in languages or ())


def check_channels_known(channels: Sequence[ChannelInfo]) -> None:
    """IndexIncompatible naming the first channel of an index that this installation does not
    know (no embedder registered under its name)."""
    known = known_channels()
    for channel in channels:
        if channel.name not in known:
            raise IndexIncompatible(
                f"The index needs the {channel.name!r} channel"
                f" ({channel.model} from {channel.package}),"
                " which this installation does not have. Run `citeqa index --rebuild`."
            )


def query_embedders(index: LoadedIndex) -> dict[str, Any]:
    """The embedders of the index's channels, checked against the versions that built it."""
    embedders = {}
    check_channels_known(index.manifest.channels)
    for channel in index.manifest.channels:
        embedder = get_embedder(channel.name)
        if embedder.version == MISSING:
            raise EmbedderUnavailable(
                needs_package(
                    embedder, f"The index's {channel.name!r} channel ({channel.model})",
                    "not installed", f"set `channels` without {channel.name!r} and run"
                    " `citeqa index --rebuild`",
                )
            )  # fmt: skip
        if (embedder.model, embedder.version, embedder.dim) != (
            channel.model,
            channel.version,
            channel.dim,
        ):
            raise IndexIncompatible(_other_model(channel, embedder))
        embedder.embed_batch(["warm-up"])  # load the model now, not on the first question
        embedders[channel.name] = embedder
    return embedders


def _other_model(channel: ChannelInfo, embedder: Any) -> str:
    """The line saying the index's channel was built with another model than the installed
    one: by name and version, with the dimension too when only it differs (a hand-edited
    manifest, or a package that changed its vectors but not its version)."""
    built, installed = f"{channel.model} {channel.version}", f"{embedder.model} {embedder.version}"
    if built == installed:
        built += f", {channel.dim}-dimensional vectors"
        installed += f", {embedder.dim}-dimensional vectors"
    return (
        f"The index was built with {built} ({channel.package}); {installed} is installed."
        " Run `citeqa index --rebuild`."
    )
