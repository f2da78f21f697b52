"""Which member a question asks of which owner ("the max_help_position parameter of
argparse.ArgumentParser", "le paramètre exit_on_error d'ArgumentParser"), and whether texts
write the two together (session-15 trial: a parameter of another class was answered at .87)."""

from __future__ import annotations

import pytest

from citeqa.membership import Pairing, apart_in, pairings


@pytest.mark.parametrize(
    ("question", "found"),
    [
        (
            "What does the max_help_position parameter of argparse.ArgumentParser do?",
            [Pairing("max_help_position", "argparse.ArgumentParser")],
        ),
        (
            "What does the months argument of datetime.timedelta do?",
            [Pairing("months", "datetime.timedelta")],
        ),
        (
            "Que fait le paramètre exit_on_error d'ArgumentParser ?",
            [Pairing("exit_on_error", "ArgumentParser")],
        ),
        (
            "Quelle est la valeur par défaut de n_estimators pour RandomForestClassifier ?",
            [Pairing("n_estimators", "RandomForestClassifier")],
        ),
        ("What does BaseModel's model_freeze method do?", [Pairing("model_freeze", "BaseModel")]),
        (
            "What is the default learning_rate of scikit-learn's RandomForestClassifier?",
            [Pairing("learning_rate", "RandomForestClassifier")],
        ),
        (
            "Is argparse.ArgumentParser(max_help_position=30) allowed?",
            [Pairing("max_help_position", "argparse.ArgumentParser")],
        ),
        ("What does the indent parameter of dumps() do?", [Pairing("indent", "dumps")]),
        (  # a module and its class, which identifiers.py reads as two sentences joined
            "What does the hide_input parameter of click.Option do?",
            [Pairing("hide_input", "click.Option")],
        ),
        ("À quoi sert l'option verbose de Parser.run ?", [Pairing("verbose", "Parser.run")]),
        (  # a capitalised name ending in a digit, one capital alone: an owner marked as code
            "What does max_size_5 of `Class7` do?",
            [Pairing("max_size_5", "Class7")],
        ),
        ("What is the dtype argument of `Int64`?", [Pairing("dtype", "Int64")]),
        (  # an underscored owner is a function's name (s22 trial)
            "What does the retries parameter of read_logger do?",
            [Pairing("retries", "read_logger")],
        ),
    ],
)
def test_a_member_and_the_owner_it_is_asked_of(question: str, found: list[Pairing]) -> None:
    assert pairings(question) == found


@pytest.mark.parametrize(
    "question",
    [
        "What is the first argument of json.dumps?",  # a qualifier, no name
        "What is the default learning_rate of the LightGBM classifier?",  # a library's name
        "What does the count parameter of a click Option do?",  # "Option": no code shape
        "What does the max_help_position parameter do?",  # no owner
        "What does argparse.ArgumentParser do?",  # no member
        "What is the capital of Peru?",
        "Quelle est la valeur de l'option --max-size de pack ?",  # "pack": no code shape
        "What is the max_dose of COVID19?",  # capitals and digits: no name only code writes
        "What does the size parameter of Windows10 do?",  # a plain member, an unmarked owner
        # one capital and a digit, unmarked: a product's name as often as a class's; the s15
        # trial's and k1's 8 such pairings were all "Jinja2", a library (review of s17-hostfix)
        "À quoi sert l'option trim_blocks de Jinja2 ?",
        "What is the default variable_start_string of a Jinja2 Environment?",
        "What is the max_workers of Python3?",
        "What does the tenant_id of Office365 do?",
    ],
)
def test_no_pair_without_both_named(question: str) -> None:
    assert pairings(question) == []


SIGNATURES = [
    ("class ArgumentParser(prog=None, usage=None, exit_on_error=True)",),
    ("class HelpFormatter(prog, indent_increment=2, max_help_position=24)",),
]


@pytest.mark.parametrize(
    "question",
    [
        # a verb after a member noun an interrogative opens, no member's name
        "Which parameter changed in TensorFlow 2?",
        "Which method works in JavaScript?",
        "Quelle méthode fonctionne dans JavaScript ?",
        # an adjective or a noun before a member noun, and a brand: no code marks the owner
        "What is the most important setting in WordPress?",
        "What is the payment method for PayPal?",
        "What is the privacy setting for WhatsApp?",
        "What does the verbose option in PyTorch do?",
        "Quel est le champ magnétique de l'iPhone ?",
        # a possessive qualifies the noun after it, which is no owner
        "What is the central argument of McKinsey's report?",
    ],
)
def test_prose_around_a_member_noun_names_no_pair(question: str) -> None:
    assert pairings(question) == []


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("What does the verbose option of `Trainer` do?", [Pairing("verbose", "Trainer")]),
        ("What is the prog parameter of ArgumentParser()?", [Pairing("prog", "ArgumentParser")]),
        (  # an underscored member needs no mark on its owner
            "What is max_depth for XGBClassifier?",
            [Pairing("max_depth", "XGBClassifier")],
        ),
        (  # a possessive before the owner is skipped, a CamelCase one too
            "What is the default n_estimators of LightGBM's LGBMClassifier?",
            [Pairing("n_estimators", "LGBMClassifier")],
        ),
    ],
)
def test_a_plain_member_of_an_owner_code_marks(question: str, found: list[Pairing]) -> None:
    assert pairings(question) == found


def test_a_member_the_texts_never_write_with_its_owner() -> None:
    asked = Pairing("max_help_position", "argparse.ArgumentParser")
    assert apart_in([asked], SIGNATURES) == asked
    months = Pairing("months", "datetime.timedelta")  # a member no text writes at all
    assert apart_in([months], [("class timedelta(days=0, seconds=0)",)]) == months


