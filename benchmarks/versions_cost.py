"""Print what telling a folder's versions costs at its first question (versions.CorpusVersions.of
over the index's document ids, each a path): for a folder without versions (one scan of all
ids), for one where every page is of a version folder (each id read), and for one of many
products each with its own versions and unversioned pages (a family each); and for the folder
without versions with its texts readable (superseded.replaced reads a name's editions); and for
one of school years' folders each holding files of the same names ("Ecole/2024-2025/cours_3",
texts readable: review C timed 9.7 s for 10^4 such files when a past year's file was an old
copy). Not a test; run it by hand:

    python benchmarks/versions_cost.py [--files 36612] [--rounds 3]

It also prints what one question naming a version costs once the versions are told, in the
folder where every page is of a version: its arrangement (versions.CorpusVersions.arrangement)
and its unknown-version note (`unknown_note`), as answering asks them.
"""

from __future__ import annotations

import argparse

from fake_corpus import median_seconds

from citeqa.versions import CorpusVersions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=36612)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    plain = [f"team{i % 50}/2025/notes-{i}" for i in range(args.files)]
    versioned = [f"v{i % 3 + 1}/guide/page-{i}" for i in range(args.files)]
    without = median_seconds(lambda: CorpusVersions.of(plain, str), args.rounds)
    every = median_seconds(lambda: CorpusVersions.of(versioned, str), args.rounds)
    products = [
        f"product{i % 1000}/{('v2/', 'v3/', 'guide/')[i % 3]}page-{i}" for i in range(args.files)
    ]
    families = median_seconds(lambda: CorpusVersions.of(products, str), args.rounds)
    print(f"{args.files:,} files without versions: {without * 1000:.1f} ms")
    texts = median_seconds(
        lambda: CorpusVersions.of(plain, str, text_of=lambda doc_id: ""), args.rounds
    )
    print(f"{args.files:,} files without versions, texts readable: {texts * 1000:.1f} ms")
    years = [f"Ecole/{2000 + i % 26}-{2001 + i % 26}/cours_{i // 26}" for i in range(args.files)]
    school = median_seconds(
        lambda: CorpusVersions.of(years, str, text_of=lambda doc_id: ""), args.rounds
    )
    print(f"{args.files:,} files of 26 school years' folders: {school * 1000:.1f} ms")
    print(f"{args.files:,} files each of a version: {every * 1000:.1f} ms")
    print(f"{args.files:,} files of 1,000 products with versions: {families * 1000:.1f} ms")
    told = CorpusVersions.of(versioned, str)
    assert told is not None
    question = "What is the request limit in v2?"
    asked = median_seconds(
        lambda: (told.arrangement(question, 8), told.unknown_note(question, "en")), args.rounds
    )
    print(f"{args.files:,} files each of a version, a question naming v2: {asked * 1000:.2f} ms")


if __name__ == "__main__":
    main()
