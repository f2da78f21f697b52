"""Why an index is stale, in words (status.stale_reason, stale_notice): a newer citeqa (index
format, term knowledge, a reader) is no change of the corpus. Since every `ask --json` answer
carries the notice in its warnings, "the corpus changed" for an upgrade was a false statement
in every answer."""

from __future__ import annotations

from citeqa.changegroups import CUT_BY_NEWER, KNOWLEDGE_DAMAGED, TALLY_CHANGE
from citeqa.chunking import CUTTING_VERSION
from citeqa.status import (
    _cut_otherwise,
    stale_notice,
    stale_notice_of,
    stale_reason,
    stale_words,
)

FORMAT = "index format 2: written by an older citeqa (no re-embedding needed)"
KNOWLEDGE = "term knowledge: built by an older citeqa (no re-embedding needed)"
READER = (
    "reader changed: a.html (read by version 1 of the .html reader, now 2;"
    " `citeqa index` reads it again)"
)
RUN = "; run `citeqa index` (`citeqa status` lists the changes)."
MODIFIED = "modified: a.txt"


def test_a_corpus_change_is_called_one() -> None:
    assert stale_notice([MODIFIED, "added: b.txt", "removed: c.txt"]) == (
        "the index is STALE, the corpus changed since it was built:"
        f" 1 file modified: a.txt, 1 file added: b.txt and 1 more change{RUN}"
    )
    assert stale_reason([MODIFIED], "the index") == "the corpus changed since the index was built"


def test_an_older_citeqa_is_no_corpus_change() -> None:
    for upgrade, short in (
        (FORMAT, "an older index format"),
        (KNOWLEDGE, "term knowledge built by an older citeqa"),
        (READER, "1 document read by an older .html reader (version 1, now 2): a.html"),
    ):
        notice = stale_notice([upgrade])
        assert notice == f"the index is STALE, an older citeqa built it: {short}{RUN}"
        assert "corpus" not in notice
    assert stale_reason([FORMAT, KNOWLEDGE], "the index") == "an older citeqa built the index"


def test_both_kinds_are_both_said() -> None:
    assert stale_reason([FORMAT, MODIFIED], "the index") == (
        "the corpus changed since the index was built and an older citeqa built it"
    )
    assert stale_notice([MODIFIED, FORMAT]) == (
        "the index is STALE, the corpus changed since it was built and an older citeqa built it:"
        f" 1 file modified: a.txt and an older index format{RUN}"
    )


def test_a_newer_cutting_is_known_by_its_change_not_by_words_in_a_file_name() -> None:
    """stale_reason looked for "a newer citeqa" anywhere in a change: a file named so, beside an
    older index format, made "another version of citeqa built it"."""
    newer = _cut_otherwise(CUTTING_VERSION + 1)
    assert newer.startswith(CUT_BY_NEWER)
    assert stale_reason([newer]) == "another version of citeqa built it"
    assert stale_reason([_cut_otherwise(CUTTING_VERSION - 1)]) == "an older citeqa built it"
    named = "modified: notes from a newer citeqa.txt"
    assert stale_reason([named, FORMAT]) == (
        "the corpus changed since it was built and an older citeqa built it"
    )


def test_a_newer_reader_is_another_version_of_citeqa_not_an_older_one() -> None:
    """An index whose .pdf files a newer reader read (opened by an older citeqa) said "an older
    citeqa built it: 1 document read by a newer .pdf reader (version 2, now 1)"."""
    downgrade = (
        "reader changed: a.pdf (read by version 2 of the .pdf reader, now 1;"
        " `citeqa index` reads it again)"
    )
    assert stale_notice([downgrade]) == (
        "the index is STALE, another version of citeqa built it:"
        f" 1 document read by a newer .pdf reader (version 2, now 1): a.pdf{RUN}"
    )
    assert stale_reason([FORMAT, downgrade]) == "another version of citeqa built it"
    assert stale_reason([READER]) == "an older citeqa built it"


def test_the_words_kept_for_a_loaded_index_give_the_notice_with_or_without_a_build() -> None:
    # api._Loaded words the changes once (stale_words) and reads only the lock per question
    changes = [MODIFIED, FORMAT]
    words = stale_words(changes)
    assert stale_notice_of(words) == stale_notice(changes)
    assert stale_notice_of(words, "pid 7 on host") == stale_notice(changes, "pid 7 on host")
    assert "update of the index is in progress (pid 7 on host)" in str(
        stale_notice_of(words, "pid 7 on host")
    )
    assert stale_words([]) is None and stale_notice_of(None, "pid 7 on host") is None


def test_tallies_of_another_recipe_are_another_version_of_citeqa_not_an_older_one() -> None:
    """The tallies' recipe (doctally.tally_recipe) also changes with an upgrade of PyStemmer or
    of Python's Unicode data, or when an older citeqa opens a newer one's index: it said "an
    older citeqa built it" for all of them (review of s16-dates)."""
    tallies = f"{TALLY_CHANGE} (no re-embedding needed)"
    assert stale_reason([tallies]) == "another version of citeqa built it"
    assert stale_reason([tallies, MODIFIED], "the index") == (
        "the corpus changed since the index was built and another version of citeqa built it"
    )
    assert stale_reason([FORMAT]) == "an older citeqa built it"


def test_damaged_stored_knowledge_is_called_damage_not_an_older_citeqa() -> None:
    damaged = f"{KNOWLEDGE_DAMAGED} (no re-embedding needed)"
    assert stale_reason([damaged], "the index") == "the index's stored term knowledge is damaged"
    assert stale_reason([MODIFIED, damaged]) == (
        "the corpus changed since it was built and its stored term knowledge is damaged"
    )


def test_the_notice_is_said_in_french_for_a_french_answer() -> None:
    """Session 22: a French answer came under "the index is STALE…" in English. The notice,
    its reason and its grouped changes are said in the answer's language."""
    notice = stale_notice([MODIFIED, "added: b.txt", "removed: c.txt"], lang="fr")
    assert notice == (
        "l’index est PÉRIMÉ, le corpus a changé depuis sa construction :"
        " 1 fichier modifié : a.txt, 1 fichier ajouté : b.txt et 1 autre changement ;"
        " lancez `citeqa index` (`citeqa status` liste les changements)."
    )
    older = stale_notice([FORMAT, READER, "modified: x.txt", "modified: y.txt"], lang="fr")
    assert older is not None and older.startswith(
        "l’index est PÉRIMÉ, le corpus a changé depuis sa construction et un citeqa plus ancien"
        " l’a construit : un format d’index plus ancien, 1 document lu par un lecteur .html"
        " plus ancien (version 1, maintenant 2) : a.html et 2 autres changements ;"
    )
    building = stale_notice_of(stale_words([MODIFIED], "fr"), "pid 7 on h", "fr")
    assert building is not None and building.endswith(
        " ; une mise à jour de l’index est en cours (pid 7 on h) ; d’ici là, les réponses"
        " viennent de l’index tel qu’il a été construit."
    )


def test_a_language_the_notices_are_not_written_in_gets_english() -> None:
    assert stale_notice([MODIFIED], lang="de") == stale_notice([MODIFIED])
