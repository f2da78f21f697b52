"""A quote of code takes in the result its document writes after it, and a line leading into a
block ("…at a point x:") takes in the block's first lines (code_results.py; s33 trial causes
4 and 7): Markdown notes with fenced code, a notebook's output block, an exercise sheet."""

from __future__ import annotations

import json

import pytest
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa.lexical import tokenize
from citeqa.models import Hit
from citeqa.questions import Vocabulary, analyse
from citeqa.quote_context import PAIR_MAX
from citeqa.quoting import citations_of, quote_spans, verified
from citeqa.readers import reader_for
from citeqa.sentences import ScoredSentence


def _quoted(text: str, opening: str, question: str = "what is it") -> str:
    """The quote citeqa makes of the sentence of Markdown `text` opening with `opening`."""
    bank = one_document_bank(text, "md", "notes")
    bank.documents["d"] = bank.documents["d"].model_copy(update={"kind": "md"})
    index = sentence_opening(bank, opening)
    chunk_index = bank.sentences[index].chunk_index
    hits = [Hit(chunk=bank.chunks[chunk_index], chunk_index=chunk_index, score=1.0)]
    frequency: dict[str, int] = {}
    for token in set(tokenize(text, "en")) | set(tokenize(text, "fr")):
        frequency[token] = 1
    terms = analyse(question, None, Vocabulary([text], frequency, 1))
    spans = quote_spans([ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1)], bank, hits, terms)
    citations = citations_of(spans, bank.documents)
    assert verified(citations, bank.documents)
    return " | ".join(citation.quote for citation in citations)


QUERY = (
    "SELECT c.name, COUNT(o.id) AS orders\nFROM customers c\n"
    "LEFT JOIN orders o ON o.customer_id = c.id\nGROUP BY c.name;"
)
RETURNS = "On the sample base, this query returns 4 rows: Moreau appears with orders = 0."
NOTES = (
    "# Joins\n\n## Outer joins\n\nAn outer join keeps the rows without a match.\n\n"
    f"```sql\n{QUERY}\n```\n\n{RETURNS} With an inner join you would get 3 rows.\n\n"
    "## Subqueries\n\nA correlated subquery reads a column of the outer query.\n"
)


def test_a_quoted_code_block_takes_in_the_result_sentence_after_it() -> None:
    quote = _quoted(NOTES, "SELECT c.name", "What does the LEFT JOIN query return?")
    assert quote.startswith("SELECT c.name") and quote.endswith(RETURNS)
    assert "inner join" not in quote


def test_a_code_line_is_read_to_its_block_s_end_with_the_result_comment() -> None:
    text = (
        "## Lazy evaluation\n\nActions trigger the computation.\n\n```python\n"
        "rdd = sc.parallelize([1, 2, 3, 4, 5, 6])\n"
        "rdd.filter(lambda x: x % 2 == 0).map(lambda x: x * 10).collect()\n"
        "# [20, 40, 60]\n```\n\n## Partitions\n\nThere are 200 by default.\n"
    )
    quote = _quoted(text, "rdd = sc", "What does collect() return after filter and map?")
    assert quote.startswith("rdd = sc") and quote.endswith("# [20, 40, 60]")


SHEET = (
    "# TD 1 — SQL\n\n**Exercice 1.** "
    "Donner le nombre de films par genre, du plus fréquent au moins fréquent.\n\n"
    "```sql\nSELECT genre, COUNT(*) AS n FROM films GROUP BY genre ORDER BY n DESC;\n```\n\n"
    "Réponse attendue : 7 genres, « Drame » en tête avec 412 films.\n\n"
    "**Exercice 2.** Les réalisateurs sans film après 2010.\n\n"
    "```sql\nSELECT r.nom FROM realisateurs r;\n```\n\n"
    "**Exercice 3.** La différence entre WHERE et HAVING.\n"
)


def test_the_result_alone_is_quoted_when_it_holds_the_asked_value_the_code_lacks() -> None:
    quote = _quoted(SHEET, "SELECT genre", "Combien de films a le genre le plus fréquent ?")
    assert quote == "Réponse attendue : 7 genres, « Drame » en tête avec 412 films."


def test_the_next_exercise_is_no_result_of_the_code_above_it() -> None:
    assert _quoted(SHEET, "SELECT r.nom", "Quels réalisateurs ?") == (
        "SELECT r.nom FROM realisateurs r;"
    )


def test_a_notebook_code_cell_takes_in_its_output_block() -> None:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["**Exercise 1.** IDF of a word."]},
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": 1,
            "source": ["import math\n", "math.log(4 / 2)"],
            "outputs": [{"output_type": "stream", "name": "stdout", "text": ["0.6931\n"]}],
        },
    ]
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}
    reader = reader_for(".ipynb")
    assert reader is not None
    text = reader.extract(json.dumps(notebook), "td.ipynb").text
    quote = _quoted(text, "import math", "What is the IDF computed?")
    assert quote.startswith("import math") and quote.endswith("0.6931")
    assert _quoted(text, "import math", "How much is the IDF?").startswith("import math")


def test_a_code_block_and_result_over_the_limit_keep_the_code_alone() -> None:
    code = "\n".join(f"x{n} = {n}" for n in range(10))
    long_result = "The run prints " + "a very long line of figures " * 20 + "at the end."
    text = f"## Run\n\n```python\n{code}\n```\n\n{long_result}\n"
    quote = _quoted(text, "x0 = 0", "what does the run print")
    assert quote == code and len(long_result) > PAIR_MAX


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_lead_in_ending_in_a_colon_takes_in_the_block_it_introduces(gap: str) -> None:
    formula = "    E[(y - f(x))^2] = Bias^2 + Var + sigma^2"
    text = (
        "## Bias and variance\n\nSimple models have high bias.\n\n"
        f"Decomposition of the expected squared error at a point x:{gap}{formula}\n\n"
        "where sigma^2 is the noise.\n"
    )
    quote = _quoted(text, "Decomposition", "decomposition of the expected squared error")
    assert quote == f"Decomposition of the expected squared error at a point x:{gap}{formula}"


