"""Which words of a question are code identifiers: long options, names with an underscore
between letters, dotted names; never a letter-digit code, a camelCase word alone or a hyphenated
word (session 11 abstained on "TULIP-2", "mA" and "enzyme-1", which the documents wrote
otherwise)."""

from __future__ import annotations

import pytest

from citeqa.identifiers import (
    asked_about,
    code_text,
    identifiers,
    is_identifier,
    parts,
    spellings,
    unwritten_in,
    whole_name,
)


@pytest.mark.parametrize(
    ("question", "found"),
    [
        (
            "What does the max_help_position parameter of argparse.ArgumentParser do?",
            ["max_help_position", "argparse.ArgumentParser"],
        ),
        ("What is the default of --max-size?", ["--max-size"]),
        ("Quelle est la valeur de l'option --max-size ?", ["--max-size"]),
        ("What does __pydantic_fields_set__ contain?", ["__pydantic_fields_set__"]),
        ("What does numpy's ndarray.to_parquet do?", ["ndarray.to_parquet"]),
        ("À quoi sert l'os.path.join ?", ["os.path.join"]),
        ("Is snake_case's use, snake_case, the same?", ["snake_case"]),  # once, possessive cut
    ],
)
def test_code_shaped_words_are_identifiers(question: str, found: list[str]) -> None:
    assert identifiers(question) == found


@pytest.mark.parametrize(
    "question",
    [
        "What is the dose of I-123-Ioflupane in TULIP-2 for enzyme-1?",  # codes, hyphens
        "What current in mA, with maxSize or iPhone?",  # camelCase alone
        "Is COVID-19 in v2.3 of the 2_3 long-term plan?",  # a version, digits, a hyphen
        "What about e.g. the U.S. rules, i.e. the _private ones?",  # abbreviations, one edge
        "Les toponymes en -in et -ing ?",  # one dash: a suffix
    ],
)
def test_codes_camel_case_and_hyphenated_words_are_not(question: str) -> None:
    assert identifiers(question) == []


def test_a_dotted_name_says_where_to_look_not_what_is_asked() -> None:
    question = "What does the hide_input parameter of click.Option do?"
    assert asked_about(identifiers(question)) == ["hide_input"]
    assert asked_about(identifiers("Does json.JSONEncoder sort keys by default?")) == []


def test_the_parts_the_corpus_may_write_apart() -> None:
    assert parts("--max-size") == ["max-size"]
    assert parts("os.path.join") == ["os", "path", "join"]
    assert parts("max_help_position") == ["max_help_position"]


def test_a_whole_name_is_not_part_of_a_longer_one() -> None:
    assert whole_name("--xattrs").search("--xattrs keeps them")
    assert not whole_name("--xattrs").search("--xattrs-exclude=PATTERN")
    assert not whole_name("num_leaves").search("max_num_leaves : int")
    assert not whole_name("max_retries").search("MAX_RETRIES=3")
    assert whole_name("max_retries", any_case=True).search("MAX_RETRIES=3")


def _unwritten(question: str, texts: list[str]) -> list[str]:
    """unwritten_in of the question's asked_about identifiers, as answering reads them."""
    return unwritten_in(asked_about(identifiers(question)), texts)


def test_the_names_asked_that_no_passage_writes_whole() -> None:
    passages = ["Console(max_width=80, force_terminal=None)", "Set MAX_RETRIES to 3."]
    question = "What do max_fps, max_width, max_retries and --fps do in rich.console.Console?"
    assert _unwritten(question, passages) == ["max_fps", "--fps"]  # never the dotted name
    assert _unwritten("What does max_fps do?", []) == ["max_fps"]


