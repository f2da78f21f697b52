"""Which words of a question name something the way only code does: a long option
(`--max-size`), a name with an underscore between letters (`max_help_position`, `snake_case`),
or a dotted name of identifier parts (`argparse.ArgumentParser`, `os.path.join`).

Such a name, written as a name, is what the question is about: a quote of a read sentence that
writes it exactly answers it, not the neighbouring parameter the retrieval found with it
(answering.naming_identifiers); a name the corpus never writes in any stored form is a
reason to abstain (questions.Vocabulary.mentions, abstention.never_written: "The documents
never mention “--max-size”."), and so is an option or underscored name that none of the
closest passages writes whole (`unwritten_in`: the build stores no underscored name, so
"model_freeze" passes the first check wherever "model" and "freeze" are words). Every check
reads a name as documents typeset it (`code_text`: groff's "‐‐max‐size", roff's `\\-\\-max\\-size`,
a name split at a line's end), '-' and '_' alike inside it (`whole_name`).
Prose is no dotted name: two sentences joined without a space ("days.Really", unless code
marks a module and its class: `click.Option` between backticks, `enum.Enum`), nor two lowercase
words the second of which opens a joined sentence ("etc.and", "done.then"; np.where is a name).

The shapes are narrow on purpose. Session 11 also read letter-digit codes ("TULIP-2", "mA" as
camelCase, "enzyme-1") as names and abstained on answerable questions whose documents write
them otherwise (evals/README.md): a code, a camelCase word alone or a hyphenated word is a
paraphrase as often as a near miss, so none of them is an identifier here. These shapes are
those of code, alike in English and French, so they are written here, not in the language data.
"""

from __future__ import annotations

import re

from citeqa.glossary import language_words
from citeqa.hyphens import OPTION_DASHES

WORD_EDGES = "?!.,;:()[]{}<>\"'`«»“”‘’"
"""Punctuation around a word of a question, not part of the name, key or word it writes
(`core_word`; questions.key_words, followups.py)."""
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
"""A possessive "'s" ending a word ("argparse's"; membership reads "Y's X" with it)."""
_OPTION = re.compile(r"^--[^\W\d_][\w-]*$")
"""A long command-line option: two dashes, then a letter (`--max-size`). One dash is not
enough: "-in" and "-ing" are suffixes a question speaks of ("les toponymes en -in")."""
_SNAKE = re.compile(r"^_*[^\W\d_]\w*[^\W\d_]_+[^\W\d_]\w*$|^_*[^\W\d_]_+[^\W\d_]\w*$")
"""An underscore between letters (`retention_days`, `__pydantic_fields_set__`), not between
digits ("2_3") nor at an edge only ("_private")."""
_DOTTED = re.compile(r"^[^\W\d]\w*(?:\.[^\W\d]\w*)+$")
"""Identifier parts joined by dots (`os.path.join`); every part starts with a letter or an
underscore, so a version ("v2.3") or a decimal is not one."""


_DASHES = re.compile(f"[{OPTION_DASHES}]")
"""Typographic dashes (hyphens.OPTION_DASHES: groff's hyphen U+2010, en and em dashes, the minus
sign) that documents write for an option's '-' ("‐‐max‐size", "−−max−size", "–max-size")."""
_ESCAPED = re.compile(r"\\(?=[-_])")
"""A backslash escaping a '-' (roff's `\\-\\-max\\-size`) or a '_' (Markdown's `max\\_help`)."""
_LINE_SPLIT = re.compile(r"-(?<=\w-)[ \t]*\r?\n[ \t]*(?=\w)")
"""A name split across lines after a '-' (`--max-` at a line's end, `size` on the next); the
look-behind comes after the '-' so that the search skips to each '-' (14 times faster on the
s15 trial's texts than a leading one, same matches)."""


def code_text(text: str) -> str:
    """`text` with names written as code spells them: typographic dashes as '-', escaping
    backslashes before '-' and '_' dropped, a name split across lines after a '-' joined. The
    one normalisation of the corpus-wide check (compounds.corpus_compounds) and of the passage
    checks (`whole_name` searches it)."""
    return _LINE_SPLIT.sub("-", _ESCAPED.sub("", _DASHES.sub("-", text)))


_SENTENCE_JOIN = re.compile(r"^[^\W\d_]*[^\W\d_A-Z]\.[A-Z][^\W\dA-Z_]*$")
"""A word, a full stop, then a capitalised word ("days.Really"): two sentences with no space
between them, not a dotted name (`os.path`, `json.JSONEncoder`, `Path.home` are not this)."""


def identifiers(question: str) -> list[str]:
    """The identifiers the question names, as written (edge punctuation, a possessive "'s"
    and a French elision "l'" left out), each once, in order."""
    found: dict[str, None] = {}
    for raw in question.split():
        word = core_word(raw, drop_possessive=True)
        if word and (is_identifier(word) or _module_and_class(raw, word)):
            found[word] = None
    return list(found)


def _module_and_class(raw: str, word: str) -> bool:
    """Whether a word `_SENTENCE_JOIN` reads as two sentences is a module and its class, as
    code marks it: between backticks (`click.Option`), called (`click.Option()`), or one word
    twice (`enum.Enum`, `decimal.Decimal`: no sentence ends with the word the next opens
    with)."""
    if not _SENTENCE_JOIN.match(word) or not _DOTTED.match(word):
        return False
    module, name = word.split(".")
    marked = backticked(raw) or f"{word}(" in raw
    return marked or module == name.lower()


