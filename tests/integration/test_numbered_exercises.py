"""A question naming a numbered exercise's table ("t17") is answered by that exercise's code and
result, not a neighbour's (answering.of_asked_numbered_names, numbered_names.py; s35 hostile
M5: t18's code and result were quoted for t17)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over


def exercises(count: int) -> str:
    return "# TP\n\n" + "".join(
        f"Exercice {n} : compter les lignes de la table t{n} :\n\n"
        f"```sql\nSELECT COUNT(*) FROM t{n};\n```\n\n"
        f"Cette requête renvoie {n} lignes.\n\n"
        for n in range(count)
    )


@pytest.fixture(scope="module")
def lessons(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"tp.md": exercises(40), "notes.txt": "Le TP se fait en salle 4.\n"}
    corpus, index = tmp_path_factory.mktemp("tp"), tmp_path_factory.mktemp("tp_index")
    return assistant_over(files, corpus, index)


@pytest.mark.parametrize("table", [17, 25, 33])
def test_the_asked_table_s_code_and_result_are_quoted_not_a_neighbour_s(
    lessons: Assistant, table: int
) -> None:
    answer = lessons.ask(f"Combien de lignes renvoie la requête sur la table t{table} ?")
    assert not answer.abstained, answer.reason
    quoted = "\n".join(citation.quote for citation in answer.citations)
    assert f"t{table};" in quoted, quoted
    for other in (table - 1, table + 1):
        assert f"t{other}" not in quoted and f"renvoie {other} lignes" not in quoted, quoted