@pytest.mark.parametrize(
    "pairing",
    [
        Pairing("exit_on_error", "argparse.ArgumentParser"),  # written together
        Pairing("exit-on-error", "ArgumentParser"),  # '-' and '_' alike, as identifiers reads
        Pairing("PROG", "HelpFormatter"),  # a member in any case
        Pairing("max_help_position", "TextWrapper"),  # no text writes the owner: not told
    ],
)
def test_a_pair_written_together_or_an_owner_never_written_is_not_apart(
    pairing: Pairing,
) -> None:
    assert apart_in([pairing], SIGNATURES) is None


def test_an_owner_is_read_as_code_writes_it() -> None:
    # only texts holding the owner's longest run are normalised: roff's escaped '_' still counts
    asked = Pairing("indent", "dump_json()")
    assert apart_in([asked], [("def dump\\_json(sort_keys=False)",)]) == asked
    assert apart_in([asked], [("def dump\\_json(indent=2)",), ("dump json",)]) is None


def test_an_owner_is_a_whole_name_in_its_case() -> None:
    texts = [("class DaskArgumentParser(max_help_position=24)",), ("an argumentparser, prog",)]
    asked = Pairing("max_help_position", "ArgumentParser")
    assert apart_in([asked], [*texts, ("class ArgumentParser(prog=None)",)]) == asked


def test_a_text_in_parts_is_read_joined() -> None:
    # a document comes as its title and its text: the owner in one, the member in the other
    asked = Pairing("max_help_position", "HelpFormatter")
    assert apart_in([asked], [("HelpFormatter", "max_help_position=24")]) is None
    assert apart_in([asked], [("HelpFormatter", "prog, indent_increment=2")]) == asked
    assert apart_in([asked], [("Formatters", "class HelpFormatter(prog)")]) == asked


def test_a_text_is_normalised_once_whatever_the_pairings_holding_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two pairings of one owner read the document as code writes it once (a page of the s15
    trial, up to 1 MB, was normalised per pairing before); the answer is the same."""
    from citeqa import identifiers, membership

    read: list[str] = []

    def counted(text: str) -> str:
        read.append(text)
        return identifiers.code_text(text)

    monkeypatch.setattr(membership, "code_text", counted)
    asked = [Pairing("prog", "HelpFormatter"), Pairing("max_help_position", "HelpFormatter")]
    texts = [("HelpFormatter", "class HelpFormatter(prog, indent_increment=2)"), ("other",)]
    assert apart_in(asked, texts) == asked[1]
    assert read == ["HelpFormatter\nclass HelpFormatter(prog, indent_increment=2)"]


REFERENCE = (
    "# API\n\n## ArgumentParser\n\nArgumentParser takes prog and usage.\n\n"
    "### Parameters\n\n- exit_on_error: whether to exit\n\n"
    "## HelpFormatter\n\nHelpFormatter accepts max_help_position.\n"
)


def test_a_one_file_reference_is_read_by_the_owners_section() -> None:
    """A one-file API reference wrote every class, so a member of another class's section was
    "written with" the owner and the near miss answered at .81 (probe s17-hostile): the
    sections whose heading names the owner are its part, their subsections included."""
    asked = Pairing("max_help_position", "ArgumentParser")
    md = [True]
    assert apart_in([asked], [("API", REFERENCE)], md) == asked
    assert (
        apart_in([Pairing("max_help_position", "HelpFormatter")], [("API", REFERENCE)], md) is None
    )
    assert apart_in([Pairing("exit_on_error", "ArgumentParser")], [("API", REFERENCE)], md) is None
    # what precedes the first heading is every section's
    preamble = "All classes take max_help_position.\n\n" + REFERENCE
    assert apart_in([asked], [("API", preamble)], md) is None


def test_headings_are_read_in_markdown_files_only() -> None:
    """A "#" line of a .txt file is no heading: the whole text is the owner's."""
    asked = Pairing("max_help_position", "ArgumentParser")
    assert apart_in([asked], [("API", REFERENCE)], [False]) is None
    assert apart_in([asked], [("API", REFERENCE)]) is None


@pytest.mark.parametrize(
    "text",
    [  # a page on one class: its sections are all the class's (review of s17-hostfix)
        "# argparse\n\n## ArgumentParser\n\nThe ArgumentParser class parses.\n\n"
        "## Parameters\n\n- max_help_position: the column help starts at.\n",
        "ArgumentParser(prog, max_help_position=24) builds a parser.\n\n"
        "## Subclassing ArgumentParser\n\nOverride its methods.\n",
        "# ArgumentParser\n\nIt parses.\n\n## Subclassing ArgumentParser\n\nOverride it.\n\n"
        "## Parameters\n\n- max_help_position: the column.\n",
    ],
)
def test_a_page_on_one_class_is_read_whole(text: str) -> None:
    """A heading naming the owner took only its own section, so a page listing the member under
    "## Parameters", or before its first heading, was said never to write it with the owner."""
    asked = Pairing("max_help_position", "ArgumentParser")
    assert apart_in([asked], [("argparse", text)], [True]) is None


@pytest.mark.parametrize(
    "text",
    [  # no heading names the owner: the whole document is read, as before
        "# DaskLGBMClassifier\n\nBased on ArgumentParser.\n\n## Parameters\n\nmax_help_position.\n",
        "```python\n# ArgumentParser\nx = 1\n```\n\n## Other\n\nmax_help_position is set.\n",
    ],
)
def test_without_a_heading_naming_the_owner_the_whole_document_is_its(text: str) -> None:
    asked = Pairing("max_help_position", "ArgumentParser")
    assert apart_in([asked], [("d", text)], [True]) is None
