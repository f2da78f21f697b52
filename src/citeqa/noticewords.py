"""The words of the index's notices (a stale index, other channels than the settings'), by
language, from data/index_notices.json.

An answer says the index's notices in its warnings (api.Assistant.index_notices), in the
language it is composed in: a French answer under an English "the index is STALE" read as two
programs talking (session 22). `citeqa status` and the chat's banner and status screen are the
application's own text and stay English (answerlabels.py says the same of the chat).
"""

from __future__ import annotations

import functools
from typing import Any

from citeqa.jsonfiles import data_json


@functools.cache
def _all_words() -> dict[str, Any]:
    words: dict[str, Any] = data_json("index_notices.json")
    return words


def notice_words(lang: str) -> dict[str, Any]:
    """The notices' words in `lang` (English for a language they are not written in)."""
    words = _all_words()
    return dict(words.get(lang, words["en"]))


def counted_words(number: int, forms: list[str], **fields: object) -> str:
    """`number` and the singular or plural of `forms` ([one, several]), its fields filled:
    "1 fichier modifié", "3 fichiers modifiés"."""
    return f"{number} {forms[0 if number == 1 else 1].format(**fields)}"
