"""The Qdrant VectorIndex in its in-process mode: the same answers as exact search, a pointer
file that reconnects, vectors back for reuse, and BM25 + hybrid retrieval inside the engine."""

from __future__ import annotations

import itertools
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

from citeqa.config import Settings, is_qdrant_location, load_settings
from citeqa.errors import SettingsInvalid, StoreUnreachable
from citeqa.lexical import tokenize
from citeqa.qdrantindex import (
    API_KEY_VARIABLE,
    MEMORY,
    Bm25Rows,
    QdrantIndex,
    query_sparse,
    release,
    write_collections,
)
from citeqa.vectorindex import HybridQuery, HybridSearch, VectorIndex

_names = itertools.count()


def unit_rows(count: int, dim: int, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((count, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def new_index(dim: int) -> QdrantIndex:
    return QdrantIndex.create(MEMORY, f"test-{next(_names)}", dim)


def test_dense_search_matches_exact_inner_product() -> None:
    rows = unit_rows(300, 16)
    index = new_index(16)
    index.add(rows[:100])
    index.add(rows[100:])
    assert isinstance(index, VectorIndex) and index.count() == 300
    query = rows[5] * 0.8 + rows[6] * 0.2
    found = index.search(query, 5)
    assert [row for row, _ in found] == [int(i) for i in np.argsort(-(rows @ query))[:5]]
    assert found[0][1] == pytest.approx(float(rows[5] @ query), abs=1e-5)
    np.testing.assert_allclose(index.vectors(), rows, atol=1e-6)
    np.testing.assert_allclose(index.rows([250, 3, 250]), rows[[250, 3, 250]], atol=1e-6)


def test_pointer_file_reconnects_and_detects_a_changed_collection(tmp_path: Path) -> None:
    rows = unit_rows(20, 8, seed=2)
    index = new_index(8)
    index.add(rows)
    pointer = tmp_path / "vectors-x.qdrant.json"
    index.save(pointer)
    again = QdrantIndex.load(pointer)
    assert (again.count(), again.dim, again.search(rows[3], 1)[0][0]) == (20, 8, 3)
    index.add(rows[:1])
    with pytest.raises(RuntimeError, match="21 points"):
        QdrantIndex.load(pointer)
    release(tmp_path)
    with pytest.raises(StoreUnreachable, match="unreachable"):
        QdrantIndex.load(pointer)


def test_an_engine_that_stops_answering_is_one_error_not_a_traceback() -> None:
    index = lexical_index()
    query = index.vectors()[0]
    index.drop()  # as when the server goes away or the collection is deleted under us
    calls = (
        lambda: index.search(query, 3),
        lambda: index.search_lexical(tokenize("renal", "en"), 3),
        lambda: index.search_hybrid(hybrid([(index, query)], "renal")),
        lambda: index.rows([0]),
        index.vectors,
        index.count,
    )
    for call in calls:
        with pytest.raises(StoreUnreachable, match=r"Qdrant engine at :memory: is unreachable"):
            call()


TEXTS = [
    ("Belimumab reduced renal flares in lupus nephritis.", "en"),
    ("Le placebo n'a pas réduit les poussées rénales.", "fr"),
    ("Anifrolumab improved skin activity at week 52.", "en"),
    ("Obinutuzumab gave a complete renal response at week 76.", "en"),
]


def lexical_index() -> QdrantIndex:
    tokens = [tokenize(text, lang) for text, lang in TEXTS]
    index = new_index(4)
    index.add(unit_rows(len(TEXTS), 4, seed=3), lexical=Bm25Rows(tokens)[:])
    return index


def test_bm25_runs_inside_the_engine() -> None:
    index = lexical_index()
    question = tokenize("complete renal response", "en")
    found = index.search_lexical(question, 4)
    assert found[0][0] == 3 and found[0][1] > 0
    sharing = {
        n for n, (text, lang) in enumerate(TEXTS) if set(tokenize(text, lang)) & set(question)
    }
    assert {row for row, _ in found} == sharing and len(sharing) < len(TEXTS)
    rare = index.search_lexical(tokenize("anifrolumab", "en"), 4)
    assert [row for row, _ in rare] == [2]
    assert index.search_lexical([], 4) == []


def hybrid(dense: list[tuple[QdrantIndex, np.ndarray]], words: str) -> HybridQuery:
    return HybridQuery(dense, tokenize(words, "en"), depth=4)


def test_hybrid_search_runs_every_ranking_in_one_request(monkeypatch) -> None:
    index = lexical_index()
    assert isinstance(index, HybridSearch)
    query = index.vectors()[1]
    expected_dense, expected_lexical = (
        index.search(query, 4),
        index.search_lexical(tokenize("anifrolumab", "en"), 4),
    )
    requests: list[int] = []
    batch = index._client.query_batch_points
    monkeypatch.setattr(
        index._client,
        "query_batch_points",
        lambda *a, **kw: requests.append(len(kw["requests"])) or batch(*a, **kw),
    )
    found = index.search_hybrid(hybrid([(index, query)], "anifrolumab"))
    assert requests == [2]  # one request: a batch of the two rankings, each `depth` (4) deep
    assert found.dense == [pytest.approx(expected_dense)]
    assert found.lexical == expected_lexical and [row for row, _ in found.lexical] == [2]
    # only the rankings asked for are searched
    lexical_only = index.search_hybrid(hybrid([], "anifrolumab"))
    assert lexical_only.dense == [] and lexical_only.lexical == found.lexical
    dense = index.search_hybrid(hybrid([(index, query)], ""))
    assert dense.lexical == [] and dense.dense == found.dense
    nothing = index.search_hybrid(hybrid([], ""))
    assert (nothing.dense, nothing.lexical) == ([], [])
    assert requests == [2, 1, 1]  # nothing to rank: no request


def test_hybrid_search_ranks_every_channel_of_a_build(tmp_path: Path) -> None:
    """A build is one collection: each channel a named vector of its points, BM25 beside them;
    one engine request ranks them all."""
    use, minilm = unit_rows(len(TEXTS), 8, seed=4), unit_rows(len(TEXTS), 6, seed=5)
    tokens = [tokenize(text, lang) for text, lang in TEXTS]
    folder = tmp_path / f"build-{next(_names)}"
    folder.mkdir()
    write_collections(folder, {"use": use, "minilm": minilm}, tokens, MEMORY)
    first = QdrantIndex.load(folder / "vectors-use.qdrant.json")
    second = QdrantIndex.load(folder / "vectors-minilm.qdrant.json")
    assert first.collection == second.collection and (first.using, second.using) == (
        "use",
        "minilm",
    )
    np.testing.assert_allclose(second.vectors(), minilm, atol=1e-6)
    assert second.search(minilm[1], 1)[0][0] == 1 and first.search(use[3], 1)[0][0] == 3
    query = hybrid([(first, use[3]), (second, minilm[1])], "anifrolumab")
    both = first.search_hybrid(query)
    assert [row for row, _ in both.lexical] == [2]
    assert both.dense == [
        pytest.approx(first.search(use[3], 4)),
        pytest.approx(second.search(minilm[1], 4)),
    ]
    alone = first.search_hybrid(hybrid([(second, minilm[1])], ""))
    assert alone.dense == [pytest.approx(second.search(minilm[1], 4))] and alone.lexical == []
    elsewhere = new_index(8)
    with pytest.raises(ValueError, match="its own collection"):
        first.search_hybrid(hybrid([(elsewhere, use[3])], "renal"))
    release(folder)
    with pytest.raises(StoreUnreachable, match="unreachable"):
        QdrantIndex.load(folder / "vectors-use.qdrant.json")


class _Recorder(BaseHTTPRequestHandler):
    """A server that is not Qdrant: it records each request's headers and fails it."""

    seen: ClassVar[list[dict[str, str]]] = []

    def _fail(self) -> None:
        self.seen.append(dict(self.headers))
        self.send_response(503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_PUT = do_POST = do_DELETE = _fail

    def log_message(self, *args: object) -> None:
        pass


def test_a_cluster_key_comes_from_the_environment_and_is_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for url in ("http://user:secret@db:6333", "https://db:6333/?api-key=secret", "http://k@db"):
        with pytest.raises(SettingsInvalid, match="CITEQA_QDRANT_API_KEY") as caught:
            load_settings(vector_store=url)
        assert "secret" not in str(caught.value)
    monkeypatch.setenv(API_KEY_VARIABLE, "s3cr3t-key")
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    location = f"http://127.0.0.1:{server.server_address[1]}"
    folder = tmp_path / "build-x"
    folder.mkdir()
    try:
        with pytest.warns(UserWarning, match="insecure"), pytest.raises(OSError, match=location):
            write_collections(folder, {"use": unit_rows(2, 4)}, [["a"], ["b"]], location)
    finally:
        server.shutdown()
    assert _Recorder.seen and all(h.get("api-key") == "s3cr3t-key" for h in _Recorder.seen)
    assert not any("s3cr3t" in path.read_text() for path in folder.rglob("*") if path.is_file())


def test_bm25_rows_are_made_one_at_a_time() -> None:
    documents = [["a", "b"], ["a"] + ["x"] * 8, [], ["b", "b"]]
    rows = Bm25Rows(documents)
    assert len(rows) == 4 and rows[1:] == [rows[n] for n in range(1, 4)] and rows[2] == {}
    assert list(rows) == rows[:] and rows[-1] == rows[3] and set(rows[3]) < set(rows[0])


def test_bm25_weights_saturate_and_favour_short_documents() -> None:
    short, long = Bm25Rows([["a", "b"], ["a"] + ["x"] * 8])
    (a_short,) = [v for k, v in short.items() if k in query_sparse(["a"])]
    (a_long,) = [v for k, v in long.items() if k in query_sparse(["a"])]
    assert a_short > a_long
    (repeated,) = Bm25Rows([["a"] * 50])[0].values()
    assert repeated < 1.2 + 1


def test_locations() -> None:
    assert is_qdrant_location(":memory:") and is_qdrant_location("http://db:6333")
    assert not is_qdrant_location("faiss") and not is_qdrant_location("/tmp/x")
    assert Settings(vector_store="http://db:6333").vector_store == "http://db:6333"
    with pytest.raises(SettingsInvalid, match="vector_store"):
        load_settings(vector_store="mongodb://x")
