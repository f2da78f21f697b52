"""Writes src/citeqa/data/known_words.json, the English words typo_reading never reads as typos.

Source: the WordPiece vocabulary of BERT base uncased (Apache-2.0; the `vocab.txt` that
sentence-transformers' all-MiniLM-L6-v2 ships), its whole words of MIN_LETTERS or more ASCII
letters: 21,358 words, among them "trail", "dairy", "plane" and "paint", none of the typos
"cancle", "subscribtion", "suported" or "recieve". No French list of the kind is installed
(the multilingual tokenizers' pieces hold "teh" and lack "dairy"), so French has none.

Usage: python evals/tools/make_known_words.py VOCAB_TXT [OUT_JSON]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

MIN_LETTERS = 3
WHOLE_WORD = re.compile(rf"[a-z]{{{MIN_LETTERS},}}")
DESCRIPTION = (
    "Words of each language typo_reading never reads as a typo of a corpus word (a real word "
    "the corpus lacks is no typo: 'trail' is not read as 'trial'). English: the whole words of "
    "3 or more ASCII letters of BERT base uncased's WordPiece vocabulary (Apache-2.0), written "
    "by evals/tools/make_known_words.py. French: none installed."
)


def known_words(vocab: str) -> list[str]:
    """The whole words of `vocab` (one piece a line), sorted."""
    return sorted({line for line in vocab.split("\n") if WHOLE_WORD.fullmatch(line)})


def main(argv: list[str]) -> None:
    """Reads argv[0], writes argv[1] (default: the package's data file)."""
    default = Path(__file__).parents[2] / "src/citeqa/data/known_words.json"
    out = Path(argv[1]) if len(argv) > 1 else default
    words = known_words(Path(argv[0]).read_text(encoding="utf-8"))
    data = {"format": 1, "description": DESCRIPTION, "words": {"en": words, "fr": []}}
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(words)} English words -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
