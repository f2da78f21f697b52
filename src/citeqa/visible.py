"""The one sanitiser: every string shown in a terminal or written to an export goes through here.

Text from documents, file names, doc ids, paths, titles and error messages are data. Escape
sequences, other C0/C1 controls, bidirectional controls (overrides, embeddings, isolates and
marks) and lone surrogates (bytes that were not UTF-8) are replaced one-for-one by visible
stand-ins (␛ for ESC), so offsets into a document's text stay valid for the cleaned text.

- `clean`: document text (tab and newline kept, so paragraphs stay paragraphs);
- `shown`: names, ids, paths, titles, messages: one line, newlines and tabs made visible too;
- `one_line`: `clean` with every run of whitespace made one space (previews);
- `grapheme_start`: where a text may be cut without parting a letter from its marks;
- `cut` / `cut_words`: a long name or path (a 100 KB `--set`, `--cache`, channel name...) as
  its two ends and its length, so an error line stays one line;
- `to_json`: the JSON outputs (`status`, `ask`, `eval --json`): names (`NAME_KEYS`) `shown`,
  every other string `clean`, so what a JSON reader decodes (`jq -r`) cannot drive a terminal
  and holds no lone surrogate a strict UTF-8 parser would refuse.

It also owns what shows nothing inside a word (`INVISIBLE`): `without_invisible` is the text a
model reads of a passage or question, and lexical.fold drops them too.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
"""Characters that show nothing inside a word: the soft hyphen, the zero-width space, non-joiner
and joiner, the word joiner and the byte-order mark. A document or a question pasted with one
inside "bélimu\u200bmab" still means "bélimumab": words are read without them (lexical.fold,
`without_invisible`), while a document's text and offsets keep them."""
_NO_INVISIBLE = str.maketrans(dict.fromkeys(INVISIBLE))
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)
"""The format characters (Unicode category Cf: `INVISIBLE`, the bidi marks and controls, the
Arabic number signs, the tags): they show nothing, and typed inside a word ("the_\\u200edose_value")
they hid it from a search of word characters (`\\w` does not match them). Written out, as Python
3.11's Unicode 14 has them: Python's `re` has no `\\p{Cf}`, and a table built from unicodedata
takes 0.3 s; a test checks it against the running Python's unicodedata."""
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
"""C0 controls except tab and newline, DEL, C1 controls, bidi controls and lone surrogates."""
_LABEL = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff\u2028\u2029]")
"""Everything `_CONTROL` matches, plus tab, newline and the Unicode line separators."""
_JSON = re.compile("[\u2028\u2029]")
"""Line separators `json.dumps(ensure_ascii=False)` leaves raw (after `visible_values`)."""

_PICTURES = {0x1B: "␛", 0x0D: " ", 0x7F: "␡"}
"""Visible stand-ins for the control characters people most often meet."""
_LABEL_PICTURES = {0x0A: "␊", 0x0D: "␍", 0x09: "␉", 0x2028: "␤", 0x2029: "¶"}

_SPACES = re.compile(r"\s+")

SHOWN_ENDS = 60
"""How many characters of each end of a long name or path a message keeps (`cut`)."""
_LONG_WORD = re.compile(f"\\S{{{3 * SHOWN_ENDS},}}[^\\s:;,.)'\"]")
"""A run of non-space characters `cut` would shorten, without the punctuation after it."""


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _PICTURES:
        return _PICTURES[code]
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block
    return "�"


def _label_stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    return _LABEL_PICTURES.get(code) or _stand_in(match)


def clean(text: str) -> str:
    """`text` with every control character replaced one-for-one by a visible character."""
    return _CONTROL.sub(_stand_in, text)


def shown(text: object) -> str:
    """A name, id, path, title or message as one visible line: `clean`, and newlines, tabs and
    carriage returns shown as ␊, ␉ and ␍."""
    return _LABEL.sub(_label_stand_in, str(text))


