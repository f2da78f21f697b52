"""Assistant.suggested_examples: questions on the corpus's own salient terms, in each
document's language, that the assistant answers (for a welcome when the manifest lists none)."""

from __future__ import annotations

from pathlib import Path

from citeqa.api import open_assistant
from citeqa.overview import PHRASE_WORDS, TERM_TEMPLATES
from small_corpora import fake_settings, make_corpus

DOCS = (
    "biotherapy-in-lupus-faq.txt",
    "cellules-stromales-lupus-phase1.txt",
    "refract-lupus-nephritis-biopsies.txt",
)


def test_suggested_examples_are_answered_in_each_language(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", DOCS)
    assistant = open_assistant(fake_settings(corpus, tmp_path / "index"))
    examples = assistant.suggested_examples()
    said = " ".join((corpus / name).read_text(encoding="utf-8") for name in DOCS).casefold()
    assert 1 <= len(examples) <= 3
    assert {example.lang for example in examples} == {"en", "fr"}
    titles = {assistant.document(name.removesuffix(".txt")).title for name in DOCS}
    for example in examples:
        assert not assistant.ask(example.question).abstained
        if example.question in titles:  # a document titled by a question offers that question
            assert example.question.endswith("?")
            continue
        before, after = TERM_TEMPLATES[example.lang].split("{term}")
        assert example.question.startswith(before) and example.question.endswith(after)
        term = example.question[len(before) : len(example.question) - len(after)]
        term = term.strip("“”«» ")  # a heading or a title is quoted
        assert term and len(term.split()) >= 2, term  # never a word alone
        if "“" not in example.question and "«" not in example.question:
            assert len(term.split()) <= PHRASE_WORDS  # the words the term runs with
            assert all(word.casefold() in said for word in term.split()), term
