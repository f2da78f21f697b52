"""A question asking a member of an owner that the closest documents never write together
abstains, naming both (membership.py: session-15 trial, "the max_help_position parameter of
argparse.ArgumentParser" quoted HelpFormatter's signature at .87, "the months argument of
datetime.timedelta" timedelta's min and max at .82); a pair written together, in one passage or
one document, is answered."""

from __future__ import annotations

import pytest
from integration_helpers import assert_abstains

from citeqa.api import Assistant
from small_corpora import assistant_over

FILLER = "".join(
    f" |  method_{n}(self) returns the state number {n} of the parser.\n" for n in range(40)
)
PAGES = {
    "argparser.txt": "class ArgParser in module clitool\n\n"
    "ArgParser(prog=None, usage=None, exit_on_error=True)\n\n"
    " |  prog -- The name of the program shown in the usage message.\n"
    " |  usage -- A usage message, built from the arguments by default.\n",
    "helpformatter.txt": "class HelpFormatter in module clitool\n\n"
    "HelpFormatter(prog, indent_increment=2, max_help_position=24)\n\n"
    " |  max_help_position -- The column at which the help text of an argument starts.\n",
    "fastargparser.txt": "class FastArgParser in module clitool\n\n"
    "class FastArgParser(clitool.ArgParser)\n\n"
    + FILLER
    + " |  retries -- How many times a failed parse is tried again before it gives up.\n",
    "schedule.txt": "The schedule keeps the backups of the parser for six months.\n",
    "rota.txt": "The rota changes every week, and the parser is checked each week too.\n",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        PAGES,
        tmp_path_factory.mktemp("pages"),
        tmp_path_factory.mktemp("index"),
        channels=("fake",),
    )


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            "What does the max_help_position parameter of clitool.ArgParser do?",
            "None of the closest documents mentions “max_help_position” where it mentions"
            " “clitool.ArgParser”.",
        ),
        (
            "Que fait le paramètre max_help_position d'ArgParser ?",
            "Aucun des documents les plus proches ne mentionne “max_help_position” là où il"
            " mentionne “ArgParser”.",
        ),
        (  # a plain word a member noun names, which the corpus writes elsewhere
            "What does the months argument of clitool.ArgParser do?",
            "None of the closest documents mentions “months” where it mentions"
            " “clitool.ArgParser”.",
        ),
        (  # the corpus writes its stem only ("month"): no document mentions "weeks" is said
            "What does the weeks argument of clitool.ArgParser do?",
            "None of the closest documents mentions “weeks” where it mentions “clitool.ArgParser”.",
        ),
    ],
)
def test_a_member_never_written_with_its_owner_is_the_reason(
    assistant: Assistant, question: str, reason: str
) -> None:
    answer = assistant.ask(question)
    assert_abstains(answer, reason)
    assert answer.passages, "the closest passages are still offered"


@pytest.mark.parametrize(
    "question",
    [
        "What does the prog parameter of clitool.ArgParser do?",
        "What is the default max_help_position of HelpFormatter?",
        # the subclass's page names its base in its first passage, the member far below it
        "What does the retries parameter of clitool.ArgParser do?",
    ],
)
def test_a_member_written_with_its_owner_is_answered(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations


REFERENCE = (
    "# clitool API\n\n## ArgParser\n\nArgParser takes prog and usage to build the parser.\n\n"
    "## HelpFormatter\n\nHelpFormatter takes max_help_position, the column where help starts.\n"
)


@pytest.mark.parametrize(("name", "abstains"), [("api.md", True), ("api.txt", False)])
def test_a_one_file_reference_is_read_by_sections_in_markdown_only(
    tmp_path_factory: pytest.TempPathFactory, name: str, abstains: bool
) -> None:
    """A one-file reference writes every class: in a Markdown file, the owner's section is its
    part (probe s17-hostile F1); in a .txt file a "#" line is no heading, and the whole file
    writes the two together (review of s17-hostfix: headings read in .md files only)."""
    assistant = assistant_over(
        {name: REFERENCE},
        tmp_path_factory.mktemp("reference"),
        tmp_path_factory.mktemp("index"),
        channels=("fake",),
    )
    answer = assistant.ask("What does max_help_position of ArgParser do?")
    reason = (
        "None of the closest documents mentions “max_help_position” where it mentions “ArgParser”."
    )
    assert (answer.reason == reason) is abstains
