"""Settings: paths, channels, chunking, retrieval and answering knobs.

Every field can be set from the environment with the `CITEQA_` prefix (for example
`CITEQA_INDEX_DIR=/tmp/idx`). Defaults were chosen by measurement (see evals/REPORT.md).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_ROOT = Path(__file__).resolve().parent
"""src/citeqa; the repository root is two levels up in a source checkout."""


def _default_dir(name: str) -> Path:
    """`./name` when it exists, else the folder of that name next to src/ in a checkout."""
    here = Path.cwd() / name
    if here.exists():
        return here
    checkout = PACKAGE_ROOT.parent.parent / name
    return checkout if checkout.exists() else here


class Settings(BaseSettings):
    """All knobs of citeqa, with their defaults."""

    model_config = SettingsConfigDict(env_prefix="CITEQA_", frozen=True)

    corpus_dir: Path = Field(default_factory=lambda: _default_dir("corpus"))
    """Folder of documents to index."""
    index_dir: Path = Field(default_factory=lambda: _default_dir("index"))
    """Folder that holds the built index (see index/README.md)."""
    channels: tuple[str, ...] = ("use",)
    """Vector channels the index carries: `use` (multilingual USE v3), `minilm` \
(all-MiniLM-L6-v2)."""

    chunk_size: int = 900
    """Maximum characters in a chunk (a single longer sentence or table row is split)."""
    chunk_overlap: int = 150
    """Characters of trailing context repeated at the start of the next chunk of a long block."""
    flat_index_max: int = 50_000
    """Up to this many vectors a channel uses an exact flat index; past it, HNSW."""

    k: int = 5
    """Passages returned per question."""
    candidates: int = 50
    """Candidates each channel contributes before fusion."""
    fusion: str = "blend"
    """How channels are combined: `rrf` (weighted reciprocal-rank fusion) or `blend`
    (weighted sum of per-channel min-max normalised scores)."""
    rrf_k: int = 60
    """Reciprocal-rank-fusion constant."""
    weight_lexical: float = 1.0
    """Fusion weight of BM25 when query and passage share a language."""
    weight_lexical_cross: float = 1.0
    """Fusion weight of BM25 when the passage is in the other language."""
    channel_weights: dict[str, float] = Field(default_factory=dict)
    """Fusion weight of a vector channel by name (e.g. `{"use": 0.4}`); a channel not listed
    gets its embedder's own `default_weight` (see embedding.py)."""
    weight_vectors: float = 1.0
    """Multiplies every vector channel's weight (0 leaves BM25 alone)."""
    expand_queries: bool = True
    """Add glossary translations of medical terms to the lexical query."""
    per_doc_cap: int = 3
    """At most this many passages from one document, unless no other document is relevant."""
    cap_relevance: float = 0.75
    """Relevant means a fused score at least this share of the best; only relevant passages of
    other documents can push a document's passages over the cap down the list."""

    rerank_depth: int = 20
    """Fused candidates reordered by their best sentence before the top k are kept."""
    rerank_weight: float = 0.5
    """Share of the best-sentence score in the reranked score (0 turns reranking off)."""

    abstain_threshold: float = 0.5
    """Answers with confidence below this abstain."""
    max_question_chars: int = 2_000
    """Longer questions are truncated (with a warning)."""
    answer_passages: int = 5
    """Sentences to quote are chosen from this many top passages."""
    max_quote_sentences: int = 3
    """At most this many sentences are quoted in an answer."""
