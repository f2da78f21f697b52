"""Among a notebook's outputs, the one printed by code naming what is asked answers
(output_cells.py, answering._named_output_first; s33 trial a81: the trips' "1248000" was quoted
for the number of stations, whose "124" stood under `df['station'].nunique()`)."""

from __future__ import annotations

import json

import numpy as np
from tests.one_document_banks import one_document_bank

from citeqa.answering import quotable
from citeqa.candidates import Candidates
from citeqa.readers import reader_for
from citeqa.sentences import ScoredSentence, SentenceBank


def _cell(source: str, printed: str) -> dict[str, object]:
    output = {"output_type": "stream", "name": "stdout", "text": [printed + "\n"]}
    return {
        "cell_type": "code",
        "metadata": {},
        "execution_count": 1,
        "source": [source],
        "outputs": [output],
    }


def _notebook_bank() -> SentenceBank:
    return _bank_of(
        [
            {"cell_type": "markdown", "metadata": {}, "source": ["# Bike hire analysis"]},
            _cell("df = pd.read_parquet('rides.parquet')\nprint(len(df))", "1248000"),
            _cell("print(df['station'].nunique())", "124"),
            _cell("print(df.groupby('hour').size().idxmax())", "18"),
        ]
    )


def _bank_of(cells: list[dict[str, object]]) -> SentenceBank:
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}
    reader = reader_for(".ipynb")
    assert reader is not None
    text = reader.extract(json.dumps(notebook), "bikes.ipynb").text
    bank = one_document_bank(text, "md", "bikes")
    bank.documents["d"] = bank.documents["d"].model_copy(update={"kind": "md"})
    return bank


def _line(bank: SentenceBank, written: str) -> int:
    """The index of the sentence of `bank` that is `written` whole."""
    return next(i for i in range(len(bank.sentences)) if bank.text(i) == written)


def _first(bank: SentenceBank, openings: list[str], focus: str) -> str:
    order = [_line(bank, text) for text in openings]
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in order]
    ratings = np.array([0.6, 0.2, 0.1][: len(order)])
    kept = quotable(Candidates(items, ratings, np.zeros((len(order), 2))), bank, focus)
    assert kept.probabilities[0] == ratings[0]
    return bank.text(kept.sentences[0].index)


def test_the_output_of_the_code_naming_the_asked_quantity_answers() -> None:
    bank = _notebook_bank()
    assert _first(bank, ["1248000", "18", "124"], "How many stations are there?") == "124"
    assert _first(bank, ["1248000", "124"], "Combien de stations ?") == "124"


def test_an_output_whose_code_names_the_asked_word_stays_first() -> None:
    bank = _notebook_bank()
    assert _first(bank, ["124", "18"], "How many stations are there?") == "124"


def test_no_output_naming_the_asked_word_leaves_the_order_as_it_was() -> None:
    bank = _notebook_bank()
    assert _first(bank, ["1248000", "18"], "How many rides were made?") == "1248000"


def test_an_assigned_name_in_code_picks_no_output() -> None:
    """A variable's name ("rows = …") is no key of what the code prints: the best stays."""
    cells = [
        _cell("df = pd.read_csv('data.csv')\nprint(len(df))", "5000"),
        _cell("print(df['price'].mean())", "12.5"),
        _cell("rows = df[df.price > 100]\nprint(rows.shape[1])", "7"),
    ]
    assert _first(_bank_of(cells), ["5000", "12.5", "7"], "How many rows does it have?") == "5000"


def test_two_outputs_whose_code_names_the_asked_word_pick_none() -> None:
    cells = [
        _cell("print(len(df))", "1248000"),
        _cell("print(df['station'].nunique())", "124"),
        _cell("print(df['station'].iloc[0])", "Gare Nord"),
    ]
    bank = _bank_of(cells)
    assert _first(bank, ["1248000", "124"], "How many stations are there?") == "1248000"