def backticked(raw: str) -> bool:
    """Whether a whitespace-separated piece of a question is typed between backticks (its
    first character past the punctuation `WORD_EDGES` names is one: "(`click.Option`)")."""
    return raw.lstrip(WORD_EDGES.replace("`", "")).startswith("`")


def core_word(raw: str, *, drop_possessive: bool = False) -> str:
    """A whitespace-separated piece of a question without the punctuation around it
    (`WORD_EDGES`) nor a French elision ("l'E1042" → "E1042"); without a possessive "'s" too
    when `drop_possessive` (a name: "argparse's")."""
    word = raw.strip(WORD_EDGES)
    if drop_possessive:
        word = POSSESSIVE.sub("", word)
    return re.split(r"['’]", word)[-1].strip(WORD_EDGES)


def is_identifier(word: str) -> bool:
    """Whether `word` (as `identifiers` cuts it) is written as code names are: an option, a
    name with an underscore between letters, or a dotted name whose parts are not all one
    letter ("e.g", "U.S" are abbreviations)."""
    if _OPTION.match(word) or _SNAKE.match(word):
        return True
    return (
        bool(_DOTTED.match(word))
        and sum(len(part) > 1 for part in word.split(".")) >= 2
        and not _SENTENCE_JOIN.match(word)
        and not _prose_joined(word)
    )


def _prose_joined(word: str) -> bool:
    """Whether a dotted word is two lowercase words of prose with no space after a full stop:
    the second one a word that opens a sentence joining it to the one before ("etc.and",
    "done.then", "fin.et"; the language data's `sentence_joiners`). Only those: any function
    word made np.where, np.all, torch.where, emitter.on and test.each prose. A name ending in
    one (`promise.then`) is lost, which only keeps it from being a reason to abstain."""
    pieces = word.split(".")
    if len(pieces) != 2 or not all(piece.isalpha() and piece.islower() for piece in pieces):
        return False
    return pieces[1] in language_words("sentence_joiners")


def asked_about(names: list[str]) -> list[str]:
    """The `names` (a question's `identifiers`) that name what it asks about, not where: its
    options and underscored names, not its dotted names. "Does json.JSONEncoder sort keys by
    default?" names the class to look in; a sentence writing "json.JSONEncoder" is as often a
    doctest or a cross-reference as the answer (session-15 trial: the right signature lost to
    `>>> json.JSONEncoder(default=encode_complex)`)."""
    return [name for name in names if not _DOTTED.match(name)]


def whole_name(name: str, *, any_case: bool = False) -> re.Pattern[str]:
    """`name` written as a whole name, to search in a `code_text`: not a part of a longer one
    (`--xattrs` is not in `--xattrs-exclude`, `num_leaves` not in `max_num_leaves`), '-' and '_'
    alike (`--dry_run` is the `--dry-run` a manual writes, `keep_daily` the `keep-daily` of a
    config file); in any case when `any_case` (`MAX_RETRIES`, an environment variable, for
    `max_retries`)."""
    flags = re.IGNORECASE if any_case else 0
    spelt = "[-_]".join(map(re.escape, re.split(r"[-_]", name)))
    return re.compile(rf"(?<![\w-]){spelt}(?![\w-])", flags)


def unwritten_in(names: list[str], texts: list[str]) -> list[str]:
    """The options and underscored names a question asks about (`names`: `asked_about` of its
    identifiers, which the caller has read to know whether to gather `texts` at all) that none
    of `texts` writes whole, in any case: on the closest passages, a name they never write is a
    near miss ("the max_fps argument of rich's Console" on pages that write "max" and "fps"
    apart but never `max_fps`: session-15 trial, 6 of 16 such questions answered at .4-.9)."""
    if not names:  # the texts are not read
        return []
    written = [code_text(text) for text in texts]
    return [
        name
        for name in names
        if not any(
            pattern.search(text)
            for pattern in (whole_name(form, any_case=True) for form in spellings(name))
            for text in written
        )
    ]


def spellings(name: str) -> list[str]:
    """The ways documents write an option or a setting: as asked, an option with one dash too
    (find's `-maxdepth`, Go's `-max-size` for `--maxdepth`, `--max-size`), and an option of two
    words or more as a setting (`--keep-daily` as `keep_daily`, a config file's key; a one-word
    option is not: "fuzzy" is a word) or a setting as an option."""
    if name.startswith("--"):  # "--fuzzy" is no setting `fuzzy`
        setting = setting_of(name)
        return [name, "-" + name.lstrip("-")] + ([setting] if setting else [])
    if name.strip("_") == name:
        return [name, "--" + name.replace("_", "-")]
    return [name]


def setting_of(option: str) -> str | None:
    """The setting an option of two words or more is written as (`--keep-daily` → `keep_daily`);
    None for a one-word option ("fuzzy" is a word)."""
    setting = option.lstrip("-").replace("-", "_")
    return setting if "_" in setting else None


def parts(identifier: str) -> list[str]:
    """The names an identifier is made of, the way the corpus may write each apart: an option
    without its dashes (`--max-size` → `max-size`), a dotted name's parts (`os.path.join` →
    `os`, `path`, `join`)."""
    if identifier.startswith("--"):
        return [identifier.lstrip("-")]
    return [part for part in identifier.split(".") if part]
