"""Print what asking a page of many section headings costs the asked-heading rule
(section_answers.under_asked_heading, asked_headings.py), warm: the quote ranker's candidates
of one page of `--headings` sections, kept to those under the heading each question asks.
Before session 25's review B every question tokenized every heading again; until session 50
each question read the words of every heading of the page (a Markdown outline), since then
only those of the headings its candidates stand under. Run it with the PYTHONPATH of both
versions and compare the ms per question (the ratio). CPU seconds, medians of a few rounds. Not
a test; run it by hand:

    python benchmarks/asked_headings_cost.py [--headings 10000] [--candidates 40] [--rounds 5]
"""

from __future__ import annotations

import argparse

import numpy as np
from fake_corpus import cpu_median

from citeqa.answer_location import Reading
from citeqa.candidates import Candidates
from citeqa.chunking import chunk_document
from citeqa.lexical import tokenize
from citeqa.models import Document, Hit, Sentence
from citeqa.questions import QuestionTerms
from citeqa.section_answers import under_asked_heading
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences

QUESTIONS = (
    "What is the root cause of the relay review?",
    "Which port does service 4242 use?",
    "What is the project status of the vendor budget?",
)


def page(headings: int) -> str:
    """A page of `headings` sections of two-word headings and one sentence each."""
    sections = [
        f"## Service {n} status\n\nService {n} listens on port {n}.\n" for n in range(headings)
    ]
    return "# Services\n\n" + "\n".join(sections)


def terms(question: str) -> QuestionTerms:
    """The question's words, each a term of its own (no equivalents)."""
    found = [(frozenset({word}), 1.0) for word in tokenize(question, "en")]
    return QuestionTerms(focus=question, terms=found, focus_terms=len(found))


def readings(text: str, candidates: int) -> list[tuple[Candidates, Reading]]:
    """Each question's candidates (`candidates` sentences spread over the page, the first
    rated best) and reading of the page, cut as a build cuts it."""
    doc = Document(doc_id="d", title="Services", path="/d.md", text=text, sha256="0", kind="md")
    chunks = list(chunk_document(doc))
    rows = document_sentences(text, [(n, c.start, c.end) for n, c in enumerate(chunks)], "md")
    sentences = [Sentence(doc_id="d", chunk_index=n, start=a, end=b) for n, a, b in rows.tolist()]
    bank = SentenceBank({"d": doc}, chunks, sentences, None, [frozenset() for _ in sentences])
    step = max(1, len(sentences) // max(1, candidates))
    chosen = [
        ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1)
        for index in range(0, len(sentences), step)[:candidates]
    ]
    ranked = Candidates(chosen, np.linspace(0.8, 0.1, len(chosen)), np.zeros((len(chosen), 1)))
    hits = [Hit(chunk=chunks[sentences[chosen[0].index].chunk_index], chunk_index=0, score=1.0)]
    return [(ranked, Reading(bank, hits, terms(question))) for question in QUESTIONS]


def ask(asked: list[tuple[Candidates, Reading]]) -> None:
    """What the rule reads for each question."""
    for ranked, reading in asked:
        under_asked_heading(ranked, reading)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--headings", type=int, default=10_000)
    parser.add_argument("--candidates", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asked = readings(page(args.headings), args.candidates)
    ask(asked)  # warm: the outline (and, where kept, the heading words) read once
    seconds = cpu_median(lambda: ask(asked), args.rounds)
    per_question = seconds / len(QUESTIONS) * 1000
    print(
        f"{args.headings} headings, {len(asked[0][0].sentences)} candidates: "
        f"{per_question:.2f} ms CPU per question (warm, median of {args.rounds})"
    )


if __name__ == "__main__":
    main()