def test_a_lead_in_takes_in_the_list_items_that_fit_the_limit() -> None:
    item = "- check item number {} of the list, to be done before leaving"
    items = "\n".join(item.format(n) for n in range(12))
    text = f"## Checklist\n\nBefore closing the hall, check the following:\n{items}\n"
    quote = _quoted(text, "Before closing", "what to check before closing the hall")
    assert quote.startswith("Before closing") and "- check item number 0" in quote
    assert len(quote) <= PAIR_MAX and "item number 11" not in quote


@pytest.mark.parametrize(
    "after",
    [
        "\n\nThe noise cannot be reduced by any model.",  # prose: no block
        "\n\n\n\n    E = B + V",  # two blank lines between
        "\n\n## Next\n\n    E = B + V",  # a heading
    ],
)
def test_a_colon_line_takes_in_no_prose_nor_a_block_far_below(after: str) -> None:
    # a lead-in long and holding a figure: the short quote's run-on (quoting._extended_end) stops
    lead_in = "Since 2024 the expected squared error of a fitted model splits into three parts:"
    text = f"## Errors\n\n{lead_in}{after}\n"
    assert _quoted(text, "Since 2024", "how does the error split") == lead_in


def test_a_statement_over_code_gives_way_to_the_result_holding_the_asked_count() -> None:
    assert _quoted(SHEET, "Donner le nombre", "Combien de films a le genre en tête ?") == (
        "Réponse attendue : 7 genres, « Drame » en tête avec 412 films."
    )
    statement = "Donner le nombre de films par genre, du plus fréquent au moins fréquent."
    assert _quoted(SHEET, "Donner le nombre", "Que demande l'exercice 1 ?") == statement


@pytest.mark.parametrize(
    ("after", "question"),
    [
        ("Exercise 2: count the 17 rows of table u.", "what does the query select"),
        ("Exercise 2: count the 17 rows of table u.", "how many rows"),
        ("**Question suivante** : compter les 17 lignes de u.", "combien de lignes"),
        ("Then open the settings page.", "what does the query select"),
        ("Which rows does it keep?", "which rows does the query keep"),
    ],
)
def test_prose_after_code_that_does_not_refer_back_to_it_is_no_result(
    after: str, question: str
) -> None:
    text = f"## Ex 1\n\nWe select.\n\n```sql\nSELECT a FROM t;\n```\n\n{after}\n"
    assert _quoted(text, "SELECT a", question) == "SELECT a FROM t;"


def test_prose_referring_back_to_the_code_stays_its_result() -> None:
    text = "## Q\n\nWe count.\n\n```sql\nSELECT COUNT(*) FROM t;\n```\n\nCela renvoie 42 lignes.\n"
    assert _quoted(text, "SELECT COUNT", "que fait la requête") == (
        "SELECT COUNT(*) FROM t; | Cela renvoie 42 lignes."
    )
    text = "## Q\n\n```sql\nSELECT COUNT(*) FROM t;\n```\n\nTable t holds 42 rows.\n"
    assert _quoted(text, "SELECT COUNT", "how many rows does table t hold") == (
        "Table t holds 42 rows."
    )


@pytest.mark.parametrize(
    "result",
    [
        "This prints done after 5 minutes.",  # a duration, no word of the question
        "It returns the list of the 12 dependencies in 5 minutes.",  # a duration for a count
        "It gives 3 warnings on 12 March 2024.",  # shares no word with question nor statement
    ],
)
def test_a_statement_keeps_its_place_over_a_result_off_its_question(result: str) -> None:
    statement = "Install the dependencies with pip."
    text = f"## Setup\n\n{statement}\n\n```\npip install -r requirements.txt\n```\n\n{result}\n"
    assert _quoted(text, "Install the", "how many dependencies are there") == statement


@pytest.mark.parametrize(
    ("text", "opening", "question", "quote"),
    [
        (
            "## FAQ\n\nSince 2024 members may bring a dog to the hall, but note the following:\n"
            "- the bar opens at 18h\n- parking is free on Sundays\n",
            "Since 2024",
            "can members bring a dog",
            "Since 2024 members may bring a dog to the hall, but note the following:",
        ),
        (
            "## Prices\n\nThe prices for 2024 are:\n\n| Item | Price |\n|---|---|\n"
            "| Tea | 2 |\n| Coffee | 3 |\n| Cake | 4 |\n| Juice | 5 |\n",
            "The prices for",
            "what is the price of cake",
            "The prices for 2024 are:\n\n| Item | Price |\n|---|---|\n"
            "| Tea | 2 |\n| Coffee | 3 |\n| Cake | 4 |",
        ),
    ],
)
def test_a_lead_in_takes_in_list_items_or_rows_only_up_to_one_sharing_a_question_word(
    text: str, opening: str, question: str, quote: str
) -> None:
    assert _quoted(text, opening, question) == quote


def test_code_and_its_result_are_cited_as_two_quotes_without_the_fence_marks() -> None:
    quote = _quoted(NOTES, "SELECT c.name", "What does the LEFT JOIN query return?")
    assert quote == f"{QUERY} | {RETURNS}"
