"""A comma-separated export writing a French decimal comma unquoted ("1,20 € par km") reads it
as one field, and the row is quoted with the whole price (readers.delimited._decimals_joined;
s46 trial b11 quoted "| 1 | 20 € par km |")."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.readers.delimited import read_records
from small_corpora import assistant_over

TARIFS = """produit,essence,dimensions,prix_ttc
Table de ferme,noyer,200 x 90 cm,1890 €
Banc,chêne massif,160 cm,390 €
Livraison,,rayon de 30 km,gratuite
Livraison,,au-delà de 30 km,1,20 € par km
"""


def test_the_row_is_quoted_with_its_whole_price(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    assistant = assistant_over({"tarifs.csv": TARIFS}, tmp_path / "docs", tmp_path / "index")
    answer = assistant.ask("Combien coûte la livraison au-delà de 30 km ?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote == "| Livraison |  | au-delà de 30 km | 1,20 € par km |"


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("a,b,c\nx,12,5 %,y\n", ["x", "12,5 %", "y"]),
        ("a,b\nx,1,20 €\n", ["x", "1,20 €"]),
        ("a,b\nx,0,2\n", ["x", "0", "2"]),  # bare numbers: a ragged record
        ("a,b,c\nx,1,2\n", ["x", "1", "2"]),  # as wide as the header: left as read
        ("a,b\nx,2024,10 €\n", ["x", "2024", "10 €"]),  # four digits: no price's whole part
        ("a;b\nx;1,20\n", ["x", "1,20"]),  # another separator: the csv module's reading
    ],
)
def test_only_a_record_wider_than_its_header_is_joined(text: str, row: list[str]) -> None:
    assert read_records(text, ",")[1] == row