def cut(text: str, *, quoted: bool = False, marks: tuple[str, str] = ("", "")) -> str:
    """`text` whole, or when longer than 3 × SHOWN_ENDS characters its first and last
    SHOWN_ENDS characters around "…", then its length: "/tmp/aaa…aaa/set.jsonl (100,012
    characters)". `quoted`: the text (or its ends) as a Python literal, the length after it;
    `marks`: between these quotation marks, the length after them (“aaa…aaa” (2,000
    characters))."""
    if len(text) <= 3 * SHOWN_ENDS:
        ends = text
        length = ""
    else:
        ends = f"{text[:SHOWN_ENDS]}…{text[-SHOWN_ENDS:]}"
        length = f" ({len(text):,} characters)"
    return f"{ends!r}{length}" if quoted else f"{marks[0]}{ends}{marks[1]}{length}"


def grapheme_start(text: str, index: int) -> int:
    """Where the character `index` of `text` is seen to start: before the combining marks
    (U+0301 after "e" in "é") and emoji modifiers it carries, so that a text cut there keeps
    each letter whole. Hand-written over unicodedata: Python's library segments no graphemes,
    and these marks are the ones a pasted question holds (its format characters, a joiner
    among them, are gone: `without_format`)."""
    while 0 < index < len(text) and _extends(text[index]):
        index -= 1
    return index


def _extends(char: str) -> bool:
    """Whether `char` belongs with the character before it (a mark, an emoji modifier)."""
    return unicodedata.category(char) in _EXTENDING or "\U0001f3fb" <= char <= "\U0001f3ff"


_EXTENDING = frozenset({"Mn", "Mc", "Me"})
"""Unicode's categories of the marks written on the letter before them."""


def cut_words(message: str) -> str:
    """`message` with each run of non-space characters (a path, a name) `cut`."""
    return _LONG_WORD.sub(lambda match: cut(match.group()), message)


def one_line(text: str) -> str:
    """`clean(text)` with every run of whitespace (newlines included) made one space."""
    return _SPACES.sub(" ", clean(text)).strip()


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


NAME_KEYS = frozenset(
    {
        *("id", "doc_id", "chunk_id", "title", "path", "index_dir", "corpus_dir", "top_doc"),
        "set_path",
        *(
            "skipped",
            "changed",
            "kept_for_user",
            "kept_unproven",
            "users_files",
            "kept_model_copies",
        ),
        *("added", "updated", "removed", "unchanged"),
    }
)
"""Keys of citeqa's JSON outputs whose strings (or lists of strings) are names: file names,
doc ids, question ids, paths, titles. `to_json` writes them as the text outputs show them
(`shown`)."""


def visible_values(value: Any, named: bool = False) -> Any:
    """`value` (JSON data) with every string made visible: `shown` for names (under a key of
    NAME_KEYS, and every object key), `clean` for the rest (document text keeps its newlines
    and tabs; each stand-in is one character, so offsets into it stay valid)."""
    if isinstance(value, str):
        return shown(value) if named else clean(value)
    if isinstance(value, dict):
        return {
            shown(key): visible_values(item, named or key in NAME_KEYS)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [visible_values(item, named) for item in value]
    return value


def to_json(value: Any, *, indent: int | None = None) -> str:
    """`value` as JSON, readable (non-ASCII letters kept), its strings made visible
    (`visible_values`: no control, bidi or lone surrogate character left for a JSON reader
    to decode), and U+2028/U+2029 escaped (`\\u2028`) for readers of JSON as JavaScript."""
    text = json.dumps(visible_values(value), ensure_ascii=False, indent=indent)
    return _JSON.sub(_json_escape, text)


def without_format(text: str) -> str:
    """`text` without its format characters (`_FORMAT`, `INVISIBLE` among them): a question as
    citeqa reads it (questions.clean_question)."""
    return _FORMAT.sub("", text)


def without_invisible(text: str) -> str:
    """`text` without its `INVISIBLE` characters: what a model reads of a passage or question."""
    return text.translate(_NO_INVISIBLE)
