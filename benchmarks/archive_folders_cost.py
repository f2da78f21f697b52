"""Print what telling a folder's archive folders costs at its first question
(archive_folders.archived, inside versions.CorpusVersions.of over the index's document ids), beside
what CorpusVersions.of cost without it (superseded.copies, the rest of its work), in one run,
with their ratio: on 20,000 files with no archive word, on 20,000 files of per-client year
folders ("clients/c17/2024/facture_c17_2024", the entity folders review of s34 timed), and on
20,000 files a tenth of which lie in "archive/2024/" folders beside current ones, on 20,000
files half in a client's own "clients/C12 archives/" folder (10,000 archive folders under one
parent, s35 review: seconds before the first answer) and on 20,000 files half archived whose
names share one word with every current one ("devis client12"; archive_folders.without_sibling
reads each), on 20,000 files of 10,000 clients each with "Ck/tarifs" beside "Ck/archives/tarifs k"
(s36 hostile review M4: without_sibling read every current "tarifs" per archived one) and on a
chain of 1,000 folders under an archive folder, one document a level ("old/a/a/…/d999"; M5:
each depth's path joined anew). Then what one question's arrangement costs (a path test per
candidate). Not a test; run it by hand:

    python benchmarks/archive_folders_cost.py [--files 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from fake_corpus import median_seconds

from citeqa.archive_folders import archived
from citeqa.superseded import copies
from citeqa.versions import CorpusVersions


def _corpora(files: int) -> dict[str, list[str]]:
    words = ["releve", "facture", "notes", "ventes", "export", "stock", "paie", "heures"]
    plain = [f"team{i % 50}/{words[i % 8]}/notes-{i}" for i in range(files)]
    clients = [f"clients/c{i % 2000}/{2000 + i % 25}/{words[i % 8]}_{i}" for i in range(files)]
    staged = [
        f"site{i % 199}/archive/2024/{words[i % 8]}_{i}_2024"
        if i % 10 == 0
        else f"site{i % 199}/{words[i % 8]}/{words[i % 8]}_{i}_2025"
        for i in range(files)
    ]
    clients_archives = [  # s35 review: every client's own archive folder under one parent
        f"clients/C{i // 2} archives/devis {i}" if i % 2 else f"clients/C{i // 2}/devis {i}"
        for i in range(files)
    ]
    named = [  # each archived name unlike every current one but for a shared word
        f"clients/archives/devis client{i}" if i % 2 else f"clients/en cours/devis client{i}"
        for i in range(files)
    ]
    tariffs = [  # s36 hostile review M4: each client's archive beside its current tariff
        f"C{i // 2}/archives/tarifs {i}" if i % 2 else f"C{i // 2}/tarifs" for i in range(files)
    ]
    chain = ["old/" + "a/" * depth + f"d{depth}" for depth in range(1000)] + ["notes"]
    return {
        "no archive word": plain,
        "client year folders": clients,
        "archive folders": staged,
        "a client archive folder each": clients_archives,
        "archived names unlike the current ones": named,
        "each client's tariff beside its archives": tariffs,
        "a chain of 1,000 folders under an archive (1,001 files)": chain,
    }


def _text(doc_id: str) -> str:
    return f"# {doc_id}\n\n| Poste | Montant |\n| --- | --- |\n| total | {len(doc_id)} |\n"


def _timed(ids: list[str], rounds: int) -> tuple[float, float, float]:
    without = median_seconds(lambda: copies(ids, _text), rounds)
    told = median_seconds(lambda: archived(ids), rounds)
    whole = median_seconds(lambda: CorpusVersions.of(ids, str, text_of=_text), rounds)
    return without, told, whole


def _question_cost(ids: list[str], rounds: int) -> float:
    versions = CorpusVersions.of(ids, str, text_of=_text)
    if versions is None:
        return 0.0
    candidates = ids[:200]
    asks: Callable[[], object] = lambda: [  # noqa: E731
        versions.arrangement("Quel était le total en 2024 ?", 8).kept(doc) for doc in candidates
    ]
    return median_seconds(asks, rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for name, ids in _corpora(args.files).items():
        without, told, whole = _timed(ids, args.rounds)
        print(
            f"{len(ids):,} files, {name}: archived {len(archived(ids)):,};"
            f" superseded.copies {without * 1000:.1f} ms, archive_folders.archived"
            f" {told * 1000:.1f} ms ({told / without:.3f}x of copies),"
            f" CorpusVersions.of {whole * 1000:.1f} ms ({whole / without:.2f}x)"
        )
        asked = _question_cost(ids, args.rounds)
        print(f"    a question's arrangement over 200 candidates: {asked * 1000:.2f} ms")


if __name__ == "__main__":
    main()
