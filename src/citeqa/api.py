"""The one entry point to citeqa's core: build an index, open an assistant, ask it questions.

CLI and TUI call only this module. Nothing here prints; progress goes through a callback.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from citeqa import abstention, indexing, reason_words, twofusions, usecopies
from citeqa.abstention import (
    WORDLESS_TRANSLATED,
    DocumentLanguages,
    no_word_written,
    nothing_of_its_own,
    other_language,
)
from citeqa.across import Closeness, in_channel, with_sentences
from citeqa.answering import OTHERWISE_LIMIT, Translates, compose, said_in_other_language
from citeqa.blas_threads import on_one_blas_thread, one_blas_thread
from citeqa.blocks import clean_heading
from citeqa.centroid import corpus_centroid, stored_centroid
from citeqa.changed_citations import changed_files, changed_quote_notes
from citeqa.changegroups import short_changes as short_changes  # the chat's banner says them so
from citeqa.citedsection import SECTION_PATH, own_heading
from citeqa.config import Settings, load_settings
from citeqa.corpus_translation import corpus_translations, every_word_across, in_other_language
from citeqa.derived_terms import is_multilingual
from citeqa.embedding import embed_questions, preload
from citeqa.enginefusion import engine_of, engine_search
from citeqa.errors import IndexCorrupt, IndexLocked, IndexMissing
from citeqa.folder_facts import FolderFacts
from citeqa.followups import (
    answer_subject,
    carried,
    in_context,
    is_follow_up,
    reads_answer_subject,
)
from citeqa.glossary import fold
from citeqa.keyword_language import in_words_language
from citeqa.language import question_lang
from citeqa.lexical import content_words, written_terms
from citeqa.lexical import fold as lexical_fold
from citeqa.models import (
    Answer,
    BuildReport,
    Citation,
    Document,
    Example,
    Hit,
    IndexStatus,
    Lang,
    Retrieval,
    UnreadFiles,
)
from citeqa.overview import EXAMPLE_COUNT, TEXT_SAMPLE, DocumentText
from citeqa.passage_translation import (
    BILINGUAL_SIMILARITY,
    MINORITY_SIMILARITY,
    WordVectors,
    enough_translated,
    translations,
)
from citeqa.prepared import knowledge_of, query_embedders, sentence_bank, vocabulary_of
from citeqa.publishing import build_running as build_running  # and the chat's banner
from citeqa.publishing import (
    current_name,
    first_build_running,
    interruption,
    kept_builds,
)
from citeqa.questions import (
    QuestionTerms,
    Vocabulary,
    analyse,
    clean_question,
    question_words,
)
from citeqa.readers import read_types as read_types  # the chat names them (an empty corpus)
from citeqa.recently_used import RecentlyUsed
from citeqa.retrieval import Search, channel_candidates, local_search
from citeqa.sentences import QuestionScores, SentenceBank
from citeqa.status import (
    channels_differ,
    describe_index,
    index_changes,
    stale_notice_of,
    stale_words,
)
from citeqa.status import stale_reason as stale_reason  # the chat's banner words it so too
from citeqa.status import update_in_progress as update_in_progress  # and the chat's banner
from citeqa.store import LoadedIndex, load_index, with_recorded_corpus
from citeqa.stored_words import StoredWords, read_words
from citeqa.suggestions import TermCounts, current_by_language, suggest
from citeqa.superseding import stored_pairs
from citeqa.translated_answer import (
    Translate,
    names_another_item,
    replaces,
    unwritten_words,
    writes_another_asked,
)
from citeqa.typo_reading import confident_corrections, corrected_question, read_as
from citeqa.unread import SkippedFile, named_for, not_searched, recorded_unread, skipped_files
from citeqa.vectorindex import LexicalSearch, lexical_engine_of
from citeqa.versions import (
    Arranged,
    CorpusVersions,
    Version,
    held_mentions,
    path_versions,
    with_older_statement,
)

READINGS_KEPT = 1024
"""How many questions' absent words read across (Assistant._kept_read_across) a loaded index
keeps: a few words each."""
WEAK_CONFIDENCE = 0.5
"""The confidence under which a question in the language most documents use, answered as typed
without a word no document writes, is read across toward the few (Assistant._lacking_words):
a calibrated answer under it is more often wrong than right (config.Settings.caution_below);
one over it is kept unread ("What time does the site gate open?" of an English folder with
French client mails answered .32 from an over-pumping plan, read across .76 from the client's
mail, "Le portail du site sera ouvert…"; s37 repro)."""

ProgressCallback = Callable[[str, int, int], None]
"""progress(stage, done, total): stage is a short label such as "reading", "embedding use"."""


def build_index(
    settings: Settings | None = None,
    *,
    rebuild: bool = False,
    progress: ProgressCallback | None = None,
) -> BuildReport:
    """Build or update the index of `settings.corpus_dir` in `settings.index_dir`."""
    settings = with_recorded_corpus(settings or load_settings())
    return indexing.build_index(settings, rebuild=rebuild, progress=progress)


def current_build_name(index_dir: Path) -> str | None:
    """The name of the build published in `index_dir` (what `current` links to), or None: what
    the chat notes as a build begins, for `interruption_message`."""
    return current_name(index_dir)


def interruption_message(index_dir: Path, before: str | None) -> str:
    """The sentence `citeqa index` says on Ctrl-C for a build of `index_dir` begun when the
    published build was `before` (`current_build_name`), decided from disk: the new index
    published, none (a first build), or the previous one unchanged (publishing.interruption)."""
    return str(interruption(index_dir, before))


def load_published(index_dir: Path, *, full: bool = False) -> LoadedIndex:
    """The index of `index_dir` (store.load_index; `full`: every file hashed). None published
    yet is IndexMissing, or, while another process's first build of it runs, IndexLocked
    saying so (publishing.first_build_running): the one message `status`, `ask`, `eval` and
    the chat give then, not "no index" (nor a second build that the lock refuses)."""
    try:
        return load_index(index_dir, full=full)
    except IndexMissing:
        holder = build_running(index_dir)
        if holder:
            raise IndexLocked(first_build_running(index_dir, holder)) from None
        raise


def index_status(settings: Settings | None = None, *, verify: bool = False) -> IndexStatus:
    """Describe the index and whether the corpus changed since it was built. The index's files
    are checked as `ask` checks them (a file whose size or time changed is hashed), or, with
    `verify`, every one hashed (a file damaged in place, its size and time kept, is reported:
    IndexCorrupt), a cost that grows with the index. No index yet is IndexMissing, or
    IndexLocked while its first build runs."""
    settings = with_recorded_corpus(settings or load_settings())
    loaded = load_published(settings.index_dir, full=verify)
    described = describe_index(loaded, settings.corpus_dir, settings.index_dir)
    kept = kept_builds(settings.index_dir)  # every other build's manifest read once for both
    copies = [str(path) for path in usecopies.kept_for_user()]
    update = {"verified": verify, "kept_for_user": [str(path) for path in kept.for_user]}
    update["kept_unproven"] = [str(path) for path in kept.unproven]
    update["users_files"] = loaded.users_files
    return described.model_copy(update={**update, "kept_model_copies": copies})


def open_assistant(
    settings: Settings | None = None,
    *,
    build_if_missing: bool = True,
    progress: ProgressCallback | None = None,
    prefill: bool = True,
    index_warnings: bool = False,
) -> Assistant:
    """Load the index (building it first when missing) and the query models. With `prefill`,
    a small index's sentence token sets are computed now (ondemand.TOKENS_AT_OPEN), so that the
    first questions cost no more than later ones; without (one question, `citeqa ask`), each
    when first needed. With `index_warnings`, an answer says in its `warnings` what
    `Assistant.index_notices` says: that the settings ask for other channels than the index
    was built with, that the index is stale (`stale_notice`; the first answer then reads its
    file list and the corpus folder's, which answering otherwise never reads; the chat shows a
    banner). The stale notice is as of that first check: a file changed later is not noticed
    until the index is opened again."""
    settings = with_recorded_corpus(settings or load_settings())
    try:
        loaded = load_published(settings.index_dir)
    except IndexMissing:
        if not build_if_missing:
            raise
        preload(settings.channels)  # the models load while the corpus is read and chunked
        build_index(settings, progress=progress)
        loaded = load_index(settings.index_dir)
    if progress is not None:
        progress("loading models", 0, 1)
    ready = _Loaded.of(loaded, settings.embed_sentences_on_demand, prefill)
    assistant = Assistant(settings, ready, index_warnings=index_warnings)
    if progress is not None:
        progress("loading models", 1, 1)
    return assistant


class _Reading(NamedTuple):
    """A question read across (Assistant._answer): as typed, its language, its terms read with
    the translated words, and the passages the answer of that reading read."""

    question: str
    lang: Lang
    translated: QuestionTerms
    evidence: Retrieval


class _Search(NamedTuple):
    """One search of a question (Assistant._searched): the passages shown, the question's
    sentence scores, the passages read as evidence, the older ones set aside
    (versions.Arranged.set_aside), and the search of the indexes that found them (which a
    reading of the same question vectors with other words runs again: `Assistant._searched`)."""

    retrieval: Retrieval
    scores: QuestionScores
    evidence: Retrieval
    set_aside: list[Hit]
    search: Search

    @property
    def read(self) -> tuple[Retrieval, QuestionScores, Retrieval]:
        """What an answer is composed of: the passages shown, the scores and the evidence."""
        return self.retrieval, self.scores, self.evidence


class _Loaded:
    """The loaded index plus what answering derives from it (prepared.py), shared by
    configured copies."""

    def __init__(
        self,
        index: LoadedIndex,
        bank: SentenceBank,
        vocabulary: Vocabulary,
        embedders: dict[str, Any],
    ) -> None:
        self.index, self.bank, self.vocabulary, self.embedders = index, bank, vocabulary, embedders
        self.glossary = vocabulary.glossary
        """The corpus's equivalent terms (language data, domain file, derived pairs)."""
        self._changes: dict[Path, list[str]] = {}
        """`status.index_changes` of the index against each corpus folder asked of."""
        self._stale: dict[tuple[Path, str], str | None] = {}
        """`status.stale_words` of those changes, by corpus folder and language."""
        self._word_vectors: dict[str, WordVectors] = {}
        self._stored_words: dict[str, StoredWords | None] = {}
        self._word_vectors_lock = threading.Lock()  # the chat's workers may ask at once
        self._written_in: dict[str, str] = {}
        self._written_in_lock = threading.Lock()  # its folding waits on no word vectors' reading
        self.readings_across: RecentlyUsed[tuple[object, ...], tuple[dict[str, str], bool]]
        self.readings_across = RecentlyUsed(READINGS_KEPT)
        """Assistant._kept_read_across's readings of questions' absent words across."""

    def stale_notice(self, corpus_dir: Path, index_dir: Path, lang: str = "en") -> str | None:
        """status.stale_notice of this index against `corpus_dir`, in `lang`: its changes as of
        the first call, kept for the life of the loaded index and never refreshed (re-checking
        stats every corpus file, 0.12 s of CPU for 36,612 files, docs/deployment.md, is too much
        per question, and no cheaper sign tells an edited file: a folder's time changes only
        when an entry is added or removed), worded once per language (`status.stale_words`);
        whether a build of
        `index_dir` runs, at each call (its lock file read: publishing.build_running)."""
        if (corpus_dir, lang) not in self._stale:
            self._stale[corpus_dir, lang] = stale_words(self.changes_against(corpus_dir), lang)
        stale = self._stale[corpus_dir, lang]
        return stale_notice_of(stale, build_running(index_dir) if stale else None, lang)

    def changes_against(self, corpus_dir: Path) -> list[str]:
        """status.index_changes of this index against `corpus_dir`, as of the first call (as
        `stale_notice` says them)."""
        if corpus_dir not in self._changes:
            self._changes[corpus_dir] = index_changes(self.index, corpus_dir)
        return self._changes[corpus_dir]

    def known_changes(self, corpus_dir: Path) -> list[str] | None:
        """`changes_against` when a check made them (a stale notice, a status), else None."""
        return self._changes.get(corpus_dir)

    def record_changes(self, corpus_dir: Path, changes: list[str]) -> None:
        """Keep the changes a status check found (`Assistant.status`) as `changes_against`."""
        self._changes[corpus_dir] = changes

    @functools.cached_property
    def centroid(self) -> np.ndarray | None:
        """The answer channel's corpus centroid: as the build stored it, or (an index written
        before builds stored it) computed from its vectors, once, when first asked."""
        channel = self.index.manifest.answer_channel
        stored = stored_centroid(self.index.statistics, channel)
        if stored is not None or channel not in self.index.vectors:
            return stored
        return corpus_centroid(self.index.vectors[channel])

    def word_vectors(self, channel: str) -> WordVectors:
        """The word vectors of `channel`'s embedder, kept across questions
        (passage_translation.WordVectors), made when first asked."""
        with self._word_vectors_lock:
            if channel not in self._word_vectors:
                self._word_vectors[channel] = WordVectors(self.embedders[channel])
            return self._word_vectors[channel]

    def written_in(self, word: str, lang: Lang) -> bool:
        """Whether a passage in `lang` writes the folded `word`, a word whole in the folded text
        of all of them (folded as lexical.content_words folds), folded when first asked (a hint
        to ask in `lang` reads it: corpus_translation.in_other_language). Of a lab drive's 1.6 MB
        of English passages: 23 ms to fold, a few ms to look a word up; their content words
        (lexical.content_words) took 3.2 s, a regex with lookarounds 0.3 s a word."""
        with self._written_in_lock:
            if lang not in self._written_in:
                texts = (chunk.text for chunk in self.bank.chunks if chunk.lang == lang)
                self._written_in[lang] = "\n".join(map(lexical_fold, texts))  # ASCII's fast
            text = self._written_in[lang]
        return _whole_word_in(word, text)

    def stored_words(self, channel: str) -> StoredWords | None:
        """The word vectors the build stored in `channel` (stored_words.py; None: it stored
        none), read when first asked."""
        with self._word_vectors_lock:
            if channel not in self._stored_words:
                manifest = self.index.manifest
                dim = next((c.dim for c in manifest.channels if c.name == channel), 0)
                folder = self.index.folder
                self._stored_words[channel] = read_words(folder, channel, dim, manifest.index_files)
            return self._stored_words[channel]

    @functools.cached_property
    def folder(self) -> FolderFacts:
        """What a question's checks read of the whole folder (folder_facts.py: the days its
        documents are dated, its changelogs, its documents' name terms), each read when first
        asked and kept."""
        return FolderFacts(self.bank.documents)

    @functools.cached_property
    def document_languages(self) -> DocumentLanguages:
        """How many documents are in each language, from the index's file list (read when
        first asked: by a question none of whose words the documents use, or by one refused as
        typed whose absent words may translate into the words a bilingual corpus's build
        stored, `_stored_words_across`)."""
        documents = self.index.files().documents()
        return DocumentLanguages.of(langs for *_, langs in documents)

    @functools.cached_property
    def versions(self) -> CorpusVersions | None:
        """The versions of the documents, when some are of an older version than others
        (versions.py), from the document ids (their paths) the index holds, read when the
        first question is asked; None for a folder without (most)."""
        documents = self.index.documents
        return CorpusVersions.of(
            documents,
            lambda doc_id: documents[doc_id].title,
            self.writes,
            lambda doc_id: documents[doc_id].text,
            stored_pairs(self.index.statistics),
        )

    def writes(self, name: str) -> bool:
        """Whether the documents write a name (a question's "GitLab" before "version 15")."""
        return self.vocabulary.sentences_holding(name) > 0

    @functools.cached_property
    def path_versions(self) -> frozenset[Version]:
        """The versions the documents' paths or file names name (versions.path_versions), read
        when the first question is asked; none for most folders."""
        return path_versions(self.index.documents)

    def read_elsewhere(self, question: str) -> frozenset[str]:
        """The folded words of `question` naming a version a path names ("v2" of "v2/limits":
        versions.held_mentions), which the pages need not write (questions.analyse)."""
        mentions = held_mentions(question, self.path_versions, self.writes)
        return frozenset(fold(word) for text in mentions for word in question_words(text))

    @functools.cached_property
    def skipped(self) -> list[SkippedFile]:
        """The files the build skipped (unread.skipped_files), read at the first question."""
        return skipped_files(self.index.files())

    @functools.cached_property
    def unread(self) -> UnreadFiles:
        """The files the build did not read, by type (unread.py), from the index's file list:
        read when first asked (by an abstention saying the documents never mention a word),
        never by walking the corpus."""
        return recorded_unread(self.index.files())

    @classmethod
    def of(cls, index: LoadedIndex, embed_on_demand: bool = False, prefill: bool = True) -> _Loaded:
        """What answering needs from `index`; per-sentence data is computed on demand (the
        token sets of a small index now, with `prefill`)."""
        embedders = query_embedders(index)
        knowledge = knowledge_of(index)
        bank = sentence_bank(index, embedders, knowledge, embed_on_demand, prefill)
        return cls(index, bank, vocabulary_of(index, knowledge), embedders)


