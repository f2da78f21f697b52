"""Print the time PathWords takes to read the words of paths under three folders of growing
name length, and each time's ratio to the shortest's: a path should cost in proportion to its
length, so the ratio should grow as the length does (×2 a step), not as its square (s34 hostile
M4: a stem regex searched over the path cost ×4 a step). Not a test; run it by hand:

    python benchmarks/path_stem_cost.py [--rounds 3]
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import median_seconds

from citeqa.path_words import PathWords

FOLDER_CHARS = (60, 120, 240)
PATHS = 200


def read_paths(folder_chars: int) -> None:
    folder = ("Cours de linguistique " * 12)[:folder_chars]
    paths = [f"{folder}/{folder}/{folder}/Chapitre {n}.pdf" for n in range(PATHS)]
    PathWords(paths).write("zorglub")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    first = 0.0
    for chars in FOLDER_CHARS:
        seconds = median_seconds(partial(read_paths, chars), rounds)
        first = first or seconds
        per_path = seconds / PATHS * 1000
        print(f"{chars:>4}-char folders: {per_path:8.3f} ms a path  ratio {seconds / first:6.1f}")


if __name__ == "__main__":
    main()