def test_an_option_is_written_as_a_setting_and_a_setting_as_an_option() -> None:
    assert spellings("--keep-daily") == ["--keep-daily", "-keep-daily", "keep_daily"]
    assert spellings("keep_daily") == ["keep_daily", "--keep-daily"]
    assert spellings("__pydantic_fields_set__") == ["__pydantic_fields_set__"]
    assert spellings("--fuzzy") == ["--fuzzy", "-fuzzy"]
    assert _unwritten("What does grep --fuzzy do?", ["fuzzy matching"]) == ["--fuzzy"]
    assert _unwritten("What does --keep-daily do?", ["| `keep_daily` | 7 |"]) == []


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        ("What does --max-size do?", "Use \u2010\u2010max\u2010size N to cap it."),  # groff
        ("What does --max-size do?", "Use \u2212\u2212max\u2212size N to cap it."),  # minus
        ("What does --max-size do?", "Use \u2013max-size N to cap it."),  # an en dash
        ("What does --max-size do?", r"Use \-\-max\-size N to cap it."),  # roff
        ("What does --max-size do?", "Use --max-\n      size N to cap it."),  # a line split
        ("What is max_help_position?", r"The max\_help\_position is 24."),  # Markdown
        ("What does --dry_run do?", "The --dry-run option prints the plan."),
        ("What does --keep-daily do?", "keep-daily = 7"),  # a config file's key
        ("What does --maxdepth do?", "find -maxdepth 2 descends two levels."),  # one dash
    ],
)
def test_a_name_written_as_documents_spell_it_is_written(question: str, passage: str) -> None:
    assert _unwritten(question, [passage]) == []


def test_code_text_is_the_one_spelling_of_names() -> None:
    assert code_text("\u2010\u2010max\u2010size") == "--max-size"
    assert code_text(r"\-\-max\-size and max\_help") == "--max-size and max_help"
    assert code_text("--max-\n   size") == "--max-size"
    assert code_text("a path\\n and a - \nline") == "a path\\n and a - \nline"  # kept


def test_a_one_dash_spelling_is_still_a_whole_name() -> None:
    assert _unwritten("What does --maxdepth do?", ["-maxdepths are many"]) == ["--maxdepth"]


@pytest.mark.parametrize("word", ["days.Really", "period.Is", "it.The"])
def test_two_sentences_without_a_space_are_no_dotted_name(word: str) -> None:
    assert not is_identifier(word)
    assert identifiers("What is the retention period?Is it 30 days.Really") == []


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("What does enum.Enum do?", ["enum.Enum"]),  # one word twice: no two sentences
        ("Le module decimal.Decimal arrondit-il ?", ["decimal.Decimal"]),
        ("What is `click.Option` for?", ["click.Option"]),  # marked as code
        ("What does click.Option() return?", ["click.Option"]),
        ("What does click.Option do?", []),  # unmarked: as "days.Really" reads
    ],
)
def test_a_module_and_its_class_marked_as_code_are_a_name(question: str, found: list[str]) -> None:
    assert identifiers(question) == found


@pytest.mark.parametrize("word", ["etc.and", "done.then", "fin.et", "ok.so"])
def test_two_lowercase_words_one_a_function_word_are_no_dotted_name(word: str) -> None:
    assert not is_identifier(word)
    assert identifiers(f"What is the fee, {word} the rest?") == []


@pytest.mark.parametrize(
    "word",
    [
        *("os.path", "json.JSONEncoder", "Path.home", "np.linalg.norm", "re.sub", "node.js"),
        # a function word is no sign of prose: only one opening a joined sentence is
        *("np.where", "np.all", "np.any", "torch.where", "el.on", "emitter.on", "test.each"),
    ],
)
def test_dotted_names_stay_identifiers(word: str) -> None:
    assert is_identifier(word)


def test_a_dash_and_an_underscore_are_alike_inside_a_name() -> None:
    assert whole_name("--dry_run").search("the --dry-run option")
    assert whole_name("keep_daily").search("keep-daily = 7")
    assert not whole_name("--dry_run").search("the --dry-run-all option")


def test_a_named_thing_no_passage_nor_title_writes_is_the_reason() -> None:
    """answering._unread_names looks for the names questions.analyse kept (QuestionTerms.named)."""
    from citeqa import answering

    reason = answering._unread_names(["max_fps"], [], [], "en")  # no passage nor title
    assert reason is not None and "max_fps" in reason
    assert answering._unread_names([], [], [], "en") is None