class Session:
    """A conversation: follow-up questions are read in the context of the previous one."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.previous: str | None = None
        self.subject = ""
        """The names the last answer gave that its question did not write
        (followups.answer_subject), searched with a follow-up asking little of its own
        (followups.reads_answer_subject) after the previous question (its `read_with` stays
        the question it leans on)."""

    def ask(self, question: str, k: int | None = None) -> Answer:
        cleaned, warnings = clean_question(question, self.assistant.settings.max_question_chars)
        context = self.assistant.follow_up_context(cleaned, self.previous)
        read = context
        leans = bool(context and self.subject and reads_answer_subject(cleaned))
        if leans:
            read = in_context(context or "", self.subject)
        terms = self.assistant._terms(cleaned, read)
        answer = self.assistant._answer(cleaned, read, k, warnings, terms, read_with=context)
        if not nothing_of_its_own(terms):  # "???" keeps the previous subject
            self.previous = carried(context, cleaned)[-600:] if context else cleaned
            quoted = answer.citations[0].quote if answer.citations else ""
            # a follow-up read with the subject keeps it when its answer names no other
            self.subject = answer_subject(cleaned, quoted) or (self.subject if leans else "")
        return answer


class Assistant:
    """A loaded index plus query models; `ask` is cheap once this exists."""

    def __init__(
        self, settings: Settings, loaded: _Loaded, *, index_warnings: bool = False
    ) -> None:
        self.settings = settings
        self._loaded = loaded
        self.index_warnings = index_warnings
        """Whether this assistant's answers carry the index's notices (`index_notices`: other
        channels than the settings', a stale index) in their warnings
        (open_assistant's `index_warnings`): its own, not the loaded index's, which its
        configured copies share (they start with it; setting one's changes no other's)."""

    def ask(self, question: str, k: int | None = None, *, id: str | int | None = None) -> Answer:
        """Answer one question on its own."""
        cleaned, warnings = clean_question(question, self.settings.max_question_chars)
        return self._answer(cleaned, None, k, warnings, id=id)

    def retrieve(self, question: str, k: int | None = None) -> Retrieval:
        """Only the ranked passages, no answer."""
        cleaned, _ = clean_question(question, self.settings.max_question_chars)
        with one_blas_thread():
            return self._retrieve(cleaned, self._query_vectors(cleaned), k)

    def follow_up_context(self, question: str, previous: str | None) -> str | None:
        """`previous` when `question` leans on it (followups.is_follow_up, with the corpus's name
        endings and specific words), else None: what a conversation reads `question` with.
        Session.ask decides so, and so does the answer-model trainer (evals/tools/answer_rows)."""
        if previous is None:
            return None
        vocabulary = self._loaded.vocabulary
        follows = is_follow_up(
            question, vocabulary.name_endings, previous=previous, specific=vocabulary.specific
        )
        return previous if follows else None

    def session(self) -> Session:
        """Start a conversation whose follow-ups carry the previous subject."""
        return Session(self)

    def configured(self, **overrides: object) -> Assistant:
        """The same loaded index and models under other settings (k, weights, thresholds...)."""
        settings = self.settings.model_copy(update=overrides)
        return Assistant(settings, self._loaded, index_warnings=self.index_warnings)

    def document(self, doc_id: str) -> Document:
        """The full document, as indexed (its text is what citation offsets point into)."""
        return self._loaded.index.documents[doc_id]

    def suggested_examples(self, count: int = EXAMPLE_COUNT) -> list[Example]:
        """Questions this assistant answers with content (`_has_content`: a quote of more than
        a heading line), on the salient terms of documents of the corpus's main language
        first, then of each other language in turn (suggestions.suggest): for a welcome when
        the corpus lists no examples, never on its boilerplate (boilerplate.py: a signature's
        "Dr Sofia"), nor on an old copy, an earlier version or an archived document
        (suggestions.current_by_language). Reads the beginnings of at most
        `suggestions.EXAMPLE_DOCUMENTS` documents, whatever the corpus's size."""
        loaded = self._loaded
        versions = loaded.versions
        documents = ((doc_id, langs) for doc_id, *_, langs in loaded.index.files().documents())
        by_lang = current_by_language(documents, versions.is_older if versions else None)

        def read(lang: str, doc_id: str) -> DocumentText:
            document = loaded.index.documents[doc_id]
            text = loaded.bank.boilerplate.without(document.text[:TEXT_SAMPLE])
            return DocumentText(lang, text, document.title, document.latex)  # its start is read

        counts = TermCounts(loaded.vocabulary.frequency, loaded.vocabulary.sentence_count)
        return suggest(by_lang, read, counts, lambda e: _has_content(self.ask(e.question)), count)

    def status(self) -> IndexStatus:
        """Index status, as `index_status` gives it but for `kept_for_user` (left empty: only
        `citeqa status` names those folders, and reading them costs a manifest per build); its
        changes are kept for the warnings of quotes from changed files (`_changed_quotes`)."""
        status = describe_index(
            self._loaded.index, self.settings.corpus_dir, self.settings.index_dir
        )
        self._loaded.record_changes(self.settings.corpus_dir, status.changed)
        return status

    def stale_notice(self, lang: str = "en") -> str | None:
        """What to tell a user whose index is stale (status.stale_notice), in `lang`, or None:
        the corpus
        as it was when first asked (by this or a configured copy), never re-checked afterwards
        (a file changed since is not noticed until the index is opened again); while a build
        of the index runs, it says so rather than asking for one."""
        settings = self.settings
        return self._loaded.stale_notice(settings.corpus_dir, settings.index_dir, lang)

    def index_notices(self, lang: str = "en") -> list[str]:
        """What to tell a user of this index before any answer, in `lang` (an answer's: its
        warnings say them in the language it is composed in): that the settings ask for other
        channels than it was built with (`channels_notice`) and that it is stale
        (`stale_notice`), those that apply."""
        return [n for n in (self.channels_notice(lang), self.stale_notice(lang)) if n]

    def changes(self) -> list[str]:
        """What changed since the index was built, as `status().changed` says it ([] when
        it is up to date), without describing the index."""
        return index_changes(self._loaded.index, self.settings.corpus_dir)

    @property
    def channels(self) -> list[str]:
        """The vector channels the index was built with, in order."""
        return [channel.name for channel in self._loaded.index.manifest.channels]

    def channels_notice(self, lang: str = "en") -> str | None:
        """What to tell a user whose settings ask for other vector channels than the index was
        built with (status.channels_differ), in `lang`, or None."""
        return channels_differ(self.channels, self.settings.channels, lang)

    @property
    def manifest_hash(self) -> str:
        return self._loaded.index.manifest_hash

    @property
    def index_dir(self) -> Path:
        return self.settings.index_dir

    def _query_vectors(self, text: str) -> dict[str, np.ndarray]:
        return {
            name: embed_questions(embedder, [text])[0]
            for name, embedder in self._loaded.embedders.items()
        }

    def _retrieve(
        self,
        text: str,
        vectors: dict[str, np.ndarray],
        k: int | None,
        terms: QuestionTerms | None = None,
    ) -> Retrieval:
        """The ranking shown (the settings' fusion) alone: the evidence fusion is not run."""
        return self._retrievals(text, vectors, k, terms, self._fusions[:1])[0]

    def _retrievals(
        self,
        text: str,
        vectors: dict[str, np.ndarray],
        k: int | None,
        terms: QuestionTerms | None = None,
        fusions: list[Settings] | None = None,
        search: Search | None = None,
        scores: QuestionScores | None = None,
        arrange: Arranged | None = None,
    ) -> twofusions.Ranked:
        """The ranking shown, `k` deep, and the evidence fusion's, `answer_passages` deep
        whatever `k` is (the passages the answer models were trained on; both cut from one
        reranked list when both fusions agree; twofusions.py), from one search of every
        channel `fusions` (default: both) read, by `search` (default: the index's, see
        `_search`). The passages are reranked by their sentences' `scores` for the question
        (default: fresh ones), which then hold those sentences' scores for the answer. In a
        folder of several versions, they are read as `arrange` says (default: the question's
        versions.CorpusVersions.arrangement), which sets older passages aside."""
        loaded, count = self._loaded, max(1, k if k is not None else self.settings.k)
        terms = terms or self._terms(text, None)
        fusions = fusions or self._fusions
        searched = " ".join([text, *terms.corrections, *terms.cognates, *terms.translated])
        search = search or self._search(vectors)
        candidates = channel_candidates(search, searched, vectors, fusions, loaded.glossary)
        if scores is None:
            answer_vector = vectors.get(loaded.index.manifest.answer_channel or "")
            scores = QuestionScores(loaded.bank, terms, answer_vector)
        versions = loaded.versions
        if arrange is None and versions is not None:
            asked = terms.own_terms or terms.terms
            arrange = versions.arrangement(text, self.settings.answer_passages, asked)
        found = twofusions.Searched(searched, candidates, loaded.index.chunks, scores, arrange)
        return twofusions.ranked(found, fusions, count, self.settings.answer_passages)

    @functools.cached_property
    def _fusions(self) -> list[Settings]:
        """The ranking's settings, then the evidence fusion's when they differ."""
        return twofusions.fusions_of(self.settings, self.channels)

    def _search(self, vectors: dict[str, np.ndarray]) -> Search:
        """The search of every channel's ranking (retrieval.channel_candidates runs it): from
        the vector engine in one request when `engine_fusion` asks for it and the index's
        engine can fuse (enginefusion.py), else from citeqa's own indexes (retrieval.py)."""
        index, settings = self._loaded.index, self.settings
        engine = engine_of(index.vectors) if settings.engine_fusion else None
        if engine is not None:
            return engine_search(engine, index.vectors, vectors, settings.candidates)
        lexical = _lexical_of(index, settings)
        return local_search(lexical, index.vectors, vectors, settings.candidates)

    def _terms(self, question: str, context: str | None) -> QuestionTerms:
        loaded = self._loaded
        return analyse(question, context, loaded.vocabulary, None, loaded.read_elsewhere(question))

    @on_one_blas_thread  # blas_threads.py: its products are too small to share between threads
    def _answer(
        self,
        question: str,
        context: str | None,
        k: int | None,
        warnings: list[str],
        terms: QuestionTerms | None = None,
        **fields: object,
    ) -> Answer:
        """The answer to `question` (read with `context`, a follow-up's previous question);
        `terms` are its analysis, `_terms(question, context)`, when the caller made it;
        `fields` are the caller's own (its `id`, a follow-up's `read_with`), set in the same
        copy as the timings and warnings."""
        began = time.perf_counter()
        text = in_context(context, question) if context else question
        vectors = self._query_vectors(text)
        if terms is None:
            terms = self._terms(question, context)
        loaded = self._loaded
        channel = loaded.index.manifest.answer_channel
        versions = loaded.versions
        searched = first = self._searched(text, vectors, k, terms)
        retrieval, scores, evidence = searched.read
        multilingual = _multilingual(channel, loaded.embedders)
        closeness = self._closeness(question, context, multilingual)
        retrieved = time.perf_counter()

        def composed(
            retrieval: Retrieval,
            scores: QuestionScores,
            evidence: Retrieval,
            closeness: Closeness | None = closeness,
        ) -> Answer:
            return compose(
                question,
                retrieval,
                scores,
                self.settings,
                loaded.centroid,
                channel,
                evidence,
                # a follow-up is answered in its own words' language ("And for executives?"
                # after French questions is English), else in that of the question as searched
                question_lang(question, retrieval.query_lang) if context else None,
                lambda: loaded.document_languages,
                closeness,
                self._translates(multilingual),
                loaded.folder,
            )

        answer = composed(retrieval, scores, evidence)
        corrections = self._corrections(question, terms, retrieval) if answer.abstained else {}
        if corrections:  # refused as typed: read again with its typos corrected (typo_reading)
            reread = self._read_corrected(question, context, k, corrections, composed, multilingual)
            if reread is not None:
                answer, searched = reread
                warnings = [*warnings, read_as(corrections, answer.lang)]
        lacking = not answer.abstained and self._lacking_words(
            question, terms, evidence, multilingual, answer.confidence
        )
        if answer.abstained or lacking:
            across_closeness = self._sentence_closeness(closeness, context, scores, multilingual)
            translated = self._translated(
                question,
                context,
                terms,
                evidence,
                across_closeness,
                multilingual,
                answer.claims_absence or answer.unwritten_in_texts or not answer.abstained,
            )
        else:
            translated = None
        asked_in = question_lang(question, retrieval.query_lang)
        partial = translated is not None and self._partly_translated(translated, asked_in)
        wordless = partial and no_word_written(terms)
        if wordless and translated is not None and _few_translated(translated):
            translated = None  # half of a question none of whose words the documents write
        if translated is not None and translated.also_asked is not None and not answer.abstained:
            translated = None  # unvouched (every_word_across): read again only once refused
        if translated is not None:  # read as if asked in the passages' language
            searched_across = self._searched(text, vectors, k, translated, first)
            across = composed(*searched_across.read, across_closeness)
            read = _Reading(question, asked_in, translated, searched_across.evidence)
            if self._replaces(across, answer, read, multilingual) and writes_another_asked(
                across,
                translated.also_asked,
                self._across_reader(multilingual, asked_in),
                searched_across.evidence,
            ):
                answer, searched = across, searched_across
        answer = _noting_unread(answer, loaded, terms)
        answer, older = self._with_older_version(answer, searched, composed)
        unknown = versions.unknown_note(text, answer.lang) if versions else None
        other = versions.other_version_note(text, answer) if versions else None
        archived = versions.archived_quote_note(text, answer) if versions and not older else None
        notes_of_versions = (unknown, other, older, archived)
        version_notes = [note for note in notes_of_versions if note and not answer.abstained]
        done = time.perf_counter()
        timings = {
            "retrieve": round((retrieved - began) * 1000, 2),
            "answer": round((done - retrieved) * 1000, 2),
            "total": round((done - began) * 1000, 2),
        }
        notices = self.index_notices(answer.lang) if self.index_warnings else []
        notes = [*warnings, *notices, *answer.warnings]  # the answer's own: rows left out
        notes += self._changed_quotes(answer) + version_notes
        notes += self._skipped_named(question, terms, answer) if answer.abstained else []
        return answer.model_copy(update={"timings_ms": timings, "warnings": notes, **fields})

    def _skipped_named(self, question: str, terms: QuestionTerms, answer: Answer) -> list[str]:
        """The notes naming files the build skipped whose names match the question
        (unread.named_for): "scan_CAF_avril2025.pdf was not read … its name matches". Asked of
        abstentions only: the skipped files are read from the index's file list, which an
        answer never reads (a folder of tens of thousands of files; tests/integration/
        test_file_list.py)."""
        loaded = self._loaded
        if not loaded.skipped:
            return []
        words = [word for word in question_words(question) if written_terms(word, False)]
        asked = [alternatives for alternatives, _ in terms.own_terms]
        return named_for(loaded.skipped, asked, words, loaded.writes, answer.lang)

    def _with_older_version(
        self, answer: Answer, searched: _Search, composed: Callable[..., Answer]
    ) -> tuple[Answer, str | None]:
        """`answer` and, in a folder of several versions, the answer of the older documents'
        passages the search it was read from set aside (`searched`: versions.Arranged.set_aside,
        none when the question names a version), read as its evidence is, by its sentence
        scores, when they state it otherwise:
        their quote added, labelled, and the warning naming their file
        (versions.with_older_statement); when `answer` abstains, their answer instead, with
        the warning that it quotes an older version (nothing newer answering), unless it quotes
        a copy whose current file's passages the abstaining answer read (the current file may
        state it otherwise: versions.CorpusVersions.current_was_read); else `answer` and None.
        An abstention saying what the asked record's row holds (Answer.says_the_record) stands."""
        versions, scores = self._loaded.versions, searched.scores
        if versions is None or not searched.set_aside or answer.says_the_record:
            return answer, None
        passages = searched.set_aside[: self.settings.answer_passages]
        if not versions.may_add(answer, (hit.chunk.doc_id for hit in passages)):
            return answer, None
        older = searched.evidence.model_copy(update={"hits": passages})
        their_answer = composed(older, scores, older)
        if answer.abstained:  # nothing newer answers: the older pages' answer, said to be theirs
            if their_answer.abstained:
                return answer, None
            their_first = their_answer.citations[0]
            read = (
                hit.chunk.doc_id for hit in searched.evidence.hits[: self.settings.answer_passages]
            )
            if versions.current_was_read(their_first.doc_id, read):
                return answer, None
            return their_answer, versions.only_older_note(their_first, their_answer.lang)
        terms = scores.terms
        asked = [alternatives for alternatives, _ in terms.own_terms]
        return with_older_statement(answer, their_answer, versions, OTHERWISE_LIMIT, asked)

    def _changed_quotes(self, answer: Answer) -> list[str]:
        """Warnings naming the quotes of files changed since the index was built
        (changed_citations.py), where the index's changes are known: this assistant says
        them (`index_warnings`) or they were said when it opened (the chat)."""
        if not answer.citations:
            return []
        corpus_dir = self.settings.corpus_dir
        loaded = self._loaded
        changes = (
            loaded.changes_against(corpus_dir)
            if self.index_warnings
            else loaded.known_changes(corpus_dir)
        )
        built_from = loaded.index.manifest.corpus_dir
        return changed_quote_notes(
            answer.citations, changed_files(changes or []), built_from, answer.lang
        )

    def _read_corrected(
        self,
        question: str,
        context: str | None,
        k: int | None,
        corrections: dict[str, str],
        composed: Callable[..., Answer],
        multilingual: str | None,
    ) -> tuple[Answer, _Search] | None:
        """The answer to `question` read with its `corrections` in place (typo_reading), and
        its search, or None when it abstains too (`multilingual`: the index's multilingual
        answer channel, as `_answer` found it):
        the refusal as typed then stands (it offers the spellings: spelling_hints.py)."""
        fixed = corrected_question(question, corrections)
        text = in_context(context, fixed) if context else fixed
        searched = self._searched(text, self._query_vectors(text), k, self._terms(fixed, context))
        answer = composed(*searched.read, self._closeness(fixed, context, multilingual))
        return None if answer.abstained else (answer, searched)

    def _searched(
        self,
        text: str,
        vectors: dict[str, np.ndarray],
        k: int | None,
        terms: QuestionTerms,
        again: _Search | None = None,
    ) -> _Search:
        """The search of `text` (its query `vectors`, its analysis `terms`): the passages shown,
        the question's scores of the bank's sentences, the passages read as evidence and the
        older ones set aside (versions.py); one search for a question as asked, as read in the
        passages' language and as corrected. With `again`, the search of the same `vectors`
        (the question as asked, read again with its absent words translated), whose vector
        rankings and sentence cosines serve this one (retrieval.local_search,
        QuestionScores.with_terms): only its words differ."""
        channel = self._loaded.index.manifest.answer_channel
        if again is None:
            scores = QuestionScores(self._loaded.bank, terms, vectors.get(channel or ""))
            search = self._search(vectors)
        else:
            scores, search = again.scores.with_terms(terms), again.search
        found = self._retrievals(text, vectors, k, terms, search=search, scores=scores)
        shown, evidence = in_words_language(found[:2], terms)
        return _Search(shown, scores, evidence, found.set_aside, search)

    def _corrections(
        self, question: str, terms: QuestionTerms, retrieval: Retrieval
    ) -> dict[str, str]:
        """The corrections a question refused as typed is read again with (its every unused
        content word's, typo_reading.confident_corrections: written by the passages `retrieval`
        shows), or {} when some such word has none."""
        if not terms.absent:
            return {}
        lang = question_lang(question, retrieval.query_lang)
        return confident_corrections(
            terms,
            lang,
            lambda: [hit.chunk.text for hit in retrieval.hits],
            self._loaded.vocabulary.short_correction,
        )

    def _translates(self, channel: str | None) -> Translates | None:
        """Whether words of a question mean words of passages in the other language, in the
        index's multilingual answer `channel` (None: it has none), or words the whole corpus
        writes in that language (corpus_translation.in_other_language; with no passages, those
        alone), read by an abstention's advice to ask in that language (answering.compose)."""
        if channel is None:
            return None

        def translates(words: Sequence[str], hits: Sequence[Hit], lang: Lang) -> bool:
            if hits and self._near_translations(words, hits, lang, channel):
                return True
            stored = self._loaded.stored_words(channel)
            if stored is None or not self._advises_by_stored_words(lang):
                return False
            vectors = self._loaded.word_vectors(channel)
            written = self._loaded.written_in
            return in_other_language(words, lang, stored, vectors, written)

        return translates

    def _advises_by_stored_words(self, lang: Lang) -> bool:
        """Whether the stored words (stored_words.py) may say that asking in the other language
        than `lang` may help (`_translates`): the corpus is in both languages by
        abstention.MINORITY_SHARE, or `lang` is the one few documents use
        (DocumentLanguages.advised_across_from). Not a question in the language of almost all of
        them: the build stores the words of every corpus, and "Quel temps fera-t-il demain à
        Nantes ?" of a French folder holding two English mails was told to ask in English
        ("demain" / "tomorrow", a word the mails write). Read only on an index that stored
        its words: the file list is read for it."""
        return self._loaded.document_languages.advised_across_from(lang)

    def _near_translations(
        self, words: Sequence[str], hits: Sequence[Hit], lang: Lang, channel: str
    ) -> dict[str, str]:
        """`words` translated into words of the passages `hits` in the other language than
        `lang` at passage_translation.MIN_SIMILARITY (a question close to such a passage:
        `_translated`; an abstention's advice: `_translates`), every word of theirs a candidate:
        those the build stored (stored_words.py) in the form the passages write them with their
        stored vectors, all the others and `words` embedded (embedding some 50-150 passage words
        took 15-55 ms of an ask; passage_translation.UNSTORED_WORDS bounds only `_read_across`)."""
        loaded = self._loaded
        vectors, stored = loaded.word_vectors(channel), loaded.stored_words(channel)
        return translations(words, hits, lang, vectors, stored=stored, unstored=None)

    def _translated(
        self,
        question: str,
        context: str | None,
        terms: QuestionTerms,
        ranking: Retrieval,
        closeness: Closeness | None,
        channel: str | None,
        for_absent_words: bool,
    ) -> QuestionTerms | None:
        """`question`'s terms (a question refused as typed, `_answer`) read with its absent
        words translated into words of the passages the answer reads in the other language
        (passage_translation.py), or None when none translates, the index has no multilingual
        `channel`, or that channel puts no passage in the other language at across.MIN_CLOSENESS
        and closer than those in the question's own (answering.said_in_other_language, by
        `closeness`, `_closeness`'s: an off-topic question is far from all of them) while the
        corpus does not read its language across (`_stored_words_across`). On a bilingual corpus,
        or of a question in the corpus's minority language (DocumentLanguages.read_across_from:
        "When is the parent-teacher meeting?" of a French family folder, 3 documents of 40 in
        English), with no passage so close or none of its words translating near one (a
        close passage asks MIN_SIMILARITY: "Who runs the chess club?" of a French teacher's
        folder, .38 close, then read no word), its words translate as `_read_across` reads
        them ("What is the serial number of the Prise Duo that smells burnt?" of a French
        ticket, .26 close, abstained "never mention serial, smells, burnt"), every absent
        word of a minority-language question (half of them, "salary" of "What is the salary
        of the mayor?", found a salary line of no mayor), into a passage word whose
        vector the build stored (stored_words.py: only the question's words are embedded; an
        index built before stored none and translates only near a close passage), and only
        when the question was refused `for_absent_words` (abstention.Reason.claims_absence, or
        unwritten_in_texts: "meetings" of a folder "meetings/", "What did the retro decide about
        Friday meetings?" of French minutes writing "réunions"; s38 trial), or
        answered as typed without one of its words (`_lacking_words`):
        one refused for another reason, a year no passage holds ("What did we pay for the car
        loan insurance in 2023?" of a family folder holding 2024's), is not read again, whose
        translated words ("pay" / "payable") would find other passages to answer with."""
        if not terms.absent or _one_word_alone(question, context):
            return None
        loaded = self._loaded
        if channel is None:
            return None
        lang = question_lang(question, ranking.query_lang)
        top = ranking.hits[: self.settings.answer_passages]
        found, vouched = {}, True
        if said_in_other_language(ranking, lang, closeness, self.settings):
            found = self._near_translations(terms.absent, top, lang, channel)
        if not found and for_absent_words:
            found, vouched = self._kept_read_across(terms, top, lang, channel)
        if not found:
            return None
        read = analyse(question, context, loaded.vocabulary, found, loaded.read_elsewhere(question))
        if not vouched:
            read.also_asked = _other_content_words(question, found, lang)
        return read

    def _lacking_words(
        self,
        question: str,
        terms: QuestionTerms,
        ranking: Retrieval,
        channel: str | None,
        confidence: float,
    ) -> bool:
        """Whether `question` is in the corpus's minority language (DocumentLanguages.
        read_across_from, the corpus not bilingual) and some content word of it is one the
        corpus never uses: answered as typed, it answers without that word, from passages in
        its own language ("Who teaches Spanish to 3A?" of a French teacher's folder quoted an
        English grant's "Two teachers will follow a course on teaching with drama", never
        saying "Spanish", where the 3A timetable writes "Espagnol"), and is read again
        translated (`_translated`), that reading's answer kept as translated_answer.replaces
        says (a quote writing a translated word: "Espagnol"); so too a question in its
        majority language when 2 documents at least are in the other (read_across_from:
        "What time does the site gate open?" of an English folder answered from an English
        over-pumping plan, read as "portail", "ouvert", quotes a French client mail), when
        answered as typed at a `confidence` under WEAK_CONFIDENCE only: its words the
        documents never write are often of another subject than the few documents' (of a
        folder of 500 English abstracts with 3 French articles, every such answer read across
        cost a second search and an answer, up to 100 ms more; s37 review). The
        file list (document_languages) is read only for such a word on an index that stored
        its passage words in the multilingual `channel` (answering never reads it else)."""
        lang = question_lang(question, ranking.query_lang)
        absent = list(dict.fromkeys(terms.absent))
        if channel is None or not reason_words.nameable_words(absent, lang):
            return False
        if self._loaded.stored_words(channel) is None:
            return False
        if not self._loaded.document_languages.read_across_from(lang):
            return False
        return confidence < WEAK_CONFIDENCE or not self._from_majority(lang)

    def _replaces(
        self, across: Answer, as_typed: Answer, read: _Reading, channel: str | None
    ) -> bool:
        """Whether `across`, the answer of the question `read` across, replaces its answer
        `as_typed` (translated_answer.replaces, names_another_item). A question in the language
        most documents use (`_from_majority`) keeps its answer as typed when read across refuses,
        it is held to MAJORITY_CONFIDENCE, and its answer's
        quotes must write each of its content words or a translation of it
        (translated_answer.unwritten_words, at MINORITY_SIMILARITY): half its words translating
        found another subject's passage ("How much does cleaning the boats cost?" quoted a French
        hall contract's cleaning fee; s37 review)."""
        translated, evidence, lang = read.translated, read.evidence, read.lang
        majority = self._from_majority(lang)
        if majority and across.abstained:
            return False  # refused as typed is (its reason's "Did you mean “contrat”?")
        if not replaces(across, as_typed, translated.translated, evidence, lang, majority):
            return False
        if names_another_item(across, translated.keys, evidence):
            return False
        if not majority or channel is None:
            return True
        translate = self._translator(channel, lang)
        return not unwritten_words(across, read.question, lang, evidence, translate)

    def _from_majority(self, lang: Lang) -> bool:
        """Whether a question in `lang` is read across from the language most documents use
        (DocumentLanguages.translated_share under 1), the corpus not in both languages."""
        languages = self._loaded.document_languages
        return not languages.bilingual_corpus() and languages.translated_share(lang) < 1.0

    def _translator(self, channel: str, lang: Lang, bar: float = MINORITY_SIMILARITY) -> Translate:
        """Words of a question in `lang` read as words of passages in the other language at
        `bar` (MINORITY_SIMILARITY), by `channel`'s stored passage words' vectors
        (passage_translation.translations), every such word that does."""
        loaded = self._loaded
        vectors, stored = loaded.word_vectors(channel), loaded.stored_words(channel)

        def translate(words: list[str], hits: list[Hit]) -> Mapping[str, str]:
            return translations(words, hits, lang, vectors, bar, stored, 0.0)

        return translate

    def _across_reader(self, channel: str | None, lang: Lang) -> Translate | None:
        """The question's other words read as passage words in the other language at
        BILINGUAL_SIMILARITY (`_translator`), for the quote of a reading no passage vouched for
        (translated_answer.writes_another_asked); None with no multilingual `channel`."""
        return None if channel is None else self._translator(channel, lang, BILINGUAL_SIMILARITY)

    def _partly_translated(self, translated: QuestionTerms, lang: Lang) -> bool:
        """Whether `translated`, a question in `lang` read across, leaves some absent content
        word untranslated (reason_words.nameable_words) as only a question in the language
        most documents use may (DocumentLanguages.translated_share under 1): a question none
        of whose own words the documents write (abstention.no_word_written) is not read so
        (`_answer`): its everyday words translate as well as a real question's ("Qui a fourni
        les navires ?", PIAF's, read "fourni" as "supply" and quoted an English timber quote at
        .45; "navires" none) unless WORDLESS_TRANSLATED of them do (`_few_translated`). A
        bilingual corpus's reading is not partial."""
        if not self._from_majority(lang):
            return False
        return bool(reason_words.nameable_words(list(translated.absent), lang))

    def _kept_read_across(
        self, terms: QuestionTerms, top: Sequence[Hit], lang: Lang, channel: str
    ) -> tuple[dict[str, str], bool]:
        """`_read_across`, kept for the last READINGS_KEPT readings by their absent words,
        language, passages and channel: a question asked again is not compared with the whole
        stored vocabulary again (corpus_translation.corpus_translations)."""
        key = (channel, lang, tuple(terms.absent), tuple(hit.chunk_index for hit in top))
        read, vouched = self._loaded.readings_across.get(
            key, lambda: self._read_across(terms, top, lang, channel)
        )
        return dict(read), vouched

    def _read_across(
        self, terms: QuestionTerms, top: Sequence[Hit], lang: Lang, channel: str
    ) -> tuple[dict[str, str], bool]:
        """The absent words of `terms` read as the words the build stored (stored_words.py) of
        the passages `top` in the other language than `lang` (`_translated`), with whether a
        passage of `top` vouches for that reading (False: every_word_across's), or {} when this
        corpus does not read `lang` across (`_stored_words_across`) or too few translate: on a
        bilingual corpus, MIN_TRANSLATED of them at BILINGUAL_SIMILARITY; of a question in the
        corpus's minority language, every content word of them (reason_words.nameable_words: not the
        "much" of "How much…") at MINORITY_SIMILARITY; of one in its majority language, half of them
        (DocumentLanguages.translated_share), its answer then held as `_replaces` says. A word no
        passage of `top` translates is read as the nearest of all the stored words, at the stricter
        corpus_translation.STRICTER_SIMILARITY: the search, run again with it, finds the passage
        writing it that it missed; on a bilingual corpus, only once the words of `top` reached
        MIN_TRANSLATED alone (the bundled off-topic "Qui voit ses biens confisqués ?", "voit"
        read as the stored "seen", quoted a trial's tolerance line), or, when they translate
        none, only if every content word does so into a content word passages in the other
        language write (corpus_translation.every_word_across: "school" / "école", "scolaire"
        of "Where is the school trip on 22 May?", whose search found English diary entries of
        May alone), its answer then held to a quote writing another word of the question
        (QuestionTerms.also_asked).
        Under its bar, a word is read also as its clear nearest candidate
        (passage_translation.clearly_nearest: "supplier" / "prestataire" .736, next .627) among
        the corpus's stored words, one a passage in the other language writes, never near a
        close passage (`_near_translations`)."""
        stored = self._stored_words_across(channel, lang)
        if stored is None:
            return {}, True
        vectors = self._loaded.word_vectors(channel)
        other = other_language(lang)

        def written_across(word: str) -> bool:
            return self._loaded.written_in(word, other)

        if self._loaded.document_languages.bilingual_corpus():
            absent = terms.absent
            bar = BILINGUAL_SIMILARITY
            found = translations(absent, top, lang, vectors, bar, stored, clear=True)
            if not found:  # no passage found translates them: each read in the whole corpus
                content = reason_words.nameable_words(list(dict.fromkeys(absent)), lang)
                return every_word_across(content, stored, vectors, written_across, other), False
            return corpus_translations(absent, found, stored, vectors, clear=written_across), True
        absent = reason_words.nameable_words(list(dict.fromkeys(terms.absent)), lang)
        found = translations(absent, top, lang, vectors, MINORITY_SIMILARITY, stored, 0.0)
        found = corpus_translations(absent, found, stored, vectors, clear=written_across)
        if self._from_majority(lang):
            found = self._toward_the_few(found, lang)
        share = self._loaded.document_languages.translated_share(lang)
        return (found if enough_translated(found, absent, share) else {}), True

    def _toward_the_few(self, found: dict[str, str], lang: Lang) -> dict[str, str]:
        """The readings `found` (a question's folded word → a stored word) of a question in
        `lang`, the language most documents use, into a word only the few documents in the
        other language write: one its own documents write is no translation toward them but a
        synonym or a misspelling's word, and the question read with it found its own documents
        again at the cost of a second search and answer (of 500 English abstracts with 3 French
        articles, "thrombotic" read as "thrombolytic", "efective" as "defect": s38)."""
        other = other_language(lang)
        written = self._loaded.written_in
        return {
            word: match
            for word, match in found.items()
            if written(match, other) and not written(match, lang)
        }

    def _stored_words_across(self, channel: str, lang: Lang) -> StoredWords | None:
        """The words the build stored in `channel` (stored_words.py) when a question in `lang`
        is read across languages on this corpus (DocumentLanguages.read_across_from: the corpus
        is in both languages, or `lang` is its minority), else None."""
        loaded = self._loaded
        if not loaded.document_languages.read_across_from(lang):
            return None
        return loaded.stored_words(channel)

    def _sentence_closeness(
        self,
        closeness: Closeness | None,
        context: str | None,
        scores: QuestionScores,
        channel: str | None,
    ) -> Closeness | None:
        """`closeness`, each passage read at least as close as its closest sentence by the
        question's sentence `scores` (QuestionScores.semantic: the stored sentence vectors'
        cosine, once a sentence) (across.with_sentences), for a question read again across
        languages: its words translated near a close passage, its answer vouched for by one.
        As it is for a follow-up (read by its own words) or when the sentence vectors are not
        the multilingual `channel`'s."""
        loaded = self._loaded
        if closeness is None or context is not None or scores.query_vector is None:
            return closeness
        if channel is None or channel != loaded.index.manifest.answer_channel:
            return closeness
        if loaded.bank.vectors is None:
            return closeness
        return with_sentences(
            closeness, lambda hit: loaded.bank.scorable_in(hit.chunk), scores.semantic
        )

    def _closeness(
        self, question: str, context: str | None, channel: str | None
    ) -> Closeness | None:
        """How close each passage is to `question` in the multilingual `channel` (None: none):
        the search's scores for a question on its own; for a follow-up (read with `context`),
        its own words' cosine with the passages, embedded only when asked (a question the
        word checks refuse), since the previous question would bring it close to the passage
        that answered that (across.py)."""
        if channel is None:
            return None
        if context is None:
            return in_channel(channel)
        loaded = self._loaded

        @functools.cache
        def own_vector() -> np.ndarray:  # embedded once, however often asked
            return embed_questions(loaded.embedders[channel], [question])[0]

        def own_words(hits: Sequence[Hit]) -> list[float]:
            if not hits:
                return []
            vector = own_vector()
            rows = loaded.index.vectors[channel].rows([hit.chunk_index for hit in hits])
            return [round(float(score), 4) for score in rows @ vector]

        return own_words


def _noting_unread(answer: Answer, loaded: _Loaded, terms: QuestionTerms) -> Answer:
    """`answer`, its reason followed by unread.not_searched when the build skipped files of
    types citeqa does not read (those files may answer) and an unread file may be why it
    abstains (`_unread_may_answer`)."""
    if not _unread_may_answer(answer, terms):
        return answer
    note = not_searched(loaded.unread, answer.lang)
    if note is None:
        return answer
    reason = f"{answer.reason} {note}"
    text = abstention.message(reason, answer.lang, bool(answer.passages))
    return answer.model_copy(update={"reason": reason, "answer": text})


def _unread_may_answer(answer: Answer, terms: QuestionTerms) -> bool:
    """Whether `answer` abstains where an unread file may hold what the files read lack: its
    reason says they never mention some words (Answer.claims_absence), or some word of the
    question they never use goes unnamed (a generic word, "mean" of "What does the stipend
    mean?", or one of a phrase it asks by, "live" of "Where does Kenji live?": the note was lost
    when such words stopped being named, s32 note). Not for a question with nothing to search
    (a greeting: nothing_of_its_own) nor one its record's own row answers empty
    (Answer.says_the_record)."""
    if answer.claims_absence:
        return True
    if not answer.abstained or answer.says_the_record or nothing_of_its_own(terms):
        return False
    return bool(terms.absent)


def _whole_word_in(word: str, text: str) -> bool:
    """Whether `text` writes `word` (non-empty) with no letter or digit on either side."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            return True
        at = text.find(word, at + 1)
    return False


def _few_translated(translated: QuestionTerms) -> bool:
    """Whether fewer than abstention.WORDLESS_TRANSLATED passage words were read for the absent
    words of `translated` (a question none of whose own words the documents write, read by
    half of them: Assistant._partly_translated)."""
    return len(set(translated.translated)) < WORDLESS_TRANSLATED


def _other_content_words(question: str, read: Mapping[str, str], lang: Lang) -> tuple[str, ...]:
    """The content words of `question` (in `lang`: reason_words.nameable_words, folded) other
    than the absent words `read` (folded) reads across: "trip" of "When is the school trip?",
    "trip" and "22" of "Where is the school trip on 22 May?"."""
    words = [word for word in question_words(question) if lexical_fold(word) not in read]
    named = reason_words.nameable_words(words, lang)
    return tuple(dict.fromkeys(map(lexical_fold, named)))


def _multilingual(channel: str | None, embedders: dict[str, Any]) -> str | None:
    """`channel` when its embedder places English and French in one space, else None."""
    embedder = embedders.get(channel) if channel is not None else None
    return channel if embedder is not None and is_multilingual(embedder) else None


def _has_content(answer: Answer) -> bool:
    """An answer worth offering as a welcome example: not an abstention, and quoting more than
    a heading (a quote that is its section's heading line alone, "# Cafeteria", says nothing)."""
    return not answer.abstained and not all(_heading_only(c) for c in answer.citations)


def _heading_only(citation: Citation) -> bool:
    """The quote is one line that is its section's heading (markdown marks aside)."""
    line = citation.quote.strip()
    if "\n" in line or citation.section is None:
        return False
    section = citation.section
    return clean_heading(line) in (
        section,
        own_heading(section),
        section.rpartition(SECTION_PATH)[2],
    )


def _lexical_of(index: LoadedIndex, settings: Settings) -> LexicalSearch:
    """The embedded BM25 index, or the vector engine's when `engine_lexical` (or
    `engine_fusion`) asks for it or the build left BM25 to the engine."""
    if settings.engine_lexical or settings.engine_fusion or index.lexical is None:
        engine = lexical_engine_of(index.vectors)
        if engine is not None:
            return engine.lexical()
    if index.lexical is None:
        raise IndexCorrupt(f"The index in {index.folder} has no BM25 index; run `citeqa index`.")
    return index.lexical


def _one_word_alone(question: str, context: str | None) -> bool:
    """Whether `question`, asked on its own (no `context`), writes one content word only
    (lexical.content_words: a stopword or a single letter is none): when the corpus never uses
    it, nothing asks for it to be read in the other language ("test" of a French folder was
    read as "examen" and a to-do line quoted; s31 trial): it stays refused as typed."""
    return context is None and len(content_words(question)) == 1
